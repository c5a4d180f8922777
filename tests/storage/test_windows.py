"""The windowed reads give what the straightforward read of the whole journal gives, on SQLite and on
PostgreSQL: seeded journals with gaps, warning signs, several sessions a day, entries saved late."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tests.strategies import base_answers
from unknot.content.schema import Library
from unknot.core.answers import answers_from_dict
from unknot.core.checkins import Checkin
from unknot.core.clock import FixedClock
from unknot.core.history import SessionResult, page_of_history, summarise_days
from unknot.core.progress import evaluate, journal_window
from unknot.core.progression import PlanEvents, flare_ups, review
from unknot.core.questionnaires import Response
from unknot.present.charts import weekly_counts
from unknot.services import Context, checkins, intake, plans, progress
from unknot.storage import repository, windows

START = dt.date(2026, 1, 5)
DAYS = 150


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)


def seed(ctx: Context, library: Library, rng: random.Random) -> None:
    """A journal of DAYS days: most days a check-in (some with warning signs, some saved days
    later), sessions on about half of them (some on days without a check-in), questionnaires."""
    flags = [flag.id for flag in library.safety.flags]
    with ctx.store.writing() as db:
        for n in range(DAYS):
            day = START + dt.timedelta(days=n)
            if rng.random() < 0.8 and not 60 <= n < 75:  # a two-week gap
                red = tuple(rng.sample(flags, 1)) if rng.random() < 0.05 else ()
                late = at(day, 20) + dt.timedelta(days=rng.choice([0, 0, 0, 0, 3, 40]))
                repository.put_checkin(db, Checkin(day, rng.randint(0, 10), None, "", red), late)
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                before, after = rng.randint(0, 8), rng.randint(0, 10)
                done = rng.random() < 0.8
                session = SessionResult(day, done, ("cat_cow",), before, after, at(day, rng.randint(7, 19)))
                repository.add_session(db, session, None, "manual")
            for form in library.questionnaires.values():
                if rng.random() < 0.1:
                    repository.put_response(db, Response(form.id, day, (1,), rng.randint(0, 10)), at(day, 21))


@pytest.fixture(params=[1, 2, 3])
def journal(request: pytest.FixtureRequest, ctx: Context, library: Library) -> Context:
    seed(ctx, library, random.Random(request.param))
    return ctx


DATES = [START - dt.timedelta(days=1), START, START + dt.timedelta(days=2), START + dt.timedelta(days=70)]
DATES += [START + dt.timedelta(days=n) for n in (80, 100, 149, 160)]


def test_progress_reads_its_window(journal: Context) -> None:
    with journal.store.reading() as db:
        everything, sessions = repository.checkins(db), repository.session_records(db)
        clearances, intakes = repository.clearances(db), repository.intakes(db)
        for today in DATES:
            window = windows.journal_window(db, today)
            assert window == journal_window(everything, sessions, today), today
    for today in DATES:
        expected = evaluate(everything, sessions, today, clearances, intakes)
        assert progress.progress(journal, today.isoformat()) == expected


def test_the_plan_review_reads_its_window(journal: Context) -> None:
    changes = []
    with journal.store.reading() as db:
        results, ratings = repository.session_results(db), repository.ratings(db)
        for today in DATES:
            for since in (at(today, 0) - dt.timedelta(days=d) for d in (1, 8, 20, 200)):
                expected = review(results, ratings, since, today)
                assert review(*windows.review_window(db, since, today), since, today) == expected
                changes.append(expected)
    assert any(c is not None and c.direction < 0 for c in changes), "a flare was among the cases"


# (day, pain, day saved) of each check-in; the completed sessions' days; the day of the last change.
FOLLOW_UPS = [
    ([(0, 2, 0), (4, 6, 4)], [2], 3),  # compared with a check-in days before the session
    ([(7, 1, 7), (11, 7, 101), (50, 7, 50)], [9], 100),  # a follow-up saved long after its day
    ([(0, 2, 0), (1, 2, 1), (5, 8, 5)], [1, 3], 4),  # the next check-in after one is too late
]


@pytest.mark.parametrize(("ratings", "sessions", "changed"), FOLLOW_UPS)
def test_the_plan_review_finds_late_follow_ups(
    ctx: Context, ratings: list[tuple[int, int, int]], sessions: list[int], changed: int
) -> None:
    def day(n: int) -> dt.date:
        return START + dt.timedelta(days=n)

    with ctx.store.writing() as db:
        for n, pain, saved in ratings:
            repository.put_checkin(db, Checkin(day(n), pain, None, "", ()), at(day(saved), 20))
        for n in sessions:
            session = SessionResult(day(n), True, ("cat_cow",), 3, 3, at(day(n), 9))
            repository.add_session(db, session, None, "manual")
    since, today = at(day(changed), 12), day(changed + 1)
    with ctx.store.reading() as db:
        expected = review(repository.session_results(db), repository.ratings(db), since, today)
        assert review(*windows.review_window(db, since, today), since, today) == expected
    assert expected is not None and expected.direction < 0


def test_when_each_questionnaire_was_last_answered(journal: Context) -> None:
    forms = journal.library.questionnaires
    with journal.store.reading() as db:
        answered = repository.responses(db)
        last = windows.last_answered(db, forms)
    assert last == {f: max(r.date for r in answered if r.questionnaire == f) for f in forms}
    assert progress.due(journal) == progress.due(journal, answered)


def test_the_days_with_entries(journal: Context) -> None:
    with journal.store.reading() as db:
        days = summarise_days(repository.checkins(db), repository.session_records(db))
        assert windows.entry_days(db) == len(days)
        for skip in (0, 1, 7, 59, len(days) - 1, len(days)):
            found = windows.latest_entry_day(db, skip)
            assert found == (days[-1 - skip].date if skip < len(days) else None), skip
        for before in DATES:
            earlier = [d.date for d in days if d.date < before]
            assert windows.latest_entry_day(db, before=before) == (earlier[-1] if earlier else None)
            last = before + dt.timedelta(days=30)
            assert windows.history_between(db, before, last) == [d for d in days if before <= d.date <= last]


def test_history_pages_and_charts(journal: Context) -> None:
    with journal.store.reading() as db:
        days = summarise_days(repository.checkins(db), repository.session_records(db))
    for size in (7, 60):
        for number in range(1, -(-len(days) // size) + 1):
            seen = checkins.history_page(journal, str(number), size, 30)
            assert seen.page == page_of_history(days, str(number), size)
            assert seen.days[-30:] == days[-30:]
    recent = checkins.recent_history(journal, 30, weeks=12)
    assert recent[-30:] == days[-30:] and weekly_counts(recent) == weekly_counts(days)
    assert weekly_counts(checkins.recent_history(journal, 3, weeks=5), 5) == weekly_counts(days, 5)


def test_the_plan_events_the_charts_mark(journal: Context) -> None:
    """Changes of the current plan (not of an earlier assessment's, nor its first plan), each on its
    day in the person's zone, and the sessions' flare-ups, from a day on."""
    behind = dt.timezone(dt.timedelta(hours=-8))
    for assessed in (START, START + dt.timedelta(days=40)):
        moment = FixedClock(at(assessed, 12))
        intake.save_assessment(
            Context(journal.settings, journal.store, moment, journal.library),
            answers_from_dict(base_answers()),
        )
    current = plans.current(journal)
    assert current is not None and current.plan is not None and current.plan_id is not None
    with journal.store.writing() as db:
        _, assessment = repository.plan_started(db, current.plan_id)
        for n, hour in ((41, 3), (60, 7), (90, 10), (120, 23)):  # 03:00 UTC is the evening before at -8 h
            repository.add_plan(
                db, assessment, current.plan, f"change {n}", at(START + dt.timedelta(days=n), hour)
            )
    with journal.store.reading() as db:
        _, changes = repository.plan_changes(db, behind)
        sessions = [(s.date, s.pain_before, s.pain_after) for s in repository.session_results(db)]
        assert [reason for _, reason in changes] == ["change 41", "change 60", "change 90", "change 120"]
        assert changes[0][0] == START + dt.timedelta(days=40), "its day in the person's zone"
        for since in (
            START - dt.timedelta(days=1),
            *(START + dt.timedelta(days=n) for n in (40, 41, 61, 200)),
        ):
            events = windows.plan_events(db, since, behind)
            assert events.changes == [(day, reason) for day, reason in changes if day >= since], since
            assert events.flare_ups == [f for f in flare_ups(sessions) if f.date >= since], since
        assert windows.plan_events(db, START, behind).flare_ups, "the seeded journal has flare-ups"


def test_an_empty_journal(ctx: Context) -> None:
    with ctx.store.reading() as db:
        assert windows.journal_window(db, START) == journal_window([], [], START)
        assert windows.entry_days(db) == 0 and windows.latest_entry_day(db) is None
        assert windows.last_answered(db, ctx.library.questionnaires) == {}
        assert windows.review_window(db, at(START, 0), START) == ([], [])
        assert windows.plan_events(db, START, dt.UTC) == PlanEvents([], [])
    assert checkins.recent_history(ctx) == [] and checkins.history_page(ctx, None, 60).page.days == []
