"""Fuzzed journal documents: each is either refused in one line with nothing written, or imported
into a journal that every screen, report and export can then read."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.exports.test_exports import fill
from unknot.content.loader import default_library
from unknot.core.clock import FixedClock
from unknot.core.errors import UserError
from unknot.services import (
    Context,
    backup,
    checkins,
    exports,
    lessons,
    open_context,
    overview,
    plans,
    reminders,
    reports,
    today,
)
from unknot.settings import Settings
from unknot.storage import repository

EXAMPLES = int(os.environ.get("UNKNOT_FUZZ_IMPORTS", "60"))  # the 600 were run by hand

NOW = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", "²", "①", "9" * 5000, "2026-W01-1", "1899-12-31", "9999-12-31", "\x1b[2J", "=1+1"]),
    st.just([]),
    st.just({}),
    st.lists(st.integers(-3, 30), max_size=4),
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document a value can be put or taken from."""
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def mutated(document: dict[str, Any], where: tuple[Any, ...], value: Any, delete: bool) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    parent: Any = changed
    for step in where[:-1]:
        parent = parent[step]
    last = where[-1]
    if delete and isinstance(parent, dict):
        del parent[last]
    else:
        parent[last] = value
    return changed


def context(folder: Path) -> Context:
    return open_context(Settings(home=folder), FixedClock(NOW), default_library())


def reads_everywhere(ctx: Context) -> None:
    """What every screen, report and export reads; none may fail on an imported journal."""
    today.status(ctx)
    checkins.history(ctx)
    checkins.history_page(ctx, None, 60)
    overview.gather(ctx)
    plans.current(ctx)
    lessons.for_today(ctx)
    reminders.desk_stretches(ctx)
    reports.render(ctx, "html")
    for format_ in ("json", "csv", "fhir", "ics"):
        exports.export(ctx, format_)


SOURCE: dict[str, Any] = {}


def valid_document(tmp_path_factory: Any) -> dict[str, Any]:
    if not SOURCE:
        ctx = context(tmp_path_factory.mktemp("source"))
        fill(ctx)
        SOURCE.update(json.loads(exports.export(ctx, "json").body))
        ctx.close()
    return SOURCE


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_fuzzed_document_is_refused_whole_or_read_everywhere(
    tmp_path_factory: Any, data: st.DataObject
) -> None:
    document = valid_document(tmp_path_factory)
    where = data.draw(st.sampled_from(paths(document)))
    changed = mutated(document, where, data.draw(ODD_VALUES), data.draw(st.booleans()))
    ctx = context(tmp_path_factory.mktemp("journal"))
    try:
        backup.import_document(ctx, json.dumps(changed))
    except UserError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("import: ")
        with ctx.store.reading() as db:
            assert repository.is_empty(db), "a refused document writes nothing"
    else:
        reads_everywhere(ctx)
    finally:
        ctx.close()


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        "null",
        '"journal"',
        '{"version": 1}',
        '{"format": "unknot-journal", "version": 1, "assessments": [7], "plans": "x", "checkins": [],'
        ' "sessions": [], "settings": {}}',
        "[" * 100_000 + "]" * 100_000,
        '{"version": 2, "assessments": [], "plans": [], "checkins": [], "sessions": [], "settings": {},'
        ' "cleared": [{"flag": "fever_or_unwell", "date": "2999-01-01",'
        ' "recorded_at": "2999-01-01T00:00:00Z"}]}',
    ],
)
def test_odd_documents_are_refused_in_one_line(tmp_path: Path, text: str) -> None:
    ctx = context(tmp_path)
    with pytest.raises(UserError) as refused:
        backup.import_document(ctx, text)
    assert "\n" not in str(refused.value) and str(refused.value).startswith("import: ")
    ctx.close()
