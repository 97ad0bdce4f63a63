/* "Show the officer" (overrides/components/officer.html): a "Say it" button that reads the English
   phrase with the phone's own voice (Web Speech API, lang en-US), only where the browser has an
   English voice that runs on the device (localService), so nothing is sent anywhere; Escape closes
   a phrase shown on the full screen. Without it the page works the same, minus the voice. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll(".wtc-officer__speak");
  var speech = window.speechSynthesis;
  function englishVoice() {
    return speech.getVoices().filter(function (voice) {
      return voice.localService && /^en([-_]|$)/i.test(voice.lang);
    }).sort(function (a, b) { return (b.lang === "en-US") - (a.lang === "en-US"); })[0];
  }
  function offer() {
    var voice = englishVoice();
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = !voice;
      button.onclick = voice ? function () {
        var words = new SpeechSynthesisUtterance(button.getAttribute("data-say"));
        words.lang = "en-US";
        words.voice = englishVoice() || voice;
        words.rate = 0.9;
        speech.cancel();
        speech.speak(words);
      } : null;
    });
  }
  if (buttons.length && speech && window.SpeechSynthesisUtterance) {
    offer();
    speech.addEventListener("voiceschanged", offer);
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && /^#officer-/.test(location.hash)) location.hash = "show-the-officer";
  });
})();
