"""Privacy: a reader's browser talks to this site only, keeps nothing about them, and runs only our scripts.

Every page of every language, first load (tests/visits.py): no request to
any other host, no cookies, no localStorage or sessionStorage entries, no
Content-Security-Policy violation, no console error. In every language, as a
reader clicking around: the same with the language menu open, search open
and a query typed, and while answering the quiz; and no search words in
result links (they would land in the browser history).
"""
import base64
import hashlib
import importlib.util
import re
import zipfile
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT
from tests.pages import page_url
from tests.visits import EVERY_PAGE, STORED, WATCH_POLICY
from whotocall.data import site_languages

LANGUAGES = site_languages(ROOT)
PAGES = EVERY_PAGE
# A word every language's index has: the emergency number.
QUERY = "911"
REQUIRED_DIRECTIVES = {
    "default-src": "'self'", "style-src": "'self'", "img-src": "'self' data:", "object-src": "'none'",
    "base-uri": "'self'", "form-action": "'self'", "worker-src": "'self'", "connect-src": "'self'",
}


def load_hook(name):
    """A hook module from hooks/, loaded the way MkDocs loads it (by file path)."""
    spec = importlib.util.spec_from_file_location(f"hooks_{name}", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- In a browser ------------------------------------------------------------

class Reader:
    """One browser context as one reader: every request, console error and CSP violation it sees."""

    def __init__(self, browser, own_host, **options):
        self.context = browser.new_context(viewport={"width": 1280, "height": 800}, **options)
        self.context.add_init_script(WATCH_POLICY)
        self.page = self.context.new_page()
        self.own_host = own_host
        self.requests, self.errors = [], []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def other_hosts(self):
        return other_hosts(self.requests, self.own_host)

    def violations(self):
        return self.page.evaluate("window.__wtcViolations || []")

    def storage(self):
        return self.page.evaluate(STORED)

    def open_language_menu(self):
        self.page.locator(".md-header .md-select button").first.hover()
        self.page.locator(".md-select__link").first.wait_for(state="visible")

    def close(self):
        self.context.close()


def other_hosts(urls, own_host):
    return sorted({url for url in urls if urlsplit(url).scheme not in ("data", "blob", "about")
                   and urlsplit(url).netloc != own_host})


@pytest.mark.parametrize("lang,slug", PAGES, ids=[f"{lang}/{slug}" for lang, slug in PAGES])
def test_first_load_stays_on_this_site_and_keeps_nothing(visits, server, lang, slug):
    visit = visits[(lang, slug)]
    other = other_hosts([url for url, _ in visit.requests], urlsplit(server).netloc)
    assert not other, f"{lang}/{slug}: requests to other hosts: {other}"
    assert not visit.violations, f"{lang}/{slug}: CSP violations: {visit.violations}"
    assert not visit.errors, f"{lang}/{slug}: console errors: {visit.errors}"
    assert visit.cookies == [], f"{lang}/{slug}: cookies set: {visit.cookies}"
    assert visit.storage == {"local": [], "session": []}, f"{lang}/{slug}: stored: {visit.storage}"


@pytest.fixture(scope="module")
def readers(browser, server):
    """readers[lang]: one reader per language, opened when a test first asks for it and kept for the
    whole module (each pytest-xdist worker opens only the languages its tests use)."""
    class Opened(dict):
        def __missing__(self, lang):
            self[lang] = Reader(browser, urlsplit(server).netloc)
            return self[lang]
    opened = Opened()
    yield opened
    for reader in opened.values():
        reader.close()


# The home page of every language, and the longest page (its phrases for the officer have their own
# script) in a left-to-right and a right-to-left language; the first visits cover every page on load.
MENU = [(lang, "index") for lang in LANGUAGES] + [(lang, "know-your-rights") for lang in ("en", "ar")]


@pytest.mark.parametrize("lang,slug", MENU, ids=[f"{slug}-{lang}" for lang, slug in MENU])
def test_language_menu_stays_on_this_site(readers, server, lang, slug):
    reader = readers[lang]
    reader.requests.clear()
    reader.errors.clear()
    reader.page.goto(page_url(server, lang, slug), wait_until="load")
    reader.open_language_menu()
    assert not reader.other_hosts(), f"{lang}/{slug}: requests to other hosts: {reader.other_hosts()}"
    assert not reader.violations(), f"{lang}/{slug}: CSP violations: {reader.violations()}"
    assert not reader.errors, f"{lang}/{slug}: console errors: {reader.errors}"
    assert reader.context.cookies() == [], f"{lang}/{slug}: cookies set"
    assert reader.storage() == {"local": [], "session": []}, f"{lang}/{slug}: stored: {reader.storage()}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_stays_on_this_site(search_box, server, lang):
    """Search open and a query typed, in the language's shared search page (tests/conftest.search_box,
    which fails a search on a script error): what the page asked for since it opened."""
    box = search_box(lang)
    assert box.search(QUERY), f"{lang}: search found nothing for {QUERY!r}"
    leaking = [url for url in box.links if urlsplit(url).query]
    assert not leaking, f"{lang}: search words in result links (browser history): {leaking[:3]}"
    assert any("search_index.json" in url for url in box.requests), box.requests
    other = other_hosts(box.requests, urlsplit(server).netloc)
    assert not other, f"{lang}: requests to other hosts: {other}"
    assert not box.violations(), f"{lang}: CSP violations: {box.violations()}"
    assert box.page.context.cookies() == [], f"{lang}: cookies set"
    stored = box.page.evaluate(STORED)
    assert stored == {"local": [], "session": []}, f"{lang}: stored: {stored}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quiz_runs_under_the_policy(readers, server, lang):
    reader = readers[lang]
    reader.errors.clear()
    reader.page.goto(page_url(server, lang, "quiz"), wait_until="load")
    first = reader.page.locator(".wtc-q").first
    first.locator("input[type=radio]").first.check()
    first.locator("button").first.click()
    assert first.get_attribute("data-state") in ("right", "wrong"), "quiz.js did not run"
    assert not reader.violations(), reader.violations()
    assert not reader.errors, reader.errors
    assert reader.storage() == {"local": [], "session": []}, reader.storage()


def test_changed_inline_script_is_blocked(browser, server):
    """Negative control: one byte more in an inline script and its hash no longer matches."""
    reader = Reader(browser, urlsplit(server).netloc)
    url = page_url(server, "en", "call-911")

    def tampered(route):
        html = route.fetch().text()
        route.fulfill(body=html.replace("<script>__md_scope=", "<script> __md_scope=", 1), content_type="text/html")
    reader.page.route(url, tampered)
    reader.page.goto(url, wait_until="load")
    violations = reader.violations()
    reader.close()
    assert any(v.startswith("script-src") for v in violations), violations


def test_other_host_and_storage_are_noticed(browser, server):
    """Negative control: a request to another host and a stored value show up in what the checks read.

    The policy is bypassed here, or it would stop the request before it leaves."""
    reader = Reader(browser, urlsplit(server).netloc, bypass_csp=True)
    reader.context.route("http://elsewhere.test/**", lambda route: route.fulfill(body="x"))
    reader.page.goto(page_url(server, "en", "index"), wait_until="load")
    reader.page.evaluate("() => { localStorage.setItem('seen', '1'); return fetch('http://elsewhere.test/p').catch(() => 0); }")
    other, stored = reader.other_hosts(), reader.storage()
    reader.close()
    assert other == ["http://elsewhere.test/p"], other
    assert stored["local"] == [["seen", "1"]], stored


# --- In the built HTML -------------------------------------------------------

def csp_of(html):
    """The policy of a page as {directive: value}, and the soup."""
    soup = BeautifulSoup(html, "html.parser")
    metas = soup.select('meta[http-equiv="Content-Security-Policy"]')
    assert len(metas) == 1, f"{len(metas)} CSP meta elements"
    policy = dict(part.strip().split(" ", 1) for part in metas[0]["content"].split(";") if part.strip())
    return policy, soup, metas[0]


def test_every_page_has_a_strict_policy_covering_its_inline_scripts(site):
    # Pages the site serves; the one-file copies in downloads/ carry a stricter policy (tests/test_one_file.py).
    pages = sorted(path for path in site.rglob("*.html") if path.parent.name != "downloads")
    assert len(pages) >= len(PAGES)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        policy, soup, meta = csp_of(html)
        where = path.relative_to(site)
        for directive, value in REQUIRED_DIRECTIVES.items():
            assert policy.get(directive) == value, f"{where}: {directive} is {policy.get(directive)!r}"
        assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"], where
        # Before anything it governs: only <meta charset> may come first.
        assert [tag.name for tag in meta.find_all_previous()] in (["meta", "head", "html"], ["head", "html"]), where
        for script in soup.select("script:not([src])"):
            if script.get("type", "text/javascript") not in ("text/javascript", "module"):
                continue
            body = re.search(r"<script>(.*?)</script>", str(script), re.S).group(1)
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            assert f"'sha256-{digest}'" in policy["script-src"], f"{where}: inline script not in the policy: {body[:60]}"


def test_policy_can_be_turned_off_for_the_offline_edition(site):
    csp = load_hook("csp")
    page = "<!doctype html><html><head><meta charset=\"utf-8\"><script>x()</script></head></html>"
    assert "Content-Security-Policy" not in csp.on_post_page(page, None, SimpleNamespace(extra={"csp": False}))
    assert "Content-Security-Policy" in csp.on_post_page(page, None, SimpleNamespace(extra={}))
    # The offline edition in the build (file:// has no 'self') carries no policy.
    offline = sorted((site / "downloads").glob("*.zip"))
    assert offline, "the build made no offline edition"
    with zipfile.ZipFile(offline[0]) as archive:
        home = next(name for name in archive.namelist() if name.endswith("/index.html"))
        assert "Content-Security-Policy" not in archive.read(home).decode("utf-8")
