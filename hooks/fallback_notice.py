"""Say so when a page is shown in English because its translation is missing.

static-i18n fills a missing translation with the English page. This hook puts
a notice in the reader's language right after the page's H1 and marks the
English text with lang="en", so the fallback is never silent.
"""
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whotocall import material  # noqa: E402
from whotocall.data import load_catalog_once  # noqa: E402

_H1 = re.compile(r"^# .*$", re.M)


# Hooks

def on_page_markdown(markdown, page, config, files):
    """Insert the notice and the lang="en" wrapper on fallback pages."""
    reader, written = material.building_language(config), material.file_language(page, config)
    if written == reader:
        return markdown
    notice = _words(config, reader)
    heading = _H1.search(markdown)
    cut = heading.end() if heading else 0
    return (markdown[:cut] + f'\n\n<p class="wtc-fallback" role="note">{notice}</p>\n\n'
            f'<div class="wtc-fallback-content" lang="{written}" markdown>\n\n'
            + markdown[cut:] + "\n\n</div>\n")


# Helper functions

def _words(config, lang):
    """"This page is not translated yet" in the reader's language."""
    return load_catalog_once(Path(config.config_file_path).parent).text(lang, "ui.not_translated")
