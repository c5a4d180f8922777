"""Loads the content shipped in `unknot/content/data` and checks that its cross-references resolve.

Every content kind is listed once, in `FOLDERS`: loading the library, checking one file and the docs
all follow that table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from unknot.content.schema import (
    CareLevel,
    Cause,
    CauseId,
    Exercise,
    Habit,
    Lesson,
    Library,
    Questionnaire,
    Safety,
    Source,
    Therapy,
    TherapyId,
)
from unknot.core.answers import EMERGENCY_FLAGS, RED_FLAG_IDS

M = TypeVar("M", bound=BaseModel)
# libyaml's loader when PyYAML has it: it parses the library several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Each folder of the content and the model of its files (one item per file, named by its id).
FOLDERS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "exercises": Exercise,
    "causes": Cause,
    "therapies": Therapy,
    "habits": Habit,
    "questionnaires": Questionnaire,
    "lessons": Lesson,
}
SAFETY_FILE = "safety.yaml"
# Files to check in place of (or beside) the shipped ones, by path inside the content ("habits/x.yaml").
Overlay = Mapping[str, Path]


class ContentError(Exception):
    """A content file is malformed or refers to something that does not exist."""


def data_root() -> Traversable:
    return resources.files("unknot.content") / "data"


def _read_yaml(node: Traversable | Path, where: str) -> Any:
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ContentError(f"{where}: not valid YAML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError(f"{where}: cannot read it: {exc}") from exc


def _parse(model: type[M], data: Any, where: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise ContentError(f"{where}: {loc}: {first['msg']}") from exc


def _files(root: Traversable, folder: str, overlay: Overlay) -> Iterator[tuple[str, Traversable | Path]]:
    """The YAML files of one folder, by name, with the overlay's files in place of shipped ones."""
    found: dict[str, Traversable | Path] = {
        node.name: node for node in (root / folder).iterdir() if node.name.endswith(".yaml")
    }
    for where, path in overlay.items():
        parent, _, name = where.rpartition("/")
        if parent == folder:
            found[name] = path
    for name in sorted(found):
        yield f"{folder}/{name}", found[name]


def _load_folder(root: Traversable, folder: str, model: type[M], overlay: Overlay) -> list[tuple[str, M]]:
    items = []
    for where, node in _files(root, folder, overlay):
        item = _parse(model, _read_yaml(node, where), where)
        if getattr(item, "id", None) != where.rpartition("/")[2].removesuffix(".yaml"):
            raise ContentError(f"{where}: id must match the file name")
        items.append((where, item))
    return items


def _top_file(root: Traversable, name: str, overlay: Overlay) -> Any:
    return _read_yaml(overlay.get(name) or root / name, name)


def load_library(root: Traversable | None = None, overlay: Overlay | None = None) -> Library:
    """Read and validate every content file. Raises ContentError naming the file and field."""
    root, overlay = root or data_root(), overlay or {}
    sources = _load_folder(root, "sources", Source, overlay)
    exercises = _load_folder(root, "exercises", Exercise, overlay)
    causes = _load_folder(root, "causes", Cause, overlay)
    therapies = _load_folder(root, "therapies", Therapy, overlay)
    habits = _load_folder(root, "habits", Habit, overlay)
    questionnaires = _load_folder(root, "questionnaires", Questionnaire, overlay)
    lessons = _load_folder(root, "lessons", Lesson, overlay)
    safety = _parse(Safety, _top_file(root, SAFETY_FILE, overlay), SAFETY_FILE)
    items: list[tuple[str, BaseModel]] = [*exercises, *causes, *therapies, *habits, *questionnaires, *lessons]
    library = Library(
        sources={s.id: s for _, s in sources},
        exercises={e.id: e for _, e in exercises},
        causes={c.id: c for _, c in causes},
        therapies={t.id: t for _, t in therapies},
        habits={h.id: h for _, h in habits},
        safety=safety,
        questionnaires={q.id: q for _, q in questionnaires},
        lessons={lesson.id: lesson for _, lesson in lessons},
        files=tuple(where for where, _ in [*sources, *items]),
    )
    _check_references(library, items, safety)
    return library


def shipped_ids(folder: str) -> list[str]:
    """The ids of the shipped items of one kind, from their file names: cheap enough for help texts
    (nothing is parsed)."""
    return sorted(
        n.name.removesuffix(".yaml") for n in (data_root() / folder).iterdir() if n.name.endswith(".yaml")
    )


@cache
def default_library() -> Library:
    """The shipped content, loaded once per process."""
    return load_library()


def check_file(path: Path) -> str:
    """Check one content file as if it were shipped: its shape and every reference to and from it.

    The file's kind comes from its name (`safety.yaml`) or its folder's name (`sources`,
    `exercises`, `causes`, ...). Returns where it sits in the content; raises ContentError.
    """
    where = path.name if path.name == SAFETY_FILE else f"{path.parent.name}/{path.name}"
    if "/" in where and path.parent.name not in FOLDERS:
        kinds = ", ".join([*FOLDERS, SAFETY_FILE])
        raise ContentError(f"{path}: not a content file (a file in a folder named one of: {kinds})")
    if not path.name.endswith(".yaml"):
        raise ContentError(f"{path}: content files end in .yaml")
    load_library(overlay={where: path})
    return where


def _check_references(library: Library, items: list[tuple[str, BaseModel]], safety: Safety) -> None:
    for where, item in [*items, (SAFETY_FILE, safety)]:
        problem = source_problem(getattr(item, "sources", []), library)
        if problem:
            raise ContentError(f"{where}: sources: {problem}")
    for cause in library.causes.values():
        for habit_id in cause.habits:
            if habit_id not in library.habits:
                raise ContentError(f"causes/{cause.id}.yaml: habits: unknown habit '{habit_id}'")
    for kind in (CauseId, TherapyId):
        present = library.causes if kind is CauseId else library.therapies
        missing = [k.value for k in kind if k not in present]
        if missing:
            raise ContentError(f"missing content for {', '.join(missing)}")
    _check_flags(safety)
    _check_first_day(library)
    _check_named(library)


def _check_first_day(library: Library) -> None:
    """The day of the first intake is for the first session: at most one questionnaire is due then."""
    first = sorted(q.id for q in library.questionnaires.values() if q.first_due_day == 1)
    if len(first) > 1:
        where = ", ".join(f"questionnaires/{i}.yaml" for i in first)
        raise ContentError(f"{where}: first_due_day: at most one questionnaire may be due on day 1")


def _check_named(library: Library) -> None:
    """Content the rules name by id must exist: lessons, habits and advisories."""
    from unknot.core.assessment import ADVISORIES
    from unknot.core.guidance import LESSON_ORDER, PLAN_HABITS, WALKING_HABIT

    named: dict[str, tuple[tuple[str, ...], Mapping[str, object]]] = {
        "lessons": (LESSON_ORDER, library.lessons),
        "habits": ((*PLAN_HABITS, WALKING_HABIT), library.habits),
        "advisories": (ADVISORIES, {a.id: a for a in library.safety.advisories}),
    }
    for kind, (ids, present) in named.items():
        missing = [i for i in ids if i not in present]
        if missing:
            raise ContentError(f"missing {kind} the rules use: {', '.join(missing)}")
    _check_variants(library)


def _check_variants(library: Library) -> None:
    for exercise in library.exercises.values():
        problem = harder_problem(exercise, library)
        if problem:
            raise ContentError(f"exercises/{exercise.id}.yaml: harder: {problem}")


def source_problem(source_ids: Iterable[str], library: Library) -> str | None:
    """What is wrong with an item's sources: one the library does not have (None when all exist)."""
    unknown = [s for s in source_ids if s not in library.sources]
    return f"unknown source '{unknown[0]}'" if unknown else None


def harder_problem(exercise: Exercise, library: Library) -> str | None:
    """What is wrong with an exercise's harder version: it must exist, be another exercise of the same
    kind, and train the same pattern (None when it has none or it is right)."""
    if exercise.harder is None:
        return None
    harder = library.exercises.get(exercise.harder)
    if harder is None or harder.id == exercise.id:
        return f"no other exercise '{exercise.harder}'"
    if (harder.kind, harder.pattern) != (exercise.kind, exercise.pattern):
        return f"'{harder.id}' must be a {exercise.kind.value} of pattern {exercise.pattern}"
    return None


def exercise_problems(exercise: Exercise, library: Library) -> dict[str, str]:
    """The cross-checks of one exercise against a library, by field: what `load_library` refuses."""
    problems = {
        "sources": source_problem(exercise.sources, library),
        "harder": harder_problem(exercise, library),
    }
    return {field: problem for field, problem in problems.items() if problem}


def _check_flags(safety: Safety) -> None:
    """The red flags are a public contract: exactly its ids, each with its urgency."""
    flag_ids = [f.id for f in safety.flags]
    if len(set(flag_ids)) != len(flag_ids):
        raise ContentError(f"{SAFETY_FILE}: flags: duplicate red-flag id")
    if set(flag_ids) != set(RED_FLAG_IDS):
        raise ContentError(f"{SAFETY_FILE}: flags: ids must be exactly {', '.join(RED_FLAG_IDS)}")
    for flag in safety.flags:
        expected = CareLevel.EMERGENCY if flag.id in EMERGENCY_FLAGS else CareLevel.SEE_CLINICIAN
        if flag.urgency is not expected:
            raise ContentError(f"{SAFETY_FILE}: flags: '{flag.id}' must have urgency {expected.value}")
