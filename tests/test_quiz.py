"""The quiz: built from data, usable by keyboard in English and Arabic, readable without JavaScript."""
import gzip

import pytest
from bs4 import BeautifulSoup

from tests.conftest import data_error, edit
from tests.pages import page_path, page_url

MAX_GZIP = 4 * 1024


def test_every_quiz_answer_and_option_exists(catalog):
    assert len(catalog.quiz) >= 12
    for q in catalog.quiz:
        assert q["answer"] in q["offered"], q["id"]
        for option in q["options"]:
            assert option in catalog.numbers, (q["id"], option)
    offered = {o for q in catalog.quiz for o in q["options"]}
    for must in ("911", "police-non-emergency", "988", "211", "311", "511", "711"):
        assert must in offered, f"no question offers {must}"


def test_quiz_script_is_small(site):
    raw = (site / "assets" / "javascripts" / "quiz.js").read_bytes()
    size = len(gzip.compress(raw, 9))
    print(f"quiz.js: {len(raw)} bytes, {size} bytes gzipped (limit {MAX_GZIP})")
    assert size <= MAX_GZIP


def test_quiz_markup_without_javascript(site, catalog, languages):
    for lang in languages:
        html = BeautifulSoup(page_path(site, lang, "quiz").read_text(encoding="utf-8"), "html.parser")
        fieldsets = html.select("form.wtc-quiz fieldset")
        assert len(fieldsets) == len(catalog.quiz)
        for number, (fieldset, q) in enumerate(zip(fieldsets, catalog.quiz), 1):
            assert fieldset.legend.select_one(".wtc-q__number").get_text(strip=True) == f"{number}."
            assert fieldset.legend.select_one(".wtc-q__question").get_text(strip=True) == \
                catalog.text(lang, f"quiz.{q['id']}.question")
            radios = fieldset.select("input[type=radio]")
            assert [r["value"] for r in radios] == q["offered"]
            assert all(r.find_parent("label") for r in radios), "each radio needs a label"
            details = fieldset.select_one("details")
            assert catalog.text(lang, f"quiz.{q['id']}.explain.{q['answer']}") in details.get_text()


def keyboard_answer(page, choices):
    """Answer question after question with the keyboard only; choices = option index per question."""
    page.locator(".wtc-q input[type=radio]").first.focus()
    for index in choices:
        page.keyboard.press("Space")          # select the first option
        for _ in range(index):
            page.keyboard.press("ArrowDown")  # move to the wanted option
        page.keyboard.press("Tab")            # to "Check my answer"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")            # to "Show the answer"
        page.keyboard.press("Tab")            # to the next question's options


@pytest.mark.parametrize("lang", ["en", "ar", "fa"])
def test_quiz_by_keyboard_with_feedback_and_score(browser, server, catalog, lang):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(page_url(server, lang, "quiz"), wait_until="load")
    # Right answer for even questions, a wrong one for odd questions.
    choices, expected = [], 0
    for i, q in enumerate(catalog.quiz):
        right = q["offered"].index(q["answer"])
        if i % 2 == 0:
            choices.append(right)
            expected += 1
        else:
            choices.append((right + 1) % len(q["offered"]))
    keyboard_answer(page, choices)
    items = page.locator(".wtc-q")
    for i, q in enumerate(catalog.quiz):
        item = items.nth(i)
        feedback = item.locator(".wtc-q__feedback")
        assert feedback.get_attribute("aria-live") == "polite"
        text = feedback.text_content()   # questions off screen are not laid out (content-visibility)
        word = catalog.text(lang, "ui.correct" if i % 2 == 0 else "ui.incorrect")
        assert word in text, (q["id"], text)
        assert item.get_attribute("data-state") == ("right" if i % 2 == 0 else "wrong")
        assert item.locator("input:enabled").count() == 0, "answers must lock after checking"
    score = page.locator(".wtc-quiz__score").inner_text()
    assert score == catalog.text(lang, "ui.score").format(right=expected, total=len(catalog.quiz))
    assert page.locator(".wtc-quiz__score").get_attribute("aria-live") == "polite"
    # Try again resets everything.
    page.locator(".wtc-quiz__again").click()
    assert page.locator(".wtc-q[data-state]").count() == 0
    assert page.locator(".wtc-quiz__score").inner_text() == ""
    assert not errors, errors
    page.close()


def test_check_without_choice_asks_to_choose(browser, server, catalog):
    page = browser.new_page()
    page.goto(page_url(server, "en", "quiz"), wait_until="load")
    page.locator(".wtc-q").first.get_by_role("button").first.click()
    assert page.locator(".wtc-q__feedback").first.inner_text() == catalog.text("en", "ui.pick_one")
    assert page.locator(".wtc-q").first.get_attribute("data-state") is None
    page.close()


def test_quiz_readable_without_javascript(browser, server, catalog):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(page_url(server, "es", "quiz"))
    assert page.locator("fieldset legend").first.is_visible()
    summary = page.locator("details summary").first
    summary.click()
    answer = catalog.text("es", f"quiz.{catalog.quiz[0]['id']}.explain.{catalog.quiz[0]['answer']}")
    assert page.get_by_text(answer).first.is_visible()
    context.close()


BAD_QUIZ = [
    ("unknown number", "data/quiz.yml", 'options: ["911", police-non-emergency, "211"], answer: "911"}',
     'options: ["911", police-non-emergency, "212"], answer: "911"}', ["data/quiz.yml", "chest-pain", "options", "212"]),
    ("answer not an option", "data/quiz.yml", 'options: ["911", police-non-emergency, "211"], answer: "911"}',
     'options: ["911", police-non-emergency, "211"], answer: "988"}', ["data/quiz.yml", "chest-pain", "answer"]),
    ("two answers", "data/quiz.yml", 'options: ["911", police-non-emergency, "211"], answer: "911"}',
     'options: ["911", police-non-emergency, "211"], answer: ["911", "211"]}', ["data/quiz.yml", "chest-pain", "answer"]),
    ("no answer", "data/quiz.yml", 'options: ["911", police-non-emergency, "211"], answer: "911"}',
     'options: ["911", police-non-emergency, "211"]}', ["data/quiz.yml", "chest-pain", "answer"]),
    ("missing translation", "data/text/vi.yml", "\n  chest-pain:\n    question:", "\n  chest-pain:\n    questions:",
     ["data/text/vi.yml", "quiz.chest-pain.question", "'vi'"]),
]


@pytest.mark.parametrize("name,file,old,new,expected", BAD_QUIZ, ids=[c[0] for c in BAD_QUIZ])
def test_bad_quiz_data_stops_the_build(data_copy, name, file, old, new, expected):
    edit(data_copy / file, old, new)
    message = data_error(data_copy)
    for part in expected:
        assert part in message, f"{name}: {part!r} not in {message}"
