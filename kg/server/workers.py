"""Query evaluation for ``kg serve``: result formats, and a pool of killable worker processes.

pyoxigraph cannot cancel a running query, so every query runs in a worker process; one that
outlives its time limit is killed and replaced, and a runaway query never holds up the others.
Each worker holds the store for its whole life: a copy in memory when the store on disk is at
most ``memory_limit`` bytes (several times faster on joins), else the store opened read-only on
disk. The copy costs each worker about three times the store's size on disk (the 1x corpus:
11 MB on disk, ~31 MB per worker, ~1 s to load); it is never written to (updates never reach a
worker), so serving stays read-only either way.

Results are serialised by pyoxigraph (never row by row in Python) and cut at ``max_rows`` rows
or triples; the ``X-Kazkg-Truncated`` header says whether they were. The format is chosen by
:func:`kg.server.formats.choose_format`.

Evaluation itself needs no process:

>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x")))
>>> store.add(ox.Quad(ox.NamedNode("http://e/b"), ox.NamedNode("http://e/p"), ox.Literal("y")))
>>> reply = evaluate(store, Job("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", "text/csv", max_rows=1))
>>> reply.status, reply.body, dict(reply.headers)[TRUNCATED_HEADER]
(200, b'o\\r\\nx\\r\\n', 'true')

The pool, from asyncio (each query is answered by one worker; a query that runs longer than
``timeout`` seconds gets a 503 and its worker is replaced)::

    pool = Pool(Path("output/store"), size=2, timeout=30.0)
    await pool.start()                      # starts the processes, each loads the store
    reply = await pool.run(Job("SELECT * WHERE { ?s ?p ?o } LIMIT 3", "text/csv"))
    pool.close()
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.server.formats import choose_format, offered
from kg.store import QueryError, open_store, run_query

if TYPE_CHECKING:  # pragma: no cover
    from multiprocessing.connection import Connection

__all__ = ["DEFAULT_MEMORY_LIMIT", "TRUNCATED_HEADER", "Job", "Pool", "Reply",
           "evaluate", "store_size", "text_reply"]

TRUNCATED_HEADER = "X-Kazkg-Truncated"
_R = ox.QueryResultsFormat
_G = ox.RdfFormat
DEFAULT_MEMORY_LIMIT = 128 * 1024 * 1024  # bytes of store on disk held in memory by each worker
_MAX_WAITING = 256  # requests queued for a worker before new ones get 503
_START_TIMEOUT = 300.0  # seconds for a worker to open (or load) the store
_log = logging.getLogger(__name__)

@dataclass(frozen=True)
class Job:
    """One query to evaluate: the text, how to answer, and an optional RDF dataset."""

    query: str
    accept: str = ""
    format: str | None = None
    max_rows: int = 10_000
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type, body and extra headers.

    ``kind`` is the kind of result (select, ask or graph) of a successful evaluation, else "".
    """

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()
    kind: str = ""


def text_reply(status: int, message: str, *headers: tuple[str, str]) -> Reply:
    """A plain-text reply (errors, refusals)."""
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode(), headers)


def evaluate(store: ox.Store, job: Job) -> Reply:
    """Answer ``job`` from ``store``: the serialised results, or a 400/406/500 text reply."""
    try:
        result = _query(store, job)
        if isinstance(result, ox.QueryBoolean):
            kind = "ask"
        else:
            kind = "graph" if isinstance(result, ox.QueryTriples) else "select"
        result_format = choose_format(kind, job.accept, job.format)
        if result_format is None:
            return text_reply(406, f"no acceptable format for this {kind.upper()} result; "
                                   f"offered: {offered(kind)}")
        if kind == "ask":
            return Reply(200, result_format.media_type, result.serialize(format=result_format),
                         kind=kind)
        if kind == "graph":
            body, truncated = _graph_body(result, result_format, job.max_rows)
        else:
            body, truncated = _select_body(result, result_format, job.max_rows)
        return Reply(200, result_format.media_type, body,
                     ((TRUNCATED_HEADER, "true" if truncated else "false"),), kind)
    except QueryError as err:
        return text_reply(400, str(err))
    except Exception as err:  # noqa: BLE001 - a worker must answer, whatever went wrong
        return text_reply(500, f"query evaluation failed: {type(err).__name__}: {err}")


# Bytes that occur at least once between two solutions of a SPARQL JSON or XML result (and
# possibly inside a value too): their count bounds the number of solutions from above.
_ROW_MARKS = {_R.JSON: (b"},{", 1), _R.XML: (b"<result>", 0)}


def _select_body(result: ox.QuerySolutions, result_format: Any, max_rows: int) -> tuple[bytes, bool]:
    """Solutions in ``result_format``, cut at ``max_rows``, all of it inside pyoxigraph.

    JSON and XML are written directly when a count of row marks shows that there are at most
    ``max_rows`` solutions. Otherwise (and for CSV and TSV) the solutions go through SPARQL TSV,
    which has one line per solution, so that they are counted and cut on bytes, then converted.
    """
    marks = _ROW_MARKS.get(result_format)
    if marks is not None:
        body: bytes = result.serialize(format=result_format)  # type: ignore[assignment]
        mark, extra = marks
        if body.count(mark) + extra <= max_rows:
            return body, False
        result = ox.parse_query_results(body, result_format)  # maybe too many: count them
    tsv: bytes = result.serialize(format=_R.TSV)  # type: ignore[assignment]
    kept, truncated = _first_lines(tsv, 1 + max_rows)
    if result_format == _R.TSV:
        return kept, truncated
    solutions = ox.parse_query_results(kept, _R.TSV)
    body = solutions.serialize(format=result_format)  # type: ignore[assignment]
    return body, truncated


def _graph_body(result: ox.QueryTriples, result_format: Any, max_rows: int) -> tuple[bytes, bool]:
    """Triples in ``result_format``, cut at ``max_rows``, through N-Triples (one line each)."""
    nt: bytes = ox.serialize(result, format=_G.N_TRIPLES)  # type: ignore[assignment]
    kept, truncated = _first_lines(nt, max_rows)
    if result_format == _G.N_TRIPLES:
        return kept, truncated
    triples = ox.parse(kept, format=_G.N_TRIPLES)
    body: bytes = ox.serialize(triples, format=result_format)  # type: ignore[assignment]
    return body, truncated


def _first_lines(data: bytes, count: int) -> tuple[bytes, bool]:
    """The first ``count`` newline-terminated lines of ``data``, and whether any were left out."""
    end = -1
    for _ in range(count):
        end = data.find(b"\n", end + 1)
        if end < 0:
            return data, False
    return data[:end + 1], end + 1 < len(data)


def _query(store: ox.Store, job: Job) -> Any:
    if not (job.default_graphs or job.named_graphs):
        return run_query(store, job.query)
    try:  # a dataset given by the protocol replaces the union default graph
        return store.query(job.query,
                           default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
                           named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None)
    except (SyntaxError, ValueError, OSError) as err:
        raise QueryError(f"SPARQL error: {err}") from None


def store_size(store_dir: Path) -> int:
    """Bytes of the store's files on disk."""
    return sum(p.stat().st_size for p in Path(store_dir).rglob("*") if p.is_file())


# --- worker processes ---------------------------------------------------------------------


def _work(conn: Connection, store_dir: str, memory_limit: int) -> None:
    """A worker process: open (or load) the store once, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server, which stops us
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        in_memory = store_size(Path(store_dir)) <= memory_limit
        store = open_store(Path(store_dir), in_memory=in_memory)
    except Exception as err:  # noqa: BLE001 - reported to the parent as a reply
        conn.send(text_reply(500, f"cannot open the store: {err}"))
        return
    conn.send(None)  # ready
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(evaluate(store, job))


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:  # a killed server must not leave a runaway query behind
        time.sleep(1.0)
    os._exit(1)


class _Worker:
    """One worker process and its pipe; restarted on demand after a timeout or a crash."""

    def __init__(self, store_dir: Path, memory_limit: int) -> None:
        self._store_dir = store_dir
        self._memory_limit = memory_limit
        self._proc: Any = None
        self._conn: Connection | None = None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a process running an event loop
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_work, args=(child, str(self._store_dir), self._memory_limit),
                           name="kg-serve-worker", daemon=True)
        proc.start()
        child.close()
        try:
            ready = parent.recv() if parent.poll(_START_TIMEOUT) else text_reply(500, "timed out")
        except EOFError:
            ready = text_reply(500, "the worker exited")
        if ready is not None:
            proc.kill()
            proc.join()
            parent.close()
            raise RuntimeError(f"query worker did not start: {ready.body.decode().strip()}")
        self._proc, self._conn = proc, parent

    def stop(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if proc is not None:
            proc.kill()
            proc.join(10)
        if conn is not None:
            conn.close()

    def run(self, job: Job, timeout: float) -> Reply:
        """The worker's reply; a worker that overruns ``timeout`` or dies is stopped."""
        try:
            if not self.alive:
                self.stop()
                self.start()
            conn = self._conn
            assert conn is not None  # started
            conn.send(job)
            if conn.poll(timeout):
                return conn.recv()
        except RuntimeError as err:
            return text_reply(500, str(err))
        except (EOFError, OSError):
            self.stop()
            return text_reply(500, "the query worker died (out of memory?); it is being replaced")
        self.stop()
        return text_reply(503, f"query stopped: it ran longer than the {timeout:g} s time limit",
                          ("Retry-After", "1"))


class Pool:
    """Worker processes shared by the requests; each query is answered by one worker.

    Each worker process has a thread in this process that takes the next query from a shared
    queue as soon as the worker is free (no round trip through the event loop between two
    queries), sends it, waits for the answer or the time limit, and restarts a worker that was
    stopped. ``memory_limit``: the largest store (bytes on disk) that each worker copies into
    memory; 0 keeps every worker on the read-only store on disk.
    """

    def __init__(self, store_dir: Path, size: int, timeout: float,
                 memory_limit: int = DEFAULT_MEMORY_LIMIT) -> None:
        self._workers = [_Worker(store_dir, memory_limit) for _ in range(size)]
        self._timeout = timeout
        self._jobs: queue.SimpleQueue[tuple[Job, Future] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []

    async def start(self) -> None:
        """Start the worker processes (in parallel) and their threads."""
        loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(max_workers=len(self._workers)) as starters:
            await asyncio.gather(*(loop.run_in_executor(starters, w.start) for w in self._workers))
        for worker in self._workers:
            thread = threading.Thread(target=self._serve, args=(worker,), name="kg-serve-worker",
                                      daemon=True)
            thread.start()
            self._threads.append(thread)

    async def run(self, job: Job) -> Reply:
        """The reply to ``job`` from the next free worker (503 when too many are waiting)."""
        if self._jobs.qsize() >= _MAX_WAITING:
            return text_reply(503, "server busy: too many queries waiting; try again later",
                              ("Retry-After", "5"))
        future: Future = Future()
        self._jobs.put((job, future))
        # A client that goes away cancels its query if no worker has taken it yet.
        return await asyncio.wrap_future(future)

    def _serve(self, worker: _Worker) -> None:
        """A worker's thread: answer queued jobs until the pool closes."""
        while True:
            item = self._jobs.get()
            if item is None:
                return
            job, future = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                reply = worker.run(job, self._timeout)
            except Exception as err:  # noqa: BLE001 - e.g. the pool closing under it
                reply = text_reply(500, f"query worker failed: {type(err).__name__}: {err}")
            future.set_result(reply)
            if not worker.alive and not self._closed():
                try:  # replace a worker stopped after a timeout or a crash before the next job
                    worker.start()
                except RuntimeError as err:  # retried by the next job that this thread takes
                    _log.error("%s", err)

    def _closed(self) -> bool:
        return not self._threads

    def close(self) -> None:
        threads, self._threads = self._threads, []
        for _ in threads:
            self._jobs.put(None)
        for worker in self._workers:
            worker.stop()
