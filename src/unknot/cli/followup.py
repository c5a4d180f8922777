"""`unknot progress` and `unknot questionnaire`: is it working, and when to see a professional."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.prompt import Confirm, IntPrompt

from unknot.cli.common import console, fail, journal_from_env, print_json
from unknot.cli.render_followup import due_table, escalation_panel, progress_view
from unknot.content.schema import Questionnaire
from unknot.core.questionnaires import parse_numbers, ticks_to_answers
from unknot.services import followup


def progress_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the contract's JSON.")] = False,
    today: Annotated[
        str | None, typer.Option("--today", help="Evaluate as of this date, YYYY-MM-DD.")
    ] = None,
) -> None:
    """Progress so far: pain against your baseline, adherence, trends, and whether to see a professional."""
    journal = journal_from_env()
    report = followup.progress(journal, today)
    if as_json:
        print_json(report.as_contract())
        return
    out = console()
    if report.escalation.level != "none":
        out.print(escalation_panel(report.escalation, journal.library))
    out.print(progress_view(report, journal.history(), followup.responses(journal)))
    out.print(due_table(followup.due(journal), journal.library))


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
    name: Annotated[str, typer.Argument(metavar="NAME", help="peg or rmdq.")],
    answers: Annotated[str | None, typer.Option("--answers", help="PEG: three ratings, e.g. 5,6,4.")] = None,
    ticked: Annotated[
        str | None, typer.Option("--ticked", help="RMDQ: numbers of the sentences that apply.")
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="YYYY-MM-DD (default today).")] = None,
) -> None:
    """Answer a questionnaire (PEG weekly, Roland-Morris every two weeks): asks when no answers are given."""
    journal = journal_from_env()
    form = followup.questionnaire(journal, name)
    out = console()
    if answers is not None and form.response == "scale_0_10":
        values = parse_numbers(answers)
    elif ticked is not None and form.response == "tick":
        values = ticks_to_answers(form, parse_numbers(ticked, "ticked"))
    elif answers is None and ticked is None:
        if not sys.stdin.isatty():
            option = "--answers" if form.response == "scale_0_10" else "--ticked"
            fail(f"answers: missing (give {option}, or run it in a terminal to be asked)")
        values = _ask(form, out)
    else:
        fail(
            f"answers: {form.short_name} takes {'--answers' if form.response == 'scale_0_10' else '--ticked'}"
        )
    response, replaced = followup.answer(journal, form.id, values, date)
    verb = "Replaced" if replaced else "Saved"
    out.print(
        f"{verb} your {form.short_name} for {response.date}: score {response.score:g} of {form.max_score:g}."
    )
