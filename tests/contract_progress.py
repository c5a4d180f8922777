"""An independent reading of docs/contracts/progress.md, to check unknot's progress against."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.strategies import EMERGENCY

Day = dt.timedelta(days=1)


def expected_progress(
    checkins: list[dict[str, Any]], sessions: list[dict[str, Any]], d: dt.date
) -> dict[str, Any]:
    cs = sorted((c for c in checkins if c["date"] <= d), key=lambda c: c["date"])
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
    flags = [f for c in week for f in c["red_flags"]]
    if any(f in EMERGENCY for f in flags):
        levels.append("emergency")
    elif flags:
        levels.append("see_clinician")
    if baseline is not None and recent is not None and len(week) >= 3 and recent >= baseline + 2:
        levels.append("see_clinician")
    last3 = cs[-3:]
    if (
        len(last3) == 3
        and all(c["pain"] >= 8 for c in last3)
        and (last3[2]["date"] - last3[0]["date"]).days == 2
    ):
        levels.append("see_clinician")
    if (
        start is not None
        and (d - start).days >= 28
        and adherence >= 0.5
        and baseline is not None
        and recent is not None
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
    }
