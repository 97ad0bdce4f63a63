"""The offline zip: unzip it and use it from file:// with every network request blocked."""
import re
import zipfile

import pytest

from tests.conftest import ROOT
from tests.pages import page_path, page_url
from tests.visits import wait_until
from tests.test_quiz import keyboard_answer
from whotocall.offline import FOLDER, ZIP_NAME

BUDGET = 3 * 1000 * 1000


@pytest.fixture(scope="module")
def edition(site, tmp_path_factory):
    archive = site / "downloads" / ZIP_NAME
    size = archive.stat().st_size
    print(f"offline zip: {size / 1e6:.2f} MB ({size} bytes)")
    folder = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        z.extractall(folder)
    return {"root": folder / FOLDER, "size": size, "names": names}


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


def url(edition, path):
    return (edition["root"] / path).as_uri()


def test_zip_size_and_contents(edition, languages):
    assert edition["size"] < BUDGET, f"zip is {edition['size']} bytes"
    names = edition["names"]
    assert names == sorted(names), "entries must be sorted for reproducible bytes"
    assert not [n for n in names if n.endswith((".map", "search_index.json"))], "build leftovers in the zip"
    for lang in languages:
        prefix = f"{FOLDER}/{page_url('', lang, 'index')}"
        assert f"{prefix}index.html" in names and f"{prefix}quiz/index.html" in names
        assert f"{prefix}search/search_index.js" in names


@pytest.mark.parametrize("lang", ["en", "es"])
def test_home_loads_with_styles(edition, offline_page, lang):
    page, blocked, errors = offline_page
    page.goto(url(edition, page_url("", lang, "index") + "index.html"))
    page.wait_for_load_state("load")
    header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
    assert header == "rgb(11, 74, 111)", "site stylesheet not applied"
    assert page.locator('a[href="tel:911"]').first.is_visible()
    assert blocked == [] and errors == [], (blocked, errors)


def search_from_file(page, edition, path, query):
    """Search from a page of the unzipped edition; the result links."""
    page.goto(url(edition, path))
    box = page.locator("input.md-search__input")
    box.focus()
    box.fill(query)
    box.press("End")   # Playwright types non-ASCII without key events; Material waits for one
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


def test_spanish_search_from_file(edition, offline_page):
    page, blocked, errors = offline_page
    links = search_from_file(page, edition, "es/call-911/index.html", "abogado")
    assert links and all("/es/" in link for link in links), links
    assert blocked == [] and errors == [], (blocked, errors)


def test_chinese_phrase_search_from_file(edition, offline_page):
    page, blocked, errors = offline_page
    links = search_from_file(page, edition, "zh/call-911/index.html", "我要找律师")
    assert links[0] == url(edition, "zh/know-your-rights/index.html"), links[:3]
    assert blocked == [] and errors == [], (blocked, errors)


def test_arabic_quiz_by_keyboard_from_file(edition, offline_page, catalog):
    page, blocked, errors = offline_page
    page.goto(url(edition, "ar/quiz/index.html"))
    page.wait_for_load_state("load")
    rights = [q["offered"].index(q["answer"]) for q in catalog.quiz]
    keyboard_answer(page, rights)
    score = page.locator(".wtc-quiz__score").inner_text()
    assert score == catalog.text("ar", "ui.score").format(right=len(rights), total=len(rights))
    assert blocked == [] and errors == [], (blocked, errors)


def test_language_switcher_from_file(edition, offline_page):
    page, blocked, errors = offline_page
    page.goto(url(edition, "es/know-your-rights/index.html"))
    page.locator(".md-header .md-select button").first.hover()
    page.locator('a.md-select__link[hreflang="vi"]').first.click()
    page.wait_for_load_state("load")
    assert page.url == url(edition, "vi/know-your-rights/index.html")
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert blocked == [] and errors == [], (blocked, errors)


def test_guard_records_other_hosts(edition, offline_page):
    """Negative control: the guard does see a request to another host."""
    page, blocked, errors = offline_page
    page.goto(url(edition, "index.html"))
    page.evaluate("fetch('https://example.org/x').catch(() => {})")
    wait_until(page, lambda: blocked)
    assert blocked == ["https://example.org/x"]


def test_download_page_links_the_zip_with_size(site, languages, catalog):
    from bs4 import BeautifulSoup
    from tests.pages import page_path
    for lang in languages:
        html = BeautifulSoup(page_path(site, lang, "download").read_text(encoding="utf-8"), "html.parser")
        link = html.select_one(".wtc-download a[download]")
        target = (page_path(site, lang, "download").parent / link["href"]).resolve()
        assert target == (site / "downloads" / ZIP_NAME).resolve()
        said = re.findall(r"\d+(?:[.,]\d+)?", link.get_text())
        megabytes = round(target.stat().st_size / 1e6, 1)
        assert said and float(said[-1].replace(",", ".")) == megabytes, f"{lang}: {link.get_text()!r}, zip {megabytes} MB"


def folder_links(html_file):
    """Relative href/src values of one page that name a folder or a missing file (file:// opens neither)."""
    from bs4 import BeautifulSoup
    from urllib.parse import unquote, urlsplit
    html = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
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


def test_every_link_in_the_edition_opens_a_file(edition, site):
    pages = sorted(edition["root"].rglob("*.html"))
    assert len(pages) > 50
    broken = {str(p.relative_to(edition["root"])): folder_links(p) for p in pages}
    broken = {page: links for page, links in broken.items() if links}
    assert not broken, broken
    # Negative control: the hosted pages link folders, and the check sees them.
    assert "../quiz/" in folder_links(site / "es" / "call-911" / "index.html")


def test_offline_download_pages_say_offline_copy(edition, languages, catalog):
    from bs4 import BeautifulSoup
    for lang in languages:
        html = BeautifulSoup(page_path(edition["root"], lang, "download").read_text(encoding="utf-8"), "html.parser")
        assert not html.select("a[download]"), lang
        assert html.select_one(".wtc-download--offline").get_text(strip=True) == catalog.text(lang, "ui.offline_copy")
        assert not html.select('meta[http-equiv="Content-Security-Policy"]'), lang


def test_root_absolute_link_stops_the_offline_edition():
    from pathlib import Path
    from whotocall.data import DataError
    from whotocall.offline import file_link
    assert file_link("../es/quiz/#q1") == "../es/quiz/index.html#q1"
    with pytest.raises(DataError, match="starts at the server's root"):
        file_link("/es/", Path("es/index.html"))
