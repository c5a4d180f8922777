"""A thin layer over jeepney, a small pure-Python D-Bus client (no GUI toolkit, little memory)."""

from __future__ import annotations

from typing import Any

from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import DBusErrorResponse, Properties


class BusError(RuntimeError):
    pass


def session() -> DBusConnection:
    try:
        return open_dbus_connection(bus="SESSION")
    except (OSError, KeyError) as exc:
        raise BusError(f"no D-Bus session bus ({exc})") from exc


def system() -> DBusConnection:
    try:
        return open_dbus_connection(bus="SYSTEM")
    except (OSError, KeyError) as exc:
        raise BusError(f"no D-Bus system bus ({exc})") from exc


def call(
    connection: DBusConnection,
    name: str,
    path: str,
    interface: str,
    method: str,
    signature: str | None = None,
    body: tuple[Any, ...] = (),
    timeout: float = 5,
) -> tuple[Any, ...]:
    message = new_method_call(DBusAddress(path, bus_name=name, interface=interface), method, signature, body)
    try:
        reply = connection.send_and_get_reply(message, timeout=timeout)
    except (DBusErrorResponse, TimeoutError, OSError) as exc:
        raise BusError(f"{interface}.{method}: {exc}") from exc
    if reply.header.message_type.name == "error":
        raise BusError(f"{interface}.{method}: {reply.body}")
    return tuple(reply.body)


def get_property(connection: DBusConnection, name: str, path: str, interface: str, prop: str) -> Any:
    message = Properties(DBusAddress(path, bus_name=name, interface=interface)).get(prop)
    try:
        reply = connection.send_and_get_reply(message, timeout=5)
    except (DBusErrorResponse, TimeoutError, OSError) as exc:
        raise BusError(f"{interface}.{prop}: {exc}") from exc
    if reply.header.message_type.name == "error":
        raise BusError(f"{interface}.{prop}: {reply.body}")
    return reply.body[0][1]
