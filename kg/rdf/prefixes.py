"""The Turtle/TriG prefixes of our graphs: the vocabularies, and one per kind of minted IRI.

>>> p = turtle_prefixes("https://w3id.org/kazkg/id/")
>>> p["kg"], p["country"], p["schema"]
('https://w3id.org/kazkg/ontology#', 'https://w3id.org/kazkg/id/country/', 'http://schema.org/')
>>> base_of_graphs(["https://w3id.org/kazkg/id/graph/ontology", "http://e/g"])
'https://w3id.org/kazkg/id/'
"""

from __future__ import annotations

from collections.abc import Iterable

from kg import kinds
from kg.iri import RECORDS, mint
from kg.kinds import ONTOLOGY

VOCABULARIES: dict[str, str] = {
    "kg": ONTOLOGY, "schema": "http://schema.org/", "bibo": "http://purl.org/ontology/bibo/",
    "dcterms": "http://purl.org/dc/terms/", "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_ONTOLOGY_GRAPH = "graph/ontology"


def turtle_prefixes(base: str) -> dict[str, str]:
    """The vocabularies' prefixes and one prefix per kind of IRI minted under ``base``."""
    return {**VOCABULARIES,
            **{kind: mint(kind, "", base) for kind in (*(k.key for k in kinds.KINDS), *RECORDS)}}


def base_of_graphs(graphs: Iterable[str]) -> str | None:
    """The base a build minted its IRIs under, read from the name of its ontology graph."""
    for g in graphs:
        if g.endswith(_ONTOLOGY_GRAPH):
            return g[: -len(_ONTOLOGY_GRAPH)]
    return None
