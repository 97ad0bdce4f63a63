"""English pages read at US grade 8 or below (Flesch-Kincaid on the rendered article text)."""
import pytest
from bs4 import BeautifulSoup

from tests.pages import english_slugs, page_path
from whotocall.readability import grade

MAX_GRADE = 8.0


def article_text(path):
    html = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = html.select_one("article")
    for skip in article.select(".wtc-cite, table, .wtc-number__meta, [lang]:not([lang=en])"):
        skip.decompose()
    return article.get_text("\n")


@pytest.mark.parametrize("slug", english_slugs())
def test_english_page_is_grade_8_or_below(site, slug):
    level = grade(article_text(page_path(site, "en", slug)))
    print(f"{slug}: Flesch-Kincaid grade {level:.1f}")
    assert level <= MAX_GRADE, f"{slug} reads at grade {level:.1f}; shorten sentences and words"


def test_grade_check_flags_hard_text():
    """Negative control: legal prose scores far above the limit."""
    hard = ("Notwithstanding the aforementioned jurisprudential considerations, custodial interrogation "
            "necessitates unambiguous invocation of constitutional protections by the individual.")
    assert grade(hard) > 12
