"""Take a PNG screenshot of a built page in headless Chromium, as a reader would see it.

Usage: python scripts/screenshot.py URL OUT.png [WIDTHxHEIGHT] [--full]
"""
import sys

sys.path.insert(0, __file__.rsplit("/", 2)[0])
from whotocall.browser import launch  # noqa: E402


def main(argv):
    url, out = argv[0], argv[1]
    size = argv[2] if len(argv) > 2 and "x" in argv[2] else "360x640"
    width, height = (int(v) for v in size.split("x"))
    with launch() as browser:
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        page.screenshot(path=out, full_page="--full" in argv)
    print(out)


if __name__ == "__main__":
    main(sys.argv[1:])
