"""Every language: pages, lang/dir, switcher, hreflang, 404, fallback notice, theme strings."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, data_error
from tests.pages import english_slugs, folder, page_path, soup

RTL = {"ar", "fa"}   # written right to left (Arabic, Persian)



def test_every_page_exists_in_every_language_with_lang_and_dir(site, languages):
    for lang in languages:
        for slug in english_slugs():
            path = page_path(site, lang, slug)
            assert path.exists(), f"{lang}/{slug} missing"
            html = soup(path).html
            assert html["lang"] == lang, f"{lang}/{slug}: lang={html['lang']}"
            assert html["dir"] == ("rtl" if lang in RTL else "ltr"), f"{lang}/{slug}: dir={html.get('dir')}"
            assert not soup(path).select(".wtc-fallback"), f"{lang}/{slug} fell back to English"


def test_translated_pages_are_not_english(site, languages):
    """Negative control on content: the Spanish home does not carry the English hero sentence."""
    english = soup(page_path(site, "en", "index")).select_one(".wtc-hero p").get_text()
    for lang in languages[1:]:
        assert soup(page_path(site, lang, "index")).select_one(".wtc-hero p").get_text() != english


def test_switcher_links_go_to_same_page_in_each_language(site, languages):
    for lang in languages:
        for slug in english_slugs():
            path = page_path(site, lang, slug)
            links = soup(path).select("a.md-select__link[hreflang]")
            assert sorted(a["hreflang"] for a in links) == sorted(languages)
            for a in links:
                assert not a["href"].startswith(("/", "http")), f"switcher link not relative: {a['href']}"
                target = (path.parent / a["href"]).resolve()
                target = target / "index.html" if target.is_dir() else target
                assert target == page_path(site, a["hreflang"], slug).resolve(), (lang, slug, a["href"])
                assert a["lang"] == a["hreflang"], "language name needs its own lang"


def test_hreflang_alternates_in_head_and_sitemap(site, languages):
    for lang in languages:
        head = soup(page_path(site, lang, "call-911")).head
        alternates = {link["hreflang"]: link["href"] for link in head.select("link[hreflang]")}
        assert set(alternates) == set(languages) | {"x-default"}
        assert all(href.startswith("http") for href in alternates.values())
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for lang in languages:
        assert f'hreflang="{lang}"' in sitemap


def test_a_404_page_per_language(site, languages):
    for lang in languages:
        path = folder(site, lang) / "404.html"
        assert soup(path).html["lang"] == lang


def test_material_ui_strings_are_translated(site, languages):
    """Material ships UI strings for our languages: the search placeholder differs from English."""
    def placeholder(lang):
        config = soup(page_path(site, lang, "index")).select_one("#__config").string
        return json.loads(config)["translations"]["search.result.placeholder"]
    english = placeholder("en")
    for lang in languages[1:]:
        assert placeholder(lang) != english, f"{lang}: Material UI strings missing"


def test_search_index_per_language(site, languages):
    for lang in languages:
        index_path = folder(site, lang) / "search" / "search_index.json"
        index = json.loads(index_path.read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert locations, lang
        others = [code for code in languages[1:] if code != lang]
        assert not [loc for loc in locations if loc.split("/")[0] in others], f"{lang} index has other languages"
        size = index_path.stat().st_size
        print(f"{lang}: search index {size / 1024:.1f} KB, {len(locations)} entries")


def status(root):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "translation_status.py"), "--root", str(root)],
                          capture_output=True, text=True)


def test_status_script_passes_on_the_project():
    result = status(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^ar\s+yes\s+\d+/\d+", result.stdout, re.M)


def test_status_catches_a_removed_translation(project):
    (project / "docs" / "law-enforcement.vi.md").unlink()
    result = status(project)
    assert result.returncode == 1
    assert "vi: missing page: docs/law-enforcement.vi.md" in result.stderr


def test_status_catches_an_outdated_translation(project):
    page = project / "docs" / "know-your-rights.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new English sentence.\n", encoding="utf-8")
    result = status(project)
    assert result.returncode == 1
    for lang in ("es", "zh", "vi", "ar"):
        assert f"{lang}: outdated page: docs/know-your-rights.{lang}.md" in result.stderr


def test_status_catches_changed_english_words(project):
    words = project / "data" / "text" / "en.yml"
    words.write_text(words.read_text(encoding="utf-8").replace("  call: Call\n", "  call: Call now\n"), encoding="utf-8")
    result = status(project)
    assert result.returncode == 1
    assert "es: outdated words: data/text/es.yml key 'ui.call'" in result.stderr


def test_status_catches_chinese_text_missing_from_the_search_words(project):
    page = project / "docs" / "call-911.zh.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n消防车和救护车。\n", encoding="utf-8")
    result = status(project)
    assert result.returncode == 1
    assert "data/search/zh-words.txt" in result.stderr and "--mark zh" in result.stderr
    fixed = subprocess.run([sys.executable, str(ROOT / "scripts" / "translation_status.py"), "--root", str(project),
                            "--mark", "zh"], capture_output=True, text=True)
    assert fixed.returncode == 0, fixed.stderr
    assert "消防车 " in (project / "data" / "search" / "zh-words.txt").read_text(encoding="utf-8")


def test_status_rejects_translation_of_unknown_page_and_unknown_language(project):
    (project / "docs" / "no-such-page.es.md").write_text("# Hola\n", encoding="utf-8")
    result = status(project)
    assert result.returncode == 1 and "no-such-page.es.md" in result.stderr and "'es'" in result.stderr
    (project / "docs" / "no-such-page.es.md").unlink()
    (project / "docs" / "index.xx.md").write_text("# ?\n", encoding="utf-8")
    result = status(project)
    assert result.returncode == 1 and "unknown language code 'xx'" in result.stderr


def test_missing_word_in_a_shipped_language_stops_the_build(data_copy):
    words = data_copy / "data" / "text" / "zh.yml"
    text = words.read_text(encoding="utf-8")
    words.write_text(re.sub(r"\n  try_again: .*", "", text), encoding="utf-8")
    message = data_error(data_copy)
    assert "data/text/zh.yml" in message and "ui.try_again" in message and "'zh'" in message


def test_yaml_error_in_a_language_file_names_file_and_line(data_copy):
    words = data_copy / "data" / "text" / "es.yml"
    words.write_text(words.read_text(encoding="utf-8").replace("  call: ", "  call: [", 1), encoding="utf-8")
    message = data_error(data_copy)
    assert "data/text/es.yml" in message and "line" in message


def test_unknown_language_words_file_stops_the_build(data_copy):
    (data_copy / "data" / "text" / "de.yml").write_text("language: {}\n", encoding="utf-8")
    assert "unknown language code 'de'" in data_error(data_copy)


def test_missing_page_falls_back_to_english_with_a_notice(changed_build):
    """docs/law-enforcement.es.md removed: the English page, marked lang="en", with a notice in Spanish."""
    _, site, result = changed_build
    assert result.returncode == 0, result.stderr
    page = soup(page_path(site, "es", "law-enforcement"))
    notice = page.select_one(".wtc-fallback")
    assert notice and "no está traducida" in notice.get_text()
    assert page.select_one(".wtc-fallback-content")["lang"] == "en"
    # Control: a translated page has no notice.
    assert not soup(page_path(site, "es", "call-911")).select(".wtc-fallback")


def chooser_targets(site, lang):
    """Where each "Which number?" card on a language's home page leads, as site-relative paths."""
    home = page_path(site, lang, "index")
    return [(home.parent / a["href"].split("#")[0]).resolve().relative_to(site.resolve()).as_posix()
            for a in soup(home).select(".wtc-chooser a.wtc-choice__more")]


def test_home_chooser_stays_in_the_readers_language_when_the_home_is_not_translated(changed_build):
    """docs/index.es.md removed: a Spanish reader on the English stand-in home is sent to the Spanish pages."""
    _, site, result = changed_build
    assert result.returncode == 0, result.stderr
    assert soup(page_path(site, "es", "index")).select(".wtc-fallback"), "test setup: es home should fall back"
    spanish, english = chooser_targets(site, "es"), chooser_targets(site, "en")
    assert spanish and all(path.startswith("es/") for path in spanish), spanish
    # Control: the same check fails for the English home's cards.
    assert english and not any(path.startswith("es/") for path in english), english
