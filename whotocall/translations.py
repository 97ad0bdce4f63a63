"""Translation status: which pages and words each language has, and which are outdated.

A translation records the hash of the English it was made from in
data/translations.yml (`scripts/translation_status.py --mark LANG` writes it).
When the English page or string changes, its hash no longer matches and the
translation counts as outdated until a translator updates it and marks again.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .data import DataError, read_yaml, site_languages, text_keys

LOCK = Path("data") / "translations.yml"


@dataclass
class Status:
    """One language's translation state."""

    lang: str
    pages_total: int
    pages_done: int
    words_total: int
    words_done: int
    missing_pages: list[str] = field(default_factory=list)
    outdated_pages: list[str] = field(default_factory=list)
    missing_words: list[str] = field(default_factory=list)
    outdated_words: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not (self.missing_pages or self.outdated_pages or self.missing_words or self.outdated_words)


def digest(text: str) -> str:
    """Short, stable hash of an English source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def english_pages(root: Path) -> dict[str, str]:
    """English page slug -> hash of its Markdown source."""
    return {p.stem: digest(p.read_text(encoding="utf-8"))
            for p in sorted((root / "docs").glob("*.md")) if "." not in p.stem}


def english_words(root: Path) -> dict[str, str]:
    """English words key -> hash of its text."""
    tree = read_yaml(root / "data" / "text" / "en.yml", root)
    return {key: digest(str(value)) for key, value in text_keys(tree).items()}


def check_orphans(root: Path, languages: list[str]):
    """A translated page needs an English page, and a language code must be configured."""
    english = english_pages(root)
    for page in sorted((root / "docs").glob("*.*.md")):
        slug, lang = page.stem.rsplit(".", 1)
        if lang not in languages:
            raise DataError(f"docs/{page.name}: unknown language code '{lang}' (configured: "
                            f"{', '.join(languages)}). Rename the file or add the language to mkdocs.yml.")
        if slug not in english:
            raise DataError(f"docs/{page.name}: translation of a page that does not exist in English "
                            f"(no docs/{slug}.md) for language '{lang}'. Rename it to an English page's "
                            f"name or remove it.")


def status(root: Path) -> list[Status]:
    """The status of every configured language, English first."""
    languages = site_languages(root, shipped_only=False)
    check_orphans(root, languages)
    lock = (read_yaml(root / LOCK, root) or {}) if (root / LOCK).exists() else {}
    pages, words = english_pages(root), english_words(root)
    result = []
    for lang in languages:
        if lang == languages[0]:
            result.append(Status(lang, len(pages), len(pages), len(words), len(words)))
            continue
        done = lock.get(lang) or {}
        item = Status(lang, len(pages), 0, len(words), 0)
        for slug, current in pages.items():
            if not (root / "docs" / f"{slug}.{lang}.md").exists():
                item.missing_pages.append(slug)
                continue
            item.pages_done += 1
            if (done.get("pages") or {}).get(slug) != current:
                item.outdated_pages.append(slug)
        path = root / "data" / "text" / f"{lang}.yml"
        translated = text_keys(read_yaml(path, root) or {}) if path.exists() else {}
        english_text = text_keys(read_yaml(root / "data" / "text" / "en.yml", root))
        for key, current in words.items():
            value = translated.get(key)
            if value is None or (english_text[key] and not str(value).strip()):
                item.missing_words.append(key)
                continue
            item.words_done += 1
            if (done.get("words") or {}).get(key) != current:
                item.outdated_words.append(key)
        result.append(item)
    return result


def mark(root: Path, lang: str):
    """Record that `lang`'s present pages and words are translated from today's English."""
    languages = site_languages(root, shipped_only=False)
    if lang not in languages[1:]:
        raise DataError(f"--mark: unknown language code '{lang}'; use one of {', '.join(languages[1:])}.")
    path = root / LOCK
    lock = (read_yaml(path, root) or {}) if path.exists() else {}
    pages = {slug: h for slug, h in english_pages(root).items() if (root / "docs" / f"{slug}.{lang}.md").exists()}
    text_path = root / "data" / "text" / f"{lang}.yml"
    translated = text_keys(read_yaml(text_path, root)) if text_path.exists() else {}
    words = {key: h for key, h in english_words(root).items() if key in translated}
    lock[lang] = {"pages": pages, "words": words}
    header = ("# Which English each translation was made from (hash of the English page or string).\n"
              "# Written by `scripts/translation_status.py --mark LANG`; do not edit by hand.\n")
    path.write_text(header + yaml.safe_dump(lock, allow_unicode=True, sort_keys=True, width=200), encoding="utf-8")
