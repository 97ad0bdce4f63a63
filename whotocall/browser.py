"""Start a real Chromium for tests and scripts: Debian's /usr/bin/chromium, else Playwright's own.

The site's build needs no browser (the cards are typeset by Typst); `make test`
installs one when it is missing (scripts/test_tools.py).
"""
import contextlib
import os
import shutil

from .data import DataError

# Flags that keep Chromium from calling home on a machine with no network.
QUIET_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--disable-quic", "--disable-gpu", "--no-sandbox"]

INSTALL = "`make test` installs one (scripts/test_tools.py), or run `apt-get install chromium`"


def chromium_path():
    """CHROMIUM if set, else Debian's Chromium, else one on PATH; None if there is none."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@contextlib.contextmanager
def launch(**options):
    """A headless Chromium browser, closed afterwards."""
    from playwright.sync_api import Error as PlaywrightError, sync_playwright
    with sync_playwright() as p:
        path = chromium_path()
        try:
            browser = p.chromium.launch(executable_path=path, args=QUIET_FLAGS, **options) if path \
                else p.chromium.launch(args=QUIET_FLAGS, **options)
        except PlaywrightError as err:
            if path:
                raise DataError(f"Chromium at {path} did not start: {str(err).splitlines()[0]}") from None
            raise DataError(f"No Chromium found: the browser tests need one. {INSTALL}, "
                            "or set CHROMIUM=/path/to/chrome.") from None
        try:
            yield browser
        finally:
            browser.close()
