"""Every built page passes the Nu HTML Checker (vnu.jar) with zero errors.

One JVM checks every page of the site together with a deliberately invalid
control page, which must fail: so the checker is known to be running and
looking.
"""
import json
import shutil
import subprocess
from collections import defaultdict

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CONTROL = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Control</title></head>
<body><input type="checkbox" autocomplete="off"><p><div>block in a paragraph</div></p></body></html>
"""


@pytest.fixture(scope="module")
def checked(site, tmp_path_factory):
    """{file: [error lines]} for every page of the site, and for the control page."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail(f"the HTML checker needs Java and {VNU.relative_to(ROOT)} (npm ci installs it)")
    control = tmp_path_factory.mktemp("vnu") / "control.html"
    control.write_text(CONTROL, encoding="utf-8")
    pages = sorted(site.rglob("*.html"))
    # The JVM's quick compiler only (TieredStopAtLevel=1): for one short run it spends half the CPU of
    # the default, and the report is the same, byte for byte (checked on every page and two broken
    # ones); its deeper stack frames need a bigger thread stack than vnu's 512 KB.
    java = ["java", "-Xss16m", "-XX:TieredStopAtLevel=1", "-jar", str(VNU)]
    result = subprocess.run([*java, "--errors-only", "--format", "json", *map(str, pages), str(control)],
                            capture_output=True, text=True)
    report = json.loads(result.stderr or result.stdout)   # vnu writes its JSON to stderr
    errors = defaultdict(list)
    for message in report["messages"]:
        path = message.get("url", "").removeprefix("file:")
        errors[path].append(f"line {message.get('lastLine', '?')}: {message.get('message')}")
    return {"pages": pages, "errors": errors, "control": str(control), "site": site}


def test_every_page_is_valid_html(checked):
    site = checked["site"]
    problems = {path: lines for path, lines in checked["errors"].items() if path != checked["control"]}
    print(f"vnu: {len(checked['pages'])} pages checked, {sum(map(len, problems.values()))} errors")
    assert len(checked["pages"]) > 50
    report = []
    for path, lines in sorted(problems.items()):
        report.append(str(path).replace(str(site) + "/", ""))
        report.extend(f"  {line}" for line in lines[:10])
    assert not problems, "\n".join(report)


def test_checker_rejects_an_invalid_page(checked):
    """Negative control: the invalid page checked in the same run has errors."""
    messages = " ".join(checked["errors"].get(checked["control"], []))
    assert "autocomplete" in messages and "No “p” element in scope" in messages, messages


def test_html_fixes():
    """Checkboxes lose autocomplete (text inputs keep it); the search dialog takes the search box's label."""
    from whotocall.material import drop_checkbox_autocomplete, name_search_dialog

    def fix(html):
        return name_search_dialog(drop_checkbox_autocomplete(html))

    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<div class="md-search" data-md-component="search" role="dialog">'
            '<input type="text" class="md-search__input" name="query" aria-label="Buscar" autocomplete="off">')
    fixed = fix(html)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" class="md-search__input" name="query" aria-label="Buscar" autocomplete="off">' in fixed
    assert '<div class="md-search" data-md-component="search" role="dialog" aria-label="Buscar">' in fixed
