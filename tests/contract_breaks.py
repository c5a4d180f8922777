"""An independent reading of docs/contracts/breaks.md: a second-by-second simulation."""

from __future__ import annotations

from typing import Any


def reference(settings: dict[str, int], activity: list[list[int]], responses: list[str]) -> dict[str, Any]:
    """For integer traces and whole-second settings: tick one second at a time."""
    work = settings.get("work_minutes", 30) * 60
    natural = settings.get("natural_break_minutes", 5) * 60
    snooze = settings.get("snooze_minutes", 5) * 60
    counter, prompts, breaks, previous_end = 0, [], [], None
    for start, end in activity:
        if previous_end is not None and start - previous_end >= natural:
            breaks.append([previous_end, start])
            counter = 0
        for second in range(start, end):
            counter += 1
            if counter == work:
                answer = responses[len(prompts)] if len(prompts) < len(responses) else "take"
                prompts.append({"t": second + 1, "response": answer})
                counter = work - snooze if answer == "snooze" else 0
        previous_end = end
    return {"prompts": prompts, "natural_breaks": breaks, "active_seconds": sum(e - s for s, e in activity)}
