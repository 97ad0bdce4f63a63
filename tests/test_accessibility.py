"""Accessibility of every page in every language: axe-core (WCAG 2.2 AA and best practices), keyboard focus, skip link, headings, tel: labels.

axe runs on every page of every language on a phone (in the first visit of
each page, tests/visits.py, once the page is loaded; colour contrast in English,
Arabic and Chinese, see visits.CONTRAST_LANGUAGES) and on every page in
English and Arabic on a desktop (sidebars and table of contents shown). Each check has a
negative control that proves it can fail.
"""
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT
from tests.pages import english_slugs, page_path, page_url, soup
from tests.visits import AXE, COLOUR_RULES, CONTRAST_LANGUAGES, EVERY_PAGE, axe_violations  # noqa: F401  (test_officer imports axe_violations from here)
from whotocall.browser import UNTHROTTLED, another
from whotocall.data import site_languages

LANGUAGES = site_languages(ROOT)
PAGES = EVERY_PAGE
DESKTOP_PAGES = [(lang, slug) for lang in LANGUAGES if lang in ("en", "ar") for slug in english_slugs()]
PHONE = {"width": 360, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
LONG_PAGE = "know-your-rights"


# --- axe-core ------------------------------------------------------------------

def axe_tab(browser, viewport):
    """A context with axe injected into every document, and one reusable tab."""
    context = browser.new_context(viewport=viewport)
    context.add_init_script(AXE.axe_script)
    return context, context.new_page()


@pytest.fixture(scope="module")
def phone_tab(browser):
    context, page = axe_tab(browser, PHONE)
    yield page
    context.close()


@pytest.fixture(scope="module")
def desktop_tab(browser):
    context, page = axe_tab(browser, DESKTOP)
    yield page
    context.close()




def describe(violations):
    """One readable line per failing element."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            where = " ".join(node["target"]) if node.get("target") else " ".join(node["html"].split())[:200]
            lines.append(f"{violation['id']} ({violation['impact']}): {where}: {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang,slug", PAGES, ids=[f"{lang}/{slug}" for lang, slug in PAGES])
def test_axe_on_a_phone(visits, lang, slug):
    violations = visits[(lang, slug)].axe
    assert not violations, f"{lang}/{slug} at 360 px:\n{describe(violations)}"


@pytest.mark.parametrize("lang,slug", DESKTOP_PAGES, ids=[f"{lang}/{slug}" for lang, slug in DESKTOP_PAGES])
def test_axe_on_a_desktop(desktop_tab, server, lang, slug):
    desktop_tab.goto(page_url(server, lang, slug), wait_until="load")
    violations = axe_violations(desktop_tab)
    assert not violations, f"{lang}/{slug} at 1280 px:\n{describe(violations)}"


BROKEN_PAGE = """<!doctype html><html lang="en"><head><title>Control</title></head><body><main>
<h1>Control</h1>
<p style="color:#b0b0b0;background:#fff">Light grey words on white.</p>
<p><button style="width:12px;height:12px;padding:0;margin:0">a</button><button style="width:12px;height:12px;padding:0;margin:0">b</button></p>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
</main></body></html>"""


def test_axe_finds_known_violations(phone_tab):
    """Negative control: low contrast, two 12 px buttons side by side, an image without alt."""
    phone_tab.goto("about:blank")   # leave the site's page: its CSP would block the inline styles
    phone_tab.set_content(BROKEN_PAGE)
    violations = axe_violations(phone_tab)
    found = {violation["id"] for violation in violations}
    assert {"color-contrast", "target-size", "image-alt"} <= found, found
    assert 'image-alt (critical): <img src="data:image/gif' in describe(violations)   # the element is named
    # Without the colour rules (the first visits outside CONTRAST_LANGUAGES), only contrast goes unseen.
    assert {violation["id"] for violation in axe_violations(phone_tab, contrast=False)} == found - set(COLOUR_RULES)


def test_contrast_languages_are_shipped(languages):
    """Colour contrast is checked on every page of languages the site ships (not vacuously on none)."""
    assert set(CONTRAST_LANGUAGES) <= set(languages) and "ar" in CONTRAST_LANGUAGES


# --- Keyboard focus ------------------------------------------------------------

FOCUS_STATE = """async () => {
  // Two frames: Material reacts to focus a moment later (it opens search on a phone).
  await new Promise(done => setTimeout(() => requestAnimationFrame(done), 1));
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const label = (el.textContent || el.getAttribute('aria-label') || el.getAttribute('placeholder') || '').trim().slice(0, 40);
  const name = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim()
    ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + label + '"';
  // A link that wraps has one box per line: it is seen if the middle of any of them is.
  const boxes = [...el.getClientRects()].filter(box => box.width >= 1 && box.height >= 1);
  if (!boxes.length) return {name, problem: 'focused element has no size'};
  const onScreen = boxes.filter(box => box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth);
  if (!onScreen.length) return {name, problem: 'focused element is off screen'};
  let hit = null;
  for (const box of onScreen) {
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    hit = document.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit))) return {name, problem: null};
  }
  const header = document.querySelector('.md-header');
  const by = (hit && header && header.contains(hit) && !header.contains(el) ? 'the sticky header: ' : '')
    + (hit ? hit.tagName.toLowerCase() + '.' + String(hit.className).trim().split(/\\s+/).join('.') : 'nothing');
  return {name, problem: 'focused element is covered by ' + by};
}"""


def walk_focus(page, limit=120):
    """Tab forward through the page once round, then hold Shift and Tab back once round; every problem seen.

    Shift stays down for the way back: pressing it again and again would
    count as the quick-exit gesture (Shift three times) and leave the site.
    """
    problems, seen = [], 0
    for backwards in (False, True):
        if backwards:
            page.keyboard.down("Shift")
        first = None
        for _ in range(limit):
            page.keyboard.press("Tab")
            state = page.evaluate(FOCUS_STATE)
            if not state:
                continue
            if state["name"] == first:
                break   # round the page once
            first = first or state["name"]
            seen += 1
            if state["problem"]:
                problems.append(f"{'Shift+Tab' if backwards else 'Tab'} to {state['name']}: {state['problem']}")
        if backwards:
            page.keyboard.up("Shift")
    return seen, problems


def open_still(browser, viewport, url):
    """A page that asks for reduced motion (site.css then turns transitions off), so a check never sees a half-drawn state."""
    page = browser.new_page(viewport=viewport, reduced_motion="reduce")
    page.goto(url, wait_until="load")
    return page


@pytest.fixture(scope="module")
def walker(browser):
    """A Chromium for the focus walks, which wait for a frame after every key: it draws one as soon as
    asked (whotocall.browser.UNTHROTTLED), so a walk takes 2.6 s, not 4."""
    with another(browser, UNTHROTTLED) as unthrottled:
        yield unthrottled


@pytest.mark.parametrize("lang", [lang for lang in ("en", "ar") if lang in LANGUAGES])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_focus_is_never_hidden_or_under_the_header(walker, server, lang, viewport):
    """Tab through a long page and back: every focused element is on screen and on top (WCAG 2.4.7, 2.4.11)."""
    page = open_still(walker, viewport, page_url(server, lang, LONG_PAGE))
    seen, problems = walk_focus(page)
    page.close()
    assert seen > 40, f"only {seen} focus stops: did Tab work?"
    assert not problems, "\n".join(problems)


def test_focus_check_sees_a_covering_header(walker, server):
    """Negative control: a tall sticky header and no scroll padding hide focused links when tabbing back."""
    page = open_still(walker, DESKTOP, page_url(server, "en", LONG_PAGE))
    page.evaluate("""() => { document.documentElement.style.scrollPaddingTop = '0px';
                             document.querySelector('.md-header').style.height = '14rem'; }""")
    seen, problems = walk_focus(page)
    page.close()
    assert any("the sticky header" in problem for problem in problems), problems


# --- Skip link ---------------------------------------------------------------

@pytest.fixture(scope="module")
def still_phone(walker):
    """One phone-size page asking for reduced motion, for the skip-link tests (a new tab costs more than
    the page a test opens)."""
    page = walker.new_page(viewport=PHONE, reduced_motion="reduce")
    yield page
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_is_first_visible_and_moves_focus_to_the_content(still_phone, server, lang):
    page = still_phone
    page.goto("about:blank")    # as a new tab: nothing focused, no #fragment
    page.goto(page_url(server, lang, LONG_PAGE), wait_until="load")
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUS_STATE)
    assert first and "md-skip" in first["name"] and not first["problem"], first
    target = page.evaluate("decodeURIComponent(document.activeElement.hash.slice(1))")
    page.keyboard.press("Enter")
    page.wait_for_function("id => decodeURIComponent(location.hash) === '#' + id", arg=target)
    page.keyboard.press("Tab")
    # The next Tab lands in the article, after the skip target: header and navigation are skipped.
    landed = page.evaluate("""id => {
        const target = document.getElementById(id), el = document.activeElement;
        return !!target && !!el.closest('article') &&
               !!(target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""", target)
    assert landed, f"{lang}: focus did not move into the content after the skip link (target #{target})"


def test_every_page_has_a_skip_link_to_an_existing_heading(site):
    for lang in LANGUAGES:
        for slug in english_slugs():
            html = soup(page_path(site, lang, slug))
            skip = html.select_one("a.md-skip")
            assert skip and skip["href"].startswith("#"), f"{lang}/{slug}: no skip link"
            target = html.find(id=skip["href"][1:])
            assert target and target.find_parent("article"), f"{lang}/{slug}: skip link target {skip['href']} missing"


# --- Headings and tel: labels ------------------------------------------------

def parsed(html):
    """A page's HTML (text, or already parsed)."""
    return BeautifulSoup(html, "html.parser") if isinstance(html, str) else html


def heading_problems(html):
    """One h1, first; no level skipped on the way down (h2 to h4)."""
    levels = [int(h.name[1]) for h in parsed(html).select("body h1, body h2, body h3, body h4, body h5, body h6")]
    problems = []
    if levels.count(1) != 1:
        problems.append(f"{levels.count(1)} h1 elements")
    if levels and levels[0] != 1:
        problems.append(f"first heading is h{levels[0]}")
    for before, after in zip(levels, levels[1:]):
        if after > before + 1:
            problems.append(f"h{before} followed by h{after}")
    return problems


def problems_on_every_page(site, check):
    """Run a check on the HTML of every page of every language; its problems, named by page."""
    return [f"{lang}/{slug}: {problem}" for lang in LANGUAGES for slug in english_slugs()
            for problem in check(soup(page_path(site, lang, slug)))]


def test_headings_in_order_on_every_page(site):
    problems = problems_on_every_page(site, heading_problems)
    assert not problems, "\n".join(problems)


def test_heading_check_catches_a_skipped_level():
    """Negative control."""
    assert heading_problems("<body><h1>a</h1><h2>b</h2><h4>c</h4></body>") == ["h2 followed by h4"]
    assert heading_problems("<body><h2>a</h2></body>") == ["0 h1 elements", "first heading is h2"]


def tel_label_problems(html):
    """Every tel: link says its number: the digits of the link's name include the digits it dials."""
    problems = []
    for link in parsed(html).select('a[href^="tel:"]'):
        dialled = re.sub(r"\D", "", link["href"])
        name = link.get("aria-label") or link.get_text(" ", strip=True)
        if not dialled or dialled not in re.sub(r"\D", "", name):
            problems.append(f"{link['href']} is labelled {name!r}")
    return problems


def test_tel_links_say_their_number_on_every_page(site):
    problems = problems_on_every_page(site, tel_label_problems)
    assert not problems, "\n".join(problems)


def test_tel_label_check_catches_a_bare_call_link():
    """Negative control: "Call" alone, or a label that hides the number, is not enough."""
    assert tel_label_problems('<a href="tel:911">Call</a>')
    assert tel_label_problems('<a href="tel:988" aria-label="Crisis line">Call 988</a>')
    assert not tel_label_problems('<a href="tel:+18007997233">Call <bdi>1-800-799-7233</bdi></a>')
