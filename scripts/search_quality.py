"""Search-quality benchmark: type each query of tests/search_queries.yml into the search box of a
built site, in real Chromium, online (served over http) and from each language's offline zip (file://), and
print top-1 and top-3 per language.

    python scripts/search_quality.py                 # build into a temporary folder first
    python scripts/search_quality.py --site /tmp/s   # an existing build
    python scripts/search_quality.py --misses        # also list every query whose page is not first

tests/test_search_quality.py runs the same queries and holds the targets (top-1 >= 90%, top-3 = 100%).
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whotocall import languages  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"
TOP1_GOAL, TOP3_GOAL = 0.90, 1.0

# True once Material's result line says how many pages match, or that none do (in the page's language).
SEARCH_DONE = """() => {
  const words = JSON.parse(document.getElementById("__config").textContent).translations;
  const meta = document.querySelector(".md-search-result__meta")?.textContent.trim();
  const escape = text => text.replace(/[.*+?^${}()|[\\]\\\\]/g, "\\\\$&");
  const count = new RegExp("^" + escape(words["search.result.other"]).replace("#", "\\\\S+") + "$");
  return meta === words["search.result.none"] || meta === words["search.result.one"] || count.test(meta || "");
}"""
# Counts changes of Material's result line, so a search is done once the line has changed since the
# query was typed and says a count or "none" (no clearing round trip between queries).
WATCH_RESULT_LINE = """() => { window.__wtcShown = 0;
  new MutationObserver(() => window.__wtcShown++).observe(document.querySelector(".md-search-result__meta"),
                                                          {childList: true, characterData: true, subtree: true}); }"""
SEARCH_DONE_SINCE = "shown => window.__wtcShown > shown && (" + SEARCH_DONE + ")()"
# Content-Security-Policy violations from the first moment of the page (tests/test_privacy.py reads them).
WATCH_POLICY = """
window.__wtcViolations = [];
document.addEventListener('securitypolicyviolation', event => window.__wtcViolations.push(
  event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') + ' ' + (event.sample || '')));
"""
# Puts the words into the search box (as fill() does) and returns the result line's change counter.
TYPE_WORDS = """words => { const box = document.querySelector("input.md-search__input");
  box.value = words; box.dispatchEvent(new Event("input", {bubbles: true})); return window.__wtcShown; }"""
# The page of each result group, in order (a group is one page with its matching sections).
RESULT_PAGES = "() => [...document.querySelectorAll('.md-search-result__item')].map(li => li.querySelector('a').href)"


# --- Queries -----------------------------------------------------------------

def load_queries(path: Path = QUERIES) -> dict[str, list[dict]]:
    """Each language's queries, every expected page as a list of slugs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [{"q": str(item["q"]), "pages": item["page"] if isinstance(item["page"], list) else [item["page"]]}
                   for item in items] for lang, items in data.items()}


def slug_of(href: str, home: str) -> str:
    """A result link as a page slug ("index" for the home page), given the language's home URL."""
    rest = href.split("#")[0][len(home):] if href.startswith(home) else "?" + href
    rest = rest.removesuffix("index.html").strip("/")
    return rest or "index"


# --- Browser -----------------------------------------------------------------

class SearchBox:
    """One open page of a language; search() types a query and returns the result pages as slugs.
    It keeps every address the page asked for (requests) and its policy violations (violations())."""

    def __init__(self, browser, home: str, offline: bool = False, block: str | None = None):
        self.home = home
        self.page = browser.new_page(viewport={"width": 1200, "height": 800})
        self.page.add_init_script(WATCH_POLICY)
        self.errors, self.requests = [], []
        self.page.on("pageerror", lambda err: self.errors.append(str(err)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        if offline:   # the offline edition must never reach a server
            self.page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
                ("file:", "data:", "blob:")) else route.abort())
        if block:     # a script to leave out (negative controls)
            self.page.route(f"**/{block}", lambda route: route.abort())
        self.page.goto(home + ("index.html" if offline else ""), wait_until="load")
        self.page.evaluate(WATCH_RESULT_LINE)
        self.box = self.page.locator("input.md-search__input")
        self.box.focus()
        self.last, self.found, self.links = None, [], []   # links: the result pages' full addresses

    def search(self, query: str) -> list[str]:
        """Result pages (slugs) for one query, best first."""
        if query != self.last:      # Material searches only when the words change
            # The words go in as Playwright's fill() puts them (the value, then an input event), in
            # one round trip with reading the counter; fill() first checks the box can take text,
            # a third of each search's CPU for a box that stays open.
            shown = self.page.evaluate(TYPE_WORDS, query)
            self.box.press("End")   # a real key: Material searches on one (and fill() types none)
            self.page.wait_for_function(SEARCH_DONE_SINCE, arg=shown)
            self.last, self.links = query, self.page.evaluate(RESULT_PAGES)
            self.found = [slug_of(href, self.home) for href in self.links]
            assert not self.errors, f"{self.home}: script errors after {query!r}: {self.errors}"
        return list(self.found)

    def violations(self) -> list[str]:
        """Content-Security-Policy violations since the page opened."""
        return self.page.evaluate("window.__wtcViolations || []")

    def close(self):
        self.page.close()
        assert not self.errors, self.errors


def ranked(box: SearchBox, items: list[dict]) -> list[dict]:
    """Each query typed into an open search box: its result pages and the rank of the expected page."""
    rows = []
    for item in items:
        found = box.search(item["q"])
        rank = next((i + 1 for i, slug in enumerate(found) if slug in item["pages"]), None)
        rows.append({**item, "found": found[:5], "rank": rank})
    return rows


def run(browser, homes: dict[str, str], queries: dict[str, list[dict]], offline: bool = False,
        block: str | None = None) -> dict[str, list[dict]]:
    """Every language's queries from its home page: each with its result pages and rank of the expected page."""
    results = {}
    for lang, home in homes.items():
        box = SearchBox(browser, home, offline, block)
        results[lang] = ranked(box, queries.get(lang, []))
        box.close()
    return results


def scores(rows: list[dict]) -> tuple[float, float]:
    """Share of queries whose page came first, and within the first three."""
    n = len(rows) or 1
    return (sum(r["rank"] == 1 for r in rows) / n, sum(r["rank"] is not None and r["rank"] <= 3 for r in rows) / n)


# --- Site --------------------------------------------------------------------

@contextlib.contextmanager
def serve(site: Path):
    """http://127.0.0.1:<port>/ serving a built site."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def unzip_offline(site: Path, into: Path) -> Path:
    """Every language's offline zip of a built site, each unzipped into <into>/<lang>/; `into`.

    homes() of its file:// URL opens each language's search in that language's own zip.
    """
    from whotocall.offline import zip_path
    for code in languages.codes(ROOT):
        with zipfile.ZipFile(site / zip_path(code)) as archive:
            archive.extractall(into / code)
    return into


def homes(base: str, codes: list[str]) -> dict[str, str]:
    """Each language's home URL under a base URL (ending in /): a served site, or (file://) the folder
    unzip_offline filled, where each language's home is in its own edition."""
    from whotocall.offline import FOLDER
    edition = (lambda code: f"{code}/{FOLDER}/") if base.startswith("file:") else (lambda code: "")
    return {code: base + edition(code) + languages.get(code, ROOT).folder for code in codes}


# --- Command -----------------------------------------------------------------

def table(online: dict, offline: dict) -> str:
    """The per-language table, Markdown."""
    lines = ["| language | queries | top-1 online | top-3 online | top-1 offline | top-3 offline |",
             "|---|---:|---:|---:|---:|---:|"]
    for lang in online:
        on, off = scores(online[lang]), scores(offline.get(lang, []))
        lines.append(f"| {lang} | {len(online[lang])} | {on[0]:.0%} | {on[1]:.0%} | {off[0]:.0%} | {off[1]:.0%} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--misses", action="store_true", help="list every query whose page is not first")
    parser.add_argument("--online-only", action="store_true", help="skip the offline zips")
    args = parser.parse_args()
    from whotocall.browser import launch
    queries = load_queries()
    with tempfile.TemporaryDirectory(prefix="wtc-search-") as tmp:
        site = args.site
        if site is None:
            from scripts.build import build
            site = build(ROOT, Path(tmp) / "site")
        codes = [code for code in languages.codes(ROOT) if code in queries]
        with launch() as browser, serve(site) as base:
            online = run(browser, homes(base, codes), queries)
            offline = {} if args.online_only else run(
                browser, homes(unzip_offline(site, Path(tmp) / "offline").as_uri() + "/", codes), queries, offline=True)
    print(table(online, offline))
    if args.misses:
        for where, results in (("online", online), ("offline", offline)):
            for lang, rows in results.items():
                for row in rows:
                    if row["rank"] != 1:
                        print(f"{where} {lang} {row['q']!r}: want {'/'.join(row['pages'])}, "
                              f"rank {row['rank']}, got {', '.join(row['found'][:3]) or 'nothing'}")
    met = all(s[0] >= TOP1_GOAL and s[1] >= TOP3_GOAL
              for results in (online, offline) for s in map(scores, results.values()))
    print("goal (top-1 >= 90%, top-3 = 100%, every language):", "met" if met else "NOT met")


if __name__ == "__main__":
    main()
