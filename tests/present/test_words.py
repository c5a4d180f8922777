"""Dates, lengths of time and changes as people say them, the same in the terminal, web and report."""

from __future__ import annotations

import datetime as dt

import pytest

from unknot.present import words

TODAY = dt.date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (TODAY, "today"),
        (TODAY - dt.timedelta(days=1), "yesterday"),
        (TODAY + dt.timedelta(days=1), "tomorrow"),
        (dt.date(2026, 12, 2), "Wednesday 2 December"),
        (dt.date(2025, 11, 25), "Tuesday 25 November 2025"),
    ],
)
def test_day_names(day: dt.date, said: str) -> None:
    assert words.day_name(day, TODAY) == said


@pytest.mark.parametrize(
    ("back", "said"),
    [
        (0, "today"),
        (1, "yesterday"),
        (2, "2 days ago"),
        (13, "13 days ago"),
        (14, "2 weeks ago"),
        (55, "7 weeks ago"),
    ],
)
def test_how_long_ago(back: int, said: str) -> None:
    assert words.ago(TODAY - dt.timedelta(days=back), TODAY) == said


def test_long_ago_is_a_date_and_other_years_say_theirs() -> None:
    assert words.ago(TODAY - dt.timedelta(days=56), TODAY) == "on Wed 30 Sep"
    assert words.short_date(dt.date(2025, 1, 3), TODAY) == "Fri 3 Jan 2025"
    assert words.long_date(dt.date(2026, 11, 3)) == "3 November 2026"


@pytest.mark.parametrize(
    ("minutes", "said"),
    [(0.5, "under a minute"), (1, "about 1 min"), (20.9, "about 21 min"), (16.4, "about 16 min")],
)
def test_lengths_of_time_are_rounded(minutes: float, said: str) -> None:
    assert words.about_minutes(minutes) == said


def test_an_item_keeps_its_half_minutes() -> None:
    assert [words.minutes(m) for m in (2, 1.5, 2.26, 3.0)] == ["2 min", "1.5 min", "2.5 min", "3 min"]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (None, "not yet"),
        (0.4, "about the same"),
        (-0.4, "about the same"),
        (-25.2, "25 % lower"),
        (113, "113 % higher"),
    ],
)
def test_changes_in_plain_words(change: float | None, said: str) -> None:
    assert words.change_words(change) == said


def test_pain_change() -> None:
    assert words.pain_change(5, 3) == "Pain 5 before, 3 after: 2 points lower."
    assert words.pain_change(3, 4) == "Pain 3 before, 4 after: 1 point higher."
    assert words.pain_change(4, 4) == "Pain 4 before, 4 after: the same."
    assert words.pain_change(None, 4) == ""
