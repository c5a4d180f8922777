"""The camera's pages and its landmark channel. The pose model runs in the browser
(`static/camera.js`); the pages send landmarks (never pictures) and the coach's and posture watch's
rules answer. Each request of the channel is checked like a form: the session, the Origin, and the
CSRF token (in the `X-CSRF-Token` header). The routes come with the camera feature (features.py)."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from unknot.core.coach.landmarks import Frame, frame_from_json
from unknot.core.coach.position import whole_body_advice
from unknot.core.coach.posture import DELAY
from unknot.core.errors import UserError
from unknot.present.coach import POSTURE_WORDS, coach_json
from unknot.services import camera
from unknot.web.forms import csrf_ok
from unknot.web.render import context_of, render

router = APIRouter()
MOST_BYTES = 512 * 1024  # a batch of frames: 30 frames of 33 landmarks is about 40 KB
MOST_FRAMES = 60
RUN = re.compile(r"[A-Za-z0-9_-]{8,64}")


class ChannelError(UserError):
    """A landmark batch that is not as the page sends it; the message names what is wrong."""


def runs(request: Request) -> camera.Runs:
    found: camera.Runs = request.app.state.camera_runs
    return found


async def _capped_body(request: Request) -> bytes:
    """The request's body, read no further than MOST_BYTES (a larger one is refused as it comes)."""
    too_big = ChannelError(f"frames: more than {MOST_BYTES // 1024} KB in one request")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MOST_BYTES:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MOST_BYTES:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)


async def _batch(request: Request) -> dict[str, Any]:
    csrf_ok(request, request.headers.get("x-csrf-token", ""))
    body = await _capped_body(request)
    try:
        data = json.loads(body)
    except json.JSONDecodeError:
        raise ChannelError("frames: not valid JSON") from None
    if not isinstance(data, dict) or not RUN.fullmatch(str(data.get("run", ""))):
        raise ChannelError("run: 8 to 64 letters, digits, - or _")
    return data


def _frames(data: dict[str, Any]) -> list[Frame]:
    raw = data.get("frames")
    if not isinstance(raw, list) or len(raw) > MOST_FRAMES:
        raise ChannelError(f"frames: a list of at most {MOST_FRAMES} frames")
    try:
        return [frame_from_json(item) for item in raw]
    except ValueError as exc:
        raise ChannelError(f"frames: {exc}") from None


@router.post("/coach/frames")
async def coach_frames(request: Request) -> Response:
    data = await _batch(request)
    coach, said = camera.coach_frames(
        context_of(request), runs(request), data["run"], str(data.get("exercise", "")), _frames(data)
    )
    last = said[-1] if said else None
    totals = coach_json(coach.result())  # reps, hold_seconds and sets as the replay gives them
    return JSONResponse(
        {
            "person": last.person if last else None,
            "advice": last.advice if last else None,
            "progress": None if last is None or last.progress is None else round(last.progress, 3),
            "in_position": bool(last and last.in_position),
            "side": last.side if last else None,
            **{key: totals[key] for key in ("reps", "hold_seconds", "sets")},
            "cues": [s.cue for s in said if s.cue],
            "mode": coach.spec.mode,
        }
    )


@router.get("/camera", response_class=HTMLResponse)
def camera_page(request: Request) -> Response:
    return render(request, "camera.html", title="Camera check")


@router.post("/camera/frames")
async def camera_frames(request: Request) -> Response:
    """The camera check's question: is the whole body in view (the latest frame of the batch)?"""
    frames = _frames(await _batch(request))
    said = whole_body_advice(frames[-1]) if frames else None
    return JSONResponse({"whole_body": bool(frames) and said is None, "advice": said})


@router.get("/posture", response_class=HTMLResponse)
def posture_page(request: Request) -> Response:
    return render(request, "posture.html", title="Posture watch", posture_words=POSTURE_WORDS)


@router.post("/posture/frames")
async def posture_frames(request: Request) -> Response:
    data = await _batch(request)
    ctx = context_of(request)
    watched = camera.posture_frames(ctx, runs(request), data["run"], _frames(data), DELAY)
    stretch, last = watched.stretch, watched.last
    suggested = None
    if stretch is not None:
        suggested = {"id": stretch.id, "name": stretch.name, "step": stretch.step, "stop_if": stretch.stop_if}
        suggested["href"] = f"/session/stretch/{stretch.id}"
    return JSONResponse(
        {
            "calibrated": watched.calibrated,
            "person": last.person if last else None,
            "slouching": bool(last and last.slouching),
            "alert": watched.alert,
            "stretch": suggested,
        }
    )


@router.post("/posture/stop")
async def posture_stop(request: Request) -> Response:
    data = await _batch(request)
    camera.stop_posture(context_of(request), runs(request), data["run"])
    return Response(status_code=204)
