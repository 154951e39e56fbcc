"""``kg build``: read a corpus and write the output folder described in DESIGN.md.

Stages: parse (ingest + segment), extract (cached per document), resolve, RDF,
store, reports. Every file is written atomically; timings go to the manifest.
"""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import datetime, timezone
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.corpus import Corpus, read_corpus
from kg.fsutil import write_atomic
from kg.iri import DEFAULT_BASE
from kg.jsonio import article_to_dict
from kg.model import Mention


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts, timings (seconds) and problems."""

    out: Path
    corpus: Corpus
    mentions: tuple[Mention, ...] = ()
    entities: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    merges: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    analytics: dict[str, int] = field(default_factory=dict)
    analytics_warnings: tuple[str, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        arts = self.corpus.articles
        return {
            "documents": len(self.corpus.parsed),
            "problems": len(self.corpus.problems),
            "articles": sum(1 for a in arts if a.has_header),
            "bodies_without_header": sum(1 for a in arts if not a.has_header),
            "authors": sum(len(a.authors) for a in arts),
            "references": sum(len(a.references) for a in arts),
            "mentions": len(self.mentions),
            "triples": self.triples,
            **{f"entities_{k}": v for k, v in sorted(self.entities.items())},
        }


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self._last, 3)
        self._last = now


def build(
    paths: Iterable[str | Path],
    out: str | Path,
    on_file: Callable[[str], None] | None = None,
    base: str = DEFAULT_BASE,
) -> BuildReport:
    """Build everything for ``paths`` into ``out`` and return a report."""
    from kg.mentions import document_mentions
    from kg.rdf import build_dataset
    from kg.resolve import resolve

    out = Path(out)
    clock = _Clock()
    corpus = read_corpus(paths, on_file)
    clock.lap("parse")
    per_doc = [(p.document, p.articles, document_mentions(p.document, p.articles, out / "cache"))
               for p in corpus.parsed]
    mentions = tuple(m for _, _, ms in per_doc for m in ms)
    clock.lap("extract")
    resolution = resolve(corpus.articles, mentions)
    clock.lap("resolve")
    dataset = build_dataset(per_doc, resolution, base)
    _add_ontology(dataset, base)
    clock.lap("rdf")
    analytics = _add_analytics(dataset, out, base, _inputs(corpus))
    clock.lap("analytics")
    triples = _write_graphs(dataset, out)
    clock.lap("serialise")
    _write_store(dataset, out)
    clock.lap("store")
    write_atomic(out / "articles.json",
                 json.dumps([article_to_dict(a) for a in corpus.articles], ensure_ascii=False, indent=1))
    write_atomic(out / "reports" / "merges.csv", _merges_csv(resolution.merges))
    entities: dict[str, int] = {}
    for kind, _ in resolution.entities:
        entities[kind] = entities.get(kind, 0) + 1
    report = BuildReport(out, corpus, mentions, entities, triples, len(resolution.merges),
                         clock.timings, dict(analytics.counts), tuple(analytics.warnings))
    write_atomic(out / "manifest.json", json.dumps(manifest(report), ensure_ascii=False, indent=1))
    return report


def _add_analytics(dataset, out: Path, base: str, inputs: list[dict]):
    """Networks from the graph (SPARQL on an in-memory store), back into an analytics graph."""
    import pyoxigraph as ox
    from rdflib import URIRef

    from kg.analytics import run_analytics
    from kg.iri import mint

    store = ox.Store()
    store.bulk_load(input=dataset.serialize(format="nquads", encoding="utf-8"),
                    format=ox.RdfFormat.N_QUADS)
    report = run_analytics(store, out, base, inputs)
    graph = dataset.graph(URIRef(mint("graph", "analytics", base)))
    for triple in report.graph():
        graph.add(triple)
    return report


def _inputs(corpus: Corpus) -> list[dict]:
    return [{"source": p.document.source, "id": p.document.id, "encoding": p.document.encoding,
             "characters": len(p.document.text), "languages": list(p.document.langs),
             "articles": sum(1 for a in p.articles if a.has_header)} for p in corpus.parsed]


def _add_ontology(dataset, base: str) -> None:
    from rdflib import URIRef

    from kg.iri import mint
    from kg.ontology_files import ONTOLOGY, ontology_dir

    graph = dataset.graph(URIRef(mint("graph", "ontology", base)))
    graph.parse(ontology_dir() / ONTOLOGY, format="turtle")


def _write_graphs(dataset, out: Path) -> int:
    """``graph.ttl`` (all triples) and ``graph.trig`` (named graphs), deterministic."""
    from rdflib import Graph

    union = Graph()
    for prefix, ns in _prefixes():
        union.bind(prefix, ns)
        dataset.bind(prefix, ns)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    write_atomic(out / "graph.ttl", union.serialize(format="turtle"))
    write_atomic(out / "graph.trig", dataset.serialize(format="trig"))
    return len(union)


def _prefixes():
    from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, SKOS, XSD

    from kg.vocab import BIBO, KG, SCHEMA

    return (("kg", KG._NS), ("schema", SCHEMA), ("bibo", BIBO), ("dcterms", DCTERMS),
            ("owl", OWL), ("prov", PROV), ("rdfs", RDFS), ("skos", SKOS), ("xsd", XSD))


def _write_store(dataset, out: Path) -> None:
    from kg.store import write_store

    write_store(out / "store", dataset.serialize(format="nquads", encoding="utf-8"))


def _merges_csv(merges) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["kind", "key", "surface", "lang", "reason"])
    for m in sorted(set(merges), key=lambda m: (m.kind, m.key, m.surface, m.lang, m.reason)):
        writer.writerow([m.kind, m.key, m.surface, m.lang, m.reason])
    return buf.getvalue()


def manifest(report: BuildReport) -> dict:
    """The manifest: inputs with hashes, counts, timings and warnings."""
    return {
        "generator": f"kazkg {__version__}",
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "inputs": _inputs(report.corpus),
        "counts": report.counts,
        "analytics": report.analytics,
        "timings": report.timings,
        "warnings": [str(p) for p in report.corpus.problems] + list(report.analytics_warnings),
    }
