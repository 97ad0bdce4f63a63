"""Start a real Chromium for the build (PDFs), tests and scripts: Debian's /usr/bin/chromium, else Playwright's own."""
import contextlib
import os
import shutil

from playwright.sync_api import sync_playwright

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
        browser = p.chromium.launch(executable_path=path, args=QUIET_FLAGS, **options) if path \
            else p.chromium.launch(args=QUIET_FLAGS, **options)
        try:
            yield browser
        finally:
            browser.close()
