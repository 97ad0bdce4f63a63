"""The one authority for the site's languages and where each language's pages live.

Fed from two places only: the i18n `languages` list in mkdocs.yml (which
languages exist, which is the default, which ship) and the `language:` block of
each data/text/<lang>.yml (name, English name, direction). The rule "default
language at the site root, every other language under <lang>/" lives here and
nowhere else; hooks, macros, templates, build steps, scripts and tests ask.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.utils import get_relative_url

from .data import ROOT, DataError, read_yaml



@dataclass(frozen=True)
class Writing:
    """How a language is written, for the build steps that depend on it."""

    babel: str                  # Babel locale: dates, lists, language names and file sizes the reader's way
    fonts: tuple                # card font families (whotocall/card_fonts.SCRIPTS), first choice first
    search_words: str = ""      # in-page query helper: "zh" splits Chinese into the index's words,
                                # "marks" puts back the accents and tone marks readers leave out
    segmented: bool = False     # Chinese: the build splits the text into words (jieba), not lunr
    sentence_gap: str = " "     # between two sentences ("" in Chinese)
    lower_names: bool = False   # language names in lower case inside a sentence ("tiếng Anh")


# One entry per language of mkdocs.yml (tests/test_languages.py checks it). A new language
# adds its line here; Latin comes last in `fonts`: dial strings and addresses are Latin everywhere.
WRITING = {
    "en": Writing("en_US", ("latin",)),
    "es": Writing("es_US", ("latin",)),
    "zh": Writing("zh_Hans_CN", ("cjk", "latin"), search_words="zh", segmented=True, sentence_gap=""),
    "vi": Writing("vi_VN", ("latin",), search_words="marks", lower_names=True),
    "ar": Writing("ar", ("arabic", "latin")),
    "ko": Writing("ko_KR", ("cjk_kr", "latin")),
    "tl": Writing("fil_PH", ("latin",)),            # Babel has Filipino, the standard form of Tagalog
    "ru": Writing("ru_RU", ("latin",)),             # Noto Sans has Cyrillic too
    "ht": Writing("ht_HT", ("latin",), search_words="marks"),
    "fr": Writing("fr_FR", ("latin",), search_words="marks"),
    "pt": Writing("pt_BR", ("latin",), search_words="marks"),
    "zh-Hant": Writing("zh_Hant_TW", ("cjk_tc", "latin"), search_words="zh", segmented=True, sentence_gap=""),
    "fa": Writing("fa_IR", ("arabic", "latin")),    # Noto Sans Arabic has the Persian letters
}


def writing(code: str) -> Writing:
    """How `code` is written; a language missing from WRITING stops the build with what to add."""
    try:
        return WRITING[code]
    except KeyError:
        raise DataError(f"mkdocs.yml: language '{code}' has no line in WRITING (whotocall/languages.py): "
                        f"add its Babel locale, card fonts and search helper there.") from None


@dataclass(frozen=True)
class Language:
    """One site language: its code, names, direction and where its pages live."""

    code: str
    name: str            # in its own script ("Español")
    english_name: str    # what to tell a 911 call-taker ("Spanish")
    dir: str             # ltr | rtl
    default: bool
    shipped: bool        # build: true in mkdocs.yml

    @property
    def folder(self) -> str:
        """Where its pages live, relative to the site root: "" for the default language, else "<code>/"."""
        return "" if self.default else f"{self.code}/"

    @property
    def writing(self) -> Writing:
        """How it is written: Babel locale, card fonts, search helper, sentence gaps."""
        return writing(self.code)

    @property
    def babel(self) -> str:
        """Babel locale for dates and numbers."""
        return self.writing.babel

    @property
    def search(self) -> dict:
        """Its search index's lunr settings (language, separator, pipeline), as Material ships them."""
        from .material import search_settings
        return search_settings(self.code)

    def page(self, slug: str, directory_urls: bool = True) -> str:
        """Site-root path of one of its pages: "es/call-911/" ("" for the default home)."""
        if slug in ("", "index"):
            return self.folder if directory_urls else self.folder + "index.html"
        return self.folder + (f"{slug}/" if directory_urls else f"{slug}.html")

    def file(self, slug: str) -> str:
        """Where MkDocs writes one of its pages (directory URLs): "es/call-911/index.html"."""
        return self.page(slug) + "index.html"

    def link(self, slug: str, from_url: str, directory_urls: bool = True) -> str:
        """Relative link from the page at `from_url` to its page `slug` (works from file:// too)."""
        return get_relative_url(self.page(slug, directory_urls) or ".", from_url or ".")

    def home_url(self, site_url: str) -> str:
        """Full address of its home page (for the flyers' QR codes)."""
        from urllib.parse import urljoin
        return urljoin(site_url if site_url.endswith("/") else site_url + "/", self.folder)

    def home_path(self, site_url: str) -> str:
        """Server-absolute path of its home page, for pages served at any URL (404)."""
        from urllib.parse import urlsplit
        return urlsplit(site_url or "/").path.rstrip("/") + "/" + self.folder


# --- Lookups -----------------------------------------------------------------

def languages(root: Path = ROOT, shipped_only: bool = True) -> list[Language]:
    """The site's languages, the default first, then in mkdocs.yml order."""
    root = Path(root).resolve()
    # Keyed by the files' modification times, so `mkdocs serve` sees an edit.
    stamps = tuple(path.stat().st_mtime_ns if path.exists() else 0
                   for path in (root / "mkdocs.yml", *sorted((root / "data" / "text").glob("*.yml"))))
    return [lang for lang in _all(str(root), stamps) if lang.shipped or not shipped_only]


def codes(root: Path = ROOT, shipped_only: bool = True) -> list[str]:
    """Language codes, the default first."""
    return [lang.code for lang in languages(root, shipped_only)]


def default(root: Path = ROOT) -> Language:
    """The default language (its pages at the site root)."""
    return languages(root)[0]


def get(code: str, root: Path = ROOT) -> Language:
    """One language by code (shipped or not)."""
    for lang in languages(root, shipped_only=False):
        if lang.code == code:
            return lang
    raise DataError(f"'{code}' is not a language of the site. Add it to the i18n languages in mkdocs.yml.")


def of_path(relative: str | PurePosixPath, root: Path = ROOT) -> Language:
    """The language whose pages hold this site-relative path ("es/call-911/index.html" is Spanish)."""
    first = PurePosixPath(relative).parts[0] if PurePosixPath(relative).parts else ""
    for lang in languages(root):
        if not lang.default and lang.code == first:
            return lang
    return default(root)


# --- Helper functions --------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _all(root: str, stamps: tuple) -> tuple[Language, ...]:
    """Every configured language, read once per project folder."""
    from .data import _read_mkdocs_yml
    root_path = Path(root)
    entries = []
    for plugin in _read_mkdocs_yml(root_path).get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
    if not entries:
        entries = [{"locale": "en", "default": True}]
    ordered = sorted(entries, key=lambda item: not item.get("default", False))
    found = []
    for item in ordered:
        code = item["locale"]
        words = root_path / "data" / "text" / f"{code}.yml"   # may not exist yet for a language in progress
        block = ((read_yaml(words, root_path) or {}).get("language") or {}) if words.exists() else {}
        found.append(Language(code=code, name=block.get("name", item.get("name", code)),
                              english_name=block.get("english_name", code), dir=block.get("dir", "ltr"),
                              default=bool(item.get("default", False)) or item is ordered[0],
                              shipped=bool(item.get("build", True))))
    return tuple(found)
