"""Post-build stage "cards": typeset every language's pocket cards, sheets and flyers with Typst.

One Typst file (cards/cards.typ) lays out every piece; this module feeds it what
whotocall/cards.py says each piece holds, as JSON, and writes the PDFs and the
card previews (SVG, from the same source) to site/downloads/. Before typesetting,
every text is checked against the bundled fonts (card_fonts.py); while typesetting,
cards.typ measures every text and stops the build when one does not fit, and this
module turns that into one line naming card, language, field and by how much.
Typst sees only the bundled fonts (no system or built-in font), and every PDF is
dated the day the facts were checked, so the same input gives the same bytes.
"""
from __future__ import annotations

import datetime as _dt
import io
import json
import re
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import segno
import typst

from . import languages
from .card_fonts import FONT_DIR, check_coverage, families, script_of
from .cards import (CARD_HEIGHT, CARD_WIDTH, DOWNLOADS, PREVIEWS, Face, Paper, cards_for, downloads, flyer_for,
                    preview_name, printed_words, sheet_layout, where)
from .data import Catalog, DataError, site_languages
from .render import Renderer

TEMPLATE = Path("cards") / "cards.typ"
# What cards.typ says when a text does not fit: card, language, field, millimetres too long.
_MISFIT = re.compile(r"WTC-FIT\|([^|]*)\|([^|]*)\|([^|]*)\|(-?[0-9.]+)")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}
_STARTED: dict = {}   # project folder -> (site_url, typesetting process), from begin()


@dataclass(frozen=True)
class Document:
    """One file to typeset: its name, language and what cards.typ reads (sys.inputs.doc)."""

    name: str
    lang: str
    doc: dict


# --- Stages ------------------------------------------------------------------

def begin(root: Path, site_url: str):
    """Start typesetting every file in a process of its own while MkDocs builds the pages.

    The cards need data/ and the site address but nothing MkDocs makes, so
    hooks/finish_site.py starts them as the build starts and print_cards() takes
    the result (on two cores about 0.8 s comes off the build). The process
    typesets everything first, then sends the files as one tar stream on stdout.
    """
    key = str(Path(root).resolve())
    old = _STARTED.pop(key, None)
    if old is not None:
        old[1].kill()
        old[1].communicate()
    process = subprocess.Popen([sys.executable, "-m", "whotocall.card_pdfs", site_url], cwd=key,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _STARTED[key] = (site_url, process)


def print_cards(root: Path, out: Path, catalog: Catalog, site_url: str | None = None):
    """Write every language's PDFs and card previews to <out>/downloads/ (from begin(), or typeset now)."""
    root = Path(root)
    started_url, started = _STARTED.pop(str(root.resolve()), (None, None))
    site_url = site_url or started_url or site_url_from_config(root)
    target = Path(out) / DOWNLOADS
    if started is not None and started_url == site_url:
        files = _files_from(started)
    else:
        if started is not None:       # started for another address: not needed, do not leave it running
            started.kill()
            started.communicate()
        files = make_files(root, catalog, site_url)
    for name, data in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    if urlparse(site_url).hostname in LOCAL_HOSTS:
        print(f"note: the flyers' QR codes point at a local address ({site_url}); set SITE_URL to the "
              f"published address before printing flyers.", file=sys.stderr)


def make_files(root: Path, catalog: Catalog, site_url: str) -> dict[str, bytes]:
    """Every PDF and preview of every language: {path under downloads/: bytes}."""
    root = Path(root)
    codes, default = site_languages(root), languages.default(root).code
    check_coverage(root, [item for lang in codes for item in printed_words(catalog, lang, default)])
    compiler = _compiler(root)
    stamp = _timestamp(catalog.last_checked())
    files = {}
    for document in documents(root, catalog, codes, site_url):
        files[document.name] = typeset(compiler, document, "pdf", stamp)
        if document.doc["kind"] == "cards":
            for index, svg in enumerate(typeset(compiler, document, "svg", stamp, pages=True)):
                files[f"{PREVIEWS}/{preview_name(document.lang, index)}"] = lean_svg(svg)
    return files


def stop_if_failed(root: Path):
    """The typesetting process's one-line error as a DataError as soon as it has stopped with one (an
    overflowing translation), so the build stops then rather than after every language; nothing while
    it runs or once it has succeeded."""
    started = _STARTED.get(str(Path(root).resolve()))
    if started is not None and started[1].poll() not in (None, 0):
        _STARTED.pop(str(Path(root).resolve()))
        _files_from(started[1])


def _files_from(process: subprocess.Popen) -> dict[str, bytes]:
    """The files the typesetting process sent, or its one-line error as a DataError."""
    stream, errors = process.communicate()
    if process.returncode != 0:
        lines = errors.decode("utf-8", "replace").strip().splitlines() or ["it stopped without a message"]
        raise DataError(lines[-1])
    with tarfile.open(fileobj=io.BytesIO(stream)) as archive:
        return {member.name: archive.extractfile(member).read() for member in archive.getmembers()}


def site_url_from_config(root: Path) -> str:
    """MkDocs site_url (with SITE_URL from the environment), without building anything."""
    from mkdocs.utils.yaml import yaml_load
    with open(Path(root) / "mkdocs.yml", encoding="utf-8") as handle:
        url = yaml_load(handle).get("site_url")
    if not url:
        raise DataError("mkdocs.yml has no site_url; the flyer's QR code needs the site's address.")
    return url


# --- What each file holds ------------------------------------------------------

def documents(root: Path, catalog: Catalog, codes: list[str], site_url: str) -> list[Document]:
    """Every file of every language, as the JSON cards.typ reads."""
    renderer = Renderer(catalog)
    default = languages.default(root).code
    out = []
    for lang in codes:
        cards = cards_for(catalog, lang, default)
        faces, index = [], {}
        for card in cards:
            for face in (card.front, card.back):
                index[id(face)] = len(faces)
                faces.append(face_json(face, renderer))
        for download in downloads(lang):
            title = renderer.t(lang, download.label_key)
            doc = {"kind": download.kind, "lang": lang, "text_lang": _language(lang, renderer)["text_lang"],
                   "title": title, "faces": faces}
            if download.kind == "cards":
                doc["pages"] = [{"width": CARD_WIDTH, "height": CARD_HEIGHT, "marks": [],
                                 "slots": [_slot(0, 0, index[id(face)], CARD_WIDTH, CARD_HEIGHT)]}
                                for card in cards for face in (card.front, card.back)]
            elif download.kind == "sheet":
                doc["pages"] = _sheet_pages(download.paper, cards, index)
            else:
                flyer = flyer_for(catalog, lang, default, site_url)
                doc["pages"] = [{"width": download.paper.width, "height": download.paper.height,
                                 "flyer": flyer_json(flyer, renderer)}]
            out.append(Document(download.name, lang, doc))
    return out


def face_json(face: Face, renderer: Renderer) -> dict:
    """One card side as cards.typ reads it."""
    return {
        "kind": face.kind, "lang": face.lang, **_language(face.lang, renderer),
        "title": _words(face.title),
        "rows": [{"dial": _words(row.dial), "label": _words(row.label), "emergency": row.emergency}
                 for row in face.rows],
        "lines": [_words(line) for line in face.lines],
        "write_ins": [_words(item) for item in face.write_ins],
    }


def flyer_json(flyer, renderer: Renderer) -> dict:
    """The flyer as cards.typ reads it, with its QR code as SVG."""
    return {
        "lang": flyer.lang, **_language(flyer.lang, renderer),
        "title": _words(flyer.title), "scan": _words(flyer.scan), "checked": _words(flyer.checked),
        "url": {"text": flyer.url, "field": "site_url"},
        "rows": [{"dial": _words(row.dial), "label": _words(row.label), "emergency": row.emergency,
                  "what": _words(row.what)} for row in flyer.rows],
        "qr": qr_code(flyer.url),
    }


def lean_svg(svg: bytes) -> bytes:
    """A preview with coordinates to 1/100 pt (Typst writes 9 decimals): a third of the bytes, looks the same."""
    return re.sub(rb"(\d\.\d\d)\d+", rb"\1", svg)


def qr_code(url: str) -> str:
    """A QR code for `url` as SVG (vector, so it prints sharp)."""
    return segno.make(url, error="m").svg_inline(border=2, dark="#000", omitsize=False)


# --- Typesetting ---------------------------------------------------------------

def typeset(compiler: typst.Compiler, document: Document, fmt: str, stamp: _dt.datetime, pages: bool = False):
    """Compile one document; a text that does not fit or a template error becomes one DataError line."""
    try:
        result = compiler.compile(format=fmt, sys_inputs={"doc": json.dumps(document.doc, ensure_ascii=False)},
                                  timestamp=stamp)
    except typst.TypstError as err:
        raise DataError(explain(err, document)) from None
    if pages:
        return result if isinstance(result, list) else [result]
    return result


def explain(err: typst.TypstError, document: Document) -> str:
    """One line for a Typst error: the text that does not fit, or where the template broke."""
    text = " ".join(filter(None, [getattr(err, "message", ""), str(err)]))
    misfit = _MISFIT.search(text)
    if misfit:
        card, lang, field, amount = misfit.groups()
        if field.startswith("dial of"):
            fix = "make its column wider in cards/cards.typ"
        elif field == "site_url":
            fix = "use a shorter site_url in mkdocs.yml"
        elif field.startswith("("):
            fix = f"shorten a text of this side in data/text/{lang}.yml"
        else:
            fix = f"shorten the text in data/text/{lang}.yml"
        return (f"{where(card, lang)}, field {field} overflows by {float(amount):.1f} mm "
                f"({document.name}): {fix}")
    where_in = _template_place(err)
    first = (getattr(err, "message", "") or str(err)).strip().splitlines()[0]
    return f"{TEMPLATE.as_posix()}{where_in}: {first} (while typesetting {document.name})"


def _template_place(err) -> str:
    """":line" of the template where Typst stopped, when its diagnostic says."""
    for part in [getattr(err, "diagnostic", "") or "", *(getattr(err, "trace", None) or [])]:
        match = re.search(r"cards\.typ:(\d+)(?::(\d+))?", str(part))
        if match:
            return f":{match.group(1)}"
    return ""


def _compiler(root: Path) -> typst.Compiler:
    """A Typst compiler that knows only the bundled card fonts."""
    template = root / TEMPLATE
    if not template.is_file():
        raise DataError(f"{TEMPLATE.as_posix()} is missing: the cards cannot be typeset.")
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                        font_paths=[str(root / FONT_DIR)])
    return typst.Compiler(input=str(template), root=str(template.parent), font_paths=fonts,
                          ignore_system_fonts=True)


def _timestamp(checked: str) -> _dt.datetime:
    """The PDFs are dated the day the facts were last checked (fixed, so builds are byte-identical)."""
    day = _dt.date.fromisoformat(checked)
    return _dt.datetime(day.year, day.month, day.day, tzinfo=_dt.timezone.utc)


# --- Helper functions --------------------------------------------------------

def _language(lang: str, renderer: Renderer) -> dict:
    """Direction, Typst language, script and font families of `lang`."""
    return {"dir": renderer.t(lang, "language.dir"), "text_lang": lang.split("-")[0].lower(),
            "script": script_of(lang), "fonts": families(lang)}


def _words(words) -> dict | None:
    return None if words is None else {"text": words.text, "field": words.field}


def _slot(x: float, y: float, face: int, width: float, height: float) -> dict:
    return {"x": round(x, 3), "y": round(y, 3), "face": face, "w": width, "h": height}


def _sheet_pages(paper: Paper, cards, index: dict) -> list[dict]:
    fronts, backs, marks = sheet_layout(paper, cards)
    lines = [[round(m.x1, 3), round(m.y1, 3), round(m.x2, 3), round(m.y2, 3)] for m in marks]
    return [{"width": paper.width, "height": paper.height, "marks": lines,
             "slots": [_slot(s.x, s.y, index[id(s.face)], paper.card_width, paper.card_height) for s in side]}
            for side in (fronts, backs)]


def main(argv=None) -> int:
    """`python -m whotocall.card_pdfs SITE_URL` in the project folder: every file as a tar stream on stdout."""
    from .data import load_catalog
    site_url = (argv or sys.argv[1:])[0]
    try:
        files = make_files(Path.cwd(), load_catalog(Path.cwd()), site_url)
    except DataError as err:
        print(str(err), file=sys.stderr)
        return 1
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in sorted(files.items()):
            member = tarfile.TarInfo(name)
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    sys.stdout.buffer.write(buffer.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
