"""Which languages work on each way to reach a number: from data/numbers.yml to every card, in every language.

facts.md section 7: a call gets an interpreter; texting and chat mostly do not. A reader must see it on
every number card and on the home chooser, in their own language, and the interpreter line must say
which word to say in English. Changing the data must change every page (scratch build, with the
stale-source warning checked in the same build).
"""
import shutil

import pytest

from tests.conftest import ROOT, STALE_DATE, STALE_SOURCE, edit
from tests.pages import page_path, soup
from whotocall.data import DataError, load_catalog, site_languages, warn_stale_sources
from whotocall.render import Renderer

LANGUAGES = site_languages(ROOT)
TEXT_988 = '#number-988 li[data-ways="text chat"]'


def lines(html, number_id):
    """The language lines of one number's card: {ways: (languages, reader, text)}."""
    card = html.select_one(f"#number-{number_id}")
    assert card is not None, f"no card for {number_id}"
    return {li["data-ways"]: (li["data-languages"], li["data-reader"], li.get_text(" ", strip=True))
            for li in card.select(".wtc-langs li")}


# --- What readers get ----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_card_lists_every_way_in_the_readers_language(site, catalog, lang):
    """Each number card on the other-help page has one line per way it has, in the page's language."""
    html = soup(page_path(site, lang, "other-help"))
    for number_id in ("988", "dv-hotline", "rainn", "poison-help", "trevor", "trans-lifeline", "211", "311", "511", "711"):
        found = lines(html, number_id)
        ways = [w for li in found for w in li.split()]
        number = catalog.numbers[number_id]
        expected = [c for c in ("call", "text", "chat", "tty") if c == "call" or number[c]]
        assert sorted(ways) == sorted(expected), f"{lang} {number_id}: lines for {ways}, expected {expected}"
        for ways_key, (_, _, text) in found.items():
            first_way = catalog.text(lang, "ways." + ways_key.split()[0])
            assert first_way.lower()[:2] in text.lower(), f"{lang} {number_id}: {text!r} does not name the way"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_988_text_and_chat_say_english_and_spanish(site, catalog, lang):
    """988 texts and chat: English and Spanish. Spanish and English readers are told it works for them."""
    languages, reader, text = lines(soup(page_path(site, lang, "other-help")), "988")["text chat"]
    assert languages == "en es"
    assert reader == ("served" if lang in ("en", "es") else "not-served")
    if lang not in ("en", "es"):
        # "only", and the way to get their own language: call instead
        assert catalog.text(lang, "ways.call_instead") in text


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_interpreter_line_says_which_word_to_say(site, catalog, lang):
    """Where a call gets an interpreter, the line gives the reader's language name in English, on cards and home."""
    english_name = catalog.text(lang, "language.english_name")
    for slug in ("other-help", "index"):
        html = soup(page_path(site, lang, slug))
        calls = html.select('.wtc-langs li[data-ways^="call"][data-languages="interpreter"]')
        assert calls, f"{lang}/{slug}: no interpreter line"
        for li in calls:
            assert english_name in li.get_text(), f"{lang}/{slug}: {li.get_text()!r} lacks {english_name!r}"
            # Marked as English, so a screen reader says it with an English voice.
            assert [span.get_text() for span in li.select('span[lang="en"]')] == [english_name], li


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_chooser_shows_languages_where_a_number_takes_texts(site, catalog, lang):
    """Home chooser: a number that takes texts or chat shows its language lines; the others do not."""
    by_tel = {Renderer.tel(n["dial"]): n for n in catalog.numbers.values() if n["dial"]}
    choices = soup(page_path(site, lang, "index")).select(".wtc-choice")
    with_lines = 0
    for choice in choices:
        tel = choice.select_one('a[href^="tel:"]')
        number = by_tel[tel["href"]] if tel else catalog.numbers["police-non-emergency"]
        shown = bool(choice.select(".wtc-langs li"))
        assert shown == bool(number["text"] or number["chat"]), f"{lang}: {number['id']}"
        with_lines += shown
    assert with_lines >= 3, "control: 911, 988 and the domestic violence hotline take texts"


# --- Bad data stops the build with one clear line (in-process) -----------------

def scratch_data(tmp_path):
    """data/ and mkdocs.yml of the project, copied to change."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


BAD_LANGUAGES = [
    ("word instead of codes", "text: [en, es], chat", "text: [english], chat",
     ["data/numbers.yml", "'988'", "languages.text", "interpreter, unknown", "[en, es]"]),
    ("misspelt interpreter", "{call: interpreter, text: [en, es]", "{call: interpeter, text: [en, es]",
     ["data/numbers.yml", "'988'", "languages.call", "interpreter"]),
    ("unknown code", "text: [en, es], chat", "text: [en, qq], chat",
     ["data/numbers.yml", "'988'", "languages.text", "'qq'", "ISO 639-1"]),
    ("way the number lacks", "languages: {call: [en]}", "languages: {call: [en], text: [en]}",
     ["data/numbers.yml", "'trevor'", "languages.text", "no text way"]),
    ("way without languages", "{call: interpreter, text: [en, es], chat: [en, es]}", "{call: interpreter, text: [en, es]}",
     ["data/numbers.yml", "'988'", "'languages'", "'chat'", "Add languages.chat"]),
    ("missing field", "  languages: {call: unknown}\n", "",
     ["data/numbers.yml", "'languages'", "missing"]),
]


@pytest.mark.parametrize("name,old,new,expected", BAD_LANGUAGES, ids=[case[0] for case in BAD_LANGUAGES])
def test_bad_languages_value_fails_with_one_clear_line(tmp_path, name, old, new, expected):
    root = scratch_data(tmp_path)
    edit(root / "data" / "numbers.yml", old, new)
    with pytest.raises(DataError) as caught:
        load_catalog(root)
    message = str(caught.value)
    assert "\n" not in message
    for part in expected:
        assert part in message, f"{name}: {part!r} not in {message!r}"


def test_good_languages_load(tmp_path):
    """Control for the test above: the same copy, unchanged, loads."""
    assert load_catalog(scratch_data(tmp_path)).numbers["988"]["languages"]["text"] == ["en", "es"]


# --- Changing the data changes every page --------------------------------------

def test_988_text_english_only_changes_every_page_and_language(site, changed_build):
    """988 text [en, es] -> [en] (in the changed build): no page in any language still says Spanish works;
    a source checked 14 months ago makes the same build warn (and still succeed)."""
    project, out, result = changed_build
    assert result.returncode == 0, result.stderr
    assert f"source '{STALE_SOURCE}' was last checked {STALE_DATE}, more than 12 months ago" in result.stderr
    removed = {page_path(site, "es", slug).relative_to(site) for slug in ("index", "law-enforcement")}   # English stand-ins
    before = {p.relative_to(site): p for p in site.rglob("*.html") if soup(p).select_one(TEXT_988)}
    langs_before = {str(rel).split("/")[0] if str(rel).split("/")[0] in LANGUAGES else "en" for rel in before}
    assert langs_before == set(LANGUAGES), "control: 988's text line is on pages in every language"
    for rel in before:
        if rel in removed:
            continue
        html = soup(out / rel)
        assert not html.select_one(TEXT_988), f"{rel}: text and chat still share a line"
        text = html.select_one('#number-988 li[data-ways="text"]')
        assert text is not None and text["data-languages"] == "en", f"{rel}: 988 text line not changed"
        lang = str(rel).split("/")[0] if str(rel).split("/")[0] in LANGUAGES else "en"
        assert text["data-reader"] == ("served" if lang == "en" else "not-served"), rel


def test_fresh_sources_do_not_warn(catalog, capsys):
    """Control for the warning above: the project's own sources, checked recently, print no warning."""
    warn_stale_sources(catalog)
    assert "last checked" not in capsys.readouterr().err


def test_language_lines_read_as_each_language_writes(catalog):
    """Spanish 'español e inglés' (not 'y inglés'), Vietnamese 'tiếng Anh' in lower case mid-sentence,
    Chinese sentences without a space after 。; the English line keeps its spaces (control)."""
    renderer = Renderer(catalog)
    text = {lang: " | ".join(line["text"] for line in renderer.ways_languages(lang, "988"))
            for lang in ("en", "es", "vi", "zh")}   # " | " joins the lines, not sentences
    assert "español e inglés" in text["es"] and " y inglés" not in text["es"]
    assert "tiếng Anh" in text["vi"] and "Tiếng Anh" not in text["vi"]
    assert "。 " not in text["zh"].replace("。 | ", "") and "。想用" in text["zh"]
    assert ". " in text["en"]
    assert Renderer.spanish_and("hierba y hielo") == "hierba y hielo"      # 'hie' keeps 'y'
    assert Renderer.spanish_and("uno o otro") == "uno u otro"
