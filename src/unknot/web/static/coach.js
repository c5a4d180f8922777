// The camera coach in the session player: the camera finds the body's landmarks in this browser
// (camera.js), this script sends them to unknot's own server in small batches, and shows what the
// coach's rules answer (unknot.core.coach): what to change to be seen, in position or not, the
// repetitions counted, the seconds in position and the form cues, spoken like the player's cues.
// It keeps no rule: whether the hold timer waits is the server's "in position" for a hold.
import { startCamera, stopCamera } from "/static/camera.js";

const $ = (id) => document.getElementById(id);
const root = $("player");
const panel = $("coach");
if (root && panel) {
  const script = JSON.parse($("session-script").textContent);
  const words = script.camera_words;
  const SEND_EVERY_MS = 250;
  const LIVE = new Set(["loading-model", "on"]);
  const state = { on: false, batch: [], sending: false, lastSend: 0, answer: null, exercise: null,
    counts: {}, earlier: [], run: Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, "0")).join("") };
  const csrf = document.querySelector("input[name=csrf]") ? document.querySelector("input[name=csrf]").value : "";

  const player = () => window.unknotPlayer;
  const phase = () => (player() ? script.phases[player().index()] : null);
  const coaching = () => { const p = phase(); return p && p.coach ? p.coach : null; };

  function show(id, text) { const el = $(id); el.textContent = text || ""; el.hidden = !text; }

  function render() {
    const live = state.on;
    panel.dataset.camera = live ? "on" : "off";
    $("coach-toggle").setAttribute("aria-pressed", live ? "true" : "false");
    $("coach-view").hidden = !live;
    const coach = coaching();
    if (!live) { show("coach-advice", ""); $("coach-count").hidden = true; return; }
    if (!coach) { show("coach-advice", words.cannot); $("coach-count").hidden = true; return; }
    const answer = state.answer && state.exercise === phase().exercise_id ? state.answer : null;
    const waiting = coach.mode === "hold" && !(answer && answer.in_position);
    show("coach-advice", answer && answer.advice ? answer.advice : waiting ? words.waiting : "");
    $("coach-count").hidden = false;
    $("coach-count-label").textContent = coach.mode === "reps" ? words.reps : words.held;
    $("coach-number").textContent = answer ? String(coach.mode === "reps" ? answer.reps : Math.floor(answer.hold_seconds)) : "0";
    panel.dataset.inPosition = answer && answer.in_position ? "yes" : "no";
  }

  // The counts of this page's camera runs, after those kept from before a reload (state.earlier).
  function remember(exercise, answer) {
    state.counts[exercise] = answer.sets.map((s) => ({ exercise, side: s.side, reps: s.reps, hold_seconds: s.hold_seconds }));
    const field = $("coaching-field");
    if (field) { field.value = JSON.stringify(state.earlier.concat(...Object.values(state.counts))); }
    if (player()) { player().keep(); }
  }

  document.addEventListener("unknot:resumed", () => {
    try { state.earlier = JSON.parse($("coaching-field").value || "[]"); } catch (error) { state.earlier = []; }
  });

  async function send() {
    const exercise = state.batchExercise;
    if (state.sending || !state.batch.length || !exercise) { return; }
    const frames = state.batch.splice(0, 60);
    state.sending = true;
    try {
      const response = await fetch("/coach/frames", {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ run: state.run + "-" + exercise.replace(/_/g, "-"), exercise, frames }),
      });
      if (response.ok) {
        const answer = await response.json();
        state.answer = answer; state.exercise = exercise;
        remember(exercise, answer);
        answer.cues.forEach((cue) => player() && player().speak(cue));
        render();
      }
    } catch (error) { /* the server did not answer: try again with the next batch */ }
    state.sending = false;
  }

  function onFrame(frame) {
    const p = phase();
    if (!p || !p.coach || !player().counting()) { state.batch = []; return; }
    if (state.batchExercise !== p.exercise_id) { state.batch = []; state.batchExercise = p.exercise_id; }
    state.batch.push(frame);
    panel.dataset.frames = String(Number(panel.dataset.frames || 0) + 1);  // read by make bench-camera
    const now = performance.now();
    if (now - state.lastSend >= SEND_EVERY_MS) { state.lastSend = now; send(); }
  }

  function onState(camera, detail) {
    state.on = LIVE.has(camera);
    $("camera-on").hidden = !state.on;
    const said = { "loading-model": words.loading, starting: words.loading, refused: words.refused, "no-camera": words.no_camera };
    show("coach-status", camera === "error" ? words.no_camera : said[camera] || "");
    render();
  }

  // Whether the player's hold timer waits: a hold the camera coaches, while the person is not in position.
  window.unknotCoach = {
    waits(p) {
      if (!state.on || !p || !p.coach || p.coach.mode !== "hold" || !p.counts) { return false; }
      const answer = state.exercise === p.exercise_id ? state.answer : null;
      return !(answer && answer.in_position);
    },
    stop() { if (state.on) { stopCamera(); } },
  };

  $("coach-toggle").addEventListener("click", () => {
    if (state.on) { stopCamera(); return; }
    $("coach-note").hidden = false;
    startCamera({ video: $("coach-video"), canvas: $("coach-canvas"), onFrame, onState });
  });
  document.addEventListener("unknot:phase", render);
  panel.dataset.ready = "yes";
  render();
}
