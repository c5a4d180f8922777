"""A patient whose clinician assigned a programme: the session, the printable programme and the plan
follow it; a red flag still comes first; the automatic progression leaves it alone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from pypdf import PdfReader

from tests.strategies import base_answers
from unknot.content.schema import Dose
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.core.errors import NotAllowedError
from unknot.core.player import PhaseKind
from unknot.core.programme import Programme, ProgrammeItem
from unknot.exports.pdf import plain
from unknot.present.player import web_script
from unknot.present.words import NOTE_WORDS, dose_words
from unknot.services import Context, checkins, intake, plans, sessions
from unknot.services.programme import programme as printable

BRIDGE = Dose(reps=12, rep_seconds=4, sets=3, rest_seconds=30)
HAMSTRING = Dose(hold_seconds=45, sets=2, sides=2, rest_seconds=15)
BRIDGE_NOTE = "Squeeze your glutes at the top."
HAMSTRING_NOTE = "Keep your back long; ease off if your leg tingles."
PROGRAMME = Programme(
    name="Low back, week 1",
    notes="Do these every morning before work.",
    items=[
        ProgrammeItem(exercise_id="seated_hamstring_stretch", dose=HAMSTRING, note=HAMSTRING_NOTE),
        ProgrammeItem(exercise_id="glute_bridge", dose=BRIDGE, note=BRIDGE_NOTE),
        ProgrammeItem(exercise_id="cat_cow", dose=Dose(reps=6, rep_seconds=5, sets=1)),
    ],
)


def assigned(ctx: Context) -> Context:
    """The same patient, with their clinician's programme (as the server passes it in)."""
    return dataclasses.replace(ctx, programme=PROGRAMME)


def test_the_session_player_plays_the_clinicians_doses_and_notes_in_order(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    start = sessions.start(assigned(ctx))
    phases = web_script(start.phases, start.exercises)["phases"]
    order = list(dict.fromkeys(p["exercise_id"] for p in phases))
    assert order == ["seated_hamstring_stretch", "glute_bridge", "cat_cow"]
    work = {i: [p for p in phases if p["exercise_id"] == i and p["kind"] == PhaseKind.WORK] for i in order}
    assert [(p["side"], p["seconds"]) for p in work["seated_hamstring_stretch"]] == [
        ("left", 45),
        ("left", 45),
        ("right", 45),
        ("right", 45),
    ]
    assert [(p["reps"], p["seconds"], p["sets"]) for p in work["glute_bridge"]] == [(12, 48, 3)] * 3
    rests = [
        p["seconds"] for p in phases if p["exercise_id"] == "glute_bridge" and p["kind"] == PhaseKind.REST
    ]
    assert rests == [30, 30]
    assert len(work["cat_cow"]) == 1
    notes = {p["exercise_id"]: p["note"] for p in phases}
    assert notes == {"seated_hamstring_stretch": HAMSTRING_NOTE, "glute_bridge": BRIDGE_NOTE, "cat_cow": ""}
    assert all(p["note"] == notes[p["exercise_id"]] for p in phases), "the note shows in every phase"


def test_without_a_programme_the_automatic_plan_plays_as_before(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    automatic = sessions.start(ctx)
    assert all(item.dose is None and item.note == "" for item in automatic.plan.items)
    assert {p.exercise_id for p in automatic.phases} != {i.exercise_id for i in PROGRAMME.items}


def test_a_red_flag_comes_before_the_clinicians_programme(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers(red_flags=["saddle_numbness"])))
    patient = assigned(ctx)
    current = plans.current(patient)
    assert current is not None and current.plan is None
    with pytest.raises(NotAllowedError, match="see a clinician first"):
        sessions.start(patient)
    with pytest.raises(NotAllowedError):
        printable(patient)


def test_the_printable_programme_shows_the_clinicians_doses_and_notes(ctx: Context) -> None:
    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    reader = PdfReader(io.BytesIO(b"".join(printable(assigned(ctx)).chunks)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert plain(PROGRAMME.notes) in text
    for number, item in enumerate(PROGRAMME.items, start=1):
        assert f"{number}. {ctx.library.exercises[item.exercise_id].name}" in text
        assert plain(dose_words(item.dose)) in text
    for note in (BRIDGE_NOTE, HAMSTRING_NOTE):
        assert plain(f"{NOTE_WORDS} {note}") in text


def test_good_weeks_do_not_change_the_clinicians_programme(ctx: Context) -> None:
    """Two weeks of sessions that step an automatic plan up leave the programme (and the stored plan)
    as they were; the same journal without a programme does step up."""
    start = ctx.clock.now()
    intake.save_assessment(ctx, answers_from_dict(base_answers(pain_now=6)))
    first = plans.current(ctx)
    assert first is not None

    def on_day(n: int) -> Context:
        return dataclasses.replace(ctx, clock=FixedClock(start + dt.timedelta(days=n)))

    for n in range(15):
        day = assigned(on_day(n))
        checkins.log(day, max(1, 6 - n // 3))
        sessions.record(day, pain_before=3, pain_after=2)
        current = plans.current(day)
        assert current is not None and current.plan is not None
        assert current.plan_id == first.plan_id and current.change_reason is None
        assert [i.dose for i in current.plan.items] == [i.dose for i in PROGRAMME.items]
    automatic = on_day(15)
    sessions.record(automatic, pain_before=2, pain_after=2)
    stepped = plans.current(automatic)
    assert stepped is not None and stepped.plan_id != first.plan_id, "the control: these weeks step a plan up"


def test_the_terminal_player_shows_the_clinicians_note(ctx: Context) -> None:
    from rich.console import Console

    from unknot.cli.session import _phase_panel
    from unknot.core.player import Player

    intake.save_assessment(ctx, answers_from_dict(base_answers()))
    start = sessions.start(assigned(ctx))
    player = Player(start.phases)
    out = Console(width=200, record=True)
    out.print(_phase_panel(player, start.exercises["seated_hamstring_stretch"], []))
    assert f"{NOTE_WORDS} {HAMSTRING_NOTE}" in out.export_text()
