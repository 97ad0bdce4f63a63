"""Numbers into the phone's contacts: a vCard file per language, and one with plain names.

A finishing step (whotocall/finish.py, before the file sizes): for each language,
downloads/who-to-call-contacts-<lang>.vcf holds the national numbers from
data/numbers.yml (not 911, which every phone dials), each named in that language
with what it is for and how to text it in the note; downloads/contacts-<lang>.vcf
holds the same numbers named only "Contact 1", "Contact 2"… (words in that
language) with no note, for a reader whose phone is checked by someone else (the
browse-safely page says why). Written with vobject, as vCard 3.0, which the
contacts apps of Android and iOS import.
"""
from __future__ import annotations

from pathlib import Path

import vobject

from . import languages
from .data import Catalog, DataError

FOLDER = "downloads"
# The national numbers a reader may want in their contacts, in this order (911 is on every phone).
CONTACTS = ("988", "dv-hotline", "rainn", "poison-help", "trevor", "trans-lifeline", "211", "711")


def labelled_name(lang: str) -> str:
    """The file with names and notes in `lang`."""
    return f"who-to-call-contacts-{lang}.vcf"


def neutral_name(lang: str) -> str:
    """The file with plain names (its name says nothing about the site either)."""
    return f"contacts-{lang}.vcf"


# --- Steps -------------------------------------------------------------------

def vcard_files(root: Path, site: Path, catalog: Catalog):
    """Write both vCard files of every language into site/downloads/."""
    from .render import renderer_once
    renderer = renderer_once(catalog)
    (site / FOLDER).mkdir(parents=True, exist_ok=True)
    for lang in languages.codes(root):
        (site / FOLDER / labelled_name(lang)).write_text(contacts(renderer, lang, neutral=False), encoding="utf-8")
        (site / FOLDER / neutral_name(lang)).write_text(contacts(renderer, lang, neutral=True), encoding="utf-8")


# --- Helper functions --------------------------------------------------------

def contacts(renderer, lang: str, neutral: bool) -> str:
    """Every contact of one file, as vCard 3.0 text."""
    cards = []
    for index, number_id in enumerate(CONTACTS, start=1):
        n = renderer.number(number_id)
        if not n.get("dial") or n.get("emergency"):
            raise DataError(f"whotocall/vcards.py: '{number_id}' has no national number to save; "
                            f"take it out of CONTACTS.")
        card = vobject.vCard()
        name = (renderer.t(lang, "vcards.neutral_name", n=index) if neutral
                else renderer.t(lang, f"numbers.{number_id}.name"))
        card.add("n").value = vobject.vcard.Name(given=name)
        card.add("fn").value = name
        _tel(card, n["dial"], "VOICE")
        if n.get("tty"):
            _tel(card, n["tty"], "TEXTPHONE")
        if n.get("text") and n["text"]["to"] != n["dial"]:
            _tel(card, n["text"]["to"], "MSG")
        if not neutral:
            if n.get("official_name"):
                card.add("org").value = [n["official_name"]]
            card.add("note").value = note(renderer, lang, number_id, n)
            if n.get("chat"):
                card.add("url").value = n["chat"]
        cards.append(card.serialize())
    return "".join(cards)


def note(renderer, lang: str, number_id: str, n: dict) -> str:
    """What the number is for, and how to text it or use TTY (e.g. "Text START to 88788")."""
    parts = [renderer.t(lang, f"numbers.{number_id}.what")]
    if n.get("text"):
        body = n["text"].get("body")
        parts.append(renderer.t(lang, "ui.text_word", word=body, to=n["text"]["to"]) if body
                     else f"{renderer.t(lang, 'ui.text')} {n['text']['to']}")
    if n.get("tty"):
        parts.append(f"{renderer.t(lang, 'ui.tty')}: {n['tty']}")
    return "\n".join(part.strip() for part in parts if part.strip())


def _tel(card, dial: str, kind: str):
    """One phone number as the phone dials it (+1 for 10-digit numbers, short codes as they are)."""
    from .render import Renderer
    tel = card.add("tel")
    tel.value = Renderer.tel(dial).removeprefix("tel:")
    tel.type_param = kind
