"""A VoID/DCAT description of a build: counts, sources, licence, build time.

Written to ``void.ttl`` beside ``graph.ttl`` (not inside it, so the graph stays
byte-identical between builds of the same input).

>>> ttl = describe_dataset({"triples": 10, "entities_person": 2}, ["a.md"], "2026-01-01T00:00:00+00:00")
>>> "void:triples 10" in ttl and "dcat:Distribution" in ttl
True
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID, XSD

from kg import __version__, kinds

LICENCE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def describe_dataset(counts: dict[str, int], sources: list[str], built_at: str,
                     base: str = "https://w3id.org/kazkg/id/") -> str:
    """Turtle text of the dataset description."""
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcat", DCAT)
    g.bind("dcterms", DCTERMS)
    ds = URIRef(base + "dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal("kazkg knowledge graph", lang="en")))
    g.add((ds, DCTERMS.license, LICENCE))
    g.add((ds, DCTERMS.created, Literal(built_at, datatype=XSD.dateTime)))
    g.add((ds, DCTERMS.creator, Literal(f"kazkg {__version__}")))
    g.add((ds, VOID.triples, Literal(counts.get("triples", 0))))
    g.add((ds, VOID.entities, Literal(sum(v for k, v in counts.items() if k.startswith("entities_")))))
    g.add((ds, VOID.vocabulary, URIRef(kinds.ONTOLOGY)))
    g.add((ds, VOID.sparqlEndpoint, URIRef("http://127.0.0.1:7878/sparql")))
    for k in kinds.KINDS:
        partition = URIRef(f"{base}dataset/class/{k.key}")
        g.add((ds, VOID.classPartition, partition))
        g.add((partition, VOID["class"], URIRef(k.class_iri)))
        g.add((partition, VOID.entities, Literal(counts.get(f"entities_{k.key}", 0))))
    for source in sources:
        g.add((ds, DCTERMS.source, Literal(source)))
    for name, media in (("graph.ttl", "text/turtle"), ("graph.trig", "application/trig")):
        dist = URIRef(f"{base}dataset/{name}")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(name)))
        g.add((dist, DCAT.mediaType, Literal(media)))
    return g.serialize(format="turtle")
