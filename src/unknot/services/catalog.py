"""The content library and stateless assessment: exercises and answers in, results out."""

from __future__ import annotations

import difflib

from unknot.content.schema import Exercise, Library, Muscle, Position
from unknot.core.answers import Answers, parse_answers
from unknot.core.assessment import assess
from unknot.core.errors import UserError
from unknot.core.result import Assessment


def assess_answers(text: str | bytes, library: Library) -> Assessment:
    """Validate answers given as JSON text and assess them. Raises AnswersError on bad input."""
    return assess(parse_answers(text), library)


def assess_intake(answers: Answers, library: Library) -> Assessment:
    """Assess answers already validated (the interactive intake builds them)."""
    return assess(answers, library)


def find_exercises(
    library: Library,
    target: Muscle | None = None,
    position: Position | None = None,
    kind: str | None = None,
) -> list[Exercise]:
    """Exercises matching every filter given, sorted by name."""
    return sorted(
        (
            e
            for e in library.exercises.values()
            if (target is None or target in e.targets)
            and (position is None or e.position is position)
            and (kind is None or e.kind.value == kind)
        ),
        key=lambda e: e.name,
    )


class UnknownExerciseError(UserError):
    """No exercise has that id; `close` names the ids that look like it (a typo), if any."""

    def __init__(self, message: str, close: list[str]) -> None:
        super().__init__(message)
        self.close = close


def get_exercise(library: Library, exercise_id: str) -> Exercise:
    try:
        return library.exercises[exercise_id]
    except KeyError:
        close = difflib.get_close_matches(exercise_id, library.exercises, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise UnknownExerciseError(f"exercise: unknown id '{exercise_id}'{hint}", close) from None


def exercise_record(exercise: Exercise, library: Library) -> dict[str, object]:
    """The public JSON shape of one exercise (`unknot exercises --json`)."""
    record = exercise.model_dump(mode="json")
    record["sources"] = library.citations(exercise.sources)
    record["source_ids"] = list(exercise.sources)
    record["desk_friendly"] = exercise.desk_friendly
    return record
