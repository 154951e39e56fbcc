"""Atomic file output: write to a temporary file beside the target, then rename; swap two
folders in one step; an exclusive lock that dies with its process; a stamp of the package's
code (for caches that only the code that made them may read).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> write_atomic(d / "a.txt", "hi")
>>> (d / "a.txt").read_text()
'hi'
"""

from __future__ import annotations

import errno
import hashlib
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import IO


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` so that ``path`` is never seen half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise _named(err, path) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_binary(path: str | Path) -> Iterator[IO[bytes]]:
    """A binary file handle whose content appears at ``path`` only when the block succeeds."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise _named(err, path) from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def naming(path: str | Path) -> Iterator[None]:
    """Within the block, an ``OSError`` that names no file (a full disk, say) names ``path``."""
    try:
        yield
    except OSError as err:
        named = _named(err, Path(path))
        if named is err:
            raise
        raise named from err


def _named(err: OSError, path: Path) -> OSError:
    """``err`` naming ``path`` if it names no file (a full disk while writing, say)."""
    return err if err.filename else type(err)(err.errno, err.strerror or str(err), str(path))


def exchange(a: str | Path, b: str | Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``).

    Returns False, changing nothing, where the system or file system cannot do it.
    """
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # deferred: Linux only

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:  # pragma: no cover - glibc before 2.28
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


class Locked(OSError):
    """Another process holds the lock."""


@contextmanager
def exclusive_lock(path: str | Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` for the block; :class:`Locked` at once if taken.

    The lock dies with the process (even on ``kill -9``); the file itself stays.
    """
    import fcntl  # deferred: POSIX only

    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            raise Locked(errno.EWOULDBLOCK, "locked by another process", str(path)) from err
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """A digest of the package's code and tables (each file's name, size and time): a cache
    keyed by it is only read by the code that wrote it (parsed documents, search terms).

    >>> code_stamp() == code_stamp() and len(code_stamp())
    16
    """
    root = Path(__file__).resolve().parent  # the kg package
    digest = hashlib.sha256()
    for file in sorted(root.rglob("*")):
        if file.suffix in {".py", ".tsv", ".txt", ".json"} and "models" not in file.parts:
            st = file.stat()
            digest.update(f"{file.relative_to(root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
