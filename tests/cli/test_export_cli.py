"""`unknot export --out FILE`: the same bytes as standard output, in a file written whole or not at all."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from tests.cli.helpers import run_unknot
from unknot.cli.exchange import write_whole


@pytest.mark.parametrize("format_", ["json", "csv", "fhir"])
def test_export_to_a_file_writes_what_stdout_gets(tmp_path: Path, format_: str) -> None:
    assert run_unknot("checkin", "--pain", "4", "--note", '=1+1, "quoted"').returncode == 0
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / f"journal.{format_}"
    done = run_unknot("export", "--format", format_, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "Wrote the journal" in done.stdout
    printed = run_unknot("export", "--format", format_).stdout.encode()
    assert undated(out.read_bytes()) == undated(printed)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == [out.name], "no temporary file left"


def undated(body: bytes) -> bytes:
    """Without a FHIR bundle's timestamp (the moment it was made)."""
    return re.sub(rb'"timestamp": "[^"]*"', b"", body)


def test_export_into_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    done = run_unknot("export", "--out", str(tmp_path / "nowhere" / "journal.json"))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "out: the folder" in done.stderr


def failing_after_a_chunk() -> Iterator[bytes]:
    yield b"half of a journal"
    raise RuntimeError("the journal could not be read")


def test_a_file_is_never_half_written(tmp_path: Path) -> None:
    earlier = tmp_path / "journal.json"
    earlier.write_bytes(b"yesterday's export")
    with pytest.raises(RuntimeError):
        write_whole(earlier, failing_after_a_chunk())
    assert earlier.read_bytes() == b"yesterday's export"
    with pytest.raises(RuntimeError):
        write_whole(tmp_path / "new.json", failing_after_a_chunk())
    assert [p.name for p in tmp_path.iterdir()] == ["journal.json"], "no file, and no temporary file"


def test_a_disk_that_refuses_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "a-folder"
    target.mkdir()  # renaming a file over a folder fails, as a full or read-only disk would
    with pytest.raises(typer.Exit):
        write_whole(target, [b"{}"])
    assert capsys.readouterr().err.startswith(f"out: cannot write {target}: ")
    assert [p.name for p in tmp_path.iterdir()] == ["a-folder"]
