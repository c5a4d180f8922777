"""An independent reading of docs/contracts/progress.md (version 2), to check unknot's progress
against. Check-ins carry a `recorded_at` (a datetime); intakes are (saved at, red flags); clearances
are (flag, date)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.strategies import EMERGENCY

Day = dt.timedelta(days=1)


def _flag_active(flag: str, checkin: dict[str, Any], intakes: list[Any], clearances: list[Any]) -> bool:
    if flag in EMERGENCY:
        # Until a new intake without it is saved.
        return not any(at > checkin["recorded_at"] and flag not in flags for at, flags in intakes)
    # Until it is cleared by a record dated on or after that check-in.
    return not any(f == flag and when >= checkin["date"] for f, when in clearances)


def expected_progress(
    checkins: list[dict[str, Any]],
    sessions: list[dict[str, Any]],
    d: dt.date,
    intakes: list[Any] = (),  # type: ignore[assignment]
    clearances: list[Any] = (),  # type: ignore[assignment]
) -> dict[str, Any]:
    cs = sorted((c for c in checkins if c["date"] <= d), key=lambda c: c["date"])
    intakes = [(at, flags) for at, flags in intakes if at.date() <= d]
    clearances = [(f, when) for f, when in clearances if when <= d]
    start = cs[0]["date"] if cs else None
    first3 = [c["pain"] for c in cs[:3]]
    baseline = sum(first3) / len(first3) if first3 else None
    week = [c for c in cs if d - 6 * Day <= c["date"] <= d]
    recent = sum(c["pain"] for c in week) / len(week) if week else None
    change = None if not baseline or recent is None else (recent - baseline) / baseline * 100
    if start is None:
        adherence = 0.0
    else:
        done_days = {s["date"] for s in sessions if s["completed"] and start <= s["date"] <= d}
        adherence = len(done_days) / ((d - start).days + 1)
    levels = []
    active = [f for c in cs for f in c["red_flags"] if _flag_active(f, c, intakes, clearances)]
    blocks = bool(active)
    if any(f in EMERGENCY for f in active):
        levels.append("emergency")
    elif active:
        levels.append("see_clinician")
    silenced = any(f == "escalation" and 0 <= (d - when).days < 28 for f, when in clearances)
    if not silenced:
        if baseline is not None and recent is not None and len(week) >= 2 and recent >= baseline + 2:
            levels.append("see_clinician")
        if sum(c["pain"] >= 8 for c in week) >= 3:
            levels.append("see_clinician")
        if (
            start is not None
            and (d - start).days >= 28
            and recent is not None
            and baseline is not None
            and recent >= 3
            and recent > 0.7 * baseline
        ):
            levels.append("see_clinician")
    level = "emergency" if "emergency" in levels else ("see_clinician" if levels else "none")
    return {
        "start_date": start.isoformat() if start else None,
        "baseline_pain": baseline,
        "recent_pain": recent,
        "change_pct": change,
        "adherence": adherence,
        "level": level,
        "rules_fired": len(levels),
        "blocks_sessions": blocks,
    }
