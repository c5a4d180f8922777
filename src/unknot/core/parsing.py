"""Numbers and dates as people type them, read one way everywhere (command line, forms, files).

Only short ASCII forms are numbers: Python's `int` and `float` also take "²", "①", "٣", "1_0", "nan"
and 5,000-digit strings (which raise), and `date.fromisoformat` takes ISO week dates ("2026-W01-1").
"""

from __future__ import annotations

import datetime as dt
import re

MOST_DIGITS = 9
_WHOLE = re.compile(rf"-?[0-9]{{1,{MOST_DIGITS}}}", re.ASCII)
_DECIMAL = re.compile(rf"-?[0-9]{{1,{MOST_DIGITS}}}(\.[0-9]{{1,{MOST_DIGITS}}})?", re.ASCII)
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def whole_number(text: str) -> int | None:
    """The whole number written in `text` (up to 9 ASCII digits, maybe a minus sign), or None."""
    return int(text) if _WHOLE.fullmatch(text) else None


def decimal_number(text: str) -> int | float | None:
    """A number such as 4, -2 or 7.5 (ASCII digits and one point), or None; whole ones as int."""
    if not _DECIMAL.fullmatch(text):
        return None
    value = float(text)
    return int(value) if value.is_integer() else value


def calendar_date(text: str) -> dt.date | None:
    """A date written YYYY-MM-DD that exists, or None (no week or ordinal dates, no other forms)."""
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
