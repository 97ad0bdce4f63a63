"""Pocket cards, card sheets and flyers: the PDFs a reader downloads, prints and cuts, in every language.

PDFs are read as a reader's viewer would: pypdf for text and fonts, PDFium
(pypdfium2) to render pages and to find which words are where.
"""
import copy
import io
import json
import re
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from tests.conftest import ROOT, edit, run_build
from tests.pages import page_path
from whotocall import card_fonts, card_pdfs, languages as languages_of
from whotocall.cards import (BUSINESS_CARD_PAPERS, CARD_HEIGHT, CARD_NUMBERS, CARD_WIDTH, DOWNLOADS, PAPERS,
                             PREVIEWS, WRITE_INS, cards_for, downloads, preview_name, sheet_layout)
from whotocall.data import DataError, load_catalog

MM_PER_PT = 25.4 / 72
TOLERANCE_MM = 0.5
SHEETS = [(f"who-to-call-sheet-{p.name}", p) for p in PAPERS] + \
         [(f"who-to-call-business-cards-{p.name}", p) for p in BUSINESS_CARD_PAPERS]


# --- Helpers -------------------------------------------------------------------

def pdf(site, name) -> PdfReader:
    return PdfReader(site / DOWNLOADS / name)


def page_size_mm(page) -> tuple[float, float]:
    return float(page.mediabox.width) * MM_PER_PT, float(page.mediabox.height) * MM_PER_PT


def is_size(page, width, height) -> bool:
    w, h = page_size_mm(page)
    return abs(w - width) <= TOLERANCE_MM and abs(h - height) <= TOLERANCE_MM


def squash(text: str) -> str:
    """Text without whitespace, for comparing extracted PDF text with data (line breaks differ)."""
    return re.sub(r"[\s\u200c]+", "", text)   # and the Persian half-space, which text extraction drops


def fonts_of(reader: PdfReader) -> list[dict]:
    """Every font a PDF's pages use: its descendant CID font's descriptor, its program and its ToUnicode map."""
    found = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            found[font.indirect_reference.idnum if font.indirect_reference else id(font)] = font
    out = []
    for font in found.values():
        descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        out.append({"name": str(font["/BaseFont"]), "font": font, "descendant": descendant,
                    "descriptor": descendant["/FontDescriptor"].get_object()})
    return out


def to_unicode(font) -> dict[int, str]:
    """Glyph code -> text from a font's ToUnicode CMap (bfchar and bfrange entries)."""
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for start, end, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(text, 16)
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                out[code] = chr(first + offset)
    return out


def drawn_characters(reader: PdfReader) -> set[str]:
    """Characters the PDF draws with a real glyph: an outline in the embedded font, not .notdef."""
    drawn = set()
    for font in fonts_of(reader):
        program = font["descriptor"].get("/FontFile2") or font["descriptor"].get("/FontFile3")
        if program is None:
            continue
        embedded = TTFont(io.BytesIO(program.get_object().get_data()))
        order, glyf = embedded.getGlyphOrder(), embedded["glyf"]
        cid_to_gid = font["descendant"].get("/CIDToGIDMap")
        table = None
        if cid_to_gid is not None and hasattr(cid_to_gid.get_object(), "get_data"):
            data = cid_to_gid.get_object().get_data()
            table = [int.from_bytes(data[i:i + 2], "big") for i in range(0, len(data), 2)]
        for code, text in to_unicode(font["font"]).items():
            gid = table[code] if table is not None and code < len(table) else code
            if gid == 0 or gid >= len(order):
                continue
            glyph = glyf[order[gid]]
            if text.isspace() or glyph.numberOfContours != 0:
                drawn.update(text)
    return drawn


def missing_glyphs(reader: PdfReader, text: str) -> set[str]:
    """Characters of `text` the PDF does not draw with a real glyph (would be a box or nothing)."""
    return {char for char in text if not char.isspace()} - drawn_characters(reader)


def render_gray(source, page: int, dpi: int = 100) -> tuple[int, int, bytes]:
    """One PDF page (1-based) as 8-bit grey pixels, rendered by PDFium (the engine of Chrome's PDF viewer)."""
    document = pdfium.PdfDocument(source)
    bitmap = document[page - 1].render(scale=dpi / 72, grayscale=True)
    width, height, stride = bitmap.width, bitmap.height, bitmap.stride
    raw = bytes(bitmap.buffer)
    pixels = b"".join(raw[row * stride: row * stride + width] for row in range(height))
    return width, height, pixels


def ink(pixels: bytes, width: int, box=None, dpi: int = 100) -> int:
    """Dark pixels, in the whole page or in a box (x, y, w, h in mm from the top left)."""
    if box is None:
        return sum(1 for value in pixels if value < 128)
    x, y, w, h = (round(v / 25.4 * dpi) for v in box)
    return sum(1 for row in range(y, y + h) for value in pixels[row * width + x: row * width + x + w] if value < 128)


def text_in(path: Path, page: int, box) -> str:
    """The text PDFium finds inside a box (x, y, w, h in mm from the top left) of one page (1-based)."""
    document = pdfium.PdfDocument(path)
    sheet = document[page - 1]
    height = sheet.get_size()[1]
    x, y, w, h = (v / MM_PER_PT for v in box)
    return sheet.get_textpage().get_text_bounded(left=x, bottom=height - y - h, right=x + w, top=height - y)


def all_text(path: Path) -> str:
    """Every page's text as pypdf and as PDFium read it (each gets one script's order right where the other fails)."""
    pypdf_text = "".join(page.extract_text() for page in PdfReader(path).pages)
    return pypdf_text + "\n" + "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(path))


def compile_doc(document, fmt="pdf", check="yes"):
    """Typeset one document description with the build's compiler (bundled fonts only)."""
    compiler = card_pdfs._compiler(ROOT)
    return compiler.compile(format=fmt, sys_inputs={"doc": json.dumps(document.doc, ensure_ascii=False),
                                                    "check": check})


@pytest.fixture(scope="session")
def documents(catalog, languages):
    return {d.name: d for d in card_pdfs.documents(ROOT, catalog, languages, "https://example.org/who/")}


@pytest.fixture(scope="session")
def tofu(tmp_path_factory, documents):
    """Control PDFs: the Arabic and Chinese cards typeset with only the Latin font offered for every text.

    What a reader would get if a script's font were missing (Typst draws empty boxes).
    """
    folder = tmp_path_factory.mktemp("tofu")
    for lang in ("ar", "zh"):
        document = copy.deepcopy(documents[f"who-to-call-cards-{lang}.pdf"])
        for face in document.doc["faces"]:
            assert face["fonts"][-1] == "Noto Sans", "test setup: Latin is not the last font"
            face["fonts"] = ["Noto Sans"]
        (folder / document.name).write_bytes(compile_doc(document, check="no"))
    return folder


# --- Files and paper sizes -----------------------------------------------------------

def test_every_language_has_all_its_pdfs(site, languages):
    for lang in languages:
        for item in downloads(lang):
            path = site / DOWNLOADS / item.name
            assert path.exists() and path.read_bytes().startswith(b"%PDF-"), f"{lang}: {item.name} missing"


def test_card_pdfs_are_id1_size_front_and_back(site, catalog, languages):
    for lang in languages:
        reader = pdf(site, f"who-to-call-cards-{lang}.pdf")
        assert len(reader.pages) == 2 * len(cards_for(catalog, lang, languages[0])), lang
        for number, page in enumerate(reader.pages, 1):
            assert is_size(page, CARD_WIDTH, CARD_HEIGHT), f"{lang} page {number}: {page_size_mm(page)} mm"


def test_sheets_and_flyers_are_letter_and_a4(site, languages):
    for lang in languages:
        for name, paper in SHEETS:
            sheet = pdf(site, f"{name}-{lang}.pdf")
            assert len(sheet.pages) == 2
            assert all(is_size(page, paper.width, paper.height) for page in sheet.pages), f"{name}-{lang}"
        for paper in PAPERS:
            flyer = pdf(site, f"who-to-call-flyer-{paper.name}-{lang}.pdf")
            assert len(flyer.pages) == 1 and is_size(flyer.pages[0], paper.width, paper.height)


def test_size_check_tells_letter_from_a4_and_card(site):
    """Negative control: a Letter page is neither A4 nor card size."""
    letter = pdf(site, "who-to-call-flyer-letter-en.pdf").pages[0]
    assert is_size(letter, 215.9, 279.4)
    assert not is_size(letter, 210.0, 297.0) and not is_size(letter, CARD_WIDTH, CARD_HEIGHT)


def test_business_card_stock_has_the_sizes_of_the_sheets_it_names(catalog):
    """3.5 x 2 in cards, 0.75 in and 0.5 in from the edges on Letter; 85 x 54 mm on A4; 10 to a sheet."""
    letter, a4 = BUSINESS_CARD_PAPERS
    assert [round(v, 3) for v in (letter.card_width, letter.card_height, letter.left, letter.top)] == \
        [88.9, 50.8, 19.05, 12.7]
    assert (a4.card_width, a4.card_height) == (85.0, 54.0)
    for paper in BUSINESS_CARD_PAPERS:
        assert paper.columns * paper.rows == 10 and paper.stock and not paper.marks
        fronts, backs, marks = sheet_layout(paper, cards_for(catalog, "es", "en"))
        right = max(f.x for f in fronts) + paper.card_width
        bottom = max(f.y for f in fronts) + paper.card_height
        # The grid is centred on the sheet, as the stock's cards are.
        assert abs(fronts[0].x - (paper.width - right)) < 0.01 and abs(fronts[0].y - (paper.height - bottom)) < 0.01
        assert marks == []


# --- What the cards say ------------------------------------------------------------

def test_cards_carry_the_numbers_and_words_from_data(site, catalog, languages):
    for lang in languages:
        text = squash(all_text(site / DOWNLOADS / f"who-to-call-cards-{lang}.pdf"))
        for number_id in CARD_NUMBERS:
            dial = catalog.numbers[number_id]["dial"]
            if dial:
                assert dial in text, f"{lang}: {dial} missing from the card"
        for key in ("cards.numbers_title", "cards.rights_title"):
            for words_lang in {languages[0], lang}:
                assert squash(catalog.text(words_lang, key)) in text, f"{lang}: {words_lang} {key} missing"


def test_cards_have_lines_to_write_a_lawyer_and_family_number(site, catalog, languages):
    """The write-in labels are printed on the rights side, in English and in the reader's language."""
    for lang in ("en", "es", "vi", "zh"):
        text = squash(all_text(site / DOWNLOADS / f"who-to-call-cards-{lang}.pdf"))
        for key in WRITE_INS:
            for words_lang in {languages[0], lang}:
                assert squash(catalog.text(words_lang, key)) in text, f"{lang}: {words_lang} {key}"


def test_card_words_check_finds_another_language(site, catalog):
    """Negative control: the Spanish card does not carry the Vietnamese title."""
    text = squash(all_text(site / DOWNLOADS / "who-to-call-cards-es.pdf"))
    assert squash(catalog.text("vi", "cards.rights_title")) not in text


def test_flyer_has_main_numbers_and_its_language_home(site, catalog, languages):
    address = card_pdfs.site_url_from_config(ROOT)
    for lang in languages:
        for paper in PAPERS:
            text = squash(pdf(site, f"who-to-call-flyer-{paper.name}-{lang}.pdf").pages[0].extract_text())
            for number_id in ("911", "988", "211", "711", "dv-hotline"):
                assert catalog.numbers[number_id]["dial"] in text, f"{lang}: {number_id}"
            assert squash(languages_of.get(lang, ROOT).home_url(address)) in text
            if lang in ("en", "es", "vi"):    # scripts whose extracted text keeps the words in order
                assert squash(catalog.text(lang, "cards.flyer_title")) in text
                assert squash(catalog.text(lang, "numbers.988.name")) in text


@pytest.mark.parametrize("paper", [paper.name for paper in PAPERS])
def test_printed_qr_code_scans_to_its_language_home(site, languages, paper):
    """Scanned from the printed flyer (rendered at 150 dpi, decoded by zxing-cpp), the code opens that language's home.

    Control: a card page, which has no code, decodes to nothing.
    """
    def scanned(name):
        width, height, pixels = render_gray(site / DOWNLOADS / name, 1, dpi=150)
        return [(code.format, code.text)
                for code in zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))]

    address = card_pdfs.site_url_from_config(ROOT)
    for lang in languages:
        assert scanned(f"who-to-call-flyer-{paper}-{lang}.pdf") == \
            [(zxingcpp.BarcodeFormat.QRCode, languages_of.get(lang, ROOT).home_url(address))], f"{paper} {lang}"
    assert scanned(f"who-to-call-cards-{languages[0]}.pdf") == []


def test_flyer_qr_code_points_at_its_language_home(documents, languages):
    """The QR code typeset on each flyer is the code of that language's home page, not another language's."""
    address = "https://example.org/who/"
    for lang in languages:
        flyer = documents[f"who-to-call-flyer-a4-{lang}.pdf"].doc["pages"][0]["flyer"]
        assert flyer["qr"] == card_pdfs.qr_code(languages_of.get(lang, ROOT).home_url(address)), lang
    assert languages_of.get("es", ROOT).home_url(address) == "https://example.org/who/es/"
    # Negative control: the Spanish home's code is not on the Chinese flyer.
    assert documents["who-to-call-flyer-a4-zh.pdf"].doc["pages"][0]["flyer"]["qr"] != \
        card_pdfs.qr_code(languages_of.get("es", ROOT).home_url(address))


def test_a_local_site_address_is_reported(catalog, tmp_path, capsys, monkeypatch):
    """Flyers made for 127.0.0.1 would open nothing when scanned: the build says so; a real address does not."""
    monkeypatch.setattr(card_pdfs, "make_files", lambda root, catalog, url: {})
    card_pdfs.print_cards(ROOT, tmp_path, catalog, site_url="http://127.0.0.1:8000/")
    assert "local address" in capsys.readouterr().err
    card_pdfs.print_cards(ROOT, tmp_path, catalog, site_url="https://example.org/who/")
    assert "local address" not in capsys.readouterr().err


# --- Fonts and glyphs --------------------------------------------------------------

def test_every_font_is_embedded(site, languages):
    for lang in languages:
        for item in downloads(lang):
            for font in fonts_of(pdf(site, item.name)):
                descriptor = font["descriptor"]
                assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, f"{item.name}: {font['name']}"


def test_no_system_font_reaches_a_pdf(site, languages):
    """The embedded fonts are the bundled Noto subsets, not whatever the machine has."""
    for lang in languages:
        names = {re.sub(r"^[A-Z]{6}\+", "", font["name"].lstrip("/"))
                 for item in downloads(lang) for font in fonts_of(pdf(site, item.name))}
        bundled = {TTFont(script.path(ROOT, weight))["name"].getDebugName(6)
                   for script in card_fonts.scripts_for(lang) for weight in card_fonts.WEIGHTS}
        assert names <= bundled, (lang, names, bundled)


@pytest.mark.parametrize("lang", languages_of.codes(ROOT))
def test_embedded_fonts_draw_every_character(site, catalog, languages, lang):
    """Every character of every card text has an outline in an embedded font (no box, nothing left out)."""
    text = "".join(words.text for card in cards_for(catalog, lang, languages[0])
                   for face in (card.front, card.back) for words in face.words())
    assert not missing_glyphs(pdf(site, f"who-to-call-cards-{lang}.pdf"), text)


def test_glyph_check_catches_a_missing_script_font(tofu, catalog):
    """Negative control: Arabic and Chinese typeset without their font have no glyphs for their letters."""
    for lang in ("ar", "zh"):
        missing = missing_glyphs(PdfReader(tofu / f"who-to-call-cards-{lang}.pdf"),
                                 catalog.text(lang, "cards.rights_title"))
        assert missing, f"{lang}: the check did not notice the missing font"


def unlike(first: tuple, second: tuple, box) -> float:
    """Share of the dark pixels (dark in either rendering) that differ between two renderings, in a box (mm)."""
    (width, _, a), (_, _, b) = first, second
    x, y, w, h = (round(v / 25.4 * 100) for v in box)
    differ = either = 0
    for row in range(y, y + h):
        for col in range(x, x + w):
            dark_a, dark_b = a[row * width + col] < 128, b[row * width + col] < 128
            either += dark_a or dark_b
            differ += dark_a != dark_b
    return differ / max(either, 1)


@pytest.mark.parametrize("lang", ["ar", "zh"])
def test_rendered_back_shows_letters_not_boxes(site, tofu, lang):
    """The rendered Arabic/Chinese side is unlike the same side typeset without its font (boxes)."""
    real, control = site / DOWNLOADS / f"who-to-call-cards-{lang}.pdf", tofu / f"who-to-call-cards-{lang}.pdf"
    whole = (0, 0, CARD_WIDTH - 0.5, CARD_HEIGHT - 0.5)
    back, front = 4, 3   # the rights card: the reader's language, then English
    assert ink(render_gray(real, back)[2], 0) > 1000, "the back is blank"
    changed = unlike(render_gray(real, back), render_gray(control, back), whole)
    # Negative control: the English front has its font in both, so the same comparison finds them alike.
    alike = unlike(render_gray(real, front), render_gray(control, front), whole)
    assert alike < 0.05 and changed > 0.5, (changed, alike)


def test_arabic_numbers_stay_left_to_right(site):
    """On the Arabic side the dial strings read 1-800-… left to right, and the words right to left."""
    path = site / DOWNLOADS / "who-to-call-cards-ar.pdf"
    back = text_in(path, 2, (0, 0, CARD_WIDTH, CARD_HEIGHT))
    assert "1-800-799-7233" in back
    # The dial column is on the right of an Arabic card, the words on the left.
    right = text_in(path, 2, (CARD_WIDTH / 2, 8, CARD_WIDTH / 2, CARD_HEIGHT - 8))
    left = text_in(path, 2, (0, 8, CARD_WIDTH / 2, CARD_HEIGHT - 8))
    assert "988" in right and "988" not in left
    # Control: on the English front the dial column is on the left.
    assert "988" in text_in(path, 1, (0, 8, CARD_WIDTH / 2, CARD_HEIGHT - 8))


# --- Sheets: duplex, stock and crop marks ------------------------------------------------

@pytest.mark.parametrize("name,paper", SHEETS, ids=[name for name, _ in SHEETS])
def test_each_back_prints_behind_its_front(site, catalog, name, paper):
    """Every slot of page 1 holds its card's front title; page 2 holds that card's back title at the mirrored place.

    Control: read unmirrored (the back page's slot at the front's place), a back is not found for every slot.
    """
    path = site / DOWNLOADS / f"{name}-es.pdf"
    cards = cards_for(catalog, "es", "en")
    fronts, backs, _ = sheet_layout(paper, cards)
    titles = {"numbers": "cards.numbers_title", "rights": "cards.rights_title"}
    unmirrored_hits, mixed_row = 0, False
    for front, back in zip(fronts, backs):
        front_box = (front.x, front.y, paper.card_width, 10)
        back_box = (back.x, back.y, paper.card_width, 10)
        assert squash(catalog.text("en", titles[front.face.kind])) in squash(text_in(path, 1, front_box))
        assert squash(catalog.text("es", titles[back.face.kind])) in squash(text_in(path, 2, back_box))
        assert abs((paper.width - back.x - paper.card_width) - front.x) < 0.01
        assert 0 <= front.x and front.x + paper.card_width <= paper.width + 0.01
        mixed_row |= front.face.kind != fronts[fronts.index(front) ^ 1].face.kind
        unmirrored_hits += squash(catalog.text("es", titles[back.face.kind])) in squash(
            text_in(path, 2, (front.x, front.y, paper.card_width, 10)))
    if mixed_row:     # where a row holds two different cards, reading the back unmirrored misses
        assert unmirrored_hits < len(fronts)


def test_cut_sheet_has_crop_marks_in_the_margin_and_stock_has_none(site, catalog):
    for name, paper in SHEETS:
        path = site / DOWNLOADS / f"{name}-en.pdf"
        width, _, pixels = render_gray(path, 1, dpi=150)
        fronts, _, marks = sheet_layout(paper, cards_for(catalog, "en", "en"))
        left, top = fronts[0].x, fronts[0].y
        mark_area = (left - 1, top - 7.5, 2, 6)                         # above the grid's left edge
        empty_area = (left + paper.card_width / 2 - 1, top - 7.5, 2, 6)  # above a card's middle: never a mark
        if paper.marks:
            assert ink(pixels, width, mark_area, dpi=150) > 5, f"{name}: no crop mark"
            assert len(marks) == 2 * (paper.columns + 1) + 2 * (paper.rows + 1)
        else:
            assert top >= 7.5 and ink(pixels, width, mark_area, dpi=150) == 0, f"{name}: a mark on perforated stock"
        assert ink(pixels, width, empty_area, dpi=150) == 0, f"{name}: ink where there is no mark"


# --- The cards page ------------------------------------------------------------------

def test_cards_page_previews_front_and_back_and_links_pdfs_with_sizes(site, catalog, languages):
    for lang in languages:
        path = page_path(site, lang, "cards")
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sides = html.select(".wtc-cards-preview__side")
        cards = cards_for(catalog, lang, languages[0])
        assert len(sides) == 2 * len(cards)
        words = [side.select_one(".wtc-card-words") for side in sides]
        assert words[0]["lang"] == languages[0] and words[1]["lang"] == lang
        assert catalog.text(lang, "cards.rights_title") in html.select_one(".wtc-cards-preview").get_text()
        # The printed look: one picture per side, in a closed <details> (no download until asked for).
        printed = html.select_one("details.wtc-cards-printed")
        assert printed is not None and not printed.has_attr("open")
        images = printed.select("img")
        assert len(images) == len(sides)
        for index, image in enumerate(images):
            target = (path.parent / image["src"]).resolve()
            assert target.name == preview_name(lang, index) and target.read_bytes().startswith(b"<svg"), target
            assert image["alt"] == "" and image["loading"] == "lazy"      # the words are text above
        links = html.select(".wtc-downloads a")
        assert [a["href"].rsplit("/", 1)[-1] for a in links] == [d.name for d in downloads(lang)]
        for a in links:
            target = (path.parent / a["href"]).resolve()
            assert target.exists(), f"{lang}: {a['href']} does not resolve"
            size = a.find_next_sibling("span", class_="wtc-download__size").get_text()
            assert str(round(target.stat().st_size / 1000)) in size, f"{lang}: {size!r} for {target.name}"
        stock = html.select(".wtc-download__stock")
        assert [s.get_text() for s in stock] == [catalog.text(lang, "cards.stock").format(stock=p.stock)
                                                 for p in BUSINESS_CARD_PAPERS]


def test_preview_is_the_printed_card(site, documents):
    """The preview SVG is what Typst draws for the same page of the card PDF (same source, not a second layout)."""
    document = documents["who-to-call-cards-vi.pdf"]
    pages = compile_doc(document, fmt="svg")
    built = site / DOWNLOADS / PREVIEWS
    assert card_pdfs.lean_svg(pages[3]) == (built / preview_name("vi", 3)).read_bytes()
    # Control: another side's picture differs.
    assert card_pdfs.lean_svg(pages[2]) != (built / preview_name("vi", 3)).read_bytes()
    # An ID-1 card's proportions (viewBox in points).
    width, height = map(float, re.search(rb'viewBox="0 0 ([\d.]+) ([\d.]+)"', pages[3]).groups())
    assert abs(width * MM_PER_PT - CARD_WIDTH) < 0.1 and abs(height * MM_PER_PT - CARD_HEIGHT) < 0.1


def test_card_fonts_stay_out_of_the_site(site):
    """The bundled fonts are for the PDFs only: they never reach the site."""
    assert not list(site.rglob("card-*.ttf")) and not list(site.rglob("*.typ"))
    assert not (site / "cards" / "fonts").exists()


# --- Same input, same bytes ----------------------------------------------------------

def test_pdfs_carry_the_check_date_title_and_language(site, catalog):
    """The date the facts were checked (which also makes two builds give byte-identical PDFs: tests/
    test_reproducible.py compares two whole builds, the PDFs included), the title and the language."""
    for lang in ("ar", "vi"):
        reader = PdfReader(site / DOWNLOADS / f"who-to-call-cards-{lang}.pdf")
        assert reader.metadata["/CreationDate"].startswith("D:" + catalog.last_checked().replace("-", ""))
        assert reader.metadata.title == catalog.text(lang, "cards.download_cards")
        assert reader.trailer["/Root"]["/Lang"] == lang


# --- Bad input stops the build -------------------------------------------------------

def scratch_root(tmp_path: Path) -> Path:
    """A scratch folder with the project's cards/ (to break), mkdocs.yml and data/."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "cards", root / "cards")
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_overflowing_translation_fails_the_build_and_keeps_the_old_site(project, tmp_path, catalog):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the last good build", encoding="utf-8")
    status = catalog.text("vi", "cards.rights.status")
    edit(project / "data" / "text" / "vi.yml", f"status: {status}", "status: " + " ".join([status] * 3))
    result = run_build(project, out)
    assert result.returncode == 1
    message = result.stderr.strip().splitlines()
    assert len([line for line in message if "overflows" in line]) == 1 and "Traceback" not in result.stderr
    for part in ("'rights' card", "language 'vi'", "cards.rights.status", "overflows by", " mm",
                 "data/text/vi.yml"):
        assert part in result.stderr, f"{part!r} not in: {result.stderr}"
    assert (out / "index.html").read_text(encoding="utf-8") == "the last good build"


def test_overflow_names_the_text_and_by_how_much(tmp_path, catalog):
    """In-process: a longer Spanish label names its key; a little longer overflows less than a lot longer."""
    amounts = []
    for times in (3, 6):
        root = scratch_root(tmp_path / str(times))
        label = catalog.text("es", "cards.short.211")
        edit(root / "data" / "text" / "es.yml", f'    "211": {label}\n', '    "211": ' + " ".join([label] * times) + "\n")
        with pytest.raises(DataError) as err:
            card_pdfs.make_files(root, load_catalog(root), "https://example.org/")
        message = str(err.value)
        assert "'numbers' card, language 'es', field cards.short.211 overflows by" in message, message
        amounts.append(float(re.search(r"overflows by ([\d.]+) mm", message).group(1)))
    assert 0 < amounts[0] < amounts[1]


def test_missing_card_translation_is_named(tmp_path):
    root = scratch_root(tmp_path)
    words = root / "data" / "text" / "zh.yml"
    words.write_text(re.sub(r"\n    door: .*", "", words.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_catalog(root)
    for part in ("data/text/zh.yml", "cards.rights.door", "'zh'"):
        assert part in str(err.value), str(err.value)


def test_character_missing_from_the_bundled_font_is_named(tmp_path, catalog):
    root = scratch_root(tmp_path)
    door = catalog.text("zh", "cards.rights.door")
    edit(root / "data" / "text" / "zh.yml", f"door: {door}", f"door: {door}龘")
    with pytest.raises(DataError) as err:
        card_pdfs.make_files(root, load_catalog(root), "https://example.org/")
    for part in ("'rights' card", "language 'zh'", "cards.rights.door", "U+9F98", "run scripts/subset_fonts.py"):
        assert part in str(err.value), str(err.value)


def test_missing_font_file_is_named(tmp_path, catalog):
    root = scratch_root(tmp_path)
    (root / "cards" / "fonts" / "card-arabic-bold.ttf").unlink()
    with pytest.raises(DataError) as err:
        card_pdfs.make_files(root, catalog, "https://example.org/")
    for part in ("language 'ar'", "card-arabic-bold.ttf", "run scripts/subset_fonts.py"):
        assert part in str(err.value), str(err.value)


def test_broken_template_names_the_typst_file_and_line(tmp_path, catalog):
    root = scratch_root(tmp_path)
    template = root / "cards" / "cards.typ"
    lines = template.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("#let red"))
    lines[number - 1] = "#let red = rgb(oops)"
    template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        card_pdfs.make_files(root, catalog, "https://example.org/")
    assert f"cards/cards.typ:{number}:" in str(err.value) and "\n" not in str(err.value), str(err.value)
