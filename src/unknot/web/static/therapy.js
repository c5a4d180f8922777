// The heat or cold timer: every safety check must be ticked before it starts; it ends with an
// alert, a tone and (if on) a spoken cue. The length comes from the server and never passes 20 min.
(function () {
  "use strict";
  var root = document.getElementById("therapy");
  if (!root) { return; }
  var $ = function (id) { return document.getElementById(id); };
  var total = parseInt(root.dataset.seconds, 10);
  var scale = parseFloat(root.dataset.timeScale) || 1;
  var left = total, paused = false, timer = null, last = 0;
  var checks = root.querySelectorAll(".check");

  function speak(text) {
    if (root.dataset.voice !== "on" || !window.speechSynthesis) { return; }
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }
  function tone() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) { return; }
    var context = new Context(), osc = context.createOscillator();
    osc.connect(context.destination);
    osc.frequency.value = 880;
    osc.start();
    osc.stop(context.currentTime + 0.6);
  }
  function show() {
    var secs = Math.ceil(left), m = Math.floor(secs / 60), s = secs % 60;
    $("time-left").textContent = (paused ? "Paused " : "") + m + ":" + (s < 10 ? "0" : "") + s;
    $("therapy-progress").value = 100 * (total - left) / total;
  }
  function end(finished) {
    clearInterval(timer);
    $("running").hidden = true;
    $("done").hidden = false;
    $("done").querySelector("h2").textContent = finished ? root.dataset.done : root.dataset.stopped;
    if (finished) { tone(); speak(root.dataset.doneCue); }
  }
  checks.forEach(function (box) {
    box.addEventListener("change", function () {
      $("start").disabled = Array.prototype.some.call(checks, function (c) { return !c.checked; });
    });
  });
  $("checks").addEventListener("submit", function (event) {
    event.preventDefault();
    if (timer !== null) { return; }  // a second Start (a double click) must not start a second timer
    $("checks").hidden = true;
    $("running").hidden = false;
    last = performance.now();
    show();
    speak(root.dataset.startCue);
    timer = setInterval(function () {
      var now = performance.now();
      if (!paused) { left -= (now - last) / 1000 / scale; }
      last = now;
      if (left <= 0) { left = 0; show(); end(true); return; }
      show();
    }, 200);
    $("therapy-pause").focus();
  });
  $("therapy-pause").addEventListener("click", function () {
    paused = !paused;
    $("therapy-pause").textContent = paused ? "Resume" : "Pause";
    show();
  });
  $("therapy-stop").addEventListener("click", function () { end(false); });
})();
