"""A fake camera for Chromium: a test clip as a YUV4MPEG2 file (`--use-file-for-fake-video-capture`).

PyAV decodes the clip; each frame is scaled to the camera's size in planar 4:2:0 and written three
planes at a time (Y, then U, then V) after the stream's header, repeated to reach the stream's rate.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import av
from av.video.frame import VideoFrame

MEDIA = Path(__file__).resolve().parents[1] / "media"
SQUATS = MEDIA / "pose_squats.mp4"


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
