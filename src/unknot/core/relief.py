"""Heat and cold: how long one application may last. Pure."""

from __future__ import annotations

from unknot.content.schema import Therapy
from unknot.core.errors import UserError

ABSOLUTE_CAP_MINUTES = 20


def therapy_minutes(requested: int | None, therapy: Therapy) -> int:
    """The minutes to run: the content's default, or what was asked for, never past 20."""
    cap = min(therapy.max_minutes, ABSOLUTE_CAP_MINUTES)
    if requested is None:
        return min(therapy.default_minutes, cap)
    if not 1 <= requested <= cap:
        raise UserError(
            f"minutes: {therapy.name.lower()} runs 1 to {cap} minutes, never more; not {requested}"
        )
    return requested
