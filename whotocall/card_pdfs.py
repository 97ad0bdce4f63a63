"""Post-build stage "cards": print every language's pocket cards, card sheets and flyers to PDF.

One headless Chromium prints them all from the templates in cards/;
a card side is overrides/components/card.html, the same markup the cards page
previews. Before printing, every text is checked against the bundled fonts
(card_fonts.py); after layout, every text is measured against its card, and
one that does not fit stops the build, naming card, language and field.
Chromium sees no system font, so the PDFs do not depend on the machine, and
they get fixed metadata, so the same input gives the same bytes.
"""
from __future__ import annotations

import math
import os
import re
import tempfile
import xml.etree.ElementTree as ElementTree
import hashlib
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import segno
from babel.units import format_unit
from fontTools.ttLib import TTFont
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from .browser import INSTALL, chromium_path, headless_shell_path, launch, printer_path
from .card_fonts import SCRIPTS, check_coverage, families, font_faces
from .cards import (CARD_HEIGHT, CARD_WIDTH, DOWNLOADS, cards_for, downloads, flyer_for, printed_words,
                    sheet_layout, where)
from .data import Catalog, DataError, site_languages
from .render import BABEL_LOCALES, Renderer

TEMPLATES = Path("cards")   # outside the theme folder, so MkDocs does not copy fonts into the site
COMPONENTS = Path("overrides") / "components"
STYLESHEET = Path("docs") / "assets" / "cards.css"
CACHE = Path(".cache") / "cards"   # printed PDFs by input hash (git-ignored)
MEASURE = TEMPLATES / "measure.js"
PX_PER_MM = 96 / 25.4
SIZE_SPAN = re.compile(r'(<span class="wtc-download__size" data-wtc-size="([^"]+)">)(</span>)')
# The shape of a rendered cards/document.html: the shared head, then what each PDF swaps in.
_DOCUMENT = re.compile(r'<!doctype html>\s*<html lang="[^"]*" dir="(?P<dir>[^"]*)">\s*<head>\s*<meta charset="utf-8">'
                       r'\s*<title>[^<]*</title>(?P<common>.*?)<style id="wtc-doc">(?P<style>.*?)</style>\s*</head>'
                       r'\s*<body>(?P<body>.*)</body>\s*</html>\s*$', re.S | re.I)
# Put one document's own parts into the page that has the shared fonts and rules, then wait for
# its fonts and images (the QR code) to be ready.
SWAP = """async ([lang, dir, title, style, body, check]) => {
  document.documentElement.lang = lang;
  document.documentElement.dir = dir;
  document.title = title;
  document.getElementById("wtc-doc").textContent = style;
  document.body.innerHTML = body;
  await document.fonts.ready;
  await Promise.all([...document.images].map(image => image.decode().catch(() => null)));
  return check ? window.wtcMeasure() : [];
}"""
# cards/measure.js, kept in the page as window.wtcMeasure() so a swap and its check are one call.
KEEP_MEASURE = "source => { window.wtcMeasure = new Function('return (' + source + '\\n)'); }"
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \((D:[0-9]{14}[^)]*)\)")
# Load every bundled face, then list those Chromium could not load.
LOAD_FONTS = ("Promise.all([...document.fonts].map(f => f.load().catch(() => null)))"
              ".then(() => [...document.fonts].filter(f => f.status !== 'loaded').map(f => f.family + ' ' + f.weight))")


@dataclass(frozen=True)
class Document:
    """One PDF to print: its file name, language, title, HTML and paper size in mm."""

    name: str
    lang: str
    title: str
    html: str
    width: float
    height: float


# --- Stages ------------------------------------------------------------------

def print_cards(root: Path, out: Path, catalog: Catalog, cache: bool = True):
    """Write every language's card, sheet and flyer PDFs to <out>/downloads/ and their sizes on the cards pages."""
    target = Path(out) / DOWNLOADS
    target.mkdir(parents=True, exist_ok=True)
    printed = printed_dir(out)
    if not printed.exists():       # not printed ahead by scripts/build.py: print now
        make_pdfs(root, catalog, read_site_url(out), printed, cache)
    for pdf in sorted(printed.glob("*.pdf")):
        shutil.copyfile(pdf, target / pdf.name)
    shutil.rmtree(printed.parent, ignore_errors=True)
    sizes_on_pages(root, out, catalog)


def printed_dir(out: Path) -> Path:
    """Where scripts/build.py prints the PDFs while MkDocs runs: a sibling of the build folder."""
    return Path(out).with_name(Path(out).name + "-cards") / DOWNLOADS


def make_pdfs(root: Path, catalog: Catalog, site_url: str, target: Path, cache: bool = True):
    """Print every PDF into `target`, or copy them from the cache when nothing they depend on changed.

    Needs only data/, cards/ and the site address, not the MkDocs output, so the
    build runs it beside MkDocs. The cache (.cache/cards/<hash>/) is keyed by every
    input: card templates and fonts, data files, the printing and rendering code,
    pinned package versions, the site address and the Chromium binary. With
    cache=False every PDF is printed afresh and the cache is left alone.
    """
    root = Path(root)
    languages = site_languages(root)
    check_coverage(root, [item for lang in languages for item in printed_words(catalog, lang, languages[0])])
    cached = root / CACHE / input_hash(root, site_url)
    target.mkdir(parents=True, exist_ok=True)
    if cache and cached.is_dir() and any(cached.glob("*.pdf")):
        for pdf in sorted(cached.glob("*.pdf")):
            shutil.copyfile(pdf, target / pdf.name)
        return
    if chromium_path() and not headless_shell_path():   # (with neither, Playwright uses its own shell)
        print(f"note: chromium-headless-shell not found, so the full Chromium prints the cards: "
              f"they look the same but take about 1 s longer. {INSTALL}.", file=sys.stderr)
    for document, pdf in print_documents(root, documents(root, catalog, languages, site_url)):
        (target / document.name).write_bytes(reproducible(pdf, document.name, catalog.last_checked()))
    if not cache:
        return
    shutil.rmtree(root / CACHE, ignore_errors=True)          # keep only the newest set
    shutil.copytree(target, cached)


def input_hash(root: Path, site_url: str) -> str:
    """sha256 of everything a PDF depends on."""
    digest = hashlib.sha256(site_url.encode())
    inputs = sorted([*(root / TEMPLATES).rglob("*"), *(root / "data").rglob("*.yml"),
                     root / COMPONENTS / "card.html", *(root / "whotocall").glob("card*.py"),
                     *(root / "whotocall" / name for name in ("render.py", "data.py", "browser.py")),
                     root / "requirements.txt", root / STYLESHEET])
    for path in inputs:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    chromium = printer_path()
    if chromium:
        stat = Path(chromium).resolve().stat()
        digest.update(f"{Path(chromium).resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def site_url_from_config(root: Path) -> str:
    """MkDocs site_url (with SITE_URL from the environment), without building anything."""
    from mkdocs.utils.yaml import yaml_load
    with open(Path(root) / "mkdocs.yml", encoding="utf-8") as handle:
        url = yaml_load(handle).get("site_url")
    if not url:
        raise DataError("mkdocs.yml has no site_url; the flyer's QR code needs the site's address.")
    return url


def sizes_on_pages(root: Path, out: Path, catalog: Catalog):
    """Write each PDF's size beside its link on the cards pages (the macro leaves the span empty)."""
    renderer = Renderer(catalog)
    for page in sorted(Path(out).rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-wtc-size=" not in text:
            continue
        lang = re.search(r'<html lang="([^"]+)"', text).group(1)

        def size_of(match, page=page, lang=lang):
            pdf = Path(out) / DOWNLOADS / match.group(2)
            if not pdf.exists():
                raise DataError(f"{page.relative_to(out)}: links {DOWNLOADS}/{match.group(2)}, which the cards "
                                f"stage did not make. Check the file names in whotocall/cards.py.")
            size = format_unit(max(1, round(pdf.stat().st_size / 1000)), "digital-kilobyte",
                               locale=BABEL_LOCALES.get(lang, lang), length="short")
            return match.group(1) + str(escape(renderer.t(lang, "cards.pdf_size", size=size))) + match.group(3)

        page.write_text(SIZE_SPAN.sub(size_of, text), encoding="utf-8")


# --- Helper functions --------------------------------------------------------

def documents(root: Path, catalog: Catalog, languages: list[str], site_url: str):
    """Every PDF of every language, as HTML ready to print."""
    templates = _templates(root)
    renderer = Renderer(catalog)
    common = {"r": renderer, "fonts": font_faces(root), "card_css": (root / STYLESHEET).read_text(encoding="utf-8"),
              "stacks": {code: families(code) for code in languages}, "latin": SCRIPTS["latin"].family,
              "card_width": CARD_WIDTH, "card_height": CARD_HEIGHT}
    for lang in languages:
        cards = cards_for(catalog, lang, languages[0])
        flyer = flyer_for(catalog, lang, languages[0], site_url)
        for download in downloads(lang):
            title = renderer.t(lang, download.label_key)
            width, height = (CARD_WIDTH, CARD_HEIGHT) if download.paper is None else \
                (download.paper.width, download.paper.height)
            values = dict(common, lang=lang, title=title, paper_width=width, paper_height=height)
            if download.kind == "cards":
                html = templates.get_template("cards.html").render(values, cards=cards)
            elif download.kind == "sheet":
                fronts, backs, marks = sheet_layout(download.paper, cards)
                html = templates.get_template("sheet.html").render(values, fronts=fronts, backs=backs, marks=marks)
            else:
                html = templates.get_template("flyer.html").render(values, flyer=flyer, qr=qr_code(flyer.url))
            yield Document(download.name, lang, title, html, width, height)


def print_documents(root: Path, items, check_fit: bool = True) -> list[tuple[Document, bytes]]:
    """Print documents with one Chromium that sees only the bundled fonts: [(document, PDF bytes)].

    Each document's fonts must load and (with check_fit) each text must fit its card,
    or DataError says which does not. Chromium runs from a thread of its own: Playwright's
    sync API will not start in a thread where another instance runs (a test's browser).
    """
    with ThreadPoolExecutor(max_workers=1) as worker:
        return worker.submit(_print_all, Path(root), list(items), check_fit).result()


def qr_code(url: str) -> str:
    """A QR code for `url` as an SVG data: URL (vector, so it prints sharp)."""
    return segno.make(url, error="m").svg_data_uri(border=2, dark="#000")


def _templates(root: Path) -> Environment:
    """The PDF templates, which include card sides from the page components."""
    loader = ChoiceLoader([FileSystemLoader(str(root / TEMPLATES)), FileSystemLoader(str(root / COMPONENTS))])
    return Environment(loader=loader, autoescape=True, undefined=StrictUndefined, trim_blocks=True,
                       lstrip_blocks=True)


def _print_all(root: Path, items: list[Document], check_fit: bool) -> list[tuple[Document, bytes]]:
    """One browser and one page for every document (the work of print_documents, in its thread).

    The fonts and the shared card rules load once: every document after the first
    only swaps in its own lang, dir, title, page style and body.
    """
    measure = (root / MEASURE).read_text(encoding="utf-8")
    printed = []
    with tempfile.TemporaryDirectory(prefix="wtc-card-fonts-") as sandbox:
        with launch(printer=True, env=only_card_fonts(root, Path(sandbox))) as browser:
            page = browser.new_page()
            page.emulate_media(media="print")
            loaded = viewport = None      # the shared head and the viewport size now in the page
            # Same-size papers one after another, so the viewport changes (a relayout) only a few times.
            for document in sorted(items, key=lambda item: (item.width, item.height, item.name)):
                parts = _parts(document)
                size = {"width": math.ceil(document.width * PX_PER_MM), "height": math.ceil(document.height * PX_PER_MM)}
                if size != viewport:
                    page.set_viewport_size(size)
                    viewport = size
                if parts["common"] != loaded:
                    page.set_content(document.html, wait_until="load")
                    loaded = parts["common"]
                    broken = page.evaluate(LOAD_FONTS)
                    if broken:
                        raise DataError(f"{document.name}: Chromium could not load the bundled fonts "
                                        f"{', '.join(broken)} (cards/fonts/): run scripts/subset_fonts.py")
                    page.evaluate(KEEP_MEASURE, measure)
                    misfits = page.evaluate("window.wtcMeasure()") if check_fit else []
                else:
                    misfits = page.evaluate(SWAP, [document.lang, parts["dir"], document.title, parts["style"],
                                                   parts["body"], check_fit])
                problem = _overflow_message(misfits)
                if problem:
                    raise DataError(problem)
                printed.append((document, page.pdf(width=f"{document.width}mm", height=f"{document.height}mm",
                                                   print_background=True, tagged=True, prefer_css_page_size=True)))
    return printed


def _parts(document: Document) -> dict:
    """The pieces of a document's HTML (cards/document.html) that the printer swaps."""
    match = _DOCUMENT.match(document.html)
    if not match:
        raise DataError(f"{document.name}: its HTML does not have the shape of cards/document.html "
                        f"(<html lang dir>, <style id=\"wtc-doc\"> last in <head>, then <body>).")
    return match.groupdict()


def _overflow_message(misfits: list[dict]) -> str | None:
    """One line for the text to fix, or None when everything fits.

    A line wider than its box always fails. A text longer than its usual lines (data-lines) only
    matters when something is pushed off the card: then it is named, as the text that grew,
    rather than the text below it that was pushed out.
    """
    wide = [m for m in misfits if m["kind"] == "width"]
    off = [m for m in misfits if m["kind"] == "edge"]
    if wide:
        first, amount = wide[0], wide[0]["mm"]
    elif off:
        side = (off[0]["card"], off[0]["lang"])
        grown = [m for m in misfits if m["kind"] == "lines" and (m["card"], m["lang"]) == side]
        first = max(grown, key=lambda m: m["mm"]) if grown else off[0]
        amount = max(m["mm"] for m in off if (m["card"], m["lang"]) == side)
    else:
        return None
    if first["field"].startswith("dial of"):
        fix = "make room for it in docs/assets/cards.css"
    elif first["field"] == "site_url":
        fix = "use a shorter site_url in mkdocs.yml"
    else:
        fix = f"shorten the text in data/text/{first['lang']}.yml"
    return (f"{where(first['card'], first['lang'])}, field {first['field']} overflows by "
            f"{amount:.1f} mm: {fix}")


def reproducible(pdf: bytes, name: str, checked: str) -> bytes:
    """The PDF dated the day the facts were checked, so the same input gives the same bytes.

    Chromium's PDFs differ from run to run only in their creation and modification
    times (no /ID, no XMP). Both are written over in place with a date of the same
    length, so every offset in the file stays right.
    """
    stamp = ("D:" + checked.replace("-", "") + "000000+00'00'").encode()

    def fixed(match):
        new = b"/" + match.group(1) + b" (" + stamp + b")"
        if len(new) != len(match.group(0)):
            raise DataError(f"{name}: Chromium wrote the date {match.group(0).decode()} in a form this build "
                            f"does not know; update reproducible() in whotocall/card_pdfs.py.")
        return new

    result, count = _PDF_DATE.subn(fixed, pdf)
    if count != 2:
        raise DataError(f"{name}: expected one /CreationDate and one /ModDate in Chromium's PDF, found {count}; "
                        f"update reproducible() in whotocall/card_pdfs.py.")
    return result


def only_card_fonts(root: Path, sandbox: Path) -> dict:
    """Environment for Chromium whose fontconfig knows one font, a bundled one: no system font reaches a PDF."""
    font = TTFont(SCRIPTS["latin"].path(root, 400))
    font.flavor = None
    font.save(sandbox / "card-latin-regular.ttf")
    config = sandbox / "fonts.conf"
    config.write_text("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                      f"<fontconfig><dir>{xml_escape(str(sandbox))}</dir>"
                      f"<cachedir>{xml_escape(str(sandbox / 'cache'))}</cachedir>"
                      # No hinting: glyphs keep their designed widths instead of being snapped to screen pixels.
                      "<match target=\"pattern\"><edit name=\"hinting\" mode=\"assign\"><bool>false</bool></edit>"
                      "<edit name=\"hintstyle\" mode=\"assign\"><const>hintnone</const></edit></match>"
                      "</fontconfig>\n", encoding="utf-8")
    # TZ: Chromium dates the PDF in local time; in UTC the date has the length reproducible() expects.
    return {**os.environ, "FONTCONFIG_FILE": str(config), "TZ": "UTC"}


def read_site_url(out: Path) -> str:
    """The site's address (MkDocs site_url), read from the sitemap the build just wrote."""
    try:
        tree = ElementTree.parse(Path(out) / "sitemap.xml")
    except (FileNotFoundError, ElementTree.ParseError):
        raise DataError("sitemap.xml is missing from the MkDocs output; the flyer's QR code needs the site's "
                        "address: set site_url in mkdocs.yml.") from None
    locations = [loc.text.strip() for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
                 if loc.text and loc.text.strip().startswith(("http://", "https://"))]
    if not locations:
        raise DataError("sitemap.xml lists no http(s) address; the flyer's QR code needs the site's address: "
                        "set site_url in mkdocs.yml.")
    return min(locations, key=len)


