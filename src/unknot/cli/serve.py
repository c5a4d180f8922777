"""`unknot serve`: the local web app on this machine, offline."""

from __future__ import annotations

import errno
import os
import signal
import socket
import threading
import webbrowser
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from unknot.cli.common import console, fail, settings_from_env
from unknot.reminders.files import SERVE, write_json

if TYPE_CHECKING:
    import uvicorn

BACKLOG = 2048  # uvicorn's default


def serve_command(
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Address to listen on. Keep 127.0.0.1 unless you mean it.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on (0: any free port).")] = 8765,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the app in your browser.")] = False,
) -> None:
    """Start the web app and print its private address (with this launch's token) on the first line."""
    import uvicorn

    from unknot.web.app import create_app, freeze_heap
    from unknot.web.security import Access, is_loopback

    if not 0 <= port <= 65535:
        fail(f"port: must be from 0 (any free port) to 65535, not {port}")
    settings = settings_from_env()
    listener = _listen(host, port)
    access = Access.new()
    address = _address(host, listener.getsockname()[1])
    private = f"{address}/?token={access.token}"
    app = create_app(settings, bind_host=host, access=access)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    interrupted = _stop_on_ctrl_c(server)
    runtime = settings.home / SERVE
    write_json(runtime, {"address": address, "token": access.token, "pid": os.getpid()})
    print(private, flush=True)  # the first line: scripts and people copy it from here
    out = console()
    if not is_loopback(host):
        out.print(
            f"[bold red]Warning:[/bold red] listening on {escape(host)}: other machines on your network "
            "can reach unknot; only the address above, with its token, lets them in."
        )
    out.print("unknot is running: open the address above (Ctrl+C to stop).")
    if open_browser:
        _open_soon(private, out)
    freeze_heap()
    try:
        server.run(sockets=[listener])
    finally:
        runtime.unlink(missing_ok=True)
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if interrupted:
        raise KeyboardInterrupt  # exit 130, as a shell reports Ctrl+C


def _stop_on_ctrl_c(server: uvicorn.Server) -> list[int]:
    """Ctrl+C stops the server even in the moment before uvicorn takes the signal over (it hands a
    signal it caught back to this handler when it stops); the list fills when it came."""
    came: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        came.append(signum)
        server.should_exit = True

    signal.signal(signal.SIGINT, stop)
    return came


def _address(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    return f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}"


def _listen(host: str, port: int) -> socket.socket:
    """The bound socket, so that a taken port or an unknown host is a clear error before we say 'running'."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        fail(f"host: cannot listen on '{host}' ({exc.strerror})")
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
    except OSError as exc:
        listener.close()
        if exc.errno == errno.EADDRINUSE:
            fail(f"port: {port} is already in use on {host}; choose another with --port")
        fail(f"host: cannot listen on {host} port {port} ({exc.strerror})")
    listener.listen(BACKLOG)  # from here the address answers, even before the app has started
    return listener


def _open_soon(address: str, out: Console) -> None:
    """Open the address in the browser once the server listens, or say that there is none."""
    try:
        browser = webbrowser.get()
    except webbrowser.Error:
        out.print("No web browser was found here: open the address above in one.")
        return
    threading.Timer(1.0, browser.open, args=(address,)).start()
