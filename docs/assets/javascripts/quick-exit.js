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

  button.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) leave();
  });
})();
