"""The fonts of the card and flyer PDFs: bundled Noto subsets, one family per script.

The PDFs must look the same whatever fonts a machine has, so Chromium sees
only these files (card_pdfs.py hides the system's fonts from it).
scripts/subset_fonts.py makes them from Debian's Noto packages, cut down to
the characters the cards print; check_coverage() stops the build when a card
would print a character a bundled font lacks (it would vanish or show a box).
"""
from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from fontTools.ttLib import TTFont

from .cards import Words, where
from .data import DataError

FONT_DIR = Path("cards") / "fonts"
LICENCE = "OFL.txt"
WEIGHTS = (400, 700)
NOTO_CORE = Path("/usr/share/fonts/truetype/noto")   # Debian: fonts-noto-core
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")    # Debian: fonts-noto-cjk


@dataclass(frozen=True)
class Script:
    """One bundled font family: its CSS name, its files by weight, and the Noto fonts they come from."""

    name: str
    family: str
    files: dict
    sources: dict          # weight -> (source font file, family inside a collection or "")

    def path(self, root: Path, weight: int) -> Path:
        return Path(root) / FONT_DIR / self.files[weight]


SCRIPTS = {
    "latin": Script("latin", "WTC Card Latin",
                    {400: "card-latin-regular.woff2", 700: "card-latin-bold.woff2"},
                    {400: (NOTO_CORE / "NotoSans-Regular.ttf", ""), 700: (NOTO_CORE / "NotoSans-Bold.ttf", "")}),
    "arabic": Script("arabic", "WTC Card Arabic",
                     {400: "card-arabic-regular.woff2", 700: "card-arabic-bold.woff2"},
                     {400: (NOTO_CORE / "NotoSansArabic-Regular.ttf", ""),
                      700: (NOTO_CORE / "NotoSansArabic-Bold.ttf", "")}),
    "cjk": Script("cjk", "WTC Card CJK SC",
                  {400: "card-cjk-sc-regular.woff2", 700: "card-cjk-sc-bold.woff2"},
                  {400: (NOTO_CJK / "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
                   700: (NOTO_CJK / "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC")}),
}
# The scripts a language's text is set in, first choice first. Latin comes last
# everywhere: dial strings and web addresses are Latin in every language.
LANGUAGE_SCRIPTS = {"ar": ("arabic", "latin"), "zh": ("cjk", "latin")}


def scripts_for(lang: str) -> list[Script]:
    """The font families, in CSS order, for text in `lang`."""
    return [SCRIPTS[name] for name in LANGUAGE_SCRIPTS.get(lang, ("latin",))]


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


def font_faces(root: Path) -> list[dict]:
    """@font-face values for the card HTML: family, weight and the font as a data: URL."""
    faces = []
    for script in SCRIPTS.values():
        for weight in WEIGHTS:
            data = _read(root, script, weight)
            faces.append({"family": script.family, "weight": weight,
                          "url": "data:font/woff2;base64," + base64.b64encode(data).decode("ascii")})
    return faces


def families(lang: str) -> list[str]:
    """CSS font-family list for text in `lang` (bundled families only)."""
    return [script.family for script in scripts_for(lang)]


# --- Helper functions --------------------------------------------------------

def _read(root: Path, script: Script, weight: int) -> bytes:
    try:
        return script.path(root, weight).read_bytes()
    except FileNotFoundError:
        raise DataError(f"{(FONT_DIR / script.files[weight]).as_posix()}: the bundled {script.name} card font "
                        f"is missing: run scripts/subset_fonts.py") from None


def _cmaps(root: Path) -> dict:
    """Characters of each bundled font, by (script, weight); None for a missing file."""
    out = {}
    for script in SCRIPTS.values():
        for weight in WEIGHTS:
            path = script.path(root, weight)
            out[(script.name, weight)] = set(TTFont(path, lazy=True).getBestCmap()) if path.exists() else None
    return out
