"""The user's preferences, stored in the journal. Unknown keys and bad values are refused."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from unknot.core.errors import UserError


class PrefsError(UserError):
    """A preference key or value is invalid; the message starts with the key."""


class Prefs(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    voice: bool = Field(default=True, description="Speak cues during sessions (when espeak-ng is installed)")
    bell: bool = Field(default=True, description="Ring the terminal bell at each change of step")
    theme: Literal["system", "light", "dark"] = Field(
        default="system", description="Colour theme of the web app"
    )
    session_time: dt.time = Field(default=dt.time(18, 0), description="When you plan to do the daily session")
    seen_welcome: bool = Field(default=False, description="The web app's welcome and safety notice was read")
    breaks_work_minutes: float = Field(
        default=30, gt=0, le=240, description="Minutes of activity before a break"
    )
    breaks_natural_minutes: float = Field(
        default=5, gt=0, le=120, description="An idle gap this long is a break"
    )
    breaks_snooze_minutes: float = Field(
        default=5, gt=0, le=120, description="Snooze a break prompt this long"
    )
    breaks_quiet_hours: str = Field(
        default="",
        pattern=r"^$|^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$",
        description="No prompts between these times, e.g. 22:00-07:00 (empty: none)",
    )
    water_glasses: int = Field(
        default=8, ge=0, le=20, description="Glasses of water a day to remind (0: off)"
    )
    standup_minutes: int = Field(
        default=0, ge=0, le=240, description="Standing desk: change position every N min"
    )

    @model_validator(mode="after")
    def _breaks_fit(self) -> Prefs:
        for name in ("breaks_natural_minutes", "breaks_snooze_minutes"):
            if getattr(self, name) >= self.breaks_work_minutes:
                raise ValueError(f"{name} must be less than breaks_work_minutes")
        return self


def load_prefs(stored: dict[str, Any]) -> Prefs:
    """Preferences from stored values, ignoring any a newer or older version no longer knows."""
    known = {k: v for k, v in stored.items() if k in Prefs.model_fields}
    try:
        return Prefs.model_validate(known)
    except ValidationError:
        return Prefs()


TRUE_WORDS = {"on", "yes", "true", "1"}
FALSE_WORDS = {"off", "no", "false", "0"}


def coerce_pref(key: str, text: str) -> Any:
    """A command-line or form value as the type its preference holds (checked by `check_prefs`)."""
    if key not in Prefs.model_fields:
        raise PrefsError(f"{key}: unknown setting (known: {', '.join(Prefs.model_fields)})")
    if Prefs.model_fields[key].annotation is not bool:
        return text
    lowered = text.strip().lower()
    if lowered not in TRUE_WORDS | FALSE_WORDS:
        raise PrefsError(f"{key}: must be on or off, not '{text}'")
    return lowered in TRUE_WORDS


def check_prefs(values: dict[str, Any]) -> Prefs:
    """All preferences checked together; the first problem names its setting."""
    try:
        return Prefs.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first["msg"]).replace("Input should be", "must be").removeprefix("Value error, ")
        if first["loc"]:
            raise PrefsError(f"{first['loc'][0]}: {message}") from None
        key, _, rest = message.partition(" ")
        raise PrefsError(f"{key}: {rest}") from None
