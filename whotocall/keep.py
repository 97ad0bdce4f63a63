"""Keep the guide on a phone: what the build writes for the service worker (README, "On the phone without a connection").

Two finishing steps (whotocall/finish.py). `phone_files`, before the offline zip:
the worker (sw.js at the site root, so its scope is the whole site), a manifest
per language (installable, its name and start page in that language), icons
typeset by Typst from docs/assets/favicon.svg, and a small page per language
that the worker shows for a page that was not saved (emergency numbers as tel:
links). `keep_lists`, last (after file sizes have changed the pages): one list
per language, <lang>/keep.json, naming every file a saved copy of that language
holds with a hash of its bytes; the worker saves from it and compares each page
it fetches with it to learn that the site has changed.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlsplit

from . import languages
from .data import Catalog, DataError, _read_mkdocs_yml
from .file_sizes import size_text

HERE = Path(__file__).resolve().parent / "keep_assets"
WORKER = "sw.js"
LIST = "keep.json"
MANIFEST = "manifest.webmanifest"
FALLBACK = "offline.html"
FALLBACK_CSS = "assets/offline.css"
# The site's policy (hooks/csp.py) for the page for unsaved pages, which has no inline script.
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
          "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; "
          "form-action 'self'")
ICONS = {192: "assets/icons/icon-192.png", 512: "assets/icons/icon-512.png"}
ICON_SOURCE = Path("docs") / "assets" / "favicon.svg"
THEME_COLOR = "#0b4a6f"            # the header's colour (docs/assets/site.css)
# The numbers the page for an unsaved page offers (tel: links work with no data).
FALLBACK_NUMBERS = ("911", "988", "dv-hotline", "poison-help", "211", "711")
# Files a page refers to that a saved copy keeps (PDFs, the zip and the vCards wait until asked).
KEPT_TYPES = (".css", ".js", ".svg", ".png", ".json", ".webmanifest", ".ico", ".woff2")
LUNR = "assets/javascripts/lunr/"

_REFERENCE = re.compile(r'\s(?:href|src)="([^"#?]*)[^"]*"')


# --- Steps -------------------------------------------------------------------

def phone_files(root: Path, site: Path, catalog: Catalog):
    """The worker, the icons, and each language's manifest and page for unsaved pages."""
    from .card_pdfs import site_url_from_config
    from .render import renderer_once
    renderer = renderer_once(catalog)
    site_languages = languages.languages(root)
    worker = (HERE / WORKER).read_text(encoding="utf-8")
    if "/*LANGS*/[]" not in worker:
        raise DataError(f"{(HERE / WORKER).relative_to(root)} lost its /*LANGS*/[] slot; restore it from git.")
    codes = json.dumps([lang.code for lang in site_languages])
    (site / WORKER).write_text(worker.replace("/*LANGS*/[]", codes), encoding="utf-8")
    for size, png in icon_pngs(root).items():
        (site / ICONS[size]).parent.mkdir(parents=True, exist_ok=True)
        (site / ICONS[size]).write_bytes(png)
    names = site_names(root)
    site_url = site_url_from_config(root)
    for lang in site_languages:
        folder = site / lang.folder
        manifest = {
            "name": names[lang.code], "short_name": names[lang.code], "lang": lang.code, "dir": lang.dir,
            "id": "./", "start_url": "./", "scope": "./", "display": "standalone",
            "background_color": "#ffffff", "theme_color": THEME_COLOR,
            "icons": [{"src": _relative(path, lang.folder), "sizes": f"{size}x{size}", "type": "image/png",
                       "purpose": "any maskable"} for size, path in ICONS.items()],
        }
        (folder / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        html = str(renderer.render("offline_page.html", lang.code, block=False, dir=lang.dir,
                                   title=names[lang.code], ids=FALLBACK_NUMBERS, home=lang.home_path(site_url),
                                   css=languages.default(root).home_path(site_url) + FALLBACK_CSS, policy=POLICY,
                                   date=renderer.date(lang.code, catalog.last_checked())))
        (folder / FALLBACK).write_text(html, encoding="utf-8")
    (site / FALLBACK_CSS).write_text((HERE / "offline.css").read_text(encoding="utf-8"), encoding="utf-8")


def keep_lists(root: Path, site: Path, catalog: Catalog):
    """<lang>/keep.json for every language: each file of a saved copy with a hash of its bytes."""
    from .render import renderer_once
    renderer = renderer_once(catalog)
    site_languages = languages.languages(root)
    for lang in site_languages:
        files = saved_files(site, lang, site_languages)
        hashes = {path: file_hash(site / _file(path)) for path in sorted(files)}
        total = sum((site / _file(path)).stat().st_size for path in hashes)
        version = hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()[:16]
        listing = {"version": version, "bytes": total, "size": size_text(total, lang.babel),
                   "checked": catalog.last_checked(), "date": renderer.date(lang.code, catalog.last_checked()),
                   "files": hashes}
        (site / lang.folder / LIST).write_text(json.dumps(listing, ensure_ascii=False, indent=0), encoding="utf-8")


# --- Helper functions --------------------------------------------------------

def saved_files(site: Path, lang: languages.Language, site_languages) -> set[str]:
    """Site-relative URLs a saved copy of `lang` holds: its pages (as folder links), what they refer to,
    its search index and the search worker's files for its lunr languages, its manifest and fallback page."""
    others = [other.folder for other in site_languages if other.folder and other is not lang]
    pages = [page for page in sorted((site / lang.folder).rglob("index.html"))
             if not any(page.relative_to(site).as_posix().startswith(prefix)
                        for prefix in (*others, "downloads/", "assets/", "search/"))]
    if not pages:
        raise DataError(f"keep: no pages found for language '{lang.code}' in {site}.")
    urls = {lang.folder + FALLBACK, FALLBACK_CSS, lang.folder + MANIFEST, lang.folder + "search/search_index.json",
            *ICONS.values()}
    for page in pages:
        url = page.relative_to(site).parent.as_posix() + "/"
        url = "" if url == "./" else url
        urls.add(url)
        for target in _REFERENCE.findall(page.read_text(encoding="utf-8")):
            if not target or urlsplit(target).scheme or target.startswith("/"):
                continue
            path = urljoin("/" + url, target).lstrip("/")
            if path.endswith(KEPT_TYPES) and (site / path).is_file() and not path.startswith(tuple(others)):
                urls.add(path)
    # What Material's search worker loads once the reader searches (workers/search.*.min.js).
    urls |= {p.relative_to(site).as_posix() for p in (site / "assets/javascripts/workers").glob("*.js")}
    lunr_langs = lang.search.get("lang", ["en"])
    extra = ["min/lunr.stemmer.support.min.js"] + [f"min/lunr.{code}.min.js" for code in lunr_langs if code != "en"]
    extra += ["min/lunr.multi.min.js"] if len(lunr_langs) > 1 else []
    extra += ["tinyseg.js"] if "ja" in lunr_langs else []
    for name in extra:
        if not (site / LUNR / name).is_file():
            raise DataError(f"keep: {LUNR}{name}, which search in '{lang.code}' loads, is not in the site.")
        urls.add(LUNR + name)
    missing = sorted(u for u in urls if not (site / _file(u)).is_file())
    if missing:
        raise DataError(f"keep: the saved copy of '{lang.code}' would name files the build did not make: "
                        f"{', '.join(missing)}.")
    return urls


def file_hash(path: Path) -> str:
    """The first 16 hex digits of the file's SHA-256 (the worker computes the same for pages it fetches)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def icon_pngs(root: Path) -> dict[int, bytes]:
    """The app icons, typeset by Typst from the site's own SVG on the header's colour (no system library)."""
    import typst
    svg = root / ICON_SOURCE
    if not svg.exists():
        raise DataError(f"{ICON_SOURCE} is missing: the app icons are made from it.")
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[])
    compiler = typst.Compiler(input=str(HERE / "icon.typ"), root=str(root), font_paths=fonts)
    return {size: compiler.compile(format="png", ppi=72.0, sys_inputs={
        "size": str(size), "svg": "/" + ICON_SOURCE.as_posix(), "color": THEME_COLOR}) for size in ICONS}


def site_names(root: Path) -> dict[str, str]:
    """Each language's site name (its i18n entry in mkdocs.yml, else the site's)."""
    config = _read_mkdocs_yml(root)
    names = {}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in plugin["i18n"]["languages"]:
                names[entry["locale"]] = entry.get("site_name", config["site_name"])
    return {lang.code: names.get(lang.code, config["site_name"]) for lang in languages.languages(root)}


def _file(url: str) -> str:
    """The file behind a site-relative URL (a folder link is its index.html)."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def _relative(path: str, folder: str) -> str:
    return "../" * len(PurePosixPath(folder).parts) + path
