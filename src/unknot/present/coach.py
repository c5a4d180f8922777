"""The coach's results in the words and shapes of the contract (docs/contracts/coach.md), for the
command line and the web."""

from __future__ import annotations

from typing import Any

from unknot.content.schema import Library
from unknot.core.coach.posture import PostureResult
from unknot.core.coach.records import Coached
from unknot.core.coach.rules import CoachResult
from unknot.core.coach.spec import CoachSpec


def _seconds(value: float) -> float:
    return round(value, 2)


def coach_json(result: CoachResult) -> dict[str, Any]:
    return {
        "exercise": result.exercise,
        "frames": result.frames,
        "frames_with_person": result.frames_with_person,
        "reps": result.reps,
        "hold_seconds": _seconds(result.hold_seconds),
        "sets": [
            {"side": s.side, "reps": s.reps, "hold_seconds": _seconds(s.hold_seconds)} for s in result.sets
        ],
        "cues": [{"t": _seconds(t), "text": text} for t, text in result.cues],
    }


def exercises_json(specs: list[CoachSpec]) -> list[dict[str, str]]:
    return [{"id": s.exercise, "view": s.view, "mode": s.mode} for s in specs]


def posture_json(result: PostureResult) -> dict[str, Any]:
    return {
        "calibrated": result.calibrated,
        "frames": result.frames,
        "away_seconds": _seconds(result.away_seconds),
        "slouch_episodes": [{"start": _seconds(e.start), "end": _seconds(e.end)} for e in result.episodes],
        "alerts": [_seconds(t) for t in result.alerts],
    }


def coach_lines(result: CoachResult, mode: str) -> list[str]:
    """The result in sentences, for people."""
    seen = f"A person was seen in {result.frames_with_person} of {result.frames} frames."
    done = (
        f"{result.reps} repetition{'s' * (result.reps != 1)} completed."
        if mode == "reps"
        else f"{result.hold_seconds:.0f} seconds in position."
    )
    sides = [
        f"{s.side or 'both sides'}: {s.reps} repetitions, {s.hold_seconds:.0f} s in position"
        for s in result.sets
    ]
    cues = [f"at {t:.1f} s: {text}" for t, text in result.cues]
    return [seen, done, *sides, *(["Cues:", *cues] if cues else ["No form cues."])]


def posture_lines(result: PostureResult) -> list[str]:
    if not result.calibrated:
        return [f"Not calibrated: fewer than 5 seconds with a person in {result.frames} frames."]
    episodes = [f"slouched from {e.start:.0f} s to {e.end:.0f} s" for e in result.episodes]
    alerts = [f"alert at {t:.0f} s" for t in result.alerts]
    return [
        f"{len(result.episodes)} sustained slouch{'es' * (len(result.episodes) != 1)}"
        f" ({result.slouch_seconds:.0f} s in all); away {result.away_seconds:.0f} s.",
        *episodes,
        *alerts,
    ]


def coached_lines(coached: tuple[Coached, ...], library: Library) -> list[str]:
    """What the camera counted in a session, a line per exercise and side."""
    lines = []
    for c in coached:
        name = library.exercises[c.exercise].name if c.exercise in library.exercises else c.exercise
        side = f" ({c.side})" if c.side else ""
        reps = f"{c.reps} repetition{'s' * (c.reps != 1)}"
        lines.append(f"{name}{side}: {reps}, {c.hold_seconds:.0f} s in position")
    return lines


# Words for the camera coach in the web player (shown and spoken); its rules are core.coach's.
CAMERA_WORDS = {
    "camera": "Camera coach",
    "camera_on": "Camera on",
    "camera_note": "Counts your repetitions and times your holds only while you are in position. The "
    "video stays on this computer and is never stored.",
    "cannot": "The camera cannot coach this one.",
    "in_position": "In position",
    "waiting": "Get into position: the timer waits for you.",
    "reps": "Repetitions counted",
    "held": "Seconds in position",
    "refused": "The camera was not allowed, so the session plays without it.",
    "no_camera": "No camera was found, so the session plays without it.",
    "loading": "Starting the camera…",
}


# Words for the posture watch's page (shown and spoken); its rules are core.coach.posture's.
POSTURE_WORDS = {
    "calibrating": "Sit tall and comfortable for 5 seconds: this is your upright posture.",
    "upright": "Upright. Carry on.",
    "slouching": "Slouching: sit tall again when you notice it.",
    "away": "Nobody in the picture.",
    "alert": "You have been slouching for a while. Time to stand up and stretch.",
    "alert_no_stretch": "You have been slouching for a while. Stand up, move about and sit tall again.",
    "refused": "The camera was not allowed, so the posture watch cannot run.",
    "no_camera": "No camera was found, so the posture watch cannot run.",
    "loading": "Starting the camera…",
    "stopped": "The posture watch is off.",
}
