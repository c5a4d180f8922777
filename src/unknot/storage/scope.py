"""One database session for a block of use cases (a web request), and what they read once in it.

Inside `one_session(sessions)`, `reading(sessions)` gives every caller the block's own session (opened
on the first read, closed at the end), and `once(sessions, key, read)` calls `read` once. A commit of
any other session of the store in the block (a write) forgets what was read once and expires the
rows the block's session loaded, so reads after a write see it. The block lives in a context
variable: the worker threads a request runs its work in see the request's block.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypeVar, cast

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

Db: TypeAlias = Session  # an open database session, as use cases hand it on to the repository
T = TypeVar("T")


@dataclass
class _Block:
    sessions: sessionmaker[Session]
    session: Session | None = None
    read_once: dict[str, Any] = field(default_factory=dict)

    def written(self) -> None:
        self.read_once.clear()
        if self.session is not None:
            self.session.expire_all()

    def close(self) -> None:
        if self.session is not None:
            self.session.close()


_block: ContextVar[_Block | None] = ContextVar("unknot_block", default=None)


def _current(sessions: sessionmaker[Session]) -> _Block | None:
    block = _block.get()
    return block if block is not None and block.sessions is sessions else None


def _committed(session: Session) -> None:
    block = _block.get()
    if block is not None and session is not block.session:
        block.written()


def reading(sessions: sessionmaker[Session]) -> contextlib.AbstractContextManager[Session]:
    """A session to read in, for a `with` block: the block's own inside `one_session` (left open
    for the next read), otherwise a new one."""
    block = _current(sessions)
    if block is None:
        return sessions()
    if block.session is None:
        block.session = sessions()
    return contextlib.nullcontext(block.session)


def once(sessions: sessionmaker[Session], key: str, read: Callable[[], T]) -> T:
    """`read()`, called once inside `one_session` (and again after a write); each time outside."""
    block = _current(sessions)
    if block is None:
        return read()
    if key not in block.read_once:
        block.read_once[key] = read()
    return cast(T, block.read_once[key])


@contextlib.contextmanager
def one_session(sessions: sessionmaker[Session]) -> Iterator[None]:
    """The block (see the module); nested in another of the same store, it is part of that one."""
    if _current(sessions) is not None:
        yield
        return
    if not event.contains(sessions, "after_commit", _committed):
        event.listen(sessions, "after_commit", _committed)
    block = _Block(sessions)
    token = _block.set(block)
    try:
        yield
    finally:
        _block.reset(token)
        block.close()
