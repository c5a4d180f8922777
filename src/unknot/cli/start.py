"""`unknot start`: the interactive intake, in plain words, then the result with its reasons."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.prompt import Confirm, Prompt

from unknot.cli.common import console, context_from_env, library
from unknot.cli.render import render_assessment
from unknot.cli.widgets import ask_number, ask_score
from unknot.content.schema import CareLevel, Library
from unknot.core.answers import SKIPPED_AFTER_EMERGENCY, answers_from_dict, has_emergency_flag
from unknot.services import plans

REGION_CHOICES = {"1": "neck", "2": "upper_back", "3": "lower_back"}
TRAUMA_CHOICES = {"1": "none", "2": "minor", "3": "major"}


def _regions(out: Console) -> list[str]:
    out.print("Where does it hurt or feel stiff? 1 neck, 2 upper back, 3 lower back.")
    while True:
        raw = Prompt.ask("Numbers, separated by spaces (e.g. 1 3)", console=out)
        picked = [REGION_CHOICES.get(part) for part in raw.replace(",", " ").split()]
        if picked and all(picked):
            return list(dict.fromkeys(p for p in picked if p))
        out.print("[red]Please type one or more of 1, 2 and 3.[/red]")


def _trauma(out: Console) -> str:
    out.print(
        "Did it start with an injury? 1 no; 2 a minor one (a slip, twist or strain without a hard impact);"
        " 3 a major one (a fall from a height, a road accident, a forceful sports collision)."
    )
    choice = Prompt.ask("Choose", choices=list(TRAUMA_CHOICES), default="1", console=out)
    return TRAUMA_CHOICES[choice]


def _red_flags(lib: Library, out: Console) -> list[str]:
    out.print(Panel("First, some safety questions. Please answer each one honestly.", style="bold"))
    present = []
    for flag in lib.safety.flags:
        if Confirm.ask(flag.question, default=False, console=out):
            present.append(flag.id)
            if flag.urgency is CareLevel.EMERGENCY:
                break
    return present


def _the_rest(out: Console) -> dict[str, Any]:
    return {
        "pain_now": ask_score(out, "How bad is the pain right now, from 0 (none) to 10 (worst imaginable)?"),
        "duration_days": int(ask_number(out, "How many days ago did it begin?", 0, 36500)),
        "lifting_strain": Confirm.ask("Did it begin while lifting or carrying something heavy?", console=out),
        "repetitive_load": Confirm.ask(
            "Do you do repeated motions or carry loads often (a heavy bag every day, repetitive work)?",
            console=out,
        ),
        "sitting_hours": ask_number(out, "About how many hours a day do you sit?", 0, 24, whole=False),
        "hamstrings_tight": Prompt.ask(
            "With straight legs, is it hard to reach past your knees (tight hamstrings)?",
            choices=["yes", "no", "unknown"],
            default="unknown",
            console=out,
        ),
        "inflammation_signs": Confirm.ask(
            "Is there swelling, redness or warmth over the sore area?", default=False, console=out
        ),
    }


def start_command() -> None:
    """Answer a few questions and get your assessment and daily programme."""
    out, lib = console(), library()
    out.print(Panel(lib.safety.notice, title="Before you start", border_style="yellow"))
    answers: dict[str, Any] = {"regions": _regions(out)}
    answers["age"] = int(ask_number(out, "How old are you?", 16, 110))
    answers["trauma"] = _trauma(out)
    answers["red_flags"] = _red_flags(lib, out)
    emergency = has_emergency_flag(answers["red_flags"])
    answers |= SKIPPED_AFTER_EMERGENCY if emergency else _the_rest(out)
    result = plans.save_assessment(context_from_env(), answers_from_dict(answers))
    render_assessment(out, result, lib)
    out.print("[dim]Saved. See it any time with 'unknot today'.[/dim]")
