"""Every internal link and #anchor resolves in every language; external links are listed, not followed.

The check is scripts/check_links.py, run on the session's build; a scratch
copy of the site with one broken link and one broken anchor must fail it.
"""
import shutil

from scripts.check_links import check
from tests.pages import page_path


def test_every_internal_link_and_anchor_resolves(site, tmp_path):
    report = check(site)
    listing = tmp_path / "external-links.txt"
    listing.write_text("".join(f"{url}\t{len(pages)} pages\n" for url, pages in sorted(report.external.items())),
                       encoding="utf-8")
    print(f"\n{report.pages} pages, {report.links} links, {len(report.broken)} broken; "
          f"{len(report.external)} external addresses (listed in {listing}):")
    for url, pages in sorted(report.external.items()):
        print(f"  {url}  ({len(pages)} pages)")
    assert report.pages > 50 and report.links > 1000
    assert not report.broken, "broken links:\n" + "\n".join(report.broken)


def test_check_finds_a_broken_link_and_anchor(site, tmp_path):
    """Negative control: a link to a missing page and to a missing id, in a scratch site of the three
    pages the check reads for them (the check of the whole site above finds nothing broken)."""
    copy = tmp_path / "site"
    for lang, slug in (("en", "index"), ("es", "call-911"), ("es", "know-your-rights")):
        page_path(copy, lang, slug).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(page_path(site, lang, slug), page_path(copy, lang, slug))
    page = page_path(copy, "es", "call-911")
    html = page.read_text(encoding="utf-8")
    broken = '<a href="../no-such-page/">x</a> <a href="../know-your-rights/#no-such-id">y</a></article>'
    page.write_text(html.replace("</article>", broken, 1), encoding="utf-8")
    problems = [problem for problem in check(copy).broken if "no-such" in problem]   # not the files left out
    assert len(problems) == 2, problems
    assert "es/call-911/index.html: ../no-such-page/" in problems[0]
    assert 'no id="no-such-id" in es/know-your-rights/index.html' in problems[1]
