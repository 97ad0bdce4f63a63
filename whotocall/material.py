"""Every reach into the internals of Material for MkDocs and its plugins, in one place.

Material, mkdocs-static-i18n and mkdocs-macros offer no API for what these
functions do; each says in one line what it depends on. hooks/material_compat.py
calls `check_versions` when MkDocs starts: a version these were not written for
stops the build with one line, before anything breaks silently. The README lists
them under "Theme shims", with the scripts that do the same in the browser.
"""
from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, version as installed_version
from pathlib import Path

from material import __file__ as _material_file
from mkdocs.exceptions import PluginError

# The release series these shims were written and tested for (major.minor), by package.
WRITTEN_FOR = {
    "mkdocs-material": ("Material", "9.8"),
    "mkdocs": ("MkDocs", "1.6"),
    "mkdocs-static-i18n": ("mkdocs-static-i18n", "1.3"),
    "mkdocs-macros-plugin": ("mkdocs-macros", "1.5"),
}

THEME = Path(_material_file).parent / "templates"
# Depends on: partials/languages/<lang>.html holding "search.config.lang|separator|pipeline" as JSON strings.
LANGUAGE_PARTIALS = THEME / "partials" / "languages"
# Depends on: assets/javascripts/lunr/min/lunr.<lang>.min.js, one file per lunr language.
LUNR = THEME / "assets" / "javascripts" / "lunr" / "min"

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_HTML_LANG = re.compile(r"<html lang=\"([^\"]+)\"")
_INPUT = re.compile(r"<input\b[^>]*>")
_BOX = re.compile(r"""\stype=["']?(checkbox|radio)\b""")
_AUTOCOMPLETE = re.compile(r"""\sautocomplete(=("[^"]*"|'[^']*'|[^\s>]+))?""")
_SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?=>)')
_SEARCH_LABEL = re.compile(r'<input\b[^>]*\bclass="md-search__input"[^>]*\baria-label="([^"]*)"')


# --- Versions ----------------------------------------------------------------

def check_versions():
    """Stop with one line when an installed package is not the release series the shims were written for."""
    for package, (name, series) in WRITTEN_FOR.items():
        try:
            found = installed_version(package)
        except PackageNotFoundError:
            raise PluginError(f"written for {name} {series}.x, but {package} is not installed: "
                              f"see README, Theme shims") from None
        if found.split(".")[:2] != series.split("."):
            raise PluginError(f"written for {name} {series}.x, found {found}: see README, Theme shims")


# --- static-i18n -------------------------------------------------------------

def building_language(config) -> str:
    """The language static-i18n is building now. Depends on: I18n.current_language."""
    i18n = config.plugins.get("i18n")
    return i18n.current_language if i18n else config.theme.language


def building_other_languages(config) -> bool:
    """True inside static-i18n's nested builds of the non-default languages. Depends on: I18n.building."""
    i18n = config.plugins.get("i18n")
    return bool(i18n and i18n.building)


def file_language(page, config) -> str:
    """The language of a page's source file (English for a page standing in for a missing translation).

    Depends on: static-i18n setting File.locale.
    """
    return getattr(page.file, "locale", building_language(config))


# --- Material's HTML ---------------------------------------------------------

def set_html_dir(html: str, direction: str) -> str:
    """<html lang="ar"> becomes <html lang="ar" dir="rtl">. Depends on: Material's base.html writing <html lang="…"."""
    return _HTML_LANG.sub(rf'<html lang="\1" dir="{direction}"', html, count=1)


def set_search_base(html: str, folder: str) -> str:
    """Point Material's search at a language folder's own index.

    Depends on: the `<script id="__config">` JSON in base.html, whose "base" is where
    the search worker loads search/search_index.json from.
    """
    match = _CONFIG_SCRIPT.search(html)
    if not match or not folder:
        return html
    data = json.loads(match.group(2))
    # Trailing slash: Material resolves "search/search_index.json" against base.
    data["base"] = (data["base"].rstrip("/") + "/" + folder) if data["base"] not in ("", ".") else folder
    return html[:match.start(2)] + json.dumps(data, separators=(",", ":")) + html[match.end(2):]


def drop_checkbox_autocomplete(html: str) -> str:
    """Drop autocomplete="off" from checkbox and radio inputs (HTML allows it only on text-like inputs).

    Depends on: Material's header toggles (drawer, search) being <input type="checkbox" autocomplete="off">.
    """
    return _INPUT.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)) if _BOX.search(m.group(0)) else m.group(0), html)


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog the search box's own label ("Search" in the page's language).

    Depends on: `<div class="md-search" data-md-component="search" role="dialog">` and the
    `md-search__input` box's aria-label (already escaped HTML).
    """
    label = _SEARCH_LABEL.search(html)
    if not label:
        return html
    return _SEARCH_DIALOG.sub(lambda m: f'{m.group(0)} aria-label="{label.group(1)}"', html, count=1)


# --- Material's search settings ----------------------------------------------

def search_settings(lang: str) -> dict:
    """lunr language, separator and pipeline for one language, from Material's own language file."""
    settings = {}
    for source in ("en", lang):
        path = LANGUAGE_PARTIALS / f"{source}.html"
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        for key in ("lang", "separator", "pipeline"):
            match = re.search(rf'"search\.config\.{key}":\s*"((?:[^"\\]|\\.)*)"', text)
            if match:
                settings[key] = json.loads(f'"{match.group(1)}"')
    lunr_lang = settings.get("lang", "en")
    from .languages import writing
    # Chinese is split into words at build time (jieba, by Material's search plugin);
    # lunr.zh in the browser would need jieba too, so it keeps Material's settings.
    if not writing(lang).segmented and (LUNR / f"lunr.{lang}.min.js").exists():
        lunr_lang = lang   # e.g. Arabic: Material's file says nothing, and "en" finds no Arabic words
    return {
        "lang": [lunr_lang],
        "separator": settings["separator"],
        "pipeline": [step for step in re.split(r"\s*,\s*", settings.get("pipeline", "")) if step.strip()],
    }
