"""Use cases shared by every interface: each takes the `Context` built once at the edge.

A CLI command or a web route parses its input, calls one use case here, and renders the result.
The modules: `catalog` (content and stateless assessment), `plans`, `checkins`, `sessions`,
`progress` (and questionnaires), `today`, `preferences`, `relief`, `backup`, `exports`, `reports`,
`breaks` and `reminders` (the break daemon's config).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from unknot.services.context import Context, open_context

__all__ = ["Context", "open_context"]


def __getattr__(name: str) -> Any:
    """`Context` and `open_context` load the storage layer (SQLAlchemy) when first asked for, so a
    command that needs no journal (`unknot exercises`) starts without it."""
    if name in __all__:
        from unknot.services import context

        return getattr(context, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
