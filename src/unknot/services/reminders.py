"""The reminder daemon's config: the person's preferences, and the desk stretches of their own plan
(none while a warning sign waits for care), in its file.

The daemon rereads the file when it changes; it is rewritten after every change to the preferences,
the plan or what the person may do, so a running daemon follows them.
"""

from __future__ import annotations

import hashlib

from unknot.content.schema import Exercise, ExerciseKind, Position
from unknot.core.planning import item_tenths
from unknot.core.preferences import Preferences
from unknot.core.reminders import ReminderSettings, Stretch
from unknot.reminders import files
from unknot.services import care, plans
from unknot.services.context import Context

FIGURES = "breaks-figures"  # the desk stretches' pictures, one PNG per drawing
DESK_EQUIPMENT = {"chair", "wall"}
DESK_KINDS = (ExerciseKind.STRETCH, ExerciseKind.MOBILITY)
DESK_TENTHS = 20  # two minutes at most


def is_desk_stretch(exercise: Exercise) -> bool:
    """A short move that suits a desk: seated or standing, a chair or wall at most, two minutes."""
    fits = (
        exercise.position in (Position.SEATED, Position.STANDING)
        and set(exercise.equipment) <= DESK_EQUIPMENT
    )
    return fits and exercise.kind in DESK_KINDS and item_tenths(exercise.dose.standard) <= DESK_TENTHS


def desk_stretches(ctx: Context) -> tuple[Stretch, ...]:
    """The desk stretches of the person's own plan, with their stop rule; none when they may not
    exercise now (no plan, or a warning sign waiting for care)."""
    if not care.now(ctx).may_exercise:
        return ()
    current = plans.current(ctx)
    items = current.plan.items if current and current.plan else []
    chosen = [ctx.library.exercises[item.id] for item in items]
    return tuple(
        Stretch(e.id, e.name, e.steps[0], e.stop_if[0], figure_file(ctx, e))
        for e in chosen
        if is_desk_stretch(e)
    )


def figure_file(ctx: Context, exercise: Exercise) -> str:
    """The exercise's start and end figures as a PNG in the data folder, for break notifications
    (drawn here, once per drawing, so the daemon never loads the renderer); "" if it cannot be written."""
    from unknot.present.figure.render import png_bytes
    from unknot.present.figure.svg import pair_svg

    svg = pair_svg(exercise, labelled=False)
    digest = hashlib.sha256(svg.encode()).hexdigest()[:12]
    folder = ctx.settings.home / FIGURES
    path = folder / f"{exercise.id}-{digest}.png"
    if path.exists():
        return str(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{exercise.id}-*.png"):
            old.unlink(missing_ok=True)
        files.write_bytes(path, png_bytes(svg, zoom=2.0))
    except OSError:
        return ""  # the notification goes without its picture
    return str(path)


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
    return ReminderSettings(**chosen, poll_seconds=poll_seconds, stretches=desk_stretches(ctx))


def write_config(ctx: Context, prefs: Preferences, poll_seconds: float) -> ReminderSettings:
    """Write the daemon's settings to its config file."""
    settings = reminder_settings(ctx, prefs, poll_seconds)
    files.write_json(ctx.settings.home / files.CONFIG, settings.to_json())
    return settings


def refresh_config(ctx: Context, prefs: Preferences) -> bool:
    """Rewrite the daemon's config, if it has one (the reminders were started); True if done."""
    existing = files.read_json(ctx.settings.home / files.CONFIG)
    if existing is None:
        return False
    write_config(ctx, prefs, ReminderSettings.from_json(existing).poll_seconds)
    return True
