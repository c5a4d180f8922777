"""The app's places: which phone tab holds each page, and icons that exist."""

from __future__ import annotations

import pytest

from unknot.web.icons import icon, names
from unknot.web.render import MORE, NAV, NavEntry, tab_now


@pytest.mark.parametrize(
    ("path", "tab"),
    [
        ("/", "/"),
        ("/session", "/session"),
        ("/session/stretch/chin_tucks", "/session"),
        ("/progress", "/progress"),
        ("/lessons/hurt_not_harm", "/lessons"),
        ("/history", "/more"),
        ("/exercises/cat_cow", "/more"),
        ("/more", "/more"),
        ("/sessions", None),  # a prefix of another place's address is not that place
        ("/intake", None),
    ],
)
def test_each_page_belongs_to_one_phone_tab(path: str, tab: str | None) -> None:
    assert tab_now(path, NAV) == tab


def test_five_tabs_and_every_place_has_an_icon() -> None:
    assert [entry.label for entry in NAV if entry.tab] + [MORE.label] == [
        "Today",
        "Session",
        "Progress",
        "Learn",
        "More",
    ]
    assert all(entry.icon in names() for entry in (*NAV, MORE))
    assert 'href="#i-play"' in icon("play")
    with pytest.raises(KeyError, match="no icon 'nope'"):
        icon("nope")


def test_a_feature_place_goes_under_more() -> None:
    assert tab_now("/hello", (*NAV, NavEntry("/hello", "Hello"))) == "/more"
