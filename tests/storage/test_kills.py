"""A process killed while it creates or upgrades the journal never leaves it unusable (SQLite: the
file a person keeps). `bench/kills.py` runs the same with 200 kills."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from alembic import command

from unknot.settings import Settings
from unknot.storage.engine import SCHEMA_HEAD, alembic_config, database_engine, open_store, schema_revision

OPEN_WHEN_TOLD = """
import sys
from unknot.settings import Settings
from unknot.storage.engine import open_store
print("ready", flush=True)
open_store(Settings()).close()
print("done", flush=True)
"""
DELAYS = [n * 0.03 for n in range(12)]  # across the ~0.3 s a migration takes here


def kill_while_opening(home: Path, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", OPEN_WHEN_TOLD],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "UNKNOT_HOME": str(home)},
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)


def at_0004_with_a_checkin(home: Path) -> None:
    engine = database_engine(Settings(home=home))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
        connection.exec_driver_sql(
            "INSERT INTO checkins (date, pain, stiffness, note, red_flags, recorded_at) "
            "VALUES (?, 4, 3, 'kept', '[]', ?)",
            (dt.date(2026, 3, 1), dt.datetime(2026, 3, 1, 8)),
        )
    engine.dispose()


def opens_whole(home: Path) -> None:
    store = open_store(Settings(home=home))
    assert schema_revision(store.engine) == SCHEMA_HEAD
    store.close()


@pytest.mark.parametrize("delay", DELAYS)
def test_a_kill_during_the_first_run_leaves_a_journal_that_opens(tmp_path: Path, delay: float) -> None:
    home = tmp_path / "home"
    kill_while_opening(home, delay)
    opens_whole(home)


@pytest.mark.parametrize("delay", DELAYS[::2])
def test_a_kill_during_an_upgrade_loses_nothing(tmp_path: Path, delay: float) -> None:
    home = tmp_path / "home"
    at_0004_with_a_checkin(home)
    kill_while_opening(home, delay)
    opens_whole(home)
    engine = database_engine(Settings(home=home))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT note FROM checkins").scalars().all() == ["kept"]
    engine.dispose()


def test_a_half_made_journal_from_an_older_version_is_rebuilt_when_empty(tmp_path: Path) -> None:
    home = tmp_path / "home"
    engine = database_engine(Settings(home=home))
    with engine.begin() as connection:  # what a kill during an old, non-transactional first run left
        connection.exec_driver_sql("CREATE TABLE assessments (id INTEGER PRIMARY KEY)")
    engine.dispose()
    opens_whole(home)


def test_a_half_made_journal_with_data_is_refused_in_one_line(tmp_path: Path) -> None:
    home = tmp_path / "home"
    engine = database_engine(Settings(home=home))
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE checkins (id INTEGER PRIMARY KEY, pain INTEGER)")
        connection.exec_driver_sql("INSERT INTO checkins (pain) VALUES (4)")
    engine.dispose()
    done = subprocess.run(
        [sys.executable, "-m", "unknot", "today"],
        capture_output=True,
        text=True,
        env={**os.environ, "UNKNOT_HOME": str(home)},
        check=False,
    )
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("database: ") and "set-up never finished" in line
