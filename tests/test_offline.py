"""The offline zips, one per language: unzip each and use it from file:// with every network request blocked."""
import re
import shutil
import zipfile

import pytest

from tests.conftest import ROOT
from tests.pages import page_path, page_url, soup
from tests.visits import wait_until
from tests.test_quiz import keyboard_answer
from whotocall import languages as site_languages
from whotocall.offline import FOLDER, edition_languages, zip_path

BUDGET = 1_500_000   # bytes, each language's zip
LANGUAGES = site_languages.codes(ROOT)


@pytest.fixture(scope="module")
def edition(site, languages, tmp_path_factory):
    """Every language's zip unzipped: by language, its root folder, size and entry names."""
    folder = tmp_path_factory.mktemp("offline")
    editions = {}
    for lang in languages:
        archive = site / zip_path(lang)
        size = archive.stat().st_size
        print(f"offline zip {lang}: {size / 1e6:.2f} MB ({size} bytes)")
        with zipfile.ZipFile(archive) as z:
            assert z.testzip() is None, f"{archive.name}: a file's CRC does not match"
            names = z.namelist()
            z.extractall(folder / lang)
        editions[lang] = {"root": folder / lang / FOLDER, "size": size, "names": names}
    return editions


@pytest.fixture
def offline_page(browser):
    """A page where any request that is not file:// is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    blocked, errors = [], []

    def guard(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    yield page, blocked, errors
    context.close()


def url(edition, lang, path):
    """file:// URL of a file in one language's edition."""
    return (edition[lang]["root"] / path).as_uri()


def download_language(name: str, languages) -> str | None:
    """Which language a file in downloads/ is for, by its name: "-<lang>.<ext>" or "-<lang>-<n>.svg" at the end."""
    for lang in sorted(languages, key=len, reverse=True):     # zh-Hant before zh
        if re.search(rf"-{re.escape(lang)}(-\d+)?\.[a-z]+$", name):
            return lang
    return None


def test_zip_size_and_contents(edition, languages, site):
    hosted = sorted(p.relative_to(site).as_posix() for p in (site / "downloads").rglob("*")
                    if p.is_file() and p.suffix != ".zip")
    unclaimed = [name for name in hosted if download_language(name, languages) is None]
    assert not unclaimed, f"downloads named without a language (update download_language): {unclaimed}"
    for lang in languages:
        names = edition[lang]["names"]
        assert edition[lang]["size"] < BUDGET, f"{lang}: zip is {edition[lang]['size']} bytes"
        assert names == sorted(names), "entries must be sorted for reproducible bytes"
        assert not [n for n in names if n.endswith((".map", "search_index.json", ".zip"))], "build leftovers in the zip"
        inside = edition_languages(lang, ROOT)
        assert inside == (["en"] if lang == "en" else ["en", lang])
        for code in languages:
            prefix = f"{FOLDER}/{page_url('', code, 'index')}"
            held = [f"{prefix}index.html", f"{prefix}quiz/index.html", f"{prefix}search/search_index.js"]
            if code in inside:
                assert set(held) <= set(names), (lang, code)
            elif prefix != f"{FOLDER}/":
                assert not [n for n in names if n.startswith(prefix)], f"{lang} zip holds {code} pages"
        downloads = sorted(n[len(FOLDER) + 1:] for n in names if n.startswith(f"{FOLDER}/downloads/"))
        assert downloads == [n for n in hosted if download_language(n, languages) in inside], lang
    # Negative control: the check above sees French pages and downloads where they belong.
    if "fr" in languages and "es" in languages:
        assert f"{FOLDER}/fr/index.html" in edition["fr"]["names"]
        assert f"{FOLDER}/fr/index.html" not in edition["es"]["names"]
        assert f"{FOLDER}/downloads/who-to-call-cards-fr.pdf" in edition["fr"]["names"]
        assert f"{FOLDER}/downloads/who-to-call-cards-fr.pdf" not in edition["es"]["names"]
        assert download_language("downloads/previews/card-zh-Hant-3.svg", languages) == "zh-Hant"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_home_loads_with_styles(edition, offline_page, lang):
    page, blocked, errors = offline_page
    page.goto(url(edition, lang, page_url("", lang, "index") + "index.html"))
    page.wait_for_load_state("load")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(11, 74, 111)", "site stylesheet not applied"
    assert page.locator('a[href="tel:911"]').first.is_visible()
    assert blocked == [] and errors == [], (blocked, errors)


def search_from_file(page, edition, lang, path, query):
    """Search from a page of a language's unzipped edition; the result links."""
    page.goto(url(edition, lang, path))
    box = page.locator("input.md-search__input")
    box.focus()
    box.fill(query)
    box.press("End")   # Playwright types non-ASCII without key events; Material waits for one
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


def test_spanish_search_from_file(edition, offline_page):
    page, blocked, errors = offline_page
    links = search_from_file(page, edition, "es", "es/call-911/index.html", "abogado")
    assert links and all("/es/" in link for link in links), links
    assert blocked == [] and errors == [], (blocked, errors)


def test_chinese_phrase_search_from_file(edition, offline_page):
    page, blocked, errors = offline_page
    links = search_from_file(page, edition, "zh", "zh/call-911/index.html", "我要找律师")
    assert links[0] == url(edition, "zh", "zh/know-your-rights/index.html"), links[:3]
    assert blocked == [] and errors == [], (blocked, errors)


def test_arabic_quiz_by_keyboard_from_file(edition, offline_page, catalog):
    page, blocked, errors = offline_page
    page.goto(url(edition, "ar", "ar/quiz/index.html"))
    page.wait_for_load_state("load")
    rights = [q["offered"].index(q["answer"]) for q in catalog.quiz]
    keyboard_answer(page, rights)
    score = page.locator(".wtc-quiz__score").inner_text()
    assert score == catalog.text("ar", "ui.score").format(right=len(rights), total=len(rights))
    assert blocked == [] and errors == [], (blocked, errors)


def menu(page):
    """The languages the open page's language menu offers."""
    return page.locator(".md-header a.md-select__link").evaluate_all("els => els.map(e => e.hreflang)")


def test_language_switcher_from_file(edition, offline_page, languages):
    """The Spanish zip's menu offers English and Spanish, both ways; the English zip's, English alone."""
    page, blocked, errors = offline_page
    page.goto(url(edition, "es", "es/know-your-rights/index.html"))
    assert menu(page) == ["en", "es"]
    page.locator(".md-header .md-select button").first.hover()
    page.locator('a.md-select__link[hreflang="en"]').first.click()
    page.wait_for_load_state("load")
    assert page.url == url(edition, "es", "know-your-rights/index.html")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert menu(page) == ["en", "es"]
    page.locator(".md-header .md-select button").first.hover()
    page.locator('a.md-select__link[hreflang="es"]').first.click()
    page.wait_for_load_state("load")
    assert page.url == url(edition, "es", "es/know-your-rights/index.html")
    page.goto(url(edition, "en", "know-your-rights/index.html"))
    assert menu(page) == ["en"]
    assert blocked == [] and errors == [], (blocked, errors)


def test_guard_records_other_hosts(edition, offline_page):
    """Negative control: the guard does see a request to another host."""
    page, blocked, errors = offline_page
    page.goto(url(edition, "en", "index.html"))
    page.evaluate("fetch('https://example.org/x').catch(() => {})")
    wait_until(page, lambda: blocked)
    assert blocked == ["https://example.org/x"]


def test_download_page_links_its_languages_zip_with_size(site, languages, catalog):
    from bs4 import BeautifulSoup
    from whotocall.file_sizes import size_text
    for lang in languages:
        html = BeautifulSoup(page_path(site, lang, "download").read_text(encoding="utf-8"), "html.parser")
        link = html.select_one(".wtc-download a[download]")
        target = (page_path(site, lang, "download").parent / link["href"]).resolve()
        assert target == (site / zip_path(lang)).resolve(), (lang, link["href"])
        size = size_text(target.stat().st_size, site_languages.get(lang, ROOT).babel)
        assert size in link.get_text(), f"{lang}: {link.get_text()!r}, zip {size}"
        assert re.search(r"\d", size)


def folder_links(html_file):
    """Relative href/src values of one page that name a folder or a missing file (file:// opens neither)."""
    from urllib.parse import unquote, urlsplit
    html = soup(html_file)
    bad = []
    for element in html.select("[href], [src]"):
        value = element.get("href") or element.get("src")
        parts = urlsplit(value)
        if parts.scheme or value.startswith(("#", "//")) or not parts.path:
            continue
        target = (html_file.parent / unquote(parts.path)).resolve()
        if not target.is_file():
            bad.append(value)
    return bad


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_in_the_edition_works(edition, lang):
    """Each unzipped edition: every relative link names a file (file:// opens no folder), and
    scripts/check_links.py finds every target and anchor, and the hreflang links to the site's URL.
    (One test, so each page is parsed once: tests/pages.soup.)"""
    from scripts.check_links import check
    pages = sorted(edition[lang]["root"].rglob("*.html"))
    assert len(pages) > 25 or lang == "en" and len(pages) > 12, (lang, len(pages))
    broken = {str(p.relative_to(edition[lang]["root"])): folder_links(p) for p in pages}
    broken = {page: links for page, links in broken.items() if links}
    assert not broken, (lang, broken)
    report = check(edition[lang]["root"], parse=soup)
    assert not report.broken, (lang, report.broken[:10])


def test_folder_link_check_sees_a_folder_link(site):
    """Negative control: the hosted pages link folders, and the check sees them."""
    assert "../quiz/" in folder_links(site / "es" / "call-911" / "index.html")


def test_link_checker_sees_a_language_not_in_the_edition(edition, languages, tmp_path):
    """Negative control: the Spanish edition with a French entry put back in its menu fails the check."""
    from scripts.check_links import check
    if "fr" in languages and "es" in languages:
        copy = shutil.copytree(edition["es"]["root"], tmp_path / "es")
        page = copy / "es" / "call-911" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert 'hreflang="fr"' not in html
        extra = '<li class="md-select__item"><a href="../../fr/call-911/index.html" hreflang="fr">Français</a></li>'
        page.write_text(html.replace('<li class="md-select__item">', extra, 1), encoding="utf-8")
        assert [p for p in check(copy).broken if "fr/call-911/index.html" in p]


def test_offline_download_pages_say_offline_copy(edition, languages, catalog):
    from bs4 import BeautifulSoup
    for lang in languages:
        for code in edition_languages(lang, ROOT):
            html = BeautifulSoup(page_path(edition[lang]["root"], code, "download").read_text(encoding="utf-8"),
                                 "html.parser")
            assert not html.select("a[download]"), (lang, code)
            assert html.select_one(".wtc-download--offline").get_text(strip=True) == catalog.text(code, "ui.offline_copy")
            assert not html.select('meta[http-equiv="Content-Security-Policy"]'), (lang, code)


def test_root_absolute_link_stops_the_offline_edition():
    from pathlib import Path
    from whotocall.data import DataError
    from whotocall.offline import file_link
    assert file_link("../es/quiz/#q1") == "../es/quiz/index.html#q1"
    with pytest.raises(DataError, match="starts at the server's root"):
        file_link("/es/", Path("es/index.html"))


def test_menu_is_cut_to_the_editions_languages():
    from whotocall.data import DataError
    from whotocall.offline import menu_of
    item = '<li class="md-select__item">\n  <a href="../{0}/" hreflang="{0}" lang="{0}" class="md-select__link">{0}</a>\n</li>\n'
    head = '<link rel="alternate" href="https://x.org/{0}/" hreflang="{0}">\n'
    page = "".join(head.format(c) for c in ("en", "x-default", "es", "fr")) + "".join(item.format(c) for c in ("en", "es", "fr"))
    cut = menu_of(page, "es/index.html", ["en", "es"])
    assert re.findall(r'hreflang="([^"]+)"', cut) == ["en", "x-default", "es", "en", "es"]
    # Negative control: markup the cut does not know stops the build instead of leaving French in.
    changed = page.replace('<li class="md-select__item">', '<li class="md-select__item md-select__item--new">')
    with pytest.raises(DataError, match="could not cut the language menu of es/index.html"):
        menu_of(changed, "es/index.html", ["en", "es"])


def test_a_download_for_no_language_stops_the_offline_edition(site, catalog, tmp_path):
    """A new kind of download is never silently put in every zip, or in none."""
    from whotocall.data import DataError
    from whotocall.offline import offline_zip
    copy = shutil.copytree(site, tmp_path / "site", ignore=shutil.ignore_patterns("*.zip"))
    (copy / "downloads" / "poster.pdf").write_bytes(b"%PDF-1.7")
    with pytest.raises(DataError, match="downloads/poster.pdf is for no language"):
        offline_zip(ROOT, copy, catalog)
