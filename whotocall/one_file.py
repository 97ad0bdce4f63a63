"""The whole guide in one language as one HTML file, to send in a chat app or keep in a phone's files.

A finishing step (whotocall/finish.py, before the file sizes): for each language,
downloads/who-to-call-<lang>.html holds the content of every page of that
language in the order of the nav, from the finished site: links between pages
become in-file anchors (#page-<slug>, #<slug>--<id>), every id is prefixed with
its page so none repeats, links to files (PDFs, the zip) and to other languages
point at the hosted site, scripts, images, the "keep on this phone" buttons and
the download page are left out, sizes of downloads are written in, and a small stylesheet of its own is inline. No script is needed:
the quiz answers open with <details>. Over BUDGET bytes stops the build.
"""
from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup, escape

from . import languages
from .data import Catalog, DataError, _read_mkdocs_yml

FOLDER = "downloads"
# 150 KB held the first five languages (the largest, Arabic, 136 KB). Cyrillic and Persian letters
# take two bytes each in UTF-8: the Russian copy came to 150.9 KB with nothing extra in it.
BUDGET = 160_000
STYLE = Path(__file__).resolve().parent / "one_file_assets" / "one-file.css"

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
# Left out: scripts, images (the card previews; their words are text beside them), the keep buttons.
_DROP = [re.compile(p, re.S) for p in (r"<script\b.*?</script>", r'<details class="wtc-cards-printed">.*?</details>',
                                         r'<div class="wtc-keep".*?</div>', r'<p class="wtc-keep-prompt".*?</p>', r"<img\b[^>]*>", r'<a class="headerlink"[^>]*>.*?</a>')]
_SLOT = re.compile(r'<span data-wtc-size-of="([^"]+)"></span>')
# Pages left out: the download page is about getting files from the site (its links go there instead).
LEFT_OUT = ("download",)
_IDS = re.compile(r'(\s(?:id|for|name|aria-labelledby|aria-describedby|aria-controls)=")([^"]*)(")')
_HREF = re.compile(r'(\shref=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def file_name(lang: str) -> str:
    return f"who-to-call-{lang}.html"


# --- Steps -------------------------------------------------------------------

def one_files(root: Path, site: Path, catalog: Catalog):
    """Write downloads/who-to-call-<lang>.html for every language."""
    from .card_pdfs import site_url_from_config
    from .keep import site_names
    from .render import renderer_once
    renderer = renderer_once(catalog)
    site_url = site_url_from_config(root)
    slugs = [slug for slug in nav_slugs(root) if slug not in LEFT_OUT]
    style = re.sub(r"/\*.*?\*/|\n", "", STYLE.read_text(encoding="utf-8"))
    style_hash = "'sha256-" + base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode() + "'"
    names = site_names(root)
    (site / FOLDER).mkdir(parents=True, exist_ok=True)
    for lang in languages.languages(root):
        pages = [page_content(site, lang, slug, slugs, site_url) for slug in slugs]
        html = str(renderer.render("one_file.html", lang.code, block=False, dir=lang.dir, title=names[lang.code],
                                   pages=pages, style=Markup(style), style_hash=Markup(style_hash),
                                   newer=_newer(renderer, lang.code, urljoin(site_url, lang.folder)),
                                   date=renderer.date(lang.code, catalog.last_checked())))
        size = len(html.encode("utf-8"))
        if size > BUDGET:
            raise DataError(f"one-file copy: {file_name(lang.code)} is {size} bytes, over its {BUDGET}-byte budget. "
                            f"Shorten the pages of '{lang.code}' or leave more out (whotocall/one_file.py).")
        (site / FOLDER / file_name(lang.code)).write_text(html, encoding="utf-8")


# --- Helper functions --------------------------------------------------------

def _newer(renderer, lang: str, url: str) -> Markup:
    """Where the newest facts are, the address kept left to right in a right-to-left text."""
    return escape(renderer.t(lang, "one_file.newer")).format(url=Markup('<bdi dir="ltr">{}</bdi>').format(url))


def _size(site: Path, target: str, lang) -> str:
    """A download's size written the reader's way (the cards' PDFs and the vCards exist by now)."""
    from .file_sizes import size_text
    if not (site / target).is_file():
        raise DataError(f"one-file copy: a page gives the size of {target}, which is not made before the one-file "
                        f"copies; leave that page out (LEFT_OUT in whotocall/one_file.py) or make the file first.")
    return size_text((site / target).stat().st_size, lang.babel)


def nav_slugs(root: Path) -> list[str]:
    """Page slugs in the order of mkdocs.yml's nav."""
    slugs = []
    for entry in _read_mkdocs_yml(root).get("nav", []):
        path = entry if isinstance(entry, str) else next(iter(entry.values()))
        slugs.append(path.removesuffix(".md"))
    return slugs


def page_content(site: Path, lang, slug: str, slugs: list[str], site_url: str) -> dict:
    """One page's content, made to live inside the one file."""
    relative = lang.file(slug)
    found = _ARTICLE.search((site / relative).read_text(encoding="utf-8"))
    if not found:
        raise DataError(f"one-file copy: {relative} has no Material <article>; did the theme change?")
    html = found.group(1)
    for pattern in _DROP:
        html = pattern.sub("", html)
    html = _SLOT.sub(lambda m: _size(site, m.group(1), lang), html)
    prefix = "index" if slug == "index" else slug
    html = _IDS.sub(lambda m: m.group(1) + " ".join(f"{prefix}--{v}" for v in m.group(2).split()) + m.group(3), html)
    page_url = lang.page(slug)

    def link(match):
        return match.group(1) + in_file(match.group(2), page_url, lang, slugs, site_url) + match.group(3)

    html = _HREF.sub(link, html)
    html = re.sub(r"\n\s*\n+", "\n", html).strip()
    title = _TITLE.search(html)
    return {"slug": prefix, "title": Markup(re.sub(r"<[^>]+>", "", title.group(1)) if title else slug),
            "html": Markup(html)}


def in_file(href: str, page_url: str, lang, slugs: list[str], site_url: str) -> str:
    """Where a link in a page points inside the one file (or on the hosted site)."""
    if not href or _SCHEME.match(href) or href.startswith("//"):
        return href
    path, _, fragment = href.partition("#")
    this = "index" if page_url == lang.folder else page_url[len(lang.folder):].strip("/")
    if not path:
        return f"#{this}--{fragment}" if fragment else f"#page-{this}"
    target = posixpath.normpath(posixpath.join("/" + page_url, path)).strip("/")
    pages = {lang.page(slug).rstrip("/"): ("index" if slug == "index" else slug) for slug in slugs}
    if target in pages:
        return f"#{pages[target]}--{fragment}" if fragment else f"#page-{pages[target]}"
    return urljoin(site_url, target + ("/" if path.endswith("/") else "")) + (f"#{fragment}" if fragment else "")
