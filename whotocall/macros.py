"""Page macros (mkdocs-macros `define_env` style): the only way numbers reach Markdown.

A page writes {{ call("911") }} or {{ situations("emergency") }}; the macro
finds the page's language and renders a component from overrides/components/.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from . import languages
from .data import load_catalog_once
from .render import renderer_once

# Home page chooser: which number cards show, and the page that explains each.
CHOOSER = [
    ("911", "call-911"), ("police-non-emergency", "non-emergency"), ("988", "other-help"),
    ("dv-hotline", "other-help"), ("211", "other-help"), ("311", "other-help"),
    ("511", "other-help"), ("711", "other-help"),
]

# "Show the officer": the phrases, in order (words under officer.phrases in data/text/<lang>.yml).
OFFICER_PHRASES = ("silent", "lawyer", "no_search", "free_to_go", "warrant")

# What the warrant explainer rests on (data/sources.yml ids).
WARRANT_SOURCES = ("aclu-immigrants", "ilrc-red-cards")


def define_env(env):
    """Load and check data/ once, then register the page macros."""
    root = Path(env.project_dir)
    catalog = load_catalog_once(root)   # once per MkDocs run, not once per language build
    renderer = renderer_once(catalog)

    def lang() -> str:
        """The language of the page being rendered (its file's locale)."""
        page = env.page
        return getattr(page.file, "locale", None) or catalog_default

    catalog_default = languages.default(root).code

    def page_link(slug: str) -> str:
        """Relative link from the current page to page `slug` in the reader's language.

        The reader's language is the folder the page is served from, not its file's: a page
        shown in English because its translation is missing still links the reader's pages.
        """
        reader = languages.of_path(env.page.url or "", root)
        return reader.link(slug, env.page.url or "./", env.conf["use_directory_urls"])

    @env.macro
    def call(number_id: str):
        """Inline tel: link, 'Call 911'."""
        return renderer.render("call.html", lang(), block=False, id=number_id)

    @env.macro
    def dial(number_id: str):
        """The bare dial string of a number, left-to-right."""
        return renderer.render("dial.html", lang(), block=False, id=number_id)

    @env.macro
    def plain(number_id: str) -> str:
        """The dial string as plain text, for page titles (no markup allowed there)."""
        return renderer.number(number_id)["dial"]

    @env.macro
    def text_link(number_id: str):
        """Inline sms: link for a number that takes texts."""
        return renderer.render("text.html", lang(), block=False, id=number_id)

    @env.macro
    def number(number_id: str, level: int = 3):
        """One number card with all ways to reach it and its sources."""
        return renderer.render("number.html", lang(), block=True, id=number_id, level=level)

    @env.macro
    def numbers(*number_ids: str, level: int = 3):
        """Several number cards."""
        return renderer.render("numbers.html", lang(), block=True, ids=number_ids, level=level)

    @env.macro
    def situations(category: str, show_number: bool = False):
        """The list of situations of one category (emergency, police, other-help)."""
        return renderer.render("situations.html", lang(), block=True, category=category, show_number=show_number)

    @env.macro
    def chooser():
        """Home page cards: each number with a tel: link and a link to its page."""
        items = [{"id": nid, "page": page_link(page)} for nid, page in CHOOSER]
        return renderer.render("chooser.html", lang(), block=True, items=items)

    @env.macro
    def quiz():
        """The quiz: accessible HTML from data/quiz.yml, plus its data for quiz.js."""
        language = lang()
        return renderer.render("quiz.html", language, block=True, **renderer.quiz(language),
                               script=get_relative_url("assets/javascripts/quiz.js", env.page.url or "./"))

    @env.macro
    def download_zip():
        """Link to the reader's language's offline zip with its size and the facts date (the offline edition swaps in a note)."""
        from .file_sizes import sentence
        from .offline import zip_path
        target = zip_path(lang())
        href = get_relative_url(target, env.page.url or "./")
        label = sentence(renderer.t(lang(), "ui.download_zip"), target)
        return renderer.render("download.html", lang(), block=True, href=href, label=label)

    @env.macro
    def keep_guide():
        """"Keep this guide on this phone": save and remove buttons for the reader's language (whotocall/keep.py)."""
        from .keep import LIST, WORKER
        reader = languages.of_path(env.page.url or "", root)
        here = env.page.url or "./"
        return renderer.render("keep.html", reader.code, block=True,
                               list=get_relative_url(reader.folder + LIST, here),
                               worker=get_relative_url(WORKER, here),
                               script=get_relative_url("assets/javascripts/keep.js", here))

    @env.macro
    def keep_prompt():
        """End of the home page: a short line leading to the keep button on the download page."""
        return renderer.render("keep_prompt.html", lang(), block=True, href=page_link("download") + "#keep")

    @env.macro
    def vcards():
        """Links to the two vCard files of the reader's language with their sizes (whotocall/vcards.py)."""
        from .file_sizes import sentence
        from .vcards import FOLDER, labelled_name, neutral_name
        language, here = lang(), env.page.url or "./"
        links = [{"href": get_relative_url(f"{FOLDER}/{name}", here),
                  "label": sentence(renderer.t(language, key), f"{FOLDER}/{name}")}
                 for name, key in ((labelled_name(language), "vcards.download"),
                                   (neutral_name(language), "vcards.download_neutral"))]
        return renderer.render("vcards.html", language, block=True, links=links)

    @env.macro
    def one_file():
        """Link to the one-file copy of the reader's language with its size (whotocall/one_file.py)."""
        from .file_sizes import sentence
        from .one_file import FOLDER, file_name
        target = f"{FOLDER}/{file_name(lang())}"
        return renderer.render("one_file_link.html", lang(), block=True,
                               href=get_relative_url(target, env.page.url or "./"),
                               label=sentence(renderer.t(lang(), "one_file.download"), target))

    @env.macro
    def cards_downloads():
        """Preview of the pocket cards (front and back) and links to their PDFs with their sizes (whotocall/file_sizes.py)."""
        from .cards import DOWNLOADS, card_page
        from .file_sizes import sentence
        page = card_page(catalog, lang(), catalog_default, env.page.url or "./")
        for item in page["downloads"]:
            item["size"] = sentence(renderer.t(lang(), "cards.pdf_size"), f"{DOWNLOADS}/{item['name']}")
        return renderer.render("cards.html", lang(), block=True, **page)

    @env.macro
    def cite(*source_ids: str):
        """Inline 'Source: publisher, checked date' for a claim."""
        return renderer.render("cite.html", lang(), block=False, ids=source_ids)

    @env.macro
    def warrant(level: int = 3):
        """Warrant explainer: a court's warrant beside immigration forms I-200/I-205, what to do at the door,
        and the dated notice that the law is disputed (dated by the newest check of its sources)."""
        ids = WARRANT_SOURCES
        checked = max(renderer.source(i)["checked"] for i in ids)
        return renderer.render("warrant.html", lang(), block=True, level=level, ids=ids, checked=checked)

    @env.macro
    def show_officer():
        """"Show the officer": the key phrases in large English with the reader's words (rights page)."""
        return renderer.render("officer.html", lang(), block=True, ids=OFFICER_PHRASES,
                               script=get_relative_url("assets/javascripts/officer.js", env.page.url or "./"))

    @env.macro
    def sources_table():
        """Every source with what it backs and when it was checked."""
        return renderer.render("sources.html", lang(), block=True)

    @env.macro
    def t(key: str, **values):
        """Words from data/text/<lang>.yml (escaped)."""
        from markupsafe import escape
        return escape(renderer.t(lang(), key, **values))

    @env.macro
    def last_checked():
        """The newest 'checked' date of any source, written for the page's language."""
        return renderer.date(lang(), catalog.last_checked())

    env.variables["wtc_catalog"] = catalog
