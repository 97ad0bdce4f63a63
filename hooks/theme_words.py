"""Give theme templates the site's words and numbers (one catalog for every language).

Templates call `wtc.t(lang, key)` and `wtc.tel(id)`; the catalog is the same
validated data the page macros use, so the header banner and the pages can
never disagree on a number.
"""
import re
import sys
from pathlib import Path

# MkDocs loads hooks by file path, before any plugin puts the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from whotocall.data import load_catalog_once  # noqa: E402
from whotocall.render import renderer_once  # noqa: E402


_PLAIN = re.compile(r"""\{\{\s*plain\(\s*["']([^"']+)["']\s*\)\s*\}\}""")


# Hooks

def on_env(env, config, files):
    """Add the `wtc` helper to the theme's Jinja environment."""
    root = Path(config.config_file_path).parent
    env.globals["wtc"] = renderer_once(load_catalog_once(root))
    return env


def on_page_markdown(markdown, page, config, files):
    """Fill {{ plain("911") }} in a page's front-matter title, which MkDocs shows in <title> and nav."""
    title = page.meta.get("title")
    if isinstance(title, str) and "{{" in title:
        renderer = renderer_once(load_catalog_once(Path(config.config_file_path).parent))
        page.meta["title"] = _PLAIN.sub(lambda m: renderer.number(m.group(1))["dial"] or "", title)
        if "{{" in page.meta["title"]:
            raise PluginError(f"{page.file.src_uri}: only {{{{ plain(\"id\") }}}} may be used in a title.")
        page.title = page.meta["title"]
    return markdown
