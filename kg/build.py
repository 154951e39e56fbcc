"""``kg build``: read a corpus and write the output folder described in DESIGN.md.

Stages: parse (ingest + segment), extract (cached per document), resolve, RDF,
store, reports. The whole output is written into a staging folder and published in one
step (:mod:`kg.output`); timings go to the manifest. A file that cannot be read, decoded,
segmented or extracted becomes a warning naming it; the rest is built.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.analytics import run_analytics, write_heavy_exports
from kg.corpus import Corpus
from kg.csvsafe import csv_text
from kg.extract_stage import Extraction, ExtractProgress, issue_mentions, parse_and_extract
from kg.fsutil import naming, write_atomic
from kg.ingest import iter_sources
from kg.iri import DEFAULT_BASE, mint
from kg.jsonio import article_to_dict
from kg.model import Mention, Problem
from kg.output import OutputError, staged_output
from kg.pages import write_pages
from kg.pages.site import FOLDER as SITE_FOLDER
from kg.pages.site import write_site
from kg.parallel import apart, fed_apart
from kg.rdf.bulkload import add_run_in_slices, load_received, load_store
from kg.rdf.mapping import corpus_graphs
from kg.rdf.ontology import ONTOLOGY, ontology_dir
from kg.rdf.prefixes import turtle_prefixes
from kg.rdf.runs import write_run
from kg.rdf.serialize import canonical_lines, write_graph_files
from kg.rdf.void import describe_dataset
from kg.rebuild import forget, input_digest, remember, unchanged
from kg.resolve import resolve
from kg.resolve.report import entities_csv
from kg.resolve.thesaurus import EMPTY as EMPTY_THESAURUS
from kg.resolve.thesaurus import read_thesaurus
from kg.search import index_path, write_index


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
    extraction: Extraction = Extraction()
    #: The manifest of the output left as it was (nothing new: see :mod:`kg.rebuild`).
    unchanged: dict | None = None

    @property
    def counts(self) -> dict[str, int]:
        if self.unchanged is not None:
            return dict(self.unchanged.get("counts", {}))
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


class EmptyInput(OutputError):
    """No document could be read: nothing is published (``problems`` says why)."""

    def __init__(self, problems: tuple[Problem, ...], message: str) -> None:
        super().__init__(message)
        self.problems = problems


class _Clock:
    def __init__(self, on_stage: Callable[[str, float], None] | None = None) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()
        self._on_stage = on_stage

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = round(now - self._last, 3)
        self._last = now
        if self._on_stage:
            self._on_stage(stage, self.timings[stage])



def build(
    paths: Iterable[str | Path],
    out: str | Path,
    on_file: Callable[[str], None] | None = None,
    base: str = DEFAULT_BASE,
    workers: int = 0,
    scheduler: str | None = None,
    thesaurus: str | Path | None = None,
    on_stage: Callable[[str, float], None] | None = None,
    on_progress: Callable[[ExtractProgress], None] | None = None,
    pages: bool = False,
) -> BuildReport:
    """Build everything for ``paths`` into ``out`` and return a report.

    Parsing runs per file and extraction per article: serially, on ``workers`` local
    processes (0: automatic, see :func:`kg.parallel.auto_workers`), or on the Dask cluster
    at ``scheduler``; results are merged in input order. ``thesaurus`` is a file of the
    user's merges, drops and labels (:mod:`kg.resolve.thesaurus`). ``on_stage(stage, seconds)``
    is called as each stage ends (the stages of the manifest's ``timings``), ``on_progress``
    as documents are parsed and articles extracted. ``pages``: also write the static entity
    pages (``entities/``, :mod:`kg.pages.site`). When the inputs, settings and code are
    those of the output already at ``out`` and it is complete, nothing is built: the report's
    ``unchanged`` is that output's manifest (:mod:`kg.rebuild`).
    """
    rules = read_thesaurus(thesaurus) if thesaurus else EMPTY_THESAURUS
    out = Path(out)
    sources = list(iter_sources(paths))
    digest = input_digest(sources, base, pages, thesaurus)
    if (previous := unchanged(out, digest)) is not None:
        return BuildReport(out, Corpus((), ()), unchanged=previous)
    with staged_output(out, [s for s in sources if isinstance(s, Path)]) as stage:
        forget(out)
        try:
            report = _build_into(stage, out, sources, on_file, base, workers, scheduler, rules,
                                 on_stage, on_progress, pages)
        except OSError as err:  # a full disk, say: name the file; the old output stays whole
            raise OutputError(f"{err.filename or stage}: {err.strerror or err} "
                              f"(nothing published; {out} is unchanged)") from err
    remember(out, digest, pages)
    return report


def _build_into(stage: Path, out: Path, sources: list, on_file: Callable[[str], None] | None,
                base: str, workers: int, scheduler: str | None, rules,
                on_stage: Callable[[str, float], None] | None = None,
                on_progress: Callable[[ExtractProgress], None] | None = None,
                pages: bool = False) -> BuildReport:
    """Write the whole output of ``sources`` into ``stage`` (published as ``out`` afterwards)."""
    clock = _Clock(on_stage)
    for f in sources:
        if isinstance(f, Path) and on_file:
            on_file(str(f))
    corpus, found, extraction = parse_and_extract(sources, out / "cache", workers, scheduler,
                                                  on_progress)
    if not corpus.parsed:
        raise EmptyInput(corpus.problems, f"no readable document in the input; {out} is unchanged")
    per_doc = [(p.document, p.articles, found[p.document.id] + issue_mentions(p.document, p.articles))
               for p in corpus.parsed]
    mentions = tuple(m for _, _, ms in per_doc for m in ms)
    clock.lap("parse+extract")
    resolution = resolve(corpus.articles, mentions, [p.document for p in corpus.parsed], rules)
    clock.lap("resolve")
    work = stage / ".runs"
    loader = _store_loader(stage / "store", corpus)
    try:
        with naming(work):
            runs = []
            for lines in _graph_lines(per_doc, resolution, base):
                runs.append(write_run(work, *lines))
                if loader is not None:
                    loader.send(runs[-1])
        clock.lap("rdf")
        # the tables of the resolution, then it is let go before the store and analytics
        entities, merges = _write_tables(stage, corpus, resolution, mentions, base)
        del resolution, per_doc
        clock.lap("tables")
        with naming(stage / "store"):
            if loader is None:
                store = load_store(stage / "store", runs)
            else:  # loaded meanwhile, or nearly
                loader.close()
                loader = None
                store = ox.Store(str(stage / "store"))
    except BaseException:
        if loader is not None:
            loader.abort()
        raise
    clock.lap("store")
    graph = mint("graph", "analytics", base)
    exports = _Exports(stage)
    try:
        with naming(stage / "reports"):
            analytics = run_analytics(store, stage, base, run=(work, graph), offload=exports.offload)
        with naming(stage / "store"):
            runs.append(analytics.run)
            add_run_in_slices(store, analytics.run, stage / "store")
    except BaseException:
        exports.settle()
        raise
    del store
    serialised = _serialise(runs, stage, turtle_prefixes(base))  # beside the pages and index
    clock.lap("analytics")
    index = None
    try:
        index = _index(runs, stage, out / "cache" / TERMS_CACHE)  # beside the pages, if large
        with naming(stage / "networks"):
            write_pages(analytics.results, stage, _inputs(corpus), entity_pages=pages)
        analytics = replace(analytics, results=())  # the networks are no longer needed
        clock.lap("pages")
        with naming(stage / "search.sqlite"):
            index.result()
        clock.lap("search index")
        if pages:
            with naming(stage / SITE_FOLDER):
                write_site(stage / "store", stage, base, index_path(stage / "store"))
            clock.lap("entity pages")
    except BaseException:
        _settle(serialised)  # no process left writing into a staging folder being removed
        if index is not None:
            _settle(index)
        exports.settle()
        raise
    try:
        exports.wait()
    except BaseException:
        _settle(serialised)
        raise
    triples = serialised.result()
    shutil.rmtree(work)
    clock.lap("serialise")  # what is left of it once the pages and the index are written
    report = BuildReport(out, corpus, mentions, entities, triples, merges,
                         clock.timings, dict(analytics.counts), tuple(analytics.warnings),
                         extraction)
    description = manifest(report)
    write_atomic(stage / "manifest.json", json.dumps(description, ensure_ascii=False, indent=1))
    write_atomic(stage / "void.ttl", describe_dataset(report.counts, [i["source"] for i in description["inputs"]],
                                                      description["built_at"], base))
    return report


#: Characters of text from which the store is bulk-loaded by another process as the RDF
#: runs are written (~3.5 MB: a corpus of about five times the real one).
LOAD_APART = 3_500_000


def _store_loader(path: Path, corpus: Corpus):
    """A process that loads the store at ``path`` from the runs sent to it
    (:func:`kg.rdf.bulkload.load_received`), for a large corpus on more than one core;
    ``None``: the store is loaded here once the runs are written."""
    if sum(len(p.document.text) for p in corpus.parsed) < LOAD_APART or (os.cpu_count() or 1) < 2:
        return None
    return fed_apart(load_received, path)


def _write_tables(stage: Path, corpus: Corpus, resolution, mentions, base: str) -> tuple[dict[str, int], int]:
    """``articles.json``, ``reports/merges.csv`` and ``reports/entities.csv``; returns the
    entities per kind and the number of merges (for the manifest)."""
    write_atomic(stage / "articles.json",
                 json.dumps([article_to_dict(a) for a in corpus.articles], ensure_ascii=False, indent=1))
    write_atomic(stage / "reports" / "merges.csv", _merges_csv(resolution.merges))
    write_atomic(stage / "reports" / "entities.csv",
                 entities_csv(resolution, mentions, corpus.articles, base))
    entities: dict[str, int] = {}
    for kind, _ in resolution.entities:
        entities[kind] = entities.get(kind, 0) + 1
    return entities, len(resolution.merges)


def _graph_lines(per_doc, resolution, base: str):
    """``(graph IRI, sorted N-Quads lines)`` of every graph: entities, documents, ontology."""
    for g in corpus_graphs(per_doc, resolution, base):
        yield g.name, g.sorted()
    yield mint("graph", "ontology", base), _ontology_lines(base)


#: Quads from which Turtle and TriG are written by another process while this one writes the
#: pages and the search index (a spawned process costs ~0.3 s: below this, they wait).
SERIALISE_APART = 300_000


def _serialise(runs: list, stage: Path, prefixes: dict[str, str]):
    """Start writing ``graph.ttl`` and ``graph.trig`` from ``runs``: in another process if
    they are large (:data:`SERIALISE_APART`) and there is a second core; the returned
    future's ``result()`` is the triple count. The files are the same either way."""
    args = (runs, stage / "graph.ttl", stage / "graph.trig", prefixes)
    if sum(r.lines for r in runs) >= SERIALISE_APART and (os.cpu_count() or 1) > 1:
        return apart(write_graph_files, *args)
    return _Later(write_graph_files, args)


#: Edges from which a network's GEXF and GraphML are written by another process while this
#: one goes on (the co-mention network of a corpus of a few times the real one; a smaller
#: network's are written before a process would have started).
EXPORTS_APART = 50_000


class _Exports:
    """The GEXF and GraphML of large networks (:data:`EXPORTS_APART`), written by other
    processes (:func:`kg.analytics.write_heavy_exports`) when there is a second core."""

    def __init__(self, stage: Path) -> None:
        self._stage, self._futures = stage, []

    def offload(self, r):
        if r.graph.number_of_edges() < EXPORTS_APART or (os.cpu_count() or 1) < 2:
            return None
        self._futures.append(apart(write_heavy_exports, r, self._stage))
        return self._futures[-1]

    def wait(self) -> None:
        """Wait for every process; raise the first error once all have ended."""
        futures, self._futures = self._futures, []
        errors = []
        for future in futures:
            try:
                future.result()
            except BaseException as err:  # noqa: BLE001 - raised below, once all have ended
                errors.append(err)
        if errors:
            raise errors[0]

    def settle(self) -> None:
        """Wait for every process, whatever its outcome (a build that failed meanwhile)."""
        for future in self._futures:
            _settle(future)
        self._futures = []


#: Quads from which the search index is written by another process while this one writes
#: the pages (read-only on the store, as the pages are).
INDEX_APART = 300_000


def _index(runs: list, stage: Path, terms: Path):
    """Start writing the search index of the store in ``stage``: in another process if the
    store is large (:data:`INDEX_APART`) and there is a second core; the same file either way."""
    args = (stage / "store", index_path(stage / "store"), terms)
    if sum(r.lines for r in runs) >= INDEX_APART and (os.cpu_count() or 1) > 1:
        return apart(write_index, *args)
    return _Later(write_index, args)


def _settle(future) -> None:
    """Wait for ``future`` to end, whatever its outcome (a build that failed meanwhile)."""
    try:
        if not isinstance(future, _Later):
            future.result()
    except Exception:  # noqa: BLE001 - the build's own error is the one reported
        pass


class _Later:
    """A call made when its ``result()`` is asked for (the serial stand-in of a future)."""

    def __init__(self, fn: Callable, args: tuple) -> None:
        self._fn, self._args = fn, args

    def result(self):
        return self._fn(*self._args)


#: The search terms of the last build's words, in the cache folder (:class:`kg.search.TermsCache`).
TERMS_CACHE = "search-terms.json"

def _inputs(corpus: Corpus) -> list[dict]:
    return [{"source": p.document.source, "id": p.document.id, "encoding": p.document.encoding,
             "characters": len(p.document.text), "languages": list(p.document.langs),
             "articles": sum(1 for a in p.articles if a.has_header)} for p in corpus.parsed]


def _ontology_lines(base: str) -> list[str]:
    """The ontology as N-Quads lines of its own graph, blank nodes canonical."""
    graph = ox.NamedNode(mint("graph", "ontology", base))
    triples = ox.parse(path=str(ontology_dir() / ONTOLOGY), format=ox.RdfFormat.TURTLE)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    return canonical_lines(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))


def _merges_csv(merges) -> str:
    return csv_text(["kind", "key", "surface", "lang", "reason"],
                    [[m.kind, m.key, m.surface, m.lang, m.reason]
                     for m in sorted(set(merges), key=lambda m: (m.kind, m.key, m.surface, m.lang, m.reason))])


def manifest(report: BuildReport) -> dict:
    """The manifest: inputs with hashes, counts, timings and warnings."""
    return {
        "generator": f"kazkg {__version__}",
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "inputs": _inputs(report.corpus),
        "counts": report.counts,
        "analytics": report.analytics,
        "timings": report.timings,
        "extraction": asdict(report.extraction),
        "warnings": [str(p) for p in report.corpus.problems] + list(report.analytics_warnings),
    }
