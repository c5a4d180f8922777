"""`unknot start`: the interactive intake, in plain words, then the result with its reasons."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.prompt import Confirm, Prompt

from unknot.cli.common import console, context_from_env, library
from unknot.cli.render import render_assessment
from unknot.cli.widgets import ask_number
from unknot.content.schema import CareLevel, Library
from unknot.core.answers import SKIPPED_AFTER_EMERGENCY, answers_from_dict, check_age, has_emergency_sign
from unknot.core.errors import UserError
from unknot.present.intake import DETAILS, FIRST_STEP, PREFILLED_WORDS, SAFETY, Question
from unknot.services import intake

SHORT = 12


def _numbered(question: Question) -> dict[str, str]:
    return {str(n): value for n, (value, _) in enumerate(question.choices, start=1)}


def _many(question: Question, out: Console, last: Any = None) -> list[str]:
    numbered = _numbered(question)
    labels = ", ".join(
        f"{n} {label[0].lower()}{label[1:]}" for n, (_, label) in enumerate(question.choices, start=1)
    )
    out.print(f"{question.text} {labels}.")
    kept = " ".join(n for n, value in numbered.items() if value in (last or []))
    hint = (", or none" if kept else ", or Enter for none") if question.optional else ""
    while True:
        prompt = f"Numbers, separated by spaces (e.g. 1 3){hint}"
        if kept or question.optional:
            raw = Prompt.ask(prompt, console=out, default=kept, show_default=bool(kept))
        else:
            raw = Prompt.ask(prompt, console=out)
        if question.optional and raw.strip().lower() == "none":
            return []
        picked = [numbered.get(part) for part in raw.replace(",", " ").split()]
        if (picked or question.optional) and all(picked):
            return list(dict.fromkeys(p for p in picked if p))
        numbers = list(numbered)
        out.print(f"[red]Please type one or more of {', '.join(numbers[:-1])} and {numbers[-1]}.[/red]")


def _typed(question: Question, out: Console, last: Any = None) -> str:
    """A short answer typed in full or by its start ("y" for yes), in any case."""
    values = [value for value, _ in question.choices]
    prompt = f"{question.text} " + escape(f"[{'/'.join(values)}]")  # the choices, not markup
    while True:
        if last in values:
            typed = Prompt.ask(prompt, console=out, default=str(last))
        else:
            typed = Prompt.ask(prompt, console=out)
        typed = typed.strip().lower()
        found = [typed] if typed in values else [v for v in values if typed and v.startswith(typed)]
        if len(found) == 1:
            return found[0]
        out.print(f"[red]Please type {', '.join(values[:-1])} or {values[-1]} (its start is enough).[/red]")


def _one(question: Question, out: Console, last: Any = None) -> str:
    """Short answers (yes, no, unknown) are typed; long ones are chosen by number."""
    if all(len(label) <= SHORT for _, label in question.choices):
        return _typed(question, out, last)
    labels = "; ".join(f"{n} {label}" for n, (_, label) in enumerate(question.choices, start=1))
    out.print(f"{question.text} {labels}.")
    numbered = _numbered(question)
    kept = next((n for n, value in numbered.items() if value == last), None)
    if kept is None:
        return numbered[Prompt.ask("Choose", choices=list(numbered), console=out)]
    return numbered[Prompt.ask("Choose", choices=list(numbered), console=out, default=kept)]


def _yes_no(question: Question, out: Console, last: Any = None) -> bool:
    if isinstance(last, bool):
        return Confirm.ask(question.text, console=out, default=last)
    return Confirm.ask(question.text, console=out)


def ask(question: Question, out: Console, last: Any = None) -> Any:
    """One intake question, asked until the answer is valid; `last`, the answer the last intake
    gave, is the default (shown in brackets; Enter keeps it)."""
    if question.kind == "many":
        return _many(question, out, last)
    if question.kind == "one":
        return _one(question, out, last)
    if question.kind == "yes_no":
        return _yes_no(question, out, last)
    low, high = question.bounds
    whole = question.kind == "whole"
    given = last if isinstance(last, int | float) and not isinstance(last, bool) else None
    value = ask_number(out, question.text, low, high, whole=whole, default=given)
    if question.field == "age":
        try:
            check_age(int(value))
        except ValueError as exc:
            raise UserError(f"age: {exc}") from None
    return int(value) if whole else value


def _safety(lib: Library, out: Console) -> dict[str, Any]:
    """The red flags, each asked with no default answer, then the other safety questions; it stops
    at the first emergency sign. None starts from the last intake's answer: a warning sign that
    Enter answers "no" is easily waved through unread, so these are asked afresh every time."""
    out.print(Panel("First, some safety questions. Please answer each one honestly.", style="bold"))
    answers: dict[str, Any] = {"red_flags": []}
    for flag in lib.safety.flags:
        if Confirm.ask(flag.question, console=out):
            answers["red_flags"].append(flag.id)
            if flag.urgency is CareLevel.EMERGENCY:
                return answers
    for question in SAFETY:
        answers[question.field] = ask(question, out)
        if has_emergency_sign([], answers.get("leg_symptoms", "none")):
            return answers
    return answers


def start_command() -> None:
    """Answer a few questions and get your assessment and daily programme."""
    out, lib, ctx = console(), library(), context_from_env()
    last = intake.last_answers(ctx)  # answering again: each answer starts as the last one
    out.print(Panel(lib.safety.notice, title="Before you start", border_style="yellow"))
    if last:
        out.print(PREFILLED_WORDS)
    answers: dict[str, Any] = {q.field: ask(q, out, last.get(q.field)) for q in FIRST_STEP}
    answers |= _safety(lib, out)
    if has_emergency_sign(answers["red_flags"], answers.get("leg_symptoms", "none")):
        answers = {**SKIPPED_AFTER_EMERGENCY, **answers}
    else:
        answers |= {q.field: ask(q, out, last.get(q.field)) for q in DETAILS}
    result = intake.save_assessment(ctx, answers_from_dict(answers))
    render_assessment(out, result, lib)
    out.print("[dim]Saved. See it any time with 'unknot today'.[/dim]")
