"""The printable home-exercise programme for today's plan."""

from __future__ import annotations

from unknot.present.programme import handout
from unknot.services import sessions
from unknot.services.context import Context
from unknot.services.exports import Export


def programme(ctx: Context) -> Export:
    """The programme as a PDF; NotAllowedError (as for a session) when none may be played now."""
    from unknot.exports.programme import programme_pdf

    playable = sessions.start(ctx)
    notes = ctx.programme.notes if ctx.programme is not None else ""  # the plan is the programme's
    body = programme_pdf(handout(playable.plan, ctx.library, ctx.today(), notes))
    return Export((body,), "application/pdf", f"unknot-programme-{ctx.today()}.pdf")
