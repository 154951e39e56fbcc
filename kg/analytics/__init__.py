"""Network analytics of the knowledge graph: networks, measures, communities, reports.

:func:`run_analytics` is the one entry point of the build. It extracts every network of
:data:`kg.analytics.networks.NETWORKS` from the store with SPARQL, computes the measures and
communities, and writes, under ``out_dir``::

    networks/<network>.gexf              GEXF 1.2 with viz colour/position/size, start/end years
    networks/<network>.dynamic.gexf      the same with one spell per year (Gephi's timeline)
    networks/<network>.graphml           GraphML export
    networks/<network>.vos-map.txt       VOSviewer map file (and .vos-network.txt)
    reports/<network>.csv                one row per node: labels, every measure, community
    reports/<network>-years.csv          per year: articles, active nodes and edges
    reports/<network>-mentions-by-year.csv   entities' mention sentences per year (bursts)

It returns the results (which :mod:`kg.pages` turns into the network pages and the
dashboard), the analytics RDF (for the ``analytics`` named graph) and summary counts. Every
file is deterministic: the same store gives byte-identical files.

>>> import tempfile, pathlib, pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(input='''@prefix s: <http://schema.org/> .
...   <http://e/a1> a s:ScholarlyArticle ; s:author <http://e/p1> , <http://e/p2> .''',
...   format=ox.RdfFormat.TURTLE)
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> report = run_analytics(store, out, "https://w3id.org/kazkg/id/")
>>> report.counts["coauthorship_nodes"], report.counts["coauthorship_edges"]
(2, 1)
>>> sorted(p.name for p in (out / "networks").iterdir())[:3]
['coauthorship.dynamic.gexf', 'coauthorship.gexf', 'coauthorship.graphml']
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from kg.analytics.measures import compute
from kg.analytics.networks import NETWORKS
from kg.analytics.results import (NetworkResult, result_lines, to_csv, to_ntriples,
                                  write_gexf_pair, write_graphml)
from kg.analytics.timeline import has_mentions, mentions_by_year, year_counts
from kg.analytics.vosviewer import vos_map, vos_network
from kg.fsutil import write_atomic
from kg.rdf.runs import Run, SortedRun


@dataclass(frozen=True)
class NetworkSummary:
    """Counts of one network and where its files are (relative to the output folder)."""

    name: str
    title: str
    nodes: int
    edges: int
    components: int
    communities: int
    files: tuple[str, ...]
    top: tuple[tuple[str, str, float], ...]  # (iri, label, pagerank), best first


@dataclass(frozen=True)
class AnalyticsReport:
    """What :func:`run_analytics` produced.

    ``ntriples`` holds the analytics RDF as sorted N-Triples (UTF-8): one ``kg:Network`` per
    network and one ``kg:AnalyticsResult`` per node and measure, without ``kg:computedAt``
    (the build records dates in its manifest). When :func:`run_analytics` was given a
    ``run`` folder the same triples are in the N-Quads file ``run`` instead, and
    ``ntriples`` is empty.
    """

    ntriples: bytes
    networks: tuple[NetworkSummary, ...]
    files: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step
    results: tuple[NetworkResult, ...] = ()
    run: Run | None = None
    result_count: int = 0  # kg:AnalyticsResult nodes
    pending: tuple = ()  # futures of the exports written apart (see ``offload``)

    def graph(self):
        """The analytics RDF as an rdflib Graph."""
        from rdflib import Graph

        if self.run is None:
            return Graph().parse(data=self.ntriples.decode("utf-8"), format="nt")
        suffix = f" <{self.run.graph}> .\n"
        with open(self.run.path, encoding="utf-8") as lines:
            text = "".join(line[: -len(suffix)] + " .\n" for line in lines)
        return Graph().parse(data=text, format="nt")

    @property
    def counts(self) -> dict[str, int]:
        """``<network>_nodes`` / ``_edges`` / ``_communities`` per network, and the result count."""
        counts: dict[str, int] = {}
        for n in self.networks:
            key = n.name.replace("-", "_")
            counts[f"{key}_nodes"] = n.nodes
            counts[f"{key}_edges"] = n.edges
            counts[f"{key}_communities"] = n.communities
        counts["analytics_results"] = self.result_count
        return counts


def run_analytics(store, out_dir: Path, base: str, run: tuple[Path, str] | None = None,
                  on_result: Callable[[NetworkResult], None] | None = None,
                  offload: Callable[..., Any] | None = None) -> AnalyticsReport:
    """Build, measure and publish every network of the store.

    Networks are done one at a time (built, measured, written, turned into triples), so
    only one network's graph and exports are in memory at once beyond what the caller
    keeps.

    Parameters
    ----------
    store : pyoxigraph.Store
        The built store (queried over the union of its graphs).
    out_dir : Path
        The build's output folder.
    base : str
        Base of minted IRIs (networks and results).
    run : (folder, graph IRI), optional
        Write the analytics triples as the sorted N-Quads run of that graph in that folder
        (:class:`kg.rdf.runs.SortedRun`, spilled to disk) instead of ``ntriples``.
    on_result : callable, optional
        Called with each network's result once its files are written (the build writes its
        page then).
    offload : callable, optional
        ``offload(r)``: a future writing the GEXF and GraphML of network ``r``
        (:func:`write_heavy_exports`) elsewhere, or ``None`` to write them here. Its layout
        and look are worked out here first (the pages need them too). The futures are the
        report's ``pending``: the caller waits for them before publishing.

    Returns
    -------
    AnalyticsReport
    """
    out_dir = Path(out_dir)
    clock = {"networks": 0.0, "measures": 0.0, "exports": 0.0}
    results = []
    files: list[str] = []
    summaries = []
    sorter = SortedRun(run[0], run[1]) if run is not None else None
    count = 0
    pending = []
    for spec in NETWORKS:
        with _timed(clock, "networks"):
            G = spec.build(store)
        with _timed(clock, "measures"):
            r = NetworkResult(spec, G, compute(G))
        del G
        with _timed(clock, "exports"):
            outputs, future = _write_exports(r, out_dir, offload)
            if future is not None:
                pending.append(future)
            count += sum(map(len, [*r.measures.scores.values(), *r.measures.communities.values()]))
            if sorter is not None:
                sorter.extend(result_lines(r, base, run[1]))
        files.extend(outputs)
        summaries.append(_summary(r, outputs))
        if on_result is not None:
            on_result(r)
        results.append(r)
    warnings = tuple(f"{r.name}: {w}" for r in results for w in r.measures.warnings)
    with _timed(clock, "exports"):
        ntriples = to_ntriples(results, base) if sorter is None else b""
        written = sorter.close() if sorter is not None else None
    return AnalyticsReport(ntriples, tuple(summaries), tuple(files), warnings,
                           {k: round(v, 3) for k, v in clock.items()}, tuple(results),
                           written, count, tuple(pending))


def write_heavy_exports(r: NetworkResult, out_dir: Path) -> None:
    """Write the GEXF pair and the GraphML of one network (the dearest of its files)."""
    write_gexf_pair(r, out_dir / f"networks/{r.name}.gexf", out_dir / f"networks/{r.name}.dynamic.gexf")
    write_graphml(r, out_dir / f"networks/{r.name}.graphml")


def _write_exports(r: NetworkResult, out_dir: Path, offload: Callable[..., Any] | None = None):
    """Write the reports and exports of one network; return their paths and the future of
    the GEXF and GraphML if ``offload`` took them. One file at a time, each written as soon
    as it is made; GEXF and GraphML are streamed (a large network's are hundreds of MB of text)."""
    gexf, dynamic = f"networks/{r.name}.gexf", f"networks/{r.name}.dynamic.gexf"
    future = None
    if offload is not None:
        r.layout, r.look  # noqa: B018 - worked out here once: the pages need them too
        future = offload(r)
    heavy = future is None
    outputs = {f"reports/{r.name}.csv": partial(_text, to_csv, r),
               gexf: (lambda path: write_gexf_pair(r, path, out_dir / dynamic)) if heavy else None,
               f"networks/{r.name}.graphml": partial(write_graphml, r) if heavy else None,
               dynamic: None,  # written with the static GEXF
               f"networks/{r.name}.vos-map.txt": partial(_text, vos_map, r),
               f"networks/{r.name}.vos-network.txt": partial(_text, vos_network, r),
               f"reports/{r.name}-years.csv": partial(_text, year_counts, r)}
    if has_mentions(r):
        outputs[f"reports/{r.name}-mentions-by-year.csv"] = partial(_text, mentions_by_year, r)
    for path, write in outputs.items():
        if write is not None:
            write(out_dir / path)
    return list(outputs), future


def _summary(r: NetworkResult, outputs: list[str]) -> NetworkSummary:
    pagerank = r.measures.scores.get("pagerank", {})
    return NetworkSummary(
        r.name, r.spec.titles.get("en", r.name), len(r.graph), r.graph.number_of_edges(),
        len(set(r.measures.communities["connected_component"].values())),
        len(set(r.measures.communities["louvain_community"].values())), tuple(outputs),
        tuple((str(n), r.label(n), pagerank.get(n, 0.0)) for n in r.ranked()[:5]))


def _text(make, r: NetworkResult, path: Path) -> None:
    """Write ``make(r)`` (text or bytes) to ``path``."""
    write_atomic(path, make(r))


@contextmanager
def _timed(clock: dict[str, float], step: str) -> Iterator[None]:
    """Add the seconds spent in the block to ``clock[step]``."""
    start = time.perf_counter()
    try:
        yield
    finally:
        clock[step] += time.perf_counter() - start
