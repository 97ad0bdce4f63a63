"""The one hook that works around Material for MkDocs: version check first, then fixes to its HTML.

- At start-up: stop with one line when Material, MkDocs, static-i18n or
  mkdocs-macros is not the release series whotocall/material.py was written for.
- On every page (and the 404 pages): `dir` on <html> (Material puts it only on
  <body>), the language folder as the search base (Material's "base" is the
  site root, where static-i18n leaves one index for all languages; each
  language gets its own, see whotocall/finish.py), no autocomplete on
  checkboxes (the Nu HTML Checker rejects it), and a name for the search dialog.

Each fix lives in whotocall/material.py with what it depends on.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import event_priority  # noqa: E402

from whotocall import languages, material  # noqa: E402


# Hooks

@event_priority(1000)
def on_config(config):
    """Before any plugin runs: are the installed versions the ones the shims were written for?"""
    material.check_versions()
    return config


def on_post_page(output, page, config):
    """Fix one rendered page."""
    return fix(output, config)


def on_post_template(output, template_name, config):
    """The same for pages made from theme templates alone (404.html)."""
    return fix(output, config) if template_name == "404.html" else output


# Helper functions

def fix(html, config):
    """Every fix, for the language being built."""
    lang = languages.get(material.building_language(config), Path(config.config_file_path).parent)
    html = material.set_html_dir(html, lang.dir)
    html = material.set_search_base(html, lang.folder)
    return material.name_search_dialog(material.drop_checkbox_autocomplete(html))
