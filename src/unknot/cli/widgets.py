"""Small building blocks for terminal output."""

from __future__ import annotations

from rich.console import Console
from rich.prompt import FloatPrompt, IntPrompt
from rich.text import Text

from unknot.present.text import plain_text


def bullets(lines: list[str]) -> Text:
    """Lines as a bulleted list, in plain text (some are stored words: an assessment's reasons)."""
    return Text("\n".join(f"• {plain_text(line)}" for line in lines))


def progress_bar(fraction: float, width: int = 50) -> Text:
    """A plain progress bar on a line of its own (Rich's ProgressBar does not end its line in a Group)."""
    filled = round(max(0.0, min(fraction, 1.0)) * width)
    return Text.assemble(("█" * filled, "green"), ("░" * (width - filled), "dim"))


def ask_number(
    out: Console, question: str, low: float, high: float, *, whole: bool = True, default: float | None = None
) -> float:
    """Ask until the answer is a number in range; says what is expected when it is not. A `default`
    is shown in brackets, and Enter keeps it."""
    prompt = IntPrompt if whole else FloatPrompt
    kind = "a whole number" if whole else "a number"
    while True:
        if default is None:
            value = prompt.ask(question, console=out)
        else:
            value = prompt.ask(question, console=out, default=int(default) if whole else float(default))
        if low <= value <= high:
            return value
        out.print(f"[red]Please enter {kind} from {low:g} to {high:g}.[/red]")


def ask_score(out: Console, question: str) -> int:
    """A 0-10 rating."""
    return int(ask_number(out, question, 0, 10))
