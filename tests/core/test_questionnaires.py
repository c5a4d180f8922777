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
    start = today - dt.timedelta(days=30)
    peg = library.questionnaires["peg"]
    assert next_due(peg, None, today, start).is_due  # never answered, its first week long past
    assert not next_due(peg, today - dt.timedelta(days=6), today, start).is_due
    due = next_due(peg, today - dt.timedelta(days=7), today, start)
    assert due.is_due and due.due == today


START = dt.date(2026, 11, 24)  # day 1: the first intake


def due_on(library: Library, day: int, start: dt.date | None = START) -> list[str]:
    """The questionnaires due on a day of the journal (day 1 is START), none answered yet."""
    today = START + dt.timedelta(days=day - 1)
    return [q.id for q in library.questionnaires.values() if next_due(q, None, today, start).is_due]


def test_day_one_is_free_of_questionnaires_and_the_first_week_brings_one_at_a_time(library: Library) -> None:
    by_day = {day: due_on(library, day) for day in range(1, 9)}
    assert by_day == {1: [], 2: ["peg"], 3: ["peg"], 4: ["peg", "rmdq"]} | {
        d: ["peg", "rmdq"] for d in range(5, 9)
    }
    firsts = [q.first_due_day for q in library.questionnaires.values()]
    assert all(2 <= day <= 7 for day in firsts) and len(set(firsts)) == len(firsts)


@pytest.mark.parametrize("form_id", ["peg", "rmdq"])
def test_each_questionnaire_is_first_due_on_its_day_not_the_day_before(
    library: Library, form_id: str
) -> None:
    form = library.questionnaires[form_id]
    first = START + dt.timedelta(days=form.first_due_day - 1)
    before = next_due(form, None, first - dt.timedelta(days=1), START)
    on = next_due(form, None, first, START)
    assert (before.due, before.is_due) == (first, False)
    assert (on.due, on.is_due, on.last) == (first, True, None)


def test_once_answered_it_repeats_every_few_days_whatever_the_first_day(library: Library) -> None:
    peg = library.questionnaires["peg"]
    answered = START + dt.timedelta(days=1)  # on day 2, when first due
    assert not next_due(peg, answered, answered + dt.timedelta(days=6), START).is_due
    again = next_due(peg, answered, answered + dt.timedelta(days=7), START)
    assert again.is_due and again.due == START + dt.timedelta(days=8) and again.last == answered


def test_before_any_intake_today_counts_as_day_one(library: Library) -> None:
    assert due_on(library, 1, start=None) == []
    peg = library.questionnaires["peg"]
    assert next_due(peg, None, START, None).due == START + dt.timedelta(days=1)


def test_a_questionnaire_may_be_due_on_day_one(library: Library) -> None:
    short = library.questionnaires["peg"].model_copy(update={"first_due_day": 1})
    assert next_due(short, None, START, START).is_due
