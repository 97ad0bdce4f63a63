"""The warrant explainer on the rights page: real text in every language, its own checked date and the
dated notice that the law is disputed (facts.md section 9), readable at 360 px without JavaScript,
right to left, in print, and with no axe violation."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import ROOT
from tests.pages import page_path, page_url, soup
from whotocall.data import site_languages
from whotocall.macros import WARRANT_SOURCES
from whotocall.render import Renderer

LANGUAGES = site_languages(ROOT)
WRONG = "judge or a supervisor"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_warrant_explainer_in_every_language(site, catalog, lang):
    html = soup(page_path(site, lang, "know-your-rights"))
    box = html.select_one(".wtc-warrant")
    assert box is not None, f"{lang}: no warrant explainer"
    judicial, admin = box.select_one("#warrant-judicial"), box.select_one("#warrant-admin")
    assert judicial and admin and box.select_one("#warrant-door")
    assert catalog.text(lang, "warrant.judicial_signed") in box.get_text()
    assert "I-200" in admin.get_text() and "I-205" in admin.get_text()
    notice = box.select_one(".wtc-warrant__notice")
    checked = max(catalog.sources[i]["checked"] for i in WARRANT_SOURCES)
    date = Renderer(catalog).date(lang, checked)
    assert date in notice.get_text(), f"{lang}: the notice does not carry its checked date {date}"
    assert {a["href"] for a in notice.select(".wtc-cite a")} == {catalog.sources[i]["url"] for i in WARRANT_SOURCES}


def test_no_page_says_judge_or_supervisor(site):
    """An immigration officer is not a judge: no page may say a warrant is 'signed by a judge or a supervisor'."""
    pages = list(site.rglob("*.html"))
    assert len(pages) > 40
    offenders = [p for p in pages if WRONG in " ".join(soup(p).get_text(" ").lower().split())]
    assert not offenders, offenders
    assert WRONG in "a warrant signed by a judge or a supervisor", "control: the phrase is what we look for"


# --- In a browser ---------------------------------------------------------------

def open_rights(browser, server, lang, javascript=True):
    context = browser.new_context(viewport={"width": 360, "height": 640}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(page_url(server, lang, "know-your-rights"))
    page.locator(".wtc-warrant").scroll_into_view_if_needed()
    return context, page


OVERFLOW = """box => [...box.querySelectorAll('*')].filter(e => {
  const r = e.getBoundingClientRect(); return r.right > innerWidth + 1 || r.left < -1;
}).length"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_warrant_fits_a_phone_without_javascript(browser, server, lang):
    context, page = open_rights(browser, server, lang, javascript=False)
    box = page.locator(".wtc-warrant")
    assert box.is_visible() and page.locator("#warrant-admin").is_visible()
    assert box.evaluate(OVERFLOW) == 0, f"{lang}: part of the warrant explainer is off a 360 px screen"
    judicial = page.locator("#warrant-judicial").bounding_box()
    admin = page.locator("#warrant-admin").bounding_box()
    assert admin["y"] > judicial["y"], "on a phone the two papers stack"
    context.close()


def test_overflow_check_catches_a_wide_element(browser, server):
    """Negative control: a 600 px wide element inside the explainer is caught."""
    context, page = open_rights(browser, server, "en")
    page.evaluate("document.querySelector('.wtc-warrant__paper').style.width = '600px'")
    assert page.locator(".wtc-warrant").evaluate(OVERFLOW) > 0
    context.close()


def test_warrant_reads_right_to_left_in_arabic(browser, server):
    """The notice's bar sits on the start side: the right in Arabic, the left in English; the papers stay English, left to right."""
    sides = {}
    for lang in ("en", "ar"):
        context, page = open_rights(browser, server, lang)
        notice = page.locator(".wtc-warrant__notice")
        sides[lang] = notice.evaluate("e => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]")
        assert page.locator(".wtc-warrant__paper").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
        context.close()
    assert sides["en"][0] == "0px" and sides["en"][1] != "0px"
    assert sides["ar"][1] == "0px" and sides["ar"][0] != "0px"


def test_warrant_prints_whole(browser, server):
    """In print both papers, the steps and the dated notice are there, one under the other."""
    context, page = open_rights(browser, server, "en")
    page.set_viewport_size({"width": 1000, "height": 800})
    screen_admin = page.locator("#warrant-admin").bounding_box()
    screen_judicial = page.locator("#warrant-judicial").bounding_box()
    assert abs(screen_admin["y"] - screen_judicial["y"]) < 5, "control: side by side on a wide screen"
    page.emulate_media(media="print")
    for part in (".wtc-warrant", "#warrant-judicial", "#warrant-admin", "#warrant-door", ".wtc-warrant__notice"):
        assert page.locator(part).is_visible(), f"{part} hidden in print"
    assert page.locator("#warrant-admin").bounding_box()["y"] > page.locator("#warrant-judicial").bounding_box()["y"] + 20
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_warrant_has_no_axe_violation(browser, server, lang):
    axe = Axe()
    context, page = open_rights(browser, server, lang)
    page.evaluate(axe.axe_script)
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}
    result = page.evaluate("options => axe.run('.wtc-warrant', options)", options)
    assert not result["violations"], [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert result["passes"], "control: axe checked something"
    context.close()
