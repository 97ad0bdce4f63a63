"""The Chinese search dictionary: the words of jieba's dictionary that our Chinese text contains.

Material's search plugin splits Chinese text into words with jieba, whose full
dictionary (349,000 words) takes most of a second to load in every build. Only
the dictionary words that occur inside our own Chinese text can change how that
text is split, so data/search/zh-words.txt keeps just those, with their
frequencies, plus one filler entry that keeps jieba's total frequency the same:
the pages are split exactly as with the full dictionary (tests check it).

`scripts/translation_status.py` reports the file as outdated when the Chinese
text changes; `--mark zh` writes it again.
"""
from __future__ import annotations

import re
from pathlib import Path

WORDS_FILE = Path("data") / "search" / "zh-words.txt"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
# A private-use character, never in any text: it carries the frequency of every word left out,
# so each kept word has the same probability as in the full dictionary.
FILLER = "\ue000"


def chinese_text(root: Path) -> list[str]:
    """Every run of Chinese characters in the pages, the words files and mkdocs.yml, sorted, once each."""
    root = Path(root)
    files = [*sorted((root / "docs").rglob("*.md")), *sorted((root / "data").rglob("*.yml")), root / "mkdocs.yml"]
    runs = set()
    for path in files:
        runs.update(HAN.findall(path.read_text(encoding="utf-8")))
    return sorted(runs)


def full_dictionary() -> Path:
    """jieba's own dictionary file."""
    import jieba
    return Path(jieba.__file__).parent / "dict.txt"


def reduced_dictionary(runs: list[str]) -> str:
    """The lines of jieba's dictionary whose word occurs in `runs`, and the filler line."""
    entries, total, longest = [], 0, 0
    with open(full_dictionary(), encoding="utf-8") as handle:
        for line in handle:
            word, freq = line.split(" ")[:2]
            entries.append((word, int(freq)))
            total += int(freq)
            longest = max(longest, len(word))
    inside = {run[start:end] for run in runs for start in range(len(run))
              for end in range(start + 1, min(len(run), start + longest) + 1)}
    known = dict(entries)
    kept = {word: freq for word, freq in entries if word in inside}
    kept.update(traditional_words(runs, known, longest))
    kept = sorted(kept.items())
    filler = total - sum(freq for _, freq in kept)
    return "".join(f"{word} {freq}\n" for word, freq in kept) + f"{FILLER} {filler}\n"


def traditional_words(runs: list[str], known: dict[str, int], longest: int) -> dict[str, int]:
    """Words of the Traditional Chinese text, with the frequency of their Simplified form.

    jieba's dictionary is nearly all Simplified, so "我是聾人" split into 我/是/聾/人 and a
    query for 聾人 found nothing. Each run is converted to Simplified (OpenCC, which keeps one
    character for one) only to find its words; each dictionary word found there gives the
    Traditional characters at the same place, as a word of the same frequency. Simplified text
    converts to itself and gains nothing, so the Simplified pages split as before.
    """
    from opencc import OpenCC
    to_simplified = OpenCC("t2s")
    found = {}
    for run in runs:
        simple = to_simplified.convert(run)
        if simple == run or len(simple) != len(run):
            continue
        for start in range(len(run)):
            for end in range(start + 1, min(len(run), start + longest) + 1):
                word = run[start:end]
                if word != simple[start:end] and simple[start:end] in known and word not in known:
                    found[word] = known[simple[start:end]]
    return found


def write(root: Path) -> Path:
    """Write data/search/zh-words.txt for the current Chinese text."""
    target = Path(root) / WORDS_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(reduced_dictionary(chinese_text(root)), encoding="utf-8")
    return target


def outdated(root: Path) -> bool:
    """True when data/search/zh-words.txt is missing or was made from other Chinese text."""
    target = Path(root) / WORDS_FILE
    return not target.exists() or target.read_text(encoding="utf-8") != reduced_dictionary(chinese_text(root))
