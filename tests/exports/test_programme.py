"""The printable home-exercise programme: read back with pypdf, and drawn to pixels with PDFium."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from tests.strategies import base_answers
from unknot.core.answers import answers_from_dict
from unknot.core.errors import NotAllowedError
from unknot.exports.pdf import plain
from unknot.present.words import item_dose
from unknot.services import Context, intake, plans
from unknot.services.programme import programme

FIGURE_INK = (59, 91, 112)  # the near limbs of the figures


def printed(ctx: Context) -> bytes:
    return b"".join(programme(ctx).chunks)


def test_the_programme_holds_each_exercise_with_its_dose_steps_and_stop_rules(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers(sitting_hours=9, hamstrings_tight="yes")))
    plan = plans.current(ctx).plan  # type: ignore[union-attr]
    assert plan is not None
    reader = PdfReader(io.BytesIO(printed(ctx)))
    assert 1 <= len(reader.pages) <= 2, "one or two pages, as a physiotherapist hands out"
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert text.startswith("Your home exercise programme")
    for number, item in enumerate(plan.items, start=1):
        exercise = ctx.library.exercises[item.id]
        assert f"{number}. {exercise.name}" in text
        assert plain(item_dose(item, exercise)) in text
        assert " ".join(exercise.steps[0].split()) in text
        assert " ".join(exercise.stop_if[0].split()) in text
    for rule in ctx.library.safety.stop_rules:
        assert rule in text
    assert "not a medical device" in text


def test_the_programme_pages_show_the_figures(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    document = pdfium.PdfDocument(printed(ctx))
    page = document[0].render(scale=1).to_pil().convert("RGB")
    width, height = page.size
    figures = page.crop((0, 0, width * 0.36, height))  # the left-hand column holds the figures
    inked = sum(count for count, colour in figures.getcolors(1 << 20) or [] if colour == FIGURE_INK)
    assert inked > 500, "the figures are drawn, not left blank"


def test_no_programme_before_an_assessment_or_while_care_comes_first(ctx: Context) -> None:
    with pytest.raises(NotAllowedError):
        programme(ctx)
    intake.save_assessment(ctx, answers_from_dict(base_answers(red_flags=["saddle_numbness"])))
    with pytest.raises(NotAllowedError):
        programme(ctx)
