"""Disks that will not take a write: a full one and a read-only copy (real tmpfs mounts), and a
shared data folder whose modes unknot must leave alone."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.helpers import run_unknot


def mount(where: Path, *options: str) -> None:
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(where)], check=False)
    if done.returncode != 0:
        pytest.skip("this machine does not let the tests mount a small disk (tmpfs)")


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A small disk of its own: 2 MiB of tmpfs."""
    where = tmp_path / "disk"
    where.mkdir()
    mount(where, "size=2m")
    yield where
    subprocess.run(["umount", "-l", str(where)], check=False)


def one_line_error(*args: str, home: Path) -> str:
    done = run_unknot(*args, home=home)
    assert done.returncode == 2 and done.stdout == "", done.stdout + done.stderr
    [line] = done.stderr.splitlines()
    return line


def a_journal(home: Path) -> None:
    for day, pain in (("2026-01-01", 4), ("2026-01-02", 5)):
        assert (
            run_unknot("checkin", "--pain", str(pain), "--date", day, "--note", "kept", home=home).returncode
            == 0
        )


def test_a_read_only_copy_is_shown_and_exported_but_never_changed(disk: Path) -> None:
    home = disk / "unknot"
    a_journal(home)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    history = run_unknot("history", "--json", home=home)
    assert history.returncode == 0 and '"note": "kept"' in history.stdout
    exported = run_unknot("export", "--format", "json", home=home)
    assert exported.returncode == 0 and exported.stdout.count('"pain"') == 2
    assert run_unknot("progress", "--json", home=home).returncode == 0
    line = one_line_error("checkin", "--pain", "3", home=home)
    assert line.startswith("database: cannot save to ") and "nothing changed" in line


def test_a_full_disk_is_one_line_and_loses_nothing(disk: Path) -> None:
    home = disk / "unknot"
    a_journal(home)
    with open(disk / "filler", "wb") as filler:  # take every free byte
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        except OSError:
            pass
    line = one_line_error("checkin", "--pain", "6", "--date", "2026-01-03", "--note", "x" * 1900, home=home)
    assert line.startswith("database: cannot save to ") and "full" in line
    history = run_unknot("history", "--json", home=home)
    assert history.returncode == 0 and history.stdout.count('"note": "kept"') == 2


def test_an_existing_data_folder_keeps_its_modes_and_a_new_one_is_private(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    assert run_unknot("checkin", "--pain", "3", home=shared).returncode == 0
    assert stat.S_IMODE(os.stat(shared).st_mode) == 0o1777, "a shared folder keeps its sticky bit"
    new = tmp_path / "new" / "unknot"
    assert run_unknot("checkin", "--pain", "3", home=new).returncode == 0
    assert stat.S_IMODE(os.stat(new).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(new / "unknot.db").st_mode) == 0o600
