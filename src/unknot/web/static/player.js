// The session player. The steps (what, how long, which side) come from the server, built by
// unknot.core.player; this script only counts time, follows the keys and speaks the cues.
(function () {
  "use strict";
  var root = document.getElementById("player");
  if (!root) { return; }
  var steps = JSON.parse(document.getElementById("session-steps").textContent);
  var scale = parseFloat(root.dataset.timeScale) || 1;
  var state = { index: 0, elapsed: 0, paused: false, done: {}, running: false, timer: null, last: 0 };
  var $ = function (id) { return document.getElementById(id); };
  var voice = $("voice-toggle");
  var totalItems = steps.length ? steps[steps.length - 1].item + 1 : 0;
  var words = { prepare: "Get ready", work: "Hold", rest: "Rest" };

  function speak(text) {
    $("announce").textContent = text;
    if (!voice.checked || !window.speechSynthesis) { return; }
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  function showOnly(selector, id) {
    document.querySelectorAll(selector).forEach(function (el) { el.hidden = el.dataset.exercise !== id; });
  }

  function render() {
    var step = steps[state.index];
    if (!step) { return; }
    var left = Math.max(step.seconds - state.elapsed, 0);
    $("exercise-count").textContent = "Exercise " + (step.item + 1) + " of " + totalItems;
    $("session-percent").textContent = Math.floor(100 * state.index / steps.length) + "% of the session";
    $("exercise-name").textContent = step.name;
    var word = step.kind === "work" && step.reps ? "Repeat" : words[step.kind];
    $("phase").textContent = state.paused ? "Paused" : word;
    $("countdown").textContent = Math.ceil(left) + " s";
    var detail = "Set " + step.set_number + " of " + step.sets + (step.side ? " · " + step.side + " side" : "");
    if (step.kind === "work" && step.reps) { detail += " · " + step.reps + " slow repetitions"; }
    $("detail").textContent = detail;
    $("step-progress").value = step.seconds ? 100 * state.elapsed / step.seconds : 100;
    $("pause").textContent = state.paused ? "Resume" : "Pause";
    showOnly(".figure-slot", step.exercise_id);
    showOnly(".how", step.exercise_id);
  }

  function go(index) {
    state.index = Math.max(0, Math.min(index, steps.length));
    state.elapsed = 0;
    if (state.index >= steps.length) { finish(true); return; }
    speak(steps[state.index].cue);
    render();
  }

  function firstOf(item) {
    for (var i = 0; i < steps.length; i++) { if (steps[i].item === item) { return i; } }
    return steps.length;
  }

  function tick() {
    var now = performance.now();
    var passed = (now - state.last) / 1000 / scale;
    state.last = now;
    if (state.paused || !state.running) { return; }
    var budget = passed;
    while (state.running && budget > 0) {
      var step = steps[state.index];
      var left = step.seconds - state.elapsed;
      if (budget < left) { state.elapsed += budget; break; }
      budget -= left;
      if (step.kind === "work") { state.done[step.exercise_id] = true; }
      go(state.index + 1);
    }
    if (state.running) { render(); }
  }

  function next() { var step = steps[state.index]; if (step) { go(firstOf(step.item + 1)); } }
  function back() {
    var step = steps[state.index];
    var first = firstOf(step.item);
    go(state.index > first || state.elapsed > 2 ? first : firstOf(Math.max(step.item - 1, 0)));
  }
  function togglePause() { state.paused = !state.paused; speak(state.paused ? "Paused." : "Resuming."); render(); }

  function finish(completed) {
    state.running = false;
    clearInterval(state.timer);
    var done = steps.map(function (s) { return s.exercise_id; })
      .filter(function (id, i, all) { return state.done[id] && all.indexOf(id) === i; });
    $("items-done-field").value = done.join(",");
    $("completed-field").value = completed ? "yes" : "no";
    $("playing").hidden = true;
    $("after").hidden = false;
    speak(completed ? "Session complete. Well done." : "Session stopped.");
    $("after").querySelector("input[type=radio]").focus();
  }

  document.querySelectorAll("input[name=before]").forEach(function (input) {
    input.addEventListener("change", function () { $("begin").disabled = false; });
  });
  $("begin").addEventListener("click", function () {
    var chosen = document.querySelector("input[name=before]:checked");
    $("pain-before-field").value = chosen.value;
    $("before").hidden = true;
    $("playing").hidden = false;
    state.running = true;
    state.last = performance.now();
    state.timer = setInterval(tick, 100);
    go(0);
    $("pause").focus();
  });
  $("pause").addEventListener("click", togglePause);
  $("next").addEventListener("click", next);
  $("back").addEventListener("click", back);
  $("stop").addEventListener("click", function () { finish(false); });
  document.addEventListener("keydown", function (event) {
    if (!state.running || event.target.tagName === "INPUT" || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === " " && event.target.tagName !== "BUTTON") { event.preventDefault(); togglePause(); }
    else if (event.key === "ArrowRight") { event.preventDefault(); next(); }
    else if (event.key === "ArrowLeft") { event.preventDefault(); back(); }
  });
})();
