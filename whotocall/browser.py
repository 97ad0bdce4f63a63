"""Start a real Chromium for the build (PDFs), tests and scripts: Debian's /usr/bin/chromium, else Playwright's own.

The card PDFs print with Chromium's headless shell (Debian's chromium-headless-shell,
the same engine without the browser around it, which Playwright itself uses for
headless runs): it starts in about half the time and CPU. With font hinting off,
its PDFs render the same as the full browser's, pixel for pixel.
"""
import contextlib
import os
import shutil

from playwright.sync_api import Error as PlaywrightError, sync_playwright

from .data import DataError

# Flags that keep Chromium from calling home on a machine with no network.
QUIET_FLAGS = ["--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run", "--disable-quic", "--disable-gpu", "--no-sandbox"]
# Glyphs placed where the font puts them, not snapped to screen pixels: the headless
# shell hints by default, which widens text by about 2% and changes what fits a card.
PRINT_FLAGS = ["--font-render-hinting=none"]

INSTALL = "Install Debian's (`apt-get install chromium chromium-headless-shell`, as .ci/run does)"


def _installed(variable: str, program: str):
    """The program named by the environment variable, else Debian's, else one on PATH; None if none exists."""
    for candidate in (os.environ.get(variable), f"/usr/bin/{program}", shutil.which(program)):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def chromium_path():
    """Debian's Chromium if installed (Playwright cannot download its own here), or CHROMIUM."""
    return _installed("CHROMIUM", "chromium")


def headless_shell_path():
    """Debian's chromium-headless-shell, or CHROMIUM_HEADLESS_SHELL."""
    return _installed("CHROMIUM_HEADLESS_SHELL", "chromium-headless-shell")


def printer_path():
    """The browser that prints the cards: the headless shell, else the full Chromium (PDFs that look the same)."""
    return headless_shell_path() or chromium_path()


@contextlib.contextmanager
def launch(printer: bool = False, **options):
    """A headless Chromium browser, closed afterwards. printer=True: the one that prints the cards."""
    with sync_playwright() as p:
        path = printer_path() if printer else chromium_path()
        args = QUIET_FLAGS + (PRINT_FLAGS if printer else [])
        try:
            browser = p.chromium.launch(executable_path=path, args=args, **options) if path \
                else p.chromium.launch(args=args, **options)
        except PlaywrightError as err:
            if path:
                raise DataError(f"Chromium at {path} did not start: {str(err).splitlines()[0]}") from None
            raise DataError(f"No Chromium found: the card PDFs and the tests need one. {INSTALL} "
                            "or set CHROMIUM=/path/to/chrome.") from None
        try:
            yield browser
        finally:
            browser.close()
