"""The reminder daemon's config: the person's preferences and desk stretches, in its file.

The daemon rereads the file when it changes, so a preference changed here reaches a running daemon.
"""

from __future__ import annotations

from unknot.content.schema import ExerciseKind, Library, Position
from unknot.core.planning import item_tenths
from unknot.core.preferences import Preferences
from unknot.core.reminders import ReminderSettings, Stretch
from unknot.reminders import files
from unknot.services.context import Context
from unknot.settings import DEFAULT_PORT

DESK_EQUIPMENT = {"chair", "wall"}
DESK_KINDS = (ExerciseKind.STRETCH, ExerciseKind.MOBILITY)
DESK_TENTHS = 20  # two minutes at most


def desk_stretches(library: Library) -> tuple[Stretch, ...]:
    """Short moves that suit a desk (seated or standing, a chair at most), two minutes or less."""
    found = []
    for exercise in sorted(library.exercises.values(), key=lambda e: e.id):
        fits = (
            exercise.position in (Position.SEATED, Position.STANDING)
            and set(exercise.equipment) <= DESK_EQUIPMENT
        )
        short = item_tenths(exercise.dose.standard) <= DESK_TENTHS
        if short and fits and exercise.kind in DESK_KINDS:
            found.append(Stretch(exercise.id, exercise.name, exercise.steps[0]))
    return tuple(found)


# Each of the daemon's settings that a person's preference sets, and that preference.
FROM_PREFERENCES = {
    "work_minutes": "breaks_work_minutes",
    "natural_break_minutes": "breaks_natural_minutes",
    "snooze_minutes": "breaks_snooze_minutes",
    "quiet_hours": "breaks_quiet_hours",
    "water_glasses": "water_glasses",
    "standup_minutes": "standup_minutes",
    "voice": "voice",
}


def reminder_settings(ctx: Context, prefs: Preferences, poll_seconds: float) -> ReminderSettings:
    chosen = {setting: getattr(prefs, key) for setting, key in FROM_PREFERENCES.items()}
    web = f"http://127.0.0.1:{DEFAULT_PORT}"
    return ReminderSettings(
        **chosen, poll_seconds=poll_seconds, web=web, stretches=desk_stretches(ctx.library)
    )


def write_config(ctx: Context, prefs: Preferences, poll_seconds: float) -> ReminderSettings:
    """Write the daemon's settings to its config file."""
    settings = reminder_settings(ctx, prefs, poll_seconds)
    files.write_json(ctx.settings.home / files.CONFIG, settings.to_json())
    return settings


def refresh_config(ctx: Context, prefs: Preferences) -> bool:
    """Rewrite the daemon's config, if it has one, after a reminder setting changed; True if done."""
    existing = files.read_json(ctx.settings.home / files.CONFIG)
    if existing is None:
        return False
    write_config(ctx, prefs, ReminderSettings.from_json(existing).poll_seconds)
    return True
