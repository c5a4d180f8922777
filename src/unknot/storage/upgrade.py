"""An exported journal of version 1 (before contract version 2) read as version 2.

The same upgrade as migration 0005 makes to a database: the answers not asked then take the
answers that change nothing, the old osteoporosis-or-steroids flag becomes the `osteoporosis` answer
(at a check-in, a line in its note), and a session counts as completed when at least half of its
plan's exercises were done.
"""

from __future__ import annotations

from typing import Any

from unknot.core.answers import upgrade_answers
from unknot.core.checkins import upgrade_flags
from unknot.core.history import is_completed


def _checkin(checkin: Any) -> Any:
    if not isinstance(checkin, dict) or not isinstance(checkin.get("red_flags"), list):
        return checkin
    flags, note = upgrade_flags(checkin["red_flags"], str(checkin.get("note", "")))
    return {**checkin, "red_flags": flags, "note": note}


def _session(session: Any, planned: dict[Any, int]) -> Any:
    if not isinstance(session, dict) or session.get("plan_id") not in planned:
        return session
    done = session.get("items_done")
    count = len(done) if isinstance(done, list) else 0
    return {**session, "completed": is_completed(count, planned[session["plan_id"]])}


def upgrade_document(data: dict[str, Any]) -> dict[str, Any]:
    plans = data.get("plans")
    planned = {p.get("id"): len(p.get("items") or []) for p in plans or [] if isinstance(p, dict)}
    assessments = [
        {**a, "answers": upgrade_answers(a["answers"])}
        if isinstance(a, dict) and isinstance(a.get("answers"), dict)
        else a
        for a in data.get("assessments") or []
    ]
    return {
        **data,
        "version": 2,
        "assessments": assessments,
        "checkins": [_checkin(c) for c in data.get("checkins") or []],
        "sessions": [_session(s, planned) for s in data.get("sessions") or []],
    }
