"""Accounts in server mode: passwords (argon2, through pwdlib), signing in with rate limiting,
sessions kept in the database, single-use links to join or to reset a password, signing out
everywhere. Tokens are random; only their SHA-256 is stored, so a copy of the database opens nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets
from dataclasses import dataclass
from functools import cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from unknot.core.errors import UserError
from unknot.services.clinic import Clinic
from unknot.storage import server_repo
from unknot.storage.clinic import journal_schema, migrate_journal
from unknot.storage.server_repo import Account, Link

MIN_PASSWORD = 10
MAX_PASSWORD = 200
FAILURE_WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5  # then that address waits out the window, whoever tries
MAX_FAILURES_PER_CLIENT = 20  # one client trying many addresses
SESSION_IDLE = dt.timedelta(hours=12)
SESSION_MOST = dt.timedelta(days=14)
SEEN_EVERY = dt.timedelta(minutes=1)  # a session's "last seen" is written at most this often
JOIN_FOR = dt.timedelta(days=7)
RESET_FOR = dt.timedelta(hours=24)
# Who may invite whom: an admin anyone (a household's members join as patients of the admin);
# a clinician their patients.
INVITES = {"admin": ("admin", "clinician", "patient"), "clinician": ("patient",)}


class SignInError(UserError):
    """The address or password is wrong (never says which)."""


class TooManyAttemptsError(UserError):
    def __init__(self, minutes: int) -> None:
        super().__init__(f"sign-in: too many failed attempts; try again in {minutes} minutes")
        self.minutes = minutes


class LinkError(UserError):
    """A link that is unknown, used or expired."""


@cache
def _hasher() -> PasswordHash:
    """Argon2id with OWASP's recommended cost (19 MiB, 2 passes, 1 lane): about 45 ms a check here,
    slow for a guesser, light enough that sign-ins cannot starve a small server. A hash keeps its
    own parameters, so raising them later still checks the passwords set before."""
    return PasswordHash((Argon2Hasher(time_cost=2, memory_cost=19456, parallelism=1),))


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normal_email(email: str) -> str:
    email = email.strip().lower()
    local, at, domain = email.partition("@")
    if not at or not local or "." not in domain or len(email) > 254 or any(c.isspace() for c in email):
        raise UserError(f"email: {email or 'nothing'} is not an email address")
    return email


def check_password(password: str, email: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password: use at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise UserError(f"password: use at most {MAX_PASSWORD} characters")
    if password.strip().lower() == email.lower():
        raise UserError("password: do not use your email address as your password")


def _check_name(name: str) -> str:
    name = " ".join(name.split())
    if not name or len(name) > 120:
        raise UserError("name: give a name of 1 to 120 characters")
    return name


def create_admin(clinic: Clinic, email: str, name: str, password: str) -> Account:
    """The first admin (`unknot server init`); refused once an admin exists."""
    email = normal_email(email)
    check_password(password, email)
    hashed = _hasher().hash(password)
    with clinic.store.writing() as db:
        if server_repo.count_role(db, "admin"):
            raise UserError("server init: an admin already exists; sign in as them to invite others")
        if server_repo.account_by_email(db, email) is not None:
            raise UserError(f"email: {email} already has an account")
        admin = server_repo.add_account(
            db, email, _check_name(name or email), "admin", hashed, None, clinic.now()
        )
        server_repo.add_audit(db, clinic.now(), admin, "server_init", None, "first admin")
    return admin


@dataclass(frozen=True)
class SignedIn:
    account: Account
    token: str  # the session cookie's value


def _new_session(clinic: Clinic, account: Account) -> SignedIn:
    token = secrets.token_urlsafe(32)
    with clinic.store.writing() as db:
        server_repo.add_session(db, digest(token), account.id, clinic.now())
    return SignedIn(account, token)


def _waited(clinic: Clinic, email: str, client: str) -> None:
    now = clinic.now()
    since = now - FAILURE_WINDOW
    with clinic.store.reading() as db:
        by_email, by_client = server_repo.failures_since(db, since, email, client)
        oldest = server_repo.oldest_failure_since(db, since, email)
    if by_email >= MAX_FAILURES_PER_EMAIL or by_client >= MAX_FAILURES_PER_CLIENT:
        until = (oldest or now) + FAILURE_WINDOW
        raise TooManyAttemptsError(max(1, math.ceil((until - now).total_seconds() / 60)))


def sign_in(clinic: Clinic, email: str, password: str, client: str) -> SignedIn:
    """A new session (never the one the browser had: no session fixation); failures are counted
    per address and per client, and past the limits nothing is checked until the window passes."""
    email, client = email.strip().lower()[:254], client[:64]  # as long as the failures' columns
    _waited(clinic, email, client)
    with clinic.store.reading() as db:
        found = server_repo.account_by_email(db, email)
    hashed = found[1] if found else None
    if len(password) > MAX_PASSWORD:
        ok = False  # no password that long was ever set: not worth hashing
    elif found is None or hashed is None:
        _hasher().hash(password)  # as long as a real check: timing does not tell which addresses exist
        ok = False
    else:
        ok = _hasher().verify(password, hashed)
    if not ok or found is None:
        with clinic.store.writing() as db:
            server_repo.add_failure(db, email, client, clinic.now())
        raise SignInError("sign-in: the email address or the password is wrong")
    with clinic.store.writing() as db:
        server_repo.forget_failures(db, email, clinic.now() - FAILURE_WINDOW)
    return _new_session(clinic, found[0])


def session_account(clinic: Clinic, token: str | None) -> Account | None:
    """The account a session cookie signs in, while the session is neither idle too long nor old."""
    if not token:
        return None
    key = digest(token)
    now = clinic.now()
    with clinic.store.reading() as db:
        found = server_repo.session_of(db, key)
    if found is None:
        return None
    account, created, seen = found
    if now - seen > SESSION_IDLE or now - created > SESSION_MOST:
        with clinic.store.writing() as db:
            server_repo.end_session(db, key)
        return None
    if now - seen > SEEN_EVERY:
        with clinic.store.writing() as db:
            server_repo.touch_session(db, key, now)
    return account


def sign_out(clinic: Clinic, token: str | None) -> None:
    if token:
        with clinic.store.writing() as db:
            server_repo.end_session(db, digest(token))


def sign_out_everywhere(clinic: Clinic, account: Account) -> int:
    """End every session of the account (every browser, this one too); how many there were."""
    with clinic.store.writing() as db:
        ended = server_repo.end_sessions(db, account.id)
        server_repo.add_audit(db, clinic.now(), account, "sign_out_everywhere", None, f"{ended} sessions")
    return ended


def invite(clinic: Clinic, by: Account, role: str, name: str = "") -> str:
    """A single-use link's token to join as `role` (shown to copy and as a QR code: no email server)."""
    if role not in INVITES.get(by.role, ()):
        raise UserError(f"role: a {by.role} cannot invite a {role}")
    token = secrets.token_urlsafe(24)
    expires = clinic.now() + JOIN_FOR
    with clinic.store.writing() as db:
        server_repo.add_link(
            db,
            digest(token),
            Link("join", role, name.strip()[:120], by.id, None, expires, False),
            clinic.now(),
        )
        server_repo.add_audit(db, clinic.now(), by, "invite", None, f"{role} {name}".strip())
    return token


def reset_link(clinic: Clinic, admin: Account, account_id: int) -> str:
    """A single-use link (24 h) to set a new password, which an admin gives the person."""
    if admin.role != "admin":
        raise UserError("reset: only an admin can issue a reset link")
    token = secrets.token_urlsafe(24)
    with clinic.store.writing() as db:
        target = server_repo.account(db, account_id)
        if target is None:
            raise UserError("account: there is no such account")
        link = Link("reset", target.role, target.name, admin.id, target.id, clinic.now() + RESET_FOR, False)
        server_repo.add_link(db, digest(token), link, clinic.now())
        patient = target.id if target.role == "patient" else None
        server_repo.add_audit(db, clinic.now(), admin, "reset_link", patient, target.email)
    return token


def open_link(clinic: Clinic, token: str, purpose: str) -> Link:
    """The link, while it is unused and not expired; LinkError otherwise."""
    with clinic.store.reading() as db:
        link = server_repo.link(db, digest(token))
    if link is None or link.purpose != purpose:
        raise LinkError("link: this link is not valid; ask for a new one")
    if link.used:
        raise LinkError("link: this link was already used; ask for a new one")
    if clinic.now() > link.expires_at:
        raise LinkError("link: this link has expired; ask for a new one")
    return link


def join(
    clinic: Clinic, token: str, email: str, name: str, password: str, *, understood: bool = False
) -> SignedIn:
    """Redeem an invitation: the account (and a patient's journal) made in one go, the link used once.
    A patient joins only once they have read that their clinician can see their journal (`understood`)."""
    link = open_link(clinic, token, "join")
    if link.role == "patient" and not understood:
        raise UserError("understood: please confirm you have read that your clinician can see your journal")
    email = normal_email(email)
    check_password(password, email)
    name = _check_name(name)
    hashed = _hasher().hash(password)
    clinician = link.created_by if link.role == "patient" else None
    with clinic.store.writing() as db:
        if not server_repo.use_link(db, digest(token), clinic.now()):
            raise LinkError("link: this link was already used; ask for a new one")
        if server_repo.account_by_email(db, email) is not None:
            raise UserError(f"email: {email} already has an account; sign in instead")
        account = server_repo.add_account(db, email, name, link.role, hashed, clinician, clinic.now())
        if account.role == "patient":
            server_repo.set_journal(db, account.id, journal_schema(account.id))
        server_repo.add_audit(db, clinic.now(), account, "join", account.id if clinician else None, link.role)
    if account.role == "patient":
        migrate_journal(clinic.store.engine, journal_schema(account.id))
        account = Account(**{**account.__dict__, "journal": journal_schema(account.id)})
    return _new_session(clinic, account)


def reset_password(clinic: Clinic, token: str, password: str) -> Account:
    """Set a new password from a reset link; every session of the account ends."""
    link = open_link(clinic, token, "reset")
    with clinic.store.writing() as db:
        account = server_repo.account(db, link.account_id or 0)
        if account is None:
            raise LinkError("link: this link is not valid; ask for a new one")
        check_password(password, account.email)
        if not server_repo.use_link(db, digest(token), clinic.now()):
            raise LinkError("link: this link was already used; ask for a new one")
        server_repo.set_password(db, account.id, _hasher().hash(password))
        server_repo.end_sessions(db, account.id)
        patient = account.id if account.role == "patient" else None
        server_repo.add_audit(db, clinic.now(), account, "password_reset", patient, "")
    return account
