"""Check-ins and other dated journal input: what a valid check-in, date or 0-10 rating is. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from unknot.core.answers import RED_FLAG_IDS
from unknot.core.errors import UserError
from unknot.core.parsing import calendar_date, whole_number

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
    recorded_at: dt.datetime | None = None  # when it was saved (None before it is)


def parse_date(text: str | None, today: dt.date, field: str = "date") -> dt.date:
    """An ISO date (YYYY-MM-DD) that is not in the future; today when none is given."""
    if text is None:
        return today
    day = calendar_date(text)
    if day is None:
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
    value = text if isinstance(text, int) else whole_number(text.strip())
    if value is None or not 0 <= value <= 10:
        raise JournalInputError(f"{field}: must be a whole number from 0 to 10, not '{text}'")
    return value


def required_score(text: str | int | None, field: str) -> int:
    value = parse_score(text, field, required=True)
    assert value is not None  # parse_score raises when a required score is missing
    return value


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


OLD_OSTEOPOROSIS_FLAG = "osteoporosis_or_steroids"  # a red flag before contract version 2


def upgrade_flags(flags: list[str], note: str) -> tuple[list[str], str]:
    """A check-in's flags under contract version 1, in version 2: osteoporosis is now a fact asked at
    intake, so the old flag becomes a line in the note."""
    if OLD_OSTEOPOROSIS_FLAG not in flags:
        return flags, note
    kept = [f for f in flags if f != OLD_OSTEOPOROSIS_FLAG]
    return kept, f"{note} (Reported then: osteoporosis or long-term steroid tablets.)".strip()
