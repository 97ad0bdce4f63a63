"""Keep one 404 page per language.

static-i18n runs one MkDocs build per language into the same folder and each
writes 404.html, so only the last language's would survive. After each
language's build this copies 404.html to <lang>/404.html, and the default
language's aside (whotocall/postbuild.py puts it back at the root).
"""
import shutil
from pathlib import Path

DEFAULT_COPY = ".404-default.html"


# Hooks

def on_post_build(config):
    """Copy this language's freshly written 404.html to where it belongs."""
    i18n = config.plugins.get("i18n")
    site = Path(config.site_dir)
    page = site / "404.html"
    if not i18n or not page.exists():
        return
    lang = i18n.current_language
    target = site / DEFAULT_COPY if lang == i18n.default_language else site / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(page, target)
