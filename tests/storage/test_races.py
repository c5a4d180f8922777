"""Two writers for the same new date at the same moment (a double click on Save, two processes
checking in) both succeed: one inserts, the other replaces; nothing fails, nothing doubles."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from functools import partial

from unknot.content.schema import Library
from unknot.core.clock import FixedClock
from unknot.services import Context, checkins, open_context, progress
from unknot.settings import Settings

START = dt.datetime(2026, 11, 24, 9, 30, tzinfo=dt.UTC)
ROUNDS = 40


def race(writers: list[Callable[[], object]]) -> list[BaseException]:
    """Run the writers at the same moment; the errors they raised."""
    gate = threading.Barrier(len(writers))
    errors: list[BaseException] = []

    def run(write: Callable[[], object]) -> None:
        gate.wait()
        try:
            write()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(write,)) for write in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def stores(settings: Settings, library: Library) -> tuple[Context, Context]:
    """Two separate openings of one journal, as two processes have."""
    clock = FixedClock(START)
    return open_context(settings, clock, library), open_context(settings, clock, library)


def test_two_writers_checking_in_for_one_new_date_both_succeed(settings: Settings, library: Library) -> None:
    one, two = stores(settings, library)
    for n in range(ROUNDS):
        day = (START.date() - dt.timedelta(days=n)).isoformat()
        errors = race(
            [
                partial(checkins.log, one, 4, None, "a", (), day),
                partial(checkins.log, two, 5, None, "b", (), day),
            ]
        )
        assert errors == []
    days = checkins.history(one)
    assert len(days) == ROUNDS and all(d.checkin is not None for d in days)
    one.close()
    two.close()


def test_two_writers_answering_one_questionnaire_on_one_date_both_succeed(
    settings: Settings, library: Library
) -> None:
    one, two = stores(settings, library)
    for n in range(ROUNDS):
        day = (START.date() - dt.timedelta(days=n)).isoformat()
        errors = race(
            [
                partial(progress.answer, one, "peg", [5, 5, 5], day),
                partial(progress.answer, two, "peg", [4, 4, 4], day),
            ]
        )
        assert errors == []
    assert len(progress.responses(one)) == ROUNDS
    one.close()
    two.close()
