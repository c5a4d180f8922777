"""`unknot coach` and `unknot posture`: the camera's rules replayed from recorded landmarks
(docs/contracts/coach.md). The live camera runs in the web app's session player and posture page."""

from __future__ import annotations

from typing import Annotated

import typer

from unknot.cli.common import MiB, console, library, print_json, read_input
from unknot.cli.lazy import PLAIN_HELP
from unknot.present.coach import coach_json, coach_lines, exercises_json, posture_json, posture_lines
from unknot.services import coach

LANDMARKS_HELP = "A landmarks file (JSON lines), or - for standard input."
coach_app = typer.Typer(help="The camera coach: the exercises it coaches, and replays of recorded landmarks.",
                        rich_markup_mode=PLAIN_HELP)  # fmt: skip
posture_app = typer.Typer(
    help="The posture watch: replays of recorded landmarks.", rich_markup_mode=PLAIN_HELP
)


@coach_app.command("exercises")
def exercises_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print them as JSON.")] = False,
) -> None:
    """The exercises the camera coaches, with the view it needs and whether it counts or times."""
    specs = coach.coachable(library())
    if as_json:
        print_json(exercises_json(specs))
        return
    for spec in specs:
        doing = "counts repetitions" if spec.mode == "reps" else "times the hold"
        console().print(f"{spec.exercise}: seen from the {spec.view}, {doing}")


@coach_app.command("replay")
def replay_command(
    exercise: Annotated[str, typer.Option("--exercise", metavar="ID", help="The exercise's id.")],
    landmarks: Annotated[str, typer.Option("--landmarks", metavar="FILE", help=LANDMARKS_HELP)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Replay recorded landmarks through the coach's rules for one exercise."""
    spec = coach.spec_for(library(), exercise)
    text = read_input(landmarks, "landmarks", 256 * MiB)
    result = coach.replay(library(), exercise, text.splitlines())
    if as_json:
        print_json(coach_json(result))
        return
    for line in coach_lines(result, spec.mode):
        console().print(line, markup=False)


@posture_app.command("replay")
def posture_replay_command(
    landmarks: Annotated[str, typer.Option("--landmarks", metavar="FILE", help=LANDMARKS_HELP)],
    delay: Annotated[
        float,
        typer.Option(
            "--delay", metavar="SECONDS", min=1, max=3600, help="How long a slouch lasts before it alerts."
        ),
    ] = 30,
    cooldown: Annotated[
        float,
        typer.Option(
            "--cooldown", metavar="SECONDS", min=0, max=86400, help="The least time between alerts."
        ),
    ] = 300,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Replay a sitting person's recorded landmarks through the posture watch (the first 5 seconds
    with a person calibrate the upright posture)."""
    text = read_input(landmarks, "landmarks", 256 * MiB)
    result = coach.posture_replay(text.splitlines(), delay, cooldown)
    if as_json:
        print_json(posture_json(result))
        return
    for line in posture_lines(result):
        console().print(line, markup=False)
