// The camera check page: Start and Stop, the camera-on indicator, what the camera module says, the
// frames a second and whether the whole body is in view. A presentation only: whether the whole
// body is in view is the coach's rule (unknot.core.coach.position), asked of unknot's own server
// with the latest landmarks twice a second.
import { startCamera, stopCamera } from "/static/camera.js";

const LIVE = new Set(["loading-model", "on"]); // the states in which the camera's tracks are live
const WINDOW = 2; // seconds of frames the rate is counted over
const ASK_EVERY_MS = 500;

const page = document.getElementById("camera-check");
const $ = (id) => document.getElementById(id);
const words = page.dataset;
const run = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("");
let recent = [];
let asked = 0;
let asking = false;

async function ask(frame) {
  asking = true;
  try {
    const response = await fetch("/camera/frames", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": page.dataset.csrf },
      body: JSON.stringify({ run, frames: [frame] }),
    });
    if (response.ok) {
      const answer = await response.json();
      $("camera-body").textContent = answer.whole_body ? words.bodyYes : answer.advice;
    }
  } catch (error) { /* asked again with the next picture */ }
  asking = false;
}

function count(name) {
  $("camera-stats").dataset[name] = String(Number($("camera-stats").dataset[name]) + 1);
}

function showFrame(frame) {
  count("frames");
  if (frame.landmarks) { count("framesWithPerson"); }
  recent = recent.filter((t) => t > frame.t - WINDOW).concat(frame.t);
  if (recent.length > 1) {
    $("camera-fps").textContent = String(Math.round((recent.length - 1) / (recent[recent.length - 1] - recent[0])));
  }
  const now = performance.now();
  if (!asking && now - asked >= ASK_EVERY_MS) { asked = now; ask(frame); }
}

function showState(state, detail) {
  page.dataset.state = state;
  const live = LIVE.has(state);
  $("camera-on").hidden = !live;
  $("camera-start").hidden = live || state === "starting";
  $("camera-stop").hidden = !(live || state === "starting");
  $("camera-stage").hidden = !live;
  $("camera-stats").hidden = state !== "on";
  const key = state === "stopped" && detail === "hidden" ? "hidden" : state;
  const sentence = words["say" + key.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())] || "";
  $("camera-status").textContent = state === "error" && detail ? sentence + " (" + detail + ")" : sentence;
  if (state === "on") { recent = []; }
}

$("camera-start").addEventListener("click", () => {
  startCamera({ video: $("camera-video"), canvas: $("camera-skeleton"), onFrame: showFrame, onState: showState });
});
$("camera-stop").addEventListener("click", () => stopCamera());
page.dataset.ready = "yes";
