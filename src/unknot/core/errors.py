"""The one error type interfaces turn into a clear message (exit 2 on the command line)."""


class UserError(ValueError):
    """Something the user gave or asked for is not valid now; the message is one line, field first."""
