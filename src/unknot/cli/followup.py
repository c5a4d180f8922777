"""`unknot progress` and `unknot questionnaire`: is it working, and when to see a professional."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.prompt import Confirm, IntPrompt

from unknot.cli.common import console, context_from_env, fail, print_json
from unknot.cli.render_followup import due_table, escalation_panel, progress_view
from unknot.content.schema import Questionnaire
from unknot.present.words import score
from unknot.services import overview, progress


def progress_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    today: Annotated[
        str | None,
        typer.Option("--today", metavar="YYYY-MM-DD", help="Evaluate as of this day (default today)."),
    ] = None,
) -> None:
    """Progress so far: pain against your baseline, adherence, trends, and whether to see a professional."""
    ctx = context_from_env()
    if as_json:
        print_json(progress.progress(ctx, today).as_contract())
        return
    seen = overview.gather(ctx, today)
    out = console()
    escalation = escalation_panel(seen.progress.escalation, ctx.library)
    if escalation:
        out.print(escalation)
    out.print(progress_view(seen.progress, seen.days, seen.responses, ctx.library))
    out.print(due_table(seen.due, ctx.library))


def _ask(form: Questionnaire, out: Console) -> list[int]:
    out.print(Panel(form.instructions, title=form.name))
    answers = []
    for number, item in enumerate(form.items, start=1):
        if form.response == "tick":
            answers.append(int(Confirm.ask(f"{number}. {item.text}", default=False, console=out)))
            continue
        scale = f" (0 = {item.low}, 10 = {item.high})" if item.low else ""
        while (value := IntPrompt.ask(f"{number}. {item.text}{scale}", console=out)) not in range(11):
            out.print("[red]Please enter a whole number from 0 to 10.[/red]")
        answers.append(value)
    return answers


def questionnaire_command(
    name: Annotated[str, typer.Argument(metavar="NAME", help="The questionnaire's id.")],
    answers: Annotated[
        str | None,
        typer.Option(
            "--answers", metavar="N,N,...", help="A 0-10 questionnaire: one rating per item, e.g. 5,6,4."
        ),
    ] = None,
    ticked: Annotated[
        str | None,
        typer.Option(
            "--ticked", metavar="N,...", help="A tick questionnaire: the numbers of the sentences that apply."
        ),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", metavar="YYYY-MM-DD", help="The day answered (default today).")
    ] = None,
) -> None:
    """Answer a questionnaire: asks, item by item, when no answers are given."""
    ctx = context_from_env()
    form = progress.questionnaire(ctx, name)
    out = console()
    if answers is None and ticked is None:
        if not sys.stdin.isatty():
            option = "--answers" if form.response == "scale_0_10" else "--ticked"
            fail(f"answers: missing (give {option}, or run it in a terminal to be asked)")
        values = _ask(form, out)
    else:
        values = progress.answers_from_text(form, answers, ticked)
    saved = progress.answer(ctx, form.id, values, date)
    verb = "Replaced" if saved.replaced else "Saved"
    total = f"{score(saved.response.score)} of {score(form.max_score)}"
    out.print(f"{verb} your {form.short_name} for {saved.response.date}: score {total}.")
