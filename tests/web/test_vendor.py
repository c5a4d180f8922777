"""The vendored pose runtime (static/vendor/mediapipe/): exactly the files its README lists, with the
sha256 it gives, as scripts/vendor_mediapipe.py makes them; shipped in the package and served as
they are (not compressed on every request)."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
import tomllib
from pathlib import Path
from types import ModuleType

from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "src" / "unknot" / "web" / "static" / "vendor" / "mediapipe"
ROW = re.compile(r"^\| `([^`]+)` \|.*\| ([0-9a-f]{64}) \|$", re.MULTILINE)
NOT_VENDORED = {"README.md", "LICENSE"}  # written here


def table() -> dict[str, str]:
    return dict(ROW.findall((VENDOR / "README.md").read_text(encoding="utf-8")))


def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "vendor_mediapipe", ROOT / "scripts" / "vendor_mediapipe.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)  # its top imports the standard library only
    return module


def test_every_vendored_file_has_the_sha256_the_readme_gives() -> None:
    shipped = {path.relative_to(VENDOR).as_posix() for path in VENDOR.rglob("*") if path.is_file()}
    assert set(table()) == shipped - NOT_VENDORED
    for name, digest in table().items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name


def test_the_script_makes_the_files_the_readme_lists_from_the_pinned_tarballs() -> None:
    vendor = script()
    assert set(table()) == {*vendor.RUNTIME, vendor.TASK}
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for package in (vendor.TASKS_VISION, vendor.POSE):
        assert f"`{package.name}` {package.version}" in readme and package.integrity in readme
    assert vendor.TASKS_VISION.version == "0.10.35", "1.x sends telemetry"


def test_the_licence_is_there_and_the_package_takes_the_files() -> None:
    licence = (VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Version 2.0, January 2004" in licence
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "web/static/**/*" in pyproject["tool"]["setuptools"]["package-data"]["unknot"]


def test_the_runtime_is_served_as_it_is_and_revalidated(stranger: TestClient) -> None:
    """Public as every static file; WebAssembly and the model are not gzipped on every request."""
    gzip = {"accept-encoding": "gzip"}
    for name, kind in [
        ("wasm/vision_wasm_internal.wasm", "application/wasm"),
        ("pose_landmarker_lite.task", "application/octet-stream"),
    ]:
        address = f"/static/vendor/mediapipe/{name}"
        response = stranger.get(address, headers=gzip)
        assert response.status_code == 200 and response.headers["content-type"] == kind, name
        assert "content-encoding" not in response.headers, f"{name} is sent as it is"
        assert response.content == (VENDOR / name).read_bytes()
        again = stranger.get(address, headers={**gzip, "if-none-match": response.headers["etag"]})
        assert again.status_code == 304, "a browser's copy is checked, not sent again"
    bundle = stranger.get("/static/vendor/mediapipe/vision_bundle.mjs", headers=gzip)
    assert bundle.headers["content-type"].startswith("text/javascript")
    assert bundle.headers["content-encoding"] == "gzip", "the script itself still shrinks"
