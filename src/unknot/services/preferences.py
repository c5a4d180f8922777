"""The person's preferences: read them, change several at once (checked together)."""

from __future__ import annotations

from unknot.core.preferences import Preferences, check_preferences, coerce_preference, load_preferences
from unknot.services import reminders
from unknot.services.context import Context
from unknot.storage import repository


def get(ctx: Context) -> Preferences:
    return ctx.once("preferences", lambda: _read(ctx))


def _read(ctx: Context) -> Preferences:
    with ctx.store.reading() as db:
        return load_preferences(repository.preferences(db))


def change(ctx: Context, changes: dict[str, str]) -> Preferences:
    """Change preferences given as text (as typed): all are stored, or none."""
    values = {key: coerce_preference(key, text) for key, text in changes.items()}
    checked = check_preferences(get(ctx).model_dump(mode="json") | values).model_dump(mode="json")
    with ctx.store.writing() as db:
        for key in values:
            repository.put_preference(db, key, checked[key])
    now = get(ctx)
    if set(values) & set(reminders.FROM_PREFERENCES.values()):
        reminders.refresh_config(ctx, now)
    return now


def remember(ctx: Context, key: str, value: object) -> Preferences:
    """Store one preference unknot keeps for the person (not typed by them), checked like the rest."""
    checked = check_preferences(get(ctx).model_dump(mode="json") | {key: value}).model_dump(mode="json")
    with ctx.store.writing() as db:
        repository.put_preference(db, key, checked[key])
    return get(ctx)
