"""Content is data: a kind added as a file only flows everywhere, and any file can be checked alone."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from pypdf import PdfReader

from unknot.content.loader import ContentError, check_file, load_library
from unknot.content.schema import Library
from unknot.core.clock import FixedClock
from unknot.core.errors import UserError
from unknot.exports.pdf import report_pdf
from unknot.exports.report import report_html
from unknot.services import Context, backup, exports, progress, reports
from unknot.settings import Settings
from unknot.storage.engine import open_store

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = Path(str(resources.files("unknot.content") / "data"))
NEW_FORM = """\
id: sleep_check
name: Sleep and back pain check
short_name: SLEEP-2
score_label: Sleep check score (count of 2 sentences ticked, 0-2)
instructions: Tick each sentence that describes your last night.
response: tick
items:
  - {id: woke, text: My back woke me up.}
  - {id: late, text: My back kept me from falling asleep.}
scoring: count
first_due_day: 3
every_days: 7
licence: Written for this test.
sources: [nice_ng59]
"""


@pytest.fixture
def grown(tmp_path: Path) -> Library:
    """The shipped content plus one questionnaire, added as a file and nothing else."""
    content = tmp_path / "content"
    shutil.copytree(SHIPPED, content)
    (content / "questionnaires" / "sleep_check.yaml").write_text(NEW_FORM, encoding="utf-8")
    return load_library(content)  # type: ignore[arg-type]


def _context(home: Path, library: Library, clock: FixedClock) -> Context:
    settings = Settings(home=home)
    return Context(settings, open_store(settings), clock, library)


def test_a_questionnaire_added_as_a_file_is_answered_exported_and_reported(
    grown: Library, tmp_path: Path, clock: FixedClock, library: Library
) -> None:
    ctx = _context(tmp_path / "one", grown, clock)
    saved = progress.answer(ctx, "sleep_check", [1, 0])
    assert saved.response.score == 1 and not saved.replaced
    assert "sleep_check" in [d.questionnaire for d in progress.due(ctx)]

    table = list(csv.DictReader(io.StringIO(exports.export(ctx, "csv").body.decode())))
    assert table[0]["sleep_check"] == "1" and table[0]["peg"] == ""
    bundle = json.loads(exports.export(ctx, "fhir").body)
    [score] = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    assert score["code"]["text"].startswith("Sleep check score") and score["valueInteger"] == 1

    view = reports.report(ctx)
    html = report_html(view)
    assert "SLEEP-2" in html and "1 / 2" in html and html.count('<svg class="chart"') == 1
    pdf = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(report_pdf(view))).pages)
    assert "SLEEP-2" in pdf and "1 / 2" in pdf

    document = exports.export(ctx, "json").body
    again = _context(tmp_path / "two", grown, clock)
    assert backup.import_document(again, document)["assessments"] == 0
    assert progress.responses(again) == progress.responses(ctx)
    without = _context(tmp_path / "three", library, clock)
    with pytest.raises(UserError, match="unknown questionnaire 'sleep_check'"):
        backup.import_document(without, document)


def test_an_imported_score_must_be_the_score_of_its_answers(
    grown: Library, tmp_path: Path, clock: FixedClock
) -> None:
    ctx = _context(tmp_path / "one", grown, clock)
    progress.answer(ctx, "peg", [6, 5, 4])
    document = json.loads(exports.export(ctx, "json").body)
    document["questionnaires"][0]["score"] = 9
    empty = _context(tmp_path / "two", grown, clock)
    with pytest.raises(UserError, match=r"questionnaires\.0: .*not the PEG-3 score of its answers"):
        backup.import_document(empty, json.dumps(document))


def check(*paths: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    script = ROOT / "scripts" / "check_content_file.py"
    return subprocess.run(
        [sys.executable, str(script), *map(str, paths)], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_the_checker_script_checks_every_kind_from_any_folder(tmp_path: Path) -> None:
    files = [SHIPPED / "safety.yaml"]
    kinds = ("sources", "exercises", "causes", "therapies", "habits", "questionnaires", "lessons")
    files += [next((SHIPPED / kind).glob("*.yaml")) for kind in kinds]
    done = check(*files, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("ok   ") == 8


def test_the_checker_names_the_file_and_field_of_a_mistake(tmp_path: Path) -> None:
    folder = tmp_path / "exercises"
    folder.mkdir()
    broken = folder / "cat_cow.yaml"
    broken.write_text(
        (SHIPPED / "exercises" / "cat_cow.yaml").read_text().replace("kind: mobility", "kind: yoga")
    )
    new = tmp_path / "habits" / "stand_more.yaml"
    new.parent.mkdir()
    new.write_text((SHIPPED / "habits" / "posture.yaml").read_text().replace("id: posture", "id: stand_more"))
    done = check(broken, new, cwd=tmp_path)
    assert done.returncode == 1
    assert "FAIL" in done.stdout and "exercises/cat_cow.yaml: kind:" in done.stdout
    assert "ok   " in done.stdout and "habits/stand_more.yaml" in done.stdout


def test_the_checker_reads_a_pose_as_geometry(tmp_path: Path) -> None:
    folder = tmp_path / "exercises"
    folder.mkdir()
    moved = folder / "wall_push_up.yaml"
    shipped = (SHIPPED / "exercises" / "wall_push_up.yaml").read_text()
    wall = re.search(r"\{kind: wall, x: (-?[0-9.]+)\}", shipped)
    assert wall is not None
    moved.write_text(shipped.replace(wall.group(0), f"{{kind: wall, x: {float(wall.group(1)) + 20}}}"))
    done = check(moved, cwd=tmp_path)
    assert done.returncode == 1
    assert "FAIL" in done.stdout and ": pose: '" in done.stdout and "hand_right is +" in done.stdout


def test_a_file_outside_a_content_folder_is_refused(tmp_path: Path) -> None:
    stray = tmp_path / "notes" / "cat_cow.yaml"
    stray.parent.mkdir()
    stray.write_text("id: cat_cow\n")
    with pytest.raises(ContentError, match="not a content file"):
        check_file(stray)
