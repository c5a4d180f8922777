"""The exercise library with filters, and a page per exercise."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from unknot.content.schema import ExerciseKind, Muscle, Position
from unknot.core.errors import UserError
from unknot.services import catalog
from unknot.web.cache import page_cache
from unknot.web.render import context_of, render

router = APIRouter()


E = TypeVar("E", bound=StrEnum)


def _choice(enum: type[E], value: str | None, field: str) -> E | None:
    if not value:
        return None
    try:
        return enum(value)
    except ValueError:
        raise UserError(f"{field}: unknown value '{value}'") from None


@router.get("/exercises", response_class=HTMLResponse)
async def exercises_page(
    request: Request, target: str | None = None, position: str | None = None, kind: str | None = None
) -> Response:
    return await page_cache(request).serve(request, lambda: _exercises(request, target, position, kind))


def _exercises(request: Request, target: str | None, position: str | None, kind: str | None) -> Response:
    library = context_of(request).library
    muscle = _choice(Muscle, target, "target")
    place = _choice(Position, position, "position")
    sort = _choice(ExerciseKind, kind, "kind")
    found = catalog.find_exercises(library, muscle, place, sort.value if sort else None)
    filters = {"target": target or "", "position": position or "", "kind": kind or ""}
    choices = {"target": list(Muscle), "position": list(Position), "kind": list(ExerciseKind)}
    return render(request, "exercises.html", title="Exercises", found=found, filters=filters, choices=choices)


@router.get("/exercises/{exercise_id}", response_class=HTMLResponse)
async def exercise_page(request: Request, exercise_id: str) -> Response:
    return await page_cache(request).serve(request, lambda: _exercise(request, exercise_id))


def _exercise(request: Request, exercise_id: str) -> Response:
    library = context_of(request).library
    if exercise_id not in library.exercises:
        raise HTTPException(status_code=404)
    exercise = library.exercises[exercise_id]
    return render(
        request,
        "exercise.html",
        title=exercise.name,
        exercise=exercise,
        citations=library.citations(exercise.sources),
    )
