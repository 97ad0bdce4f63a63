"""Steps that run on the finished MkDocs output, before it replaces site/.

Each stage takes (project root, output folder, catalog), changes files in the
output folder only, and raises DataError with a clear message when it cannot.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from material import __file__ as _material_file

from .data import Catalog, DataError, site_languages
from .card_pdfs import print_cards

MATERIAL_LANGUAGES = Path(_material_file).parent / "templates" / "partials" / "languages"
MATERIAL_LUNR = Path(_material_file).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
# Chinese is split into words at build time (jieba, by Material's search plugin);
# lunr.zh in the browser would need jieba too, so it keeps Material's settings.
BUILD_SEGMENTED = {"zh"}
NOT_FOUND_DEFAULT = ".404-default.html"   # written by hooks/not_found.py


# --- Stages ------------------------------------------------------------------

def split_search(root: Path, out: Path, catalog: Catalog):
    """One search index per language, with that language's lunr settings.

    static-i18n leaves one index with every language in it, so a search from
    /es/ would return English and Arabic pages too. Each language gets its own
    <lang>/search/search_index.json (the default language keeps search/).
    """
    combined_path = out / "search" / "search_index.json"
    combined = json.loads(combined_path.read_text(encoding="utf-8"))
    languages = site_languages(root)
    default, others = languages[0], languages[1:]
    buckets = {lang: [] for lang in languages}
    for doc in combined["docs"]:
        first, _, rest = doc["location"].partition("/")
        if first in others:
            # Locations are relative to the index's base, which is the language folder.
            buckets[first].append({**doc, "location": rest})
        else:
            buckets[default].append(doc)
    for lang, docs in buckets.items():
        if not docs:
            raise DataError(f"search: no pages found for language '{lang}'. Check its pages in docs/.")
        index = {"config": {**combined["config"], **search_settings(lang)}, "docs": docs}
        folder = out / "search" if lang == default else out / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "search_index.json").write_text(
            json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")


def not_found_pages(root: Path, out: Path, catalog: Catalog):
    """Put the default language's 404 page back at the root.

    static-i18n builds each language in turn and each build writes 404.html,
    so the last language would win; hooks/not_found.py keeps each language's
    copy in <lang>/404.html and the default one aside, restored here.
    """
    saved = out / NOT_FOUND_DEFAULT
    if not saved.exists():
        raise DataError(f"404: {NOT_FOUND_DEFAULT} was not written; is hooks/not_found.py listed in mkdocs.yml?")
    shutil.move(saved, out / "404.html")


# --- Helper functions --------------------------------------------------------

def search_settings(lang: str) -> dict:
    """lunr language, separator and pipeline from Material's own language file."""
    settings = {}
    for source in ("en", lang):
        text = (MATERIAL_LANGUAGES / f"{source}.html").read_text(encoding="utf-8")
        for key in ("lang", "separator", "pipeline"):
            match = re.search(rf'"search\.config\.{key}":\s*"((?:[^"\\]|\\.)*)"', text)
            if match:
                settings[key] = json.loads(f'"{match.group(1)}"')
    lunr_lang = settings.get("lang", "en")
    if lang not in BUILD_SEGMENTED and (MATERIAL_LUNR / f"lunr.{lang}.min.js").exists():
        lunr_lang = lang   # e.g. Arabic: Material's file says nothing, and "en" finds no Arabic words
    return {
        "lang": [lunr_lang],
        "separator": settings["separator"],
        "pipeline": [step for step in re.split(r"\s*,\s*", settings.get("pipeline", "")) if step.strip()],
    }


from .offline import offline_zip, zip_size_on_pages  # noqa: E402

STAGES = [
    ("search per language", split_search),
    ("cards", print_cards),
    ("404 per language", not_found_pages),
    ("offline zip", offline_zip),
    ("zip size", zip_size_on_pages),
]
