"""Deterministic, fast serialisation of the built dataset with pyoxigraph.

Blank nodes (the ontology's OWL lists) get canonical labels (RDFC-1.0) and quads are
sorted, so the same input always gives byte-identical Turtle and TriG.

>>> nq = b'<http://e/s> <http://e/p> "b" <http://e/g> .\\n<http://e/s> <http://e/p> "a" <http://e/g> .\\n'
>>> print(turtle(canonical_quads(nq), {"e": "http://e/"}).decode(), end="")
@prefix e: <http://e/> .
e:s e:p "a" , "b" .
"""

from __future__ import annotations

import pyoxigraph as ox


def canonical_quads(nquads: bytes) -> list[ox.Quad]:
    """Quads parsed from N-Quads, blank nodes canonicalised, sorted by graph, s, p, o."""
    dataset = ox.Dataset(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return sorted(dataset, key=_quad_key)


def _quad_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def turtle(quads: list[ox.Quad], prefixes: dict[str, str]) -> bytes:
    """The union of all graphs as Turtle (each triple once)."""
    triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads},
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def trig(quads: list[ox.Quad], prefixes: dict[str, str]) -> bytes:
    """Every named graph as TriG."""
    return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes)


def nquads(quads: list[ox.Quad]) -> bytes:
    """N-Quads, for bulk loading the store."""
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
