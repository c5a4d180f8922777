"""The user's preferences, stored in the journal. Unknown keys and bad values are refused."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

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


def load_prefs(stored: dict[str, Any]) -> Prefs:
    """Preferences from stored values, ignoring any a newer or older version no longer knows."""
    known = {k: v for k, v in stored.items() if k in Prefs.model_fields}
    try:
        return Prefs.model_validate(known)
    except ValidationError:
        return Prefs()


TRUE_WORDS = {"on", "yes", "true", "1"}
FALSE_WORDS = {"off", "no", "false", "0"}


def parse_pref(key: str, text: str) -> Any:
    """Turn a command-line value into the stored (JSON) value of one preference."""
    if key not in Prefs.model_fields:
        raise PrefsError(f"{key}: unknown setting (known: {', '.join(Prefs.model_fields)})")
    value: Any = text
    if Prefs.model_fields[key].annotation is bool:
        lowered = text.strip().lower()
        if lowered not in TRUE_WORDS | FALSE_WORDS:
            raise PrefsError(f"{key}: must be on or off, not '{text}'")
        value = lowered in TRUE_WORDS
    try:
        checked = Prefs.model_validate({key: value})
    except ValidationError as exc:
        message = str(exc.errors()[0]["msg"]).replace("Input should be", "must be")
        raise PrefsError(f"{key}: {message}") from None
    return checked.model_dump(mode="json")[key]
