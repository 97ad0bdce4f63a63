"""What the pocket cards and the "Which number?" flyer say, where they sit on paper, and their files.

Facts come from data/numbers.yml, words from data/text/<lang>.yml (`cards.*`
keys). The PDF stage (card_pdfs.py), the cards page macro, the font
subsetter (scripts/subset_fonts.py) and the tests all read the cards through
this module, so a card can never say one thing on the page and another on paper.
Every printed piece of text is a `Words` that knows its key and language, so a
problem can be reported as card, language and field.
"""
from __future__ import annotations

from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from . import languages
from .data import Catalog, DataError
from .render import Renderer

# ID-1 card (credit-card size), in millimetres.
CARD_WIDTH, CARD_HEIGHT = 85.6, 53.98

# "Numbers to know": dial strings from data, labels from cards.short.<id>;
# the local police line has no national number, so the card leaves a line to write it on.
WRITE_IN = "police-non-emergency"
CARD_NUMBERS = ["911", "988", "211", WRITE_IN, "711", "dv-hotline"]
RIGHTS = ["silent", "lawyer", "search", "free_to_go", "no_lies", "status", "door"]
# Lines to write numbers on, under the rights: a detained person's phone is taken, so these go on paper.
WRITE_INS = ["cards.write_in_lawyer", "cards.write_in_family"]
# The flyer: the main numbers, each with what it is for (numbers.<id>.name).
FLYER_NUMBERS = ["911", WRITE_IN, "988", "dv-hotline", "211", "711"]


# --- What is printed ------------------------------------------------------------

@dataclass(frozen=True)
class Words:
    """One piece of printed text and where it comes from (a words key, or a number's dial string)."""

    key: str
    text: str
    lang: str

    @property
    def is_dial(self) -> bool:
        return self.key.startswith("dial:")

    @property
    def field(self) -> str:
        """How messages name this text: the words key, or "dial of '711'"."""
        return f"dial of '{self.key[5:]}'" if self.is_dial else self.key


@dataclass(frozen=True)
class Row:
    """One number on a card or the flyer: dial string (None: a line to write it on) and label."""

    id: str
    dial: Words | None
    label: Words
    emergency: bool
    what: Words | None = None


@dataclass(frozen=True)
class Face:
    """One side of a card: "numbers" (rows) or "rights" (lines), in one language."""

    kind: str
    lang: str
    title: Words
    rows: tuple[Row, ...] = ()
    lines: tuple[Words, ...] = ()
    write_ins: tuple[Words, ...] = ()

    def words(self) -> list[Words]:
        out = [self.title]
        for row in self.rows:
            out += [w for w in (row.dial, row.label, row.what) if w]
        return out + list(self.lines) + list(self.write_ins)


@dataclass(frozen=True)
class Card:
    """A two-sided card: English on the front, the reader's language on the back."""

    name: str
    front: Face
    back: Face


@dataclass(frozen=True)
class Flyer:
    """The one-page "Which number?" flyer of one language."""

    lang: str
    title: Words
    rows: tuple[Row, ...]
    scan: Words
    checked: Words
    url: str

    def words(self) -> list[Words]:
        out = [self.title, self.scan, self.checked, Words("site_url", self.url, self.lang)]
        for row in self.rows:
            out += [w for w in (row.dial, row.label, row.what) if w]
        return out


def numbers_face(catalog: Catalog, lang: str) -> Face:
    """The "Numbers to know" side in one language."""
    rows = []
    for number_id in CARD_NUMBERS:
        label_key = "cards.numbers_write_in" if number_id == WRITE_IN else f"cards.short.{number_id}"
        rows.append(_row(catalog, lang, number_id, label_key))
    return Face("numbers", lang, _words(catalog, lang, "cards.numbers_title"), rows=tuple(rows))


def rights_face(catalog: Catalog, lang: str) -> Face:
    """The "Know your rights" side in one language."""
    lines = tuple(_words(catalog, lang, f"cards.rights.{key}") for key in RIGHTS)
    write_ins = tuple(_words(catalog, lang, key) for key in WRITE_INS)
    return Face("rights", lang, _words(catalog, lang, "cards.rights_title"), lines=lines, write_ins=write_ins)


def cards_for(catalog: Catalog, lang: str, default: str) -> list[Card]:
    """The cards of one language: English front, `lang` back; English alone is one card, numbers and rights."""
    if lang == default:
        return [Card("numbers", numbers_face(catalog, lang), rights_face(catalog, lang))]
    return [Card("numbers", numbers_face(catalog, default), numbers_face(catalog, lang)),
            Card("rights", rights_face(catalog, default), rights_face(catalog, lang))]


def flyer_for(catalog: Catalog, lang: str, default: str, site_url: str) -> Flyer:
    """The flyer of one language, pointing at that language's home page."""
    renderer = Renderer(catalog)
    rows = []
    for number_id in FLYER_NUMBERS:
        label_key = "cards.numbers_write_in" if number_id == WRITE_IN else f"numbers.{number_id}.name"
        row = _row(catalog, lang, number_id, label_key)
        if catalog.numbers[number_id]["emergency"]:
            row = Row(row.id, row.dial, row.label, row.emergency, _words(catalog, lang, f"numbers.{number_id}.what"))
        rows.append(row)
    checked = Words("ui.last_checked", renderer.t(lang, "ui.last_checked",
                                                  date=renderer.date(lang, catalog.last_checked())), lang)
    return Flyer(lang, _words(catalog, lang, "cards.flyer_title"), tuple(rows),
                 _words(catalog, lang, "cards.scan_qr"), checked,
                 languages.get(lang, catalog.root).home_url(site_url))


def printed_words(catalog: Catalog, lang: str, default: str) -> list[tuple[str, Words]]:
    """Every (card name, text) the PDFs of `lang` print, for the font and overflow checks."""
    out = []
    for card in cards_for(catalog, lang, default):
        for face in (card.front, card.back):
            out += [(face.kind, words) for words in face.words()]
    out += [("flyer", words) for words in flyer_for(catalog, lang, default, "").words()]
    return out


def where(card: str, lang: str) -> str:
    """How messages name a card and language: "'rights' card, language 'vi'"."""
    return f"flyer, language '{lang}'" if card == "flyer" else f"'{card}' card, language '{lang}'"


# --- Where it goes on paper -------------------------------------------------------

@dataclass(frozen=True)
class Paper:
    """A sheet of cards: paper size, card size and grid in mm.

    left/top: where the first card sits (None: the grid is centred); gap_x/gap_y:
    space between neighbours; marks: crop marks for cutting (cut sheets only;
    business-card stock is perforated, so it needs none); stock: what it fits.
    """

    name: str
    label: str
    width: float
    height: float
    columns: int
    rows: int
    card_width: float = CARD_WIDTH
    card_height: float = CARD_HEIGHT
    left: float | None = None
    top: float | None = None
    gap_x: float = 0.0
    gap_y: float = 0.0
    marks: bool = True
    stock: str = ""


INCH = 25.4
# Cut sheets: ID-1 cards touching, centred; 2 x 4 on Letter leaves room for marks, A4 takes a fifth row.
PAPERS = [Paper("letter", "US Letter", 215.9, 279.4, 2, 4), Paper("a4", "A4", 210.0, 297.0, 2, 5)]
# 10-up perforated business-card stock, nothing to cut. Letter: 3.5 x 2 in cards, 0.75 in from the
# sides and 0.5 in from the top, touching (Avery 5371/8371 and the sheets made to match them).
# A4: 85 x 54 mm cards, 15 mm from the sides and 13.5 mm from the top, 10 mm between the two
# columns (Avery C32011 and sheets made to match it).
BUSINESS_CARD_PAPERS = [
    Paper("letter", "US Letter", 215.9, 279.4, 2, 5, card_width=3.5 * INCH, card_height=2 * INCH,
          left=0.75 * INCH, top=0.5 * INCH, marks=False, stock="Avery 5371, 8371"),
    Paper("a4", "A4", 210.0, 297.0, 2, 5, card_width=85.0, card_height=54.0, left=15.0, top=13.5, gap_x=10.0,
          marks=False, stock="Avery C32011"),
]
MARK_LENGTH, MARK_GAP = 5.0, 2.0   # crop marks: 5 mm lines, 2 mm away from the cut


@dataclass(frozen=True)
class Slot:
    """One card side placed on a sheet, top-left corner in mm."""

    x: float
    y: float
    face: Face


@dataclass(frozen=True)
class Mark:
    """One crop mark: a line from (x1, y1) to (x2, y2) in mm."""

    x1: float
    y1: float
    x2: float
    y2: float


def sheet_layout(paper: Paper, cards: list[Card]) -> tuple[list[Slot], list[Slot], list[Mark]]:
    """Fronts, backs and crop marks of one sheet, for long-edge duplex printing.

    Turning the sheet over its long edge mirrors it left to right, so each back is
    put at the mirrored place on the page: it lands behind its own front, also on
    stock whose margins are not the same on both sides.
    """
    grid_width = paper.columns * paper.card_width + (paper.columns - 1) * paper.gap_x
    grid_height = paper.rows * paper.card_height + (paper.rows - 1) * paper.gap_y
    left = (paper.width - grid_width) / 2 if paper.left is None else paper.left
    top = (paper.height - grid_height) / 2 if paper.top is None else paper.top
    slots = paper.columns * paper.rows
    fronts, backs = [], []
    for index in range(slots):
        row, column = divmod(index, paper.columns)
        card = cards[index * len(cards) // slots]
        x = left + column * (paper.card_width + paper.gap_x)
        y = top + row * (paper.card_height + paper.gap_y)
        fronts.append(Slot(x, y, card.front))
        backs.append(Slot(paper.width - x - paper.card_width, y, card.back))
    marks = []
    if paper.marks:
        right, bottom = left + grid_width, top + grid_height
        for column in range(paper.columns + 1):
            x = left + column * paper.card_width
            marks.append(Mark(x, top - MARK_GAP - MARK_LENGTH, x, top - MARK_GAP))
            marks.append(Mark(x, bottom + MARK_GAP, x, bottom + MARK_GAP + MARK_LENGTH))
        for row in range(paper.rows + 1):
            y = top + row * paper.card_height
            marks.append(Mark(left - MARK_GAP - MARK_LENGTH, y, left - MARK_GAP, y))
            marks.append(Mark(right + MARK_GAP, y, right + MARK_GAP + MARK_LENGTH, y))
    return fronts, backs, marks


# --- Files -------------------------------------------------------------------------

DOWNLOADS = "downloads"   # folder in the site
PREVIEWS = "previews"     # card previews (SVG), inside DOWNLOADS


@dataclass(frozen=True)
class Download:
    """One PDF of one language: file name, the words that describe it, and what it holds."""

    name: str
    label_key: str
    kind: str            # cards | sheet | flyer
    paper: Paper | None


def downloads(lang: str) -> list[Download]:
    """The PDFs the build makes for one language, in the order the cards page lists them."""
    out = [Download(f"who-to-call-cards-{lang}.pdf", "cards.download_cards", "cards", None)]
    for paper in PAPERS:
        out.append(Download(f"who-to-call-sheet-{paper.name}-{lang}.pdf", f"cards.download_sheet_{paper.name}",
                            "sheet", paper))
    for paper in BUSINESS_CARD_PAPERS:
        out.append(Download(f"who-to-call-business-cards-{paper.name}-{lang}.pdf",
                            f"cards.download_business_{paper.name}", "sheet", paper))
    for paper in PAPERS:
        out.append(Download(f"who-to-call-flyer-{paper.name}-{lang}.pdf", f"cards.download_flyer_{paper.name}",
                            "flyer", paper))
    return out


def preview_name(lang: str, index: int) -> str:
    """File name of the preview of the `index`-th card side (in print order) of `lang`."""
    return f"card-{lang}-{index + 1}.svg"


def card_page(catalog: Catalog, lang: str, default: str, page_url: str) -> dict:
    """What the cards page shows in `lang`: its cards (front and back) and its PDFs, linked relative to the page."""
    cards = cards_for(catalog, lang, default)
    previews, index = [], 0
    for card in cards:
        sides = []
        for face in (card.front, card.back):
            sides.append({"face": face, "src": get_relative_url(f"{DOWNLOADS}/{PREVIEWS}/{preview_name(lang, index)}",
                                                                page_url)})
            index += 1
        previews.append(sides)
    return {
        "cards": previews,
        "stylesheet": get_relative_url("assets/cards.css", page_url),
        "downloads": [{"name": item.name, "label_key": item.label_key, "stock": item.paper.stock if item.paper else "",
                       "href": get_relative_url(f"{DOWNLOADS}/{item.name}", page_url)} for item in downloads(lang)],
    }


# --- Helper functions --------------------------------------------------------------

def _words(catalog: Catalog, lang: str, key: str) -> Words:
    return Words(key, catalog.text(lang, key), lang)


def _row(catalog: Catalog, lang: str, number_id: str, label_key: str) -> Row:
    number = catalog.numbers.get(number_id)
    if number is None:
        raise DataError(f"whotocall/cards.py: the cards list number '{number_id}', which is not in data/numbers.yml. "
                        f"Use one of: {', '.join(catalog.numbers)}.")
    dial = Words(f"dial:{number_id}", number["dial"], lang) if number["dial"] else None
    return Row(number_id, dial, _words(catalog, lang, label_key), bool(number["emergency"]))
