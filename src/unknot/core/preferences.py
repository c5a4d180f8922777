"""The person's preferences (voice, theme, reminders, ...), stored in the journal.

People see them as "settings" (`unknot settings`, the settings page); in the code "settings" means
how unknot itself runs (`unknot.settings.Settings`, from the environment). Each field's description
is its label everywhere, and `group` places it on the settings page. Unknown keys and bad values are
refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from unknot.core.errors import UserError
from unknot.core.reminders import DEFAULTS, parse_quiet_hours

SESSIONS, LOOK, REMINDERS = "Sessions", "Appearance", "Break and water reminders"


def _shown(group: str, description: str, default: Any, **more: Any) -> Any:
    """A preference shown on the settings page in `group`; `more` holds its bounds, or its `choices`
    and `example` for the form."""
    form: dict[str, Any] = {"group": group}
    form |= {key: more.pop(key) for key in ("choices", "example") if key in more}
    return Field(default=default, description=description, json_schema_extra=form, **more)


def _minutes(description: str, default: float, most: int = 120) -> Any:
    """A break reminder's length in minutes: more than 0, at most `most`."""
    return _shown(REMINDERS, description, default, gt=0, le=most)


class PrefsError(UserError):
    """A preference key or value is invalid; the message starts with the key."""


class Preferences(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    voice: bool = _shown(
        SESSIONS, "Spoken cues during sessions (in the terminal when espeak-ng is installed)", True
    )
    bell: bool = _shown(SESSIONS, "Bell at each change of step (terminal)", True)
    theme: Literal["system", "light", "dark"] = _shown(
        LOOK,
        "Colour theme of the web app",
        "system",
        choices={"system": "Same as my computer", "light": "Light", "dark": "Dark"},
    )
    session_time: dt.time = _shown(SESSIONS, "When you plan to do your daily session", dt.time(18, 0))
    seen_welcome: bool = Field(default=False, description="The web app's welcome and safety notice was read")
    lessons_read: list[str] = Field(default_factory=list, description="The lessons read so far")
    breaks_work_minutes: float = _minutes("Minutes of activity before a break", DEFAULTS.work_minutes, 240)
    breaks_natural_minutes: float = _minutes(
        "Idle minutes that count as a break", DEFAULTS.natural_break_minutes
    )
    breaks_snooze_minutes: float = _minutes("Minutes a snoozed prompt waits", DEFAULTS.snooze_minutes)
    breaks_quiet_hours: str = _shown(
        REMINDERS,
        "Quiet hours without prompts, e.g. 22:00-07:00",
        DEFAULTS.quiet_hours,
        example="22:00-07:00",
    )
    water_glasses: int = _shown(
        REMINDERS, "Glasses of water a day (0: no reminder)", DEFAULTS.water_glasses, ge=0, le=20
    )
    standup_minutes: int = _shown(
        REMINDERS,
        "At a standing desk, change position every N minutes (0: off)",
        DEFAULTS.standup_minutes,
        ge=0,
        le=240,
    )

    @field_validator("breaks_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        parse_quiet_hours(value)
        return value

    @model_validator(mode="after")
    def _breaks_fit(self) -> Preferences:
        for name in ("breaks_natural_minutes", "breaks_snooze_minutes"):
            if getattr(self, name) >= self.breaks_work_minutes:
                raise ValueError(f"{name} must be less than breaks_work_minutes")
        return self


def load_preferences(stored: dict[str, Any]) -> Preferences:
    """Preferences from stored values, ignoring any a newer or older version no longer knows."""
    known = {k: v for k, v in stored.items() if k in Preferences.model_fields}
    try:
        return Preferences.model_validate(known)
    except ValidationError:
        return Preferences()


TRUE_WORDS = {"on", "yes", "true", "1"}
FALSE_WORDS = {"off", "no", "false", "0"}


def coerce_preference(key: str, text: str) -> Any:
    """A command-line or form value as the type its preference holds (checked by `check_preferences`)."""
    if key not in Preferences.model_fields:
        raise PrefsError(f"{key}: unknown setting (known: {', '.join(Preferences.model_fields)})")
    if Preferences.model_fields[key].annotation is not bool:
        return text
    lowered = text.strip().lower()
    if lowered not in TRUE_WORDS | FALSE_WORDS:
        raise PrefsError(f"{key}: must be on or off, not '{text}'")
    return lowered in TRUE_WORDS


def check_preferences(values: dict[str, Any]) -> Preferences:
    """All preferences checked together; the first problem names its setting."""
    try:
        return Preferences.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).replace("Input should be", "must be").removeprefix("Value error, ")
        if first["loc"]:
            raise PrefsError(f"{first['loc'][0]}: {message}") from None
        key, _, rest = message.partition(" ")
        raise PrefsError(f"{key}: {rest}") from None
