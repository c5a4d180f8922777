"""Installable and offline: the service worker, served with the list of the app's own files it keeps.

The worker's code is `static/sw.js`; this route puts above it what it keeps (every file in the static
folder, Today and the session, the offline page) and a version that changes with any of those files
and with unknot's release, so a new release's worker replaces the old copies. It is served under
`/static/` (public, as the manifest and the icons: a browser fetches them without the session) and
may control every page of the app (`Service-Worker-Allowed: /`). The vendored pose runtime
(`static/vendor/`, 17 MB, fetched only by the pages that use the camera) is neither kept nor
hashed. The script is made once per process: the static files are part of the installed package.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response

from unknot import __version__
from unknot.web.render import STATIC_DIR

router = APIRouter()

WORKER = "sw.js"
# What a person needs while the app is briefly down: today's plan and today's session. No other page
# is kept, so the browser's copies hold as little of the journal as they can.
OFFLINE_PAGES = ("/", "/session")
OFFLINE_PAGE = "/static/offline.html"
NOT_KEPT = "vendor"  # a folder of the static folder the worker leaves to the network


def _kept(static_dir: Path) -> list[Path]:
    """Every file of the static folder, the worker's own included, but those under `NOT_KEPT`."""
    top = [path for path in static_dir.iterdir() if path.name != NOT_KEPT]
    inside = [path for folder in top if folder.is_dir() for path in folder.rglob("*")]
    return sorted(path for path in top + inside if path.is_file())


def shell_files(static_dir: Path = STATIC_DIR) -> list[str]:
    """The address of every file the worker keeps (the static folder's but the worker and vendor/), sorted."""
    return sorted(
        f"/static/{path.relative_to(static_dir).as_posix()}"
        for path in _kept(static_dir)
        if path.name != WORKER
    )


def shell_version(static_dir: Path = STATIC_DIR) -> str:
    """Changes when unknot's release, the worker or any file it keeps (its name or its bytes) changes."""
    digest = hashlib.sha256(__version__.encode())
    for path in _kept(static_dir):
        digest.update(path.relative_to(static_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def worker_script(static_dir: Path = STATIC_DIR) -> str:
    shell = {
        "version": shell_version(static_dir),
        "files": shell_files(static_dir),
        "pages": list(OFFLINE_PAGES),
        "offline": OFFLINE_PAGE,
    }
    return f"var SHELL = {json.dumps(shell)};\n" + (static_dir / WORKER).read_text(encoding="utf-8")


@router.get(f"/static/{WORKER}")
def service_worker() -> Response:
    headers = {"service-worker-allowed": "/", "cache-control": "no-cache"}
    return Response(worker_script(), media_type="text/javascript", headers=headers)
