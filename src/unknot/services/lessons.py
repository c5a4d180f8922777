"""Lessons: the library, the lesson chosen for today, and the ones the person has read."""

from __future__ import annotations

from unknot.content.schema import Lesson
from unknot.core.errors import UserError
from unknot.core.guidance import LESSON_ORDER
from unknot.services import plans, preferences
from unknot.services.context import Context


def library(ctx: Context) -> list[Lesson]:
    """Every lesson, in the order they are offered."""
    order = [i for i in LESSON_ORDER if i in ctx.library.lessons]
    return [ctx.library.lessons[i] for i in order + sorted(set(ctx.library.lessons) - set(order))]


def lesson(ctx: Context, lesson_id: str) -> Lesson:
    try:
        return ctx.library.lessons[lesson_id]
    except KeyError:
        known = ", ".join(ctx.library.lessons)
        raise UserError(f"lesson: unknown id '{lesson_id}' (known: {known})") from None


def read(ctx: Context) -> list[str]:
    return list(preferences.get(ctx).lessons_read)


def mark_read(ctx: Context, lesson_id: str) -> Lesson:
    """Remember that the person read a lesson (today's lesson then moves on)."""
    found = lesson(ctx, lesson_id)
    done = read(ctx)
    if lesson_id not in done:
        preferences.remember(ctx, "lessons_read", [*done, lesson_id])
    return found


def for_today(ctx: Context) -> Lesson | None:
    """The lesson chosen for the person today: the first unread one of their plan's order (then the
    library's); when all are read, one by the day, so there is something to go back to."""
    current = plans.current(ctx)
    chosen = current.plan.lessons if current and current.plan else []
    order = list(dict.fromkeys([*chosen, *(lesson.id for lesson in library(ctx))]))
    if not order:
        return None
    done = set(read(ctx))
    unread = [lesson_id for lesson_id in order if lesson_id not in done]
    return ctx.library.lessons[unread[0] if unread else order[ctx.today().toordinal() % len(order)]]
