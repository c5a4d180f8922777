"""`unknot server`: unknot for a clinic or a household, many accounts on PostgreSQL (docs/server.md)."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from unknot.cli.common import console, fail, library, print_json, settings_from_env
from unknot.cli.lazy import PLAIN_HELP
from unknot.core.clock import SystemClock

server_app = typer.Typer(
    help="Server mode: many people on PostgreSQL, each seeing only their own (docs/server.md).",
    rich_markup_mode=PLAIN_HELP,
    invoke_without_command=True,
)


@server_app.callback()
def run_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(metavar="HOST", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port to listen on.")] = 8765,
    workers: Annotated[int, typer.Option(metavar="N", help="Worker processes (stateless).")] = 1,
) -> None:
    """Run the server (UNKNOT_DATABASE_URL names its PostgreSQL database, UNKNOT_SECRET its key)."""
    if ctx.invoked_subcommand is not None:
        return
    from unknot.services.clinic import open_clinic, upgrade_all
    from unknot.web.server.main import secret_of

    if not 1 <= workers <= 64:
        fail(f"workers: from 1 to 64, not {workers}")
    if not 1 <= port <= 65535:
        fail(f"port: from 1 to 65535, not {port}")
    settings = settings_from_env()
    secret_of(settings)
    clinic = open_clinic(settings, SystemClock(), library())  # migrates the server's tables
    upgrade_all(clinic)
    clinic.close()
    console().print(f"unknot server: http://{host}:{port}/login ({workers} workers; Ctrl+C to stop)")
    _run(host, port, workers)


def _run(host: str, port: int, workers: int) -> None:
    """uvicorn with the app's factory (each worker makes its own). For several workers the listening
    socket is made here as a TCP one: uvicorn's own is made without its protocol, and asyncio then
    leaves Nagle's algorithm on, so each keep-alive response waits some 40 ms for the client's
    delayed ACK (uvicorn issue 3149)."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "unknot.web.server.main:app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,  # X-Forwarded-* trusted only from FORWARDED_ALLOW_IPS (docs/server.md)
        log_level="warning",
    )
    if workers == 1:
        uvicorn.Server(config).run()
        return
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        fail(f"port: cannot listen on {host}:{port} ({exc.strerror})")
    listener.set_inheritable(True)
    Multiprocess(config, sockets=[listener]).run()


def _password_twice() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        second = getpass.getpass("Password again: ")
    else:
        first, second = sys.stdin.readline().rstrip("\n"), sys.stdin.readline().rstrip("\n")
    if first != second:
        fail("password: the two passwords differ")
    return first


@server_app.command("init")
def init_command(
    admin: Annotated[str, typer.Option("--admin", metavar="EMAIL", help="The first admin's email address.")],
    name: Annotated[str, typer.Option(metavar="NAME", help="Their name (default: the address).")] = "",
) -> None:
    """Create the database's tables and the first admin (the password is read twice)."""
    from unknot.services import accounts
    from unknot.services.clinic import open_clinic

    settings = settings_from_env()
    password = _password_twice()
    clinic = open_clinic(settings, SystemClock(), library())
    try:
        created = accounts.create_admin(clinic, admin, name, password)
    finally:
        clinic.close()
    console().print(f"admin {created.email} created: sign in at /login")


@server_app.command("migrate")
def migrate_command() -> None:
    """Upgrade the server's tables and every patient's journal to this version's schema."""
    from unknot.services.clinic import open_clinic, upgrade_all

    clinic = open_clinic(settings_from_env(), SystemClock(), library())
    try:
        count, upgraded = upgrade_all(clinic)
    finally:
        clinic.close()
    console().print(f"up to date: the server's tables and {count} journals ({upgraded} upgraded now)")


@server_app.command("routes")
def routes_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the routes as JSON.")] = False,
) -> None:
    """Every route, its methods, and the roles that may use it."""
    from unknot.web.server.app import route_table

    table = route_table()
    if as_json:
        print_json(table)
        return
    for row in table:
        print(f"{' '.join(row['methods']):<12} {row['path']:<48} {', '.join(row['roles'])}")
