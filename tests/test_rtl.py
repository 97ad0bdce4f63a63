"""Arabic and Persian read right to left on a small phone: the 911 heading hugs the right edge, the number stays readable.

Alignment is measured, not assumed: for every line of the heading's text, the gap
between the text and the left edge of the heading's content box, and the gap to
the right edge. Right-aligned text has no gap on the right and room on the left.
"""
import pytest

from tests.pages import page_url

PHONE = {"width": 360, "height": 640}
HEADING = "main h1"
# For every line of an element's content: the gap (px) to the left and to the right of its content box.
LINE_GAPS = """selector => {
  const block = document.querySelector(selector);
  const style = getComputedStyle(block);
  const box = block.getBoundingClientRect();
  const inner = {left: box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth),
                 right: box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth)};
  const lines = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE && !node.textContent.trim()) continue;
    // Text, and the boxes of inline elements (a link drawn as a button starts at its edge, not its text's).
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = node.nodeType === Node.TEXT_NODE ? range.getClientRects() : node.getClientRects();
    for (const rect of rects) {
      if (!rect.width) continue;
      const middle = (rect.top + rect.bottom) / 2;
      let line = lines.find(l => middle >= l.top && middle <= l.bottom);
      if (!line) { line = {top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right}; lines.push(line); }
      line.left = Math.min(line.left, rect.left);
      line.right = Math.max(line.right, rect.right);
    }
  }
  return lines.map(l => ({left: l.left - inner.left, right: inner.right - l.right}));
}"""


def alignment(lines) -> str:
    """"right", "left" or "unclear" (both sides have room, or neither), from the lines' gaps."""
    left, right = max(line["left"] for line in lines), max(line["right"] for line in lines)
    if right < 2 and left > 8:
        return "right"
    if left < 2 and right > 8:
        return "left"
    return "unclear"


def heading_lines(browser, server, lang, style=None):
    """The gaps of the home page's heading, on a phone, optionally with extra CSS on the heading."""
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(page_url(server, lang, "index"), wait_until="load")
        if style:   # through the CSSOM: the page's Content-Security-Policy blocks a <style> element
            page.evaluate("([selector, css]) => { document.querySelector(selector).style.cssText = css; }",
                          [HEADING, style])
        return page.evaluate(LINE_GAPS, HEADING)
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_right_to_left_home_heading_is_right_aligned(browser, server, languages, lang):
    """Arabic and Persian: the home heading's lines sit against the right edge."""
    if lang not in languages:
        pytest.skip(f"{lang} not shipped")
    lines = heading_lines(browser, server, lang)
    assert alignment(lines) == "right", lines


def test_english_home_heading_is_left_aligned(browser, server):
    """Control: the same measurement says "left" for a left-to-right page."""
    lines = heading_lines(browser, server, "en")
    assert alignment(lines) == "left", lines


def test_arabic_heading_set_left_would_fail(browser, server):
    """Negative control on the same Arabic text: laid out left to right, the check no longer says "right"."""
    lines = heading_lines(browser, server, "ar", style="direction: ltr; text-align: left")
    assert alignment(lines) == "left", lines


def test_arabic_911_link_is_above_the_fold_and_readable(browser, server):
    page = browser.new_page(viewport=PHONE)
    try:
        page.goto(page_url(server, "ar", "index"), wait_until="load")
        link = page.locator('main a[href="tel:911"]').first
        box = link.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], "911 link below the fold"
        size = float(link.evaluate("a => parseFloat(getComputedStyle(a).fontSize)"))
        assert size >= 16, f"911 link text is {size}px"
        # The number itself stays left to right.
        assert link.locator("bdi").get_attribute("dir") == "ltr"
        assert link.locator("bdi").inner_text() == "911"
    finally:
        page.close()


def test_switcher_click_goes_to_same_page(browser, server):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    try:
        page.goto(page_url(server, "en", "know-your-rights"), wait_until="load")
        page.locator(".md-header .md-select button").first.hover()
        page.locator('a.md-select__link[hreflang="ar"]').first.click()
        page.wait_for_url(page_url(server, "ar", "know-your-rights"))
        assert page.evaluate("document.documentElement.lang") == "ar"
    finally:
        page.close()


def test_alignment_reads_the_gaps():
    """The rule itself, on made-up lines: text flush right, flush left, centred, and filling the line."""
    assert alignment([{"left": 120.0, "right": 0.0}, {"left": 0.0, "right": 0.0}]) == "right"
    assert alignment([{"left": 0.0, "right": 80.0}]) == "left"
    assert alignment([{"left": 40.0, "right": 40.0}]) == "unclear"
    assert alignment([{"left": 0.0, "right": 0.0}]) == "unclear"
