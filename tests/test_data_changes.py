"""Changing data/ changes every page; bad data stops the build with one clear message."""
import re

import pytest

from tests.conftest import data_error, edit, run_build


def test_changing_a_number_changes_every_page(changed_build):
    """The hotline's number changed in data/numbers.yml: no page keeps the old one."""
    _, out, result = changed_build
    assert result.returncode == 0, result.stderr
    pages = {p: p.read_text(encoding="utf-8") for p in out.rglob("*.html")}
    assert not [p for p, text in pages.items() if "799-7233" in text or "8007997233" in text]
    with_new = [p for p, text in pages.items() if "tel:+18005550100" in text]
    assert len(with_new) >= 2, "the new number should appear on several pages"


def test_text_from_data_is_escaped(changed_build):
    """Markup typed into data/text reaches the reader as text."""
    _, out, result = changed_build
    assert result.returncode == 0, result.stderr
    page = (out / "other-help" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


BAD_INPUT = [
    ("YAML syntax error", "data/numbers.yml", "  hours: limited", "  hours: [limited",
     ["data/numbers.yml", "YAML syntax error", "line"]),
    ("missing required field", "data/numbers.yml", '  dial: "988"\n', "",
     ["data/numbers.yml", "'988'", "dial", "missing"]),
    ("unknown field", "data/numbers.yml", "  coverage: local\n", "  coverage: local\n  colour: red\n",
     ["data/numbers.yml", "police-non-emergency", "colour"]),
    ("duplicate id", "data/numbers.yml", "- id: rainn", "- id: poison-help",
     ["data/numbers.yml", "poison-help", "duplicate id"]),
    ("letters in a number", "data/numbers.yml", '"1-800-656-4673"', '"1-800-RAINN-00"',
     ["data/numbers.yml", "rainn", "dial", "digits"]),
    ("situation points at unknown number", "data/situations.yml", "number: rainn", "number: rainbow",
     ["data/situations.yml", "sexual-assault-support", "number", "rainbow"]),
    ("source not https", "data/sources.yml", "url: https://rainn.org/", "url: http://rainn.org/",
     ["data/sources.yml", "rainn", "url", "https"]),
    ("date that is not a date", "data/sources.yml", "checked: 2026-11-24", "checked: 2026-13-45",
     ["data/sources.yml", "checked", "2026-13-45", "YYYY-MM-DD"]),
    ("missing words in English", "data/text/en.yml", "  wellness-check: You are worried", "  wellness-checks: You are worried",
     ["data/text/en.yml", "situations.wellness-check", "'en'"]),
]


@pytest.mark.parametrize("name,file,old,new,expected", BAD_INPUT, ids=[case[0] for case in BAD_INPUT])
def test_bad_data_is_named_in_one_line(data_copy, name, file, old, new, expected):
    """Checked in-process: the message names file, entry, field and fix, on one line."""
    edit(data_copy / file, old, new)
    message = data_error(data_copy)
    for part in expected:
        assert part in message, f"{name}: {part!r} not in message:\n{message}"
    assert "\n" not in message, message


# The build end to end: bad data (stopped before MkDocs) and a page asking for an unknown number (stopped in MkDocs).
BAD_BUILD = [
    ("YAML syntax error", "data/numbers.yml", "  hours: limited", "  hours: [limited",
     ["BUILD FAILED: data/numbers.yml", "YAML syntax error", "line"]),
    ("page asks for an unknown number", "docs/index.md", '{{ call("911") }}', '{{ call("912") }}',
     ["BUILD FAILED: ", "docs/index.md", "912", "data/numbers.yml"]),
]


@pytest.mark.parametrize("name,file,old,new,expected", BAD_BUILD, ids=[case[0] for case in BAD_BUILD])
def test_bad_input_fails_clearly_and_keeps_old_site(project, tmp_path, name, file, old, new, expected):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous good build", encoding="utf-8")
    edit(project / file, old, new)
    result = run_build(project, out)
    assert result.returncode != 0, f"{name}: build passed"
    message = result.stderr
    for part in expected:
        assert part in message, f"{name}: {part!r} not in message:\n{message}"
    assert "Traceback" not in message
    assert len(message.strip().splitlines()) == 2, message   # the error, and that site/ was left alone
    assert (out / "index.html").read_text(encoding="utf-8") == "previous good build"
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]


def test_good_build_replaces_old_site(changed_build):
    """Control for the test above: the same setup with good data does replace site/."""
    _, out, result = changed_build
    assert result.returncode == 0, result.stderr
    assert "previous good build" not in (out / "index.html").read_text(encoding="utf-8")
    assert not list(out.parent.glob(".site-*")), "temporary build folder left behind"
