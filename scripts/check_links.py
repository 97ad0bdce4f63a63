"""Check every internal link and #anchor of a built site; list the external links.

Reads every HTML file under the site folder, resolves each href/src against
the file it is in (or against the site URL, for absolute links to the site
itself), and reports targets that do not exist and #fragments with no
matching id. tel:, sms:, mailto: and links to other hosts are not followed;
links to other hosts are listed, with the pages that use them.

Usage: python scripts/check_links.py [SITE_DIR]   (default: site/); exit 1 on a broken link.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
NOT_FOLLOWED = ("tel:", "sms:", "mailto:", "javascript:", "data:")
# Where a page refers to another file or place.
LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src", "form": "action"}
LOCAL = "http://site.invalid/"   # a made-up origin: each file's own URL under it


@dataclass
class Report:
    """What the check found."""
    pages: int = 0
    links: int = 0
    broken: list = field(default_factory=list)                    # "page: href (why)"
    external: dict = field(default_factory=lambda: defaultdict(set))   # url -> {pages}


def _parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def check(site: Path, parse=_parse) -> Report:
    """Every link of every HTML file under site (parse: path -> BeautifulSoup, e.g. one that keeps pages parsed)."""
    site = Path(site)
    files = sorted(site.rglob("*.html"))
    site_url = _site_url(site)
    ids = {}
    report = Report(pages=len(files))
    for path in files:
        page = path.relative_to(site).as_posix()
        soup = parse(path)
        ids[page] = _ids(soup)
        for tag, attribute in LINKING.items():
            for element in soup.find_all(tag):
                href = element.get(attribute)
                if not href or href.startswith(NOT_FOLLOWED) or element.get("rel") == ["dns-prefetch"]:
                    continue
                report.links += 1
                target = _resolve(page, href, site_url)
                if target is None:
                    report.external[href].add(page)
                    continue
                target_path, fragment = target
                file = _file_for(site, target_path)
                if file is None:
                    report.broken.append(f"{page}: {href} (no file {target_path or '/'})")
                elif fragment:
                    key = file.relative_to(site).as_posix()
                    if key not in ids:
                        if file.suffix != ".html":
                            continue
                        ids[key] = _ids(parse(file))
                    if fragment not in ids[key]:
                        report.broken.append(f"{page}: {href} (no id=\"{fragment}\" in {key})")
    return report


def _site_url(site: Path) -> str:
    """The site's own URL, from the home page's canonical link (absolute links to it are internal)."""
    home = site / "index.html"
    if home.exists():
        canonical = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").select_one('link[rel="canonical"]')
        if canonical and canonical.get("href"):
            return canonical["href"]
    return LOCAL


def _resolve(page: str, href: str, site_url: str):
    """(path inside the site, fragment) for an internal link, None for another host."""
    url = urljoin(LOCAL + page, href)
    if href.startswith(site_url):
        url = LOCAL + href[len(site_url):]
    elif href.startswith("/"):
        # Path-absolute (the 404 pages): relative to the site URL's path.
        prefix = urlsplit(site_url).path if site_url != LOCAL else "/"
        url = LOCAL + href[len(prefix):] if href.startswith(prefix) else LOCAL + href.lstrip("/")
    if not url.startswith(LOCAL):
        return None
    parts = urlsplit(url)
    return unquote(parts.path.lstrip("/")), unquote(parts.fragment)


def _file_for(site: Path, path: str):
    """The file a URL path serves: the file itself, or a folder's index.html."""
    candidate = site / path
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _ids(soup) -> set:
    """Every id and <a name> a fragment can point at."""
    return {element["id"] for element in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site", help="built site folder (default: site/)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site}: no built site here (run make build)", file=sys.stderr)
        return 1
    report = check(args.site)
    print(f"{report.pages} pages, {report.links} links, {len(report.broken)} broken, "
          f"{len(report.external)} external addresses")
    for problem in report.broken:
        print(f"BROKEN {problem}")
    print("\nExternal links (not followed):")
    for url, pages in sorted(report.external.items()):
        print(f"  {url}  ({len(pages)} pages)")
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
