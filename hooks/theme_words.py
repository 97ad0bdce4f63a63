"""Give theme templates the site's words and numbers (one catalog for every language).

Templates call `wtc.t(lang, key)` and `wtc.tel(id)`; the catalog is the same
validated data the page macros use, so the header banner and the pages can
never disagree on a number.
"""
import sys
from pathlib import Path

# MkDocs loads hooks by file path, before any plugin puts the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from whotocall.data import load_catalog, site_languages  # noqa: E402
from whotocall.render import Renderer  # noqa: E402


# Hooks

def on_env(env, config, files):
    """Add the `wtc` helper to the theme's Jinja environment."""
    root = Path(config.config_file_path).parent
    env.globals["wtc"] = Renderer(load_catalog(root, site_languages(root)))
    return env
