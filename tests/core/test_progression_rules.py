"""When a plan steps back: a flare in a session, or a worse check-in right after one.

The property test compares `review` with a small reference written from the module's docstring:
for each completed session in order, the next rating dated after its day (within two days, recorded
after the last change) against the last rating dated on or before it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unknot.core.history import SessionResult
from unknot.core.progression import FLARE_POINTS, FOLLOW_UP_DAYS, PlanChange, Rating, flared, review

DAY0 = dt.date(2026, 3, 2)
SINCE = dt.datetime(2026, 3, 2, 8, tzinfo=dt.UTC)  # the plan last changed on day 0 at 8:00
HOUR = dt.timedelta(hours=1)


def day(n: int) -> dt.date:
    return DAY0 + dt.timedelta(days=n)


def at(n: int, hour: int = 20) -> dt.datetime:
    """Day n at the given hour: after SINCE from day 0, 9:00 on."""
    return dt.datetime.combine(day(n), dt.time(hour), tzinfo=dt.UTC)


def session(n: int, *, completed: bool = True) -> SessionResult:
    return SessionResult(day(n), completed, (), None, None, at(n, 18))


def rating(n: int, pain: int, recorded: dt.datetime | None = None) -> Rating:
    return Rating(day(n), pain, recorded or at(n))


def steps_back(sessions: list[SessionResult], ratings: list[Rating], today: int = 3) -> bool:
    change = review(sessions, ratings, SINCE, day(today))
    return change is not None and change.direction == -1


# The reference: the rules read literally, no sorting tricks, no bisection.


def reference(sessions: list[SessionResult], ratings: list[Rating], since: dt.datetime) -> PlanChange | None:
    in_order = sorted(sessions, key=lambda s: (s.date, s.recorded_at))
    for s in in_order:
        if s.recorded_at > since and flared(s.pain_before, s.pain_after):
            what = f"your pain after the session on {s.date} was {s.pain_after}, up from {s.pain_before}"
            return PlanChange(-1, f"{what}, so the doses eased off")
    for s in in_order:
        before = [r for r in ratings if r.date <= s.date]
        after = [r for r in ratings if r.date > s.date]
        if not s.completed or not before or not after:
            continue
        then = max(before, key=lambda r: r.date)
        now = min(after, key=lambda r: r.date)
        close = (now.date - s.date).days <= FOLLOW_UP_DAYS
        if close and now.recorded_at > since and now.pain - then.pain >= FLARE_POINTS:
            what = f"your pain on {now.date} ({now.pain}/10) was worse than before the session on {s.date}"
            return PlanChange(-1, f"{what} ({then.pain}/10), so the doses eased off")
    return None


pains = st.integers(0, 10)
# As often before the last change as after it.
moments = (st.integers(-72, 0) | st.integers(1, 24 * 20)).map(lambda h: SINCE + h * HOUR)
sessions_drawn = st.lists(
    st.builds(
        SessionResult,
        st.integers(-3, 16).map(day),
        st.booleans(),
        st.just(()),
        st.none() | pains,
        st.none() | pains,
        moments,
    ),
    max_size=12,
)
# One check-in per date, as the store keeps them (a unique date); recorded at any time (backdated too).
ratings_drawn = st.lists(
    st.builds(Rating, st.integers(-3, 18).map(day), pains, moments), max_size=16, unique_by=lambda r: r.date
)


@given(sessions_drawn, ratings_drawn, st.integers(0, 6))
def test_review_steps_back_exactly_when_the_reference_does(
    sessions: list[SessionResult], ratings: list[Rating], days_later: int
) -> None:
    today = SINCE.date() + dt.timedelta(days=days_later)  # under a week: never a step up
    assert review(sessions, ratings, SINCE, today) == reference(sessions, ratings, SINCE)


def test_a_worse_check_in_the_day_after_a_session_steps_back() -> None:
    change = review([session(1)], [rating(1, 3), rating(2, 5)], SINCE, day(3))
    assert change is not None and change.direction == -1
    assert change.reason == (
        f"your pain on {day(2)} (5/10) was worse than before the session on {day(1)} (3/10), "
        "so the doses eased off"
    )


def test_a_worse_rating_weeks_after_a_session_does_not_step_back() -> None:
    """The old rule compared the rating before the session with the first one after the last change,
    however far apart: a rating three weeks on stepped the plan back for a session long past."""
    ratings = [rating(1, 3), rating(2, 3, recorded=SINCE - HOUR), rating(22, 6)]
    assert not steps_back([session(1)], ratings, today=23)
    assert not steps_back([session(1)], [rating(1, 3), rating(22, 6)], today=23)


def test_the_follow_up_counts_up_to_two_days_after_the_session() -> None:
    assert steps_back([session(1)], [rating(1, 3), rating(1 + FOLLOW_UP_DAYS, 5)])
    assert not steps_back([session(1)], [rating(1, 3), rating(2 + FOLLOW_UP_DAYS, 5)], today=5)


def test_the_follow_up_must_be_two_points_worse() -> None:
    assert steps_back([session(1)], [rating(1, 3), rating(2, 3 + FLARE_POINTS)])
    assert not steps_back([session(1)], [rating(1, 3), rating(2, 3 + FLARE_POINTS - 1)])


def test_the_follow_up_must_be_recorded_after_the_last_change() -> None:
    assert not steps_back([session(1)], [rating(1, 3), rating(2, 5, recorded=SINCE)])
    assert steps_back(
        [session(1)], [rating(1, 3), rating(2, 5, recorded=SINCE + dt.timedelta(microseconds=1))]
    )


def test_only_the_next_check_in_counts() -> None:
    """The day after was already seen by the last change (or was fine): the day after that is not
    the session's follow-up."""
    seen = [rating(1, 3), rating(2, 5, recorded=SINCE - HOUR), rating(3, 6)]
    assert not steps_back([session(1)], seen)
    fine = [rating(1, 3), rating(2, 3), rating(3, 6)]
    assert not steps_back([session(1)], fine)


def test_a_check_in_backdated_to_the_day_after_is_the_follow_up() -> None:
    ratings = [rating(1, 3), rating(3, 3, recorded=at(3)), rating(2, 6, recorded=at(4))]
    assert steps_back([session(1)], ratings, today=4)


def test_the_rating_before_is_the_last_one_on_or_before_the_session_day() -> None:
    assert not steps_back([session(1)], [rating(0, 2), rating(1, 4), rating(2, 5)]), "day 1, not day 0"
    assert steps_back([session(1)], [rating(-5, 3), rating(2, 5)]), "however old"
    assert not steps_back([session(1)], [rating(2, 9)]), "no rating before: nothing to compare"


def test_a_rating_on_the_session_day_is_not_its_follow_up() -> None:
    assert not steps_back([session(1)], [rating(0, 3), rating(1, 6)])


def test_an_unfinished_session_does_not_count() -> None:
    assert not steps_back([session(1, completed=False)], [rating(1, 3), rating(2, 6)])


def test_a_session_from_before_the_change_counts_with_a_follow_up_after_it() -> None:
    """Only the follow-up must be new: it is what the last change could not have seen."""
    early = SessionResult(day(0), True, (), None, None, SINCE - HOUR)
    assert steps_back([early], [rating(0, 3, recorded=SINCE - HOUR), rating(1, 5)])


def test_the_first_session_that_flared_is_the_one_named() -> None:
    ratings = [rating(1, 2), rating(2, 5), rating(4, 2), rating(5, 8)]
    change = review([session(4), session(1)], ratings, SINCE, day(6))
    assert change is not None and f"before the session on {day(1)}" in change.reason


@pytest.mark.parametrize(
    ("session_days", "steps_up"),
    [
        ((7, 8, 9, 13), True),  # 7 to 1 days before today (day 14)
        ((6, 8, 9, 13), False),  # day 6 is 8 days before
        ((8, 9, 13, 14), False),  # today's own session is not in the past week
    ],
)
def test_the_good_week_is_the_seven_days_before_today(session_days: tuple[int, ...], steps_up: bool) -> None:
    sessions = [session(n) for n in session_days]
    ratings = [rating(n, 3) for n in range(14)]
    change = review(sessions, ratings, SINCE, day(14))
    assert (change is not None and change.direction == 1) is steps_up


def test_a_worse_week_than_the_one_before_does_not_step_up() -> None:
    sessions = [session(n) for n in (7, 8, 9, 10)]
    calm = [rating(n, 3) for n in range(7)]
    assert review(sessions, [*calm, *(rating(n, 3) for n in range(7, 14))], SINCE, day(14)) is not None
    assert (
        review(sessions, [*calm, rating(7, 4), *(rating(n, 3) for n in range(8, 14))], SINCE, day(14)) is None
    )
