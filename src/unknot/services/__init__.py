"""Use cases shared by every interface: each takes the `Context` built once at the edge.

A CLI command or a web route parses its input, calls one use case here, and renders the result.
The modules: `catalog` (content and stateless assessment), `plans`, `checkins`, `sessions`,
`progress` (and questionnaires), `today`, `preferences`, `relief`, `backup`, `exports`, `reports`,
`breaks` and `reminders` (the break daemon's config).
"""

from unknot.services.context import Context, open_context

__all__ = ["Context", "open_context"]
