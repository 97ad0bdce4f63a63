"""The offline edition: the whole site, every language, as one zip that works from file://.

Made from the finished hosted site, not from a second MkDocs build: a copy in
which every link to a folder (`call-911/`) names its page (`call-911/index.html`),
because file:// shows no index page for a folder; each language's search index
is also inlined as search_index.js (file:// pages cannot fetch JSON); the
vendored iframe-worker shim lets the search worker start from file://; the
Content-Security-Policy meta is dropped (file:// has no 'self'); the download
page says it is the offline copy; and what a reader never needs is left out.
The zip has sorted entries and fixed timestamps, so the same input gives the
same bytes.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from . import languages
from .data import Catalog, DataError
from .file_sizes import write_sizes
from .mkdocs_run import source_date_epoch

ZIP_NAME = "who-to-call-offline.zip"
ZIP_PATH = f"downloads/{ZIP_NAME}"     # in the site
FOLDER = "who-to-call"                 # the folder the zip unpacks to
SHIM_SOURCE = Path("vendor") / "iframe-worker" / "shim.js"   # iframe-worker 1.0.4, vendored (see its README)
SHIM_TARGET = Path("assets") / "javascripts" / "iframe-worker-shim.js"
# Never needed from file://: source maps, sitemaps, 404 pages (no server to show them),
# the zip itself, the service worker and its page for unsaved pages (no worker runs from file://);
# the JSON search indexes go once inlined.
LEFT_OUT = ("*.map", "sitemap.xml", "sitemap.xml.gz", "404.html", "*.zip", "sw.js", "offline.html")

_CSP_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HOSTED_DOWNLOAD = re.compile(r'<p class="wtc-download"[^>]*>.*?</p>', re.S)


# --- Steps -------------------------------------------------------------------

def offline_zip(root: Path, out: Path, catalog: Catalog):
    """Make the offline edition from the finished site in `out`; write out/downloads/who-to-call-offline.zip."""
    root, out = Path(root), Path(out)
    shim = root / SHIM_SOURCE
    if not shim.exists():
        raise DataError(f"{SHIM_SOURCE} is missing: restore it from git (vendor/iframe-worker/README.md says how it is made).")
    from .render import renderer_once
    renderer = renderer_once(catalog)
    codes = languages.codes(root)
    with tempfile.TemporaryDirectory(prefix="wtc-offline-") as tmp:
        edition = Path(tmp) / FOLDER
        shutil.copytree(out, edition, ignore=shutil.ignore_patterns(*LEFT_OUT))
        shutil.copyfile(shim, edition / SHIM_TARGET)
        shutil.copyfile(shim.parent / "LICENSE", edition / SHIM_TARGET.with_suffix(".LICENSE.txt"))
        notes = {lang: str(renderer.render("download_offline.html", lang, block=True)).strip()
                 for lang in codes}
        marked = []
        for page in sorted(edition.rglob("*.html")):
            relative = page.relative_to(edition)
            text, swapped = offline_page(page.read_text(encoding="utf-8"), relative, notes)
            page.write_text(text, encoding="utf-8")
            marked += [relative.as_posix()] * swapped
        if len(marked) != len(codes):
            raise DataError(f"offline zip: expected one download link to swap for the offline note in each of "
                            f"{len(codes)} languages, found {len(marked)} ({', '.join(marked) or 'none'}). "
                            f"Use {{{{ download_zip() }}}} once on each language's download page.")
        # Sizes of the files the edition holds (the PDFs); the zip cannot hold its own size.
        write_sizes(edition, root)
        for index in sorted(edition.rglob("search/search_index.json")):
            data = json.loads(index.read_text(encoding="utf-8"))
            for doc in data["docs"]:
                doc["location"] = search_location(doc["location"])
            index.with_suffix(".js").write_text(
                "var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                encoding="utf-8")
            index.unlink()
        (out / ZIP_PATH).parent.mkdir(parents=True, exist_ok=True)
        write_zip(edition, out / ZIP_PATH, int(source_date_epoch(catalog)))


# --- Helper functions --------------------------------------------------------

def offline_page(html: str, relative: Path, notes: dict[str, str]) -> tuple[str, int]:
    """One hosted page made ready for file://, and how many download links became the offline note."""
    html = _CSP_META.sub("", html, count=1)
    up = "../" * (len(relative.parts) - 1)
    shim = f'<script src="{up}{SHIM_TARGET.as_posix()}"></script>\n'
    if "</head>" not in html:
        raise DataError(f"offline zip: {relative} has no </head> for the search shim.")
    html = html.replace("</head>", shim + "</head>", 1)

    def rewrite(match):
        return match.group(1) + file_link(match.group(2), relative) + match.group(3)

    html = _URL_ATTRIBUTE.sub(rewrite, html)
    lang = re.search(r'<html lang="([^"]+)"', html)
    if lang is None or lang.group(1) not in notes:
        raise DataError(f"offline zip: {relative} has no <html lang> of a site language.")
    return _HOSTED_DOWNLOAD.subn(lambda _: notes[lang.group(1)], html)


def search_location(location: str) -> str:
    """A search result's location (relative to its language folder) as a file:// link."""
    return "index.html" + location if location == "" or location.startswith("#") else file_link(location)


def file_link(url: str, page: Path | None = None) -> str:
    """A link that works from file://: a folder link names its index.html; other links stay as they are."""
    if not url or url.startswith(("#", "//")) or _SCHEME.match(url):
        return url
    if url.startswith("/"):
        where = f" in {page}" if page else ""
        raise DataError(f"offline zip: the link {url!r}{where} starts at the server's root, which does not "
                        f"exist under file://. Make it relative (MkDocs links and whotocall/languages.py links are).")
    cut = min([i for i in (url.find("?"), url.find("#")) if i >= 0] or [len(url)])
    path, rest = url[:cut], url[cut:]
    if path in (".", ".."):
        path += "/"
    if path.endswith("/"):
        path += "index.html"
    return path + rest


def write_zip(folder: Path, target: Path, epoch: int):
    """Zip `folder` under its own name, entries sorted, fixed time and modes."""
    import time
    stamp = time.gmtime(max(epoch, 315532800))[:6]   # zip dates start in 1980
    files = sorted((f"{folder.name}/{p.relative_to(folder).as_posix()}", p) for p in folder.rglob("*") if p.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=6)
