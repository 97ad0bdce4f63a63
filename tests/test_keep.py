"""Keep the guide on a phone: our service worker in a real Chromium (README, "On the phone without a connection").

A reader saves their language on the download page, loses the signal and keeps
reading; a new build reaches the saved copy on the next online visit; the reader
removes it. The site is served from a folder a test can swap for a new build (the
worker is tied to its origin). Every request, the worker's too (context.route
sees them), must go to this server; with the browser cache off (CDP), what opens
offline can only come from the worker.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import json
import struct
import threading

import pytest

from tests.conftest import ROOT
from tests.pages import english_slugs, page_url
from whotocall.data import load_catalog
from whotocall.keep import ICONS, LIST, MANIFEST, WORKER, site_names

HEADER_BLUE = "rgb(11, 74, 111)"
CACHES = "() => caches.keys()"


class _Site:
    """A local server whose folder can be replaced by another build."""

    def __init__(self, folder):
        self.folder = folder
        site = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site.folder), **kwargs)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"


@pytest.fixture
def served(site):
    """The built site on a server of its own for one test (its own origin, so its own worker and caches)."""
    server = _Site(site)
    yield server
    server.httpd.shutdown()


@pytest.fixture
def reader(browser, served):
    """A phone-sized tab that records every request, the worker's included; only the site's server answers."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, service_workers="allow")
    requests, elsewhere, errors = [], [], []

    def guard(route):
        requests.append(route.request.url)
        if route.request.url.startswith(served.url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield {"context": context, "page": page, "requests": requests, "elsewhere": elsewhere, "errors": errors}
    context.close()


def save(page, server, lang):
    """Press "Keep this guide on this phone" on the download page and wait for the saved message."""
    page.goto(page_url(server.url, lang, "download"))
    page.locator(".wtc-keep__save").click()
    page.wait_for_function("() => !document.querySelector('.wtc-keep__remove').hidden", timeout=60_000)
    return page.locator(".wtc-keep__status").inner_text()


def cache_off(context, page):
    """The browser's own cache off, so offline pages can only come from the worker."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})


def test_spanish_reader_saves_and_reads_offline(reader, served, site, catalog):
    page, context = reader["page"], reader["context"]
    listing = json.loads((site / "es" / LIST).read_text(encoding="utf-8"))
    said = save(page, served, "es")
    assert listing["size"] in said and listing["date"] in said, said
    names = page.evaluate(CACHES)
    assert [n for n in names if n.startswith("wtc-1-saved-es-")] == [f"wtc-1-saved-es-{listing['version']}"], names
    assert not [n for n in names if "saved-" in n and "saved-es-" not in n], f"other languages saved: {names}"

    # Control: online, the footer line is print only.
    page.goto(page_url(served.url, "es", "call-911"))
    assert not page.locator(".wtc-print-footer__checked").is_visible()
    cache_off(context, page)
    context.set_offline(True)
    for slug in english_slugs():
        page.goto(page_url(served.url, "es", slug))
        assert page.evaluate("document.documentElement.lang") == "es", slug
        header = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
        assert header == HEADER_BLUE, f"es/{slug}: site stylesheet missing offline"
        assert page.locator('a[href="tel:911"]').first.is_visible(), slug
        footer = page.locator(".wtc-print-footer__checked")
        assert footer.is_visible() and listing["date"] in footer.inner_text(), f"es/{slug}: no facts date offline"

    # Search, offline: its worker, lunr files and the Spanish index come from the saved copy.
    page.goto(page_url(served.url, "es", "call-911"))
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    box.fill("abogado")
    box.press("End")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    assert links and all("/es/" in link for link in links), links

    # The quiz checks an answer offline (quiz.js from the saved copy).
    page.goto(page_url(served.url, "es", "quiz"))
    first = page.locator(".wtc-q").first
    first.locator("input[type=radio]").first.check()
    first.locator("button").first.click()
    assert first.locator("[aria-live]").inner_text().strip(), "quiz gave no feedback offline"

    # A page that was not saved (English): the small offline page, with tel: links.
    page.goto(page_url(served.url, "en", "call-911"))
    words = catalog.texts["es"]["keep"]
    assert page.locator("h1").inner_text() == words["offline_title"]
    dials = page.locator('a[href^="tel:"]').evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "tel:911" in dials and "tel:988" in dials, dials

    assert reader["elsewhere"] == [] and reader["errors"] == [], (reader["elsewhere"], reader["errors"])
    assert any(url.endswith("/" + WORKER) for url in reader["requests"]), "the worker's fetches were not seen"


def test_offline_needs_the_worker(browser, served):
    """Negative control: with service workers blocked, the same offline visit finds nothing."""
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.goto(page_url(served.url, "es", "call-911"))
    cache_off(context, page)
    context.set_offline(True)
    with pytest.raises(Exception):
        page.goto(page_url(served.url, "es", "other-help"))
    context.close()


def test_new_build_updates_the_saved_copy(reader, served, changed_build):
    page, context = reader["page"], reader["context"]
    save(page, served, "es")
    before = [n for n in page.evaluate(CACHES) if n.startswith("wtc-1-saved-es-")]
    # A new build, with the domestic violence hotline's number changed (tests/conftest.changed_build).
    _, rebuilt, result = changed_build
    assert result.returncode == 0, result.stderr
    served.folder = rebuilt
    page.goto(page_url(served.url, "es", "other-help"))   # online: the worker sees the page changed
    page.wait_for_function(
        "async old => { const k = (await caches.keys()).filter(n => n.startsWith('wtc-1-saved-es-'));"
        " return k.length === 1 && k[0] !== old; }", arg=before[0], timeout=60_000)
    after = json.loads((rebuilt / "es" / LIST).read_text(encoding="utf-8"))
    assert [n for n in page.evaluate(CACHES) if "saved-" in n] == [f"wtc-1-saved-es-{after['version']}"]
    cache_off(context, page)
    context.set_offline(True)
    page.goto(page_url(served.url, "es", "browse-safely"))   # not opened since the new build: the saved copy
    assert page.locator('a[href="tel:+18005550100"]').count() > 0, "saved copy still has the old number"
    assert page.locator('a[href="tel:+18007997233"]').count() == 0


def test_remove_the_saved_copy(reader, served):
    page = reader["page"]
    save(page, served, "es")
    assert page.evaluate(CACHES)
    page.locator(".wtc-keep__remove").click()
    page.wait_for_function("() => document.querySelector('.wtc-keep__remove').hidden")
    assert page.evaluate(CACHES) == []
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0


def test_manifests_icons_and_worker_size(site, languages):
    worker = (site / WORKER).read_bytes()
    size = len(gzip.compress(worker, 9))
    print(f"service worker: {len(worker)} bytes, {size} gzipped")
    assert size < 4096
    names = site_names(ROOT)
    for lang in languages:
        folder = site / page_url("", lang, "index")
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        assert manifest["name"] == names[lang] and manifest["lang"] == lang and manifest["start_url"] == "./"
        for icon in manifest["icons"]:
            png = (folder / icon["src"]).resolve().read_bytes()
            width, height = struct.unpack(">II", png[16:24])
            assert png[:8] == b"\x89PNG\r\n\x1a\n" and icon["sizes"] == f"{width}x{height}", icon
        listing = json.loads((folder / LIST).read_text(encoding="utf-8"))
        assert page_url("", lang, "index") + "offline.html" in listing["files"]
        assert not [f for f in listing["files"] if f.endswith((".pdf", ".zip", ".vcf"))]
    assert sorted(ICONS) == [192, 512]
