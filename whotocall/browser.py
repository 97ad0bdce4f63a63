"""Start a real Chromium for the build (PDFs), tests and scripts: Debian's /usr/bin/chromium, else Playwright's own."""
import contextlib
import os
import shutil

from playwright.sync_api import Error as PlaywrightError, sync_playwright

from .data import DataError

# Flags that keep Chromium from calling home on a machine with no network.
QUIET_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--disable-quic", "--disable-gpu", "--no-sandbox"]


def chromium_path():
    """Debian's Chromium if installed (Playwright cannot download its own here)."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


@contextlib.contextmanager
def launch(**options):
    """A headless Chromium browser, closed afterwards."""
    with sync_playwright() as p:
        path = chromium_path()
        try:
            browser = p.chromium.launch(executable_path=path, args=QUIET_FLAGS, **options) if path \
                else p.chromium.launch(args=QUIET_FLAGS, **options)
        except PlaywrightError as err:
            if path:
                raise DataError(f"Chromium at {path} did not start: {str(err).splitlines()[0]}") from None
            raise DataError("No Chromium found: the card PDFs and the tests need one. Install Debian's "
                            "(`apt-get install chromium`, as .ci/run does) or set CHROMIUM=/path/to/chrome.") from None
        try:
            yield browser
        finally:
            browser.close()
