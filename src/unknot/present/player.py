"""What the session players show and say for each phase, and the script the web player runs.

The terminal shows `phase_view`; the web page gets `web_script`: every phase with its words and its
moves (from `unknot.core.player`), so its script only counts time and looks indices up.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Any

from unknot.content.schema import Exercise
from unknot.core.coach.spec import coach_spec
from unknot.core.player import BACK_GRACE_SECONDS, TOLERANCE_SECONDS, Phase, PhaseKind, moves
from unknot.present.coach import CAMERA_WORDS
from unknot.present.words import NOTE_WORDS

PHASE_WORDS = {PhaseKind.PREPARE: "Get ready", PhaseKind.WORK: "Hold", PhaseKind.REST: "Rest"}
REPEAT_WORD = "Repeat"
# Words for the player's own states: shown on its buttons and status line, and spoken.
WORDS = {
    "paused": "Paused",
    "pause": "Pause",
    "resume": "Resume",
    "paused_cue": "Paused.",
    "resumed_cue": "Resuming.",
    "complete_cue": "Session complete. Well done.",
    "stopped_cue": "Session stopped.",
    "hurt": "This hurts",
    "hurt_cue": "Try the easier version.",
    "hurt_again_cue": "Leave this one for today.",
    "stop_question": "Stop the session?",
    "stop_keeps": "The exercises you have done so far are kept when you save the session.",
    "stop_stretch": "A break stretch is not saved.",
    "keep_going": "Keep going",
    "stop_confirm": "Stop",
    "resume_question": "Carry on where you left off?",
    "resume_at": "You stopped at",
    "resume_choice": "Resume",
    "start_again": "Start again",
    "stretch_done": "Well done. Back to what you were doing, and stand up again in a while.",
}
# The lead of each line that keeps a person safe while an exercise plays.
SAFETY_WORDS = {"stop_if": "Stop if:", "cautions": "Take care:", "easier": "Easier version:"}


@dataclass(frozen=True)
class PhaseView:
    word: str  # what to do now: Get ready, Hold, Repeat, Rest
    detail: str  # Set 1 of 2 · left side · 10 slow repetitions
    count: str  # Exercise 2 of 5
    progress: str  # 40% of the session


def phase_view(phases: list[Phase], index: int) -> PhaseView:
    phase = phases[index]
    working = phase.kind is PhaseKind.WORK
    detail = f"Set {phase.set_number} of {phase.sets}" + (f" · {phase.side} side" if phase.side else "")
    if working and phase.reps:
        detail += f" · {phase.reps} slow repetitions"
    word = REPEAT_WORD if working and phase.reps else PHASE_WORDS[phase.kind]
    count = f"Exercise {phase.item + 1} of {phases[-1].item + 1}"
    return PhaseView(word, detail, count, f"{100 * index // len(phases)}% of the session")


def signature(phases: list[Phase]) -> str:
    """Names this exact session (its exercises and their timing): a play kept in the page's storage
    resumes only into the same session, never into a changed plan."""
    timeline = ";".join(f"{p.exercise_id}:{p.kind.value}:{p.seconds:g}" for p in phases)
    return hashlib.sha256(timeline.encode()).hexdigest()[:16]


def web_script(phases: list[Phase], exercises: dict[str, Exercise]) -> dict[str, Any]:
    """Everything the web player needs, as JSON: phases with their words, moves and the easier
    version of their exercise, and the player's own words."""
    table = moves(phases)
    played = {p.exercise_id: exercises[p.exercise_id] for p in phases}
    specs = {i: coach_spec(e) for i, e in played.items() if e.coach is not None}
    coaching = {i: {"mode": spec.mode, "view": spec.view} for i, spec in specs.items()}
    script = []
    for index, phase in enumerate(phases):
        entry = asdict(phase) | asdict(phase_view(phases, index)) | asdict(table[index])
        entry["counts"] = phase.kind is PhaseKind.WORK
        entry["easier"] = exercises[phase.exercise_id].regression
        entry["coach"] = coaching.get(phase.exercise_id)
        script.append(entry)
    return {
        "signature": signature(phases),
        "phases": script,
        "back_grace_seconds": BACK_GRACE_SECONDS,
        "tolerance_seconds": TOLERANCE_SECONDS,
        "words": WORDS,
        "note_words": NOTE_WORDS,
        "camera_words": CAMERA_WORDS,
    }
