"""Real Chromium on the built site: what a reader on a small phone sees, and what the page asks for."""

import pytest

from tests.pages import english_slugs, page_url
from tests.visits import EVERY_PAGE, WIDER_THAN_SCREEN
from whotocall.data import site_languages



def open_page(browser, url, width=360, height=640, **context):
    """Open a page and record console errors and every request it makes."""
    ctx = browser.new_context(viewport={"width": width, "height": height}, **context)
    page = ctx.new_page()
    record = {"errors": [], "requests": []}
    page.on("console", lambda msg: msg.type == "error" and record["errors"].append(msg.text))
    page.on("pageerror", lambda err: record["errors"].append(str(err)))
    page.on("request", lambda req: record["requests"].append(req.url))
    page.goto(url, wait_until="load")   # a test that needs every request waits for the network itself
    return ctx, page, record


def test_home_shows_911_link_without_scrolling(browser, server):
    ctx, page, record = open_page(browser, server)
    link = page.locator('main a[href="tel:911"]').first
    box = link.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 640, box
    assert link.is_visible()
    assert box["height"] >= 44 and box["width"] >= 44, "911 link is too small to tap"
    ctx.close()


def test_home_911_link_outside_viewport_is_detected(browser, server):
    """Negative control: on a 360x200 screen pushed down by 900 px the same link is off screen."""
    ctx, page, record = open_page(browser, server, height=200)
    page.evaluate("document.body.style.paddingTop = '900px'")
    box = page.locator('main a[href="tel:911"]').first.bounding_box()
    assert box["y"] + box["height"] > 200
    ctx.close()


# No console errors, requests to other hosts or cookies: checked on the first visit of every page of
# every language (tests/test_privacy.py), and with search and the language menu open on two pages of
# every language (test_language_menu_stays_on_this_site, test_search_stays_on_this_site).


def test_no_page_is_wider_than_a_small_phone_with_scripts(visits):
    """No sideways scrolling at 360 px once the scripts have run (in Arabic the menu made the page jump):
    measured on the first visit of every page of every language (tests/visits.py)."""
    too_wide = {f"{lang}/{slug}": visit.too_wide for (lang, slug), visit in visits.items() if visit.too_wide > 0}
    assert len(visits) == len(EVERY_PAGE)
    assert not too_wide, f"pages wider than the screen (px): {too_wide}"


@pytest.fixture(scope="module")
def phone_without_scripts(browser):
    """One 360 px tab with JavaScript off, for every language's pages (nothing runs, so nothing carries over)."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("lang", site_languages())
def test_no_page_is_wider_than_a_small_phone_without_scripts(phone_without_scripts, server, lang):
    """With JavaScript off, at 360 px: no sideways scrolling on any page of the language; the home
    shows the 911 link and the number chooser, the rights page its heading and a whole page of text."""
    page = phone_without_scripts
    too_wide = {}
    for slug in english_slugs():
        page.goto(page_url(server, lang, slug), wait_until="load")
        extra = page.evaluate(WIDER_THAN_SCREEN)
        if extra > 0:
            too_wide[slug] = extra
        if slug == "index":
            assert page.locator('a[href="tel:911"]').first.is_visible(), lang
            assert page.locator(".wtc-chooser li").count() >= 8, lang
        if slug == "know-your-rights":
            assert page.locator("article h1").is_visible(), lang
            assert len(page.locator("article").inner_text()) > 400, lang
    assert not too_wide, f"{lang} pages wider than the screen (px): {too_wide}"


def test_width_check_sees_a_menu_past_the_edge(browser, server, languages):
    """Negative control: the language menu as Material places it (centred under its button, with
    the button at the header's end) is seen. Styled through the CSSOM: the page's
    Content-Security-Policy blocks style attributes."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(page_url(server, languages[0], "index"), wait_until="load")
    page.evaluate("""() => {
        document.querySelectorAll('.md-header label[for="__search"]').forEach(e => { e.style.display = 'none'; });
        document.querySelectorAll('.md-header .md-select__inner').forEach(e => {
            e.style.cssText = 'left:50%;right:auto;transform:translate3d(-50%,.3rem,0)'; }); }""")
    control = page.evaluate(WIDER_THAN_SCREEN)
    context.close()
    assert control > 0


MENU_SHOWN = """() => {
  const inner = document.querySelector('.md-header .md-select__inner').getBoundingClientRect();
  return [...document.querySelectorAll('.md-header .md-select__link')].map(link => {
    const box = link.getBoundingClientRect();
    return [link.textContent.trim(), box.top >= inner.top && box.bottom <= inner.bottom + 0.5
            && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth];
  });
}"""


def test_language_menu_shows_every_language_on_a_small_phone(browser, server, languages, catalog):
    """Opened at 360 × 640, the menu shows all thirteen names at once, each in its own script, inside
    the screen (no scrolling inside the menu to find one's language)."""
    context = browser.new_context(viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(page_url(server, "fa", "index") if "fa" in languages else server, wait_until="load")
    page.locator(".md-header .md-select button").focus()
    page.wait_for_function("() => document.querySelector('.md-header .md-select__inner').getBoundingClientRect().height > 300")
    page.wait_for_timeout(300)   # Material's menu opens with a 250 ms transition
    shown = page.evaluate(MENU_SHOWN)
    assert [name for name, _ in shown] == [catalog.text(lang, "language.name") for lang in languages]
    assert all(visible for _, visible in shown), shown
    # Negative control: Material's own height for the open menu (10rem) hides the later names.
    page.evaluate("() => { document.querySelector('.md-header .md-select__inner').style.maxHeight = '10rem'; }")
    page.wait_for_timeout(300)
    assert not all(visible for _, visible in page.evaluate(MENU_SHOWN))
    context.close()
