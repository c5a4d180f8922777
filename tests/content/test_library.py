"""Every shipped content file loads, cross-references resolve, and the library covers what it must."""

from __future__ import annotations

import itertools
import re
import shutil
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from unknot.content.loader import ContentError, load_library
from unknot.content.schema import Library, Muscle, Position


def test_all_content_loads_and_is_indexed(library: Library) -> None:
    assert len(library.exercises) >= 30
    assert set(library.causes) == {"trauma", "overuse", "tight_hamstrings", "sitting_posture"}
    assert set(library.therapies) == {"heat", "cold", "self_massage"}
    assert {"hydration", "movement_breaks", "posture", "lifting", "walking"} <= set(library.habits)
    assert len(library.lessons) >= 8


def test_coverage_of_muscle_groups(library: Library) -> None:
    counts = Counter(t for e in library.exercises.values() for t in e.targets)
    for muscle in (Muscle.HAMSTRINGS, Muscle.LUMBAR, Muscle.NECK):
        assert counts[muscle] >= 4, muscle
    for muscle in (Muscle.QUADRICEPS, Muscle.UPPER_BACK, Muscle.HIP_FLEXORS, Muscle.GLUTES):
        assert counts[muscle] >= 2, muscle


def test_desk_exercises_include_seated_neck_rolls(library: Library) -> None:
    desk = [e for e in library.exercises.values() if e.desk_friendly]
    assert len(desk) >= 5
    assert "seated_neck_rolls" in {e.id for e in desk}
    assert all(e.position is Position.SEATED for e in desk)


def test_every_exercise_is_complete(library: Library) -> None:
    for e in library.exercises.values():
        assert 1 <= len(e.steps) <= 5, e.id
        assert e.feel and e.stop_if and e.cautions and e.regression and e.progression, e.id
        assert e.sources and all(s in library.sources for s in e.sources), e.id
        assert any(f.hold for f in e.pose.keyframes) or e.dose.standard.reps, e.id


def test_stretch_holds_follow_acsm(library: Library) -> None:
    """Static stretches hold 10-60 s (ACSM), and no dose runs absurdly long."""
    for e in library.exercises.values():
        for dose in (e.dose.gentle, e.dose.standard, e.dose.advanced):
            if dose is None:
                continue
            if e.kind == "stretch" and dose.hold_seconds:
                assert 10 <= dose.hold_seconds <= 60, e.id
            assert dose.total_seconds <= 300, e.id


def test_heat_and_cold_never_exceed_twenty_minutes(library: Library) -> None:
    for therapy in library.therapies.values():
        assert therapy.default_minutes <= therapy.max_minutes <= 20
        assert len(therapy.safety_checks) >= 2


def test_red_flags_ask_explicit_questions(library: Library) -> None:
    assert len(library.safety.flags) == 14
    assert all(f.question.rstrip().endswith("?") for f in library.safety.flags)
    assert len(library.safety.stop_rules) == 3


def test_no_cure_claims_or_discouraged_treatments(library: Library) -> None:
    banned = ("cure", "permanent relief", "guarantee", "corset", "tens ", "traction", "ultrasound")
    for path in Path(str(resources.files("unknot.content") / "data")).rglob("*.yaml"):
        if path.parent.name == "sources":
            continue
        text = path.read_text(encoding="utf-8").lower()
        for word in banned:  # as a word: a pose's shoulder "protraction" is not traction
            assert not re.search(rf"\b{word}", text), f"{path.name}: '{word}'"


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    source = Path(str(resources.files("unknot.content") / "data"))
    target = tmp_path / "data"
    shutil.copytree(source, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unknown_field_is_refused_naming_file_and_field(content_copy: Path) -> None:
    path = content_copy / "exercises" / "seated_hamstring_stretch.yaml"
    _edit(path, "kind: stretch", "kind: stretch\ncolour: red")
    with pytest.raises(ContentError, match=r"exercises/seated_hamstring_stretch.yaml: colour"):
        load_library(content_copy)  # type: ignore[arg-type]


def test_unknown_source_is_refused(content_copy: Path) -> None:
    path = content_copy / "exercises" / "seated_hamstring_stretch.yaml"
    _edit(path, "sources: [", "sources: [made_up_2099, ")
    with pytest.raises(ContentError, match="unknown source 'made_up_2099'"):
        load_library(content_copy)  # type: ignore[arg-type]


def test_unknown_habit_in_a_cause_is_refused(content_copy: Path) -> None:
    _edit(content_copy / "causes" / "sitting_posture.yaml", "habits: [", "habits: [yoga_mat, ")
    with pytest.raises(ContentError, match="unknown habit 'yoga_mat'"):
        load_library(content_copy)  # type: ignore[arg-type]


def test_file_name_must_match_id(content_copy: Path) -> None:
    shutil.move(content_copy / "habits" / "posture.yaml", content_copy / "habits" / "sitting.yaml")
    with pytest.raises(ContentError, match="id must match the file name"):
        load_library(content_copy)  # type: ignore[arg-type]


def test_therapy_over_twenty_minutes_is_refused(content_copy: Path) -> None:
    _edit(content_copy / "therapies" / "heat.yaml", "max_minutes: 20", "max_minutes: 30")
    with pytest.raises(ContentError, match="max_minutes"):
        load_library(content_copy)  # type: ignore[arg-type]


def test_red_flag_urgency_is_part_of_the_contract(content_copy: Path) -> None:
    path = content_copy / "safety.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: saddle_numbness")
    _edit(
        path,
        text[start : text.index("urgency: emergency", start) + 18],
        "- id: saddle_numbness\n    urgency: see_clinician\n    when_cleared: Still watch for changes.",
    )
    with pytest.raises(ContentError, match="'saddle_numbness' must have urgency emergency"):
        load_library(content_copy)  # type: ignore[arg-type]


def test_every_urgency_needs_follow_up_words(content_copy: Path) -> None:
    path = content_copy / "safety.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("follow_up_actions:")
    emergency = text.index("  emergency:", start)
    _edit(path, text[emergency : text.index("  see_clinician:", emergency)], "")
    with pytest.raises(ContentError, match="follow_up_actions needs words for emergency"):
        load_library(content_copy)  # type: ignore[arg-type]


def test_a_clinician_can_add_an_exercise_without_code(content_copy: Path, library: Library) -> None:
    original = (content_copy / "exercises" / "seated_hamstring_stretch.yaml").read_text(encoding="utf-8")
    new = original.replace("id: seated_hamstring_stretch", "id: towel_hamstring_stretch_two")
    (content_copy / "exercises" / "towel_hamstring_stretch_two.yaml").write_text(new, encoding="utf-8")
    grown = load_library(content_copy)  # type: ignore[arg-type]
    assert len(grown.exercises) == len(library.exercises) + 1


@pytest.mark.parametrize(
    ("harder", "words"),
    [("moonwalk", "no other exercise 'moonwalk'"), ("cat_cow", "must be a strength of pattern side_plank")],
)
def test_a_harder_version_must_exist_and_train_the_same_movement(
    content_copy: Path, harder: str, words: str
) -> None:
    _edit(content_copy / "exercises" / "side_plank_knees.yaml", "harder: side_plank", f"harder: {harder}")
    with pytest.raises(ContentError, match=words):
        load_library(content_copy)  # type: ignore[arg-type]


def test_strength_progresses_in_repetitions_or_sets_not_only_in_time(library: Library) -> None:
    for exercise in library.exercises.values():
        doses = [d for d in (exercise.dose.gentle, exercise.dose.standard, exercise.dose.advanced) if d]
        if exercise.kind.value != "strength" or len(doses) < 2:
            continue
        for easier, harder in itertools.pairwise(doses):
            more = (harder.reps or 0) > (easier.reps or 0) or harder.sets > easier.sets
            assert more, f"{exercise.id}: each level does more repetitions or sets"


@pytest.mark.parametrize(
    ("day", "words"), [("0", "greater than or equal to 1"), ("8", "less than or equal to 7")]
)
def test_a_questionnaire_is_first_due_within_the_first_week(content_copy: Path, day: str, words: str) -> None:
    _edit(content_copy / "questionnaires" / "peg.yaml", "first_due_day: 2", f"first_due_day: {day}")
    with pytest.raises(
        ContentError, match=rf"questionnaires/peg\.yaml: first_due_day: Input should be {words}"
    ):
        load_library(content_copy)  # type: ignore[arg-type]


def test_at_most_one_questionnaire_is_due_on_day_one(content_copy: Path) -> None:
    _edit(content_copy / "questionnaires" / "peg.yaml", "first_due_day: 2", "first_due_day: 1")
    assert load_library(content_copy).questionnaires["peg"].first_due_day == 1  # type: ignore[arg-type]
    _edit(content_copy / "questionnaires" / "rmdq.yaml", "first_due_day: 4", "first_due_day: 1")
    with pytest.raises(ContentError, match=r"rmdq\.yaml: first_due_day: at most one questionnaire"):
        load_library(content_copy)  # type: ignore[arg-type]
