"""Use cases shared by every interface. CLI commands and web routes call these and render the result."""

from unknot.services.catalog import (
    UnknownExerciseError,
    assess_answers,
    assess_intake,
    exercise_record,
    find_exercises,
    get_exercise,
)
from unknot.services.journal import Journal, JournalRuleError, UrgentCareError, open_journal

__all__ = [
    "Journal",
    "JournalRuleError",
    "UnknownExerciseError",
    "UrgentCareError",
    "assess_answers",
    "assess_intake",
    "exercise_record",
    "find_exercises",
    "get_exercise",
    "open_journal",
]
