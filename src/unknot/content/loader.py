"""Loads the content shipped in `unknot/content/data` and checks that its cross-references resolve."""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from unknot.content.schema import (
    Cause,
    CauseId,
    Exercise,
    Habit,
    Library,
    Questionnaire,
    Safety,
    Source,
    Therapy,
    TherapyId,
    Urgency,
)
from unknot.core.answers import EMERGENCY_FLAGS, RED_FLAG_IDS

M = TypeVar("M", bound=BaseModel)
# libyaml's loader when PyYAML has it: it parses the library several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(Exception):
    """A content file is malformed or refers to something that does not exist."""


def _read_yaml(node: Traversable) -> Any:
    try:
        return yaml.load(node.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ContentError(f"{node.name}: not valid YAML: {exc}") from exc


def _parse(model: type[M], data: Any, where: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise ContentError(f"{where}: {loc}: {first['msg']}") from exc


def _load_folder(root: Traversable, kind: str, model: type[M]) -> list[tuple[str, M]]:
    folder = root / kind
    items = []
    for node in sorted(folder.iterdir(), key=lambda n: n.name):
        if node.name.endswith(".yaml"):
            where = f"{kind}/{node.name}"
            item = _parse(model, _read_yaml(node), where)
            if getattr(item, "id", None) != node.name.removesuffix(".yaml"):
                raise ContentError(f"{where}: id must match the file name")
            items.append((where, item))
    return items


def load_library(root: Traversable | None = None) -> Library:
    """Read and validate every content file. Raises ContentError naming the file and field."""
    root = root or resources.files("unknot.content") / "data"
    raw_sources = _read_yaml(root / "sources.yaml")
    if not isinstance(raw_sources, list):
        raise ContentError("sources.yaml: must be a list of sources")
    sources = [_parse(Source, s, f"sources.yaml[{i}]") for i, s in enumerate(raw_sources)]
    exercises = _load_folder(root, "exercises", Exercise)
    causes = _load_folder(root, "causes", Cause)
    therapies = _load_folder(root, "therapies", Therapy)
    habits = _load_folder(root, "habits", Habit)
    questionnaires = _load_folder(root, "questionnaires", Questionnaire)
    safety = _parse(Safety, _read_yaml(root / "safety.yaml"), "safety.yaml")
    library = Library(
        sources=_unique("sources.yaml", [(s.id, s) for s in sources]),
        exercises={e.id: e for _, e in exercises},
        causes={c.id: c for _, c in causes},
        therapies={t.id: t for _, t in therapies},
        habits={h.id: h for _, h in habits},
        safety=safety,
        questionnaires={q.id: q for _, q in questionnaires},
        files=tuple(w for w, _ in [*exercises, *causes, *therapies, *habits, *questionnaires]),
    )
    _check_references(library, [*exercises, *causes, *therapies, *habits, *questionnaires], safety)
    return library


@cache
def default_library() -> Library:
    """The shipped content, loaded once per process."""
    return load_library()


def _unique(where: str, pairs: list[tuple[str, M]]) -> dict[str, M]:
    index: dict[str, M] = {}
    for key, item in pairs:
        if key in index:
            raise ContentError(f"{where}: duplicate id '{key}'")
        index[key] = item
    return index


def _check_references(library: Library, items: list[tuple[str, BaseModel]], safety: Safety) -> None:
    for where, item in [*items, ("safety.yaml", safety)]:
        for source_id in getattr(item, "sources", []):
            if source_id not in library.sources:
                raise ContentError(f"{where}: sources: unknown source '{source_id}'")
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
    missing_forms = {"peg", "rmdq"} - set(library.questionnaires)
    if missing_forms:
        raise ContentError(f"missing questionnaires: {', '.join(sorted(missing_forms))}")


def _check_flags(safety: Safety) -> None:
    """The red flags are a public contract: exactly its ids, each with its urgency."""
    flag_ids = [f.id for f in safety.flags]
    if len(set(flag_ids)) != len(flag_ids):
        raise ContentError("safety.yaml: flags: duplicate red-flag id")
    if set(flag_ids) != set(RED_FLAG_IDS):
        raise ContentError(f"safety.yaml: flags: ids must be exactly {', '.join(RED_FLAG_IDS)}")
    for flag in safety.flags:
        expected = Urgency.EMERGENCY if flag.id in EMERGENCY_FLAGS else Urgency.SEE_CLINICIAN
        if flag.urgency is not expected:
            raise ContentError(f"safety.yaml: flags: '{flag.id}' must have urgency {expected.value}")
