"""`unknot assess`: assess intake answers from a file (see shared/contracts/assess.md)."""

from __future__ import annotations

from typing import Annotated

import typer

from unknot import services
from unknot.cli.common import console, fail, library, print_json, read_input
from unknot.cli.render import render_assessment
from unknot.core.answers import AnswersError


def assess_command(
    answers: Annotated[str, typer.Option("--answers", help="JSON answers file, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Assess your answers: red flags, likely contributing causes, heat or cold, and a daily plan."""
    text = read_input(answers, "answers")
    lib = library()
    try:
        result = services.assess_answers(text, lib)
    except AnswersError as exc:
        fail(str(exc))
    if as_json:
        print_json(result.model_dump(mode="json"))
    else:
        render_assessment(console(), result, lib)
