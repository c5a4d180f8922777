"""Break reminders: the daemon's configuration, its events moved into the journal, and daily stats."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from unknot.content.schema import Position
from unknot.core.planning import item_tenths
from unknot.reminders import files
from unknot.storage.tables import BreakEventRow

if TYPE_CHECKING:
    from unknot.services.journal import Journal

DESK_EQUIPMENT = {"chair", "wall"}
KINDS = (
    "prompted",
    "taken",
    "snoozed",
    "skipped",
    "suppressed",
    "natural",
    "water_prompted",
    "water",
    "standup",
)


def desk_stretches(journal: Journal) -> list[dict[str, Any]]:
    """Short moves that suit a desk (seated or standing, a chair at most), two minutes or less."""
    found = []
    for exercise in sorted(journal.library.exercises.values(), key=lambda e: e.id):
        short = item_tenths(exercise.dose.standard) <= 20
        fits = (
            exercise.position in (Position.SEATED, Position.STANDING)
            and set(exercise.equipment) <= DESK_EQUIPMENT
        )
        if short and fits and exercise.kind.value in ("stretch", "mobility"):
            found.append({"id": exercise.id, "name": exercise.name, "step": exercise.steps[0]})
    return found


def write_config(journal: Journal, folder: Path, poll_seconds: float = 5) -> dict[str, Any]:
    prefs = journal.prefs()
    config = {
        "work_minutes": prefs.breaks_work_minutes,
        "natural_break_minutes": prefs.breaks_natural_minutes,
        "snooze_minutes": prefs.breaks_snooze_minutes,
        "quiet_hours": prefs.breaks_quiet_hours,
        "water_glasses": prefs.water_glasses,
        "standup_minutes": prefs.standup_minutes,
        "voice": prefs.voice,
        "poll_seconds": poll_seconds,
        "prompt_timeout_seconds": 120,
        "web": "http://127.0.0.1:8765",
        "stretches": desk_stretches(journal),
    }
    files.write_json(folder / files.CONFIG, config)
    return config


def ingest(journal: Journal, folder: Path) -> int:
    """Move the daemon's outbox into the journal; safe to repeat (each line is stored once)."""
    outbox = folder / files.OUTBOX
    if not outbox.exists():
        return 0
    taking = outbox.with_suffix(".ingesting")
    if not taking.exists():
        outbox.replace(taking)  # the daemon's next event starts a new outbox
    parsed = [_row(line) for line in taking.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in parsed if r is not None]
    with journal.store.sessions.begin() as db:
        known = set(db.scalars(select(BreakEventRow.key).where(BreakEventRow.key.in_([r.key for r in rows]))))
        fresh = {r.key: r for r in rows if r.key not in known}
        db.add_all(fresh.values())
    taking.unlink()
    return len(fresh)


def _row(line: str) -> BreakEventRow | None:
    try:
        event = json.loads(line)
        at = dt.datetime.fromisoformat(event["at"])
    except (ValueError, KeyError, TypeError):
        return None  # a line the daemon was writing when it was killed: nothing to keep
    if event.get("kind") not in KINDS or at.tzinfo is None:
        return None
    key = hashlib.sha256(line.encode()).hexdigest()
    seconds = event.get("seconds")
    return BreakEventRow(
        key=key,
        at=at,
        date=at.date(),
        kind=event["kind"],
        seconds=seconds if isinstance(seconds, int) else None,
    )


@dataclass
class BreakDay:
    date: dt.date
    counts: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> int:
        return self.counts.get(kind, 0)


def stats(journal: Journal, folder: Path, days: int = 14) -> list[BreakDay]:
    """Per day: prompts and their answers, natural breaks, water. Newest last."""
    ingest(journal, folder)
    since = journal.today() - dt.timedelta(days=days - 1)
    with journal.store.sessions() as db:
        rows = db.execute(select(BreakEventRow.date, BreakEventRow.kind).where(BreakEventRow.date >= since))
        result: dict[dt.date, BreakDay] = {}
        for day, kind in rows:
            entry = result.setdefault(day, BreakDay(day))
            entry.counts[kind] = entry.counts.get(kind, 0) + 1
    return [result[d] for d in sorted(result)]


REMINDER_PREFS = ("breaks_", "water_glasses", "standup_minutes", "voice")


def refresh_config(journal: Journal, folder: Path, changed: list[str]) -> bool:
    """After a reminder setting changed, rewrite the daemon's config (it rereads it); True if done."""
    existing = files.read_json(folder / files.CONFIG)
    if existing is None or not any(key.startswith(REMINDER_PREFS) for key in changed):
        return False
    write_config(journal, folder, poll_seconds=float(existing.get("poll_seconds", 5)))
    return True
