// The camera check page: Start and Stop, the camera-on indicator, what the camera module says, the
// frames a second and whether the whole body is in view. A presentation only: the position checks
// will come from the coach's rules, fed through the same onFrame.
import { startCamera, stopCamera } from "/static/camera.js";

const LIVE = new Set(["loading-model", "on"]); // the states in which the camera's tracks are live
const WHOLE_BODY = [0, 11, 12, 23, 24, 25, 26, 27, 28]; // nose, shoulders, hips, knees, ankles
const SEEN = 0.5;
const WINDOW = 2; // seconds of frames the rate is counted over

const page = document.getElementById("camera-check");
const $ = (id) => document.getElementById(id);
const words = page.dataset;
let recent = [];

function inView(landmarks) {
  return WHOLE_BODY.every((i) => {
    const [x, y, , seen] = landmarks[i];
    return seen >= SEEN && x >= 0 && x <= 1 && y >= 0 && y <= 1;
  });
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
  const whole = frame.landmarks && inView(frame.landmarks);
  $("camera-body").textContent = whole ? words.bodyYes : frame.landmarks ? words.bodyPart : words.bodyNone;
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
