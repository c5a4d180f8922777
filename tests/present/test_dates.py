"""Dates in words and the x-axis ticks: readable labels, never crowded, on the days they name."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from unknot.present.dates import MONTHS, MOST_TICKS, Tick, date_ticks, date_words, day_words, period_words

NOV_25 = dt.date(2026, 11, 25)


def test_dates_in_words_are_english_and_short() -> None:
    assert day_words(NOV_25) == "25 Nov" and date_words(dt.date(2027, 1, 3)) == "3 Jan 2027"
    assert period_words(NOV_25, NOV_25) == "25 Nov 2026"
    assert period_words(dt.date(2026, 9, 1), NOV_25) == "1 Sep to 25 Nov 2026"
    assert period_words(dt.date(2025, 12, 1), dt.date(2026, 1, 25)) == "1 Dec 2025 to 25 Jan 2026"


def ticks(first: dt.date, last: dt.date, *, weekly: bool = False) -> list[tuple[str, str]]:
    return [(t.date.isoformat(), t.label) for t in date_ticks(first, last, weekly=weekly)]


def test_a_single_day_has_its_own_tick() -> None:
    assert ticks(NOV_25, NOV_25) == [("2026-11-25", "25 Nov")]


def test_a_few_days_are_each_labelled() -> None:
    assert [label for _, label in ticks(dt.date(2026, 11, 20), NOV_25)] == [
        "20 Nov",
        "21 Nov",
        "22 Nov",
        "23 Nov",
        "24 Nov",
        "25 Nov",
    ]


def test_weeks_are_labelled_on_mondays() -> None:
    found = ticks(dt.date(2026, 11, 4), dt.date(2026, 12, 5))  # a Wednesday to a Saturday
    assert found == [
        ("2026-11-09", "9 Nov"),
        ("2026-11-16", "16 Nov"),
        ("2026-11-23", "23 Nov"),
        ("2026-11-30", "30 Nov"),
    ]


def test_ninety_days_are_labelled_by_month() -> None:
    found = ticks(dt.date(2026, 8, 28), NOV_25)
    assert found == [("2026-09-01", "Sep"), ("2026-10-01", "Oct"), ("2026-11-01", "Nov")]


def test_a_chart_across_new_year_names_the_years() -> None:
    labels = [label for _, label in ticks(dt.date(2025, 10, 20), dt.date(2026, 2, 10))]
    assert labels == ["Nov 2025", "Dec", "Jan 2026", "Feb"]


def test_years_of_scores_are_labelled_by_year() -> None:
    labels = [label for _, label in ticks(dt.date(2010, 3, 1), dt.date(2026, 11, 25))]
    assert labels == ["2015", "2020", "2025"]


def test_a_weekly_chart_has_its_ticks_on_mondays() -> None:
    monday = dt.date(2026, 9, 7)
    found = date_ticks(monday, monday + dt.timedelta(weeks=12, days=-1), weekly=True)
    assert [t.date.weekday() for t in found] == [0] * 6 and found[0].date == monday
    assert {(b.date - a.date).days for a, b in itertools.pairwise(found)} == {14}


@pytest.mark.parametrize("first", [dt.date(2026, 1, 1), dt.date(2025, 12, 29), dt.date(2024, 2, 29)])
def test_ticks_are_few_evenly_stepped_and_within_the_span(first: dt.date) -> None:
    for span in [*range(0, 200, 3), *range(200, 9000, 89)]:
        last = first + dt.timedelta(days=span)
        found = date_ticks(first, last)
        assert 1 <= len(found) <= MOST_TICKS, span
        assert all(first <= t.date <= last for t in found), span
        assert read_back(found, last) == [t.date for t in found], span


def read_back(found: list[Tick], last: dt.date) -> list[dt.date]:
    """The days the labels name, read as a person would: a month takes the year last written (the
    caption's, the last day's, when none is); a day, within weeks of the caption's last day, its
    year or the one before."""
    days: list[dt.date] = []
    written = None
    for tick in found:
        words = tick.label.split()
        if len(words) == 1 and words[0].isdigit():
            days.append(dt.date(int(words[0]), 1, 1))
        elif len(words) == 2 and words[0].isdigit():
            day = dt.date(last.year, MONTHS.index(words[1]) + 1, int(words[0]))
            days.append(day if day <= last else day.replace(year=last.year - 1))
        else:
            written = int(words[1]) if len(words) == 2 else written
            days.append(dt.date(written or last.year, MONTHS.index(words[0]) + 1, 1))
    return days


def test_ticks_refuse_a_span_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="the last day 2026-11-24 is before the first 2026-11-25"):
        date_ticks(NOV_25, NOV_25 - dt.timedelta(days=1))
