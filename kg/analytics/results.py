"""Results of a network's measures as CSV rows, RDF (N-Triples), GEXF and GraphML.

Every output is deterministic: rows and triples in a fixed order, floats rounded to six
significant digits, no dates. N-Triples lines are formatted here (as rdflib would write
them) and GEXF/GraphML written by :mod:`kg.analytics.exports`, without building an RDF
graph or an XML tree.

>>> import networkx as nx
>>> from kg.analytics.measures import compute
>>> from kg.analytics.networks import NETWORKS
>>> G = nx.Graph([("http://e/a", "http://e/b", {"weight": 2.0, "articles": 2})])
>>> r = NetworkResult(NETWORKS[0], G, compute(G))
>>> print(to_csv(r).splitlines()[1])
http://e/a,a,other,,,,0,1,2.0,0.0,1.0,0.707107,0.5,0,0
>>> b"<http://e/a>" in to_ntriples([r], "https://w3id.org/kazkg/id/")
True
>>> b"lastmodifieddate" in to_gexf(r)
False
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import networkx as nx

from kg.analytics import exports
from kg.csvsafe import csv_text
from kg.fsutil import atomic_binary
from kg.analytics.exports import EdgeRow, Row
from kg.analytics.layout import positions
from kg.analytics.measures import PARTITIONS, SCORES, Measures
from kg.analytics.networks import KG, NetworkSpec, display_label
from kg.analytics.style import Look, look_of
from kg.iri import mint, node_digest, result_key
from kg.kinds import LANGS

DIGITS = 6


@dataclass(frozen=True)
class NetworkResult:
    """One network, built and measured."""

    spec: NetworkSpec
    graph: nx.Graph
    measures: Measures

    @property
    def name(self) -> str:
        return self.spec.name

    def ranked(self, measure: str = "pagerank") -> list:
        """Nodes by decreasing (rounded) ``measure``, then by IRI; by IRI if it is missing."""
        scores = self.measures.scores.get(measure, {})
        return sorted(self.graph, key=lambda n: (-rounded(scores.get(n, 0.0)), str(n)))

    def label(self, node) -> str:
        return self.graph.nodes[node].get("label") or display_label({}, str(node))

    @cached_property
    def layout(self) -> dict:
        """``{node: (x, y)}``, the seeded build-time layout (:mod:`kg.analytics.layout`)."""
        return positions(self.graph)

    @cached_property
    def look(self) -> Look:
        """Colours, sizes and community names (:mod:`kg.analytics.style`)."""
        return look_of(self.graph, self.measures.scores,
                       self.measures.communities["louvain_community"], self.spec.colour_by)

    @cached_property
    def exported(self) -> tuple[list[Row], list[EdgeRow]]:
        """See :func:`export_rows`."""
        return _export_rows(self)


def rounded(x: float, digits: int = DIGITS) -> float:
    """``x`` to ``digits`` significant digits (and never ``-0.0``).

    >>> rounded(2 / 3), rounded(-1e-20 * 0)
    (0.666667, 0.0)
    """
    return float(f"{x:.{digits}g}") + 0.0


def _value(x):
    return x if isinstance(x, int) else rounded(x)


def columns(r: NetworkResult) -> list[str]:
    """The CSV header: node, labels, type, article count, every measure, partitions."""
    return ["iri", "label", "type", *(f"label_{lang}" for lang in LANGS), "articles",
            *SCORES, *PARTITIONS]


def rows(r: NetworkResult) -> list[list]:
    """One row per node, by decreasing PageRank then IRI; a measure left out is blank."""
    scores = [r.measures.scores.get(m) for m in SCORES]
    out = []
    for n in r.ranked():
        data = r.graph.nodes[n]
        labels = data.get("labels", {})
        out.append([str(n), r.label(n), data.get("type", "other"),
                    *(labels.get(lang, "") for lang in LANGS), len(data.get("articles", ()))]
                   + [_value(s[n]) if s is not None else "" for s in scores]
                   + [r.measures.communities[p][n] for p in PARTITIONS])
    return out


def to_csv(r: NetworkResult) -> str:
    """``reports/<network>.csv``."""
    return csv_text(columns(r), rows(r))


def network_iri(name: str, base: str) -> str:
    """The IRI of a network.

    >>> network_iri("coauthorship", "https://w3id.org/kazkg/id/")
    'https://w3id.org/kazkg/id/network/coauthorship'
    """
    return mint("network", name, base)


def _literal(text: str) -> str:
    """An N-Triples string literal, escaped as rdflib's N-Triples serializer escapes it."""
    text = text.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
    return '"' + text.replace("\r", "\\r") + '"'


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def ntriples_lines(results: list[NetworkResult], base: str) -> set[str]:
    """The analytics graph as N-Triples lines (no newline): each network as a ``kg:Network``
    and one ``kg:AnalyticsResult`` per node and measure (``kg:score`` or ``kg:community``,
    ``kg:parameters`` as JSON)."""
    kg = KG
    network_cls, result_cls = f"<{kg}Network>", f"<{kg}AnalyticsResult>"
    p_node, p_measure, p_network = f"<{kg}node>", f"<{kg}measure>", f"<{kg}network>"
    p_params, p_score, p_community = f"<{kg}parameters>", f"<{kg}score>", f"<{kg}community>"
    double, integer = f"^^<{_XSD}double> .", f"^^<{_XSD}integer> ."
    lines: set[str] = set()
    add = lines.add
    for r in results:
        net = f"<{network_iri(r.name, base)}>"
        add(f"{net} {_RDF_TYPE} {network_cls} .")
        for lang, title in r.spec.titles.items():
            add(f"{net} {_RDFS_LABEL} {_literal(title)}@{lang} .")
        digests = {node: node_digest(str(node)) for node in r.graph}
        measures = [(m, s, False) for m, s in r.measures.scores.items()]
        measures += [(m, p, True) for m, p in r.measures.communities.items()]
        for measure, values, is_partition in measures:
            params = _literal(json.dumps(r.measures.parameters.get(measure, {}), sort_keys=True,
                                         separators=(",", ":")))
            name = _literal(measure)
            for node, value in values.items():
                res = f"<{mint('analytics', result_key(r.name, measure, digests[node]), base)}>"
                add(f"{res} {_RDF_TYPE} {result_cls} .")
                add(f"{res} {p_node} <{node}> .")
                add(f"{res} {p_measure} {name} .")
                add(f"{res} {p_network} {net} .")
                add(f"{res} {p_params} {params} .")
                if is_partition:
                    add(f'{res} {p_community} "{int(value)}"{integer}')
                else:
                    add(f'{res} {p_score} "{rounded(float(value))!r}"{double}')
    return lines


def to_ntriples(results: list[NetworkResult], base: str) -> bytes:
    """The analytics graph (see :func:`ntriples_lines`) as sorted N-Triples, UTF-8
    (byte-identical for the same results)."""
    lines = sorted(ntriples_lines(results, base))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def export_rows(r: NetworkResult) -> tuple[list[Row], list[EdgeRow]]:
    """The network with scalar attributes only (labels, type, measures), as sorted node
    rows ``(iri, attrs)`` and edge rows ``(u, v, attrs)`` with ``u < v`` (made once per
    result: GEXF and GraphML share them)."""
    return r.exported


def _export_rows(r: NetworkResult) -> tuple[list[Row], list[EdgeRow]]:
    known: dict[float, float] = {}  # rounding memo: weights repeat a lot

    def value(x):
        if isinstance(x, int):
            return x
        if x not in known:
            known[x] = rounded(x)
        return known[x]

    nodes = []
    scores = list(r.measures.scores.items())
    parts = list(r.measures.communities.items())
    for n in sorted(r.graph, key=str):
        data = r.graph.nodes[n]
        labels = data.get("labels", {})
        attrs = {"label": r.label(n), "type": data.get("type", "other"),
                 **{f"label_{lang}": labels.get(lang, "") for lang in LANGS},
                 "articles": len(data.get("articles", ()))}
        attrs.update({m: value(s[n]) for m, s in scores})
        attrs.update({m: int(p[n]) for m, p in parts})
        nodes.append((str(n), attrs))
    edges = []
    for u, v, d in r.graph.edges(data=True):
        u, v = str(u), str(v)
        if v < u:
            u, v = v, u
        attrs = {}
        for k in sorted(d):
            x = d[k]
            if type(x) is int:
                attrs[k] = x
            elif type(x) is float and x in known:
                attrs[k] = known[x]
            elif isinstance(x, (int, float)) and not isinstance(x, bool):
                attrs[k] = value(x)
        edges.append((u, v, attrs))
    edges.sort(key=lambda e: (e[0], e[1]))
    return nodes, edges


def export_graph(r: NetworkResult) -> nx.Graph:
    """:func:`export_rows` as a networkx graph."""
    H = nx.Graph()
    nodes, edges = export_rows(r)
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


def node_years(r: NetworkResult) -> dict[str, tuple[int, ...]]:
    """``{node: (year, ...)}``: the distinct years of each node's articles (dated ones only)."""
    years = r.graph.graph.get("article_years", {})
    out = {}
    for n, arts in r.graph.nodes(data="articles"):
        found = sorted({years[a] for a in arts or () if a in years})
        if found:
            out[str(n)] = tuple(found)
    return out


def edge_years(r: NetworkResult) -> dict[tuple[str, str], tuple[int, ...]]:
    """``{(u, v): (year, ...)}`` with ``u < v``: the years of the articles both nodes share."""
    years = r.graph.graph.get("article_years", {})
    arts = dict(r.graph.nodes(data="articles"))
    out = {}
    for u, v in r.graph.edges():
        shared = set(arts.get(u) or ()) & set(arts.get(v) or ())
        found = sorted({years[a] for a in shared if a in years})
        if found:
            u, v = sorted((str(u), str(v)))
            out[(u, v)] = tuple(found)
    return out


def viz(r: NetworkResult) -> dict[str, exports.Viz]:
    """Each node's colour, build-time position and size, as the page shows them."""
    look, pos = r.look, r.layout
    return {str(n): exports.Viz(look.colour[n], *pos[n], look.size[n]) for n in r.graph}


def to_gexf(r: NetworkResult, spells: bool = False) -> bytes:
    """``networks/<network>.gexf`` (GEXF 1.2, UTF-8, no modification date): viz colour,
    position and size per node, ``start``/``end`` years per node and edge; with ``spells``,
    ``networks/<network>.dynamic.gexf``, one spell per year for Gephi's timeline."""
    times = {**node_years(r), **edge_years(r)}
    return exports.gexf(*export_rows(r), viz=viz(r), times=times, spells=spells)


def to_graphml(r: NetworkResult) -> bytes:
    """``networks/<network>.graphml`` (UTF-8)."""
    return exports.graphml(*export_rows(r))


def write_gexf(r: NetworkResult, path: Path, spells: bool = False) -> None:
    """:func:`to_gexf` streamed to the file ``path`` (atomically; never all in memory)."""
    times = {**node_years(r), **edge_years(r)}
    with atomic_binary(path) as out:
        exports.write_gexf(out, *export_rows(r), viz=viz(r), times=times, spells=spells)


def write_graphml(r: NetworkResult, path: Path) -> None:
    """:func:`to_graphml` streamed to the file ``path`` (atomically)."""
    with atomic_binary(path) as out:
        exports.write_graphml(out, *export_rows(r))
