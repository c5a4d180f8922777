// The posture watch page: one picture a second, their landmarks sent to unknot's own server,
// whose rules (unknot.core.coach.posture) say upright or slouching, and when a sustained slouch
// alerts, with a desk stretch from the plan. This script keeps no rule; it shows and says.
import { startCamera, stopCamera } from "/static/camera.js";

const $ = (id) => document.getElementById(id);
const page = $("posture");
const words = JSON.parse($("posture-words").textContent);
const LIVE = new Set(["loading-model", "on"]);
const SEND_EVERY_MS = 2000;
const state = { run: null, batch: [], lastSend: 0, sending: false, on: false };

function say(text) {
  $("posture-status").textContent = text;
}

function speak(text) {
  if (window.speechSynthesis) { window.speechSynthesis.speak(new SpeechSynthesisUtterance(text)); }
}

function post(address, body, keepalive = false) {
  return fetch(address, {
    method: "POST", credentials: "same-origin", keepalive,
    headers: { "Content-Type": "application/json", "X-CSRF-Token": $("posture-csrf").value },
    body: JSON.stringify(body),
  });
}

function showAnswer(answer) {
  page.dataset.calibrated = answer.calibrated ? "yes" : "no";
  page.dataset.slouching = answer.slouching ? "yes" : "no";
  if (!answer.calibrated) { say(words.calibrating); }
  else if (answer.person === false) { say(words.away); }
  else { say(answer.slouching ? words.slouching : words.upright); }
  if (answer.alert) {
    const stretch = answer.stretch;
    $("posture-alert").hidden = false;
    $("posture-alert-text").textContent = stretch ? words.alert : words.alert_no_stretch;
    $("posture-stretch").hidden = !stretch;
    if (stretch) {
      $("posture-stretch-name").textContent = stretch.name;
      $("posture-stretch-step").textContent = stretch.step;
      $("posture-stretch-link").href = stretch.href;
    }
    page.dataset.alerts = String(Number(page.dataset.alerts || 0) + 1);
    speak($("posture-alert-text").textContent);
  }
}

async function send() {
  if (state.sending || !state.batch.length || !state.run) { return; }
  const frames = state.batch.splice(0, 60);
  state.sending = true;
  try {
    const response = await post("/posture/frames", { run: state.run, frames });
    if (response.ok) { showAnswer(await response.json()); }
  } catch (error) { /* the server did not answer: the next batch tries again */ }
  state.sending = false;
}

function onFrame(frame) {
  state.batch.push(frame);
  const now = performance.now();
  if (now - state.lastSend >= SEND_EVERY_MS) { state.lastSend = now; send(); }
}

function finishRun() {
  if (!state.run) { return; }
  const run = state.run;
  state.run = null;
  state.batch = [];
  post("/posture/stop", { run }, true).catch(() => {});
}

function onState(camera) {
  state.on = LIVE.has(camera);
  page.dataset.state = camera;
  $("camera-on").hidden = !state.on;
  $("posture-start").hidden = state.on || camera === "starting";
  $("posture-stop").hidden = !(state.on || camera === "starting");
  $("posture-stage").hidden = !state.on || !$("posture-show").checked;
  const said = { starting: words.loading, "loading-model": words.loading, refused: words.refused,
    "no-camera": words.no_camera, error: words.no_camera, stopped: words.stopped };
  if (camera !== "on") { say(said[camera] || ""); }
  if (camera === "on") { say(words.calibrating); }
  if (!state.on && camera !== "starting") { finishRun(); }
}

$("posture-start").addEventListener("click", () => {
  state.run = "posture-" + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()));
  $("posture-alert").hidden = true;
  startCamera({ video: $("posture-video"), canvas: $("posture-skeleton"), onFrame, onState, fps: 1 });
});
$("posture-stop").addEventListener("click", () => stopCamera());
// The picture is hidden unless asked for: drawing it is most of what the watch costs between looks.
$("posture-show").addEventListener("change", () => { $("posture-stage").hidden = !state.on || !$("posture-show").checked; });
page.dataset.ready = "yes";
