"""How each language's search index is set up: lunr settings per language and page ranking.

Material ships, per language, lunr settings that keep only the stop-word filter (no stemming:
"sordo" never found "sordas", Arabic "انتحار" never found "الانتحار") and split words on spaces
and hyphens only (so "police," and "(911)" were index words). Here each language gets the
stemmer lunr-languages has for it, a separator that also splits on punctuation, and the page
boosts of data/search/ranking.yml. Queries are rewritten in the page to match
(docs/assets/javascripts/search-query.js): stemmed whole words, a prefix for the word being
typed, edit distance 1 for longer words, phone numbers as their digit groups.
"""
from __future__ import annotations

from pathlib import Path

from .data import DataError, read_yaml

RANKING = Path("data") / "search" / "ranking.yml"

# What each lunr-languages stemmer Material 9.8 ships does (checked in Node with its files):
#   en (lunr's Porter stemmer): lawyers→lawyer, calling/called→call, suicidal→suicid; not irregular
#      forms (stole/stolen/theft stay apart: the everyday words on the pages cover those).
#   es (Snowball): sordo/sordas→sord, robaron/robo/robado→rob, llamé/llamada→llam.
#   ar (lunr.ar): strips the article and attached prefixes and suffixes: الانتحار, بالانتحار,
#      والانتحار, للانتحار → انتحار; الشرطة, بالشرطة → شرط; سرقة, سرقت → سرق.
#   vi: lunr.vi has no stemmer (Vietnamese words do not inflect); its trimmer's letter range
#      misses precomposed letters (it would cut "tử" to "t"), so it is left out.
#   zh: split into words at build time (jieba); lunr.zh needs jieba in the browser, so Material's
#      English settings stay (the stemmer only touches Latin words in Chinese text).
#   ru, fr, pt (Snowball): полиции/полицию→полиц, avocats→avocat, advogados→advog.
#   ko: lunr.ko has stop words and no stemmer: particles stay on the word (경찰이, 경찰에게);
#      search-query.js takes the particle off a typed Korean word and matches it as a prefix.
#   tl, ht, fa: lunr-languages has none; no stemmer and no stop words (an English list would
#      drop Tagalog "at" and Kreyòl "a"); whole words and prefixes only.
PIPELINES = {
    "en": ["stopWordFilter", "stemmer"],
    "es": ["stopWordFilter", "stemmer"],
    "ar": ["stopWordFilter", "stemmer"],
    "vi": ["stopWordFilter"],
    "ko": ["stopWordFilter"],
    "ru": ["stopWordFilter", "stemmer"],
    "fr": ["stopWordFilter", "stemmer"],
    "pt": ["stopWordFilter", "stemmer"],
    "tl": [],
    "ht": [],
    "fa": [],
}
# Spaces, hyphens and punctuation (Spanish ¿¡, Arabic ، ؛ ؟), and a full stop not inside a number.
# The trimmers are not used: lunr.es and lunr.ar's drop digits, so "(911)" would vanish.
SEPARATOR = r'(?:[\s\-,:;!?¿¡()\[\]{}"“”«»/…،؛؟]|\.(?!\d))+'
# French writes "le", "de" onto the next word ("l'immigration", "d'urgence"): split there too, or
# "immigration" would not find it. Not in English ("don't" would become "don" and "t").
SPLIT_AT_APOSTROPHE = {"fr"}
SEPARATOR_APOSTROPHE = SEPARATOR.replace("«»", "«»'’")
# A word in a title counts 3 times a word in the text. Material's 1000 let one title word beat
# any text: "wellness check" found "What if I do not speak English well?" (stem "well") first.
# Measured on tests/search_queries.yml (scripts/search_quality.py): 1000 and 10 gave top-1
# 76-88%, 3 gave 88-94%, 1 and 2 lost again (README, Search).
TITLE_BOOST = 3
# Material multiplies a page's opening text by 2.5 to 5 against its sections (its "+!doc.parent"
# boost), so a page whose title held one query word beat the section that held them all
# ("发短信给911" found "What happens when I call 911?" before "Can I text 911?"). Halved here;
# measured: 1 and 0.7 left Chinese at 88% top-1, 0.5 to 0.25 gave 94-100% in every language.
INTRO_BOOST = 0.5


# --- Settings ----------------------------------------------------------------

def settings(code: str, material: dict) -> dict:
    """One language's lunr settings: Material's (language, separator, pipeline) with ours on top."""
    fields = {**material.get("fields", {}), "title": {"boost": TITLE_BOOST}}
    if code not in PIPELINES:        # Chinese (split at build time) and any language not yet checked
        return {**material, "fields": fields}
    separator = SEPARATOR_APOSTROPHE if code in SPLIT_AT_APOSTROPHE else SEPARATOR
    return {**material, "fields": fields, "separator": separator, "pipeline": PIPELINES[code]}


def page_boosts(root: Path) -> dict[str, float]:
    """Boost per page slug from data/search/ranking.yml (pages not listed: 1)."""
    path = Path(root) / RANKING
    data = read_yaml(path, root) or {}
    boosts = {}
    for slug, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("boost"), (int, float)) or not entry.get("why"):
            raise DataError(f"{RANKING}: page '{slug}' needs a number 'boost' and a one-line 'why'.")
        if not (Path(root) / "docs" / f"{slug}.md").exists():
            raise DataError(f"{RANKING}: '{slug}' is not a page (no docs/{slug}.md). Use the page's file name.")
        boosts[slug] = float(entry["boost"])
    return boosts


def rank(docs: list[dict], boosts: dict[str, float]) -> list[dict]:
    """The index entries of one language with each page's boost on the page and its sections,
    and the page's opening text (the entry without #) at INTRO_BOOST."""
    ranked = []
    for doc in docs:
        slug = doc["location"].split("#")[0].strip("/") or "index"
        boost = boosts.get(slug, 1.0) * (1.0 if "#" in doc["location"] else INTRO_BOOST)
        ranked.append({**doc, "boost": boost} if boost != 1.0 else doc)
    return ranked
