"""The offline edition: the whole site, every language, as one zip that works from file://.

A second MkDocs build with WTC_OFFLINE=true (Material's offline plugin: .html
links, inlined search index), the same per-language search split and 404s as
the hosted site, the vendored iframe-worker shim, the card PDFs, and nothing
a reader never needs. The zip has sorted entries and fixed timestamps, so the
same input gives the same bytes.
"""
from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

from babel.numbers import format_decimal

from .data import Catalog, DataError
from .mkdocs_run import finish_mkdocs, source_date_epoch, start_mkdocs

ZIP_NAME = "who-to-call-offline.zip"
FOLDER = "who-to-call"                 # the folder the zip unpacks to
SIZE_MARK = "\u2060ZIP-SIZE\u2060"     # placeholder the download page carries until the zip exists
SHIM_SOURCE = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
SHIM_TARGET = Path("assets") / "javascripts" / "iframe-worker-shim.js"
LEFT_OUT = ("*.map", "sitemap.xml", "sitemap.xml.gz", "search_index.json")


# --- Stages ------------------------------------------------------------------

def offline_zip(root: Path, out: Path, catalog: Catalog):
    """Build the offline edition and write it as out/downloads/who-to-call-offline.zip."""
    from .postbuild import OFFLINE_STAGES   # the hosted site's own steps, shared
    shim = root / SHIM_SOURCE
    if not shim.exists():
        raise DataError(f"{SHIM_SOURCE} is missing: run `npm ci` (make build does it) to install iframe-worker.")
    with tempfile.TemporaryDirectory(prefix="wtc-offline-") as tmp:
        edition = Path(tmp) / FOLDER
        prebuilt = edition_dir(out)
        if prebuilt.exists():          # scripts/build.py built it beside the hosted site, in parallel
            shutil.move(prebuilt, edition)
        else:
            finish_mkdocs(start_edition(root, edition, catalog))
        for _, stage in OFFLINE_STAGES:
            stage(root, edition, catalog)
        _inline_search_indexes(edition)
        (edition / SHIM_TARGET).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shim, edition / SHIM_TARGET)
        shutil.copyfile(shim.parent.parent / "LICENSE", edition / SHIM_TARGET.with_suffix(".LICENSE.txt"))
        downloads = out / "downloads"
        if downloads.exists():
            for pdf in sorted(downloads.glob("*.pdf")):
                (edition / "downloads").mkdir(exist_ok=True)
                shutil.copyfile(pdf, edition / "downloads" / pdf.name)
        from .card_pdfs import sizes_on_pages
        sizes_on_pages(root, edition, catalog)   # the cards pages show each PDF's size here too
        _leave_out(edition)
        downloads.mkdir(parents=True, exist_ok=True)
        write_zip(edition, downloads / ZIP_NAME, int(source_date_epoch(catalog)))


def edition_dir(out: Path) -> Path:
    """Where scripts/build.py builds the offline edition: a sibling of the hosted site's build folder."""
    return out.with_name(out.name + "-offline") / FOLDER


def start_edition(root: Path, target: Path, catalog: Catalog):
    """Start the offline edition's MkDocs build (Material's offline plugin on, no CSP meta)."""
    return start_mkdocs(root, target, catalog, WTC_OFFLINE="true", WTC_CSP="false")


def zip_size_on_pages(root: Path, out: Path, catalog: Catalog):
    """Write the zip's size into every download page of the hosted site."""
    zip_path = out / "downloads" / ZIP_NAME
    size_mb = zip_path.stat().st_size / 1_000_000
    from .render import BABEL_LOCALES
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if SIZE_MARK in text:
            lang = page.relative_to(out).parts[0] if page.relative_to(out).parts[0] in BABEL_LOCALES else "en"
            size = format_decimal(round(size_mb, 1), locale=BABEL_LOCALES.get(lang, "en_US")) + " MB"
            page.write_text(text.replace(SIZE_MARK, size), encoding="utf-8")


# --- Helper functions --------------------------------------------------------

def _inline_search_indexes(edition: Path):
    """file:// pages cannot fetch JSON: each language's index also as search_index.js."""
    for index in edition.rglob("search/search_index.json"):
        index.with_suffix(".js").write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")


def _leave_out(edition: Path):
    """Drop what a reader never needs: source maps, sitemaps, JSON search indexes."""
    for pattern in LEFT_OUT:
        for path in edition.rglob(pattern):
            path.unlink()


def write_zip(folder: Path, target: Path, epoch: int):
    """Zip `folder` under its own name, entries sorted, fixed time and modes."""
    import time
    stamp = time.gmtime(max(epoch, 315532800))[:6]   # zip dates start in 1980
    files = sorted((f"{folder.name}/{p.relative_to(folder).as_posix()}", p) for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
