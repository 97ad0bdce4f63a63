"""What the site is made of, read from the sources (never from the build output)."""
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent


def english_slugs() -> list[str]:
    """Every English page's slug (docs/<slug>.md without a language suffix)."""
    return sorted(p.stem for p in (ROOT / "docs").glob("*.md") if "." not in p.stem)


def page_path(site: Path, lang: str, slug: str, default: str = "en") -> Path:
    """Where the built HTML of a page lives (directory URLs)."""
    folder = site if lang == default else site / lang
    return folder / "index.html" if slug == "index" else folder / slug / "index.html"


def page_url(base: str, lang: str, slug: str, default: str = "en") -> str:
    """The served URL of a page."""
    prefix = base if lang == default else f"{base}{lang}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"


def soup(path: Path) -> BeautifulSoup:
    """A built page, parsed."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
