"""The one-file copy per language, opened from file:// with JavaScript off, as a phone's file preview would."""
import re

import pytest

from whotocall.one_file import BUDGET, FOLDER, file_name
from whotocall.render import Renderer

# Every in-file link ("#…") that names no element of the file.
BROKEN_ANCHORS = """() => [...document.querySelectorAll('a[href^="#"]')]
  .map(a => decodeURIComponent(a.getAttribute('href').slice(1)))
  .filter(id => !document.getElementById(id))"""


@pytest.fixture
def no_script(browser):
    """JavaScript off; any request that is not the file itself is recorded and refused."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    requests = []

    def guard(route):
        requests.append(route.request.url)
        route.continue_() if route.request.url.startswith("file:") else route.abort()

    context.route("**/*", guard)
    yield context.new_page(), requests
    context.close()


def test_one_file_per_language(site, catalog, languages, no_script):
    page, requests = no_script
    renderer = Renderer(catalog)
    for lang in languages:
        path = site / FOLDER / file_name(lang)
        size = path.stat().st_size
        print(f"{path.name}: {size} bytes")
        assert size < BUDGET, f"{path.name} is {size} bytes"
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html and "<img" not in html, path.name
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
        assert policy.startswith("default-src 'none'; style-src 'sha256-") and "script-src" not in policy, policy
        page.goto(path.as_uri())
        assert requests == [path.as_uri()], requests       # nothing else: no style, font or image file
        requests.clear()
        anchors = page.locator('a[href^="#"]').count()
        assert anchors > 40, f"{path.name}: only {anchors} in-file links"
        assert page.evaluate(BROKEN_ANCHORS) == [], path.name
        assert not page.locator('a[href^="../"], a[href^="./"]').count(), f"{path.name}: relative links left"
        text = page.locator("body").inner_text()
        for number_id, number in catalog.numbers.items():
            for dial in filter(None, (number.get("dial"), number.get("tty"))):
                assert page.locator(f'a[href="{renderer.tel(dial)}"]').count(), f"{path.name}: no tel: link for {dial}"
                assert dial in text, f"{path.name}: {dial} not shown"
        assert renderer.t(lang, "ui.last_checked", date=renderer.date(lang, catalog.last_checked())) in text
        direction = page.evaluate("getComputedStyle(document.body).direction")
        assert direction == ("rtl" if lang in ("ar", "fa") else "ltr"), (lang, direction)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, f"{path.name} wider than a phone"
        # The style is in the file and applied (the 911 bar is red).
        assert page.evaluate("getComputedStyle(document.querySelector('.top')).backgroundColor") == "rgb(164, 18, 28)"


def test_broken_anchor_is_found(no_script, tmp_path):
    """Control: the same check finds an in-file link to nowhere."""
    page, _ = no_script
    sample = tmp_path / "sample.html"
    sample.write_text('<!doctype html><title>x</title><p id="here"><a href="#here">ok</a> <a href="#nowhere">bad</a>',
                      encoding="utf-8")
    page.goto(sample.as_uri())
    assert page.evaluate(BROKEN_ANCHORS) == ["nowhere"]


def test_linked_with_its_size_from_the_download_page(site, languages):
    from tests.pages import page_path, soup
    for lang in languages:
        link = soup(page_path(site, lang, "download")).select_one(".wtc-one-file a")
        assert link["href"].endswith(f"{FOLDER}/{file_name(lang)}"), lang
        assert re.search(r"\d", link.get_text()) and "data-wtc-size-of" not in str(link), lang
