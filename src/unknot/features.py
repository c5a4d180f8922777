"""Optional features: how a part of unknot that needs more than the base install plugs in.

A feature declares what it adds (a command group, web routes, navigation entries, and the browser
permissions and content-security sources it needs) and loads its code only when used. When its
optional dependencies are missing, `require` says which extra to install instead of a traceback.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from unknot.core.errors import UserError

if TYPE_CHECKING:
    import typer
    from fastapi import APIRouter


class MissingExtraError(UserError):
    """An optional dependency is not installed; the message names the extra that brings it."""


def require(module: str, *, feature: str, extra: str) -> ModuleType:
    """Import an optional dependency, or raise MissingExtraError naming the install command."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{feature}: needs the optional part '{extra}' ({module} is not installed); "
            f"install it with: pip install 'unknot[{extra}]'"
        ) from None


@dataclass(frozen=True)
class Feature:
    """What an optional part of unknot adds to the command line and the web app."""

    name: str
    commands: Callable[[], typer.Typer] | None = None  # the group `unknot NAME`
    summary: str = ""  # its line in `unknot --help`, shown without loading it: its help's first line
    routers: Callable[[], list[APIRouter]] = list
    nav: tuple[tuple[str, str], ...] = ()  # (address, label) in the web app's navigation
    # (address, label, icon) listed on the More page only (a phone's More tab), not in the top bar
    more: tuple[tuple[str, str, str], ...] = ()
    permissions: dict[str, str] = field(default_factory=dict)  # Permissions-Policy, e.g. camera: (self)
    sources: dict[str, str] = field(default_factory=dict)  # CSP additions, e.g. media-src: blob:
    available: Callable[[], bool] = lambda: True  # its dependencies are installed


def _breaks_commands() -> typer.Typer:
    from unknot.cli.breaks import app

    return app


def _camera_routers() -> list[APIRouter]:
    from unknot.web.routes import camera

    return [camera.router]


POSE_RUNTIME = Path(__file__).parent / "web" / "static" / "vendor" / "mediapipe"


def _pose_runtime_shipped() -> bool:
    return (POSE_RUNTIME / "vision_bundle.mjs").is_file()


# The features unknot ships. The break reminders come with the base install (they need D-Bus only on
# Linux, through the pure-Python jeepney). The camera runs in the browser, with the pose runtime
# unknot serves itself (static/vendor/mediapipe/): it needs the camera, and WebAssembly compiled
# from the app's own files ('wasm-unsafe-eval'). Both apply to the whole app (docs/privacy.md).
FEATURES: tuple[Feature, ...] = (
    Feature(
        "breaks",
        commands=_breaks_commands,
        summary="Break reminders: run, install, status, pause, resume, stats, simulate.",
    ),
    Feature(
        "camera",
        routers=_camera_routers,
        more=(("/posture", "Posture watch", "camera"), ("/camera", "Camera check", "camera")),  # and settings
        permissions={"camera": "(self)"},
        sources={"script-src": "'wasm-unsafe-eval'"},
        available=_pose_runtime_shipped,
    ),
)
