"""The offline edition: one zip per language that works from file://.

Each language's zip holds the shared assets, the English pages (the default
language lives at the site root and the cards have English fronts), that
language's pages, and the downloads of English and that language; the English
zip holds English only. A reader with little data fetches two languages, not
thirteen.

Made from the finished hosted site, not from a second MkDocs build: a copy in
which every link to a folder (`call-911/`) names its page (`call-911/index.html`),
because file:// shows no index page for a folder; each language's search index
is also inlined as search_index.js (file:// pages cannot fetch JSON); the
vendored iframe-worker shim lets the search worker start from file://; the
Content-Security-Policy meta is dropped (file:// has no 'self'); the download
page says it is the offline copy; the language menu lists only the languages
in that zip; and what a reader never needs is left out. Every zip has sorted
entries and fixed timestamps, so the same input gives the same bytes; a file
in several zips is compressed once.
"""
from __future__ import annotations

import fnmatch
import json
import re
import struct
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from . import languages
from .data import Catalog, DataError
from .mkdocs_run import source_date_epoch

DOWNLOADS = "downloads"                # the site folder that holds every download, the zips too
FOLDER = "who-to-call"                 # the folder each zip unpacks to
SHIM_SOURCE = Path("vendor") / "iframe-worker" / "shim.js"   # iframe-worker 1.0.4, vendored (see its README)
SHIM_TARGET = Path("assets") / "javascripts" / "iframe-worker-shim.js"
# Never needed from file://: source maps, sitemaps, 404 pages (no server to show them),
# the zips themselves, the service worker and its page for unsaved pages (no worker runs from file://);
# the JSON search indexes go once inlined.
LEFT_OUT = ("*.map", "sitemap.xml", "sitemap.xml.gz", "404.html", "*.zip", "sw.js", "offline.html")
LEVEL = 6                              # deflate level: 0.7% larger than 9, twice as fast

_CSP_META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HOSTED_DOWNLOAD = re.compile(r'<p class="wtc-download"[^>]*>.*?</p>', re.S)
# The language menu's entries (overrides/partials/alternate.html) and the hreflang links (hreflang.html).
_MENU_ITEM = re.compile(r'<li class="md-select__item">\s*<a [^>]*\bhreflang="([^"]+)"[^>]*>[^<]*</a>\s*</li>\s*')
_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([^"]+)">\s*')


def zip_name(lang: str) -> str:
    """File name of one language's offline zip."""
    return f"who-to-call-offline-{lang}.zip"


def zip_path(lang: str) -> str:
    """Where one language's offline zip is in the site."""
    return f"{DOWNLOADS}/{zip_name(lang)}"


def edition_languages(lang: str, root: Path) -> list[str]:
    """The languages one language's zip holds: the default (its pages are the site root) and that language."""
    default = languages.default(root).code
    return [default] if lang == default else [default, lang]


# --- Steps -------------------------------------------------------------------

def offline_zip(root: Path, out: Path, catalog: Catalog) -> dict[str, int]:
    """Make every language's offline edition from the finished site in `out`; the size of each zip, by language.

    Run after the sizes of the other downloads are in the pages (whotocall/finish.py).
    """
    root, out = Path(root), Path(out)
    shim = root / SHIM_SOURCE
    if not shim.exists():
        raise DataError(f"{SHIM_SOURCE} is missing: restore it from git (vendor/iframe-worker/README.md says how it is made).")
    from .render import renderer_once
    renderer = renderer_once(catalog)
    codes = languages.codes(root)
    owners = download_owners(out, codes)
    notes = {lang: str(renderer.render("download_offline.html", lang, block=True)).strip() for lang in codes}
    files = {code: {} for code in codes}    # language -> {name in the edition: bytes}, shared files under the default
    pages = {code: {} for code in codes}    # language -> {name in the edition: page text}, its menu still whole
    marked, folders = [], {}
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if not path.is_file() or any(fnmatch.fnmatch(path.name, pattern) for pattern in LEFT_OUT):
            continue
        if relative.startswith(f"{DOWNLOADS}/"):
            lang = owners.get(relative)
            if lang is None:
                raise DataError(f"offline zip: {relative} is for no language, so no offline zip knows whether to "
                                f"hold it. Name it with whotocall/cards.py, vcards.py or one_file.py (they put the "
                                f"language in every name), or add its rule to download_owners in whotocall/offline.py.")
        else:
            top = relative.split("/")[0]     # languages.of_path asks only the first folder; once each
            lang = folders[top] if top in folders else folders.setdefault(top, languages.of_path(top, root).code)
        if path.suffix == ".html":
            text, swapped = offline_page(path.read_text(encoding="utf-8"), Path(relative), notes)
            marked += [relative] * swapped
            if "data-wtc-size-of=" in text:
                raise DataError(f"offline zip: {relative} still has a file size to fill in; "
                                f"run the file sizes step before the offline zip (whotocall/finish.py).")
            pages[lang][relative] = text
        elif path.name == "search_index.json":
            files[lang][relative[:-len(".json")] + ".js"] = search_script(path.read_text(encoding="utf-8")).encode("utf-8")
        else:
            files[lang][relative] = path.read_bytes()
    if len(marked) != len(codes):
        raise DataError(f"offline zip: expected one download link to swap for the offline note in each of "
                        f"{len(codes)} languages, found {len(marked)} ({', '.join(marked) or 'none'}). "
                        f"Use {{{{ download_zip() }}}} once on each language's download page.")
    default = codes[0]
    files[default][SHIM_TARGET.as_posix()] = shim.read_bytes()
    files[default][SHIM_TARGET.with_suffix(".LICENSE.txt").as_posix()] = (shim.parent / "LICENSE").read_bytes()
    # Files are the same in every zip that holds them: compress each once.
    packed = {code: [Entry.of(name, data) for name, data in held.items()] for code, held in files.items()}
    stamp = int(source_date_epoch(catalog))
    sizes = {}
    for lang in codes:
        inside = edition_languages(lang, root)
        entries = [entry for code in inside for entry in packed[code]]
        entries += [Entry.of(name, menu_of(text, name, inside).encode("utf-8"))
                    for code in inside for name, text in pages[code].items()]
        target = out / zip_path(lang)
        target.parent.mkdir(parents=True, exist_ok=True)
        sizes[lang] = write_zip(entries, target, stamp)
    return sizes


# --- Helper functions --------------------------------------------------------

def download_owners(site: Path, codes: list[str]) -> dict[str, str]:
    """Each file of the site's downloads/ folder by the language it is for, from the modules that name them."""
    from .cards import DOWNLOADS as CARDS, PREVIEWS, downloads, preview_name
    from .one_file import FOLDER as ONE_FILE, file_name
    from .vcards import FOLDER as VCARDS, labelled_name, neutral_name
    owners = {}
    for code in codes:
        names = [f"{CARDS}/{pdf.name}" for pdf in downloads(code)]
        names += [f"{VCARDS}/{labelled_name(code)}", f"{VCARDS}/{neutral_name(code)}", f"{ONE_FILE}/{file_name(code)}"]
        index = 0
        while (site / CARDS / PREVIEWS / preview_name(code, index)).is_file():
            names.append(f"{CARDS}/{PREVIEWS}/{preview_name(code, index)}")
            index += 1
        owners.update((name, code) for name in names)
    return owners


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


def menu_of(html: str, name: str, inside: list[str]) -> str:
    """A page with only the languages of its edition in the language menu and the hreflang links."""
    if 'class="md-select__link"' not in html:       # no menu: the one-file copies
        return html
    html = _MENU_ITEM.sub(lambda m: m.group(0) if m.group(1) in inside else "", html)
    html = _ALTERNATE.sub(lambda m: m.group(0) if m.group(1) in inside or m.group(1) == "x-default" else "", html)
    # Every link left in the menu must be one of the edition's languages, each once: else the markup changed.
    if sorted(_MENU_ITEM.findall(html)) != sorted(inside) or html.count('class="md-select__link"') != len(inside):
        raise DataError(f"offline zip: could not cut the language menu of {name} down to {', '.join(inside)}: "
                        f"menu_of in whotocall/offline.py expects each entry as <li class=\"md-select__item\"> "
                        f"<a ... hreflang=\"<code>\" ... class=\"md-select__link\">name</a></li> "
                        f"(overrides/partials/alternate.html); make the two agree.")
    return html


def search_script(index_json: str) -> str:
    """A language's search index as a script (file:// cannot fetch JSON), its locations as file:// links."""
    data = json.loads(index_json)
    for doc in data["docs"]:
        doc["location"] = search_location(doc["location"])
    return "var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


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


# --- The zip format ----------------------------------------------------------
# Python's zipfile compresses every file it writes; a file shared by thirteen zips would be
# compressed thirteen times. This writes the same bytes zipfile would (deflate, level LEVEL,
# Unix mode 644, no extra fields) from entries compressed once.

@dataclass(frozen=True)
class Entry:
    """One file of a zip, compressed: its name in the edition, deflated bytes, CRC-32 and size."""

    name: str
    deflated: bytes
    crc: int
    size: int

    @classmethod
    def of(cls, name: str, data: bytes) -> "Entry":
        packer = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        return cls(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def write_zip(entries: list[Entry], target: Path, epoch: int) -> int:
    """Write the entries under FOLDER/, sorted, with a fixed time and mode; the zip's size."""
    year, month, day, hour, minute, second = time.gmtime(max(epoch, 315532800))[:6]   # zip dates start in 1980
    dos_time, dos_date = hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day
    body, directory = bytearray(), bytearray()
    for entry in sorted(entries, key=lambda e: e.name):
        name = f"{FOLDER}/{entry.name}".encode("utf-8")
        flags = 0 if name.isascii() else 0x800          # UTF-8 names
        fields = (20, flags, zlib.DEFLATED, dos_time, dos_date, entry.crc, len(entry.deflated), entry.size, len(name), 0)
        directory += struct.pack("<4s2B5H3L2H", b"PK\x01\x02", 20, 3, *fields) \
            + struct.pack("<3HLL", 0, 0, 0, 0o644 << 16, len(body)) + name
        body += struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields) + name + entry.deflated
    count = len(entries)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), len(body), 0)
    data = bytes(body + directory + end)
    target.write_bytes(data)
    return len(data)
