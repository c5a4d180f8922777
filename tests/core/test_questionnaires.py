"""Questionnaires: the shipped forms, scoring, refusal of incomplete answers, due dates."""

from __future__ import annotations

import datetime as dt

import pytest

from unknot.content.schema import Library
from unknot.core.errors import UserError
from unknot.core.questionnaires import next_due, parse_numbers, score, ticks_to_answers


def test_forms_are_as_published(library: Library) -> None:
    peg, rmdq = library.questionnaires["peg"], library.questionnaires["rmdq"]
    assert len(peg.items) == 3 and peg.response == "scale_0_10" and peg.every_days == 7
    assert len(rmdq.items) == 24 and rmdq.response == "tick" and rmdq.every_days == 14
    assert rmdq.items[0].text == "I stay at home most of the time because of my back."
    assert rmdq.items[-1].text == "I stay in bed most of the time because of my back."
    assert "roland_fairbank_2000" in rmdq.sources and "krebs_peg_2009" in peg.sources


def test_peg_is_the_mean_and_rmdq_the_count(library: Library) -> None:
    assert score(library.questionnaires["peg"], [5, 6, 4]) == 5.0
    assert score(library.questionnaires["peg"], [1, 2, 2]) == 1.7
    assert (
        score(library.questionnaires["rmdq"], ticks_to_answers(library.questionnaires["rmdq"], [1, 13, 24]))
        == 3
    )


@pytest.mark.parametrize(
    ("form", "answers", "words"),
    [
        ("peg", [5, 6], "has 3 items; got 2"),
        ("peg", [5, 6, 11], "item 3 must be a whole number from 0 to 10"),
        ("rmdq", [2] + [0] * 23, "item 1 must be a whole number from 0 to 1"),
        ("rmdq", [0] * 25, "has 24 items"),
    ],
)
def test_incomplete_or_out_of_range_is_refused(
    library: Library, form: str, answers: list[int], words: str
) -> None:
    with pytest.raises(UserError, match=words):
        score(library.questionnaires[form], answers)


def test_ticks_and_numbers(library: Library) -> None:
    with pytest.raises(UserError, match="no sentence 25"):
        ticks_to_answers(library.questionnaires["rmdq"], [25])
    assert parse_numbers("5, 6 4") == [5, 6, 4]
    with pytest.raises(UserError, match="whole numbers"):
        parse_numbers("5,six")


def test_due_dates(library: Library) -> None:
    today = dt.date(2026, 5, 20)
    peg = library.questionnaires["peg"]
    assert next_due(peg, None, today).is_due
    assert not next_due(peg, today - dt.timedelta(days=6), today).is_due
    due = next_due(peg, today - dt.timedelta(days=7), today)
    assert due.is_due and due.due == today
