"""The context every use case takes: settings, the store, the clock and the content, wired once."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from unknot.content.schema import Library
from unknot.core.clock import Clock, today
from unknot.core.programme import Programme
from unknot.settings import Settings
from unknot.storage import scope
from unknot.storage.engine import Store, open_store

T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    """One person's unknot: built at the edge (a command, the web app) and passed to each use case."""

    settings: Settings
    store: Store
    clock: Clock
    library: Library
    programme: Programme | None = None  # a clinician's programme to follow (server mode), see services.plans

    def now(self) -> dt.datetime:
        return self.clock.now()

    def today(self) -> dt.date:
        """The person's local date."""
        return today(self.clock)

    @property
    def zone(self) -> dt.tzinfo | None:
        """The person's time zone, in which stored moments become dates."""
        return self.clock.now().tzinfo

    def revision(self) -> int:
        """Changes whenever anything in the journal is written (by this or another process)."""
        return self.store.revision()

    def one_session(self) -> contextlib.AbstractContextManager[None]:
        """Use cases run in the block (a web request) read through one database session, and what
        they read with `once` is read once (again after a write)."""
        return scope.one_session(self.store.sessions)

    def once(self, key: str, read: Callable[[], T]) -> T:
        """`read()` once inside `one_session` (the preferences, the current plan, the care now)."""
        return scope.once(self.store.sessions, key, read)

    def close(self) -> None:
        self.store.close()


def open_context(settings: Settings, clock: Clock, library: Library) -> Context:
    """Open (creating and migrating as needed) the store that settings name."""
    return Context(settings, open_store(settings), clock, library)
