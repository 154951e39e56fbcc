"""``kg push``: send a build to a SPARQL 1.1 Graph Store Protocol server, one graph at a time.

Every named graph of the build (one per source document, plus the entities, ontology and
analytics graphs) is replaced by one HTTP ``PUT <endpoint>?graph=<iri>``, whose body is
streamed from the store in batches, so memory stays flat and each graph is swapped whole by
the server (a Graph Store Protocol PUT replaces the graph). Triples in the default graph, if
any, go with ``PUT <endpoint>?default``.

>>> graph_url("http://127.0.0.1:7879/store", "https://w3id.org/kazkg/id/graph/entities")
'http://127.0.0.1:7879/store?graph=https%3A%2F%2Fw3id.org%2Fkazkg%2Fid%2Fgraph%2Fentities'
>>> graph_url("http://127.0.0.1:7879/store?x=1", None)
'http://127.0.0.1:7879/store?x=1&default'
>>> parse_user("alice:s3cret", ask=input)
('alice', 's3cret')

Pushing a build to a Graph Store (e.g. ``oxigraph serve`` on port 7879; ``kg serve`` is read-only)::

    from kg.push import push_build
    report = push_build("output", "http://127.0.0.1:7879/store")
    for g in report.graphs:
        print(g.status, g.graph, g.triples)
"""

from __future__ import annotations

import base64
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from kg.store import open_store

_BODY_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
_FILE_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS}


@dataclass(frozen=True)
class GraphPush:
    """One graph sent: its IRI (``None`` for the default graph), triples, HTTP status, seconds."""

    graph: str | None
    triples: int
    status: int
    seconds: float


@dataclass(frozen=True)
class PushReport:
    """What :func:`push_build` sent, graph by graph."""

    endpoint: str
    graphs: tuple[GraphPush, ...]

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.graphs)


@dataclass(frozen=True)
class PushError(Exception):
    """A graph the server refused or could not take: one line naming the graph and why."""

    message: str
    done: tuple[GraphPush, ...] = ()

    def __str__(self) -> str:
        return self.message


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store Protocol URL of ``graph`` (``None``: the default graph)."""
    target = "default" if graph is None else "graph=" + quote(graph, safe="")
    return f"{endpoint}{'&' if urlsplit(endpoint).query else '?'}{target}"


def parse_user(user: str, ask: Callable[[str], str]) -> tuple[str, str]:
    """``NAME:PASSWORD`` as a pair; with no ``:PASSWORD``, ``ask`` for it (prompt text given)."""
    name, sep, password = user.partition(":")
    return name, password if sep else ask(f"Password for {name}")


def push_build(source: str | Path, endpoint: str, *, auth: tuple[str, str] | None = None,
               timeout: float = 60.0, body_format: str = "nt", batch: int = 10_000,
               on_graph: Callable[[GraphPush], None] | None = None) -> PushReport:
    """PUT every graph of ``source`` to the Graph Store Protocol ``endpoint``.

    ``source`` is a build folder (its ``store/``, else its ``graph.trig``), a store folder, or a
    ``.trig``/``.nq`` file. ``body_format`` is ``nt`` or ``ttl``; ``timeout`` bounds each
    request's connection and every read; ``on_graph`` sees each graph once it is stored.
    Raises :class:`PushError` at the first graph that fails, ``FileNotFoundError`` or
    ``ValueError`` for bad arguments.
    """
    if urlsplit(endpoint).scheme not in ("http", "https") or not urlsplit(endpoint).netloc:
        raise ValueError(f"{endpoint!r} is not an http(s) URL")
    if body_format not in _BODY_FORMATS:
        raise ValueError(f"unknown body format {body_format!r} (expected nt or ttl)")
    store = _open_source(Path(source))
    headers = {"Content-Type": _BODY_FORMATS[body_format].media_type}
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    done: list[GraphPush] = []
    for graph in _graphs(store):
        name = None if isinstance(graph, ox.DefaultGraph) else graph.value
        label = name or "the default graph"
        if isinstance(graph, ox.BlankNode):
            raise PushError(f"_:{graph.value}: a blank-node graph name cannot be addressed by the "
                            "Graph Store Protocol", tuple(done))
        counted = [0]
        request = urllib.request.Request(
            graph_url(endpoint, name), method="PUT", headers=headers,
            data=_body(store, graph, _BODY_FORMATS[body_format], batch, counted))
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
        except urllib.error.HTTPError as err:
            detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
            raise PushError(f"{label}: HTTP {err.code} {err.reason}"
                            + (f": {detail[0]}" if detail else ""), tuple(done)) from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise PushError(f"{label}: cannot reach {endpoint}: {reason}", tuple(done)) from None
        done.append(GraphPush(name, counted[0], status, round(time.monotonic() - started, 3)))
        if on_graph:
            on_graph(done[-1])
    return PushReport(endpoint, tuple(done))


def _open_source(source: Path) -> ox.Store:
    if source.is_file():
        if source.suffix not in _FILE_FORMATS:
            raise ValueError(f"{source}: expected a build folder, a store, or a .trig/.nq file")
        store = ox.Store()  # in memory: a file's quads may come in any graph order
        store.bulk_load(path=str(source), format=_FILE_FORMATS[source.suffix])
        return store
    if (source / "store").is_dir():
        return open_store(source / "store")
    if (source / "graph.trig").is_file():
        return _open_source(source / "graph.trig")
    try:
        return open_store(source)
    except OSError:
        raise FileNotFoundError(f"{source}: no build, store or .trig file here "
                                "(run `kg build` first)") from None


def _graphs(store: ox.Store) -> list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]:
    graphs = sorted(store.named_graphs(), key=str)
    if next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None:
        graphs.insert(0, ox.DefaultGraph())
    return graphs


def _body(store: ox.Store, graph: object, rdf_format: ox.RdfFormat, batch: int,
          counted: list[int]) -> Iterator[bytes]:
    """The graph's triples, serialised ``batch`` at a time (each batch a complete document)."""
    quads = store.quads_for_pattern(None, None, None, graph)
    while chunk := [q.triple for q in islice(quads, batch)]:
        counted[0] += len(chunk)
        yield ox.serialize(chunk, format=rdf_format)
