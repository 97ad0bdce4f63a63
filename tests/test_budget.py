"""Speed budget: what a reader on a slow phone network downloads to open a page.

Every request a page makes on load until the network is quiet, as for a reader
opening it first (a file the browser has from an earlier page still counts:
tests/visits.py), each response body counted at its gzip -6 size (the local server does
not compress; real hosts do): at most 100 KB per page, aiming for 80 KB.
Search (worker, index, lunr language files) waits until the reader opens it.
"""
import os
import struct
import zlib

import pytest

from tests.pages import page_url
from tests.visits import EVERY_PAGE, FirstVisits

PAGES = EVERY_PAGE
LIMIT_KB = 100
AIM_KB = 80
SEARCH_FILES = ("search_index.json", "/workers/search.", "/lunr/")


def kb(requests):
    return sum(size for _, size in requests) / 1024


# --- Budget ------------------------------------------------------------------

@pytest.mark.parametrize("lang,slug", PAGES, ids=[f"{lang}/{slug}" for lang, slug in PAGES])
def test_first_load_within_budget(visits, server, lang, slug):
    requests = visits[(lang, slug)].requests
    total = kb(requests)
    print(f"{lang}/{slug}: {total:.1f} KB in {len(requests)} requests")
    assert page_url(server, lang, slug) in [url for url, _ in requests], requests
    # Files the browser had from an earlier page still count (tests/visits.py): the theme's style and script.
    assert [url for url, _ in requests if "/stylesheets/main." in url] and \
        [url for url, _ in requests if "/javascripts/bundle." in url], requests
    assert total <= LIMIT_KB, f"{lang}/{slug}: {total:.1f} KB on first load (limit {LIMIT_KB} KB):\n" + "\n".join(
        f"  {size / 1024:6.1f} KB  {url}" for url, size in sorted(requests, key=lambda r: -r[1]))
    search = [url for url, _ in requests if any(part in url for part in SEARCH_FILES)]
    assert not search, f"{lang}/{slug}: search files loaded before the reader opened search: {search}"


def noise_png(width, height):
    """A valid PNG of random pixels: about width x height x 3 bytes, gzip cannot shrink it."""
    raw = b"".join(b"\x00" + os.urandom(width * 3) for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def test_counter_sees_a_heavy_page(browser):
    """Negative control: a page with a 150 KB photo-like image is over the limit."""
    image = noise_png(256, 200)
    context = browser.new_context()
    context.route("http://budget.test/", lambda route: route.fulfill(
        body='<!doctype html><title>x</title><img src="big.png" alt="">', content_type="text/html"))
    context.route("http://budget.test/big.png", lambda route: route.fulfill(body=image, content_type="image/png"))
    requests = FirstVisits(context).visit("http://budget.test/").requests
    context.close()
    assert sorted(url for url, _ in requests) == ["http://budget.test/", "http://budget.test/big.png"]
    assert kb(requests) > LIMIT_KB


# --- Search on demand --------------------------------------------------------

@pytest.fixture(scope="module")
def search_tab(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    yield FirstVisits(context)
    context.close()


# Two languages: that each language's search finds only its own pages is checked in every language
# (tests/test_search.py), and that the index loads on opening search in every language's home
# (tests/test_privacy.py); here, that the worker and the language's own index come then, not before.
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_search_files_load_when_the_reader_opens_search(search_tab, server, lang):
    search_tab.visit(page_url(server, lang, "index"))
    search_tab.finished = []
    search_tab.page.locator("input.md-search__input").focus()
    search_tab.page.wait_for_function("""() => {
        const words = JSON.parse(document.getElementById('__config').textContent).translations;
        return document.querySelector('.md-search-result__meta').textContent.trim() === words['search.result.placeholder'];
    }""")   # "Type to start searching": the worker has the index
    search_tab.settle()
    loaded = [request.url for request in search_tab.finished]
    index = page_url(server, lang, "search/search_index.json").rstrip("/")
    assert index in loaded, loaded
    assert any("/workers/search." in url for url in loaded), loaded


# Without JavaScript: every page of every language is opened with scripts off in
# tests/test_browser.py (test_no_page_is_wider_than_a_small_phone_without_scripts), which also
# checks the 911 link, the chooser and a whole page of rights there.
