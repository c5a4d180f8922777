"""Server mode's own tables (in PostgreSQL's `public` schema): accounts, sign-in sessions, links,
sign-in failures, the audit log, programmes, custom exercises and notices. Each patient's journal is
the local app's tables in a schema of its own (storage.clinic). Change them only with a migration
in storage/server_migrations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from unknot.storage.tables import NAMING, UTCDateTime


class ServerBase(DeclarativeBase):
    pass


ServerBase.metadata.naming_convention = NAMING


class AccountRow(ServerBase):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("email"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(10))  # admin, clinician, patient
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # A patient's clinician (or the admin who invited them, for a household).
    clinician_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    journal: Mapped[str | None] = mapped_column(String(40), nullable=True)  # a patient's schema
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class WebSessionRow(ServerBase):
    """A signed-in browser: the cookie holds a random token, the row its SHA-256."""

    __tablename__ = "web_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class LinkRow(ServerBase):
    """A single-use link: an invitation to join, or a password reset an admin issued."""

    __tablename__ = "links"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # SHA-256 of the link's token
    purpose: Mapped[str] = mapped_column(String(10))  # join, reset
    role: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(120), default="")
    created_by: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=True
    )
    account_id: Mapped[int | None] = mapped_column(  # the account a reset is for
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class SignInFailureRow(ServerBase):
    """A failed sign-in, by the address it named and by the client's address (rate limiting)."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    client: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)


class AuditRow(ServerBase):
    """Who read or changed which patient's records, and every admin action."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    actor_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # kept after the account goes
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    patient_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    detail: Mapped[str] = mapped_column(Text, default="")


class ProgrammeRow(ServerBase):
    """A clinician's programme: a template to reuse, or one assigned to a patient."""

    __tablename__ = "programmes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    clinician_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True, index=True
    )
    patient_id: Mapped[int | None] = mapped_column(  # None: a template
        ForeignKey("accounts.id", ondelete="CASCADE"), nullable=True, index=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # core.programme.Programme as JSON
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CustomExerciseRow(ServerBase):
    """An exercise a clinician wrote in the browser, validated as a content file is."""

    __tablename__ = "custom_exercises"
    __table_args__ = (UniqueConstraint("exercise_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exercise_id: Mapped[str] = mapped_column(String(64))
    clinician_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), nullable=True
    )
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)  # grows with every change


class NoticeRow(ServerBase):
    """Something an account is told when it next signs in (a patient deleted their account)."""

    __tablename__ = "notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    text: Mapped[str] = mapped_column(Text)
    read: Mapped[bool] = mapped_column(Boolean, default=False)
