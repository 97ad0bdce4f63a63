"""Mark each page with its language's direction and point its search at that language.

Material writes <html lang="ar"> but puts dir="rtl" only on <body>, and its
__config "base" (where search loads its index) is the site root for every
language. This hook sets dir on <html> and, for pages outside the default
language, sets base to the language folder, where whotocall/finish.py
writes that language's own search index.
"""
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whotocall import languages  # noqa: E402

# Hooks

def on_post_page(output, page, config):
    """Set <html dir> and the language-folder search base of one rendered page."""
    i18n = config.plugins.get("i18n")
    lang = languages.get(i18n.current_language if i18n else config.theme.language, _root(config))
    output = _set_html_dir(output, lang)
    if lang.folder:
        output = _set_search_base(output, lang)
    return output


def on_post_template(output, template_name, config):
    """The same for pages made from theme templates alone (404.html)."""
    if template_name != "404.html":
        return output
    return on_post_page(output, None, config)


# Helper functions

def _root(config):
    """The project folder (where mkdocs.yml is)."""
    return Path(config.config_file_path).parent


def _set_html_dir(output, lang):
    """<html lang="ar"> becomes <html lang="ar" dir="rtl"> (the direction from data/text/<lang>.yml)."""
    return re.sub(r"<html lang=\"([^\"]+)\"", rf'<html lang="\1" dir="{lang.dir}"', output, count=1)


def _set_search_base(output, lang):
    """Rewrite __config.base from the site root to the language's folder."""
    match = re.search(r'(<script id="__config" type="application/json">)(.*?)(</script>)', output, re.S)
    if not match:
        return output
    data = json.loads(match.group(2))
    # Trailing slash: Material resolves "search/search_index.json" against base.
    data["base"] = (data["base"].rstrip("/") + "/" + lang.folder) if data["base"] not in ("", ".") else lang.folder
    return output[:match.start(2)] + json.dumps(data, separators=(",", ":")) + output[match.end(2):]

