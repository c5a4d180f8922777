"""`unknot lessons`: short lessons on back pain, the one chosen for today, and reading one."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table

from unknot.cli.common import console, context_from_env, print_json
from unknot.cli.lazy import PLAIN_HELP
from unknot.content.schema import Lesson, Library
from unknot.services import lessons

app = typer.Typer(
    help="Short lessons on back pain: list them, or read one.",
    invoke_without_command=True,
    rich_markup_mode=PLAIN_HELP,
)


def lesson_record(lesson: Lesson, library: Library) -> dict[str, object]:
    """The public JSON shape of one lesson (`unknot lessons --json`)."""
    record = lesson.model_dump(mode="json")
    record["sources"] = library.citations(lesson.sources)
    record["source_ids"] = list(lesson.sources)
    return record


@app.callback()
def list_lessons(
    invocation: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the lessons as JSON.")] = False,
) -> None:
    """List the lessons, the one for today first marked, and which you have read."""
    if invocation.invoked_subcommand is not None:
        return
    ctx = context_from_env()
    found = lessons.library(ctx)
    if as_json:
        print_json([lesson_record(lesson, ctx.library) for lesson in found])
        return
    today, read = lessons.for_today(ctx), set(lessons.read(ctx))
    table = Table(title="Lessons ('unknot lessons show ID' to read one)")
    for column in ("Id", "Title", "Minutes", ""):
        table.add_column(column)
    for lesson in found:
        mark = "today" if today and lesson.id == today.id else ("read" if lesson.id in read else "")
        table.add_row(lesson.id, lesson.title, str(lesson.minutes), mark)
    console().print(table)


@app.command("show")
def show_lesson(
    lesson_id: Annotated[str, typer.Argument(metavar="ID", help="A lesson's id, e.g. hurt_not_harm.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the lesson as JSON.")] = False,
) -> None:
    """Read a lesson (it is then remembered as read)."""
    ctx = context_from_env()
    lesson = lessons.mark_read(ctx, lesson_id)
    if as_json:
        print_json(lesson_record(lesson, ctx.library) | {"body": lesson.body})
        return
    text = "\n\n".join(
        [
            f"*{lesson.summary}*",
            *lesson.body,
            "Sources:",
            *(f"- {c}" for c in ctx.library.citations(lesson.sources)),
        ]
    )
    console().print(Panel(Markdown(text), title=f"{lesson.title} ({lesson.minutes} min)"))
