"""'Show the officer' on the rights page: large English on the full screen, the reader's words below,
without JavaScript too, by keyboard, with axe; 'Say it' only with an English voice of the phone's own."""
import json

import pytest

from tests.pages import page_path, page_url
from tests.test_accessibility import axe_violations, describe
from whotocall.macros import OFFICER_PHRASES

PHONE = {"width": 360, "height": 640}
# Speech with one English voice on the device; what was spoken is recorded, nothing is said.
FAKE_SPEECH = """(() => {
  window.__said = [];
  const voices = %s;
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  Object.defineProperty(window, 'speechSynthesis', {value: {
    getVoices: () => voices, speak: u => window.__said.push([u.text, u.lang, u.voice && u.voice.lang]),
    cancel: () => {}, addEventListener: () => {}}});
})();"""
LOCAL_ENGLISH = [{"lang": "en-US", "localService": True, "name": "English", "voiceURI": "en"}]
NETWORK_ENGLISH = [{"lang": "en-US", "localService": False, "name": "Online", "voiceURI": "net"}]


def full_screen_state(page, phrase):
    return page.evaluate("""id => {
      const el = document.getElementById('officer-' + id), box = el.getBoundingClientRect();
      const en = el.querySelector('.wtc-officer__en');
      return {x: box.x, y: box.y, w: box.width, h: box.height, position: getComputedStyle(el).position,
              overflow: el.scrollWidth - el.clientWidth, size: parseFloat(getComputedStyle(en).fontSize),
              wide: [...el.querySelectorAll('*')].filter(c => c.getBoundingClientRect().right > innerWidth + 1
                     || c.getBoundingClientRect().left < -1).map(c => c.className)};
    }""", phrase)


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
def test_each_phrase_fills_the_screen(browser, server, lang, script):
    context = browser.new_context(viewport=PHONE, java_script_enabled=script)
    page = context.new_page()
    page.goto(page_url(server, lang, "know-your-rights"))
    for phrase in OFFICER_PHRASES:
        # Large English text on the page itself, before anything is opened.
        assert full_screen_state(page, phrase)["size"] >= 24
        page.locator(f'a[href="#officer-{phrase}"]').click()
        state = full_screen_state(page, phrase)
        assert (state["x"], state["y"], state["w"], state["h"]) == (0, 0, PHONE["width"], PHONE["height"]), state
        assert state["position"] == "fixed" and state["overflow"] <= 0 and not state["wide"], state
        assert state["size"] >= 32, state
        page.locator(f"#officer-{phrase} .wtc-officer__close").click()
        assert full_screen_state(page, phrase)["position"] == "static"
    context.close()


def test_keyboard_opens_and_closes(browser, server):
    page = browser.new_page(viewport=PHONE)
    page.goto(page_url(server, "es", "know-your-rights"))
    page.focus('a[href="#officer-lawyer"]')
    page.keyboard.press("Enter")
    assert full_screen_state(page, "lawyer")["position"] == "fixed"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#show-the-officer"
    page.keyboard.press("Enter")
    assert full_screen_state(page, "lawyer")["position"] == "static"
    page.locator('a[href="#officer-silent"]').click()
    page.keyboard.press("Escape")
    assert full_screen_state(page, "silent")["position"] == "static"
    page.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_axe_with_a_phrase_on_the_full_screen(browser, server, lang):
    page = browser.new_page(viewport=PHONE)
    page.goto(page_url(server, lang, "know-your-rights") + "#officer-silent")
    assert full_screen_state(page, "silent")["position"] == "fixed"
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.close()


def test_say_it_only_with_a_local_english_voice(browser, server):
    for voices, shown in ((LOCAL_ENGLISH, True), (NETWORK_ENGLISH, False), ([], False)):
        context = browser.new_context(viewport=PHONE)
        context.add_init_script(FAKE_SPEECH % json.dumps(voices))
        page = context.new_page()
        page.goto(page_url(server, "vi", "know-your-rights"))
        button = page.locator("#officer-free_to_go .wtc-officer__speak")
        assert button.is_visible() == shown, voices
        if shown:
            button.click()
            assert page.evaluate("window.__said") == [["Am I free to go?", "en-US", "en-US"]]
        context.close()


def test_every_language_has_the_phrases(site, catalog, languages):
    from tests.pages import soup
    for lang in languages:
        html = soup(page_path(site, lang, "know-your-rights"))
        english = [p.get_text() for p in html.select(".wtc-officer__en")]
        assert english == [catalog.text("en", f"officer.phrases.{p}") for p in OFFICER_PHRASES], lang
        if lang != "en":
            own = [p.get_text() for p in html.select(".wtc-officer__own")]
            assert own == [catalog.text(lang, f"officer.phrases.{p}") for p in OFFICER_PHRASES], lang
        guides = html.select(".wtc-officer__sounds")
        # A guide to saying the English, in the reader's script, where the translators wrote one.
        written = [catalog.text(lang, f"officer.pronounce.{p}") for p in OFFICER_PHRASES]
        assert [g.get_text() for g in guides] == [w for w in written if w], lang
        assert all(b.has_attr("hidden") for b in html.select(".wtc-officer__speak")), lang
