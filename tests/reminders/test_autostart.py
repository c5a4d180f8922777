"""`unknot breaks install|uninstall` write and remove the autostart files in the user's folders."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.helpers import ok_json, run_unknot
from unknot.reminders import autostart


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    monkeypatch.setenv("PATH", "/usr/local/bin:/usr/bin:/bin")  # no user systemd here: files only
    return folder


def test_install_writes_a_systemd_unit_and_an_autostart_entry(config_home: Path, home: Path) -> None:
    done = run_unknot("breaks", "install")
    assert done.returncode == 0, done.stderr
    unit = config_home / "systemd" / "user" / "unknot-breaks.service"
    entry = config_home / "autostart" / "unknot-breaks.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(unit.read_text())
    assert parser["Service"]["ExecStart"].endswith("-m unknot breaks run")
    assert parser["Service"]["Environment"] == f"UNKNOT_HOME={home}"
    assert parser["Install"]["WantedBy"] == "graphical-session.target"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.read_string(entry.read_text())
    assert "unknot breaks run" in desktop["Desktop Entry"]["Exec"]
    assert ok_json("breaks", "status", "--json")["autostart"] is True
    assert run_unknot("breaks", "uninstall").returncode == 0
    assert not unit.exists() and not entry.exists()
    assert ok_json("breaks", "status", "--json") == {
        "running": False,
        "source": None,
        "minutes_since_break": None,
        "paused_until": None,
        "autostart": False,
    }


TRICKY_HOME = 'my data/50% "back" $HOME `x` \\ end'


def desktop_exec_args(value: str) -> list[str]:
    """The arguments of a desktop entry's Exec value, read as the Desktop Entry Specification says."""
    value = value.replace("\\\\", "\\").replace("%%", "%")  # the value is a string: undo its escapes
    args: list[str] = []
    word, quoted, chars = "", False, iter(value)
    for c in chars:
        if quoted and c == "\\":
            word += next(chars)
        elif c == '"':
            quoted = not quoted
        elif c == " " and not quoted:
            args, word = [*args, word], ""
        else:
            word += c
    return [*args, word]


def test_unit_and_entry_keep_a_tricky_data_folder_exact(
    config_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / TRICKY_HOME
    monkeypatch.setenv("UNKNOT_HOME", str(home))
    files = autostart.linux_files()
    unit = files[config_home / "systemd" / "user" / autostart.UNIT]
    exec_start = next(x for x in unit.splitlines() if x.startswith("ExecStart="))
    literal = exec_start.removeprefix("ExecStart=").replace("%%", "%").replace("$$", "$")
    assert shlex.split(literal) == autostart.command()
    environment = next(x for x in unit.splitlines() if x.startswith("Environment="))
    assert shlex.split(environment.removeprefix("Environment=").replace("%%", "%")) == [f"UNKNOT_HOME={home}"]
    entry = files[config_home / "autostart" / "unknot-breaks.desktop"]
    exec_line = next(x for x in entry.splitlines() if x.startswith("Exec="))
    assert desktop_exec_args(exec_line.removeprefix("Exec=")) == [
        "env",
        f"UNKNOT_HOME={home}",
        *autostart.command(),
    ]


def test_systemd_accepts_the_unit(config_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        if os.environ.get("CI"):
            pytest.fail("CI must check the unit with systemd-analyze (package systemd, see .ci/run)")
        pytest.skip("systemd-analyze is not installed")
    monkeypatch.setenv("UNKNOT_HOME", str(tmp_path / TRICKY_HOME))
    [(unit_path, unit)] = [(p, t) for p, t in autostart.linux_files().items() if p.suffix == ".service"]
    unit_path.parent.mkdir(parents=True)
    unit_path.write_text(unit, encoding="utf-8")
    checked = subprocess.run(
        [analyze, "verify", "--man=no", str(unit_path)], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
