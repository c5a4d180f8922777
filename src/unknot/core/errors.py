"""The errors interfaces turn into a clear message (exit 2 on the command line, 400 on the web)."""


class UserError(ValueError):
    """Something the user gave or asked for is not valid now; the message is one line, field first."""


class NotAllowedError(UserError):
    """The request is well formed but not allowed now (e.g. a session without a self-care plan).
    `answer_again`: what unlocks it is answering the intake questions (each interface says how)."""

    def __init__(self, message: str, *, answer_again: bool = False) -> None:
        super().__init__(message)
        self.answer_again = answer_again
