"""Every page of every language opened once as a first-time reader: what the browser fetched, logged and kept.

tests/test_budget.py reads the sizes, tests/test_privacy.py the hosts,
cookies, storage and policy violations, tests/test_browser.py the width,
tests/test_accessibility.py axe-core's findings on a phone, so
each page loads once per test run (shared by the pytest-xdist workers).
Each page is counted as on a first visit: every request it makes is recorded,
including those the browser answers from its cache (it still reports them), at
the size the first download had. With the cache on, a language's later pages
reuse the compiled scripts and styles, which takes about 30 % less CPU; on 24
pages the recorded requests were the same as with the cache off, and
tests/test_budget.py checks that every page still counts its style sheet and
scripts.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import time
from dataclasses import asdict, dataclass, field

from axe_playwright_python.sync_playwright import Axe

from scripts.search_quality import WATCH_POLICY
from tests.pages import english_slugs, page_url
from whotocall.data import site_languages

# Every page of every shipped language: what the first visits open (the `visits` fixture, tests/conftest.py).
EVERY_PAGE = [(lang, slug) for lang in site_languages() for slug in english_slugs()]


AXE = Axe()
AXE_OPTIONS = {
    # WCAG 2.0-2.2 A and AA (target-size is wcag22aa), plus axe's best practices (e.g. a named search dialog).
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
    # A failing element is shown by its HTML (test_accessibility.describe), not a CSS selector:
    # working out a unique selector for every element axe looks at is a fifth of its time.
    "selectors": False,
}


# Colour contrast (text on its background, and links told from the text around them by colour) depends
# on the theme's colours and the page layout, which every language shares, not on the words; the two
# rules are most of axe's time on a page (0.26 of 0.38 s on the Spanish rights page). The first visits
# check them on every page in English, Arabic (right to left) and Chinese (another script, other line
# heights), and every other rule (names, lang, ids, target size, landmarks, ...) on every page of every
# language; the desktop pages, the officer screen and the warrant run every rule.
CONTRAST_LANGUAGES = ("en", "ar", "zh")
COLOUR_RULES = ("color-contrast", "link-in-text-block")
WITHOUT_CONTRAST = {**AXE_OPTIONS, "rules": {rule: {"enabled": False} for rule in COLOUR_RULES}}


def axe_violations(page, contrast: bool = True):
    """axe-core's violations (WCAG 2.0-2.2 A/AA, best practices) on the page as it is now
    (contrast=False: all but the colour rules, see CONTRAST_LANGUAGES)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
    options = AXE_OPTIONS if contrast else WITHOUT_CONTRAST
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# What the page keeps in the browser's storage ({"local": [], "session": []} when nothing).
STORED = "() => ({local: Object.entries(localStorage), session: Object.entries(sessionStorage)})"


@dataclass
class Visit:
    """One page's first load."""
    url: str
    requests: list = field(default_factory=list)     # [(url, gzip -6 bytes)]
    errors: list = field(default_factory=list)       # console errors and uncaught exceptions
    violations: list = field(default_factory=list)   # CSP violations
    cookies: list = field(default_factory=list)
    storage: dict = field(default_factory=dict)      # {"local": [...], "session": [...]}
    too_wide: int = 0                                # px the page is wider than the 360 px screen, scripts run
    axe: list = field(default_factory=list)          # axe-core's violations on the loaded page (see AXE_OPTIONS)

    def kb(self):
        return sum(size for _, size in self.requests) / 1024


class FirstVisits:
    """One tab; gzip sizes by URL, from the first download (a URL always serves the same bytes)."""

    def __init__(self, context):
        self.context = context
        context.add_init_script(WATCH_POLICY)
        # axe-core in every page from the start, sent to the browser once (not half a megabyte per page);
        # it fetches nothing and defines one global the site's scripts do not use.
        context.add_init_script(AXE.axe_script)
        self.page = context.new_page()
        self.in_flight = 0
        self.last_activity = time.monotonic()
        self.visit_number = 0
        self.started_in = {}    # request -> the visit it started in
        self.finished = []
        self.errors = []
        self.sizes = {}
        self.page.on("request", self._started)
        self.page.on("requestfinished", self._finished)
        self.page.on("requestfailed", self._finished)
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def visit(self, url, contrast: bool = True) -> Visit:
        """Open url, run axe, and wait until the network is quiet; everything the page did on the way
        (contrast: whether axe checks colour contrast, see CONTRAST_LANGUAGES)."""
        self.visit_number += 1
        self.finished, self.errors = [], []
        self.page.goto(url, wait_until="load")
        # axe first: it fetches nothing (the site's style sheets are its own, read in place), and the
        # quiet time runs while it works, so the wait below is mostly over when it returns.
        axe = axe_violations(self.page, contrast)
        self.settle()
        return Visit(url=url,
                     requests=[(request.url, self._gzip_size(request)) for request in self.finished],
                     errors=list(self.errors),
                     violations=self.page.evaluate("window.__wtcViolations || []"),
                     cookies=self.context.cookies(),
                     storage=self.page.evaluate(STORED),
                     too_wide=self.page.evaluate(WIDER_THAN_SCREEN),
                     axe=axe)

    def settle(self, quiet_s=0.1, step_ms=25):
        """Wait until no request has started or ended for quiet_s, and none is in flight."""
        while self.in_flight or time.monotonic() - self.last_activity < quiet_s:
            self.page.wait_for_timeout(step_ms)   # Playwright delivers the request events while it waits

    def _gzip_size(self, request):
        if request.url not in self.sizes:
            response = request.response()
            body = response.body() if response else b""
            # Chromium keeps no body for an image it cannot decode: count what came over the wire.
            self.sizes[request.url] = len(gzip.compress(body, compresslevel=6)) if body \
                else request.sizes()["responseBodySize"]
        return self.sizes[request.url]

    def _started(self, request):
        self.in_flight += 1
        self.last_activity = time.monotonic()
        self.started_in[request] = self.visit_number

    def _finished(self, request):
        self.in_flight -= 1
        self.last_activity = time.monotonic()
        if self.started_in.pop(request, None) == self.visit_number:   # not a late one from the page before
            self.finished.append(request)


SERVER = "{server}"   # stands for the serving address in the saved visits: each worker serves on its own port


def first_visits(browser, server, pages, tmp_path_factory) -> dict:
    """{(lang, slug): Visit} for every page, visited once per test run. The pages are visited a language
    at a time by whichever pytest-xdist worker takes that language first (two workers share the
    work); every worker reads what was seen (tests/conftest.shared_folder)."""
    from tests.conftest import shared_folder

    by_language = {}
    for lang, slug in pages:
        by_language.setdefault(lang, []).append(slug)

    def visit_language(lang):
        def visit(folder):
            context = browser.new_context(viewport={"width": 360, "height": 640})
            visitor = FirstVisits(context)
            seen = [[lang, slug, asdict(visitor.visit(page_url(server, lang, slug), lang in CONTRAST_LANGUAGES))]
                    for slug in by_language[lang]]
            context.close()
            (folder / "visits.json").write_text(json.dumps(seen).replace(server, SERVER), encoding="utf-8")
        return visit

    def name(lang):
        return f"visits-{lang}-" + hashlib.sha256(json.dumps(by_language[lang]).encode()).hexdigest()[:12]

    folders = {lang: shared_folder(tmp_path_factory, name(lang), visit_language(lang), wait=False)
               for lang in by_language}            # the languages no other worker is visiting now
    visits = {}
    for lang in by_language:
        folder = folders[lang] or shared_folder(tmp_path_factory, name(lang), visit_language(lang))
        for lang_, slug, fields in json.loads((folder / "visits.json").read_text(encoding="utf-8").replace(SERVER, server)):
            fields["requests"] = [tuple(request) for request in fields["requests"]]
            visits[(lang_, slug)] = Visit(**fields)
    return visits


def wait_until(page, condition, timeout_ms=5000, step_ms=25):
    """Let the page run until condition() (a Python check, e.g. on recorded requests) holds; fail after timeout_ms."""
    waited = 0
    while not condition():
        if waited >= timeout_ms:
            raise AssertionError(f"condition not met within {timeout_ms} ms")
        page.wait_for_timeout(step_ms)   # Playwright delivers events while it waits
        waited += step_ms
