"""The running web app, for a break notice's link to the exercise's page.

`unknot serve` writes serve.json in the data folder (its address, this launch's token and its pid)
and removes it when it stops. The file is trusted only when it is a regular file of this user's, not
reached through a symbolic link, and its address answers.
"""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

from unknot.core.reminders import WebApp
from unknot.reminders import files

ADDRESS = re.compile(r"http://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})")
TOKEN = re.compile(r"[A-Za-z0-9._~-]{1,512}")  # URL-safe, as secrets.token_urlsafe makes them


def answers(host: str, port: int) -> bool:
    """Whether something listens there, so a link to it will work."""
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except (OSError, OverflowError, ValueError):
        return False


def running_web_app(folder: Path) -> WebApp | None:
    """The web app `unknot serve` runs now, from its serve.json; None when there is none to trust."""
    try:
        data = files.read_small(folder / files.SERVE, files.SMALL, mine=True)
        serve = json.loads(data) if data is not None else None
    except (OSError, ValueError):
        return None
    if not isinstance(serve, dict):
        return None
    address, token = serve.get("address"), serve.get("token")
    if not isinstance(address, str) or not isinstance(token, str) or not TOKEN.fullmatch(token):
        return None
    found = ADDRESS.fullmatch(address)
    if not found or not answers(found[1].strip("[]"), int(found[2])):
        return None
    return WebApp(address, token)
