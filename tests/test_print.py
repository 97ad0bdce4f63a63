"""Printing any page: the words only, black on white, big phone numbers, web addresses written out,
sensible page breaks, and the page's address and facts date at the foot of every printed page."""
import io

import pytest
from pypdf import PdfReader

from tests.pages import english_slugs, page_url
from whotocall.data import site_languages
from whotocall.render import Renderer

# Screen furniture that must not reach paper: navigation, header, search, switcher, banner and its buttons.
CHROME = [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
          ".md-select", ".md-banner", ".wtc-emergency", ".wtc-exit", ".md-top"]
SHOWN = """selectors => selectors.filter(sel => [...document.querySelectorAll(sel)]
    .some(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden"))"""


# Every page in a left-to-right and a right-to-left language; in the others the home, the longest
# page and the 404 page: every page shares one print stylesheet and one footer template, and what
# changes with the language (its date, its direction) shows on any of its pages.
EVERY_PAGE_IN = ("en", "ar")
SOME_PAGES = ("index", "know-your-rights")


def printed_pages(server, lang):
    """URLs of the language's pages printed: see EVERY_PAGE_IN; the 404 page included."""
    for slug in (english_slugs() if lang in EVERY_PAGE_IN else SOME_PAGES):
        yield page_url(server, lang, slug)
    yield page_url(server, lang, "index") + "404.html"


@pytest.fixture(scope="module")
def desktop_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def tab(desktop_page):
    """A desktop-size tab (where the header and sidebars show on screen) as a new one would be: screen
    media, a blank page. One tab per worker serves the module's tests (a new tab costs more than
    the pages a test opens)."""
    desktop_page.emulate_media(media="null")
    desktop_page.goto("about:blank")
    return desktop_page


def footer_expected(page, catalog, lang) -> tuple[str, str]:
    """The address the footer should show (the page's canonical URL, else the site's) and the facts date."""
    canonical = page.evaluate("document.querySelector('link[rel=canonical]')?.href ?? null")
    date = Renderer(catalog).date(lang, catalog.last_checked())
    return canonical, date


@pytest.mark.parametrize("lang", site_languages())
def test_print_hides_screen_chrome_and_shows_footer_on_every_page(tab, server, catalog, lang):
    for url in printed_pages(server, lang):
        tab.emulate_media(media="print")
        tab.goto(url, wait_until="load")
        assert tab.evaluate(SHOWN, CHROME) == [], f"{url}: shown in print"
        assert tab.evaluate(SHOWN, ["article h1"]) == ["article h1"], f"{url}: no heading in print"
        footer = tab.locator(".wtc-print-footer")
        assert footer.is_visible(), f"{url}: no print footer"
        canonical, date = footer_expected(tab, catalog, lang)
        text = footer.inner_text()
        assert date in text, f"{url}: {text!r} lacks {date!r}"
        address = footer.locator(".wtc-print-footer__url").inner_text()
        assert address.startswith("http") and (canonical is None or address == canonical), (url, address)


def test_screen_shows_chrome_and_hides_the_print_footer(tab, server, languages):
    """Negative control: on screen the same selectors are visible and the footer line is not."""
    tab.emulate_media(media="screen")
    tab.goto(page_url(server, "es", "other-help"), wait_until="load")
    shown = tab.evaluate(SHOWN, CHROME)
    assert {".md-header", ".md-sidebar--primary", ".md-banner", ".wtc-emergency"} <= set(shown)
    assert not tab.locator(".wtc-print-footer").is_visible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_footer_line_is_on_every_printed_page(tab, server, catalog, lang):
    """Each printed sheet carries the page's address (the body never does; the date line is checked above)."""
    tab.goto(page_url(server, lang, "other-help"), wait_until="load")
    canonical, _ = footer_expected(tab, catalog, lang)
    pages = PdfReader(io.BytesIO(tab.pdf(format="Letter"))).pages
    assert len(pages) >= 2, "test setup: the page should print on several sheets"
    for number, page in enumerate(pages, 1):
        assert canonical in page.extract_text(), f"{lang} printed page {number}: no footer line"
    # Negative control: without the footer element the printed pages carry no address.
    tab.evaluate("document.querySelector('.wtc-print-footer').remove()")
    assert canonical not in PdfReader(io.BytesIO(tab.pdf(format="Letter"))).pages[0].extract_text()


def test_web_addresses_are_printed_after_links_but_not_tel(tab, server):
    tab.emulate_media(media="print")
    tab.goto(page_url(server, "en", "other-help"), wait_until="load")
    after = "(a) => getComputedStyle(a, '::after').content"
    external = tab.locator('article a[href^="https://"]').first
    href = external.get_attribute("href")
    assert href in external.evaluate(after)
    tel = tab.locator('article a[href^="tel:"]').first
    assert tel.evaluate(after) in ("none", "normal", '""')
    # Negative control: on screen the address is not written out.
    tab.emulate_media(media="screen")
    assert href not in external.evaluate(after)


def test_page_breaks_keep_headings_with_their_text_and_cards_whole(tab, server):
    tab.goto(page_url(server, "en", "other-help"), wait_until="load")
    style = "(e, p) => getComputedStyle(e)[p]"
    heading, card = tab.locator("article h2").first, tab.locator("article .wtc-number").first
    tab.emulate_media(media="print")
    assert heading.evaluate(style, "breakAfter") == "avoid"
    assert card.evaluate(style, "breakInside") == "avoid"
    tab.emulate_media(media="screen")
    assert heading.evaluate(style, "breakAfter") == "auto", "negative control: screen has no break rules"


def test_black_on_white_with_large_phone_numbers(tab, server):
    tab.goto(page_url(server, "en", "other-help"), wait_until="load")
    style = "(e, p) => getComputedStyle(e)[p]"
    body, text = tab.locator("body"), tab.locator("article p").first
    button = tab.locator("article a.wtc-tel").first
    number = button.locator("bdi")
    tab.emulate_media(media="screen")
    assert button.evaluate(style, "backgroundColor") != "rgba(0, 0, 0, 0)", "negative control: a button on screen"
    tab.emulate_media(media="print")
    # Material fades link colours: wait until no transition runs.
    tab.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    assert body.evaluate(style, "backgroundColor") in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    assert text.evaluate(style, "color") == "rgb(0, 0, 0)"
    assert button.evaluate(style, "backgroundColor") == "rgba(0, 0, 0, 0)"
    assert button.evaluate(style, "color") == "rgb(0, 0, 0)"
    size = lambda locator: float(locator.evaluate(style, "fontSize").rstrip("px"))  # noqa: E731
    assert size(number) >= 1.3 * size(text), (size(number), size(text))


@pytest.mark.parametrize("lang", ["en", "es"])   # Arabic text does not come back out of a PDF in order
def test_printed_quiz_has_every_question(tab, server, catalog, languages, lang):
    """Questions off screen are not laid out on screen (content-visibility), but paper gets them all."""
    if lang not in languages:
        pytest.skip(f"{lang} not shipped")
    tab.goto(page_url(server, lang, "quiz"), wait_until="networkidle")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(tab.pdf(format="Letter"))).pages)
    missing = [q["id"] for q in catalog.quiz
               if " ".join(catalog.text(lang, f"quiz.{q['id']}.question").split())[:20] not in text]
    assert not missing, missing
