"""Heat and cold: which therapies have a timer, and how long one application may last. Pure."""

from __future__ import annotations

from unknot.content.schema import Library, Therapy
from unknot.core.errors import UserError

OFFERED_MINUTES = (10, 15, 20)  # the lengths a timer offers to switch to (up to the therapy's cap)


def timed_therapy(library: Library, kind: str) -> Therapy:
    """The therapy `kind` names, if unknot times it (heat, cold)."""
    timed = library.timed_therapies
    therapy = next((t for key, t in timed.items() if key.value == kind), None)
    if therapy is None:
        raise UserError(f"kind: must be {' or '.join(sorted(timed))}, not '{kind}'")
    return therapy


def therapy_minutes(requested: int | None, therapy: Therapy) -> int:
    """The minutes to run: the content's default, or what was asked for, never past its cap (at
    most 20, which the content schema guarantees)."""
    cap = therapy.max_minutes
    if requested is None:
        return therapy.default_minutes
    if not 1 <= requested <= cap:
        raise UserError(
            f"minutes: {therapy.name.lower()} runs 1 to {cap} minutes, never more; not {requested}"
        )
    return requested


def offered_minutes(therapy: Therapy) -> list[int]:
    return [m for m in OFFERED_MINUTES if m <= therapy.max_minutes]
