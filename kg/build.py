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
from functools import partial
from pathlib import Path

from kg import __version__
from kg.corpus import Corpus, ParsedDocument, collect, parse_file
from kg.fsutil import write_atomic
from kg.iri import DEFAULT_BASE
from kg.iri import mint
from kg.jsonio import article_to_dict
from kg.serialize import canonical_quads, nquads as serialize_nquads, trig, turtle
from kg.store import write_store
from kg.void import describe_dataset
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
    workers: int = 1,
    scheduler: str | None = None,
) -> BuildReport:
    """Build everything for ``paths`` into ``out`` and return a report.

    Parsing and extraction run per document: serially, on ``workers`` local processes, or
    on the Dask cluster at ``scheduler``; results are merged in input order.
    """
    from kg.ingest import iter_sources
    from kg.parallel import map_in_order
    from kg.rdf import build_dataset
    from kg.resolve import resolve

    out = Path(out)
    clock = _Clock()
    sources = list(iter_sources(paths))
    files = [s for s in sources if isinstance(s, Path)]
    for f in files:
        if on_file:
            on_file(str(f))
    processed = iter(map_in_order(partial(process_file, cache_dir=out / "cache"), files,
                                  workers, scheduler))
    results = [s if not isinstance(s, Path) else next(processed) for s in sources]
    corpus = collect(r if not isinstance(r, tuple) else r[0] for r in results)
    found = {r[0].document.id: r[1] for r in results if isinstance(r, tuple)}
    per_doc = [(p.document, p.articles, found[p.document.id]) for p in corpus.parsed]
    mentions = tuple(m for _, _, ms in per_doc for m in ms)
    clock.lap("parse+extract")
    resolution = resolve(corpus.articles, mentions)
    clock.lap("resolve")
    dataset = build_dataset(per_doc, resolution, base)
    _add_ontology(dataset, base)
    nquads = dataset.serialize(format="nquads", encoding="utf-8")
    clock.lap("rdf")
    analytics = _analytics(nquads, out, base, _inputs(corpus))
    clock.lap("analytics")
    quads = canonical_quads(nquads + _in_graph(analytics.ntriples, mint("graph", "analytics", base)))
    triples = _write_graphs(quads, out, base)
    clock.lap("serialise")
    write_store(out / "store", serialize_nquads(quads))
    clock.lap("store")
    write_atomic(out / "articles.json",
                 json.dumps([article_to_dict(a) for a in corpus.articles], ensure_ascii=False, indent=1))
    write_atomic(out / "reports" / "merges.csv", _merges_csv(resolution.merges))
    entities: dict[str, int] = {}
    for kind, _ in resolution.entities:
        entities[kind] = entities.get(kind, 0) + 1
    report = BuildReport(out, corpus, mentions, entities, triples, len(resolution.merges),
                         clock.timings, dict(analytics.counts), tuple(analytics.warnings))
    description = manifest(report)
    write_atomic(out / "manifest.json", json.dumps(description, ensure_ascii=False, indent=1))
    write_atomic(out / "void.ttl", describe_dataset(report.counts, [i["source"] for i in description["inputs"]],
                                                    description["built_at"], base))
    return report


def process_file(path: Path, cache_dir: Path | None = None):
    """Parse and extract one file: ``(ParsedDocument, mentions)`` or a Problem."""
    from kg.mentions import document_mentions

    parsed = parse_file(path)
    if not isinstance(parsed, ParsedDocument):
        return parsed
    return parsed, document_mentions(parsed.document, parsed.articles, cache_dir)


def _analytics(nquads: bytes, out: Path, base: str, inputs: list[dict]):
    """Networks from the graph, by SPARQL on an in-memory store of the dataset."""
    import pyoxigraph as ox

    from kg.analytics import run_analytics

    store = ox.Store()
    store.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)
    return run_analytics(store, out, base, inputs)


def _in_graph(ntriples: bytes, graph: str) -> bytes:
    """N-Triples lines turned into N-Quads lines of ``graph``."""
    suffix = f" <{graph}> .".encode()
    return b"".join(line[: line.rstrip().rfind(b".")].rstrip() + suffix + b"\n"
                    for line in ntriples.splitlines() if line.strip())


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


def _write_graphs(quads, out: Path, base: str) -> int:
    """``graph.ttl`` (all triples) and ``graph.trig`` (named graphs), deterministic."""
    prefixes = _prefixes(base)
    ttl = turtle(quads, prefixes)
    write_atomic(out / "graph.ttl", ttl)
    write_atomic(out / "graph.trig", trig(quads, prefixes))
    return len({(q.subject, q.predicate, q.object) for q in quads})


def _prefixes(base: str) -> dict[str, str]:
    from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

    from kg.vocab import BIBO, KG, SCHEMA

    return {"kg": str(KG._NS), "schema": str(SCHEMA), "bibo": str(BIBO), "dcterms": str(DCTERMS),
            "owl": str(OWL), "prov": str(PROV), "rdf": str(RDF), "rdfs": str(RDFS),
            "skos": str(SKOS), "xsd": str(XSD),
            **{kind: mint(kind, "", base) for kind in _KINDS}}


_KINDS = ("person", "institution", "country", "region", "law", "program", "keyword", "article",
          "authorship", "affiliation", "mention", "reference", "document", "issue", "graph")


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
