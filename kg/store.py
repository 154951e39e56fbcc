"""The embedded pyoxigraph store: bulk loading, SPARQL queries and streaming exports.

Queries see the union of all named graphs as their default graph, so analysts
need no ``GRAPH`` clause; ``GRAPH ?g`` still tells which document a fact is from.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> write_store(d, b'<http://e/a> <http://e/p> "x" <http://e/g> .\\n')
>>> [row["o"].value for row in select(d, "SELECT ?o WHERE { ?s ?p ?o }")]
['x']
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.rdf.sparql_guard import QueryRefused, check_query

EXPORT_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
GRAPH_AWARE = {"trig", "nq", "jsonld"}


@dataclass(frozen=True)
class QueryError(Exception):
    """A SPARQL syntax or evaluation error, with the parser's message."""

    message: str

    def __str__(self) -> str:
        return self.message


def write_store(path: Path, nquads: bytes) -> None:
    """Replace the store at ``path`` by one bulk-loaded from N-Quads (atomically swapped).

    For graphs held in memory (tests, small imports); builds stream runs with :mod:`kg.rdf.bulkload`.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    store = ox.Store(str(tmp))
    store.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    from kg.rdf.bulkload import publish_store  # deferred: `kg query` starts without it

    publish_store(tmp, path)


def open_store(path: Path, *, in_memory: bool = False) -> ox.Store:
    """Open a built store read-only; a clear error if there is none.

    ``in_memory``: a copy of it in memory instead (faster joins; about three times the store's
    size on disk in RAM, and a second or so per 100,000 quads to load), never written back.
    """
    path = Path(path)
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no store here (run `kg build` first)")
    store = ox.Store.read_only(str(path))
    if not in_memory:
        return store
    copy = ox.Store()
    copy.bulk_extend(store.quads_for_pattern(None, None, None, None))
    return copy


def run_query(store: ox.Store, sparql: str, allow_service: tuple[str, ...] = ()):
    """Evaluate SPARQL over the union of the graphs; raise :class:`QueryError` on bad input.

    A query that calls a SERVICE not in ``allow_service`` (no network requests otherwise), or
    nests deeper than pyoxigraph's parser can take, is refused (:mod:`kg.rdf.sparql_guard`).
    """
    try:
        check_query(sparql, allow_service)
    except QueryRefused as err:
        raise QueryError(str(err)) from None
    try:
        return store.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {err}") from None
    except (OSError, ValueError) as err:
        raise QueryError(f"SPARQL evaluation error: {err}") from None


def select(path: Path, sparql: str) -> list[dict[str, object]]:
    """Rows of a SELECT query as dictionaries of pyoxigraph terms."""
    result = run_query(open_store(path), sparql)
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in result]


def export(path: Path, fmt: str, out: IO[bytes]) -> None:
    """Stream the store in ``fmt`` (ttl, nt, trig, nq, jsonld) to a binary stream.

    Turtle and N-Triples hold the union of the graphs, each triple once (a triple stated in
    several documents' graphs is written once); Turtle and TriG use our prefixes
    (:func:`kg.rdf.prefixes.turtle_prefixes`, under the base the build minted its IRIs with).
    """
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(EXPORT_FORMATS)})")
    store = open_store(path)
    prefixes = _prefixes(store) if fmt in ("ttl", "trig") else None
    if fmt in GRAPH_AWARE:
        ox.serialize(store.quads_for_pattern(None, None, None, None), out, EXPORT_FORMATS[fmt],
                     prefixes=prefixes)
    else:
        ox.serialize(_union_triples(store), out, EXPORT_FORMATS[fmt], prefixes=prefixes)


def _prefixes(store: ox.Store) -> dict[str, str]:
    from kg.rdf.prefixes import VOCABULARIES, base_of_graphs, turtle_prefixes  # deferred (kinds, IRIs)

    base = base_of_graphs(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    return turtle_prefixes(base) if base else dict(VOCABULARIES)


def _union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every triple of the union of the graphs once (SPARQL CONSTRUCT drops duplicates)."""
    yield from run_query(store, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
