"""Search in a real browser returns only pages of the reader's language."""
import pytest

from tests.pages import page_url

# A word each language's pages use, and a word that only another language uses.
QUERIES = {
    "en": ("lawyer", "abogado"),
    "es": ("abogado", "律师"),
    "zh": ("报警", "abogado"),
    "vi": ("luật sư", "abogado"),
    "ar": ("محامي", "abogado"),
}


def search(browser, url, query):
    """Type a query in Material's search box; return the result links."""
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(url, wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.focus()
    box.fill(query)
    box.press("End")  # Playwright types non-ASCII without key events; Material waits for one
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta')?.textContent.trim().length > 0")
    page.wait_for_timeout(300)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    page.close()
    assert not errors, errors
    return links


@pytest.mark.parametrize("lang", list(QUERIES))
def test_search_returns_only_this_language(browser, server, languages, lang):
    if lang not in languages:
        pytest.skip(f"{lang} not shipped")
    word, foreign = QUERIES[lang]
    links = search(browser, page_url(server, lang, "call-911"), word)
    assert links, f"{lang}: no result for {word!r}"
    prefix = server if lang == "en" else f"{server}{lang}/"
    assert all(link.startswith(prefix) for link in links), links
    others = [f"{server}{code}/" for code in languages[1:] if code != lang]
    assert not [link for link in links if any(link.startswith(o) for o in others)], links
    # Negative control: another language's word finds nothing here.
    assert search(browser, page_url(server, lang, "call-911"), foreign) == []
