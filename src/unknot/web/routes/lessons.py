"""Lessons: the list (today's first marked), one lesson to read, and marking it read."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from unknot.services import lessons
from unknot.web.forms import posted_form
from unknot.web.render import context_of, render

router = APIRouter()


@router.get("/lessons", response_class=HTMLResponse)
def lessons_page(request: Request) -> Response:
    ctx = context_of(request)
    page: dict[str, Any] = {
        "lessons": lessons.library(ctx),
        "today": lessons.for_today(ctx),
        "read": set(lessons.read(ctx)),
    }
    return render(request, "lessons.html", title="Learn", **page)


@router.get("/lessons/{lesson_id}", response_class=HTMLResponse)
def lesson_page(request: Request, lesson_id: str) -> Response:
    ctx = context_of(request)
    lesson = lessons.lesson(ctx, lesson_id)
    page: dict[str, Any] = {
        "lesson": lesson,
        "citations": ctx.library.citations(lesson.sources),
        "read": lesson.id in lessons.read(ctx),
    }
    return render(request, "lesson.html", title=lesson.title, **page)


@router.post("/lessons/{lesson_id}/read")
@posted_form
def lesson_read(request: Request, form: FormData) -> Response:
    lessons.mark_read(context_of(request), request.path_params["lesson_id"])
    return RedirectResponse("/lessons", status_code=303)
