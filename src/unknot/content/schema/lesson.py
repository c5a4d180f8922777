"""A short lesson: what the evidence says about back pain, in a 2-4 minute read."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from unknot.content.schema.base import Slug, Strict, Text

Paragraph = Annotated[str, StringConstraints(min_length=20, max_length=900, strip_whitespace=True)]


class Lesson(Strict):
    id: Slug
    title: Annotated[str, StringConstraints(min_length=3, max_length=80)]
    minutes: int = Field(ge=1, le=5)  # reading time
    summary: Text  # the lesson in one or two sentences
    body: list[Paragraph] = Field(min_length=2, max_length=12)
    sources: list[Slug] = Field(min_length=1)
