"""Progress in words: the figures of the progress page, `unknot progress` and the report."""

from __future__ import annotations

from dataclasses import dataclass

from unknot.core.progress import BASELINE_COUNT, WINDOW_DAYS, Progress
from unknot.present.words import change_words, long_date, number, percent


@dataclass(frozen=True)
class Stat:
    label: str
    value: str
    note: str = ""


def progress_stats(report: Progress) -> list[Stat]:
    since = f", from {long_date(report.start_date)}" if report.start_date else ""
    return [
        Stat(
            "Pain at the start",
            number(report.baseline_pain),
            f"mean of your first {BASELINE_COUNT} check-ins{since}",
        ),
        Stat(
            f"Pain in the last {WINDOW_DAYS} days",
            number(report.recent_pain, unknown="no check-in this week"),
            "mean",
        ),
        Stat("Change", change_words(report.change_pct), "recent pain against the start"),
        Stat("Days with a completed session", percent(report.adherence)),
    ]
