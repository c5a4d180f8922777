"""Shapes shared by every content kind: strict models, text limits, sources and the shared vocabularies.

Pure: no I/O happens in `unknot.content.schema`, so `unknot.core` may use these types.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
Text = Annotated[str, StringConstraints(min_length=3, max_length=600, strip_whitespace=True)]
Step = Annotated[str, StringConstraints(min_length=3, max_length=160, strip_whitespace=True)]
Name = Annotated[str, StringConstraints(min_length=3, max_length=60)]
Heading = Annotated[str, StringConstraints(min_length=3, max_length=80, strip_whitespace=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CareLevel(StrEnum):
    """How much care a person needs now: the scale of a triage, an escalation and a red flag."""

    SELF_CARE = "self_care"
    SEE_CLINICIAN = "see_clinician"
    EMERGENCY = "emergency"

    @property
    def needs_care(self) -> bool:
        """A clinician should see the person: unknot's advice is to get care, not (only) to exercise."""
        return self is not CareLevel.SELF_CARE

    @property
    def blocks_sessions(self) -> bool:
        """No exercise session is offered until the person has been seen."""
        return self is CareLevel.EMERGENCY

    @property
    def escalation_name(self) -> str:
        """The spelling of the progress contract, where no escalation is `none`."""
        return "none" if self is CareLevel.SELF_CARE else self.value

    @classmethod
    def highest(cls, levels: Iterable[CareLevel]) -> CareLevel:
        order = list(cls)
        return max(levels, key=order.index, default=cls.SELF_CARE)


class Source(Strict):
    id: Slug
    title: Text
    year: int = Field(ge=1950, le=2100)
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$")]
    authors: str | None = None


def format_citation(source: Source) -> str:
    who = f"{source.authors.rstrip('.')}. " if source.authors else ""
    return f"{who}{source.title} ({source.year}). {source.url}"


class Muscle(StrEnum):
    HAMSTRINGS = "hamstrings"
    QUADRICEPS = "quadriceps"
    LUMBAR = "lumbar"
    NECK = "neck"
    UPPER_BACK = "upper_back"
    HIP_FLEXORS = "hip_flexors"
    GLUTES = "glutes"
    CHEST = "chest"
    CALVES = "calves"

    @property
    def words(self) -> str:
        """The muscle group in plain words."""
        return "lower back" if self is Muscle.LUMBAR else self.value.replace("_", " ")
