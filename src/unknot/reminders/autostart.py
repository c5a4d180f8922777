"""Start the reminders at login: a systemd user unit and an XDG autostart entry on Linux, a launchd
agent on macOS, a Startup entry on Windows. Only files in the user's own folders are touched."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

UNIT = "unknot-breaks.service"


def config_home() -> Path:
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")


def command() -> list[str]:
    return [sys.executable, "-m", "unknot", "breaks", "run"]


def environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k == "UNKNOT_HOME"}


def linux_files() -> dict[Path, str]:
    line = shlex.join(command())
    env = "".join(f"Environment={k}={v}\n" for k, v in environment().items())
    unit = (
        "[Unit]\nDescription=unknot break and water reminders\nPartOf=graphical-session.target\n"
        "After=graphical-session.target\n\n"
        f"[Service]\nExecStart={line}\n{env}Restart=on-failure\n\n[Install]\nWantedBy=graphical-session.target\n"
    )
    prefix = "".join(f"{k}={shlex.quote(v)} " for k, v in environment().items())
    launch = f"env {prefix}{line}" if prefix else line
    desktop = (
        "[Desktop Entry]\nType=Application\nName=unknot break reminders\n"
        f"Exec={launch}\nX-GNOME-Autostart-enabled=true\nNoDisplay=true\n"
        # Where systemd runs the unit, these keep the entry aside; the daemon's lock stops any twin.
        "X-systemd-skip=true\nX-GNOME-HiddenUnderSystemd=true\n"
    )
    return {
        config_home() / "systemd" / "user" / UNIT: unit,
        config_home() / "autostart" / "unknot-breaks.desktop": desktop,
    }


def mac_files() -> dict[Path, str]:
    args = "".join(f"<string>{part}</string>" for part in command())
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
    return {startup / "unknot-breaks.cmd": f'@start "" /min {subprocess.list2cmdline(command())}\r\n'}


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
