"""RDF terms and statements as N-Quads text, escaped by pyoxigraph.

The build writes its graph as lines of N-Quads instead of objects: a line is small,
sorts into a canonical order as plain text, and streams to disk.

>>> iri("http://e/a")
'<http://e/a>'
>>> literal('say "hi"', lang="kk")
'"say \\\\"hi\\\\""@kk'
>>> integer(7)
'"7"^^<http://www.w3.org/2001/XMLSchema#integer>'
>>> g = GraphLines("http://e/g")
>>> g.add(iri("http://e/s"), iri("http://e/p"), literal("x"))
>>> g.add(iri("http://e/s"), iri("http://e/p"), literal("x"))
>>> g.sorted()
['<http://e/s> <http://e/p> "x" <http://e/g> .\\n']
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@lru_cache(maxsize=65536)
def iri(value: str) -> str:
    """An IRI term; raises ``ValueError`` if ``value`` is not a valid IRI."""
    return str(ox.NamedNode(str(value)))


def literal(value: str, lang: str | None = None) -> str:
    """A plain or language-tagged string literal."""
    return str(ox.Literal(value, language=lang) if lang else ox.Literal(value))


def integer(value: int) -> str:
    """An ``xsd:integer`` literal."""
    return str(ox.Literal(str(int(value)), datatype=XSD_INTEGER))


class GraphLines:
    """The statements of one named graph as N-Quads lines, each once."""

    def __init__(self, name: str) -> None:
        self.name = str(name)
        self._suffix = f" {iri(self.name)} .\n"
        self._lines: set[str] = set()

    def add(self, s: str, p: str, o: str) -> None:
        """Add the triple ``s p o`` (terms as N-Triples text) to the graph."""
        self._lines.add(f"{s} {p} {o}{self._suffix}")

    def __len__(self) -> int:
        return len(self._lines)

    def sorted(self) -> list[str]:
        """The lines in code-point order (subject, predicate, object)."""
        return sorted(self._lines)
