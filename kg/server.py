"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page over a built store.

Queries are evaluated in a small pool of worker processes, each holding the store open
read-only. pyoxigraph cannot cancel a running query, so a query that outlives its time limit is
stopped by killing its worker, which is then replaced: one runaway query never holds up the
others. Results are cut at ``max_rows`` rows (or triples), and the ``X-Kazkg-Truncated`` header
says whether they were.

The result format follows the ``Accept`` header, or a ``format=`` parameter:

>>> choose_format("select", "text/csv;q=0.5, application/sparql-results+json", None).media_type
'application/sparql-results+json'
>>> choose_format("graph", "*/*", None).media_type
'text/turtle'
>>> choose_format("select", "", "tsv").media_type
'text/tab-separated-values; charset=utf-8'
>>> choose_format("graph", "image/png", None) is None
True

Evaluation itself needs no server:

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x")))
>>> store.add(ox.Quad(ox.NamedNode("http://e/b"), ox.NamedNode("http://e/p"), ox.Literal("y")))
>>> reply = evaluate(store, Job("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", "text/csv", max_rows=1))
>>> reply.status, reply.body, dict(reply.headers)[TRUNCATED_HEADER]
(200, b'o\\r\\nx\\r\\n', 'true')

Serving blocks until interrupted (Ctrl+C)::

    from kg.server import serve
    serve("output/store", port=7878)   # then open http://127.0.0.1:7878/
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.store import QueryError, open_store, run_query

if TYPE_CHECKING:  # pragma: no cover
    from multiprocessing.connection import Connection

    from starlette.applications import Starlette
    from starlette.requests import Request

__all__ = ["TRUNCATED_HEADER", "Job", "Reply", "choose_format", "evaluate", "make_app", "serve"]

TRUNCATED_HEADER = "X-Kazkg-Truncated"
MAX_BODY = 4 * 1024 * 1024  # bytes of a query request
_MAX_WAITING = 256  # requests queued for a worker before new ones get 503
_START_TIMEOUT = 60.0  # seconds for a worker to open the store
_log = logging.getLogger(__name__)

_R = ox.QueryResultsFormat
_G = ox.RdfFormat
# Offers per result kind, preferred first: (media type, pyoxigraph format).
_OFFERS: dict[str, tuple[tuple[str, Any], ...]] = {
    "select": (("application/sparql-results+json", _R.JSON), ("application/json", _R.JSON),
               ("application/sparql-results+xml", _R.XML), ("application/xml", _R.XML),
               ("text/xml", _R.XML), ("text/csv", _R.CSV), ("text/tab-separated-values", _R.TSV)),
    "graph": (("text/turtle", _G.TURTLE), ("application/x-turtle", _G.TURTLE),
              ("application/n-triples", _G.N_TRIPLES), ("text/plain", _G.N_TRIPLES),
              ("application/ld+json", _G.JSON_LD), ("application/json", _G.JSON_LD),
              ("application/rdf+xml", _G.RDF_XML)),
}
_OFFERS["ask"] = _OFFERS["select"]
_NAMES: dict[str, dict[str, Any]] = {
    "select": {"json": _R.JSON, "srj": _R.JSON, "xml": _R.XML, "srx": _R.XML,
               "csv": _R.CSV, "tsv": _R.TSV},
    "graph": {"ttl": _G.TURTLE, "turtle": _G.TURTLE, "nt": _G.N_TRIPLES, "ntriples": _G.N_TRIPLES,
              "n-triples": _G.N_TRIPLES, "jsonld": _G.JSON_LD, "json-ld": _G.JSON_LD,
              "json": _G.JSON_LD, "xml": _G.RDF_XML, "rdf": _G.RDF_XML, "rdfxml": _G.RDF_XML},
}
_NAMES["ask"] = _NAMES["select"]


def choose_format(kind: str, accept: str, fmt: str | None) -> Any | None:
    """The pyoxigraph format for a result of ``kind`` (select, ask, graph), or ``None`` (406).

    ``fmt`` (a short name such as ``csv`` or ``ttl``, or a media type) wins over ``accept``.
    Among acceptable offers the highest ``q`` wins, then the most specific media range, then
    the one the client listed first, then the server's default (JSON, or Turtle for graphs).
    """
    if fmt:
        if "/" not in fmt:
            return _NAMES[kind].get(fmt.strip().lower())
        accept = fmt
    ranges = _media_ranges(accept) or [("*/*", 1.0)]
    best, best_key = None, None
    for pos, (media, result_format) in enumerate(_OFFERS[kind]):
        group = media.split("/")[0] + "/*"
        matches = [(2 if r == media else 1 if r == group else 0, -i, q)
                   for i, (r, q) in enumerate(ranges) if r in (media, group, "*/*")]
        if not matches:
            continue
        specificity, first, q = max(matches)
        key = (q, specificity, first, -pos)
        if q > 0 and (best_key is None or key > best_key):
            best, best_key = result_format, key
    return best


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges


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
    """An HTTP answer: status, media type, body and extra headers."""

    status: int
    media_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def _text(status: int, message: str, *headers: tuple[str, str]) -> Reply:
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
            offered = ", ".join(sorted({m for m, _ in _OFFERS[kind]}))
            return _text(406, f"no acceptable format for this {kind.upper()} result; offered: {offered}")
        if kind == "ask":
            return Reply(200, result_format.media_type, result.serialize(format=result_format))
        items = list(islice(result, job.max_rows + 1))
        truncated = len(items) > job.max_rows
        del items[job.max_rows:]
        if kind == "graph":
            body = ox.serialize(items, format=result_format)
        else:
            body = _solutions(result.variables, items).serialize(format=result_format)
        return Reply(200, result_format.media_type, body,
                     ((TRUNCATED_HEADER, "true" if truncated else "false"),))
    except QueryError as err:
        return _text(400, str(err))
    except Exception as err:  # noqa: BLE001 - a worker must answer, whatever went wrong
        return _text(500, f"query evaluation failed: {type(err).__name__}: {err}")


def _query(store: ox.Store, job: Job) -> Any:
    if not (job.default_graphs or job.named_graphs):
        return run_query(store, job.query)
    try:  # a dataset given by the protocol replaces the union default graph
        return store.query(job.query,
                           default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
                           named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None)
    except (SyntaxError, ValueError, OSError) as err:
        raise QueryError(f"SPARQL error: {err}") from None


def _solutions(variables: Sequence[ox.Variable], rows: list[ox.QuerySolution]) -> ox.QuerySolutions:
    """The kept rows as pyoxigraph solutions again, through SPARQL TSV (terms in their own syntax)."""
    lines = ["\t".join(str(v) for v in variables)]
    lines += ["\t".join("" if row[v] is None else str(row[v]) for v in variables) for row in rows]
    return ox.parse_query_results(("\n".join(lines) + "\n").encode("utf-8"), _R.TSV)


# --- worker processes ---------------------------------------------------------------------


def _work(conn: Connection, store_dir: str) -> None:
    """A worker process: open the store once, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server, which stops us
    parent = os.getppid()
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    try:
        store = open_store(Path(store_dir))
    except Exception as err:  # noqa: BLE001 - reported to the parent as a reply
        conn.send(_text(500, f"cannot open the store: {err}"))
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

    def __init__(self, store_dir: Path) -> None:
        self._store_dir = store_dir
        self._proc: Any = None
        self._conn: Connection | None = None

    @property
    def alive(self) -> bool:
        return self._proc is not None and self._proc.is_alive()

    def start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a process running an event loop
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_work, args=(child, str(self._store_dir)),
                           name="kg-serve-worker", daemon=True)
        proc.start()
        child.close()
        try:
            ready = parent.recv() if parent.poll(_START_TIMEOUT) else _text(500, "timed out")
        except EOFError:
            ready = _text(500, "the worker exited")
        if ready is not None:
            proc.kill()
            proc.join()
            parent.close()
            raise RuntimeError(f"query worker did not start: {ready.body.decode().strip()}")
        self._proc, self._conn = proc, parent

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(10)
            self._conn.close()
            self._proc = self._conn = None

    def run(self, job: Job, timeout: float) -> Reply:
        """The worker's reply; a worker that overruns ``timeout`` or dies is stopped."""
        try:
            if not self.alive:
                self.stop()
                self.start()
            self._conn.send(job)
            if self._conn.poll(timeout):
                return self._conn.recv()
        except RuntimeError as err:
            return _text(500, str(err))
        except (EOFError, OSError):
            self.stop()
            return _text(500, "the query worker died (out of memory?); it is being replaced")
        self.stop()
        return _text(503, f"query stopped: it ran longer than the {timeout:g} s time limit",
                     ("Retry-After", "1"))


class _Pool:
    """Worker processes shared by the requests; each request gets one worker at a time."""

    def __init__(self, store_dir: Path, size: int, timeout: float) -> None:
        self._workers = [_Worker(store_dir) for _ in range(size)]
        self._timeout = timeout
        self._threads = ThreadPoolExecutor(max_workers=2 * size, thread_name_prefix="kg-serve")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting = 0

    async def start(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        await asyncio.gather(*(self._loop.run_in_executor(self._threads, w.start)
                               for w in self._workers))
        for worker in self._workers:
            self._idle.put_nowait(worker)

    async def run(self, job: Job) -> Reply:
        if self._waiting >= _MAX_WAITING:
            return _text(503, "server busy: too many queries waiting; try again later",
                         ("Retry-After", "5"))
        self._waiting += 1
        try:
            worker = await self._idle.get()
        finally:
            self._waiting -= 1
        future = self._threads.submit(worker.run, job, self._timeout)
        future.add_done_callback(lambda _: self._recycle(worker))
        # Shielded: a client that goes away must not give the worker back while it is busy.
        return await asyncio.shield(asyncio.wrap_future(future))

    def _recycle(self, worker: _Worker) -> None:
        """In a pool thread: replace a stopped worker, then make it available again."""
        if not worker.alive:
            try:
                worker.start()
            except RuntimeError as err:  # retried by the next job that gets this worker
                _log.error("%s", err)
        self._loop.call_soon_threadsafe(self._idle.put_nowait, worker)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)


# --- HTTP ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Settings:
    store_dir: Path
    timeout: float
    max_rows: int
    cors: bool
    workers: int

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError(f"the timeout must be positive, not {self.timeout}")
        if self.max_rows < 1 or self.workers < 1:
            raise ValueError("max_rows and workers must be at least 1")


class _BadRequest(Exception):
    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


async def _sparql(request: Request, pool: _Pool, settings: _Settings) -> Reply:
    """The SPARQL 1.1 Protocol query operation (GET, POST form, POST direct); updates get 403."""
    try:
        params = await _protocol_params(request)
    except _BadRequest as err:
        return err.reply
    if "update" in params:
        return _text(403, "this endpoint is read-only: SPARQL Update is not accepted")
    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        return _text(400, "expected exactly one non-empty `query` parameter")
    job = Job(queries[0], request.headers.get("accept", ""), (params.get("format") or [None])[0],
              settings.max_rows, tuple(params.get("default-graph-uri", ())),
              tuple(params.get("named-graph-uri", ())))
    return await pool.run(job)


async def _protocol_params(request: Request) -> dict[str, list[str]]:
    """The request's parameters, merged from the URL and the body (as the protocol defines)."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method != "POST":
        return params
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/sparql-update":
        return {**params, "update": [""]}
    if ctype not in ("application/sparql-query", "application/x-www-form-urlencoded"):
        raise _BadRequest(_text(415, f"unsupported content type {ctype or '(none)'!r}; use "
                                     "application/sparql-query or application/x-www-form-urlencoded"))
    body = await _read_body(request)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadRequest(_text(400, "the request body is not UTF-8")) from None
    if ctype == "application/sparql-query":
        return {**params, "query": params.get("query", []) + [text]}
    for name, values in parse_qs(text, keep_blank_values=True).items():
        params[name] = params.get(name, []) + values
    return params


async def _read_body(request: Request) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise _BadRequest(_text(413, f"request body larger than {MAX_BODY} bytes"))
        chunks.append(chunk)
    return b"".join(chunks)


def _library() -> dict[str, Any]:
    from kg.api import query_library

    try:
        return query_library()
    except FileNotFoundError:  # an install without the query library still serves queries
        return {}


def make_app(store_dir: str | Path, timeout: float = 30.0, max_rows: int = 10_000,
             cors: bool = False, workers: int = 2) -> Starlette:
    """The ASGI application: ``/`` (query page), ``/sparql`` (endpoint), ``/queries/NAME`` (the
    text of an example query).

    Raises ``FileNotFoundError`` (or ``OSError``) at once if ``store_dir`` holds no store.
    The worker processes start with the application (ASGI lifespan) and stop with it.
    """
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import Response
    from starlette.routing import Route

    from kg.server_page import content_security_policy, render_page

    settings = _Settings(Path(store_dir), float(timeout), int(max_rows), cors, int(workers))
    _check_store(settings.store_dir)
    pool = _Pool(settings.store_dir, settings.workers, settings.timeout)
    library = _library()
    page = Reply(200, "text/html; charset=utf-8",
                 render_page(library.values(), settings.timeout, settings.max_rows).encode(),
                 (("Content-Security-Policy", content_security_policy()),))

    def endpoint(handler: Callable[[Request], Awaitable[Reply]]) -> Callable[[Request], Awaitable[Response]]:
        async def respond(request: Request) -> Response:
            reply = await handler(request)
            headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store",
                       **dict(reply.headers)}
            return Response(reply.body, reply.status, headers, media_type=reply.media_type)
        return respond

    async def page_handler(request: Request) -> Reply:
        return page

    async def library_handler(request: Request) -> Reply:
        name = request.path_params["name"]
        info = library.get(name.removesuffix(".rq"))
        if info is None:
            return _text(404, f"no example query named {name!r}")
        return Reply(200, "application/sparql-query; charset=utf-8", info.text.encode("utf-8"))

    async def sparql_handler(request: Request) -> Reply:
        return await _sparql(request, pool, settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            pool.close()

    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type"],
                             expose_headers=[TRUNCATED_HEADER], max_age=600)] if cors else []
    routes = [Route("/", endpoint(page_handler), methods=["GET"]),
              Route("/sparql", endpoint(sparql_handler), methods=["GET", "POST"]),
              Route("/queries/{name}", endpoint(library_handler), methods=["GET"]),
              Route("/favicon.ico", lambda request: Response(status_code=204), methods=["GET"])]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def _check_store(store_dir: Path) -> None:
    try:
        open_store(store_dir)
    except OSError as err:
        if not store_dir.is_dir():
            raise
        detail = " ".join(str(err).split())
        raise OSError(f"{store_dir}: cannot open the store read-only ({detail})") from None


def serve(store_dir: str | Path, host: str = "127.0.0.1", port: int = 7878, *,
          timeout: float = 30.0, max_rows: int = 10_000, cors: bool = False, workers: int = 2,
          log_level: str = "warning") -> None:
    """Serve ``store_dir`` on ``host:port`` until interrupted (``port=0``: any free port).

    Prints the address on stderr once listening. Raises ``OSError`` (a missing store, a port
    in use) or ``ValueError`` (bad settings) before serving.
    """
    import uvicorn

    app = make_app(store_dir, timeout=timeout, max_rows=max_rows, cors=cors, workers=workers)
    sock = _listen(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    print(f"kg serve: http://{shown}:{bound}/ (SPARQL endpoint /sparql; Ctrl+C stops)",
          file=sys.stderr, flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level=log_level, access_log=False))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises Ctrl+C once it has shut down cleanly
        pass
    if not server.started:
        raise OSError("the server did not start (see the messages above)")


def _listen(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as err:
        raise OSError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    return sock
