"""Flesch-Kincaid grade level of English text, with syllables from pyphen's hyphenation dictionary."""
import re

import pyphen

_DIC = pyphen.Pyphen(lang="en_US")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SENTENCE_END = re.compile(r"[.!?:]+(\s|$)|\n")


def syllables(word: str) -> int:
    """Syllables in one word: hyphenation points + 1, at least 1."""
    parts = _DIC.inserted(word.lower().strip("'’-")).split("-")
    return max(1, len([p for p in parts if p]))


def grade(text: str) -> float:
    """US school grade needed to read `text` (Flesch-Kincaid)."""
    sentences = [s for s in _SENTENCE_END.split(text) if s and _WORD.search(s)]
    words = _WORD.findall(text)
    if not words or not sentences:
        return 0.0
    syllable_count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllable_count / len(words) - 15.59
