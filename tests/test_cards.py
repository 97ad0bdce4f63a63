"""Pocket cards, card sheets and flyers: the PDFs a reader downloads, prints and cuts, in every language."""
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from markupsafe import escape
from pypdf import PdfReader

from tests.conftest import ROOT, edit, run_build
from tests.pages import page_path
from whotocall import browser, card_pdfs
from whotocall.cards import (CARD_HEIGHT, CARD_NUMBERS, CARD_WIDTH, DOWNLOADS, PAPERS, cards_for, downloads,
                             home_url, sheet_layout)

MM_PER_PT = 25.4 / 72
TOLERANCE_MM = 0.5


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
    return re.sub(r"\s+", "", text)


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
        if cid_to_gid is not None and not isinstance(cid_to_gid.get_object(), str) \
                and hasattr(cid_to_gid.get_object(), "get_data"):
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


def render_gray(pdf_path: Path, page: int, dpi: int = 100) -> tuple[int, int, bytes]:
    """One PDF page as 8-bit grey pixels, rendered by poppler's pdftoppm (as a reader's viewer would)."""
    result = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf_path)],
                            capture_output=True, check=True)
    data = result.stdout
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", data)
    return int(match.group(1)), int(match.group(2)), data[match.end():]


def ink(pixels: bytes, width: int, box=None, dpi: int = 100) -> int:
    """Dark pixels, in the whole page or in a box (x, y, w, h in mm)."""
    if box is None:
        return sum(1 for value in pixels if value < 128)
    x, y, w, h = (round(v / 25.4 * dpi) for v in box)
    return sum(1 for row in range(y, y + h) for value in pixels[row * width + x: row * width + x + w] if value < 128)


@pytest.fixture(scope="session")
def tofu(tmp_path_factory, catalog, languages):
    """Control PDFs: the Arabic and Chinese card sides printed without their script's font.

    The same documents the build prints, with only the Latin font offered for every
    language: what a reader would get if a script's font were missing.
    """
    folder = tmp_path_factory.mktemp("tofu")
    wanted = {f"who-to-call-cards-{lang}.pdf" for lang in ("ar", "zh")}
    items = []
    for document in card_pdfs.documents(ROOT, catalog, languages, "http://127.0.0.1:8000/"):
        if document.name in wanted:
            html = re.sub(r":lang\((ar|zh)\) \{ font-family: [^;]*;", r':lang(\1) { font-family: "WTC Card Latin";',
                          document.html)
            assert html != document.html, "test setup: the font rule was not found"
            items.append(card_pdfs.Document(document.name, document.lang, document.title, html,
                                            document.width, document.height))
    for document, data in card_pdfs.print_documents(ROOT, items, check_fit=False):
        (folder / document.name).write_bytes(data)
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
        for paper in PAPERS:
            sheet = pdf(site, f"who-to-call-sheet-{paper.name}-{lang}.pdf")
            flyer = pdf(site, f"who-to-call-flyer-{paper.name}-{lang}.pdf")
            assert len(sheet.pages) == 2 and len(flyer.pages) == 1
            for page in list(sheet.pages) + list(flyer.pages):
                assert is_size(page, paper.width, paper.height), f"{lang} {paper.name}: {page_size_mm(page)}"


def test_size_check_tells_letter_from_a4_and_card(site):
    """Negative control: a Letter page is neither A4 nor card size."""
    letter = pdf(site, "who-to-call-flyer-letter-en.pdf").pages[0]
    assert is_size(letter, 215.9, 279.4)
    assert not is_size(letter, 210.0, 297.0) and not is_size(letter, CARD_WIDTH, CARD_HEIGHT)


# --- What the cards say ------------------------------------------------------------

def test_cards_carry_the_numbers_and_words_from_data(site, catalog, languages):
    for lang in languages:
        text = squash("".join(page.extract_text() for page in pdf(site, f"who-to-call-cards-{lang}.pdf").pages))
        for number_id in CARD_NUMBERS:
            dial = catalog.numbers[number_id]["dial"]
            if dial:
                assert dial in text, f"{lang}: {dial} missing from the card"
        for key in ("cards.numbers_title", "cards.rights_title", "cards.rights.no_lies"):
            for words_lang in {languages[0], lang}:
                assert squash(catalog.text(words_lang, key)) in text, f"{lang}: {words_lang} {key} missing"


def test_card_words_check_finds_another_language(site, catalog):
    """Negative control: the Spanish card does not carry the Chinese title."""
    text = squash("".join(page.extract_text() for page in pdf(site, "who-to-call-cards-es.pdf").pages))
    assert squash(catalog.text("zh", "cards.rights_title")) not in text


def test_flyer_has_main_numbers_and_its_language_home(site, catalog, languages):
    address = card_pdfs.read_site_url(site)
    for lang in languages:
        for paper in PAPERS:
            text = squash(pdf(site, f"who-to-call-flyer-{paper.name}-{lang}.pdf").pages[0].extract_text())
            assert squash(catalog.text(lang, "cards.flyer_title")) in text
            assert squash(catalog.text(lang, "numbers.988.name")) in text
            for number_id in ("911", "988", "211", "711", "dv-hotline"):
                assert catalog.numbers[number_id]["dial"] in text, f"{lang}: {number_id}"
            assert squash(home_url(address, lang, languages[0])) in text


@pytest.mark.parametrize("paper", [paper.name for paper in PAPERS])
def test_printed_qr_code_scans_to_its_language_home(site, languages, paper):
    """Scanned from the printed flyer (pdftoppm at 150 dpi, decoded by zxing-cpp), the code opens that language's home.

    Control: a card page, which has no code, decodes to nothing.
    """
    def scanned(name):
        width, height, pixels = render_gray(site / DOWNLOADS / name, 1, dpi=150)
        return [(code.format, code.text)
                for code in zxingcpp.read_barcodes(memoryview(pixels).cast("B", (height, width)))]

    address = card_pdfs.read_site_url(site)
    for lang in languages:
        assert scanned(f"who-to-call-flyer-{paper}-{lang}.pdf") == \
            [(zxingcpp.BarcodeFormat.QRCode, home_url(address, lang, languages[0]))], f"{paper} {lang}"
    assert scanned(f"who-to-call-cards-{languages[0]}.pdf") == []


def test_flyer_qr_code_points_at_its_language_home(catalog, languages):
    """The QR code printed is segno's code for that language's home page, not another language's."""
    address = "https://example.org/who/"
    flyers = {d.lang: d.html for d in card_pdfs.documents(ROOT, catalog, languages, address)
              if d.name.startswith("who-to-call-flyer-a4-")}
    for lang in languages:
        assert str(escape(card_pdfs.qr_code(home_url(address, lang, languages[0])))) in flyers[lang], lang
    assert home_url(address, "es", "en") == "https://example.org/who/es/"
    # Negative control: the Spanish home's code is not on the Chinese flyer.
    assert str(escape(card_pdfs.qr_code(home_url(address, "es", "en")))) not in flyers["zh"]


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
                 for font in fonts_of(pdf(site, f"who-to-call-cards-{lang}.pdf"))}
        assert names <= {"NotoSans-Regular", "NotoSans-Bold", "NotoSansArabic-Regular", "NotoSansArabic-Bold",
                         "NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold"}, names


@pytest.mark.parametrize("lang", ["ar", "zh", "vi", "es", "en"])
def test_embedded_fonts_draw_every_character(site, catalog, languages, lang):
    """Every character of every card text has an outline in an embedded font (no box, nothing left out)."""
    text = "".join(words.text for card in cards_for(catalog, lang, languages[0])
                   for face in (card.front, card.back) for words in face.words())
    assert not missing_glyphs(pdf(site, f"who-to-call-cards-{lang}.pdf"), text)


def test_glyph_check_catches_a_missing_script_font(tofu, catalog):
    """Negative control: Arabic and Chinese printed without their font have no glyphs for their letters."""
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
    """pdftoppm's picture of the Arabic/Chinese side is unlike the same side printed without its font (boxes)."""
    real, control = site / DOWNLOADS / f"who-to-call-cards-{lang}.pdf", tofu / f"who-to-call-cards-{lang}.pdf"
    whole = (0, 0, CARD_WIDTH - 0.5, CARD_HEIGHT - 0.5)
    back, front = 4, 3   # the rights card: the reader's language, then English
    assert ink(render_gray(real, back)[2], 0) > 1000, "the back is blank"
    changed = unlike(render_gray(real, back), render_gray(control, back), whole)
    # Negative control: the English front has its font in both prints, so the same comparison finds them alike.
    alike = unlike(render_gray(real, front), render_gray(control, front), whole)
    print(f"{lang}: back {changed:.0%} unlike the boxes; English front {alike:.0%} unlike itself")
    assert alike < 0.05 and changed > 0.5


# --- Sheets: duplex and crop marks ----------------------------------------------------

def behind(front, back, paper) -> bool:
    """After a flip on the long edge, `back` lands exactly behind `front`."""
    return back.y == front.y and abs((paper.width - back.x - CARD_WIDTH) - front.x) < 0.01


def test_sheet_backs_are_mirrored_for_long_edge_duplex(catalog, languages):
    for paper in PAPERS:
        cards = cards_for(catalog, "es", languages[0])
        fronts, backs, _ = sheet_layout(paper, cards)
        for front, back in zip(fronts, backs):
            assert behind(front, back, paper), f"{paper.name}: back at {back.x} not behind front at {front.x}"
            assert back.face == next(c for c in cards if c.front == front.face).back
            assert 0 <= front.x and front.x + CARD_WIDTH <= paper.width
            assert 0 <= front.y and front.y + CARD_HEIGHT <= paper.height
        # Negative control: printed unmirrored (backs where the fronts are), a back misses its front.
        assert not behind(fronts[0], fronts[0], paper)


def words_on_page(pdf_path: Path, page: int) -> list[tuple[str, float, float]]:
    """(word, x mm, y mm) of each word pdftotext finds on one page."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return [(w, float(x) * MM_PER_PT, float(y) * MM_PER_PT)
            for x, y, w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)]


def test_printed_a4_sheet_puts_each_back_behind_its_front(site, catalog):
    """On the A4 sheet a row mixes the two cards; on the back page that row's cards swap sides."""
    path = site / DOWNLOADS / "who-to-call-sheet-a4-es.pdf"
    paper = next(p for p in PAPERS if p.name == "a4")
    fronts, _, _ = sheet_layout(paper, cards_for(catalog, "es", "en"))
    mixed = next(row for row in range(paper.rows)
                 if fronts[row * 2].face.kind != fronts[row * 2 + 1].face.kind)
    top = fronts[mixed * 2].y

    def title_side(page, title):
        first = title.split()[0]
        hits = [x for w, x, y in words_on_page(path, page) if w == first and top <= y <= top + 10]
        assert hits, f"{title!r} not found in row {mixed} of page {page}"
        return "left" if hits[0] < paper.width / 2 else "right"

    front_numbers = title_side(1, catalog.text("en", "cards.numbers_title"))
    back_numbers = title_side(2, catalog.text("es", "cards.numbers_title"))
    assert front_numbers != back_numbers


def test_sheet_has_crop_marks_in_the_margin(site, catalog):
    for paper in PAPERS:
        path = site / DOWNLOADS / f"who-to-call-sheet-{paper.name}-en.pdf"
        width, _, pixels = render_gray(path, 1, dpi=150)
        fronts, _, marks = sheet_layout(paper, cards_for(catalog, "en", "en"))
        left = fronts[0].x
        top = fronts[0].y
        mark_area = (left - 1, top - 7.5, 2, 6)            # the vertical mark above the grid's left edge
        empty_area = (left + CARD_WIDTH / 2 - 1, top - 7.5, 2, 6)   # margin above a card's middle: no mark
        assert ink(pixels, width, mark_area, dpi=150) > 5, f"{paper.name}: no crop mark"
        assert ink(pixels, width, empty_area, dpi=150) == 0, f"{paper.name}: ink where there is no mark"
        assert len(marks) == 2 * (paper.columns + 1) + 2 * (paper.rows + 1)


# --- The cards page ------------------------------------------------------------------

def test_cards_page_previews_front_and_back_and_links_pdfs_with_sizes(site, catalog, languages):
    for lang in languages:
        path = page_path(site, lang, "cards")
        html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sides = html.select(".wtc-cards-preview__side .wtc-card")
        assert len(sides) == 2 * len(cards_for(catalog, lang, languages[0]))
        assert sides[0]["lang"] == languages[0] and sides[1]["lang"] == lang
        assert catalog.text(lang, "cards.rights_title") in html.select_one(".wtc-cards-preview").get_text()
        links = html.select(".wtc-downloads a")
        assert [a["href"].rsplit("/", 1)[-1] for a in links] == [d.name for d in downloads(lang)]
        for a in links:
            target = (path.parent / a["href"]).resolve()
            assert target.exists(), f"{lang}: {a['href']} does not resolve"
            size = a.find_next_sibling("span", class_="wtc-download__size").get_text()
            assert str(round(target.stat().st_size / 1000)) in size, f"{lang}: {size!r} for {target.name}"


def test_card_fonts_stay_out_of_the_site(site):
    """The bundled fonts are for the PDFs only: they never reach the site."""
    assert not list(site.rglob("card-*.woff2"))
    assert not (site / "cards" / "fonts").exists() and not (site / "cards" / "measure.js").exists()


# --- Same input, same bytes ----------------------------------------------------------

def test_two_prints_give_identical_pdfs(site, catalog, tmp_path):
    """Printed afresh twice (no cache), the PDFs are byte-identical, and the same as the build's."""
    runs = []
    for name in ("one", "two"):
        out = tmp_path / name
        out.mkdir()
        shutil.copyfile(site / "sitemap.xml", out / "sitemap.xml")
        card_pdfs.print_cards(ROOT, out, catalog, cache=False)
        runs.append({p.name: p.read_bytes() for p in (out / DOWNLOADS).glob("*.pdf")})
    assert runs[0].keys() == runs[1].keys() and runs[0]
    different = [name for name in runs[0] if runs[0][name] != runs[1][name]]
    assert not different, different
    assert runs[0]["who-to-call-cards-ar.pdf"] == (site / DOWNLOADS / "who-to-call-cards-ar.pdf").read_bytes()
    for lang in ("ar", "vi"):    # each PDF keeps its own title and language after the page is reused
        reader = PdfReader(io.BytesIO(runs[0][f"who-to-call-cards-{lang}.pdf"]))
        assert reader.metadata["/CreationDate"].startswith("D:" + catalog.last_checked().replace("-", ""))
        assert reader.metadata["/ModDate"] == reader.metadata["/CreationDate"]
        assert reader.metadata.title == catalog.text(lang, "cards.download_cards")
        assert reader.trailer["/Root"]["/Lang"] == lang


def test_headless_shell_prints_what_the_full_browser_prints(catalog, languages, tmp_path, monkeypatch):
    """The cards print with Chromium's headless shell (faster); every word lands where the full browser puts it.

    Control: with font hinting left on (the shell's default), words move, so the
    comparison can tell the two apart and the flag is what makes them agree.
    """
    assert browser.headless_shell_path(), "chromium-headless-shell is not installed (.ci/run installs it)"
    wanted = {"who-to-call-cards-ar.pdf", "who-to-call-cards-vi.pdf", "who-to-call-cards-zh.pdf"}
    items = [d for d in card_pdfs.documents(ROOT, catalog, languages, "http://127.0.0.1:8000/") if d.name in wanted]

    def placed(folder_name):
        folder = tmp_path / folder_name
        folder.mkdir()
        result = {}
        for document, data in card_pdfs.print_documents(ROOT, items):
            (folder / document.name).write_bytes(data)
            result[document.name] = [words_on_page(folder / document.name, page) for page in (1, 2, 3)]
        return result

    shell = placed("shell")
    monkeypatch.setenv("CHROMIUM_HEADLESS_SHELL", browser.chromium_path())   # the full browser prints
    full = placed("full")
    assert shell.keys() == wanted and all(words for pages in shell.values() for words in pages)
    assert shell == full
    monkeypatch.delenv("CHROMIUM_HEADLESS_SHELL")
    monkeypatch.setattr(browser, "PRINT_FLAGS", [])
    assert placed("hinted") != full


# --- Bad input stops the build -------------------------------------------------------

def test_overflowing_translation_fails_the_build_and_keeps_the_old_site(project, tmp_path, catalog):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("the last good build", encoding="utf-8")
    status = catalog.text("vi", "cards.rights.status")
    edit(project / "data" / "text" / "vi.yml", f"status: {status}", "status: " + " ".join([status] * 4))
    result = run_build(project, out)
    assert result.returncode == 1
    message = result.stderr
    for part in ("cards:", "'rights' card", "language 'vi'", "cards.rights.status", "overflows by", " mm",
                 "data/text/vi.yml"):
        assert part in message, f"{part!r} not in: {message}"
    assert (out / "index.html").read_text(encoding="utf-8") == "the last good build"


def test_missing_card_translation_fails_the_build(project, tmp_path):
    words = project / "data" / "text" / "zh.yml"
    words.write_text(re.sub(r"\n    door: .*", "", words.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    for part in ("data/text/zh.yml", "cards.rights.door", "'zh'"):
        assert part in result.stderr, result.stderr


def test_character_missing_from_the_bundled_font_fails_the_build(project, tmp_path, catalog):
    door = catalog.text("zh", "cards.rights.door")
    edit(project / "data" / "text" / "zh.yml", f"door: {door}", f"door: {door}龘")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    for part in ("'rights' card", "language 'zh'", "cards.rights.door", "U+9F98", "run scripts/subset_fonts.py"):
        assert part in result.stderr, result.stderr


def test_missing_font_file_fails_the_build(project, tmp_path):
    (project / "cards" / "fonts" / "card-arabic-bold.woff2").unlink()
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 1
    for part in ("card", "language 'ar'", "card-arabic-bold.woff2", "run scripts/subset_fonts.py"):
        assert part in result.stderr, result.stderr
