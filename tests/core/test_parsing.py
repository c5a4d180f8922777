"""Numbers and dates are read only in their short ASCII forms, wherever they are typed."""

from __future__ import annotations

import datetime as dt

import pytest

from unknot.core.checkins import JournalInputError, parse_date, parse_score
from unknot.core.errors import UserError
from unknot.core.parsing import calendar_date, decimal_number, whole_number
from unknot.core.questionnaires import parse_numbers

NOT_NUMBERS = (
    "",
    " ",
    "²",
    "①",
    "٣",
    "\uff15",
    "\U0001d7d3",
    "1_0",
    "+5",
    "0x10",
    "1e3",
    "nan",
    "inf",
    "1" * 5000,
    "--1",
)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_only_short_ascii_digits_are_numbers(text: str) -> None:
    assert whole_number(text) is None
    assert decimal_number(text) is None


def test_numbers_people_type() -> None:
    assert [whole_number(t) for t in ("0", "7", "-3", "007", "999999999")] == [0, 7, -3, 7, 999_999_999]
    assert [decimal_number(t) for t in ("38", "7.5", "-2.25")] == [38, 7.5, -2.25]
    assert isinstance(decimal_number("38.0"), int)


@pytest.mark.parametrize(
    "text", ["2026-W01-1", "2026W011", "2026-001", "20260101", "2026-02-30", "\uff12\uff10\uff12\uff16-01-01"]
)
def test_week_ordinal_and_other_date_forms_are_refused(text: str) -> None:
    assert calendar_date(text) is None
    with pytest.raises(JournalInputError, match="not a date in the form YYYY-MM-DD"):
        parse_date(text, "date", dt.date(2026, 11, 25))


def test_a_calendar_date_is_read() -> None:
    assert calendar_date("2026-11-25") == dt.date(2026, 11, 25)


@pytest.mark.parametrize("text", ["²", "①", "1" * 5000, "-1"])
def test_scores_and_answers_refuse_odd_digits_with_one_line(text: str) -> None:
    with pytest.raises(JournalInputError, match="whole number from 0 to 10"):
        parse_score(text, "pain", required=True)
    with pytest.raises(UserError, match="whole numbers separated by commas"):
        parse_numbers(f"1,{text}")
