"""A clinic's own exercises, written in a browser form and validated exactly as a content file is.

The form's fields are the exercise's (one per line for steps, stop_if and cautions; one dose, the
standard one), and its pose is a library exercise's ("drawn like") or the YAML the content files use.
Every problem is reported at once, by the form's field name (`CustomExerciseError.errors`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from unknot.content.loader import exercise_problems, source_problem
from unknot.content.pose_yaml import PoseYamlError, pose_from_yaml, pose_yaml
from unknot.content.schema import Exercise, Library, Pose
from unknot.core.errors import UserError

CUSTOM_PREFIX = "custom_"
SLUG_MAX = 60  # the longest id a content file may have (schema.base.Slug)
Fields = Mapping[str, str | list[str]]
MULTI_FIELDS = ("targets", "equipment", "tags", "sources")
LINE_FIELDS = ("steps", "stop_if", "cautions")
TEXT_FIELDS = ("name", "kind", "position", "purpose", "feel", "regression", "progression", "evidence")
DOSE_FIELDS = ("hold_seconds", "reps", "rep_seconds", "sets", "sides", "rest_seconds")
YES = "yes"
NOUNS = {
    "steps": ("step", "steps"),
    "stop_if": ("line", "lines"),
    "cautions": ("line", "lines"),
    "targets": ("muscle group", "muscle groups"),
    "sources": ("source", "sources"),
}
# The schema's rule (a dose is a hold or repetitions), in the form's words.
DOSE_RULE = "Give a hold time or a number of repetitions: one of them, not both."


class CustomExerciseError(UserError):
    """A custom exercise is not valid: `errors` holds every problem, by the form's field name."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


@dataclass(frozen=True)
class FormCheck:
    """A posted form, checked: the values to show again (the pose's YAML filled in from "drawn like"),
    every problem by field, the exercise when there is none, and what to draw meanwhile."""

    values: dict[str, str | list[str]]
    errors: dict[str, str]
    exercise: Exercise | None
    preview: Exercise | None


def form_fields(pairs: Iterable[tuple[str, object]]) -> dict[str, str | list[str]]:
    """A posted form's (name, value) pairs as the fields `check_form` reads (a list for the fields that
    take several values; anything not text, such as a file, left out)."""
    fields: dict[str, str | list[str]] = {name: [] for name in MULTI_FIELDS}
    for name, value in pairs:
        if not isinstance(value, str):
            continue
        kept = fields.get(name)
        if isinstance(kept, list):
            kept.append(value)
        else:
            fields[name] = value
    return fields


def custom_id(name: str) -> str:
    """The id of a custom exercise named so: the prefix and a slug of the name ("" when it has none)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "_", folded).strip("_")
    return (CUSTOM_PREFIX + slug)[:SLUG_MAX].rstrip("_") if slug else ""


def exercise_from_form(fields: Fields, library: Library, *, editing: str | None = None) -> Exercise:
    """The exercise the form describes; raises CustomExerciseError with every problem by field.
    `editing`: the id of the custom exercise being changed (it keeps its id when its name changes)."""
    checked = check_form(fields, library, editing=editing)
    if checked.exercise is None:
        raise CustomExerciseError(checked.errors)
    return checked.exercise


def check_form(fields: Fields, library: Library, *, editing: str | None = None) -> FormCheck:
    values = {**new_form(), **fields}
    errors: dict[str, str] = {}
    pose = _pose(values, library, errors)
    if pose is not None and not _text(values, "pose"):
        values["pose"] = pose_yaml(pose)
    exercise_id = _exercise_id(values, library, editing, errors)
    data = _exercise_data(values, exercise_id, errors)
    data["pose"] = pose or next(iter(library.exercises.values())).pose  # checks the rest meanwhile
    numbers = {name: _line_numbers(values, name) for name in LINE_FIELDS}
    exercise = _validated(Exercise, data, errors, numbers)
    problems = (
        exercise_problems(exercise, library)
        if exercise
        else {"sources": source_problem(data["sources"], library)}
    )
    errors.update({f: _sentence(m) for f, m in problems.items() if m and f not in errors})
    if errors:
        return FormCheck(values, errors, None, _stand_in(values, pose, library))
    return FormCheck(values, {}, exercise, exercise)


def new_form() -> dict[str, str | list[str]]:
    """The values a new exercise's form starts with."""
    blank: dict[str, str | list[str]] = dict.fromkeys((*TEXT_FIELDS, *LINE_FIELDS, *DOSE_FIELDS), "")
    lists: dict[str, str | list[str]] = {name: [] for name in MULTI_FIELDS}
    defaults = {"sets": "2", "sides": "1", "rest_seconds": "10", "rep_seconds": "4", "evidence": "general"}
    extra = {"spinal_flexion": "", "pattern": "", "harder": "", "drawn_like": "", "pose": ""}
    return {**blank, **lists, **defaults, **extra}


def form_of(exercise: Exercise) -> dict[str, str | list[str]]:
    """The form's values for an exercise (to change a custom exercise)."""
    dose = exercise.dose.standard.model_dump()
    return {
        **{name: str(getattr(exercise, name)) for name in TEXT_FIELDS},
        **{name: "\n".join(getattr(exercise, name)) for name in LINE_FIELDS},
        **{name: [str(v) for v in getattr(exercise, name)] for name in MULTI_FIELDS},
        **{name: "" if dose[name] is None else str(dose[name]) for name in DOSE_FIELDS},
        "spinal_flexion": YES if exercise.spinal_flexion else "no",
        "pattern": "" if exercise.pattern == exercise.id else exercise.pattern,
        "harder": exercise.harder or "",
        "drawn_like": "",
        "pose": pose_yaml(exercise.pose),
    }


def exercise_json(exercise: Exercise) -> dict[str, Any]:
    """The exercise as JSON data (what a server stores)."""
    return exercise.model_dump(mode="json", exclude_none=True)


def exercise_from_json(data: Mapping[str, Any], library: Library) -> Exercise:
    """A stored custom exercise, checked as when it was written; raises CustomExerciseError."""
    errors: dict[str, str] = {}
    exercise = _validated(Exercise, dict(data), errors)
    if exercise is not None and not exercise.id.startswith(CUSTOM_PREFIX):
        errors["name"] = f"a custom exercise's id starts with '{CUSTOM_PREFIX}', not '{exercise.id}'"
    if exercise is None or errors:
        raise CustomExerciseError(errors)
    problems = exercise_problems(exercise, library)
    if problems:
        raise CustomExerciseError(problems)
    return exercise


def library_with(library: Library, customs: Sequence[Exercise]) -> Library:
    """The content library with a clinic's custom exercises added, every one checked against the
    whole (so one custom exercise may name another as its harder version)."""
    ids = [e.id for e in customs]
    clash = [i for i in ids if not i.startswith(CUSTOM_PREFIX) or i in library.exercises or ids.count(i) > 1]
    if clash:
        raise CustomExerciseError({"name": f"'{clash[0]}' is not a new custom exercise's id"})
    joined = replace(
        library,
        exercises={**library.exercises, **{e.id: e for e in customs}},
        clinic_exercises=library.clinic_exercises | frozenset(ids),
    )
    for exercise in customs:
        problems = exercise_problems(exercise, joined)
        if problems:
            raise CustomExerciseError({f: f"{exercise.id}: {m}" for f, m in problems.items()})
    return joined


def _text(values: Fields, name: str) -> str:
    value = values.get(name, "")
    return value.strip() if isinstance(value, str) else ""


def _many(values: Fields, name: str) -> list[str]:
    value = values.get(name, [])
    return [value] if isinstance(value, str) else list(value)


def _pose(values: Fields, library: Library, errors: dict[str, str]) -> Pose | None:
    """The pose's YAML when written, else the pose of the exercise it is drawn like."""
    text, like = _text(values, "pose"), _text(values, "drawn_like")
    if text:
        try:
            return pose_from_yaml(text)
        except PoseYamlError as error:
            errors["pose"] = str(error)
            return None
    if like in library.exercises:
        return library.exercises[like].pose
    errors["drawn_like"] = (
        "Choose the exercise whose figure to start from." if not like else "No such exercise."
    )
    return None


def _exercise_id(values: Fields, library: Library, editing: str | None, errors: dict[str, str]) -> str:
    if editing is not None:
        return editing
    found = custom_id(_text(values, "name"))
    if not found:
        errors["name"] = "Use letters or digits in the name."
    elif found in library.exercises:
        errors["name"] = f"There is already an exercise with this name ({found})."
    return found or CUSTOM_PREFIX + "unnamed"


def _exercise_data(values: Fields, exercise_id: str, errors: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {name: _text(values, name) or None for name in TEXT_FIELDS}
    data["name"] = _text(values, "name")
    for name in LINE_FIELDS:
        data[name] = [line.strip() for line in _lines(values, name)]
    for name in MULTI_FIELDS:
        data[name] = _many(values, name)
    dose: dict[str, int] = {}
    for name in DOSE_FIELDS:
        if _text(values, name):
            try:
                dose[name] = int(_text(values, name))
            except ValueError:
                errors[name] = "Write a whole number."
    flexion = _text(values, "spinal_flexion")
    if flexion not in (YES, "no"):
        errors["spinal_flexion"] = "Say whether it bends the spine forward."
    harder = _text(values, "harder") or None
    pattern = _text(values, "pattern") or exercise_id
    extra = {"spinal_flexion": flexion == YES, "pattern": pattern, "harder": harder}
    return (
        {k: v for k, v in data.items() if v is not None}
        | extra
        | {
            "id": exercise_id,
            "dose": {"standard": dose},
        }
    )


def _lines(values: Fields, name: str) -> list[str]:
    """The text's non-blank lines (a blank line written between two is not an empty one)."""
    return [line for line in _text(values, name).splitlines() if line.strip()]


def _line_numbers(values: Fields, name: str) -> list[int]:
    """The line of the text each non-blank line is on (counted from 1)."""
    return [n for n, line in enumerate(_text(values, name).splitlines(), 1) if line.strip()]


def _validated(
    model: type[Exercise],
    data: dict[str, Any],
    errors: dict[str, str],
    line_numbers: Mapping[str, list[int]] | None = None,
) -> Exercise | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            field, message = _field_error(error, line_numbers or {})
            errors.setdefault(field, message)
        return None


def _field_error(error: ErrorDetails, line_numbers: Mapping[str, list[int]]) -> tuple[str, str]:
    """The form field an error belongs to, and its message in words."""
    loc = error["loc"]
    field = str(loc[0]) if loc else "name"
    if field == "dose":
        field = str(loc[2]) if len(loc) > 2 else "dose"
    message = DOSE_RULE if field == "dose" else _words(error, NOUNS.get(field, ("choice", "choices")))
    if field in LINE_FIELDS and len(loc) > 1 and isinstance(loc[1], int):
        numbers = line_numbers.get(field) or []
        line = numbers[loc[1]] if loc[1] < len(numbers) else loc[1] + 1
        message = f"Line {line}: {message[:1].lower()}{message[1:]}"
    return field, message


def _words(error: ErrorDetails, noun: tuple[str, str]) -> str:
    ctx = error.get("ctx", {})
    kind = error["type"]
    if kind == "missing":
        return "This is required."
    if kind == "too_short":
        least = ctx["min_length"]
        return f"Give at least one {noun[0]}." if least == 1 else f"Give at least {least} {noun[1]}."
    if kind == "too_long":
        return f"Give at most {ctx['max_length']} {noun[1]}, not {ctx['actual_length']}."
    if kind == "string_too_short":
        return f"Write at least {ctx['min_length']} characters."
    if kind == "string_too_long":
        return f"Write at most {ctx['max_length']} characters."
    return _sentence(str(error["msg"]).removeprefix("Value error, "))


def _sentence(message: str) -> str:
    """The message as a sentence: a capital first, a full stop last."""
    ended = message if message.endswith((".", "?", "!")) else message + "."
    return ended[:1].upper() + ended[1:]


def _stand_in(values: Fields, pose: Pose | None, library: Library) -> Exercise | None:
    """While the form has problems, the figure of its pose (on the exercise it is drawn like)."""
    if pose is None:
        return None
    like = library.exercises.get(_text(values, "drawn_like")) or next(iter(library.exercises.values()))
    return like.model_copy(update={"pose": pose, "coach": None})
