"""`unknot programme` and `unknot exercises sheet`: files to print or review, written whole or not at all."""

from __future__ import annotations

import io
import json
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from tests.cli.helpers import run_unknot
from tests.strategies import base_answers


def one_error(done: object) -> str:
    assert done.returncode == 2  # type: ignore[attr-defined]
    lines = done.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and done.stdout == "", done.stderr  # type: ignore[attr-defined]
    return lines[0]


def test_programme_writes_the_printable_sheet(tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(base_answers()), encoding="utf-8")
    out = tmp_path / "plan.pdf"
    refused = one_error(run_unknot("programme", "--out", str(out)))
    assert refused == "programme: no saved assessment yet; answer the questions first ('unknot start')"
    assert not out.exists()
    assert run_unknot("assess", "--answers", str(answers), "--save").returncode == 0
    done = run_unknot("programme", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Wrote your programme to" in done.stdout
    text = PdfReader(out).pages[0].extract_text()
    assert text.startswith("Your home exercise programme") and "Stop if:" in text
    assert one_error(run_unknot("programme", "--out", str(tmp_path / "plan.txt"))) == (
        "out: the programme is written as .pdf, not '.txt'"
    )
    assert one_error(run_unknot("programme", "--out", str(tmp_path / "missing" / "plan.pdf"))).startswith(
        "out: the folder"
    )


def test_the_contact_sheet_draws_every_exercise(tmp_path: Path) -> None:
    svg, png = tmp_path / "sheet.svg", tmp_path / "sheet.png"
    done = run_unknot("exercises", "sheet", "--out", str(svg))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Drew 52 exercises to")
    drawn = svg.read_text(encoding="utf-8")
    assert drawn.startswith("<svg") and ">Sit to stand</text>" in drawn
    assert run_unknot("exercises", "sheet", "--out", str(png)).returncode == 0
    image = Image.open(io.BytesIO(png.read_bytes()))
    assert image.format == "PNG" and image.height > image.width
    assert one_error(run_unknot("exercises", "sheet", "--out", str(tmp_path / "sheet.jpg"))) == (
        "out: the sheet is written as .svg or .png, not '.jpg'"
    )
