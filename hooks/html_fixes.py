"""Small fixes to Material's HTML: valid for the Nu HTML Checker, named for screen readers.

- Material puts autocomplete="off" on its header checkboxes (the drawer and
  search toggles); HTML allows autocomplete only on text-like inputs, so the
  checker rejects it. It is removed from checkbox and radio inputs.
- Material's search panel is role="dialog" without a name; a screen reader
  then announces just "dialog". It gets the search box's own label ("Search"
  in the page's language).
"""
import re

_INPUT = re.compile(r"<input\b[^>]*>")
_BOX = re.compile(r"""\stype=["']?(checkbox|radio)\b""")
_AUTOCOMPLETE = re.compile(r"""\sautocomplete(=("[^"]*"|'[^']*'|[^\s>]+))?""")
_SEARCH_DIALOG = re.compile(r'<div class="md-search" data-md-component="search" role="dialog"(?=>)')
_SEARCH_LABEL = re.compile(r'<input\b[^>]*\bclass="md-search__input"[^>]*\baria-label="([^"]*)"')


# Hooks

def on_post_page(output, page, config):
    """Fix one rendered page."""
    return fix(output)


def on_post_template(output, template_name, config):
    """The same for pages made from theme templates alone (404.html)."""
    return fix(output) if template_name.endswith(".html") else output


# Helper functions

def fix(html):
    """All fixes, in order."""
    return name_search_dialog(drop_checkbox_autocomplete(html))


def drop_checkbox_autocomplete(html):
    """Drop autocomplete from checkbox and radio inputs."""
    return _INPUT.sub(lambda m: _AUTOCOMPLETE.sub("", m.group(0)) if _BOX.search(m.group(0)) else m.group(0), html)


def name_search_dialog(html):
    """aria-label on the search dialog, from the search box's aria-label (already escaped HTML)."""
    label = _SEARCH_LABEL.search(html)
    if not label:
        return html
    return _SEARCH_DIALOG.sub(lambda m: f'{m.group(0)} aria-label="{label.group(1)}"', html, count=1)
