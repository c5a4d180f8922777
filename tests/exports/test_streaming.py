"""The json, csv and fhir exports stream, and write what they wrote when they were built whole."""

from __future__ import annotations

import csv
import io

import pytest

from tests.exports.test_exports import fill
from tests.exports.whole import whole_csv, whole_fhir, whole_json
from unknot.services import Context, checkins, clearances, exports, plans, preferences, progress, sessions
from unknot.storage import batches, repository

NOTES = [
    'comma, and "quotes"',
    "two\nlines\r\nand a carriage return",
    "Ünïcödé — ✓ 痛み 🙂",
    "tab\tinside, trailing space ",
    "",
]


def fill_odd(ctx: Context) -> None:
    """`fill`, and what serialisers trip on: odd notes, days with only a session or only a score, a
    second plan, preferences."""
    fill(ctx)
    clearances.record(ctx, "fever_or_unwell", "2026-11-23")
    for n, note in enumerate(NOTES, start=1):
        checkins.log(ctx, n, None if n % 2 else 10, note, (), f"2026-10-{n:02d}")
    sessions.record(ctx, date_text="2026-10-20", pain_before=0, pain_after=10)
    sessions.record(ctx, date_text="2026-10-20", items_done=[])
    progress.answer(ctx, "peg", [7, 0, 3], "2026-10-21")
    preferences.change(ctx, {"session_time": "07:15", "seen_welcome": "on"})
    current = plans.current(ctx)
    assert current is not None and current.plan is not None and current.plan_id is not None
    with ctx.store.writing() as db:
        _, assessment = repository.plan_started(db, current.plan_id)
        repository.add_plan(db, assessment, current.plan, "Eased off: two hard weeks.", ctx.now())


def whole(ctx: Context, format_: str) -> bytes:
    with ctx.store.reading() as db:
        if format_ == "json":
            return whole_json(db)
        if format_ == "csv":
            return whole_csv(db, list(ctx.library.questionnaires))
        return whole_fhir(db, ctx.library.questionnaires, ctx.now())


@pytest.mark.parametrize("format_", ["json", "csv", "fhir"])
def test_exports_are_byte_for_byte_what_the_whole_journal_gave(ctx: Context, format_: str) -> None:
    fill_odd(ctx)
    assert exports.export(ctx, format_).body == whole(ctx, format_)


@pytest.mark.parametrize("format_", ["json", "csv", "fhir"])
def test_an_empty_journal_exports_as_before(ctx: Context, format_: str) -> None:
    assert exports.export(ctx, format_).body == whole(ctx, format_)


@pytest.mark.parametrize("format_", ["json", "csv", "fhir"])
def test_small_batches_and_chunks_write_the_same_bytes(
    ctx: Context, format_: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_odd(ctx)
    monkeypatch.setattr(batches, "BATCH", 2)
    monkeypatch.setattr(exports, "CHUNK", 40)
    chunks = list(exports.export(ctx, format_).chunks)
    assert len(chunks) > 10, "written as it is read, not at the end"
    assert b"".join(chunks) == whole(ctx, format_)


def test_a_stream_reads_the_journal_afresh_each_time(ctx: Context) -> None:
    exported = exports.export(ctx, "csv")
    before = exported.body
    checkins.log(ctx, 4, None, "later", (), "2026-11-20")
    assert exported.body != before and exported.body.endswith(b"2026-11-20,4,,0,,,,later\n")


FORMULAS = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(1)", "\tcmd", "\rcmd"]
ROW_BREAKS = ["x\r=HYPERLINK(1)", "y\n@SUM(1)"]  # quoted: no row of their own, no formula


def test_csv_cells_that_would_run_as_formulas_are_text(ctx: Context) -> None:
    for n, note in enumerate([*FORMULAS, "a=b stays", "-", *ROW_BREAKS], start=1):
        checkins.log(ctx, n % 11, 10 - n, note, (), f"2026-10-{n:02d}")
    progress.answer(ctx, "peg", [7, 0, 3], "2026-10-01")
    rows = list(csv.DictReader(io.StringIO(exports.export(ctx, "csv").body.decode())))
    assert [r["note"] for r in rows] == [*(f"'{f}" for f in FORMULAS), "a=b stays", "'-", *ROW_BREAKS]
    assert [int(r["pain"]) for r in rows] == [n % 11 for n in range(1, 11)], "numbers stay numbers"
    assert [int(r["stiffness"]) for r in rows] == [10 - n for n in range(1, 11)]
    assert rows[0]["peg"] == "3.3" and rows[0]["sessions_completed"] == "0"
