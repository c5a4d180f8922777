"""The files the daemon shares with the rest of unknot, all in the data folder.

- breaks-config.json: its settings and the desk stretches to suggest (written by `unknot breaks run`
  and whenever a break setting changes; reread when it changes);
- breaks-state.json: what it is doing now (read by `unknot breaks status`; written when that changes);
- breaks-pause.json: pause until a time (written by `unknot breaks pause|resume`);
- serve.json: the web app's address, token and pid while `unknot serve` runs (written by it);
- breaks-outbox.jsonl: what happened (prompts, answers, natural breaks, water), moved into the
  journal's database the next time the journal is opened. The daemon itself never loads the
  database layer: that keeps it small in memory.
- breaks.lock: held by the running daemon (one at a time); breaks-outbox.lock: held to append to the
  outbox or move it into the journal (exclusive), or to read it (shared).

Lock and log files are opened without following a symbolic link, and created readable by the user
alone. Standard library only: the daemon and the command line both import this.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # not POSIX (Windows): no locks; every other safeguard stays
    fcntl = None  # type: ignore[assignment]

CONFIG = "breaks-config.json"
STATE = "breaks-state.json"
PAUSE = "breaks-pause.json"
OUTBOX = "breaks-outbox.jsonl"
OUTBOX_INGESTING = "breaks-outbox.ingesting"  # left by older versions while moving the outbox; read too
SERVE = "serve.json"  # while `unknot serve` runs: its address and token, for the reminders' links
DAEMON_LOCK = "breaks.lock"
OUTBOX_LOCK = "breaks-outbox.lock"
LOCK_FD_ENV = "UNKNOT_BREAKS_LOCK_FD"  # the daemon's lock, handed over by `unknot breaks run`

SMALL = 64 * 1024  # the pause and serve files hold a few dozen bytes
LARGE = 1024 * 1024  # the config: settings and a few stretches
LATEST_TIME = 32_503_680_000.0  # the year 3000: later is no time to pause until
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_SAFE = _NOFOLLOW | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NONBLOCK", 0)  # a FIFO never blocks


class UnsafeFileError(OSError):
    """A lock or log file that is a symbolic link or not a regular file: refused, never followed."""


class BadFileError(ValueError):
    """A file that does not hold what it should; the message names it and says why."""


def home() -> Path:
    """The data folder, as unknot.settings resolves it (kept import-light for the daemon)."""
    chosen = os.environ.get("UNKNOT_HOME")
    if chosen:
        return Path(chosen)
    from platformdirs import user_data_dir

    return Path(user_data_dir("unknot", appauthor=False))


def describe(exc: OSError, path: Path | None = None) -> str:
    """An OS error as `path: reason`, for one line on stderr."""
    return f"{exc.filename or path}: {exc.strerror or exc}"


def open_private(path: Path, flags: int, *, create: bool = True) -> int:
    """A descriptor for a regular file never reached through a symbolic link; created 0600."""
    if not _NOFOLLOW and path.is_symlink():
        raise UnsafeFileError(errno.ELOOP, "a symbolic link, not followed", str(path))
    try:
        descriptor = os.open(path, flags | _SAFE | (os.O_CREAT if create else 0), 0o600)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK) and path.is_symlink():
            raise UnsafeFileError(errno.ELOOP, "a symbolic link, not followed", str(path)) from None
        raise
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise UnsafeFileError(errno.EINVAL, "not a regular file", str(path))
    return descriptor


def read_all(descriptor: int, limit: int) -> bytes:
    """Up to `limit` bytes; BadFileError when there are more."""
    chunks, size = [], 0
    while chunk := os.read(descriptor, limit + 1 - size):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise BadFileError(f"larger than {limit} bytes")
    return b"".join(chunks)


def read_small(path: Path, limit: int = LARGE, *, mine: bool = False) -> bytes | None:
    """A small regular file's bytes; None when there is none. BadFileError when it is too large, not a
    regular file, a symbolic link, or (with `mine`) someone else's."""
    try:
        descriptor = open_private(path, os.O_RDONLY, create=False)
    except FileNotFoundError:
        return None
    except UnsafeFileError as exc:
        raise BadFileError(describe(exc)) from None
    try:
        if mine and hasattr(os, "getuid") and os.fstat(descriptor).st_uid != os.getuid():
            raise BadFileError("another user's file")
        return read_all(descriptor, limit)
    except BadFileError as exc:
        raise BadFileError(f"{path}: {exc}") from None
    finally:
        os.close(descriptor)


def read_json(path: Path) -> Any:
    """A JSON file's content; None when it is missing, unreadable or not JSON."""
    try:
        data = read_small(path)
        return None if data is None else json.loads(data)
    except (OSError, ValueError):
        return None


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def write_json(path: Path, data: Any) -> None:
    """Write a whole file or nothing, readable by the user alone: a new file beside it, then a rename.
    When that fails (a full disk) the new file is removed and the old one stays."""
    write_bytes(path, json.dumps(data, indent=1).encode())


def write_bytes(path: Path, text: bytes) -> None:
    """As write_json, for bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _SAFE, 0o600)
    try:
        try:
            _write_all(descriptor, text)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_pause(folder: Path) -> float:
    """Until when the reminders are paused, as a Unix time (0 without a pause file). BadFileError when
    the file holds anything but `{"until": <a time>}`."""
    path = folder / PAUSE
    try:
        data = read_small(path, SMALL)
        pause = {"until": 0} if data is None else json.loads(data)
    except OSError as exc:
        raise BadFileError(describe(exc, path)) from None
    except BadFileError:
        raise
    except ValueError:
        raise BadFileError(f"{path}: not JSON") from None
    until = pause.get("until") if isinstance(pause, dict) else None
    if isinstance(until, bool) or not isinstance(until, int | float) or not 0 <= until <= LATEST_TIME:
        raise BadFileError(f"{path}: no time to pause until in it")
    return float(until)


def lock_daemon(folder: Path) -> int | None:
    """The daemon's single-instance lock, taken: its descriptor (the lock lasts while it is open), or
    None when another process holds it."""
    descriptor = open_private(folder / DAEMON_LOCK, os.O_RDONLY)
    if fcntl is not None:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return None
    return descriptor


def hand_over(descriptor: int) -> None:
    """Keep the daemon's lock across `unknot breaks run`'s exec into the daemon, which takes it over."""
    os.set_inheritable(descriptor, True)
    os.environ[LOCK_FD_ENV] = str(descriptor)


def take_over(folder: Path) -> int | None:
    """The daemon's lock, handed over by `unknot breaks run` (when it is this folder's lock file)."""
    value = os.environ.pop(LOCK_FD_ENV, "")
    if not value.isdigit():
        return None
    descriptor = int(value)
    try:
        held, there = os.fstat(descriptor), os.lstat(folder / DAEMON_LOCK)
        if (held.st_dev, held.st_ino) != (there.st_dev, there.st_ino) or not stat.S_ISREG(there.st_mode):
            return None
        os.set_inheritable(descriptor, False)
        if fcntl is not None:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)  # already ours: never blocks
    except OSError:
        return None
    return descriptor


@contextlib.contextmanager
def outbox_lock(folder: Path, *, exclusive: bool, wait: bool = True, needed: bool = True) -> Iterator[None]:
    """Held to append to the outbox or move it into the journal (exclusive), or to read it (shared).
    BlockingIOError when `wait` is off and another process holds it. When the lock file cannot be made
    (a read-only folder, where nobody can change the outbox either) and it is not `needed`, no lock.
    No lock without fcntl either (not POSIX)."""
    if fcntl is None:
        yield
        return
    try:
        descriptor = open_private(folder / OUTBOX_LOCK, os.O_RDONLY)
    except UnsafeFileError:
        raise
    except OSError:
        if needed:
            raise
        yield
        return
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        fcntl.flock(descriptor, mode if wait else mode | fcntl.LOCK_NB)
        yield
    finally:
        os.close(descriptor)  # which releases the lock


def append_lines(folder: Path, lines: list[str], *, wait: bool = True) -> None:
    """Append whole lines to the outbox, under its lock: all of them in one write, or none (what a full
    disk let through is cut off again)."""
    data = "".join(lines).encode()
    with outbox_lock(folder, exclusive=True, wait=wait):
        descriptor = open_private(folder / OUTBOX, os.O_WRONLY | os.O_APPEND)
        try:
            size = os.fstat(descriptor).st_size
            try:
                _write_all(descriptor, data)
            except OSError:
                with contextlib.suppress(OSError):
                    os.ftruncate(descriptor, size)
                raise
        finally:
            os.close(descriptor)


def append_event(folder: Path, event: dict[str, Any]) -> None:
    """One event as one line; pid and sequence number in it make every line unique."""
    append_lines(folder, [json.dumps(event, separators=(",", ":")) + "\n"])


def outbox_waiting(folder: Path) -> bool:
    return any(os.path.lexists(folder / name) for name in (OUTBOX_INGESTING, OUTBOX))


def read_outbox(folder: Path) -> list[str]:
    """The outbox's lines (hold its lock); a line cut short by a crash is there too, to be skipped."""
    lines: list[str] = []
    for name in (OUTBOX_INGESTING, OUTBOX):
        try:
            descriptor = open_private(folder / name, os.O_RDONLY, create=False)
        except FileNotFoundError:
            continue
        try:
            data = read_all(descriptor, 1 << 30)
        finally:
            os.close(descriptor)
        lines += data.decode("utf-8", errors="replace").splitlines()
    return lines


def empty_outbox(folder: Path) -> None:
    """Once its lines are in the journal (hold the exclusive lock)."""
    for name in (OUTBOX_INGESTING, OUTBOX):
        (folder / name).unlink(missing_ok=True)
