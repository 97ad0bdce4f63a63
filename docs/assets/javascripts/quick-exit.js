/* Quick exit: the "Leave this site" button or Shift pressed three times hides
   the page at once and replaces it with a neutral site, so Back does not
   return here. Without JavaScript the button is a plain link. */
(function () {
  "use strict";
  var button = document.querySelector("[data-wtc-exit]");
  if (!button) return;
  var presses = [];

  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.style.display = "none";
    document.title = "";
    window.location.replace(button.href);
  }

  /* A press counts only when Shift goes up with no other key in between, so
     Shift+Tab and typing capital letters never trigger the exit. */
  var alone = false;
  button.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") { if (!event.repeat) alone = true; return; }
    alone = false;
    presses = [];
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !alone) return;
    alone = false;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
