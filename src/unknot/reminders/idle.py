"""How long the user has been idle, from whatever the platform offers. Chosen automatically.

X11: the XScreenSaver extension. GNOME on Wayland: Mutter's IdleMonitor over D-Bus. Other Wayland
sessions: logind's idle hint. macOS: the HID system's idle time. Windows: GetLastInputInfo.
A locked screen receives no input, so it counts as idle everywhere; suspend is handled by the daemon.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any, Protocol

from unknot.reminders import bus


class IdleSource(Protocol):
    name: str

    def idle_seconds(self) -> float: ...


class IdleUnavailableError(RuntimeError):
    pass


class XScreenSaverInfo(ctypes.Structure):
    _fields_ = [
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    ]


class X11Idle:
    name = "X11 (XScreenSaver extension)"

    def __init__(self) -> None:
        x11, xss = ctypes.util.find_library("X11"), ctypes.util.find_library("Xss")
        if not os.environ.get("DISPLAY") or not x11 or not xss:
            raise IdleUnavailableError("no X display, or libXss is not installed")
        self.xlib, self.xss = ctypes.CDLL(x11), ctypes.CDLL(xss)
        self.xlib.XOpenDisplay.restype = ctypes.c_void_p
        self.xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        self.xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(XScreenSaverInfo)
        self.xss.XScreenSaverQueryInfo.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(XScreenSaverInfo),
        ]
        self.display = self.xlib.XOpenDisplay(None)
        if not self.display:
            raise IdleUnavailableError(f"cannot open the X display {os.environ.get('DISPLAY')}")
        self.root = self.xlib.XDefaultRootWindow(self.display)
        self.info = self.xss.XScreenSaverAllocInfo()
        self.idle_seconds()

    def idle_seconds(self) -> float:
        if not self.xss.XScreenSaverQueryInfo(self.display, self.root, self.info):
            raise IdleUnavailableError("the X server has no XScreenSaver extension")
        return float(self.info.contents.idle) / 1000


class BusIdle:
    """An idle source asked over D-Bus, on the connection `connect` opens; asked once when made, so a
    desktop without it is found out at once."""

    name = ""

    def __init__(self, connect: Callable[[], Any]) -> None:
        self.connection = connect()
        self.idle_seconds()

    def idle_seconds(self) -> float:
        raise NotImplementedError


class MutterIdle(BusIdle):
    name = "GNOME (Mutter IdleMonitor over D-Bus)"

    def __init__(self) -> None:
        super().__init__(bus.session)

    def idle_seconds(self) -> float:
        (milliseconds,) = bus.call(
            self.connection,
            "org.gnome.Mutter.IdleMonitor",
            "/org/gnome/Mutter/IdleMonitor/Core",
            "org.gnome.Mutter.IdleMonitor",
            "GetIdletime",
        )
        return float(milliseconds) / 1000


class LogindIdle(BusIdle):
    name = "logind idle hint (D-Bus)"

    def __init__(self) -> None:
        super().__init__(bus.system)

    def idle_seconds(self) -> float:
        path = "/org/freedesktop/login1/session/auto"
        if not bus.get_property(
            self.connection, "org.freedesktop.login1", path, "org.freedesktop.login1.Session", "IdleHint"
        ):
            return 0.0
        since = bus.get_property(
            self.connection, "org.freedesktop.login1", path, "org.freedesktop.login1.Session", "IdleSinceHint"
        )
        return max(0.0, time.time() - float(since) / 1e6)


class MacIdle:
    name = "macOS (HID idle time)"

    def __init__(self) -> None:
        if sys.platform != "darwin":
            raise IdleUnavailableError("not macOS")
        self.idle_seconds()

    def idle_seconds(self) -> float:
        output = subprocess.run(
            ["ioreg", "-c", "IOHIDSystem"], capture_output=True, text=True, check=True
        ).stdout
        found = re.search(r'"HIDIdleTime" = (\d+)', output)
        if not found:
            raise IdleUnavailableError("ioreg gave no HIDIdleTime")
        return int(found.group(1)) / 1e9


class WindowsIdle:
    name = "Windows (GetLastInputInfo)"

    class LastInput(ctypes.Structure):
        _fields_ = [("size", ctypes.c_uint), ("time", ctypes.c_uint)]

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise IdleUnavailableError("not Windows")
        self.windows: Any = ctypes.windll

    def idle_seconds(self) -> float:
        info = self.LastInput(ctypes.sizeof(self.LastInput), 0)
        self.windows.user32.GetLastInputInfo(ctypes.byref(info))
        return float(self.windows.kernel32.GetTickCount() - info.time) / 1000


def choose() -> IdleSource:
    """The first source that works here, in order of how precise it is for this kind of session."""
    wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    gnome = "gnome" in os.environ.get("XDG_CURRENT_DESKTOP", "").lower()
    linux: list[Any] = (
        [MutterIdle, X11Idle, LogindIdle] if wayland and gnome else [X11Idle, MutterIdle, LogindIdle]
    )
    order: list[Any] = [MacIdle, WindowsIdle, *linux]
    problems = []
    for source in order:
        try:
            found: IdleSource = source()
            return found
        except (IdleUnavailableError, OSError, bus.BusError) as exc:
            problems.append(f"{source.name}: {exc}")
    raise IdleUnavailableError("no way to read idle time here: " + "; ".join(problems))
