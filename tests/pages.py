"""What the site is made of, read from the sources (never from the build output)."""
import gc
from pathlib import Path

from bs4 import BeautifulSoup

from whotocall import languages

ROOT = Path(__file__).resolve().parent.parent


def english_slugs() -> list[str]:
    """Every English page's slug (docs/<slug>.md without a language suffix)."""
    return sorted(p.stem for p in (ROOT / "docs").glob("*.md") if "." not in p.stem)


def page_path(site: Path, lang: str, slug: str) -> Path:
    """Where the built HTML of a page lives (directory URLs)."""
    return site / languages.get(lang, ROOT).file(slug)


def page_url(base: str, lang: str, slug: str) -> str:
    """The served URL of a page."""
    return base + languages.get(lang, ROOT).page(slug)


def folder(site: Path, lang: str) -> Path:
    """A language's folder in the built site (or the offline edition)."""
    return site / languages.get(lang, ROOT).folder


_PARSED: dict = {}     # (path, mtime, size) -> parsed page
_KEEP = 800            # pages kept parsed per test process (about 0.6 MB each)


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed once per test process: a dozen tests read every page of every language.
    Read only (no test changes a tree); a file written again is parsed again."""
    stat = Path(path).stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        if len(_PARSED) >= _KEEP:
            gc.unfreeze()           # the pages dropped here can be collected again
            _PARSED.clear()
        _PARSED[key] = BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")
        # A parsed page is about 3,000 objects linked both ways (parent, siblings) that live for the
        # whole run: frozen, Python's cycle collector stops walking them in every full collection
        # (before: 18 CPU-s of a run in full collections, and several seconds at each worker's exit).
        gc.freeze()
    return _PARSED[key]
