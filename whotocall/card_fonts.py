"""The fonts of the card and flyer PDFs: bundled Noto subsets, one family per script.

The PDFs must look the same whatever fonts a machine has, so Typst sees
only these files (card_pdfs.py gives it no system and no built-in font).
scripts/subset_fonts.py makes them from Debian's Noto packages, cut down to
the characters the cards print; check_coverage() stops the build when a card
would print a character a bundled font lacks (it would vanish or show a box).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from fontTools.ttLib import TTFont

from .cards import Words, where
from .data import DataError
from .languages import writing

FONT_DIR = Path("cards") / "fonts"
LICENCE = "OFL.txt"
WEIGHTS = (400, 700)
NOTO_CORE = Path("/usr/share/fonts/truetype/noto")   # Debian: fonts-noto-core
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")    # Debian: fonts-noto-cjk


@dataclass(frozen=True)
class Script:
    """One bundled font family: its family name inside the font, its files by weight, and the Noto fonts they come from."""

    name: str
    family: str
    files: dict
    sources: dict          # weight -> (source font file, family inside a collection or "")

    def path(self, root: Path, weight: int) -> Path:
        return Path(root) / FONT_DIR / self.files[weight]


SCRIPTS = {
    "latin": Script("latin", "Noto Sans",
                    {400: "card-latin-regular.ttf", 700: "card-latin-bold.ttf"},
                    {400: (NOTO_CORE / "NotoSans-Regular.ttf", ""), 700: (NOTO_CORE / "NotoSans-Bold.ttf", "")}),
    "arabic": Script("arabic", "Noto Sans Arabic",
                     {400: "card-arabic-regular.ttf", 700: "card-arabic-bold.ttf"},
                     {400: (NOTO_CORE / "NotoSansArabic-Regular.ttf", ""),
                      700: (NOTO_CORE / "NotoSansArabic-Bold.ttf", "")}),
    "cjk": Script("cjk", "Noto Sans CJK SC",
                  {400: "card-cjk-sc-regular.ttf", 700: "card-cjk-sc-bold.ttf"},
                  {400: (NOTO_CJK / "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
                   700: (NOTO_CJK / "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC")}),
    "cjk_tc": Script("cjk_tc", "Noto Sans CJK TC",
                     {400: "card-cjk-tc-regular.ttf", 700: "card-cjk-tc-bold.ttf"},
                     {400: (NOTO_CJK / "NotoSansCJK-Regular.ttc", "Noto Sans CJK TC"),
                      700: (NOTO_CJK / "NotoSansCJK-Bold.ttc", "Noto Sans CJK TC")}),
    "cjk_kr": Script("cjk_kr", "Noto Sans CJK KR",
                     {400: "card-cjk-kr-regular.ttf", 700: "card-cjk-kr-bold.ttf"},
                     {400: (NOTO_CJK / "NotoSansCJK-Regular.ttc", "Noto Sans CJK KR"),
                      700: (NOTO_CJK / "NotoSansCJK-Bold.ttc", "Noto Sans CJK KR")}),
}


def scripts_for(lang: str) -> list[Script]:
    """The font families, in CSS order, for text in `lang`."""
    return [SCRIPTS[name] for name in writing(lang).fonts]


def check_coverage(root: Path, printed: Iterable[tuple[str, Words]]):
    """Every character a card prints is in a bundled font of its language, in every weight."""
    cmaps = _cmaps(root)
    for card, words in printed:
        fonts = scripts_for(words.lang)
        for weight in WEIGHTS:
            missing = [script for script in fonts if cmaps[(script.name, weight)] is None]
            if missing:
                raise DataError(f"{where(card, words.lang)}, field {words.field}: the bundled font "
                                f"{(FONT_DIR / missing[0].files[weight]).as_posix()} is missing: "
                                f"run scripts/subset_fonts.py")
            covered = set().union(*(cmaps[(script.name, weight)] for script in fonts))
            for char in words.text:
                if char != "\n" and ord(char) not in covered:
                    files = ", ".join(script.files[weight] for script in fonts)
                    raise DataError(f"{where(card, words.lang)}, field {words.field}: character {char!r} "
                                    f"(U+{ord(char):04X}) is not in the bundled fonts ({FONT_DIR.as_posix()}/"
                                    f"{{{files}}}): run scripts/subset_fonts.py")


def script_of(lang: str) -> str:
    """The main script of `lang`: which type sizes cards/cards.typ uses for it."""
    return writing(lang).fonts[0]


def families(lang: str) -> list[str]:
    """Font families for text in `lang`, first choice first (bundled families only)."""
    return [script.family for script in scripts_for(lang)]


# --- Helper functions --------------------------------------------------------

def _cmaps(root: Path) -> dict:
    """Characters of each bundled font, by (script, weight); None for a missing file."""
    out = {}
    for script in SCRIPTS.values():
        for weight in WEIGHTS:
            path = script.path(root, weight)
            out[(script.name, weight)] = set(TTFont(path, lazy=True).getBestCmap()) if path.exists() else None
    return out
