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
from urllib.parse import urljoin

from mkdocs.utils import get_relative_url

from .data import Catalog, DataError
from .render import Renderer

# ID-1 card (credit-card size), in millimetres.
CARD_WIDTH, CARD_HEIGHT = 85.6, 53.98

# "Numbers to know": dial strings from data, labels from cards.short.<id>;
# the local police line has no national number, so the card leaves a line to write it on.
WRITE_IN = "police-non-emergency"
CARD_NUMBERS = ["911", "988", "211", WRITE_IN, "711", "dv-hotline"]
RIGHTS = ["silent", "lawyer", "search", "free_to_go", "no_lies", "status", "door"]
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

    def words(self) -> list[Words]:
        out = [self.title]
        for row in self.rows:
            out += [w for w in (row.dial, row.label, row.what) if w]
        return out + list(self.lines)


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
    return Face("rights", lang, _words(catalog, lang, "cards.rights_title"), lines=lines)


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
                 _words(catalog, lang, "cards.scan_qr"), checked, home_url(site_url, lang, default))


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


def home_url(site_url: str, lang: str, default: str) -> str:
    """The full address of a language's home page (site_url for the default language)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if lang == default else urljoin(base, f"{lang}/")


# --- Where it goes on paper -------------------------------------------------------

@dataclass(frozen=True)
class Paper:
    """A home-printer sheet: size in mm and how many cards across and down."""

    name: str
    label: str
    width: float
    height: float
    columns: int
    rows: int


# 2 x 4 on Letter leaves room for marks; A4 is 17.6 mm taller and takes a fifth row.
PAPERS = [Paper("letter", "US Letter", 215.9, 279.4, 2, 4), Paper("a4", "A4", 210.0, 297.0, 2, 5)]
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

    The cards touch (one cut between neighbours) and the grid is centred.
    Turning the sheet over its long edge swaps left and right, so each back is
    put in the mirrored column: it lands behind its own front.
    """
    left = (paper.width - paper.columns * CARD_WIDTH) / 2
    top = (paper.height - paper.rows * CARD_HEIGHT) / 2
    slots = paper.columns * paper.rows
    fronts, backs = [], []
    for index in range(slots):
        row, column = divmod(index, paper.columns)
        card = cards[index * len(cards) // slots]
        fronts.append(Slot(left + column * CARD_WIDTH, top + row * CARD_HEIGHT, card.front))
        mirrored = paper.columns - 1 - column
        backs.append(Slot(left + mirrored * CARD_WIDTH, top + row * CARD_HEIGHT, card.back))
    marks = []
    right, bottom = left + paper.columns * CARD_WIDTH, top + paper.rows * CARD_HEIGHT
    for column in range(paper.columns + 1):
        x = left + column * CARD_WIDTH
        marks.append(Mark(x, top - MARK_GAP - MARK_LENGTH, x, top - MARK_GAP))
        marks.append(Mark(x, bottom + MARK_GAP, x, bottom + MARK_GAP + MARK_LENGTH))
    for row in range(paper.rows + 1):
        y = top + row * CARD_HEIGHT
        marks.append(Mark(left - MARK_GAP - MARK_LENGTH, y, left - MARK_GAP, y))
        marks.append(Mark(right + MARK_GAP, y, right + MARK_GAP + MARK_LENGTH, y))
    return fronts, backs, marks


# --- Files -------------------------------------------------------------------------

DOWNLOADS = "downloads"   # folder in the site


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
    for paper in PAPERS:
        out.append(Download(f"who-to-call-flyer-{paper.name}-{lang}.pdf", f"cards.download_flyer_{paper.name}",
                            "flyer", paper))
    return out


def card_page(catalog: Catalog, lang: str, default: str, page_url: str) -> dict:
    """What the cards page shows in `lang`: its cards (front and back) and its PDFs, linked relative to the page."""
    return {
        "cards": cards_for(catalog, lang, default),
        "stylesheet": get_relative_url("assets/cards.css", page_url),
        "downloads": [{"name": item.name, "label_key": item.label_key,
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
