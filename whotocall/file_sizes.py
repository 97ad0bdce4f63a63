"""File sizes in pages: the one way a page says how big a download is.

A component asks for a size with `r.file_size("downloads/<name>")`, which
renders an empty `<span data-wtc-size-of="downloads/<name>"></span>` (the file
does not exist yet when MkDocs renders pages). Once the site is finished
(hooks/finish_site.py), `write_sizes` replaces each such span with the size of
that file in the page's language ("52 kB", "1.5 MB"). The span is empty, so
search indexes and an unfinished page show nothing rather than a stand-in word.
"""
from __future__ import annotations

import re
from pathlib import Path

from babel.units import format_unit
from markupsafe import Markup, escape

from . import languages
from .data import DataError

_SLOT = re.compile(r'<span data-wtc-size-of="([^"]+)"></span>')


def slot(target: str) -> Markup:
    """The empty element a page carries where the size of `target` (a site-root path) goes."""
    return Markup('<span data-wtc-size-of="{}"></span>').format(target)


def size_text(size: int, locale: str) -> str:
    """A file size written the reader's way: whole kilobytes under 1 MB, else megabytes to one decimal."""
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", locale=locale, length="short")
    return format_unit(round(size / 1_000_000, 1), "digital-megabyte", locale=locale, length="short")


def write_sizes(site: Path, root: Path, required: bool = True) -> list[str]:
    """Fill every size slot in the site's pages whose file exists; the slots left, as "page: file".

    required=True: a slot whose file does not exist stops the build (DataError).
    """
    site = Path(site)
    left = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-wtc-size-of=" not in text:
            continue
        relative = page.relative_to(site).as_posix()
        locale = languages.of_path(relative, root).babel

        def fill(match, relative=relative, locale=locale):
            target = site / match.group(1)
            if not target.is_file():
                left.append(f"{relative}: {match.group(1)}")
                return match.group(0)
            return str(escape(size_text(target.stat().st_size, locale)))

        page.write_text(_SLOT.sub(fill, text), encoding="utf-8")
    if required and left:
        raise DataError(f"file sizes: these pages give the size of a file the build did not make: {'; '.join(left)}. "
                        f"Check the file names (whotocall/cards.py for PDFs, whotocall/offline.py for the zip).")
    return left


def sentence(words: str, target: str) -> Markup:
    """Translated words with a {size} placeholder (escaped), the size slot of `target` in its place."""
    return escape(words).format(size=slot(target))
