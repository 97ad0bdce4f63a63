"""Search in a real browser returns only pages of the reader's language."""
import io
import itertools

import pytest

from tests.conftest import ROOT
from scripts.search_quality import SearchBox
from tests.pages import page_url

# A word each language's pages use, and a word that only another language uses.
QUERIES = {
    "en": ("lawyer", "abogado"),
    "es": ("abogado", "律师"),
    "zh": ("报警", "abogado"),
    "vi": ("luật sư", "abogado"),
    "ar": ("محامي", "abogado"),
    "zh-Hant": ("律師", "abogado"),
    "tl": ("pulis", "律师"),
    "fr": ("avocat", "abogado"),
    "ko": ("변호사", "abogado"),
    "ru": ("адвокат", "abogado"),
    "ht": ("avoka", "abogado"),
    "pt": ("advogado", "律师"),
    "fa": ("وکیل", "abogado"),
}


def search(box, *queries):
    """Type each query in an open search box (tests/conftest.search_box); the result links of each."""
    found = []
    for query in queries:
        box.search(query)   # waits for a count, or "no matching documents", since the query was typed
        found.append(box.links)
    return found if len(queries) > 1 else found[0]


def test_every_shipped_language_has_its_search_words(languages):
    """A new language adds its word pair above, so its search is checked too."""
    assert set(languages) <= set(QUERIES), set(languages) - set(QUERIES)


@pytest.mark.parametrize("lang", list(QUERIES))
def test_search_returns_only_this_language(search_box, server, languages, lang):
    if lang not in languages:
        pytest.skip(f"{lang} not shipped")
    word, foreign = QUERIES[lang]
    links, control = search(search_box(lang), word, foreign)
    assert links, f"{lang}: no result for {word!r}"
    prefix = server if lang == "en" else f"{server}{lang}/"
    assert all(link.startswith(prefix) for link in links), links
    others = [f"{server}{code}/" for code in languages[1:] if code != lang]
    assert not [link for link in links if any(link.startswith(o) for o in others)], links
    # Negative control: another language's word finds nothing here.
    assert control == []


# Chinese questions as a reader types them (no spaces), and the page that answers them.
ZH_PHRASES = {
    "我要找律师": "know-your-rights",      # "I want a lawyer"
    "我不会说英语": "call-911",             # "I can't speak English" (the interpreter answer)
    "保持沉默的权利": "know-your-rights",   # "the right to remain silent"
}


@pytest.mark.parametrize("phrase", list(ZH_PHRASES))
def test_chinese_phrase_typed_without_spaces_finds_the_right_page_first(search_box, server, languages, phrase):
    if "zh" not in languages:
        pytest.skip("zh not shipped")
    links = search(search_box("zh"), phrase)
    assert links and all(link.startswith(f"{server}zh/") for link in links), links
    assert links[0] == page_url(server, "zh", ZH_PHRASES[phrase]), links[:3]


def test_chinese_phrase_control_without_the_query_splitting(browser, server, languages):
    """Negative control: Material alone (its Japanese segmenter) ranks another page first."""
    if "zh" not in languages:
        pytest.skip("zh not shipped")
    control = SearchBox(browser, page_url(server, "zh", "call-911"), block="search-words-zh.js")
    links = search(control, "我要找律师")
    control.close()
    assert links and links[0] != page_url(server, "zh", "know-your-rights"), links[:3]


def test_chinese_search_words_split_text_as_the_full_dictionary_does():
    """data/search/zh-words.txt splits every Chinese text of the site exactly as jieba's full dictionary."""
    import logging
    import jieba
    from whotocall import zh_words
    jieba.setLogLevel(logging.WARNING)
    from opencc import OpenCC
    simplified = OpenCC("t2s").convert
    runs = [run for run in zh_words.chinese_text(ROOT) if simplified(run) == run]   # Simplified text
    assert len(runs) > 100
    full = jieba.Tokenizer(str(zh_words.full_dictionary()))
    small = jieba.Tokenizer(str(ROOT / zh_words.WORDS_FILE))
    different = [run for run in runs if list(full.cut(run)) != list(small.cut(run))]
    assert not different, different[:5]
    # Negative control: without the filler entry the word probabilities change, and so do some splits.
    lines = (ROOT / zh_words.WORDS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[-1].startswith(zh_words.FILLER + " ")
    unfilled = jieba.Tokenizer()
    unfilled.FREQ, unfilled.total = small.gen_pfdict(io.BytesIO(("\n".join(lines[:-1]) + "\n").encode()))
    unfilled.initialized = True
    assert [run for run in runs if list(full.cut(run)) != list(unfilled.cut(run))]


def test_traditional_chinese_splits_where_its_simplified_form_does():
    """Traditional text (zh-Hant) is split into words where the full dictionary splits the same text
    in Simplified: jieba's dictionary is Simplified, so zh_words adds each word's Traditional form.
    jieba's HMM still joins some single characters it has not seen ("並幫"), so not every run."""
    import logging
    import jieba
    from opencc import OpenCC
    from whotocall import zh_words
    jieba.setLogLevel(logging.WARNING)
    simplified = OpenCC("t2s").convert
    runs = [run for run in zh_words.chinese_text(ROOT) if simplified(run) != run]
    if len(runs) < 100:
        pytest.skip("no Traditional Chinese text yet")
    full = jieba.Tokenizer(str(zh_words.full_dictionary()))
    small = jieba.Tokenizer(str(ROOT / zh_words.WORDS_FILE))

    def ends(words):
        return list(itertools.accumulate(len(word) for word in words))

    def same_share(tokenizer):
        return sum(ends(tokenizer.cut(run)) == ends(full.cut(simplified(run))) for run in runs) / len(runs)

    assert same_share(small) >= 0.9
    # Control: jieba's own dictionary, without the Traditional forms, splits far fewer runs that way.
    assert same_share(full) < 0.75

