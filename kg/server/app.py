"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and a query page over a built store.

Queries are evaluated in a small pool of worker processes (:mod:`kg.server.workers`), each holding the
store: a copy in memory when the store is at most ``memory_limit`` bytes on disk (about three
times that in RAM per worker), else the store opened read-only on disk. A query that outlives
its time limit is stopped by killing its worker, which is then replaced: one runaway query never
holds up the others. Results are cut at ``max_rows`` rows (or triples), and the
``X-Kazkg-Truncated`` header says whether they were. Answers can be kept in a response cache
(:mod:`kg.server.cache`, ``cache_bytes``; ``X-Kazkg-Cache: hit`` or ``miss``), since the served
store never changes; ``warm`` fills it with the query library at start-up.

The result format follows the ``Accept`` header, or a ``format=`` parameter:

>>> choose_format("select", "text/csv;q=0.5, application/sparql-results+json", None).media_type
'application/sparql-results+json'

Evaluation itself needs no server:

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x")))
>>> evaluate(store, Job("SELECT ?o WHERE { ?s ?p ?o }", "text/csv")).body
b'o\\r\\nx\\r\\n'

Serving blocks until interrupted (Ctrl+C)::

    from kg.server.app import serve
    serve("output/store", port=7878)   # then open http://127.0.0.1:7878/
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import pyoxigraph as ox

from kg.queries import query_library
from kg.rdf.prefixes import base_of_graphs
from kg.search import index_path
from kg.server.cache import ResponseCache
from kg.server.editor import completions, static_reply
from kg.server.entities import Links, entity_reply
from kg.server.formats import choose_format
from kg.rdf.sparql_guard import QueryRefused, check_query
from kg.server.search import search_reply
from kg.server.library import bound_query
from kg.server.page import content_security_policy, render_page
from kg.server.pool import Limits, Pool
from kg.server.protocol import BODY_TIMEOUT, HEADER_TIMEOUT, IDLE_TIMEOUT, protocol_class
from kg.server.workers import (
    DEFAULT_MEMORY_LIMIT,
    TRUNCATED_HEADER,
    Job,
    Reply,
    evaluate,
)
from kg.server.workers import text_reply as _text
from kg.store import open_store

if TYPE_CHECKING:  # pragma: no cover
    from starlette.applications import Starlette
    from starlette.requests import Request

__all__ = ["CACHE_HEADER", "DEFAULT_CACHE_BYTES", "TRUNCATED_HEADER", "Job", "Reply",
           "choose_format", "evaluate", "make_app", "serve"]

CACHE_HEADER = "X-Kazkg-Cache"
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024
MAX_BODY = 4 * 1024 * 1024  # bytes of a query request
DEFAULT_BASE = "https://w3id.org/kazkg/id/"  # as `kg build --base`
_log = logging.getLogger(__name__)


# --- HTTP ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Settings:
    store_dir: Path
    timeout: float
    max_rows: int
    cors: bool
    workers: int
    memory_limit: int
    cache_bytes: int
    warm: bool
    limits: Limits
    allow_service: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError(f"the timeout must be positive, not {self.timeout}")
        if self.max_rows < 1 or self.workers < 1:
            raise ValueError("max_rows and workers must be at least 1")
        if self.memory_limit < 0 or self.cache_bytes < 0:
            raise ValueError("memory_limit and cache_bytes must not be negative")


class _BadRequest(Exception):
    def __init__(self, reply: Reply) -> None:
        super().__init__(reply.status)
        self.reply = reply


async def _sparql(request: Request, pool: Pool, settings: _Settings,
                  cache: ResponseCache | None) -> Reply:
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
              tuple(params.get("named-graph-uri", ())), settings.allow_service)
    return await _answer(job, pool, cache, request)


async def _answer(job: Job, pool: Pool, cache: ResponseCache | None,
                  request: Request | None = None) -> Reply:
    """The reply to ``job``: kept in ``cache``, or evaluated by a worker (and then kept).

    A query refused by :func:`kg.rdf.sparql_guard.check_query` never reaches a worker (SERVICE:
    403; nesting: 400); one whose client disconnects is stopped.
    """
    kept = cache.get(job) if cache is not None else None
    if kept is not None:
        return Reply(kept.status, kept.media_type, kept.body, kept.headers + ((CACHE_HEADER, "hit"),),
                     kept.kind)
    try:
        check_query(job.query, job.allow_service)
    except QueryRefused as err:
        return _text(403 if "SERVICE" in str(err) else 400, str(err))
    reply = await _run_watched(job, pool, request)
    if cache is None:
        return reply
    cache.put(job, reply)
    return Reply(reply.status, reply.media_type, reply.body, reply.headers + ((CACHE_HEADER, "miss"),),
                 reply.kind)


async def _run_watched(job: Job, pool: Pool, request: Request | None) -> Reply:
    """``pool.run(job)``, stopped if the client disconnects first."""
    if request is None:
        return await pool.run(job)
    gone = threading.Event()
    running = asyncio.ensure_future(pool.run(job, gone))
    watching = asyncio.ensure_future(_disconnected(request))
    done, _ = await asyncio.wait({running, watching}, return_when=asyncio.FIRST_COMPLETED)
    if running in done:
        watching.cancel()
        return running.result()
    gone.set()
    running.cancel()
    return _text(499, "client went away")


async def _disconnected(request: Request) -> None:
    """Return once the client has gone away (the body was read before)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


async def _warm_up(library: dict[str, Any], pool: Pool, cache: ResponseCache, max_rows: int) -> None:
    """Evaluate every library query once (default media type) so that its answer is kept."""
    for info in library.values():
        job = Job(info.text, max_rows=max_rows)
        if cache.get(job) is None:
            cache.put(job, await pool.run(job))
    _log.info("response cache warmed up: %d answers, %d bytes", len(cache), cache.size)


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
    """The body, at most ``MAX_BODY`` bytes (413 on a larger Content-Length, before reading),
    all of it within ``BODY_TIMEOUT`` seconds (else 408); both close the connection."""
    close = ("Connection", "close")
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_BODY:
        raise _BadRequest(_text(413, f"request body larger than {MAX_BODY} bytes", close))
    chunks: list[bytes] = []

    async def read() -> None:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY:
                raise _BadRequest(_text(413, f"request body larger than {MAX_BODY} bytes", close))
            chunks.append(chunk)

    try:
        await asyncio.wait_for(read(), BODY_TIMEOUT)
    except asyncio.TimeoutError:
        raise _BadRequest(_text(408, f"request body not received within {BODY_TIMEOUT:g} s",
                                close)) from None
    return b"".join(chunks)


def _library() -> dict[str, Any]:
    try:
        return query_library()
    except FileNotFoundError:  # an install without the query library still serves queries
        return {}


def make_app(store_dir: str | Path, timeout: float = 30.0, max_rows: int = 10_000,
             cors: bool = False, workers: int = 2, *, memory_limit: int = DEFAULT_MEMORY_LIMIT,
             cache_bytes: int = DEFAULT_CACHE_BYTES, warm: bool = True,
             worker_memory: int = Limits.worker_memory, cost_budget: float = Limits.cost_budget,
             heavy_workers: int = Limits.heavy_workers,
             allow_service: tuple[str, ...] = (), base: str | None = None) -> Starlette:
    """The ASGI application: ``/`` (query page), ``/sparql`` (endpoint), ``/queries/NAME`` (the
    text of an example query).

    ``memory_limit``: the largest store (bytes on disk) each worker copies into memory (0: none).
    ``cache_bytes``: the size of the response cache (0: no cache, every request is evaluated).
    ``warm``: fill the cache with the query library (in the background) once the workers run.
    ``worker_memory``: resident bytes a worker may reach before its query is stopped (503).
    ``cost_budget``: seconds a query may run in the cheap lane before it moves to the
    ``heavy_workers`` (and goes there directly next time); ``allow_service``: SERVICE endpoints
    that queries may call (none by default: no outgoing requests).
    ``base``: the base of the build's IRIs, served as entity pages at ``/id/...`` (default: the
    base the build used, read from its ontology graph's name; ``/describe?iri=`` serves any IRI;
    see :mod:`kg.server.entities`).
    Raises ``FileNotFoundError`` (or ``OSError``) at once if ``store_dir`` holds no store.
    The worker processes start with the application (ASGI lifespan) and stop with it.
    """
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.responses import Response
    from starlette.routing import Route

    limits = Limits(float(timeout), int(worker_memory), float(cost_budget), int(heavy_workers),
                    copy_limit=int(memory_limit))
    settings = _Settings(Path(store_dir), float(timeout), int(max_rows), cors, int(workers),
                         int(memory_limit), int(cache_bytes), bool(warm), limits,
                         tuple(allow_service))
    _check_store(settings.store_dir)
    pool = Pool(settings.store_dir, settings.workers, limits)
    cache = ResponseCache(settings.cache_bytes) if settings.cache_bytes else None
    library = _library()
    if base is None:
        base = _build_base(settings.store_dir)
    links = Links(base)
    page = Reply(200, "text/html; charset=utf-8",
                 render_page(library.values(), settings.timeout, settings.max_rows, base,
                             completions(base)).encode(),
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
        return await bound_query(info, dict(request.query_params), pool.run)

    async def sparql_handler(request: Request) -> Reply:
        return await _sparql(request, pool, settings, cache)

    async def static_handler(request: Request) -> Reply:
        return static_reply(request.path_params["name"])

    async def search_handler(request: Request) -> Reply:
        q = request.query_params
        return await search_reply(index_path(settings.store_dir), q.get("q", ""), request.headers.get("accept", ""),
                                  q.get("format"), q.get("limit"), links, q.get("prefix") in ("1", "true"))

    async def entity_handler(request: Request) -> Reply:
        path = request.path_params.get("path")
        iri = links.iri(path) if path is not None else request.query_params.get("iri", "")
        return await entity_reply(iri, request.headers.get("accept", ""), request.query_params.get("format"),
                                  lambda job: _answer(job, pool, cache), links, settings.max_rows)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        warming = None
        if cache is not None and settings.warm and library:
            warming = asyncio.create_task(_warm_up(library, pool, cache, settings.max_rows))
        try:
            yield
        finally:
            if warming is not None:
                warming.cancel()
                with suppress(asyncio.CancelledError):
                    await warming
            pool.close()

    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type"],
                             expose_headers=[TRUNCATED_HEADER, CACHE_HEADER], max_age=600)] if cors else []
    routes = [Route("/", endpoint(page_handler), methods=["GET"]),
              Route("/sparql", endpoint(sparql_handler), methods=["GET", "POST"]),
              Route("/queries/{name}", endpoint(library_handler), methods=["GET"]),
              Route("/id/{path:path}", endpoint(entity_handler), methods=["GET"]),
              Route("/describe", endpoint(entity_handler), methods=["GET"]),
              Route("/search", endpoint(search_handler), methods=["GET"]),
              Route("/static/{name}", endpoint(static_handler), methods=["GET"]),
              Route("/favicon.ico", lambda request: Response(status_code=204), methods=["GET"])]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def _build_base(store_dir: Path) -> str:
    """The base IRI the build minted under (its ontology graph is ``<base>graph/ontology``)."""
    graphs = (g.value for g in open_store(store_dir).named_graphs() if isinstance(g, ox.NamedNode))
    return base_of_graphs(graphs) or DEFAULT_BASE


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
          memory_limit: int = DEFAULT_MEMORY_LIMIT, cache_bytes: int = DEFAULT_CACHE_BYTES,
          warm: bool = True, log_level: str = "warning", base: str | None = None,
          **limits: Any) -> None:
    """Serve ``store_dir`` on ``host:port`` until interrupted (``port=0``: any free port).

    See :func:`make_app` for ``memory_limit`` (the memory cost: about three times the store's
    size on disk, in each of the ``workers``), ``cache_bytes``, ``warm`` and the ``limits``
    (``worker_memory``, ``cost_budget``, ``heavy_workers``, ``allow_service``). Prints the address
    on stderr once listening. Raises ``OSError`` (a missing store, a port in use) or
    ``ValueError`` (bad settings) before serving.
    """
    import uvicorn

    app = make_app(store_dir, timeout=timeout, max_rows=max_rows, cors=cors, workers=workers,
                   memory_limit=memory_limit, cache_bytes=cache_bytes, warm=warm, base=base, **limits)
    sock = _listen(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    print(f"kg serve: http://{shown}:{bound}/ (SPARQL endpoint /sparql; Ctrl+C stops)",
          file=sys.stderr, flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level=log_level, access_log=False,
                                           http=protocol_class(), timeout_keep_alive=IDLE_TIMEOUT))
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
