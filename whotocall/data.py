"""Load and validate everything in data/: the one place that reads those YAML files.

The build (macros and hooks), scripts/ and tests all import `load_catalog`.
Every problem raises DataError with one message that names the file, the
entry, the field, the language (for words) and what to do.
"""
from __future__ import annotations

import datetime
import functools
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from mkdocs.exceptions import PluginError

from . import schemas

ROOT = Path(__file__).resolve().parent.parent


# Optional fields of a number: templates see None when a number lacks one.
NUMBER_OPTIONAL = ("tty", "text", "chat", "emergency", "official_name")


class DataError(PluginError):
    """A problem in data/ that an editor or translator must fix."""


# --- Loading -----------------------------------------------------------------

class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML loader (libyaml when present: fast) that refuses a key written twice in one mapping."""


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} appears twice (first on line {seen[key] + 1})", key_node.start_mark)
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Keep dates as written ("2026-11-24"); the schema checks they are real dates.
_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def read_yaml(path: Path, root: Path) -> Any:
    """Parse one YAML file; a syntax error names the file, line and column."""
    rel = _rel(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{rel}: file is missing. Create it (see README, 'Where things live').") from None
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise DataError(f"{rel}: YAML syntax error{where}: {problem}. Fix the syntax and build again.") from None


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _validate(entries, schema, rel: str):
    """Check a list of records against its schema; report the first problem plainly."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(entries), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    err = errors[0]
    path = list(err.absolute_path)
    if not path:
        raise DataError(f"{rel}: the file must be a list of entries (each starting with '- id:').")
    index = path[0]
    entry = entries[index] if isinstance(index, int) else None
    name = entry.get("id") if isinstance(entry, dict) else None
    label = f"entry {name!r} (#{index + 1})" if name is not None else f"entry #{index + 1}"
    field_name = path[1] if len(path) > 1 else None
    if err.validator == "oneOf" and len(path) == 1:
        raise DataError(f"{rel}: {label}: needs either 'options' (number ids) or 'choices' (its own answers), "
                        f"not both and not neither.")
    if field_name == "languages" and err.validator in ("required", "additionalProperties") and len(path) == 2:
        raise DataError(f"{rel}: {label}: field 'languages': {err.message}. List only the ways the number has "
                        f"(call, text, chat, tty), each with interpreter, unknown or language codes like [en, es].")
    if err.validator == "required":
        missing = err.message.split("'")[1]
        raise DataError(f"{rel}: {label}: required field '{missing}' is missing. Add it.")
    if err.validator == "additionalProperties":
        raise DataError(f"{rel}: {label}: {err.message}. Remove the field or fix its spelling.")
    last = str(path[-1]) if len(path) > 1 else "entry"
    hint = schemas.HINTS.get(last, "see the comment at the top of the file")
    if err.validator == "type" and last == "id":
        hint = schemas.HINTS["id"]
    if field_name == "languages":
        hint = schemas.HINTS["languages"]
    raise DataError(f"{rel}: {label}: field '{'.'.join(map(str, path[1:])) or field_name}' "
                    f"has a bad value {err.instance!r}: {hint}.")


def _index(entries, rel: str) -> dict:
    """Records by id; a second record with the same id is an error."""
    out = {}
    for position, entry in enumerate(entries, 1):
        if entry["id"] in out:
            raise DataError(f"{rel}: entry {entry['id']!r} (#{position}): duplicate id; "
                            f"another entry already uses it. Give each entry its own id.")
        out[entry["id"]] = entry
    return out


# --- The catalog -------------------------------------------------------------

@dataclass
class Catalog:
    """All facts and words of the site, validated."""

    root: Path
    sources: dict[str, dict]
    numbers: dict[str, dict]
    situations: list[dict]
    texts: dict[str, dict] = field(default_factory=dict)
    quiz: list[dict] = field(default_factory=list)

    def text(self, lang: str, key: str) -> str:
        """The words for a dotted key ('numbers.988.name') in one language."""
        node: Any = self.texts[lang]
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise DataError(f"data/text/{lang}.yml: key '{key}' is missing for language '{lang}'. "
                                f"Add it (copy the English key from data/text/en.yml and translate it).")
            node = node[part]
        return node

    def last_checked(self) -> str:
        """The newest date any source was checked, as YYYY-MM-DD."""
        return max(source["checked"] for source in self.sources.values())


def text_keys(tree: dict, prefix: str = "") -> dict[str, Any]:
    """Flatten a words file into {'numbers.988.name': '...'}."""
    out = {}
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(text_keys(value, dotted + "."))
        else:
            out[dotted] = value
    return out


def load_texts(root: Path, languages: list[str]) -> dict[str, dict]:
    """Words for each shipped language; every one must have exactly the English keys."""
    text_dir = root / "data" / "text"
    known = set(languages) | set(site_languages(root, shipped_only=False))
    for path in sorted(text_dir.glob("*.yml")):
        if path.stem not in known:
            raise DataError(f"{_rel(path, root)}: unknown language code '{path.stem}'. Add it to the i18n "
                            f"languages in mkdocs.yml, or rename the file to a configured code "
                            f"({', '.join(languages)}).")
    texts = {}
    for lang in languages:
        path = text_dir / f"{lang}.yml"
        tree = read_yaml(path, root)
        if not isinstance(tree, dict):
            raise DataError(f"{_rel(path, root)}: the file must be a mapping of keys to words (language '{lang}').")
        texts[lang] = tree
    english = text_keys(texts["en"])
    for lang, tree in texts.items():
        rel = f"data/text/{lang}.yml"
        keys = text_keys(tree)
        for key, value in english.items():
            if key not in keys:
                raise DataError(f"{rel}: key '{key}' is missing for language '{lang}'. "
                                f"Add it (the English is: {value!r}).")
            if not isinstance(keys[key], str):
                raise DataError(f"{rel}: key '{key}' for language '{lang}' must be text, "
                                f"not {type(keys[key]).__name__}. Put the words in quotes.")
            if value and not keys[key].strip():
                raise DataError(f"{rel}: key '{key}' is empty for language '{lang}'. Translate it "
                                f"(the English is: {value!r}).")
        for key in keys:
            if key not in english:
                raise DataError(f"{rel}: key '{key}' for language '{lang}' does not exist in English "
                                f"(data/text/en.yml). Remove it or fix its spelling.")
    return texts


def site_languages(root: Path = ROOT, shipped_only: bool = True) -> list[str]:
    """Language codes the site ships (i18n languages with build: true in mkdocs.yml), default first.

    With shipped_only=False: every configured language, shipped or in progress.
    """
    from .languages import codes   # the one authority for languages (it reads this module's YAML helpers)
    return codes(root, shipped_only)


class _TolerantLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """mkdocs.yml may hold !!python/name tags; they are irrelevant here."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _read_mkdocs_yml(root: Path) -> dict:
    """mkdocs.yml as plain data (read by every language build: parsed once per text)."""
    return _parse_mkdocs_yml((Path(root) / "mkdocs.yml").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=4)
def _parse_mkdocs_yml(text: str) -> dict:
    return yaml.load(text, Loader=_TolerantLoader)


def load_catalog(root: Path = ROOT, languages: list[str] | None = None) -> Catalog:
    """Read, validate and cross-check every data file."""
    root = Path(root)
    languages = languages or site_languages(root)
    files = {}
    for name, schema in (("sources", schemas.SOURCES), ("numbers", schemas.NUMBERS),
                         ("situations", schemas.SITUATIONS), ("quiz", schemas.QUIZ)):
        rel = f"data/{name}.yml"
        entries = read_yaml(root / rel, root)
        _validate(entries, schema, rel)
        files[name] = entries
    for number in files["numbers"]:
        for optional in NUMBER_OPTIONAL:
            number.setdefault(optional, None)
        number["emergency"] = bool(number["emergency"])
    sources = _index(files["sources"], "data/sources.yml")
    numbers = _index(files["numbers"], "data/numbers.yml")
    _check_channel_languages(files["numbers"])
    _index(files["situations"], "data/situations.yml")
    for position, number in enumerate(files["numbers"], 1):
        for source_id in number["sources"]:
            if source_id not in sources:
                raise DataError(f"data/numbers.yml: entry {number['id']!r} (#{position}): field 'sources' names "
                                f"'{source_id}', which is not in data/sources.yml. Add that source or fix the id.")
    for position, situation in enumerate(files["situations"], 1):
        if situation["number"] not in numbers:
            raise DataError(f"data/situations.yml: entry {situation['id']!r} (#{position}): field 'number' "
                            f"points at '{situation['number']}', which is not in data/numbers.yml. "
                            f"Use one of: {', '.join(numbers)}.")
    _index(files["quiz"], "data/quiz.yml")
    _check_quiz(files["quiz"], numbers)
    english = read_yaml(root / "data" / "text" / "en.yml", root)
    _check_words_cover_facts(english, numbers, sources, files["situations"])
    _check_quiz_words(english, files["quiz"])
    return Catalog(root=root, sources=sources, numbers=numbers, situations=files["situations"],
                   texts=load_texts(root, languages), quiz=files["quiz"])


def channels(number: dict) -> list[str]:
    """The ways to reach a number, in card order: a call always, then text, chat and TTY if it has them."""
    return [c for c in schemas.CHANNELS if c == "call" or number.get(c)]


def _check_channel_languages(numbers: list):
    """Every way to reach a number says which languages work there, and no other way is listed."""
    from babel import Locale
    known = Locale("en").languages
    for position, number in enumerate(numbers, 1):
        label = f"data/numbers.yml: entry {number['id']!r} (#{position})"
        has = channels(number)
        for channel in has:
            if channel not in number["languages"]:
                raise DataError(f"{label}: field 'languages' has no '{channel}', but the number has a {channel} "
                                f"way. Add languages.{channel}: interpreter, unknown or codes like [en, es].")
        for channel, value in number["languages"].items():
            if channel not in has:
                raise DataError(f"{label}: field 'languages.{channel}' is set, but the number has no {channel} "
                                f"way. Remove it, or add the {channel} way first.")
            served = value["languages"] if isinstance(value, dict) else value
            for code in served if isinstance(served, list) else []:
                if code not in known:
                    raise DataError(f"{label}: field 'languages.{channel}' has an unknown language code "
                                    f"{code!r}: use a two-letter ISO 639-1 code like en, es, zh, vi or ar.")


def _check_quiz(questions: list, numbers: dict):
    """Quiz options point at real numbers and each question has exactly one right answer among them."""
    for position, question in enumerate(questions, 1):
        label = f"data/quiz.yml: question {question['id']!r} (#{position})"
        for option in question.get("options", []):
            if option not in numbers:
                raise DataError(f"{label}: field 'options' names '{option}', which is not in data/numbers.yml. "
                                f"Use one of: {', '.join(numbers)}.")
        offered = question.get("options") or question.get("choices")
        question.setdefault("options", [])
        question.setdefault("choices", [])
        question["offered"] = offered   # what the reader picks from, in data order
        if question["answer"] not in offered:
            raise DataError(f"{label}: field 'answer' is '{question['answer']}', which is not one of its options "
                            f"({', '.join(offered)}). Give exactly one answer from the options.")


def _check_quiz_words(english: dict, questions: list):
    """English has the question, every own choice and one explanation per option."""
    words = (english or {}).get("quiz") or {}
    for question in questions:
        qid = question["id"]
        needed = [f"quiz.{qid}.question"]
        needed += [f"quiz.{qid}.choices.{c}" for c in question.get("choices", [])]
        needed += [f"quiz.{qid}.explain.{o}" for o in question.get("options") or question.get("choices")]
        have = text_keys({"quiz": words})
        for key in needed:
            if key not in have:
                raise DataError(f"data/text/en.yml: key '{key}' is missing for language 'en' (question "
                                f"'{qid}' in data/quiz.yml). Add it.")


# A source checked longer ago than this many months: the build warns, and `make test` fails.
STALE_WARN_MONTHS = 12
STALE_FAIL_MONTHS = 18


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` calendar months earlier (the month's last day if it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale_sources(catalog: "Catalog", months: int, today: datetime.date | None = None) -> list[dict]:
    """Sources last checked more than `months` months before `today` (default: today), oldest first."""
    limit = months_before(today or datetime.date.today(), months)
    old = [s for s in catalog.sources.values() if datetime.date.fromisoformat(s["checked"]) < limit]
    return sorted(old, key=lambda s: s["checked"])


def stale_message(source: dict, months: int) -> str:
    """One line an editor can act on."""
    return (f"data/sources.yml: source '{source['id']}' was last checked {source['checked']}, more than "
            f"{months} months ago. Compare the site's claims with {source['url']} and update 'checked'.")


def warn_stale_sources(catalog: "Catalog", today: datetime.date | None = None) -> "Catalog":
    """Print a warning for every source older than STALE_WARN_MONTHS (the build goes on); returns the catalog."""
    for source in stale_sources(catalog, STALE_WARN_MONTHS, today):
        print("WARNING: " + stale_message(source, STALE_WARN_MONTHS), file=sys.stderr)
    return catalog


_CACHE: dict = {}


def load_catalog_once(root: Path) -> Catalog:
    """The catalog for one build: hooks and macros of one MkDocs run share it."""
    root = Path(root)
    if root not in _CACHE:
        _CACHE[root] = load_catalog(root, site_languages(root))
    return _CACHE[root]


def _check_words_cover_facts(english: dict, numbers: dict, sources: dict, situations: list):
    """Every fact id needs English words (checked before other languages are compared to English)."""
    for section, ids in (("numbers", numbers), ("sources", sources),
                         ("situations", [s["id"] for s in situations])):
        for fact_id in ids:
            if fact_id not in (english.get(section) or {}):
                raise DataError(f"data/text/en.yml: key '{section}.{fact_id}' is missing for language 'en'. "
                                f"Every id in data/{section}.yml needs words; add them.")
