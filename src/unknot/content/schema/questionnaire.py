"""A short validated questionnaire, reproduced as its authors allow."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from unknot.content.schema.base import Slug, Strict, Text


class QuestionItem(Strict):
    id: Slug
    text: Annotated[str, StringConstraints(min_length=3, max_length=200)]
    low: str | None = None
    high: str | None = None


class Questionnaire(Strict):
    """Items answered 0-10 (`scale_0_10`, scored as their mean) or ticked (`tick`, scored as a count)."""

    id: Slug
    name: Annotated[str, StringConstraints(min_length=3, max_length=80)]
    short_name: Annotated[str, StringConstraints(min_length=2, max_length=20)]
    score_label: Text  # what the score is, for a clinician: the FHIR observation's text, the report's note
    instructions: Annotated[str, StringConstraints(min_length=3, max_length=1000)]
    response: Literal["scale_0_10", "tick"]
    items: list[QuestionItem] = Field(min_length=1, max_length=40)
    scoring: Literal["mean", "count"]
    # The day of the journal it is first due on (day 1: the day of the first intake), so the first
    # week offers one questionnaire at a time; then every `every_days` after each answer.
    first_due_day: int = Field(ge=1, le=7)
    every_days: int = Field(ge=1, le=90)
    licence: Text
    sources: list[Slug] = Field(min_length=1)

    @property
    def top_answer(self) -> int:
        """The highest answer to one item: 10 on a 0-10 scale, 1 (ticked) on a tick form."""
        return 10 if self.response == "scale_0_10" else 1

    @property
    def max_score(self) -> float:
        return 10 if self.scoring == "mean" else len(self.items)

    @property
    def whole_scores(self) -> bool:
        """Scores are counts (whole numbers) rather than means."""
        return self.scoring == "count"
