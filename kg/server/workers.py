"""Query evaluation for ``kg serve``: the job, the reply, and result formats.

Results are serialised by pyoxigraph (never row by row in Python) and cut at ``max_rows`` rows
or triples; the ``X-Kazkg-Truncated`` header says whether they were. The format is chosen by
:func:`kg.server.formats.choose_format`. The processes that evaluate are in :mod:`kg.server.pool`.

>>> store = ox.Store()
>>> store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x")))
>>> store.add(ox.Quad(ox.NamedNode("http://e/b"), ox.NamedNode("http://e/p"), ox.Literal("y")))
>>> reply = evaluate(store, Job("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", "text/csv", max_rows=1))
>>> reply.status, reply.body, dict(reply.headers)[TRUNCATED_HEADER]
(200, b'o\\r\\nx\\r\\n', 'true')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.rdf.sparql_guard import QueryRefused, check_query
from kg.server.formats import choose_format, offered
from kg.store import QueryError, run_query

__all__ = ["DEFAULT_MEMORY_LIMIT", "TRUNCATED_HEADER", "Job", "Reply",
           "evaluate", "store_size", "text_reply"]

TRUNCATED_HEADER = "X-Kazkg-Truncated"
_R = ox.QueryResultsFormat
_G = ox.RdfFormat
DEFAULT_MEMORY_LIMIT = 128 * 1024 * 1024  # bytes of store on disk held in memory by each worker

@dataclass(frozen=True)
class Job:
    """One query to evaluate: the text, how to answer, and an optional RDF dataset."""

    query: str
    accept: str = ""
    format: str | None = None
    max_rows: int = 10_000
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    allow_service: tuple[str, ...] = ()


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
        return run_query(store, job.query, job.allow_service)
    try:
        check_query(job.query, job.allow_service)  # a dataset given by the protocol replaces the union default graph
        return store.query(job.query,
                           default_graph=[ox.NamedNode(g) for g in job.default_graphs] or None,
                           named_graphs=[ox.NamedNode(g) for g in job.named_graphs] or None)
    except QueryRefused as err:
        raise QueryError(str(err)) from None
    except (SyntaxError, ValueError, OSError) as err:
        raise QueryError(f"SPARQL error: {err}") from None


def store_size(store_dir: Path) -> int:
    """Bytes of the store's files on disk."""
    return sum(p.stat().st_size for p in Path(store_dir).rglob("*") if p.is_file())
