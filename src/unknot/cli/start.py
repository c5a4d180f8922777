"""`unknot start`: the interactive intake, in plain words, then the result with its reasons."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.prompt import Confirm, Prompt

from unknot.cli.common import console, context_from_env, library
from unknot.cli.render import render_assessment
from unknot.cli.widgets import ask_number
from unknot.content.schema import CareLevel, Library
from unknot.core.answers import SKIPPED_AFTER_EMERGENCY, answers_from_dict, has_emergency_flag
from unknot.present.intake import DETAILS, FIRST_STEP, Question
from unknot.services import plans

SHORT = 12


def _numbered(question: Question) -> dict[str, str]:
    return {str(n): value for n, (value, _) in enumerate(question.choices, start=1)}


def _many(question: Question, out: Console) -> list[str]:
    numbered = _numbered(question)
    labels = ", ".join(f"{n} {label.lower()}" for n, (_, label) in enumerate(question.choices, start=1))
    out.print(f"{question.text} {labels}.")
    while True:
        raw = Prompt.ask("Numbers, separated by spaces (e.g. 1 3)", console=out)
        picked = [numbered.get(part) for part in raw.replace(",", " ").split()]
        if picked and all(picked):
            return list(dict.fromkeys(p for p in picked if p))
        numbers = list(numbered)
        out.print(f"[red]Please type one or more of {', '.join(numbers[:-1])} and {numbers[-1]}.[/red]")


def _one(question: Question, out: Console) -> str:
    """Short answers (yes, no, unknown) are typed; long ones are chosen by number."""
    if all(len(label) <= SHORT for _, label in question.choices):
        return Prompt.ask(question.text, choices=[value for value, _ in question.choices], console=out)
    labels = "; ".join(f"{n} {label}" for n, (_, label) in enumerate(question.choices, start=1))
    out.print(f"{question.text} {labels}.")
    return _numbered(question)[Prompt.ask("Choose", choices=list(_numbered(question)), console=out)]


def ask(question: Question, out: Console) -> Any:
    """One intake question, asked until the answer is valid."""
    if question.kind == "many":
        return _many(question, out)
    if question.kind == "one":
        return _one(question, out)
    if question.kind == "yes_no":
        return Confirm.ask(question.text, console=out)
    low, high = question.bounds
    whole = question.kind == "whole"
    value = ask_number(out, question.text, low, high, whole=whole)
    return int(value) if whole else value


def _red_flags(lib: Library, out: Console) -> list[str]:
    out.print(Panel("First, some safety questions. Please answer each one honestly.", style="bold"))
    present = []
    for flag in lib.safety.flags:
        if Confirm.ask(flag.question, default=False, console=out):
            present.append(flag.id)
            if flag.urgency is CareLevel.EMERGENCY:
                break
    return present


def start_command() -> None:
    """Answer a few questions and get your assessment and daily programme."""
    out, lib = console(), library()
    out.print(Panel(lib.safety.notice, title="Before you start", border_style="yellow"))
    answers: dict[str, Any] = {q.field: ask(q, out) for q in FIRST_STEP}
    answers["red_flags"] = _red_flags(lib, out)
    if has_emergency_flag(answers["red_flags"]):
        answers |= SKIPPED_AFTER_EMERGENCY
    else:
        answers |= {q.field: ask(q, out) for q in DETAILS}
    result = plans.save_assessment(context_from_env(), answers_from_dict(answers))
    render_assessment(out, result, lib)
    out.print("[dim]Saved. See it any time with 'unknot today'.[/dim]")
