"""The worker pool of ``kg serve``: forked workers over one snapshot, two lanes, hard limits.

One *template* process holds the store: a copy in memory (stores up to ``copy_limit`` bytes on
disk), else a private snapshot of the store folder (files hard-linked, or copied) that each
worker opens read-only. Workers are forked from it, so every worker answers from the same
snapshot however the folder is replaced or deleted, and a worker is replaced in milliseconds.

Each running query is watched by a thread of this process, which kills its worker when:

* it runs past ``timeout`` (503), or its worker's resident memory passes ``worker_memory`` (503);
* its client went away (``Ticket.abandon``);
* it runs past ``cost_budget`` in the *cheap* lane: it is then moved to the *heavy* lane (and its
  shape remembered, :func:`kg.rdf.sparql_guard.query_shape`: the same query with other literals
  or comments goes there directly next time). Heavy-lane workers are separate
  (``heavy_workers``) and run at a lower CPU priority, so expensive queries cannot starve cheap ones.

Usage (from asyncio)::

    pool = Pool(Path("output/store"), size=2, limits=Limits(timeout=30.0))
    await pool.start()
    reply = await pool.run(Job("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "text/csv"))
    pool.close()
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import hashlib
import logging
import multiprocessing
import os
import queue
import shutil
import signal
import socket
import tempfile
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle, send_handle
from pathlib import Path
from typing import Any

from kg.rdf.sparql_guard import query_shape
from kg.server.workers import Job, Reply, evaluate, store_size, text_reply
from kg.store import open_store

__all__ = ["Limits", "Pool", "Ticket"]

_log = logging.getLogger(__name__)
_START_TIMEOUT = 300.0  # seconds for the template to load the store
_TICK = 0.02  # seconds between two looks at a running query
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_HEAVY_NICE = 10
_REMEMBERED = 10_000  # heavy query texts remembered


@dataclass(frozen=True)
class Limits:
    """What one query may cost: wall time, worker memory (RSS bytes, 0: none), the cheap lane's
    time budget, the heavy lane's workers, and the queue length before 503."""

    timeout: float = 30.0
    worker_memory: int = 1024 * 2**20
    cost_budget: float = 1.0
    heavy_workers: int = 1
    max_waiting: int = 256
    copy_limit: int = 128 * 2**20  # bytes of store on disk copied into memory

    def __post_init__(self) -> None:
        if not self.timeout > 0 or not self.cost_budget > 0:
            raise ValueError("the timeout and the cost budget must be positive")
        if self.worker_memory < 0 or self.heavy_workers < 0 or self.copy_limit < 0:
            raise ValueError("worker_memory, heavy_workers and copy_limit must not be negative")


@dataclass
class Ticket:
    """A job on its way through the pool; ``abandon()`` stops it (its client went away)."""

    job: Job
    future: Future = field(default_factory=Future)
    gone: threading.Event = field(default_factory=threading.Event)

    def abandon(self) -> None:
        self.gone.set()


# --- processes ----------------------------------------------------------------------------


def _die_with_parent() -> None:
    """Linux: be killed when the parent process dies (a killed server leaves no query behind)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _template(conn: Connection, store_dir: str, in_memory: bool) -> None:
    """The template process: hold the store, fork a worker for each request on ``conn``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    try:
        store = open_store(Path(store_dir), in_memory=True) if in_memory else None
        if store is None:
            open_store(Path(store_dir))  # fails now, not in every worker
    except Exception as err:  # noqa: BLE001 - reported to the parent
        conn.send(f"cannot open the store: {err}")
        return
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # workers are reaped by the kernel
    conn.send(None)
    while True:
        try:
            nice = conn.recv()
        except (EOFError, OSError):
            return
        mine, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:  # the worker
            mine.close()
            conn.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            _die_with_parent()
            if nice:
                os.nice(nice)
            _answer(Connection(theirs.detach()), store, store_dir)
            os._exit(0)
        theirs.close()
        send_handle(conn, mine.fileno(), os.getppid())
        conn.send(pid)
        mine.close()


def _answer(conn: Connection, store: Any, store_dir: str) -> None:
    if store is None:
        store = open_store(Path(store_dir))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(evaluate(store, job))


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def snapshot(store_dir: Path) -> Path:
    """A private copy of the store folder: files hard-linked beside its output folder (RocksDB
    never changes a table file), copied where links fail. Beside, not inside: a rebuild swaps the
    whole output folder (``out/store`` → ``.out.serve-snapshot-*`` next to ``out``). The caller
    removes it (``shutil.rmtree``)."""
    store_dir = Path(store_dir).resolve()
    owner = store_dir.parent
    try:
        target = Path(tempfile.mkdtemp(prefix=f".{owner.name}.serve-snapshot-", dir=owner.parent))
    except OSError:
        target = Path(tempfile.mkdtemp(prefix="kg-serve-snapshot-"))
    for source in store_dir.rglob("*"):
        dest = target / source.relative_to(store_dir)
        if source.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
            continue
        try:
            if source.suffix != ".sst":
                raise OSError("copied")  # small files that a writer could rewrite in place
            os.link(source, dest)
        except OSError:
            shutil.copy2(source, dest)
    return target


class _Worker:
    """A forked worker: its pid and pipe."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid, self.conn = pid, conn

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        self.conn.close()


# --- the pool -----------------------------------------------------------------------------


class Pool:
    """``size`` cheap-lane and ``limits.heavy_workers`` heavy-lane workers; see the module text."""

    def __init__(self, store_dir: Path, size: int, limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self._store_dir = Path(store_dir)
        self._size = size
        self._lanes: dict[str, queue.SimpleQueue] = {"cheap": queue.SimpleQueue(),
                                                     "heavy": queue.SimpleQueue()}
        self._heavy: OrderedDict[bytes, None] = OrderedDict()
        self._lock = threading.Lock()  # the template's pipe and the heavy-query memory
        self._threads: list[threading.Thread] = []
        self._template: Any = None
        self._conn: Connection | None = None
        self._snapshot: Path | None = None
        self.stopped = {"timeout": 0, "memory": 0, "gone": 0, "moved": 0}

    async def start(self) -> None:
        """Start the template (it loads the store) and the lane threads."""
        await asyncio.get_running_loop().run_in_executor(None, self._start_template)
        lanes = ["cheap"] * self._size + ["heavy"] * self.limits.heavy_workers
        for lane in lanes:
            thread = threading.Thread(target=self._serve, args=(lane,), name=f"kg-serve-{lane}",
                                      daemon=True)
            thread.start()
            self._threads.append(thread)

    def _start_template(self) -> None:
        in_memory = store_size(self._store_dir) <= self.limits.copy_limit
        source = self._store_dir if in_memory else snapshot(self._store_dir)
        self._snapshot = None if in_memory else source
        ctx = multiprocessing.get_context("spawn")  # never fork a process running an event loop
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_template, args=(child, str(source), in_memory),
                           name="kg-serve-template", daemon=True)
        proc.start()
        child.close()
        try:
            ready = parent.recv() if parent.poll(_START_TIMEOUT) else "timed out"
        except EOFError:
            ready = "the process exited"
        if ready is not None:
            proc.kill()
            self._remove_snapshot()
            raise RuntimeError(f"query workers did not start: {ready}")
        self._template, self._conn = proc, parent
        base = _rss(proc.pid)
        if self.limits.worker_memory and base >= self.limits.worker_memory:
            self.close()
            raise ValueError(f"the worker memory limit ({self.limits.worker_memory >> 20} MB) is "
                             f"below the store's own footprint ({base >> 20} MB)")

    def _fork(self, nice: int) -> _Worker:
        with self._lock:
            if self._conn is None:
                raise RuntimeError("the pool is closed")
            self._conn.send(nice)
            fd = recv_handle(self._conn)
            pid = self._conn.recv()
        return _Worker(pid, Connection(fd))

    async def run(self, job: Job, gone: threading.Event | None = None) -> Reply:
        """The reply to ``job`` (503 when too many wait); set ``gone`` to stop it."""
        ticket = Ticket(job, gone=gone or threading.Event())
        lane = "heavy" if self.limits.heavy_workers and self._is_heavy(job) else "cheap"
        if self._lanes[lane].qsize() >= self.limits.max_waiting:
            return text_reply(503, "server busy: too many queries waiting; try again later",
                              ("Retry-After", "5"))
        self._lanes[lane].put(ticket)
        return await asyncio.wrap_future(ticket.future)

    @staticmethod
    def _key(job: Job) -> bytes:
        text = "\x00".join((query_shape(job.query), *job.default_graphs, "\x01", *job.named_graphs))
        return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()

    def _is_heavy(self, job: Job) -> bool:
        with self._lock:
            return self._key(job) in self._heavy

    def _remember_heavy(self, job: Job) -> None:
        with self._lock:
            self._heavy[self._key(job)] = None
            self._heavy.move_to_end(self._key(job))
            while len(self._heavy) > _REMEMBERED:
                self._heavy.popitem(last=False)

    def _serve(self, lane: str) -> None:
        """A lane thread: run tickets of ``lane`` on its own worker, replaced when stopped."""
        worker: _Worker | None = None
        nice = _HEAVY_NICE if lane == "heavy" else 0
        while True:
            ticket = self._lanes[lane].get()
            if ticket is None:
                break
            if ticket.gone.is_set():
                self.stopped["gone"] += 1
                continue
            if not ticket.future.running() and not ticket.future.set_running_or_notify_cancel():
                continue
            try:
                worker = worker or self._fork(nice)
                reply = self._watch(worker, ticket, lane)
            except (RuntimeError, EOFError, OSError) as err:
                reply = text_reply(500, f"query worker failed: {type(err).__name__}: {err}")
                if worker is not None:
                    worker.kill()
                worker = None
            if reply is None:  # moved to the heavy lane
                worker = None
                continue
            if reply.status >= 500 or ticket.gone.is_set():
                if worker is not None:
                    worker.kill()
                worker = None
            ticket.future.set_result(reply)
        if worker is not None:
            worker.kill()

    def _watch(self, worker: _Worker, ticket: Ticket, lane: str) -> Reply | None:
        """Run ``ticket`` on ``worker`` and watch it; ``None`` when it moved to the heavy lane."""
        limits, job = self.limits, ticket.job
        worker.conn.send(job)
        start = time.monotonic()
        budget = limits.cost_budget if lane == "cheap" and limits.heavy_workers else limits.timeout
        while not worker.conn.poll(_TICK):
            spent = time.monotonic() - start
            if ticket.gone.is_set():
                self.stopped["gone"] += 1
                worker.kill()
                return text_reply(499, "client went away")
            if limits.worker_memory and _rss(worker.pid) > limits.worker_memory:
                self.stopped["memory"] += 1
                self._remember_heavy(job)
                worker.kill()
                return text_reply(503, f"query stopped: its worker went over the "
                                       f"{limits.worker_memory >> 20} MB memory limit",
                                  ("Retry-After", "1"))
            if spent > budget:
                worker.kill()
                self._remember_heavy(job)
                if budget < limits.timeout:
                    self.stopped["moved"] += 1
                    self._lanes["heavy"].put(ticket)
                    return None
                self.stopped["timeout"] += 1
                return text_reply(503, f"query stopped: it ran longer than the "
                                       f"{limits.timeout:g} s time limit", ("Retry-After", "1"))
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            worker.kill()
            return text_reply(503, "the query worker died (out of memory?); it is being replaced")

    def close(self) -> None:
        threads, self._threads = self._threads, []
        for thread in threads:
            self._lanes["heavy" if "heavy" in thread.name else "cheap"].put(None)
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
        if self._template is not None:
            self._template.kill()
            self._template.join(10)
            self._template = None
        self._remove_snapshot()

    def _remove_snapshot(self) -> None:
        if self._snapshot is not None:
            shutil.rmtree(self._snapshot, ignore_errors=True)
            self._snapshot = None
