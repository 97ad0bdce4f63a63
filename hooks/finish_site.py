"""Finish the site once every language is built, so `mkdocs build` and `mkdocs serve` give what ships.

static-i18n builds the default language, then, inside that build's
on_post_build (priority -100), every other language. This hook's on_post_build
runs after that (priority -200), once per MkDocs run, and calls
whotocall/finish.py: search index and 404 page per language, card PDFs,
offline edition and zip, file sizes on the pages. The nested language builds
run this hook too; they only keep their 404 page.
"""
import json
import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import event_priority  # noqa: E402

from whotocall import card_pdfs, data, material  # noqa: E402
from whotocall.data import load_catalog_once  # noqa: E402
from whotocall.mkdocs_run import source_date_epoch  # noqa: E402

log = logging.getLogger("mkdocs.hooks.finish_site")
# Each language's 404 page as MkDocs rendered it, by language code (every build writes 404.html at the root).
_NOT_FOUND: dict = {}


# Hooks

@event_priority(100)
def on_config(config):
    """Read data/ afresh for each run (`mkdocs serve` rebuilds in one process); date the build by the facts."""
    if not material.building_other_languages(config):
        _NOT_FOUND.clear()
        data._CACHE.pop(_root(config), None)   # before the macros plugin loads the catalog for this run
        card_pdfs.begin(_root(config), config.site_url)   # typeset beside MkDocs; finish() takes the files
    # The day sources were last checked, so every build of the same sources gives the same bytes.
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(load_catalog_once(_root(config)))
    return config


def on_env(env, config, files):
    """Stop as soon as the cards have failed (e.g. a translation overflows a card), at the start of the
    next language rather than after every language (a page event would wrap the message in MkDocs' own)."""
    card_pdfs.stop_if_failed(_root(config))
    return env


@event_priority(-200)
def on_post_template(output, template_name, config):
    """Keep this language's finished 404 page (after every other hook has changed it)."""
    if template_name == "404.html":
        _NOT_FOUND[material.building_language(config)] = output
    return output


@event_priority(-200)
def on_post_build(config):
    """After the last language: finish the site (whotocall/finish.py)."""
    if material.building_other_languages(config):
        return
    from whotocall.finish import finish
    timings = finish(_root(config), Path(config.site_dir), load_catalog_once(_root(config)), dict(_NOT_FOUND))
    log.info("Finished the site: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in timings.items()))
    if os.environ.get("WTC_TIMINGS"):     # scripts/build.py --timings (make bench)
        Path(os.environ["WTC_TIMINGS"]).write_text(json.dumps(timings, indent=1), encoding="utf-8")


# Helper functions

def _root(config):
    """The project folder (where mkdocs.yml is)."""
    return Path(config.config_file_path).parent

