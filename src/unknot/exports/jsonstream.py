"""A JSON object written piece by piece, exactly as `json.dumps(obj, indent=2)` and a newline write
it whole. A member whose value is an iterator is written as an array, an item at a time, so rows read
in batches are never all in memory."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any


def _value(value: Any, depth: int, ensure_ascii: bool) -> str:
    """A value at `depth` levels of nesting: its own lines indented to where it stands (strings are
    written with their line breaks escaped, so only the layout's line breaks are indented)."""
    return json.dumps(value, indent=2, ensure_ascii=ensure_ascii).replace("\n", "\n" + "  " * depth)


def _array(items: Iterator[Any], ensure_ascii: bool) -> Iterator[str]:
    """An array as the value of a top-level member."""
    opened = False
    for item in items:
        yield (",\n    " if opened else "[\n    ") + _value(item, 2, ensure_ascii)
        opened = True
    yield "\n  ]" if opened else "[]"


def json_object(members: Iterable[tuple[str, Any]], *, ensure_ascii: bool = True) -> Iterator[str]:
    """The object of these members, in their order, then a newline."""
    opened = False
    for key, value in members:
        yield ("," if opened else "{") + "\n  " + json.dumps(key, ensure_ascii=ensure_ascii) + ": "
        opened = True
        if isinstance(value, Iterator):
            yield from _array(value, ensure_ascii)
        else:
            yield _value(value, 1, ensure_ascii)
    yield "\n}\n" if opened else "{}\n"
