"""The server app as each worker process makes it (uvicorn's factory): settings from the
environment, the database already migrated by the process that started the workers."""

from __future__ import annotations

from fastapi import FastAPI

from unknot.content.loader import default_library
from unknot.core.clock import SystemClock
from unknot.core.errors import UserError
from unknot.services.clinic import open_clinic
from unknot.settings import Settings
from unknot.web.server.app import create_server_app

MIN_SECRET = 32


def secret_of(settings: Settings) -> bytes:
    """The server's secret, checked: long enough to sign with."""
    if not settings.secret or len(settings.secret) < MIN_SECRET:
        raise UserError(
            f"server: set UNKNOT_SECRET to a random string of at least {MIN_SECRET} characters "
            '(python -c "import secrets; print(secrets.token_urlsafe(32))")'
        )
    return settings.secret.encode()


def app() -> FastAPI:
    settings = Settings()
    clinic = open_clinic(settings, SystemClock(), default_library(), migrate=False)
    return create_server_app(clinic, secret_of(settings))
