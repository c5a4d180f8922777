"""`Context.one_session`: the reads of a block share one database session and read the preferences
once; a write in the block (by any session of the store) is seen by the reads after it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from unknot.services import Context, care, checkins, plans, preferences
from unknot.storage import repository


@pytest.fixture
def began(ctx: Context) -> Iterator[list[int]]:
    """The id of the database session of each transaction begun."""
    seen: list[int] = []

    def note(session: Any, _transaction: Any, _connection: Any) -> None:
        seen.append(id(session))

    event.listen(ctx.store.sessions, "after_begin", note)
    yield seen
    event.remove(ctx.store.sessions, "after_begin", note)


@pytest.fixture
def preference_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    reads: list[int] = []
    read = repository.preferences

    def counted(db: Any) -> dict[str, Any]:
        reads.append(1)
        return read(db)

    monkeypatch.setattr(repository, "preferences", counted)
    return reads


def test_a_block_reads_through_one_session_and_once(
    ctx: Context, began: list[int], preference_reads: list[int]
) -> None:
    with ctx.one_session():
        for _ in range(3):
            assert preferences.get(ctx) and plans.current(ctx) is None and care.now(ctx)
            assert checkins.today_checkin(ctx) is None
    assert len(began) == 1 and len(preference_reads) == 1
    for _ in range(2):
        preferences.get(ctx)
    assert len(began) == 3 and len(preference_reads) == 3  # outside a block: each time


def test_a_write_in_the_block_is_read_after_it(
    ctx: Context, began: list[int], preference_reads: list[int]
) -> None:
    with ctx.one_session():
        assert preferences.get(ctx).theme == "system" and not care.now(ctx).escalation.reasons
        preferences.change(ctx, {"theme": "dark"})
        assert preferences.get(ctx).theme == "dark"
        checkins.log(ctx, 9, red_flags=("fever_or_unwell",))
        assert care.now(ctx).escalation.blocks_sessions
        with ctx.one_session():  # a block inside a block is part of it
            assert preferences.get(ctx).theme == "dark"
    assert len(preference_reads) == 3  # at first, and after each write


def test_blocks_in_threads_are_their_own(ctx: Context) -> None:
    import threading

    sessions: list[object] = []

    def visit() -> None:
        with ctx.one_session(), ctx.store.reading() as db:
            sessions.append(db)

    threads = [threading.Thread(target=visit) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(s) for s in sessions}) == 3
