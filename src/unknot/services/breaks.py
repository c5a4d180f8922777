"""Break reminders: starting the daemon, its events moved into the journal, and daily statistics.

The daemon never opens the database: it appends events to an outbox file in the data folder. They
are moved into the journal by `ingest` (when the reminders start, when `unknot breaks stats` runs and
when the web app starts); statistics count the journal's events and any still in the outbox, so
they are complete without writing anything. A lock file beside the outbox lets several processes do
this at once, while the daemon writes, with each event stored once.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from unknot.core.errors import UserError
from unknot.core.reminders import BreakEvent, ReminderSettings, parse_event
from unknot.reminders import files
from unknot.services import preferences, reminders
from unknot.services.context import Context
from unknot.storage import break_events


def start(ctx: Context, poll_seconds: float) -> ReminderSettings | None:
    """Before the daemon starts: its lock taken (handed over to it), its config written, and what it
    recorded so far in the journal. When the reminders run already, None and nothing written: the
    running daemon keeps its settings, and the one this hands over to says so and stops."""
    folder = ctx.settings.home
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = files.lock_daemon(folder)
    except OSError as exc:
        raise UserError(f"cannot lock {files.describe(exc, folder / files.DAEMON_LOCK)}") from None
    if lock is None:
        return None
    settings = reminders.write_config(ctx, preferences.get(ctx), poll_seconds)
    ingest(ctx)
    files.hand_over(lock)
    return settings


def _events(lines: list[str]) -> list[BreakEvent]:
    return [e for e in map(parse_event, lines) if e is not None]


def _unsafe(exc: OSError) -> UserError:
    return UserError(f"the reminders' outbox: {files.describe(exc)}")


def ingest(ctx: Context) -> int:
    """Move the daemon's outbox into the journal; safe to repeat and to run in several processes at once
    (each line is stored once). Returns how many events were new. Nothing moves while the data folder
    is read-only: the statistics still count the outbox."""
    folder, added = ctx.settings.home, 0
    if not files.outbox_waiting(folder):
        return 0
    try:
        with files.outbox_lock(folder, exclusive=True):
            events = _events(files.read_outbox(folder))
            with ctx.store.writing() as db:
                added = break_events.add(db, events)
            files.empty_outbox(folder)
    except files.UnsafeFileError as exc:
        raise _unsafe(exc) from None
    except OSError:
        pass  # a read-only folder: the lines stay, and are counted from the outbox
    return added


def _waiting(ctx: Context) -> list[BreakEvent]:
    """The events still in the outbox (read under its lock, so never while it is being moved)."""
    folder = ctx.settings.home
    if not files.outbox_waiting(folder):
        return []
    try:
        with files.outbox_lock(folder, exclusive=False, needed=False):
            return _events(files.read_outbox(folder))
    except files.UnsafeFileError as exc:
        raise _unsafe(exc) from None


def outbox_stamp(ctx: Context) -> tuple[tuple[int, int], ...]:
    """The size and time of change of the outbox's files: the statistics change when it does (the
    daemon appends to it) as well as when the journal does."""
    stamps = []
    for name in (files.OUTBOX_INGESTING, files.OUTBOX):
        try:
            found = os.stat(ctx.settings.home / name)
        except OSError:
            stamps.append((-1, 0))
        else:
            stamps.append((found.st_size, found.st_mtime_ns))
    return tuple(stamps)


@dataclass
class BreakDay:
    date: dt.date
    counts: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> int:
        return self.counts.get(kind, 0)


def ingest_and_count(ctx: Context, days: int) -> list[BreakDay]:
    """`unknot breaks stats`: the outbox moved into the journal, then the statistics."""
    ingest(ctx)
    return stats(ctx, days)


def stats(ctx: Context, days: int = 14) -> list[BreakDay]:
    """Per day: prompts and their answers, natural breaks, water. Oldest first. Writes nothing."""
    since = ctx.today() - dt.timedelta(days=days - 1)
    pending = _waiting(ctx)
    with ctx.store.reading() as db:
        counted = break_events.counts(db, since)
        stored = break_events.keys(db, [e.key for e in pending]) if pending else set()
    result: dict[dt.date, BreakDay] = {}

    def add(day: dt.date, kind: str, count: int) -> None:
        entry = result.setdefault(day, BreakDay(day))
        entry.counts[kind] = entry.counts.get(kind, 0) + count

    for day, kind, count in counted:
        add(day, kind, count)
    for event in pending:
        if event.key not in stored and event.at.date() >= since:
            add(event.at.date(), event.kind.value, 1)
    return [result[d] for d in sorted(result)]
