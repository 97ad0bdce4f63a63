"""Cut the card fonts down to the characters the cards and flyers print, in every language.

Reads every card and flyer text from data/ (through whotocall.cards), takes
Debian's Noto fonts (packages fonts-noto-core and fonts-noto-cjk) and writes
small TrueType subsets (Typst reads TTF and OTF, not WOFF2) and their licence to cards/fonts/. Run it after
changing card or flyer words: the build stops and says so when a card prints
a character the bundled fonts lack. The same input gives the same files.

Usage: python scripts/subset_fonts.py
"""
from __future__ import annotations

import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fontTools import subset  # noqa: E402
from fontTools.pens.cu2quPen import Cu2QuPen  # noqa: E402
from fontTools.pens.ttGlyphPen import TTGlyphPen  # noqa: E402
from fontTools.ttLib import TTCollection, TTFont, newTable  # noqa: E402

from whotocall.card_fonts import FONT_DIR, LICENCE, SCRIPTS, WEIGHTS, scripts_for  # noqa: E402
from whotocall.cards import printed_words  # noqa: E402
from whotocall.data import DataError, load_catalog, site_languages  # noqa: E402
from whotocall.render import Renderer  # noqa: E402

# Kept in every font: web addresses, digits and dates of any month, whatever the data says today.
ALWAYS = set(string.printable) - set("\t\n\r\x0b\x0c")
LICENCE_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")   # Debian's copy of the OFL 1.1 text


def main() -> int:
    try:
        catalog = load_catalog(ROOT)
    except DataError as err:
        print(f"SUBSET FAILED: {err}", file=sys.stderr)
        return 1
    languages = site_languages(ROOT)
    wanted = {name: set(ALWAYS) for name in SCRIPTS}
    for lang in languages:
        text = "".join(words.text for _, words in printed_words(catalog, lang, languages[0]))
        text += "".join(_month_dates(catalog, lang))
        for script in scripts_for(lang):
            wanted[script.name] |= set(text) - {"\n"}
    out = ROOT / FONT_DIR
    out.mkdir(parents=True, exist_ok=True)
    notices = []
    for script in SCRIPTS.values():
        for weight in WEIGHTS:
            source, family = script.sources[weight]
            if not source.exists():
                print(f"SUBSET FAILED: {source} is missing: install Debian's fonts-noto-core and fonts-noto-cjk "
                      f"(apt-get install fonts-noto-core fonts-noto-cjk).", file=sys.stderr)
                return 1
            font = _open(source, family)
            notices.append((script.files[weight], font["name"].getDebugName(4), font["name"].getDebugName(0)))
            _subset(font, wanted[script.name])
            if "CFF " in font:
                _cff_to_truetype(font)   # one outline format for every bundled file (.ttf)
            target = out / script.files[weight]
            font.save(target)
            print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1024:.1f} KB, "
                  f"{len(font.getBestCmap())} characters")
    (out / LICENCE).write_text(_licence(notices), encoding="utf-8")
    print(f"{(out / LICENCE).relative_to(ROOT)}: written")
    return 0


# --- Helper functions --------------------------------------------------------

def _month_dates(catalog, lang: str) -> list[str]:
    """"Facts last checked" with a date in each month, so a new check date never needs a new glyph."""
    renderer = Renderer(catalog)
    return [renderer.t(lang, "ui.last_checked", date=renderer.date(lang, f"2000-{month:02d}-28"))
            for month in range(1, 13)]


def _open(source: Path, family: str) -> TTFont:
    """One font from a file or from a collection (.ttc) by family name; timestamps kept for reproducible files."""
    if source.suffix != ".ttc":
        return TTFont(source, recalcTimestamp=False)
    for index, font in enumerate(TTCollection(source).fonts):
        if font["name"].getDebugName(1) == family:
            return TTFont(source, fontNumber=index, recalcTimestamp=False)
    raise SystemExit(f"SUBSET FAILED: {source} has no font named {family!r}.")


def _subset(font: TTFont, characters: set[str]):
    """Keep only `characters` (and what shaping them needs: Arabic joining forms, marks, kerning)."""
    options = subset.Options()
    options.hinting = False               # PDFs do not use hinting
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]   # keep copyright and licence fields (OFL)
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in characters))
    subsetter.subset(font)


def _cff_to_truetype(font: TTFont, max_error: float = 1.0):
    """Replace CFF outlines with TrueType quadratic ones (fontTools' otf2ttf recipe)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_error, reverse_direction=True))
        glyf[name] = pen.glyph()
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 3.0, [], {}
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _licence(notices: list[tuple[str, str, str]]) -> str:
    """OFL.txt: which file comes from which Noto font with its copyright, then the licence text."""
    lines = ["Fonts in this folder are subsets of Google's Noto fonts, made by scripts/subset_fonts.py",
             "and used only inside the card and flyer PDFs.", ""]
    for file, name, copyright_line in notices:
        lines.append(f"{file}: subset of {name}. {copyright_line}")
    lines += ["", "This Font Software is licensed under the SIL Open Font License, Version 1.1.", "",
              _ofl_text()]
    return "\n".join(lines).rstrip() + "\n"


def _ofl_text() -> str:
    """The OFL 1.1 text from Debian's copyright file (installed with fonts-noto-cjk)."""
    text = LICENCE_SOURCE.read_text(encoding="utf-8")
    start = text.index("\nLicense: SIL-1.1\n ") + len("\nLicense: SIL-1.1\n")
    body = []
    for line in text[start:].splitlines():
        if not line.startswith(" "):
            break
        body.append("" if line == " ." else line[1:])
    return "\n".join(body)


if __name__ == "__main__":
    sys.exit(main())
