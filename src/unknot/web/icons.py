"""The app's icons: one inline SVG sprite (templates/partials/icons.svg, drawn here, no artwork
files) and `icon(name)`, which places one. An unknown name is an error, so a typo fails a test."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from markupsafe import Markup

SPRITE = files("unknot.web") / "templates" / "partials" / "icons.svg"


@cache
def names() -> frozenset[str]:
    return frozenset(re.findall(r'<symbol id="i-([a-z-]+)"', SPRITE.read_text(encoding="utf-8")))


def icon(name: str) -> Markup:
    """An icon beside its words: decorative, so hidden from screen readers (the words say it)."""
    if name not in names():
        raise KeyError(f"no icon {name!r} in the sprite")
    return Markup(f'<svg class="icon" aria-hidden="true" focusable="false"><use href="#i-{name}"/></svg>')
