"""Deterministic, streaming Turtle and TriG of the built graph (pyoxigraph's serialisers).

Input is sorted runs of N-Quads (:mod:`kg.rdf.runs`); blank nodes (the ontology's OWL lists)
get canonical labels (RDFC-1.0) before they are written to a run. The same input always
gives byte-identical files, and no file is ever held whole in memory.

>>> import tempfile, pathlib
>>> from kg.rdf.runs import write_run
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> nq = b'<http://e/s> <http://e/p> "b" <http://e/g> .\\n<http://e/s> <http://e/p> "a" <http://e/g> .\\n'
>>> run = write_run(d, "http://e/g", canonical_lines(nq))
>>> write_turtle([run], d / "g.ttl", {"e": "http://e/"})
2
>>> print((d / "g.ttl").read_text(), end="")
@prefix e: <http://e/> .
e:s e:p "a" , "b" .
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.fsutil import atomic_binary, naming
from kg.rdf.runs import Run, by_graph, concatenate, spill, union_triples


def canonical_lines(nquads: bytes) -> list[str]:
    """N-Quads lines with canonical blank-node labels (RDFC-1.0), sorted."""
    dataset = ox.Dataset(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(f"{q} .\n" for q in dataset)


def write_turtle(runs: Sequence[Run], path: Path, prefixes: dict[str, str]) -> int:
    """The union of all graphs as Turtle (each triple once, sorted); returns the triple count."""
    counted = _Counter(union_triples(runs))
    with tempfile.TemporaryDirectory(prefix=".ttl-", dir=Path(path).parent) as tmp:
        union = spill(counted, Path(tmp) / "union.nt")
        triples = ox.parse(path=str(union), format=ox.RdfFormat.N_TRIPLES)
        with atomic_binary(path) as fh:
            ox.serialize(triples, fh, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
    return counted.count


def write_trig(runs: Sequence[Run], path: Path, prefixes: dict[str, str]) -> None:
    """Every named graph as TriG, graphs in IRI order, statements sorted within each."""
    with tempfile.TemporaryDirectory(prefix=".trig-", dir=Path(path).parent) as tmp:
        every = concatenate(by_graph(runs), Path(tmp) / "graphs.nq")
        quads = ox.parse(path=str(every), format=ox.RdfFormat.N_QUADS)
        with atomic_binary(path) as fh:
            ox.serialize(quads, fh, format=ox.RdfFormat.TRIG, prefixes=prefixes)


def write_graph_files(runs: Sequence[Run], ttl: Path, trig: Path, prefixes: dict[str, str]) -> int:
    """:func:`write_turtle` to ``ttl`` and :func:`write_trig` to ``trig``; returns the triple
    count. An ``OSError`` that names no file names the one being written (a full disk, say);
    module-level, so that a build can run it in another process (:func:`kg.parallel.apart`)."""
    with naming(ttl):
        triples = write_turtle(runs, ttl, prefixes)
    with naming(trig):
        write_trig(runs, trig, prefixes)
    return triples


class _Counter:
    """Passes items through and counts them."""

    def __init__(self, items: Iterator[bytes]) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator[bytes]:
        for item in self._items:
            self.count += 1
            yield item
