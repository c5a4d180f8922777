"""People's own words (notes, and any text a journal was imported with) made safe to show in a
terminal: escape sequences and control characters could clear the screen, retitle the window, write
links or make the terminal answer back. Only line breaks and tabs are kept; other text, in any script,
is left as it is. Layout code then shows the result as plain text (never as markup)."""

from __future__ import annotations

import re

_SEQUENCES = re.compile(
    r"""
    (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]                 # CSI: cursor moves, colours, erasing
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d-\x9f])              # OSC, DCS, SOS, PM, APC: titles, links...
      [^\x07\x1b\x90\x98\x9c-\x9f]* (?:\x07|\x1b\\|\x9c)  # ...to their end (linear: no nesting)
    | \x1b [ -/]* [0-~]                                  # every other escape sequence
    """,
    re.VERBOSE,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab and line feed, DEL, C1


def plain_text(text: str) -> str:
    """The text without escape sequences and control characters."""
    return _CONTROLS.sub("", _SEQUENCES.sub("", text))


def one_line(message: str) -> str:
    """A message for one line of a terminal: its line breaks joined, and plain text (it may quote what
    was typed or imported)."""
    return plain_text(" ".join(part.strip() for part in message.splitlines() if part.strip()))
