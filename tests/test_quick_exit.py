"""Quick exit: the button and Shift x3 leave at once, and Back does not come back."""
import pytest

from tests.conftest import ROOT
from tests.pages import english_slugs, page_path, page_url, soup
from whotocall.data import site_languages

NEUTRAL = "https://www.weather.gov/"


def test_every_page_has_the_exit_button_first(site, languages, catalog):
    for lang in languages:
        for slug in english_slugs():
            html = soup(page_path(site, lang, slug))
            button = html.select_one("a[data-wtc-exit]")
            assert button and button["href"] == NEUTRAL, (lang, slug)
            assert button.get_text(strip=True) == catalog.text(lang, "ui.leave_site")
            # It comes before the header and the page content.
            assert button.find_next("header"), (lang, slug)
            # The script that also makes Shift x3 leave is on every page.
            assert html.select_one('script[src$="quick-exit.js"]'), (lang, slug)


@pytest.fixture
def neutral_context(browser):
    context = browser.new_context()
    context.route(f"{NEUTRAL}**", lambda route: route.fulfill(body="<title>Weather</title>weather",
                                                               content_type="text/html"))
    yield context
    context.close()


def start(context, url):
    page = context.new_page()
    page.goto("about:blank")
    page.goto(url, wait_until="load")   # quick-exit.js runs before "load"
    return page


def test_button_leaves_and_back_does_not_return(neutral_context, server):
    page = start(neutral_context, page_url(server, "es", "know-your-rights"))
    page.locator("a[data-wtc-exit]").click()
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert not page.url.startswith(server), f"Back returned to {page.url}"


def test_shift_three_times_leaves(neutral_context, server):
    page = start(neutral_context, page_url(server, "ar", "other-help"))
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert not page.url.startswith(server)


@pytest.mark.parametrize("lang", site_languages(ROOT))
def test_button_leaves_in_every_language(neutral_context, server, lang):
    page = start(neutral_context, page_url(server, lang, "call-911"))
    page.locator("a[data-wtc-exit]").press("Enter")      # by keyboard, as a screen reader user would
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert not page.url.startswith(server), f"{lang}: Back returned to {page.url}"


def test_shift_twice_does_not_leave(neutral_context, server):
    """Negative control: two presses are not an exit."""
    url = page_url(server, "en", "index")
    page = start(neutral_context, url)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == url


def test_shift_tab_and_capital_letters_do_not_leave(neutral_context, server):
    """Moving backwards with Shift+Tab or typing capitals is not an exit."""
    url = page_url(server, "en", "call-911")
    page = start(neutral_context, url)
    for _ in range(4):
        page.keyboard.press("Shift+Tab")
    page.locator("input.md-search__input").focus()
    page.keyboard.type("My Name Is")
    page.wait_for_timeout(300)
    assert page.url.startswith(url)


def test_exit_by_keyboard_from_the_top(neutral_context, server):
    """Tab reaches the exit button within the first few stops and Enter leaves."""
    page = start(neutral_context, page_url(server, "vi", "call-911"))
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-wtc-exit')"):
            break
    else:
        pytest.fail("exit button not among the first 5 tab stops")
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)
