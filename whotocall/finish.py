"""Finish the site once MkDocs has built every language (called by hooks/finish_site.py).

static-i18n builds the languages one after another into one folder; some things
can only be done when all of them are there: one search index per language
(static-i18n leaves one combined index), one 404 page per language (each
language's build overwrote the last one's), the card PDFs, the offline edition
of each language and its zip, and the sizes of those files on the pages that link them.
Each step changes files in the site folder only and raises DataError with a
message an editor can act on.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

from . import languages, search
from .data import Catalog, DataError
from .file_sizes import write_sizes


# --- Steps -------------------------------------------------------------------

def finish(root: Path, site: Path, catalog: Catalog, not_found: dict[str, str]) -> dict[str, float]:
    """Every step, in order; the seconds each took."""
    from .card_pdfs import print_cards
    from .keep import keep_lists, phone_files
    from .one_file import one_files
    from .vcards import vcard_files
    from .offline import offline_zip
    steps = [
        ("search per language", lambda: split_search(root, site)),
        ("404 per language", lambda: not_found_pages(root, site, not_found)),
        ("cards", lambda: print_cards(root, site, catalog)),
        ("vcards", lambda: vcard_files(root, site, catalog)),
        ("one-file copies", lambda: one_files(root, site, catalog)),
        ("phone files", lambda: phone_files(root, site, catalog)),
        # The offline editions hold pages with the sizes of their downloads in; the zips' own sizes come after.
        ("file sizes", lambda: write_sizes(site, root, required=False)),
        ("offline zip", lambda: offline_zip(root, site, catalog)),
        ("zip sizes", lambda: write_sizes(site, root)),
        ("keep lists", lambda: keep_lists(root, site, catalog)),   # last: hashes of the finished files
    ]
    timings = {}
    for name, step in steps:
        start = time.perf_counter()
        try:
            step()
        except DataError as err:
            raise DataError(f"{name}: {err}") from None
        timings[name] = time.perf_counter() - start
    return timings


def split_search(root: Path, site: Path):
    """One search index per language, with that language's lunr settings.

    static-i18n leaves one index with every language in it, so a search from
    /es/ would return English and Arabic pages too. Each language gets its own
    index in its folder (<lang>/search/search_index.json; the default's stays at search/),
    with that language's lunr settings and the page boosts of whotocall/search.py.
    """
    combined_path = site / "search" / "search_index.json"
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    site_languages = languages.languages(root)
    buckets = {lang.code: [] for lang in site_languages}
    boosts = search.page_boosts(root)
    for doc in combined["docs"]:
        lang = languages.of_path(doc["location"], root)
        # Locations are relative to the index's base, which is the language folder.
        buckets[lang.code].append({**doc, "location": doc["location"][len(lang.folder):]})
    for lang in site_languages:
        docs = buckets[lang.code]
        if not docs:
            raise DataError(f"no pages found for language '{lang.code}'. Check its pages in docs/.")
        index = {"config": search.settings(lang.code, {**combined["config"], **lang.search}),
                 "docs": search.rank(docs, boosts)}
        folder = site / lang.folder / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def not_found_pages(root: Path, site: Path, not_found: dict[str, str]):
    """Write each language's 404 page (kept by the hook as each language was built) into its folder."""
    for lang in languages.languages(root):
        if lang.code not in not_found:
            raise DataError(f"MkDocs wrote no 404 page for '{lang.code}'; is hooks/finish_site.py listed in "
                            f"mkdocs.yml?")
        path = site / lang.folder / "404.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(not_found[lang.code], encoding="utf-8")
