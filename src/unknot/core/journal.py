"""The journal's rules: what a valid check-in or date is, and how days are summarised. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from unknot.core.answers import RED_FLAG_IDS
from unknot.core.errors import UserError

MAX_NOTE = 2000


class JournalInputError(UserError):
    """Invalid journal input; the message is one line that starts with the field."""


@dataclass(frozen=True)
class Checkin:
    date: dt.date
    pain: int
    stiffness: int | None
    note: str
    red_flags: tuple[str, ...]


@dataclass(frozen=True)
class SessionRecord:
    date: dt.date
    completed: bool


@dataclass(frozen=True)
class HistoryDay:
    date: dt.date
    checkin: Checkin | None
    sessions_completed: int


def parse_date(text: str | None, today: dt.date, field: str = "date") -> dt.date:
    """An ISO date (YYYY-MM-DD) that is not in the future; today when none is given."""
    if text is None:
        return today
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise JournalInputError(f"{field}: '{text}' is not a date in the form YYYY-MM-DD") from None
    if len(text) != 10:
        raise JournalInputError(f"{field}: '{text}' is not a date in the form YYYY-MM-DD")
    if day > today:
        raise JournalInputError(f"{field}: {text} is in the future")
    return day


def parse_score(text: str | int | None, field: str, *, required: bool) -> int | None:
    """A 0-10 rating given as text (from a command line) or a number."""
    if text is None:
        if required:
            raise JournalInputError(f"{field}: missing (a whole number from 0 to 10)")
        return None
    value = text if isinstance(text, int) else _whole_number(text.strip())
    if value is None or not 0 <= value <= 10:
        raise JournalInputError(f"{field}: must be a whole number from 0 to 10, not '{text}'")
    return value


def required_score(text: str | int | None, field: str) -> int:
    value = parse_score(text, field, required=True)
    assert value is not None  # parse_score raises when a required score is missing
    return value


def _whole_number(text: str) -> int | None:
    return int(text) if text.lstrip("-").isdigit() and text.isascii() else None


def make_checkin(
    *,
    day: dt.date,
    pain: str | int | None,
    stiffness: str | int | None = None,
    note: str = "",
    red_flags: Iterable[str] = (),
) -> Checkin:
    flags = tuple(red_flags)
    for flag in flags:
        if flag not in RED_FLAG_IDS:
            raise JournalInputError(f"red_flag: unknown red flag '{flag}'")
    if len(note) > MAX_NOTE:
        raise JournalInputError(f"note: {len(note)} characters is more than {MAX_NOTE}")
    return Checkin(
        date=day,
        pain=required_score(pain, "pain"),
        stiffness=parse_score(stiffness, "stiffness", required=False),
        note=note,
        red_flags=tuple(dict.fromkeys(flags)),
    )


def summarise_days(checkins: Iterable[Checkin], sessions: Iterable[SessionRecord]) -> list[HistoryDay]:
    """One entry per date with anything recorded, oldest first."""
    by_date = {c.date: c for c in checkins}
    completed: dict[dt.date, int] = {}
    for session in sessions:
        completed.setdefault(session.date, 0)
        completed[session.date] += session.completed
    dates = sorted(set(by_date) | set(completed))
    return [HistoryDay(d, by_date.get(d), completed.get(d, 0)) for d in dates]


SPARKS = "▁▂▃▄▅▆▇█"


@dataclass(frozen=True)
class HistoryPage:
    days: list[HistoryDay]  # newest first
    number: int
    pages: int


def page_of_history(days: list[HistoryDay], page_text: str | None, size: int) -> HistoryPage:
    """One page of the history, newest first; page 1 is the latest `size` days with entries."""
    pages = max(1, -(-len(days) // size))
    number = 1 if page_text is None else _whole_number(page_text.strip())
    if number is None or not 1 <= number <= pages:
        raise JournalInputError(f"page: must be a whole number from 1 to {pages}, not '{page_text}'")
    newest_first = days[::-1]
    return HistoryPage(newest_first[(number - 1) * size : number * size], number, pages)


def sparkline(values: Iterable[int | None]) -> str:
    """Pain 0-10 as one character each; a gap for a day without a value."""
    return "".join(" " if v is None else SPARKS[min(v, 10) * (len(SPARKS) - 1) // 10] for v in values)


class NextStep:
    """What `unknot today` suggests next, in order of priority."""

    START = "start"
    SEEK_CARE = "seek_care"
    CHECKIN = "checkin"
    SESSION = "session"
    DONE = "done"


def next_step(*, triage: str | None, checked_in: bool, sessions_completed: int) -> str:
    if triage is None:
        return NextStep.START
    if triage != "self_care":
        return NextStep.SEEK_CARE
    if not checked_in:
        return NextStep.CHECKIN
    return NextStep.SESSION if sessions_completed == 0 else NextStep.DONE


FLARE_POINTS = 2


def flared(pain_before: int | None, pain_after: int | None) -> bool:
    """Pain after a session 2 or more points above pain before: a reason to ease off."""
    return pain_before is not None and pain_after is not None and pain_after >= pain_before + FLARE_POINTS
