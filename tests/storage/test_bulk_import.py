"""Imports insert in bulk, a batch at a time, and stay one all-or-nothing transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.exports.test_streaming import fill_odd
from unknot.content.schema import Library
from unknot.core.clock import FixedClock
from unknot.core.errors import UserError
from unknot.services import Context, backup, exports
from unknot.settings import Settings
from unknot.storage import exchange, repository
from unknot.storage.engine import open_store


def empty_journal(ctx: Context, settings: Settings, tmp_path: Path) -> Context:
    """Another, empty journal on the same kind of database (PostgreSQL: the same one, emptied)."""
    ctx.store.close()
    if settings.database_url:
        from tests.conftest import _reset_postgres

        _reset_postgres(settings.database_url)
        target = settings
    else:
        target = Settings(home=tmp_path / "second-home")
    return Context(target, open_store(target), ctx.clock, ctx.library)


def test_an_import_in_small_batches_gives_back_the_same_journal(
    ctx: Context, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_odd(ctx)
    exported = exports.export(ctx, "json").body
    monkeypatch.setattr(exchange, "INSERT_BATCH", 3)
    second = empty_journal(ctx, settings, tmp_path)
    before = second.revision()
    counts = backup.import_document(second, exported)
    assert counts == {
        "assessments": 1,
        "plans": 2,
        "checkins": 20,
        "sessions": 12,
        "questionnaires": 3,
        "cleared": 2,
        "coaching": 0,
        "posture": 0,
    }
    assert exports.export(second, "json").body == exported
    assert second.revision() > before, "pages cached before the import are not shown after it"
    second.close()


def test_a_refusal_in_a_later_batch_writes_nothing(
    tmp_path: Path, clock: FixedClock, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = Context(Settings(home=tmp_path / "a"), open_store(Settings(home=tmp_path / "a")), clock, library)
    fill_odd(source)
    document = json.loads(exports.export(source, "json").body)
    monkeypatch.setattr(exchange, "INSERT_BATCH", 3)
    target = Settings(home=tmp_path / "b")
    ctx = Context(target, open_store(target), clock, library)
    with ctx.store.engine.begin() as connection:  # the database refuses the last check-in only
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON checkins WHEN NEW.date = '2026-11-22' "
            "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END"
        )
    with pytest.raises(UserError, match=r"^import: the database refused it \(disk trouble\); nothing"):
        backup.import_document(ctx, json.dumps(document))
    with ctx.store.reading() as db:
        assert repository.is_empty(db)
    source.close()
    ctx.close()
