"""Start a real Chromium for tests and scripts: Chromium's headless shell where there is one (Debian's
chromium-headless-shell, or Playwright's own), else the full Chromium.

The headless shell is the same Blink and V8 without the desktop browser around them, the build
Playwright itself runs headless tests in; it uses about a quarter less CPU per page than the full
browser in headless mode (README, Tests), which is most of what `make test` spends. Lighthouse
asks for the full browser (chromium_path(shell=False)).

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

INSTALL = "`make test` installs one (scripts/test_tools.py), or run `apt-get install chromium-headless-shell`"

HEADLESS_SHELL = "chromium-headless-shell"    # Debian's package and command


def chromium_path(shell: bool = True):
    """CHROMIUM if set, else (shell=True) Debian's headless shell, else Debian's Chromium, else one on
    PATH; None if there is none (launch() then asks Playwright for its own)."""
    shells = ("/usr/bin/" + HEADLESS_SHELL, shutil.which(HEADLESS_SHELL)) if shell else ()
    for candidate in (os.environ.get("CHROMIUM"), *shells, "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def _start(browser_type, flags=(), **options):
    """Chromium (chromium_path(), else Playwright's own) with QUIET_FLAGS and flags; a clear error if it does not start."""
    from playwright.sync_api import Error as PlaywrightError
    path = chromium_path()
    try:
        return browser_type.launch(args=QUIET_FLAGS + list(flags), **({"executable_path": path} if path else {}),
                                   **options)
    except PlaywrightError as err:
        if path:
            raise DataError(f"Chromium at {path} did not start: {str(err).splitlines()[0]}") from None
        raise DataError(f"No Chromium found: the browser tests need one. {INSTALL}, "
                        "or set CHROMIUM=/path/to/chrome.") from None


@contextlib.contextmanager
def launch(**options):
    """A headless Chromium browser, closed afterwards."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = _start(p.chromium, **options)
        try:
            yield browser
        finally:
            browser.close()


# Chromium draws at most 60 frames a second. A test that waits for the next frame after every key
# (the focus walks in tests/test_accessibility.py) waits a third less without that limit; not for
# every test, as an open page with a blinking caret would then draw frames without pause.
UNTHROTTLED = ["--disable-frame-rate-limit"]


@contextlib.contextmanager
def another(browser, flags):
    """A second Chromium started by the same Playwright as `browser`, with extra flags; closed afterwards."""
    other = _start(browser.browser_type, flags)
    try:
        yield other
    finally:
        other.close()
