"""Numbers into the phone's contacts: the vCard files parsed with vobject and checked against data/numbers.yml."""
import re

import pytest
import vobject

from tests.pages import page_path, soup
from whotocall.render import Renderer
from whotocall.vcards import CONTACTS, FOLDER, labelled_name, neutral_name


def parse(path):
    return list(vobject.readComponents(path.read_text(encoding="utf-8")))


def dials(card):
    return [tel.value for tel in card.contents.get("tel", [])]


def expected_dials(number):
    found = [number["dial"]] + ([number["tty"]] if number.get("tty") else [])
    if number.get("text") and number["text"]["to"] != number["dial"]:
        found.append(number["text"]["to"])
    return [Renderer.tel(dial).removeprefix("tel:") for dial in found]


def hotline_words(catalog):
    """Every name and official name of every contact, in every language."""
    words = {catalog.numbers[i].get("official_name") for i in CONTACTS} - {None, "211"}
    for texts in catalog.texts.values():
        words |= {texts["numbers"][i]["name"] for i in CONTACTS}
    return words


@pytest.mark.parametrize("neutral", [False, True], ids=["labelled", "neutral"])
def test_every_contact_matches_the_data(site, catalog, languages, neutral):
    for lang in languages:
        path = site / FOLDER / (neutral_name(lang) if neutral else labelled_name(lang))
        cards = parse(path)
        assert len(cards) == len(CONTACTS), path.name
        for index, (card, number_id) in enumerate(zip(cards, CONTACTS), start=1):
            number = catalog.numbers[number_id]
            assert dials(card) == expected_dials(number), (path.name, number_id)
            assert "911" not in dials(card)
            texts = catalog.texts[lang]
            name = texts["vcards"]["neutral_name"].format(n=index) if neutral else texts["numbers"][number_id]["name"]
            assert card.fn.value == name, (path.name, number_id)


def test_texting_instructions_in_the_note(site, catalog):
    cards = dict(zip(CONTACTS, parse(site / FOLDER / labelled_name("en"))))
    assert "Text START to 88788" in cards["dv-hotline"].note.value
    assert cards["988"].org.value == ["988 Suicide & Crisis Lifeline"]


def test_neutral_version_names_no_hotline(site, catalog, languages):
    words = hotline_words(catalog)
    for lang in languages:
        labelled = (site / FOLDER / labelled_name(lang)).read_text(encoding="utf-8")
        neutral = (site / FOLDER / neutral_name(lang)).read_text(encoding="utf-8")
        unfolded = re.sub(r"\r?\n[ \t]", "", labelled)
        # Control: the labelled file has the names this check looks for.
        assert any(word in unfolded for word in words), lang
        assert not [word for word in words if word in neutral], lang
        for card in parse(site / FOLDER / neutral_name(lang)):
            assert not {"note", "org", "url"} & set(card.contents), (lang, card.fn.value)
    assert "who-to-call" not in neutral_name("en")


def test_linked_with_sizes_from_other_help_and_download(site, languages):
    for lang in languages:
        for slug in ("other-help", "download"):
            page = soup(page_path(site, lang, slug))
            links = page.select(".wtc-vcards a")
            targets = [link["href"].rsplit("/", 1)[-1] for link in links]
            assert targets == [labelled_name(lang), neutral_name(lang)], (lang, slug, targets)
            for link in links:
                assert re.search(r"\d", link.get_text()) and "data-wtc-size-of" not in str(link), (lang, slug, str(link))
