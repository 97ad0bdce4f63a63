"""What this project reads from Material for MkDocs' own files (see README, "Theme shims").

Material has no API for these; each function says what it depends on, and
hooks/material_compat.py checks at start-up that the installed Material is the
one they were written for.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from material import __file__ as _material_file

THEME = Path(_material_file).parent / "templates"
# Depends on: partials/languages/<lang>.html holding "search.config.lang|separator|pipeline" as JSON strings.
LANGUAGE_PARTIALS = THEME / "partials" / "languages"
# Depends on: assets/javascripts/lunr/min/lunr.<lang>.min.js, one file per lunr language.
LUNR = THEME / "assets" / "javascripts" / "lunr" / "min"
# Chinese is split into words at build time (jieba, by Material's search plugin);
# lunr.zh in the browser would need jieba too, so it keeps Material's settings.
BUILD_SEGMENTED = {"zh"}


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
    if lang not in BUILD_SEGMENTED and (LUNR / f"lunr.{lang}.min.js").exists():
        lunr_lang = lang   # e.g. Arabic: Material's file says nothing, and "en" finds no Arabic words
    return {
        "lang": [lunr_lang],
        "separator": settings["separator"],
        "pipeline": [step for step in re.split(r"\s*,\s*", settings.get("pipeline", "")) if step.strip()],
    }
