"""A fake camera for Chromium: a test clip as a YUV4MPEG2 file (`--use-file-for-fake-video-capture`).

PyAV decodes the clip; each frame is scaled to the camera's size in planar 4:2:0 and written three
planes at a time (Y, then U, then V) after the stream's header, repeated to reach the stream's rate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import av
from av.video.frame import VideoFrame
from playwright.sync_api import Browser

from tests.web.conftest import Served, Visit, open_visit

MEDIA = Path(__file__).resolve().parents[1] / "media"
SQUATS = MEDIA / "pose_squats.mp4"
# The pose runtime writes its own log to stderr, which the browser shows as a console error.
RUNTIME_LOG = re.compile(r"^INFO: Created TensorFlow Lite XNNPACK delegate for CPU\.$")


def camera_visits(browser: Browser, server: Served) -> Iterator[Visit]:
    """A visit (open_visit: no console error, nothing fetched from elsewhere) of a page that runs the
    pose runtime, whose own log line is not an error; no request may leave 127.0.0.1 either."""
    visits = open_visit(browser, server)
    seen = next(visits)
    requests: list[str] = []
    seen.page.on("request", lambda request: requests.append(request.url))
    yield seen
    seen.errors[:] = [error for error in seen.errors if not RUNTIME_LOG.match(error)]
    local = (server, "data:", "blob:")
    assert [url for url in requests if not url.startswith(local)] == [], "requests that left 127.0.0.1"
    next(visits, None)


def plane_bytes(frame: VideoFrame, index: int, width: int, height: int) -> bytes:
    """One plane's rows without the padding FFmpeg keeps at the end of each line."""
    plane = frame.planes[index]
    data, stride = bytes(plane), plane.line_size
    return b"".join(data[row * stride : row * stride + width] for row in range(height))


def write_frame(out: BinaryIO, frame: VideoFrame, width: int, height: int) -> None:
    out.write(b"FRAME\n")
    out.write(plane_bytes(frame, 0, width, height))
    out.write(plane_bytes(frame, 1, width // 2, height // 2))
    out.write(plane_bytes(frame, 2, width // 2, height // 2))


def blank_frame(out: BinaryIO, width: int, height: int) -> None:
    """A grey picture with nobody in it."""
    out.write(b"FRAME\n" + bytes([128]) * (width * height * 3 // 2))


def make_y4m(
    clip: Path, target: Path, width: int = 360, height: int = 640, fps: int = 15, tail_seconds: float = 0
) -> int:
    """Write the clip as a Y4M of `width` x `height` at `fps` frames a second, then `tail_seconds` of an
    empty picture (Chromium plays the file in a loop: the tail keeps a test from seeing it again);
    how many frames."""
    written = 0
    with av.open(str(clip)) as container, target.open("wb") as out:
        stream = container.streams.video[0]
        repeat = max(1, round(fps / float(stream.average_rate or fps)))
        out.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for decoded in container.decode(stream):
            frame = decoded.reformat(width=width, height=height, format="yuv420p")
            for _ in range(repeat):
                write_frame(out, frame, width, height)
                written += 1
        for _ in range(round(tail_seconds * fps)):
            blank_frame(out, width, height)
            written += 1
    return written
