"""The context every use case takes: settings, the store, the clock and the content, wired once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unknot.content.schema import Library
from unknot.core.clock import Clock, today
from unknot.settings import Settings
from unknot.storage.engine import Store, open_store


@dataclass(frozen=True)
class Context:
    """One person's unknot: built at the edge (a command, the web app) and passed to each use case."""

    settings: Settings
    store: Store
    clock: Clock
    library: Library

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

    def close(self) -> None:
        self.store.close()


def open_context(settings: Settings, clock: Clock, library: Library) -> Context:
    """Open (creating and migrating as needed) the store that settings name."""
    return Context(settings, open_store(settings), clock, library)
