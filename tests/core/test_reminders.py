"""The reminder policy, as pure functions: quiet hours, holding a prompt, nudges, words, events."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest

from unknot.core.reminders import (
    ACTIVE_DAY_SECONDS,
    COUNTED,
    EventKind,
    Nudges,
    ReminderSettings,
    Stretch,
    WebApp,
    break_notice,
    hold_reason,
    in_quiet_hours,
    nudge_notice,
    parse_event,
    parse_quiet_hours,
)

STRETCH = Stretch("chin_tucks", "Chin tucks", "Sit tall.")


@pytest.mark.parametrize(
    ("spec", "now", "quiet"),
    [
        ("22:00-07:00", dt.time(22, 0), True),
        ("22:00-07:00", dt.time(6, 59), True),
        ("22:00-07:00", dt.time(7, 0), False),
        ("22:00-07:00", dt.time(21, 59), False),
        ("12:30-13:30", dt.time(13, 0), True),
        ("12:30-13:30", dt.time(13, 30), False),
        ("", dt.time(3, 0), False),
    ],
)
def test_quiet_hours_include_their_start_not_their_end(spec: str, now: dt.time, quiet: bool) -> None:
    assert in_quiet_hours(spec, now) is quiet


@pytest.mark.parametrize("spec", ["22:00", "22-07", "25:00-07:00", "22:00-7:00", "22:00 - 07:00"])
def test_malformed_quiet_hours_are_refused(spec: str) -> None:
    with pytest.raises(ValueError, match="22:00-07:00"):
        parse_quiet_hours(spec)


def test_a_prompt_is_held_for_the_first_reason_and_the_desktop_asked_only_when_needed() -> None:
    asked: list[str] = []

    def desk(name: str, answer: bool) -> Callable[[], bool]:
        def ask() -> bool:
            asked.append(name)
            return answer

        return ask

    quiet = ReminderSettings(quiet_hours="00:00-23:59")
    assert hold_reason(quiet, dt.time(12), desk("dnd", True), desk("full", True)) == "quiet hours"
    assert asked == []
    plain = ReminderSettings()
    assert hold_reason(plain, dt.time(12), desk("dnd", True), desk("full", True)) == "do not disturb"
    assert hold_reason(plain, dt.time(12), desk("dnd", False), desk("full", True)) == "full screen"
    assert hold_reason(plain, dt.time(12), desk("dnd", False), desk("full", False)) is None
    assert asked == ["dnd", "dnd", "full", "dnd", "full"]


def test_water_is_spread_over_an_active_day_and_standing_follows_its_minutes() -> None:
    nudges = Nudges(ReminderSettings(water_glasses=8, standup_minutes=90))
    interval = ACTIVE_DAY_SECONDS / 8
    assert nudges.activity(interval - 1) == []
    assert nudges.activity(1) == [EventKind.WATER_PROMPTED]
    assert nudges.activity(90 * 60 - interval) == [EventKind.STANDUP]
    off = Nudges(ReminderSettings(water_glasses=0, standup_minutes=0))
    assert off.activity(ACTIVE_DAY_SECONDS) == []


def test_the_notices_say_what_to_do() -> None:
    settings = ReminderSettings(work_minutes=45, water_glasses=6)
    web = WebApp("http://127.0.0.1:8765", "s3cret-Token_1")
    linked = break_notice(settings, STRETCH, web)
    assert linked.summary == "Time for a break: 45 minutes of activity"
    assert "Chin tucks: Sit tall." in linked.body
    assert linked.body.endswith("http://127.0.0.1:8765/session/stretch/chin_tucks?token=s3cret-Token_1")
    assert "http" not in break_notice(settings, STRETCH, None).body, "no web app running: no link"
    unplanned = break_notice(settings, None, web).body
    assert "move about" in unplanned and "stretch" not in unplanned, "no stretch outside a plan"
    assert "http" not in unplanned
    assert "6 glasses" in nudge_notice(settings, EventKind.WATER_PROMPTED).body


def test_a_token_is_carried_whole_in_the_link() -> None:
    odd = WebApp("http://[::1]:9000", "a b/c?d&e=é")
    assert odd.page("/exercises/x") == "http://[::1]:9000/exercises/x?token=a%20b%2Fc%3Fd%26e%3D%C3%A9"


def test_settings_travel_through_the_config_file() -> None:
    settings = ReminderSettings(work_minutes=40, quiet_hours="22:00-07:00", stretches=(STRETCH,))
    assert ReminderSettings.from_json(json.loads(json.dumps(settings.to_json()))) == settings
    assert ReminderSettings.from_json({"work_minutes": 20, "unknown": 1}).natural_break_minutes == 5
    assert settings.breaks().work_minutes == 40


def test_outbox_lines_become_events_once_and_only_when_whole() -> None:
    line = json.dumps({"at": "2026-11-24T10:00:00+01:00", "kind": "natural", "seconds": 400, "n": 1})
    event = parse_event(line)
    assert event is not None and event.kind is EventKind.NATURAL and event.seconds == 400
    assert parse_event(line) == event, "the same line always gives the same key"
    assert parse_event(line.replace('"n": 1', '"n": 2')) != event
    for kept_out in (
        '{"at": "2026-11-24T10:00:00+01:00", "kind": "started"}',
        '{"at": "2026-11-24T10:00:00", "kind": "taken"}',
        '{"at": "2026-11-24T10:00:00+01:00", "kind": "dancing"}',
        '{"at": "2026-11-24T10:0',
        "[1, 2]",
    ):
        assert parse_event(kept_out) is None, kept_out
    assert EventKind.STARTED not in COUNTED and EventKind.TAKEN in COUNTED
