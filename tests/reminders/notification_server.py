"""A small freedesktop notification server for the tests: it records every call it receives and can
press a notification's button (emit ActionInvoked), as a person would."""

from __future__ import annotations

import threading
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"


class NotificationServer:
    def __init__(self, address: str, capabilities: tuple[str, ...] = ("actions", "body")) -> None:
        self.capabilities = list(capabilities)
        self.connection = open_dbus_connection(bus=address)
        reply = self.connection.send_and_get_reply(message_bus.RequestName(NAME, 4))
        assert reply.body[0] == 1, "could not own org.freedesktop.Notifications"
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.next_id = 1
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def notifications(self) -> list[tuple[Any, ...]]:
        with self.lock:
            return [body for member, body in self.calls if member == "Notify"]

    def serve(self) -> None:
        while self.running:
            try:
                message = self.connection.receive(timeout=0.2)
            except TimeoutError:
                continue
            except OSError:
                return
            if message.header.message_type is MessageType.method_call:
                self.answer(message)

    def answer(self, message: Any) -> None:
        member = message.header.fields.get(HeaderFields.member)
        with self.lock:
            self.calls.append((member, tuple(message.body)))
        if member == "Notify":
            with self.lock:
                notification_id, self.next_id = self.next_id, self.next_id + 1
            self.connection.send(new_method_return(message, "u", (notification_id,)))
        elif member == "GetCapabilities":
            self.connection.send(new_method_return(message, "as", (self.capabilities,)))
        elif member == "GetServerInformation":
            self.connection.send(new_method_return(message, "ssss", ("test", "unknot", "1", "1.2")))
        elif member == "CloseNotification":
            self.connection.send(new_method_return(message))
            self.emit("NotificationClosed", "uu", (message.body[0], 3))
        else:
            self.connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))

    def emit(self, member: str, signature: str, body: tuple[Any, ...]) -> None:
        self.connection.send(new_signal(DBusAddress(PATH, interface=NAME), member, signature, body))

    def press(self, notification_id: int, action: str) -> None:
        """Click a button on a notification."""
        self.emit("ActionInvoked", "us", (notification_id, action))

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=2)
        self.connection.close()
