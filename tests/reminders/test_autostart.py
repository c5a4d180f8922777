"""`unknot breaks install|uninstall` write and remove the autostart files in the user's folders."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest

from tests.cli.helpers import ok_json, run_unknot


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
