"""Small building blocks for terminal output."""

from __future__ import annotations

from rich.text import Text


def bullets(lines: list[str]) -> Text:
    return Text("\n".join(f"• {line}" for line in lines))


def progress_bar(fraction: float, width: int = 50) -> Text:
    """A plain progress bar on a line of its own (Rich's ProgressBar does not end its line in a Group)."""
    filled = round(max(0.0, min(fraction, 1.0)) * width)
    return Text.assemble(("█" * filled, "green"), ("░" * (width - filled), "dim"))
