"""Render the Jinja components in overrides/components/ with data from the catalog.

Python chooses the data; the HTML lives in the templates. Autoescape is on,
so any text from data/ reaches the reader as text, never as markup.
"""
from __future__ import annotations

import datetime as _dt
import re

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .data import Catalog, DataError, channels
from .languages import writing


_RENDERERS: dict = {}


def renderer_once(catalog: Catalog) -> "Renderer":
    """One Renderer (and one compiled set of templates) per catalog, shared by hooks and macros."""
    if id(catalog) not in _RENDERERS:
        _RENDERERS[id(catalog)] = Renderer(catalog)
    return _RENDERERS[id(catalog)]


# Words Babel lacks in a language, by language: month names (dates "26 novanm 2026"), the names of
# the languages a way to reach a number serves, and the word for "and" in a list. Haitian Creole's
# Babel data is French ("novembre", "anglais", "et"); these are Kreyòl, in standard orthography.
OWN_WORDS = {
    "ht": {
        "months": ["janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb",
                   "novanm", "desanm"],
        "languages": {"en": "angle", "es": "panyòl"},
        "and": "ak",
    },
}


class Renderer:
    """Turns catalog records into HTML fragments for one page language at a time."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.env = Environment(
            loader=FileSystemLoader(str(catalog.root / "overrides" / "components")),
            autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        )

    # --- Hooks for templates ---------------------------------------------------

    def render(self, template: str, lang: str, block: bool, **values) -> Markup:
        """Render one component; block output has no blank lines so Markdown keeps it whole."""
        html = self.env.get_template(template).render(r=self, lang=lang, **values)
        if block:
            html = "\n".join(line for line in html.splitlines() if line.strip())
            return Markup("\n" + html + "\n")
        return Markup(re.sub(r"\s*\n\s*", " ", html).strip())

    # --- Helper functions used inside components -------------------------------

    def t(self, lang: str, key: str, **values) -> str:
        """Words for a key in a language, with {placeholders} filled."""
        words = self.catalog.text(lang, key)
        return words.format(**values) if values else words

    def number(self, number_id: str) -> dict:
        """One number's facts; an unknown id is an editor's mistake."""
        try:
            return self.catalog.numbers[number_id]
        except KeyError:
            raise DataError(f"a page asks for number '{number_id}', which is not in data/numbers.yml. "
                            f"Use one of: {', '.join(self.catalog.numbers)}.") from None

    def source(self, source_id: str) -> dict:
        """One source's facts."""
        try:
            return self.catalog.sources[source_id]
        except KeyError:
            raise DataError(f"a page cites source '{source_id}', which is not in data/sources.yml. "
                            f"Use one of: {', '.join(self.catalog.sources)}.") from None

    def date(self, lang: str, iso: str) -> str:
        """A YYYY-MM-DD date written the way readers of `lang` write dates."""
        day = _dt.date.fromisoformat(iso)
        if lang in OWN_WORDS:
            return f"{day.day} {OWN_WORDS[lang]['months'][day.month - 1]} {day.year}"
        return format_date(day, format="long", locale=writing(lang).babel)

    def language_name(self, lang: str, code: str) -> str:
        """A language's name as readers of `lang` write it in a sentence ('es' is 'Spanish' in English,
        'español' in Spanish, 'tiếng Tây Ban Nha' in Vietnamese: Babel capitalises it as a title)."""
        if lang in OWN_WORDS:
            return OWN_WORDS[lang]["languages"][code]
        name = Locale.parse(writing(lang).babel).languages[code]
        return name[:1].lower() + name[1:] if writing(lang).lower_names else name

    def sentences(self, lang: str, *parts: str) -> str:
        """Sentences joined as `lang` writes them: a space between, none after a Chinese full stop."""
        return Markup(writing(lang).sentence_gap).join(part for part in parts if part)   # escapes plain parts

    @staticmethod
    def listing(lang: str, items: list[str]) -> str:
        """'A, B and C' the reader's way."""
        if lang in OWN_WORDS and len(items) > 1:
            return ", ".join(items[:-1]) + f" {OWN_WORDS[lang]['and']} " + items[-1]
        return format_list(items, locale=writing(lang).babel)

    @staticmethod
    def spanish_and(text: str) -> str:
        """Spanish 'y' becomes 'e' before an i sound ('español e inglés'), 'o' becomes 'u' before an o sound."""
        text = re.sub(r" y (?=(?:[iIíÍ]|[hH][iIíÍ])(?![eEaAoO]))", " e ", text)
        return re.sub(r" o (?=[oOóÓ]|[hH][oOóÓ])", " u ", text)

    def ways_languages(self, lang: str, number_id: str) -> list[dict]:
        """One line per way to reach a number (ways with the same languages share a line), in `lang`.

        Each line: the ways, the language codes it serves ('interpreter'/'unknown' otherwise), whether
        the reader's language is among them ('served'/'not-served'; else as the codes) and the sentence. A reader whose language a way serves is told so; an interpreter line says
        which word to say in English (facts.md section 7).
        """
        number = self.number(number_id)
        locale = writing(lang).babel
        groups: list[tuple[object, list[str]]] = []
        for channel in channels(number):
            value = number["languages"][channel]
            for known, ways in groups:
                if known == value:
                    ways.append(channel)
                    break
            else:
                groups.append((value, [channel]))
        call_interprets = number["languages"]["call"] == "interpreter"
        lines = []
        for value, ways in groups:
            served = value["languages"] if isinstance(value, dict) else value
            names = self.listing(lang, [self.t(lang, f"ways.{w}") for w in ways])
            names = names[:1].upper() + names[1:]
            if lang == "es":
                names = self.spanish_and(names)
            if served == "interpreter":
                key = "ways.interpreter_english" if lang == "en" else "ways.interpreter"
                # The word to say is English inside the reader's sentence: marked, so a screen reader says it in English.
                english = Markup('<span lang="en">{}</span>').format(self.t(lang, "language.english_name"))
                sentence = Markup(escape(self.catalog.text(lang, key))).format(ways=names, language=english)
                codes = "interpreter"
            elif served == "unknown":
                sentence = self.t(lang, "ways.unknown", ways=names)
                codes = "unknown"
            else:
                ordered = sorted(served, key=lambda code: code != lang)   # the reader's language first
                listed = self.listing(lang, [self.language_name(lang, c) for c in ordered])
                if lang == "es":
                    listed = self.spanish_and(listed)
                if lang in served:
                    sentence = self.t(lang, "ways.served", ways=names, languages=listed)
                else:
                    sentence = self.t(lang, "ways.only", ways=names, languages=listed)
                codes = " ".join(served)
            if isinstance(value, dict):
                sentence = self.sentences(lang, sentence, self.t(lang, "ways.where_" + value["where"].replace("-", "_")))
            if isinstance(served, list) and lang not in served and call_interprets and "call" not in ways:
                sentence = self.sentences(lang, sentence, self.t(lang, "ways.call_instead"))
            reader = codes if not isinstance(served, list) else ("served" if lang in served else "not-served")
            lines.append({"ways": " ".join(ways), "languages": codes, "reader": reader, "text": sentence})
        return lines

    @staticmethod
    def tel(dial: str) -> str:
        """tel: target: short codes as they are, 10+ digit numbers in +1 form."""
        digits = dial.replace("-", "")
        if len(digits) == 11 and digits.startswith("1"):
            return "tel:+" + digits
        if len(digits) == 10:
            return "tel:+1" + digits
        return "tel:" + digits

    @staticmethod
    def sms(text: dict) -> str:
        """sms: target with the first word filled in where the service wants one."""
        target = "sms:" + text["to"].replace("-", "")
        return target + (f"?body={text['body']}" if text.get("body") else "")

    def quiz(self, lang: str) -> dict:
        """Questions, an option-label function and the data quiz.js needs, in one language."""
        def label(question: dict, option: str) -> str:
            if question.get("choices"):
                return self.t(lang, f"quiz.{question['id']}.choices.{option}")
            number = self.number(option)
            name = self.t(lang, f"numbers.{option}.name")
            return f"{number['dial']} – {name}" if number["dial"] else name

        data = {
            "strings": {key: self.t(lang, f"ui.{key}") for key in
                        ("correct", "incorrect", "pick_one", "score", "try_again", "answer", "check_answer")},
            "questions": {
                q["id"]: {
                    "answer": q["answer"],
                    "answerLabel": label(q, q["answer"]),
                    "explain": {o: self.t(lang, f"quiz.{q['id']}.explain.{o}") for o in q["offered"]},
                } for q in self.catalog.quiz
            },
        }
        return {"questions": self.catalog.quiz, "label": label, "data": data}

    def situations(self, category: str) -> list[dict]:
        """Situations of one category, in data order."""
        found = [s for s in self.catalog.situations if s["category"] == category]
        if not found:
            raise DataError(f"a page asks for situations of category '{category}', and data/situations.yml "
                            f"has none. Use emergency, police or other-help.")
        return found
