"""The camera check in a real browser, with a fake camera filming a real person (the squats clip):
the pose runtime loads from the app, landmarks come through `onFrame` in the landmarks file's frame
shape, the skeleton is drawn, nothing leaves the machine, and the camera stops when asked, when the
page is hidden, and never starts when refused or missing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from tests.web.conftest import Served, Visit, fake_camera_flags, launch, open_visit
from tests.web.fake_camera import camera_visits

pytestmark = pytest.mark.slow  # the model loads in seconds, and 20 frames take a few more

WAIT = 60_000  # ms: the first frames, on a loaded 2-core machine
FRAMES_WITH_PERSON = "Number(document.getElementById('camera-stats').dataset.framesWithPerson)"
INK = """(least) => {
  const canvas = document.getElementById('camera-skeleton');
  if (!canvas.width || !canvas.height) { return 0; }
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { inked += 1; } }
  return inked >= least;
}"""
TRACKS_ENDED = "() => window.seenStream.getTracks().every((track) => track.readyState === 'ended')"
HIDE_PAGE = """() => {
  Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
  Object.defineProperty(document, 'hidden', {value: true, configurable: true});
  document.dispatchEvent(new Event('visibilitychange'));
}"""


@pytest.fixture
def camera_visit(fake_camera_browser: Browser, server: Served) -> Iterator[Visit]:
    yield from camera_visits(fake_camera_browser, server)


def _open(visit: Visit) -> Page:
    page = visit.page
    page.goto(visit.base + "/camera")
    expect(page.locator("#camera-check")).to_have_attribute("data-ready", "yes")
    return page


def _start(page: Page) -> None:
    page.get_by_role("button", name="Start camera").click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_visible()
    expect(page.locator("#camera-check")).to_have_attribute("data-state", "on", timeout=WAIT)
    page.evaluate("() => { window.seenStream = document.getElementById('camera-video').srcObject; }")


def test_the_camera_finds_the_person_draws_the_skeleton_and_stops_when_asked(camera_visit: Visit) -> None:
    page = _open(camera_visit)
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    _start(page)
    page.wait_for_function(f"(least) => {FRAMES_WITH_PERSON} >= least", arg=20, timeout=WAIT)
    page.wait_for_function(INK, arg=500, timeout=WAIT)
    assert int(page.locator("#camera-fps").inner_text()) >= 1
    expect(page.locator("#camera-body")).to_have_text(
        re.compile(r"^(Yes|Move so the camera sees your .+\.)$")
    )
    camera_visit.shot("camera-on")
    page.get_by_role("button", name="Stop camera").click()
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    assert page.evaluate(TRACKS_ENDED), "every track stopped"
    assert page.evaluate("document.getElementById('camera-video').srcObject") is None
    expect(page.locator("#camera-status")).to_have_text("The camera is off.")
    expect(page.get_by_role("button", name="Start camera")).to_be_visible()


def test_the_camera_stops_when_the_page_is_hidden(camera_visit: Visit) -> None:
    page = _open(camera_visit)
    _start(page)
    page.evaluate(HIDE_PAGE)
    expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
    assert page.evaluate(TRACKS_ENDED)
    expect(page.locator("#camera-status")).to_have_text("The camera turned off when this page was hidden.")


def test_each_frame_is_a_landmarks_file_frame(camera_visit: Visit) -> None:
    """camera.js as a module, the coach's seam: onFrame gets {t, landmarks, world, width, height}."""
    page = _open(camera_visit)
    frames: list[dict[str, Any]] = page.evaluate(
        """async () => {
          const { startCamera, stopCamera } = await import('/static/camera.js');
          const video = document.createElement('video'), canvas = document.createElement('canvas');
          const frames = [], states = [];
          await new Promise((done, fail) => {
            const onState = (state) => { states.push(state); if (state === 'error') { fail(state); } };
            const onFrame = (frame) => {
              frames.push(frame);
              if (frames.filter((f) => f.landmarks).length >= 10) { done(); }
            };
            startCamera({video, canvas, onState, onFrame});
            setTimeout(() => fail('no 10 frames with a person in 60 s'), 60000);
          });
          stopCamera();
          return {frames, states};
        }"""
    )["frames"]
    times = [frame["t"] for frame in frames]
    assert times == sorted(times) and len(set(times)) == len(times), "t increases strictly"
    for frame in frames:
        assert set(frame) == {"t", "landmarks", "world", "width", "height"}
        assert (frame["width"], frame["height"]) == (360, 640)
        if frame["landmarks"] is None:
            assert frame["world"] is None
            continue
        assert len(frame["landmarks"]) == len(frame["world"]) == 33
        assert {len(point) for point in frame["landmarks"]} == {4}, "x, y, z, visibility"
        assert {len(point) for point in frame["world"]} == {3}, "x, y, z in metres"
        assert all(0 <= point[3] <= 1 for point in frame["landmarks"])
    person = [frame for frame in frames if frame["landmarks"]]
    nose, left_ankle = person[-1]["landmarks"][0], person[-1]["landmarks"][27]
    assert nose[1] < left_ankle[1], "y grows down the picture: the nose above the ankle"


@pytest.fixture(scope="module")
def refusing_browser(playwright: Playwright, fake_camera_video: Path) -> Iterator[Browser]:
    """A camera, but no one to say yes: headless Chromium dismisses the permission prompt."""
    flags = [
        flag for flag in fake_camera_flags(fake_camera_video) if flag != "--use-fake-ui-for-media-stream"
    ]
    yield from launch(playwright, *flags)


def _refused(browser: Browser, server: Served, sentence: str) -> None:
    for visit in open_visit(browser, server):
        page = _open(visit)
        page.get_by_role("button", name="Start camera").click()
        expect(page.locator("#camera-status")).to_have_text(sentence, timeout=WAIT)
        expect(page.get_by_text("Camera on", exact=True)).to_be_hidden()
        expect(page.locator("#camera-stage")).to_be_hidden()
        page.get_by_role("link", name="Settings").first.click()
        expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible()


def test_a_refused_camera_is_said_in_one_sentence_and_the_rest_works(
    refusing_browser: Browser, server: Served
) -> None:
    sentence = "The camera was not allowed, so there is nothing to show; the rest of unknot works as before."
    _refused(refusing_browser, server, sentence)


def test_without_a_camera_the_page_says_so(browser: Browser, server: Served) -> None:
    sentence = "No camera was found, so there is nothing to show; the rest of unknot works as before."
    _refused(browser, server, sentence)
