"""Server mode's database for bench/server.py: a clinician and N patients on PostgreSQL, each with a
year of journal.

Each patient is an account (one argon2 hash shared by all: a hash takes a tenth of a second, and the
bench signs in by sessions made up front) with a journal schema of their own. A journal the whole
way: `storage.clinic.migrate_journal` (as `join` does), the assessment and its plan through the
services (as the first visit does), then a year in bulk in one transaction (rows as seed.py makes
them): a change of plan every 14 days, a check-in on nine days of ten, a session of the day's plan
on two days of three, each questionnaire at its own interval; the last entries are yesterday's.
`copy_patients` makes the first journal so and copies it for the others (pg_dump, psql);
`seed_patients` makes every journal the whole way.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import subprocess
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import psycopg
from seed import ANSWERS, PLAN_EVERY_DAYS, _checkins, _responses, _sessions, at
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import make_url

from unknot.content.loader import default_library
from unknot.core.answers import answers_from_dict
from unknot.core.clock import FixedClock
from unknot.services import intake, plans, preferences
from unknot.services.accounts import _hasher, digest
from unknot.services.clinic import Clinic, open_clinic, patient_context
from unknot.settings import Settings
from unknot.storage import repository, server_repo
from unknot.storage.clinic import journal_schema, migrate_journal
from unknot.storage.server_tables import AccountRow, WebSessionRow
from unknot.storage.tables import CheckinRow, PlanRow, ResponseRow, SessionRow

PASSWORD = "bench-password-not-secret"
CLINICIAN = "clinician@bench.example"
REASON = "Your plan changed because of the past two weeks."
Rows = list[dict[str, Any]]


def patient_email(n: int) -> str:
    return f"patient{n:05d}@bench.example"


def admin_url(url: str) -> str:
    """The same server's maintenance database, for CREATE and DROP DATABASE (psycopg's own URL)."""
    return make_url(url).set(drivername="postgresql", database="postgres").render_as_string(False)


def libpq_url(url: str) -> str:
    """The database's URL as psql and pg_dump take it."""
    return make_url(url).set(drivername="postgresql").render_as_string(False)


def database_exists(url: str) -> bool:
    name = make_url(url).database
    with psycopg.connect(admin_url(url), autocommit=True) as admin:
        return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None


def recreate_database(url: str) -> None:
    name = make_url(url).database
    assert name and name.replace("_", "").isalnum(), name
    with psycopg.connect(admin_url(url), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    with psycopg.connect(admin_url(url), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def open_bench_clinic(url: str, clock: FixedClock | None = None, *, migrate: bool = False) -> Clinic:
    home = Path(tempfile.gettempdir()) / "unknot-bench-server"
    settings = Settings(home=home, database_url=url)
    return open_clinic(
        settings, clock or FixedClock(dt.datetime.now(dt.UTC)), default_library(), migrate=migrate
    )


def patient_count(url: str) -> int:
    """Patients with a journal in the database (0 when it has no server tables yet)."""
    if not database_exists(url):
        return 0
    clinic = open_bench_clinic(url)
    try:
        with clinic.store.reading() as db:
            if db.scalar(select(func.to_regclass("public.accounts"))) is None:
                return 0
            query = select(func.count()).where(AccountRow.role == "patient", AccountRow.journal.is_not(None))
            return int(db.scalar(query) or 0)
    finally:
        clinic.close()


def add_accounts(url: str, patients: int, now: dt.datetime) -> list[int]:
    """The server's tables, a clinician and the patients' accounts; the patients' ids."""
    clinic = open_bench_clinic(url, migrate=True)
    hashed = _hasher().hash(PASSWORD)
    try:
        with clinic.store.writing() as db:
            clinician = server_repo.add_account(
                db, CLINICIAN, "Bench Clinician", "clinician", hashed, None, now
            )
            rows = [
                {
                    "email": patient_email(n),
                    "name": f"Patient {n}",
                    "role": "patient",
                    "password_hash": hashed,
                    "clinician_id": clinician.id,
                    "created_at": now,
                }
                for n in range(patients)
            ]
            ids = list(db.scalars(insert(AccountRow).returning(AccountRow.id), rows))
            db.execute(update(AccountRow), [{"id": i, "journal": journal_schema(i)} for i in ids])
        return ids
    finally:
        clinic.close()


def seed_patients(url: str, ids: list[int], days: int, today: dt.date, processes: int) -> None:
    """Each patient's journal schema and year the whole way (migrate_journal, the services, the
    rows), `processes` at a time (migrations wait for each other: they take one advisory lock)."""
    chunks = [ids[n::processes] for n in range(processes)]
    with ProcessPoolExecutor(processes) as pool:
        for done in pool.map(_seed_chunk, [(url, chunk, days, today) for chunk in chunks]):
            assert done >= 0


def copy_patients(url: str, ids: list[int], days: int, today: dt.date, processes: int) -> None:
    """The first patient's journal the whole way, then the same journal for every other patient:
    the first schema as pg_dump writes it (tables, indexes, rows, sequences), under each patient's
    schema name, replayed by `processes` psql at once, a transaction a journal."""
    _seed_chunk((url, ids[:1], days, today))
    first = journal_schema(ids[0])
    dump = subprocess.run(
        ["pg_dump", "--no-owner", "--no-privileges", "-n", first, "-d", libpq_url(url)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    pattern = re.compile(rf"\b{first}\b")
    streams = [
        subprocess.Popen(
            ["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", libpq_url(url)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        for _ in range(processes)
    ]
    for n, account_id in enumerate(ids[1:]):
        stdin = streams[n % processes].stdin
        assert stdin is not None
        stdin.write(f"BEGIN;\n{pattern.sub(journal_schema(account_id), dump)}\nCOMMIT;\n")
    for stream in streams:
        assert stream.stdin is not None
        stream.stdin.close()
    failed = [stream.wait() for stream in streams if stream.wait() != 0]
    if failed:
        raise RuntimeError(f"psql: copying the journals failed ({len(failed)} of {processes} streams)")


def _seed_chunk(job: tuple[str, list[int], int, dt.date]) -> int:
    url, ids, days, today = job
    zone = dt.datetime.now().astimezone().tzinfo
    assert zone is not None
    start = today - dt.timedelta(days=days)
    clinic = open_bench_clinic(url, FixedClock(at(start, 8, zone)))
    try:
        for account_id in ids:
            migrate_journal(clinic.store.engine, journal_schema(account_id))
            _seed_journal(clinic, account_id, days, start, zone)
    finally:
        clinic.close()
    return len(ids)


def _seed_journal(clinic: Clinic, account_id: int, days: int, start: dt.date, zone: dt.tzinfo) -> None:
    with clinic.store.reading() as db:
        account = server_repo.account(db, account_id)
    assert account is not None
    ctx = patient_context(clinic, account)
    intake.save_assessment(ctx, answers_from_dict(ANSWERS))
    preferences.change(ctx, {"seen_welcome": "on"})
    current = plans.current(ctx)
    assert current is not None and current.plan is not None and current.plan_id is not None
    plan = current.plan.model_dump(mode="json")
    items = [item["id"] for item in plan["items"]]
    every_day = [start + dt.timedelta(days=n) for n in range(days)]
    with ctx.store.writing() as db:
        plan_ids = _plan_changes(db, plan, current.plan_id, every_day, zone)
        db.execute(insert(CheckinRow), _checkins([d for n, d in enumerate(every_day) if n % 10 != 9], zone))
        db.execute(insert(SessionRow), _sessions(every_day, items, plan_ids, zone))
        db.execute(insert(ResponseRow), _responses(every_day, clinic.library, zone))


def _plan_changes(
    db: Any, plan: dict[str, Any], first_id: int, days: list[dt.date], zone: dt.tzinfo
) -> list[int]:
    """A change of plan every 14 days, as plans.adapt_plan makes them (ids from the table's sequence);
    the id of the plan current on each day."""
    _, assessment_id = repository.plan_started(db, first_id)
    columns = {key: plan[key] for key in ("level", "total_minutes", "items", "habits", "walking", "lessons")}
    changes = [day for n, day in enumerate(days) if n and n % PLAN_EVERY_DAYS == 0]
    rows = [
        {**columns, "assessment_id": assessment_id, "created_at": at(day, 7, zone), "reason": REASON}
        for day in changes
    ]
    ids = list(db.scalars(insert(PlanRow).returning(PlanRow.id, sort_by_parameter_order=True), rows))
    current, by_day = first_id, []
    starts = dict(zip(changes, ids, strict=True))
    for day in days:
        current = starts.get(day, current)
        by_day.append(current)
    return by_day


def sign_in_all(url: str, now: dt.datetime) -> list[str]:
    """A new web session for every patient (the cookie values), made as `sign_in` makes them."""
    clinic = open_bench_clinic(url)
    try:
        with clinic.store.writing() as db:
            query = select(AccountRow.id).where(AccountRow.role == "patient").order_by(AccountRow.id)
            ids = list(db.scalars(query))
            tokens = [secrets.token_urlsafe(32) for _ in ids]
            db.execute(
                insert(WebSessionRow),
                [
                    {"id": digest(t), "account_id": i, "created_at": now, "seen_at": now}
                    for i, t in zip(ids, tokens, strict=True)
                ],
            )
        return tokens
    finally:
        clinic.close()


def seed_processes() -> int:
    return max(2, min(8, 2 * (os.cpu_count() or 1)))
