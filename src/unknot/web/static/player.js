// The session player. Its phases, their words and where each key leads (the "moves") come from the
// server, built by unknot.core.player: this script only counts time, looks moves up, shows the
// words it was given and speaks the cues. The rules live in Python, once.
(function () {
  "use strict";
  var root = document.getElementById("player");
  if (!root) { return; }
  var script = JSON.parse(document.getElementById("session-script").textContent);
  var phases = script.phases, words = script.words;
  var state = { index: 0, elapsed: 0, paused: false, done: {}, hurt: [], running: false, timer: null, last: 0 };
  var $ = function (id) { return document.getElementById(id); };
  var voice = $("voice-toggle");

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
    var phase = phases[state.index];
    if (!phase) { return; }
    root.dataset.phase = String(state.index);
    root.dataset.paused = state.paused ? "yes" : "no";
    $("exercise-count").textContent = phase.count;
    $("session-percent").textContent = phase.progress;
    $("exercise-name").textContent = phase.name;
    $("phase").textContent = state.paused ? words.paused : phase.word;
    var left = phase.seconds - state.elapsed - script.tolerance_seconds;
    $("countdown").textContent = Math.ceil(Math.max(left, 0)) + " s";
    $("detail").textContent = phase.detail;
    $("step-progress").value = phase.seconds ? 100 * state.elapsed / phase.seconds : 100;
    $("pause").textContent = state.paused ? words.resume : words.pause;
    showOnly(".figure-slot", phase.exercise_id);
    showOnly(".how", phase.exercise_id);
    var hurt = state.hurt.indexOf(phase.exercise_id) >= 0;
    $("hurt-note").textContent = hurt ? words.hurt_cue + " " + phase.easier : "";
  }

  function go(index) {
    state.index = index;
    state.elapsed = 0;
    if (state.index >= phases.length) { finish(true); return; }
    speak(phases[state.index].cue);
    render();
  }

  function advance(seconds) {
    var budget = seconds;
    while (state.running && !state.paused && budget > 0) {
      var phase = phases[state.index];
      var left = phase.seconds - state.elapsed;
      if (budget < left - script.tolerance_seconds) { state.elapsed += budget; break; }
      budget -= left;
      if (phase.counts) { state.done[state.index] = true; }
      go(state.index + 1);
    }
  }

  function tick() {
    var now = performance.now();
    var scale = parseFloat(root.dataset.timeScale) || 1;
    var passed = (now - state.last) / 1000 / scale;
    state.last = now;
    advance(passed);
    if (state.running) { render(); }
  }

  function next() { go(phases[state.index].skip); }
  function back() {
    var phase = phases[state.index];
    var late = state.elapsed > script.back_grace_seconds + script.tolerance_seconds;
    go(late ? phase.back_late : phase.back_early);
  }
  // "This hurts": the first time, start the exercise again in its easier version; then skip it.
  function hurt() {
    var phase = phases[state.index];
    if (state.hurt.indexOf(phase.exercise_id) >= 0) { speak(words.hurt_again_cue); go(phase.skip); return; }
    state.hurt.push(phase.exercise_id);
    go(phase.back_late);
    speak(words.hurt_cue + " " + phase.easier);
  }
  function togglePause() {
    state.paused = !state.paused;
    speak(state.paused ? words.paused_cue : words.resumed_cue);
    render();
  }

  function itemsDone() {
    var ids = [];
    phases.forEach(function (phase, index) {
      if (state.done[index] && ids.indexOf(phase.exercise_id) < 0) { ids.push(phase.exercise_id); }
    });
    return ids;
  }

  function finish(completed) {
    state.running = false;
    clearInterval(state.timer);
    root.dataset.phase = String(completed ? phases.length : state.index);
    $("items-done-field").value = itemsDone().join(",");
    $("hurt-field").value = state.hurt.join(",");
    $("playing").hidden = true;
    $("after").hidden = false;
    speak(completed ? words.complete_cue : words.stopped_cue);
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
  $("hurt").addEventListener("click", hurt);
  $("stop").addEventListener("click", function () { finish(false); });
  document.addEventListener("keydown", function (event) {
    if (!state.running || event.target.tagName === "INPUT" || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === " " && event.target.tagName !== "BUTTON") { event.preventDefault(); togglePause(); }
    else if (event.key === "ArrowRight") { event.preventDefault(); next(); }
    else if (event.key === "ArrowLeft") { event.preventDefault(); back(); }
    else if (event.key === "h") { event.preventDefault(); hurt(); }
  });
})();
