"""Break reminders: starting the daemon, its events moved into the journal, and daily statistics.

The daemon never opens the database: it appends events to an outbox file in the data folder. They
are moved into the journal by `ingest` (when the reminders start, when `unknot breaks stats` runs and
when the web app starts); statistics count the journal's events and any still in the outbox, so
they are complete without writing anything.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from unknot.core.reminders import BreakEvent, ReminderSettings, parse_event
from unknot.reminders import files
from unknot.services import preferences, reminders
from unknot.services.context import Context
from unknot.storage import break_events


def start(ctx: Context, poll_seconds: float) -> ReminderSettings:
    """Before the daemon starts: its config written, and what it recorded so far in the journal."""
    settings = reminders.write_config(ctx, preferences.get(ctx), poll_seconds)
    ingest(ctx)
    return settings


def _outbox_events(ctx: Context, taking: bool) -> list[BreakEvent]:
    folder = ctx.settings.home
    outbox, claimed = folder / files.OUTBOX, folder / files.OUTBOX_INGESTING
    if taking and outbox.exists() and not claimed.exists():
        outbox.replace(claimed)  # the daemon's next event starts a new outbox
    lines: list[str] = []
    for path in (claimed, outbox):
        if path.exists():
            lines += path.read_text(encoding="utf-8").splitlines()
    return [e for e in map(parse_event, lines) if e is not None]


def ingest(ctx: Context) -> int:
    """Move the daemon's outbox into the journal; safe to repeat (each line is stored once)."""
    events = _outbox_events(ctx, taking=True)
    with ctx.store.writing() as db:
        added = break_events.add(db, events) if events else 0
    (ctx.settings.home / files.OUTBOX_INGESTING).unlink(missing_ok=True)
    return added


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
    pending = _outbox_events(ctx, taking=False)
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
