// The session player. Its phases, their words and where each key leads (the "moves") come from the
// server, built by unknot.core.player: this script only counts time, looks moves up, shows the
// words it was given and speaks the cues. The rules live in Python, once.
// Around them: full screen, a screen wake lock while playing, a confirmation before Stop, and the
// play kept in this browser's storage so a reload or a wrong tap resumes it. The camera coach
// (coach.js, optional) hooks in through window.unknotPlayer and window.unknotCoach.
(function () {
  "use strict";
  var KEPT = "unknot.player";
  var KEEP_HOURS = 12;
  var $ = function (id) { return document.getElementById(id); };
  var store = null;
  try { store = window.localStorage; } catch (e) { store = null; }

  // The finish page: the play was saved, so nothing is left to resume.
  if ($("session-saved")) { if (store) { store.removeItem(KEPT); } return; }
  var root = $("player");
  if (!root) { return; }
  var script = JSON.parse($("session-script").textContent);
  var phases = script.phases, words = script.words;
  var stretch = root.dataset.mode === "stretch";
  var state = { index: 0, elapsed: 0, paused: false, done: {}, hurt: [], running: false, timer: null, last: 0 };
  var voice = $("voice-toggle");
  var lock = null;
  // What the camera coach (coach.js) may ask of the player: where it is, whether time runs, a cue.
  window.unknotPlayer = {
    index: function () { return state.index; },
    counting: function () { return state.running && !state.paused; },
    speak: function (text) { speak(text); },
    keep: function () { keep(); }
  };

  function speak(text) {
    $("announce").textContent = text;
    if (!voice.checked || !window.speechSynthesis) { return; }
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }

  function showOnly(selector, id) {
    document.querySelectorAll(selector).forEach(function (el) { el.hidden = el.dataset.exercise !== id; });
  }

  function stage(name) {
    ["resume", "before", "playing", "after"].forEach(function (id) { $(id).hidden = id !== name; });
    root.dataset.stage = name;
    document.body.classList.toggle("playing-now", name === "playing");
  }

  // Keep the screen on while the player runs (where the browser can); let it sleep when paused.
  function wakeLock(wanted) {
    if (!navigator.wakeLock) { return; }
    if (wanted && !lock) {
      navigator.wakeLock.request("screen").then(function (held) {
        lock = held;
        held.addEventListener("release", function () { lock = null; });
      }).catch(function () { lock = null; });
    } else if (!wanted && lock) {
      lock.release();
      lock = null;
    }
  }

  function keep() {
    if (!store || stretch) { return; }
    var token = $("token-field") ? $("token-field").value : "";
    var kept = { signature: script.signature, at: Date.now(), stage: root.dataset.stage, token: token,
      index: state.index, elapsed: state.elapsed, done: state.done, hurt: state.hurt,
      before: $("pain-before-field").value,
      coaching: $("coaching-field") ? $("coaching-field").value : "" };
    try { store.setItem(KEPT, JSON.stringify(kept)); } catch (e) { /* full or refused: play on */ }
  }

  function keptPlay() {
    if (!store || stretch) { return null; }
    try {
      var kept = JSON.parse(store.getItem(KEPT) || "null");
      var fresh = kept && Date.now() - kept.at < KEEP_HOURS * 3600 * 1000;
      return fresh && kept.signature === script.signature && phases[kept.index] ? kept : null;
    } catch (e) { return null; }
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
    $("pause-label").textContent = state.paused ? words.resume : words.pause;
    $("pause").querySelector("use").setAttribute("href", state.paused ? "#i-play" : "#i-pause");
    showOnly(".figure-slot", phase.exercise_id);
    showOnly(".how", phase.exercise_id);
    var hurt = state.hurt.indexOf(phase.exercise_id) >= 0;
    $("hurt-note").textContent = hurt ? words.hurt_cue + " " + phase.easier : "";
    $("item-note").textContent = phase.note ? script.note_words + " " + phase.note : "";
  }

  function go(index) {
    state.index = index;
    state.elapsed = 0;
    if (state.index >= phases.length) { finish(true); return; }
    speak(phases[state.index].cue);
    render();
    keep();
    document.dispatchEvent(new Event("unknot:phase"));
  }

  function advance(seconds) {
    var budget = seconds;
    while (state.running && !state.paused && budget > 0) {
      var phase = phases[state.index];
      // The camera coach (coach.js), when on: a hold it coaches waits until the person is in position.
      if (window.unknotCoach && window.unknotCoach.waits(phase)) { break; }
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
  function setPaused(paused) {
    if (state.paused === paused) { return; }
    state.paused = paused;
    speak(paused ? words.paused_cue : words.resumed_cue);
    wakeLock(!paused);
    render();
    keep();
  }
  function togglePause() { setPaused(!state.paused); }

  function itemsDone() {
    var ids = [];
    phases.forEach(function (phase, index) {
      if (state.done[index] && ids.indexOf(phase.exercise_id) < 0) { ids.push(phase.exercise_id); }
    });
    return ids;
  }

  function finish(completed) {
    state.running = false;
    if (window.unknotCoach) { window.unknotCoach.stop(); }
    clearInterval(state.timer);
    wakeLock(false);
    if (document.fullscreenElement) { document.exitFullscreen().catch(function () {}); }
    root.dataset.phase = String(completed ? phases.length : state.index);
    if ($("items-done-field")) {
      $("items-done-field").value = itemsDone().join(",");
      $("hurt-field").value = state.hurt.join(",");
    }
    stage("after");
    keep();
    speak(completed ? words.complete_cue : words.stopped_cue);
    var first = $("after").querySelector("input[type=radio], a");
    if (first) { first.focus(); }
  }

  function play() {
    stage("playing");
    state.running = true;
    state.last = performance.now();
    state.timer = setInterval(tick, 100);
    wakeLock(!state.paused);
    render();
    $("pause").focus();
  }

  // Stop asks first: the play pauses while the question is open, and goes on if the answer is no.
  var dialog = $("stop-dialog");
  var pausedBeforeStop = false;
  function askStop() {
    pausedBeforeStop = state.paused;
    setPaused(true);
    dialog.showModal();
  }
  $("stop-cancel").addEventListener("click", function () { dialog.close(); });
  $("stop-confirm").addEventListener("click", function () { dialog.returnValue = "stop"; dialog.close(); });
  dialog.addEventListener("close", function () {
    if (dialog.returnValue === "stop") { finish(false); } else { setPaused(pausedBeforeStop); $("pause").focus(); }
    dialog.returnValue = "";
  });

  document.querySelectorAll("input[name=before]").forEach(function (input) {
    input.addEventListener("change", function () { $("begin").disabled = false; });
  });
  // A pain chosen before this script ran (a large page, a slow phone) counts too.
  if (document.querySelector("input[name=before]:checked")) { $("begin").disabled = false; }
  $("begin").addEventListener("click", function () {
    var chosen = document.querySelector("input[name=before]:checked");
    if (chosen) { $("pain-before-field").value = chosen.value; }
    play();
    go(0);
  });
  $("pause").addEventListener("click", togglePause);
  $("next").addEventListener("click", next);
  $("back").addEventListener("click", back);
  $("hurt").addEventListener("click", hurt);
  $("stop").addEventListener("click", askStop);

  var screen = $("playing");
  if (screen.requestFullscreen) {
    $("fullscreen").hidden = false;
    $("fullscreen").addEventListener("click", function () {
      if (document.fullscreenElement) { document.exitFullscreen(); } else { screen.requestFullscreen().catch(function () {}); }
    });
  }
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible" && state.running) { wakeLock(!state.paused); }
  });

  // Space pauses whatever has focus (a button or a checkbox would take it on key up: not here).
  function spaceFor(event) {
    return state.running && !dialog.open && event.key === " " && !event.altKey && !event.ctrlKey && !event.metaKey;
  }
  document.addEventListener("keydown", function (event) {
    if (spaceFor(event)) { event.preventDefault(); if (!event.repeat) { togglePause(); } return; }
    if (!state.running || dialog.open || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "ArrowRight") { event.preventDefault(); next(); }
    else if (event.key === "ArrowLeft") { event.preventDefault(); back(); }
    else if (event.key === "h") { event.preventDefault(); hurt(); }
  }, true);
  document.addEventListener("keyup", function (event) { if (spaceFor(event)) { event.preventDefault(); } }, true);

  // A play kept from before a reload: offer to carry on (paused, so there is time to get ready).
  var kept = keptPlay();
  if (kept) {
    $("resume-where").textContent = phases[kept.index].count + ", " + phases[kept.index].name;
    stage("resume");
    $("resume-yes").addEventListener("click", function () {
      state.index = kept.index; state.elapsed = kept.elapsed; state.done = kept.done; state.hurt = kept.hurt;
      state.paused = true;
      $("pain-before-field").value = kept.before;
      if (kept.token) { $("token-field").value = kept.token; }
      if (kept.coaching && $("coaching-field")) {
        $("coaching-field").value = kept.coaching;
        document.dispatchEvent(new Event("unknot:resumed"));  // the camera coach carries these counts on
      }
      if (kept.stage === "after") { finish(true); return; }
      play();
      keep();
    });
    $("resume-no").addEventListener("click", function () { store.removeItem(KEPT); stage("before"); });
  }
})();
