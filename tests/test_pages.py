"""The built pages a reader gets: every page exists, numbers come from data with tel: links."""
import re

import pytest

from tests.pages import ROOT, english_slugs, page_path, soup

REQUIRED = ["index", "call-911", "non-emergency", "what-to-expect", "know-your-rights",
            "other-help", "law-enforcement", "sources"]
TYPED_NUMBER = re.compile(r"(^|[^0-9{\"'])(911|988|211|311|511|711)([^0-9]|$)|1-?8[0-9]{2}-[0-9]{3}-[0-9]{4}")



def test_required_slugs_exist_in_sources():
    assert set(REQUIRED) <= set(english_slugs())


@pytest.mark.parametrize("slug", REQUIRED)
def test_every_page_is_built_in_english(site, slug):
    html = soup(page_path(site, "en", slug))
    assert html.find("h1"), f"{slug}: no h1"
    assert html.html["lang"] == "en"


def test_no_phone_number_typed_into_markdown():
    """Numbers reach pages only through macros; a typed number would not follow data/."""
    offenders = []
    for md in (ROOT / "docs").glob("*.md"):
        for number, line in enumerate(md.read_text(encoding="utf-8").splitlines(), 1):
            stripped = re.sub(r"\{\{.*?\}\}|\]\([^)]*\)", "", line)
            if TYPED_NUMBER.search(stripped):
                offenders.append(f"{md.name}:{number}: {line.strip()}")
    assert not offenders, "phone numbers typed into Markdown:\n" + "\n".join(offenders)


def test_typed_number_check_catches_a_number():
    """Negative control for the check above."""
    assert TYPED_NUMBER.search("Call 988 now")
    assert TYPED_NUMBER.search("Call 1-800-799-7233")
    assert not TYPED_NUMBER.search("About 18,000 agencies")


def test_every_dialable_number_has_a_working_tel_link(site, catalog):
    """Each number in data/ appears on the site as a tel: link whose digits match its dial string."""
    links = {}
    for html_file in site.rglob("*.html"):
        for a in soup(html_file).select('a[href^="tel:"]'):
            links.setdefault(a["href"], a.get_text(" ", strip=True))
    for number in catalog.numbers.values():
        if not number["dial"]:
            continue
        digits = number["dial"].replace("-", "")
        matches = [href for href in links if href.replace("tel:", "").lstrip("+").endswith(digits)]
        assert matches, f"no tel: link for {number['id']} ({number['dial']})"
        assert number["dial"] in links[matches[0]], f"link text for {number['id']} lacks the number"


def test_home_starts_with_911_tel_link(site):
    """The first link in the main content of the home page calls 911."""
    html = soup(page_path(site, "en", "index"))
    first = html.select_one("article a[href]")
    assert first["href"] == "tel:911"
    assert "911" in first.get_text()


def test_911_link_in_first_14kb_of_every_page(site):
    """The 911 tel: link arrives in the first TCP round trips, before any CSS or JS."""
    for html_file in site.rglob("*.html"):
        head = html_file.read_bytes()[:14 * 1024]
        assert b'href="tel:911"' in head, f"{html_file.relative_to(site)}: no tel:911 in first 14 KB"


def test_situations_render_from_data(site, catalog):
    html = soup(page_path(site, "en", "call-911"))
    emergency = [s["id"] for s in catalog.situations if s["category"] == "emergency"]
    for situation_id in emergency:
        assert html.select_one(f"#situation-{situation_id}"), situation_id


def test_sources_page_lists_every_source_with_date(site, catalog):
    html = soup(page_path(site, "en", "sources"))
    for source_id, source in catalog.sources.items():
        row = html.select_one(f"#source-{source_id}")
        assert row, source_id
        assert row.select_one(f'a[href="{source["url"]}"]')
    assert "not legal advice" in html.get_text()


def test_every_number_cites_its_source(site, catalog):
    html = soup(page_path(site, "en", "other-help"))
    for card in html.select(".wtc-number"):
        assert card.select_one(".wtc-cite a[href^='https://']"), card.get("id")
