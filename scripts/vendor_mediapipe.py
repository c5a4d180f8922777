"""Re-create the vendored pose runtime: python scripts/vendor_mediapipe.py [--out DIR]

For maintainers only (never run in CI; the files it makes are committed). It writes, into
src/unknot/web/static/vendor/mediapipe/ unless --out says otherwise:
- vision_bundle.mjs, wasm/vision_wasm_internal.js, wasm/vision_wasm_internal.wasm: the files of the
  npm package @mediapipe/tasks-vision 0.10.35 (pinned: the 1.x releases send telemetry), SIMD only;
- pose_landmarker_lite.task: the pose model for MediaPipe's Tasks API. The tasks package ships no
  model, so it is built here from the npm package @mediapipe/pose 0.5.1675469404 (Apache-2.0):
  its pose_solution_packed_assets.data (the whole pose detector, pose_detection.tflite) and
  pose_landmark_lite.tflite, each given the TFLite metadata the Tasks API needs (the input's
  normalisation), zipped as pose_detector.tflite and pose_landmarks_detector.tflite.
Then it prints each file's sha256, for the table in the folder's README.md (a test compares the two).

Needs `npm` (the package registry's ordinary client: `npm pack` fetches the two tarballs, whose
sha512 is checked against the integrity pinned here), and the `mediapipe` Python package, only to
write the models' metadata (its metadata writer; nothing else of it is used). For example:
    python3.11 -m venv /tmp/mp && /tmp/mp/bin/pip install mediapipe==0.10.21
    /tmp/mp/bin/python scripts/vendor_mediapipe.py
The output is byte for byte the same on every run (the .task's zip entries carry a fixed date).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "unknot" / "web" / "static" / "vendor" / "mediapipe"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    integrity: str  # as npm's lockfile writes it: sha512- and the digest in base64

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"


TASKS_VISION = Package(
    "@mediapipe/tasks-vision",
    "0.10.35",
    "sha512-HOvadwVRE6JC+45nyYhmnywnr5h/J8KZvOeUNVOG9q/0875pZgItznFB9bRTvLc264YSJqiZ1NsIpCStJw/egg==",
)
POSE = Package(
    "@mediapipe/pose",
    "0.5.1675469404",
    "sha512-DFZsNWTsSphRIZppnUCuunzBiHP2FdJXR9ehc7mMi4KG+oPaOH0Em3d6kr7Py+TSyTXC1doH88KcF28k2sBxsQ==",
)
# Vendored name: its path inside the tasks-vision tarball.
RUNTIME = {
    "vision_bundle.mjs": "package/vision_bundle.mjs",
    "wasm/vision_wasm_internal.js": "package/wasm/vision_wasm_internal.js",
    "wasm/vision_wasm_internal.wasm": "package/wasm/vision_wasm_internal.wasm",
}
TASK = "pose_landmarker_lite.task"
DETECTOR = "package/pose_solution_packed_assets.data"  # pose_detection.tflite, whole (bytes 0 to 2962288)
LANDMARKS = "package/pose_landmark_lite.tflite"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def fetch(package: Package, folder: Path) -> Path:
    """The package's tarball, by `npm pack`, once its sha512 matches the pinned integrity."""
    out = subprocess.run(
        ["npm", "pack", "--json", "--pack-destination", str(folder), package.spec],
        check=True,
        capture_output=True,
        text=True,
        cwd=folder,
    ).stdout
    tarball = folder / json.loads(out)[0]["filename"]
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != package.integrity:
        raise SystemExit(f"{package.spec}: sha512 {digest} is not the pinned {package.integrity}")
    return tarball


def member(tarball: Path, path: str) -> bytes:
    with tarfile.open(tarball) as archive:
        found = archive.extractfile(path)
        if found is None:
            raise SystemExit(f"{tarball.name}: no file {path}")
        return found.read()


def with_metadata(model: bytes, mean: float, std: float, name: str) -> bytes:
    """The model with the TFLite metadata the Tasks API reads: its input's normalisation, and its
    outputs declared (mediapipe's metadata writer)."""
    from mediapipe.tasks.python.metadata.metadata_writers import metadata_writer, writer_utils

    buffer = bytearray(model)
    writer = metadata_writer.MetadataWriter.create(buffer)
    writer.add_general_info(name, f"BlazePose {name}")
    writer.add_image_input(norm_mean=[mean], norm_std=[std])
    for _ in writer_utils.get_output_tensor_types(buffer):
        writer.add_feature_output()
    populated: bytes = writer.populate()[0]
    return populated


def pose_task(pose_tarball: Path) -> bytes:
    """The .task: a zip (stored, fixed date) of the detector (input in [-1, 1]) and the landmark
    model (input in [0, 1])."""
    detector = with_metadata(member(pose_tarball, DETECTOR), 127.5, 127.5, "pose_detector")
    landmarks = with_metadata(member(pose_tarball, LANDMARKS), 0.0, 255.0, "pose_landmarks_detector")
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as task:
            for entry, data in (
                ("pose_detector.tflite", detector),
                ("pose_landmarks_detector.tflite", landmarks),
            ):
                task.writestr(zipfile.ZipInfo(entry, date_time=ZIP_DATE), data)
        buffer.seek(0)
        return buffer.read()


def vendor(out: Path) -> dict[str, str]:
    """Write the vendored files into `out`; their sha256 by name."""
    with tempfile.TemporaryDirectory() as scratch:
        tasks_tarball = fetch(TASKS_VISION, Path(scratch))
        pose_tarball = fetch(POSE, Path(scratch))
        files = {name: member(tasks_tarball, path) for name, path in RUNTIME.items()}
        files[TASK] = pose_task(pose_tarball)
    for name, data in files.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return {name: hashlib.sha256(data).hexdigest() for name, data in files.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=VENDOR, help="the folder to write (default: the package's)"
    )
    out = parser.parse_args().out
    for name, sha256 in vendor(out).items():
        print(f"| `{name}` | {sha256} |")
    print(f"written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
