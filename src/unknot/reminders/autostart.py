"""Start the reminders at login: a systemd user unit and an XDG autostart entry on Linux, a launchd
agent on macOS, a Startup entry on Windows. Only files in the user's own folders are touched."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

UNIT = "unknot-breaks.service"
PLAIN_WORD = re.compile(r"[\w./:=+,@-]+", re.ASCII)  # needs no quoting in a unit file or an Exec key


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def command() -> list[str]:
    return [sys.executable, "-m", "unknot", "breaks", "run"]


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k == "UNKNOT_HOME"}


def systemd_word(text: str, *, command_line: bool = True) -> str:
    """One word for a unit file: double-quoted when needed, with specifiers (%) kept literal, and in a
    command line (where systemd expands them) variables ($) too."""
    if PLAIN_WORD.fullmatch(text):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%")
    return f'"{escaped.replace("$", "$$") if command_line else escaped}"'


def desktop_word(text: str) -> str:
    """One argument of a desktop entry's Exec key, quoted as the Desktop Entry Specification says."""
    if PLAIN_WORD.fullmatch(text):
        return text
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in text)
    # The key's value is itself a string where a backslash escapes, and % starts a field code.
    return '"' + quoted.replace("\\", "\\\\").replace("%", "%%") + '"'


def linux_files() -> dict[Path, str]:
    env = environment()
    exec_start = " ".join(systemd_word(part) for part in command())
    assignments = "".join(
        f"Environment={systemd_word(f'{k}={v}', command_line=False)}\n" for k, v in env.items()
    )
    unit = (
        "[Unit]\nDescription=unknot break and water reminders\nPartOf=graphical-session.target\n"
        "After=graphical-session.target\n\n"
        f"[Service]\nExecStart={exec_start}\n{assignments}Restart=on-failure\n\n"
        "[Install]\nWantedBy=graphical-session.target\n"
    )
    launch = ["env", *(f"{k}={v}" for k, v in env.items()), *command()] if env else command()
    desktop = (
        "[Desktop Entry]\nType=Application\nName=unknot break reminders\n"
        f"Exec={' '.join(desktop_word(part) for part in launch)}\nX-GNOME-Autostart-enabled=true\n"
        "NoDisplay=true\n"
        # Where systemd runs the unit, these keep the entry aside; the daemon's lock stops any twin.
        "X-systemd-skip=true\nX-GNOME-HiddenUnderSystemd=true\n"
    )
    return {
        config_home() / "systemd" / "user" / UNIT: unit,
        config_home() / "autostart" / "unknot-breaks.desktop": desktop,
    }


def mac_files() -> dict[Path, str]:
    args = "".join(f"<string>{xml_escape(part)}</string>" for part in command())
    plist = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict><key>Label</key>'
        f"<string>org.unknot.breaks</string><key>ProgramArguments</key><array>{args}</array>"
        "<key>RunAtLoad</key><true/><key>KeepAlive</key><false/></dict></plist>\n"
    )
    return {Path.home() / "Library" / "LaunchAgents" / "org.unknot.breaks.plist": plist}


def windows_files() -> dict[Path, str]:
    startup = (
        Path(os.environ.get("APPDATA", Path.home()))
        / "Microsoft"
        / "Windows"
        / "Start Menu"
        / "Programs"
        / "Startup"
    )
    line = subprocess.list2cmdline(command()).replace("%", "%%")
    return {startup / "unknot-breaks.cmd": f'@start "" /min {line}\r\n'}


def platform_files() -> dict[Path, str]:
    if sys.platform == "darwin":
        return mac_files()
    if sys.platform == "win32":
        return windows_files()
    return linux_files()


def install() -> list[str]:
    """Write the autostart files; enable the systemd unit when a user systemd is running."""
    done = []
    for path, text in platform_files().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        done.append(f"wrote {path}")
    if sys.platform.startswith("linux") and shutil.which("systemctl") and _systemd_user_running():
        subprocess.run(["systemctl", "--user", "daemon-reload"], check=False)
        subprocess.run(["systemctl", "--user", "enable", "--now", UNIT], check=False)
        done.append(f"enabled and started {UNIT}")
    return done


def uninstall() -> list[str]:
    done = []
    if sys.platform.startswith("linux") and shutil.which("systemctl") and _systemd_user_running():
        subprocess.run(["systemctl", "--user", "disable", "--now", UNIT], check=False, capture_output=True)
        done.append(f"disabled {UNIT}")
    for path in platform_files():
        if path.exists():
            path.unlink()
            done.append(f"removed {path}")
    return done


def installed() -> bool:
    return all(path.exists() for path in platform_files())


def _systemd_user_running() -> bool:
    probe = subprocess.run(
        ["systemctl", "--user", "is-system-running"], capture_output=True, text=True, check=False
    )
    return probe.stdout.strip() in ("running", "degraded")
