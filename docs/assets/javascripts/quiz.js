/* Who to Call quiz: progressive enhancement of the server-rendered quiz.
   Everything it says comes from the page (#wtc-quiz-data, built from data/);
   nothing is fetched, stored or sent anywhere. */
(function () {
  "use strict";
  var form = document.querySelector("[data-wtc-quiz]");
  var source = document.getElementById("wtc-quiz-data");
  if (!form || !source) return;
  var data = JSON.parse(source.textContent);
  var say = data.strings;
  var items = Array.prototype.slice.call(form.querySelectorAll(".wtc-q"));
  var score = form.querySelector(".wtc-quiz__score");
  var right = 0, done = 0;

  function button(text, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button";
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function check(item, q, check) {
    if (item.dataset.state) return;
    var chosen = item.querySelector("input:checked");
    var feedback = item.querySelector(".wtc-q__feedback");
    if (!chosen) { feedback.textContent = say.pick_one; return; }
    var ok = chosen.value === q.answer;
    item.dataset.state = ok ? "right" : "wrong";
    feedback.textContent = (ok ? "✓ " + say.correct : "✗ " + say.incorrect) + " " + q.explain[chosen.value] +
      (ok ? "" : " " + say.answer + ": " + q.answerLabel);
    item.querySelectorAll("input").forEach(function (input) { input.disabled = true; });
    check.setAttribute("aria-disabled", "true");
    item.querySelector(".wtc-q__answer").hidden = false;
    done += 1;
    if (ok) right += 1;
    if (done === items.length) finish();
  }

  function finish() {
    score.textContent = fill(say.score, { right: right, total: items.length });
    var again = button(say.try_again, reset);
    again.className = "md-button md-button--primary wtc-quiz__again";
    score.after(again);
  }

  function reset() {
    right = 0; done = 0;
    score.textContent = "";
    var again = form.querySelector(".wtc-quiz__again");
    if (again) again.remove();
    items.forEach(function (item) {
      delete item.dataset.state;
      item.querySelector(".wtc-q__feedback").textContent = "";
      item.querySelector(".wtc-q__answer").hidden = true;
      item.querySelector(".wtc-q__answer").open = false;
      item.querySelector("[aria-disabled]").removeAttribute("aria-disabled");
      item.querySelectorAll("input").forEach(function (input) { input.disabled = false; input.checked = false; });
    });
    items[0].querySelector("input").focus();
  }

  items.forEach(function (item) {
    var q = data.questions[item.dataset.q];
    var answer = item.querySelector(".wtc-q__answer");
    answer.hidden = true;
    var checkButton = button(say.check_answer, function () { check(item, q, checkButton); });
    item.querySelector(".wtc-q__options").after(checkButton);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.classList.add("wtc-quiz--js");
})();
