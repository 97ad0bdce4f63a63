"""Give theme templates the site's words, the 911 link and the language links, as plain values.

The partials in overrides/partials/ read `wtc` from the page context: words in
the reader's language, the emergency number, and one entry per language for
the switcher and the hreflang links. They are plain strings, lists and dicts
(no Python objects called from templates), from the same validated catalog the
page macros use, so the header banner and the pages never disagree on a number.
"""
import sys
from pathlib import Path
from urllib.parse import urljoin

# MkDocs loads hooks by file path, before any plugin puts the project on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.utils import get_relative_url  # noqa: E402

from whotocall import languages, material  # noqa: E402
from whotocall.data import load_catalog_once  # noqa: E402
from whotocall.render import renderer_once  # noqa: E402

# Words the partials show, by the name they use: data/text/<lang>.yml key.
WORDS = {"danger_now": "ui.danger_now", "call": "ui.call", "leave_site": "ui.leave_site",
         "leave_site_hint": "ui.leave_site_hint"}
EMERGENCY = "911"


# Hooks

@event_priority(-100)
def on_page_context(context, page, config, nav):
    """Plain values for a page, after static-i18n (priority 50) has pointed config.extra.alternate at its translations."""
    # An attribute, not a key: static-i18n assigns config.extra.alternate per page (as Material's templates read it).
    links = {alt["lang"]: alt["link"] for alt in getattr(config.extra, "alternate", None) or []}
    context["wtc"] = values(config, page.url, page.canonical_url, links)
    return context


def on_template_context(context, template_name, config):
    """The same for the 404 page, which is served at any address: it links each language's home by path."""
    if template_name == "404.html":
        context["wtc"] = values(config, None, None, {})
    return context


# Helper functions

def _root(config):
    """The project folder (where mkdocs.yml is)."""
    return Path(config.config_file_path).parent


def values(config, page_url, canonical_url, links):
    """Everything the partials need for one page in the language being built (page_url None: the 404 page)."""
    root = _root(config)
    renderer = renderer_once(load_catalog_once(root))
    lang = material.building_language(config)
    dial = renderer.number(EMERGENCY)["dial"]
    site_languages = []
    for language in languages.languages(root):
        link = links.get(language.code, language.page("index"))
        site_languages.append({
            "code": language.code,
            "name": language.name,
            "dir": language.dir,
            "current": language.code == lang,
            # Relative, so the offline edition works from file://; the 404 page, served anywhere, by path.
            "href": (get_relative_url(_file_link(link, config.use_directory_urls) or ".", page_url or ".")
                     if page_url is not None else language.home_path(config.site_url)),
            "url": urljoin(config.site_url or "/", link.lstrip("/")),
        })
    return {
        "lang": lang,
        "folder": languages.get(lang, root).folder,   # the language's folder, for its manifest
        "search_words": languages.get(lang, root).writing.search_words,   # "zh", "marks" or ""
        "words": {name: renderer.t(lang, key) for name, key in WORDS.items()},
        "last_checked": renderer.t(lang, "ui.last_checked", date=renderer.date(lang, renderer.catalog.last_checked())),
        "emergency": {"dial": dial, "tel": renderer.tel(dial)},
        "languages": site_languages,
        "address": canonical_url or config.site_url,
        "is_page": page_url is not None,
    }


def _file_link(link, directory_urls):
    """A site-root link without its leading slash; a folder names its index.html without directory URLs."""
    target = link.lstrip("/")
    if not directory_urls and (target == "" or target.endswith("/")):
        target += "index.html"
    return target
