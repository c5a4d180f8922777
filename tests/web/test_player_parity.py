"""The web player and the core player are one player: the same keys and ticks, the same states.

The page's clock is Playwright's, so time passes exactly as the test says; the page gets its phases
and moves from the server and counts time itself. After every key and tick, the phase it shows, its
countdown and whether it is paused must equal the Python player's (unknot.core.player) fed the same
sequence; at the end, so must the exercises it reports as done.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path

import pytest

from tests.strategies import base_answers
from tests.web.conftest import Visit
from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import SystemClock
from unknot.core.player import TOLERANCE_SECONDS, Player
from unknot.services import intake, open_context, preferences, sessions
from unknot.settings import Settings

KEYS = {"ArrowRight": Player.skip, "ArrowLeft": Player.back, " ": Player.toggle_pause}


def moves(seed: int, count: int = 70) -> list[tuple[str, int | str]]:
    """A reproducible mix of ticks (in tenths of a second) and keys."""
    chance = random.Random(seed)
    found: list[tuple[str, int | str]] = []
    for _ in range(count):
        if chance.random() < 0.6:
            found.append(("tick", chance.choice([1, 3, 10, 20, 25, 80, 150])))
        else:
            found.append(("key", chance.choice(list(KEYS))))
    return found


def prepared_player(home: Path) -> Player:
    """A saved assessment (neck and lower back, two-sided stretches) and the player the server plays."""
    ctx = open_context(Settings(home=home), SystemClock(), default_library())
    answers = base_answers(regions=["lower_back", "neck"], hamstrings_tight="yes", sitting_hours=8)
    intake.save_assessment(ctx, answers_from_dict(answers))
    preferences.change(ctx, {"seen_welcome": "on", "voice": "off"})
    player = Player(sessions.start(ctx).phases)
    ctx.close()
    return player


def shown(visit: Visit) -> tuple[int, bool, str | None]:
    state = visit.page.evaluate(
        "() => { const r = document.getElementById('player'); "
        "return [r.dataset.phase, r.dataset.paused, document.getElementById('playing').hidden, "
        "document.getElementById('countdown').textContent]; }"
    )
    phase, paused, finished, countdown = state
    return int(phase), paused == "yes", None if finished else countdown


def expected(player: Player) -> tuple[int, bool, str | None]:
    if player.finished:
        return player.index, player.paused, None
    return player.index, player.paused, f"{math.ceil(player.remaining - TOLERANCE_SECONDS)} s"


# Each exercise only got ready for: none of them counts as done.
READY_THEN_SKIP = [("tick", 85), ("key", "ArrowRight")] * 3 + [("tick", 5), ("key", " "), ("tick", 50)]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 0])
def test_same_keys_and_ticks_give_the_same_states(realtime_visit: Visit, home: Path, seed: int) -> None:
    """Seeds 1-4 are mixes of keys and ticks; 0 is READY_THEN_SKIP."""
    player = prepared_player(home)
    page = realtime_visit.page
    start = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    page.clock.install(time=start)
    page.goto(realtime_visit.base + "/session")
    page.clock.pause_at(start + dt.timedelta(minutes=5))  # from here only the test moves time on
    page.locator("#before").get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Begin").click()
    assert shown(realtime_visit) == expected(player)
    for step, (kind, what) in enumerate(moves(seed) if seed else READY_THEN_SKIP):
        if kind == "tick":
            assert isinstance(what, int)
            page.clock.run_for(what * 100)
            player.tick(what / 10)
        elif not player.finished:
            assert isinstance(what, str)
            page.keyboard.press(what)
            KEYS[what](player)
        assert shown(realtime_visit) == expected(player), f"seed {seed}, move {step}: {kind} {what}"
    if not player.finished:
        page.get_by_role("button", name="Stop the session").click()
        page.get_by_role("dialog").get_by_role("button", name="Stop", exact=True).click()
        player.stop()
    reported = page.locator("#items-done-field").input_value()
    assert [item for item in reported.split(",") if item] == player.items_done()
