// The camera in the browser: each frame's 33 body landmarks, found on this computer by MediaPipe's
// Pose Landmarker (the lite model, on the CPU), which unknot serves itself from /static/vendor/.
// No frame is kept or sent anywhere: only the landmarks leave this module, through onFrame, in the
// frame shape of a landmarks file (docs/camera.md). The skeleton is drawn over the video, mirrored
// as a selfie view (the page mirrors the video itself). The camera stops on stopCamera(), and by
// itself when the page is hidden or left.
//
//   startCamera({video, canvas, onFrame, onState, fps}): fps, when given, is the most pictures a second
//     the model looks at (the posture watch needs two: the rest of the camera's pictures are skipped)
//   onFrame({t, landmarks: [[x, y, z, visibility] x 33] | null, world: [[x, y, z] x 33] | null, width, height})
//   onState(state, detail): "starting", "loading-model", "on", "stopped" (detail "hidden" when the
//     page was hidden or left), "refused", "no-camera", "error" (detail: what went wrong)

const VENDOR = "/static/vendor/mediapipe/";
const FILESET = {
  wasmLoaderPath: VENDOR + "wasm/vision_wasm_internal.js",
  wasmBinaryPath: VENDOR + "wasm/vision_wasm_internal.wasm",
};
const MODEL = VENDOR + "pose_landmarker_lite.task";
const SEEN = 0.5; // a landmark this visible or more is drawn

// BlazePose's skeleton: pairs of landmark indices (face, arms and hands, trunk, legs and feet).
export const CONNECTIONS = [
  [0, 1], [1, 2], [2, 3], [3, 7], [0, 4], [4, 5], [5, 6], [6, 8], [9, 10],
  [11, 12], [11, 13], [13, 15], [15, 17], [15, 19], [15, 21], [17, 19],
  [12, 14], [14, 16], [16, 18], [16, 20], [16, 22], [18, 20],
  [11, 23], [12, 24], [23, 24], [23, 25], [24, 26], [25, 27], [26, 28],
  [27, 29], [28, 30], [29, 31], [30, 32], [27, 31], [28, 32],
];

let current = null; // the camera running now, if any

export async function startCamera({ video, canvas, onFrame = () => {}, onState = () => {}, fps = 0 }) {
  stopCamera();
  const run = { video, canvas, onFrame, onState, stream: null, landmarker: null, frame: null, lastMs: 0, startMs: 0,
    everyMs: fps > 0 ? 1000 / fps : 0, detectedAt: -Infinity };
  current = run;
  onState("starting");
  try {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      throw new DOMException("This browser offers no camera to this page", "NotFoundError");
    }
    run.stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: wanted(fps) });
    if (current !== run) { stopTracks(run.stream); return; }
    run.stream.getTracks().forEach((track) => track.addEventListener("ended", () => finish(run, "stopped")));
    onState("loading-model");
    video.muted = true;
    video.playsInline = true;
    video.srcObject = run.stream;
    await video.play(); // a stream set as srcObject only plays when asked (Chromium's fake camera too)
    const landmarker = await loadLandmarker();
    if (current !== run) { landmarker.close(); return; }
    run.landmarker = landmarker;
    run.colours = colours(canvas);
    run.startMs = performance.now();
    onState("on");
    nextFrame(run);
  } catch (error) {
    if (current === run) { finish(run, stateOf(error), messageOf(error)); }
  }
}

export function stopCamera(reason) {
  if (current) { finish(current, "stopped", reason); }
}

// The page hidden (another tab, a minimised window) or left: the camera goes off.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") { stopCamera("hidden"); }
});
window.addEventListener("pagehide", () => stopCamera("hidden"));

// The camera that faces the person, in its own format nearest to 640x360 (360x640 on an upright
// screen): never cropped to fit ("resizeMode: none"), so the whole picture is searched for a body.
// A page that looks at few pictures a second asks the camera for few (less work decoding and drawing).
function wanted(fps) {
  const portrait = window.matchMedia("(orientation: portrait)").matches;
  const [width, height] = portrait ? [360, 640] : [640, 360];
  const asked = { width: { ideal: width }, height: { ideal: height }, resizeMode: "none", facingMode: "user" };
  return fps > 0 ? { ...asked, frameRate: { ideal: Math.max(fps, 5) } } : asked;
}

async function loadLandmarker() {
  const { PoseLandmarker } = await import(VENDOR + "vision_bundle.mjs");
  return PoseLandmarker.createFromOptions(FILESET, {
    baseOptions: { modelAssetPath: MODEL, delegate: "CPU" },
    runningMode: "VIDEO",
    numPoses: 1,
  });
}

function stateOf(error) {
  const name = error && error.name;
  if (name === "NotAllowedError" || name === "SecurityError") { return "refused"; }
  if (name === "NotFoundError" || name === "OverconstrainedError") { return "no-camera"; }
  return "error";
}

function messageOf(error) {
  return String((error && error.message) || error);
}

function stopTracks(stream) {
  if (stream) { stream.getTracks().forEach((track) => track.stop()); }
}

function finish(run, state, detail) {
  if (current !== run) { return; }
  current = null;
  stopTracks(run.stream);
  cancelFrame(run);
  if (run.landmarker) { run.landmarker.close(); }
  run.video.srcObject = null;
  const context = run.canvas.getContext("2d");
  context.clearRect(0, 0, run.canvas.width, run.canvas.height);
  run.onState(state, detail);
}

// Each new video frame once (requestVideoFrameCallback; else each animation frame whose video time moved).
function nextFrame(run) {
  const video = run.video;
  if (video.requestVideoFrameCallback) {
    run.frame = { video: video.requestVideoFrameCallback(() => onVideoFrame(run, true)) };
  } else {
    run.frame = { animation: requestAnimationFrame(() => onVideoFrame(run, false)) };
  }
}

function cancelFrame(run) {
  if (!run.frame) { return; }
  if (run.frame.video !== undefined) { run.video.cancelVideoFrameCallback(run.frame.video); }
  if (run.frame.animation !== undefined) { cancelAnimationFrame(run.frame.animation); }
  run.frame = null;
}

function onVideoFrame(run, isNewFrame) {
  if (current !== run) { return; }
  const video = run.video;
  const moved = isNewFrame || video.currentTime !== run.videoTime;
  const due = !run.everyMs || performance.now() - run.detectedAt >= run.everyMs;
  const fresh = moved && due && video.readyState >= 2 && video.videoWidth > 0;
  run.videoTime = video.currentTime;
  nextFrame(run); // asked first, so a page's onFrame that throws does not stop the camera
  if (!fresh) { return; }
  run.detectedAt = performance.now();
  let frame;
  try {
    frame = detect(run);
  } catch (error) {
    finish(run, "error", messageOf(error));
    return;
  }
  draw(run, frame);
  run.onFrame(frame);
}

// The landmarks of the frame now; times strictly increase (whole milliseconds, as the model needs).
function detect(run) {
  const ms = Math.max(Math.round(performance.now()), run.lastMs + 1);
  run.lastMs = ms;
  const result = run.landmarker.detectForVideo(run.video, ms);
  const points = result.landmarks && result.landmarks[0];
  const world = result.worldLandmarks && result.worldLandmarks[0];
  return {
    t: Math.round(ms - run.startMs) / 1000,
    landmarks: points ? points.map((p) => [p.x, p.y, p.z, p.visibility === undefined ? 0 : p.visibility]) : null,
    world: world ? world.map((p) => [p.x, p.y, p.z]) : null,
    width: run.video.videoWidth,
    height: run.video.videoHeight,
  };
}

// The design tokens' colours, as the page's stylesheet resolves them for the canvas (light or dark).
function colours(canvas) {
  const style = getComputedStyle(canvas);
  return { bone: style.color, joint: style.borderTopColor };
}

function draw(run, frame) {
  const canvas = run.canvas;
  if (canvas.width !== frame.width || canvas.height !== frame.height) {
    canvas.width = frame.width;
    canvas.height = frame.height;
  }
  const context = canvas.getContext("2d");
  context.clearRect(0, 0, canvas.width, canvas.height);
  if (!frame.landmarks) { return; }
  const size = Math.max(2, Math.round(Math.min(canvas.width, canvas.height) / 90));
  const at = frame.landmarks.map(([x, y, , seen]) => ({ x: (1 - x) * canvas.width, y: y * canvas.height, seen: seen >= SEEN }));
  context.lineCap = "round";
  context.lineWidth = size;
  context.strokeStyle = run.colours.bone;
  context.beginPath();
  for (const [a, b] of CONNECTIONS) {
    if (at[a].seen && at[b].seen) { context.moveTo(at[a].x, at[a].y); context.lineTo(at[b].x, at[b].y); }
  }
  context.stroke();
  context.fillStyle = run.colours.joint;
  context.lineWidth = Math.max(1, size / 2);
  for (const point of at) {
    if (!point.seen) { continue; }
    context.beginPath();
    context.arc(point.x, point.y, size * 1.2, 0, 2 * Math.PI);
    context.fill();
    context.stroke();
  }
}
