"""Arabic reads right to left on a small phone, with the 911 link at the right and readable."""
from tests.pages import page_url


def test_arabic_home_911_link_right_aligned_and_readable(browser, server, tmp_path):
    page = browser.new_page(viewport={"width": 360, "height": 640})
    page.goto(page_url(server, "ar", "index"), wait_until="networkidle")
    shot = tmp_path / "ar-home-360x640.png"
    page.screenshot(path=str(shot))
    print(f"screenshot: {shot}")
    link = page.locator('main a[href="tel:911"]').first
    box = link.bounding_box()
    assert box["y"] + box["height"] <= 640, "911 link below the fold"
    heading = page.locator("main h1").first.bounding_box()
    # Right to left: the heading's text starts at the right edge, the link sits in its right half.
    assert box["x"] + box["width"] > 360 / 2, box
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).direction") == "rtl"
    size = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('main a[href=\"tel:911\"]')).fontSize)"))
    assert size >= 16, f"911 link text is {size}px"
    # The number itself stays left to right.
    assert link.locator("bdi").get_attribute("dir") == "ltr"
    assert link.locator("bdi").inner_text() == "911"
    assert heading["width"] > 0
    page.close()


def test_english_home_911_link_is_left_aligned(browser, server):
    """Control: in English the same link starts at the left."""
    page = browser.new_page(viewport={"width": 360, "height": 640})
    page.goto(page_url(server, "en", "index"), wait_until="networkidle")
    box = page.locator('main a[href="tel:911"]').first.bounding_box()
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).direction") == "ltr"
    page.close()
    assert box["y"] + box["height"] <= 640


def test_switcher_click_goes_to_same_page(browser, server):
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(page_url(server, "en", "know-your-rights"), wait_until="networkidle")
    page.locator(".md-header .md-select button").first.hover()
    page.locator('a.md-select__link[hreflang="ar"]').first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == page_url(server, "ar", "know-your-rights")
    assert page.evaluate("document.documentElement.lang") == "ar"
    page.close()
