"""Desktop notifications over D-Bus (org.freedesktop.Notifications), with actions where supported."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections import deque
from pathlib import Path
from typing import Any

from jeepney import MatchRule
from jeepney.io.blocking import DBusConnection
from jeepney.low_level import HeaderFields, Message

from unknot.reminders import bus

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Notifier:
    """Shows notifications and collects what the user clicked, without blocking."""

    def __init__(self, connection: DBusConnection | None = None) -> None:
        self.connection = connection or bus.session()
        self.events: deque[Message] = deque(maxlen=64)
        self.filters: list[Any] = []
        for member in ("ActionInvoked", "NotificationClosed"):
            rule = MatchRule(type="signal", interface=NAME, member=member, path=PATH)
            bus.call(
                self.connection,
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus",
                "AddMatch",
                "s",
                (rule.serialise(),),
            )
            self.filters.append(self.connection.filter(rule, queue=self.events, bufsize=64))
        (capabilities,) = bus.call(self.connection, NAME, PATH, NAME, "GetCapabilities")
        self.actions = "actions" in capabilities
        self.links = "body-hyperlinks" in capabilities
        self.images = bool({"icon-static", "icon-multi", "body-images"} & set(capabilities))

    def do_not_disturb(self) -> bool:
        """Whether the notification service says notifications are held back (its Inhibited property,
        or GNOME's banners switched off)."""
        with contextlib.suppress(bus.BusError):
            if bus.get_property(self.connection, NAME, PATH, NAME, "Inhibited"):
                return True
        if shutil.which("gsettings"):
            probe = ["gsettings", "get", "org.gnome.desktop.notifications", "show-banners"]
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                result = subprocess.run(probe, capture_output=True, text=True, timeout=2, check=False)
                return result.stdout.strip() == "false"
        return False

    def show(
        self, summary: str, body: str, actions: list[tuple[str, str]], replaces: int = 0, image: str = ""
    ) -> int:
        """Show a notification (with `image`, a PNG file, where the service shows images); its id."""
        flat = [part for key, label in actions for part in (key, label)] if self.actions else []
        hints: dict[str, tuple[str, Any]] = {"urgency": ("y", 1), "category": ("s", "presence")}
        if image and self.images:
            hints["image-path"] = ("s", Path(image).as_uri())
        (notification_id,) = bus.call(
            self.connection,
            NAME,
            PATH,
            NAME,
            "Notify",
            "susssasa{sv}i",
            ("unknot", replaces, "", summary, body, flat, hints, 0),
        )
        return int(notification_id)

    def close(self, notification_id: int) -> None:
        with contextlib.suppress(bus.BusError):
            bus.call(self.connection, NAME, PATH, NAME, "CloseNotification", "u", (notification_id,))

    def clicks(self, wait: float = 0) -> list[tuple[int, str]]:
        """(notification id, action) pairs since the last call; "closed" when dismissed without one."""
        with contextlib.suppress(TimeoutError):
            self.connection.recv_messages(timeout=wait)
        found = []
        while self.events:
            message = self.events.popleft()
            member = message.header.fields.get(HeaderFields.member)
            if member == "ActionInvoked":
                found.append((int(message.body[0]), str(message.body[1])))
            elif member == "NotificationClosed":
                found.append((int(message.body[0]), "closed"))
        return found
