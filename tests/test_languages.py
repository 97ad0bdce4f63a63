"""whotocall/languages.py: the one place that knows the languages and where each one's pages live."""
from tests.conftest import ROOT, edit
from whotocall import languages


def test_default_at_the_root_others_in_their_folder():
    site = languages.languages(ROOT)
    assert [lang.code for lang in site] == ["en", "es", "zh", "zh-Hant", "tl", "vi", "ar", "fr", "ko", "ru", "ht", "pt", "fa"]
    english, spanish = languages.get("en", ROOT), languages.get("es", ROOT)
    assert (english.folder, spanish.folder) == ("", "es/")
    assert spanish.page("call-911") == "es/call-911/" and english.page("index") == ""
    assert spanish.file("index") == "es/index.html"
    assert spanish.link("quiz", "es/call-911/") == "../quiz/"
    assert spanish.home_url("https://example.org/wtc") == "https://example.org/wtc/es/"
    assert english.home_path("https://example.org/wtc/") == "/wtc/"
    assert languages.of_path("es/call-911/index.html", ROOT).code == "es"
    assert languages.of_path("call-911/index.html", ROOT).code == "en"


def test_names_and_direction_come_from_each_language_file():
    arabic = languages.get("ar", ROOT)
    assert (arabic.name, arabic.english_name, arabic.dir) == ("العربية", "Arabic", "rtl")
    assert languages.get("es", ROOT).dir == "ltr"


def test_another_default_moves_the_root(tmp_path):
    """Control: the rule follows mkdocs.yml, not a constant. With Spanish as default, English moves to en/."""
    (tmp_path / "data").symlink_to(ROOT / "data")
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    edit(config, "          default: true\n", "")
    edit(config, "        - locale: es\n", "        - locale: es\n          default: true\n")
    assert languages.codes(tmp_path)[0] == "es"
    assert languages.get("es", tmp_path).folder == "" and languages.get("en", tmp_path).folder == "en/"
    assert languages.of_path("call-911/index.html", tmp_path).code == "es"


def test_every_language_says_how_it_is_written():
    """Each language of mkdocs.yml (shipped or in progress) has its Babel locale, card fonts and search
    helper in WRITING; the fonts it names exist and its Babel locale is known."""
    from babel import Locale
    from whotocall.card_fonts import SCRIPTS
    from whotocall.search import PIPELINES
    for lang in languages.languages(ROOT, shipped_only=False):
        writing = lang.writing
        Locale.parse(writing.babel)
        assert writing.fonts[-1] == "latin" and set(writing.fonts) <= set(SCRIPTS), lang.code
        assert writing.segmented or lang.code in PIPELINES, f"{lang.code}: add its lunr pipeline to search.PIPELINES"
        assert writing.search_words in ("", "zh", "marks"), lang.code


def test_a_language_without_writing_stops_with_what_to_add():
    """Control: a code missing from WRITING is named, with the file to edit."""
    import pytest
    from whotocall.data import DataError
    with pytest.raises(DataError, match=r"language 'xx' has no line in WRITING \(whotocall/languages.py\)"):
        languages.writing("xx")
