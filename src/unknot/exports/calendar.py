"""The daily session as a recurring calendar event with an alarm (iCalendar, RFC 5545)."""

from __future__ import annotations

import datetime as dt
import math

from icalendar import Alarm, Calendar, Event

from unknot.core.result import Plan

ALARM_BEFORE = dt.timedelta(minutes=5)


def session_calendar(
    plan: Plan | None, session_time: dt.time, today: dt.date, now: dt.datetime, journal: str
) -> bytes:
    """A calendar with the daily session at the user's chosen time (no event without a plan); the
    event's UID is the same for every export of one journal (`journal` names it)."""
    calendar = Calendar()
    calendar.add("prodid", "-//unknot//daily session//EN")
    calendar.add("version", "2.0")
    if plan is not None:
        calendar.add_component(_event(plan, session_time, today, now, journal))
    return bytes(calendar.to_ical())


def _event(plan: Plan, session_time: dt.time, today: dt.date, now: dt.datetime, journal: str) -> Event:
    event = Event()
    event.add("uid", f"daily-session-{journal}@unknot.local")
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("dtstart", dt.datetime.combine(today, session_time))  # floating: the user's local time
    event.add("duration", dt.timedelta(minutes=math.ceil(plan.total_minutes)))
    event.add("rrule", {"freq": "daily"})
    event.add("summary", f"unknot: daily back session ({math.ceil(plan.total_minutes)} min)")
    event.add(
        "description",
        "Today's programme:\n" + "\n".join(f"- {i.name} ({i.minutes:g} min)" for i in plan.items),
    )
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", "Time for your unknot session")
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event
