"""`unknot assess`: assess intake answers from a file (the public contract: docs/contracts/assess.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from unknot.cli.common import MiB, console, context_from_env, library, print_json, read_input
from unknot.cli.render import render_assessment
from unknot.core.answers import parse_answers
from unknot.services import catalog, intake


def assess_command(
    answers: Annotated[
        str, typer.Option("--answers", metavar="FILE", help="JSON answers file, or - for standard input.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    save: Annotated[
        bool, typer.Option("--save", help="Store it as your current assessment and plan.")
    ] = False,
) -> None:
    """Assess your answers: red flags, likely contributing causes, heat or cold, and a daily plan."""
    text = read_input(answers, "answers", MiB)
    lib = library()
    parsed = parse_answers(text)
    result = (
        intake.save_assessment(context_from_env(), parsed) if save else catalog.assess_intake(parsed, lib)
    )
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        render_assessment(console(), result, lib)
