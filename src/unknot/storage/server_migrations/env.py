"""Alembic environment of server mode's own tables: run with a connection handed in by storage.clinic."""

from __future__ import annotations

from alembic import context

from unknot.storage.server_tables import ServerBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=ServerBase.metadata,
    version_table="server_version",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
