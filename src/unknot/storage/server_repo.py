"""Reading and writing server mode's own tables (storage.server_tables), one function per question:
accounts, sessions, links, sign-in failures, the audit log and notices (programmes and the clinic's
exercises: storage.programme_rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from unknot.storage.server_tables import (
    AccountRow,
    AuditRow,
    LinkRow,
    NoticeRow,
    SignInFailureRow,
    WebSessionRow,
)


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    name: str
    role: str
    clinician_id: int | None
    journal: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Link:
    purpose: str
    role: str
    name: str
    created_by: int | None
    account_id: int | None
    expires_at: dt.datetime
    used: bool


@dataclass(frozen=True)
class AuditEntry:
    at: dt.datetime
    actor: str
    action: str
    patient_id: int | None
    detail: str


def _account(row: AccountRow) -> Account:
    return Account(row.id, row.email, row.name, row.role, row.clinician_id, row.journal, row.created_at)


def account(db: Session, account_id: int) -> Account | None:
    row = db.get(AccountRow, account_id)
    return None if row is None else _account(row)


def account_by_email(db: Session, email: str) -> tuple[Account, str | None] | None:
    row = db.scalars(select(AccountRow).where(AccountRow.email == email)).first()
    return None if row is None else (_account(row), row.password_hash)


def accounts(db: Session, role: str | None = None, clinician_id: int | None = None) -> list[Account]:
    query = select(AccountRow).order_by(AccountRow.name, AccountRow.id)
    if role is not None:
        query = query.where(AccountRow.role == role)
    if clinician_id is not None:
        query = query.where(AccountRow.clinician_id == clinician_id)
    return [_account(row) for row in db.scalars(query)]


def count_role(db: Session, role: str) -> int:
    return int(db.scalar(select(func.count()).where(AccountRow.role == role)) or 0)


def add_account(
    db: Session,
    email: str,
    name: str,
    role: str,
    password_hash: str,
    clinician_id: int | None,
    at: dt.datetime,
) -> Account:
    row = AccountRow(
        email=email,
        name=name,
        role=role,
        password_hash=password_hash,
        clinician_id=clinician_id,
        created_at=at,
    )
    db.add(row)
    db.flush()
    return _account(row)


def set_journal(db: Session, account_id: int, schema: str) -> None:
    db.execute(update(AccountRow).where(AccountRow.id == account_id).values(journal=schema))


def set_password(db: Session, account_id: int, password_hash: str) -> None:
    db.execute(update(AccountRow).where(AccountRow.id == account_id).values(password_hash=password_hash))


def remove_account(db: Session, account_id: int) -> None:
    db.execute(delete(AccountRow).where(AccountRow.id == account_id))


def add_session(db: Session, digest: str, account_id: int, at: dt.datetime) -> None:
    db.add(WebSessionRow(id=digest, account_id=account_id, created_at=at, seen_at=at))


def session_of(db: Session, digest: str) -> tuple[Account, dt.datetime, dt.datetime] | None:
    """The account a session belongs to, with when it began and when it was last seen."""
    found = db.execute(
        select(AccountRow, WebSessionRow.created_at, WebSessionRow.seen_at)
        .join(WebSessionRow, WebSessionRow.account_id == AccountRow.id)
        .where(WebSessionRow.id == digest)
    ).first()
    return None if found is None else (_account(found[0]), found[1], found[2])


def touch_session(db: Session, digest: str, at: dt.datetime) -> None:
    db.execute(update(WebSessionRow).where(WebSessionRow.id == digest).values(seen_at=at))


def end_session(db: Session, digest: str) -> None:
    db.execute(delete(WebSessionRow).where(WebSessionRow.id == digest))


def end_sessions(db: Session, account_id: int) -> int:
    result = db.execute(delete(WebSessionRow).where(WebSessionRow.account_id == account_id))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def add_failure(db: Session, email: str, client: str, at: dt.datetime) -> None:
    db.add(SignInFailureRow(email=email, client=client, at=at))


def failures_since(db: Session, since: dt.datetime, email: str, client: str) -> tuple[int, int]:
    """Failed sign-ins since then: naming this address, and from this client."""
    recent = select(func.count()).where(SignInFailureRow.at >= since)
    by_email = db.scalar(recent.where(SignInFailureRow.email == email)) or 0
    by_client = db.scalar(recent.where(SignInFailureRow.client == client)) or 0
    return int(by_email), int(by_client)


def oldest_failure_since(db: Session, since: dt.datetime, email: str) -> dt.datetime | None:
    return db.scalar(
        select(func.min(SignInFailureRow.at)).where(
            SignInFailureRow.at >= since, SignInFailureRow.email == email
        )
    )


def forget_failures(db: Session, email: str, before: dt.datetime) -> None:
    db.execute(
        delete(SignInFailureRow).where((SignInFailureRow.email == email) | (SignInFailureRow.at < before))
    )


def add_link(db: Session, digest: str, link: Link, at: dt.datetime) -> None:
    db.add(
        LinkRow(
            id=digest,
            purpose=link.purpose,
            role=link.role,
            name=link.name,
            created_by=link.created_by,
            account_id=link.account_id,
            created_at=at,
            expires_at=link.expires_at,
        )
    )


def link(db: Session, digest: str) -> Link | None:
    row = db.get(LinkRow, digest)
    if row is None:
        return None
    return Link(
        row.purpose,
        row.role,
        row.name,
        row.created_by,
        row.account_id,
        row.expires_at,
        row.used_at is not None,
    )


def use_link(db: Session, digest: str, at: dt.datetime) -> bool:
    """Mark the link used; False when it already was (two tabs racing for one link)."""
    result = db.execute(
        update(LinkRow).where(LinkRow.id == digest, LinkRow.used_at.is_(None)).values(used_at=at)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def add_audit(
    db: Session, at: dt.datetime, actor: Account | None, action: str, patient_id: int | None, detail: str
) -> None:
    db.add(
        AuditRow(
            at=at,
            actor_id=actor.id if actor else None,
            actor=actor.email if actor else "(system)",
            action=action,
            patient_id=patient_id,
            detail=detail,
        )
    )


def audit_entries(db: Session, patient_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
    query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
    if patient_id is not None:
        query = query.where(AuditRow.patient_id == patient_id)
    return [AuditEntry(r.at, r.actor, r.action, r.patient_id, r.detail) for r in db.scalars(query)]


def add_notice(db: Session, account_id: int, text: str, at: dt.datetime) -> None:
    db.add(NoticeRow(account_id=account_id, at=at, text=text))


def notices(db: Session, account_id: int) -> list[tuple[dt.datetime, str]]:
    query = select(NoticeRow).where(NoticeRow.account_id == account_id).order_by(NoticeRow.at.desc())
    return [(row.at, row.text) for row in db.scalars(query.limit(20))]
