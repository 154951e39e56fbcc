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
from collections.abc import Iterator, Mapping
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
    def exported(self) -> list[Row]:
        """The node rows of :func:`export_rows`, made once."""
        return _node_rows(self)


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
    return {line[:-1] for r in results for line in result_lines(r, base)}


def result_lines(r: NetworkResult, base: str, graph: str | None = None) -> Iterator[str]:
    """The lines of one network in the analytics graph (see :func:`ntriples_lines`), in no
    particular order, each ending with a newline: N-Triples, or N-Quads of ``graph``."""
    kg = KG
    end = f" <{graph}> .\n" if graph else " .\n"
    network_cls, result_cls = f"<{kg}Network>", f"<{kg}AnalyticsResult>"
    p_node, p_measure, p_network = f"<{kg}node>", f"<{kg}measure>", f"<{kg}network>"
    p_params, p_score, p_community = f"<{kg}parameters>", f"<{kg}score>", f"<{kg}community>"
    double, integer = f"^^<{_XSD}double>{end}", f"^^<{_XSD}integer>{end}"
    net = f"<{network_iri(r.name, base)}>"
    yield f"{net} {_RDF_TYPE} {network_cls}{end}"
    for lang, title in r.spec.titles.items():
        yield f"{net} {_RDFS_LABEL} {_literal(title)}@{lang}{end}"
    digests = {node: node_digest(str(node)) for node in r.graph}
    measures = [(m, s, False) for m, s in r.measures.scores.items()]
    measures += [(m, p, True) for m, p in r.measures.communities.items()]
    for measure, values, is_partition in measures:
        params = _literal(json.dumps(r.measures.parameters.get(measure, {}), sort_keys=True,
                                     separators=(",", ":")))
        name = _literal(measure)
        for node, value in values.items():
            res = f"<{mint('analytics', result_key(r.name, measure, digests[node]), base)}>"
            yield f"{res} {_RDF_TYPE} {result_cls}{end}"
            yield f"{res} {p_node} <{node}>{end}"
            yield f"{res} {p_measure} {name}{end}"
            yield f"{res} {p_network} {net}{end}"
            yield f"{res} {p_params} {params}{end}"
            if is_partition:
                yield f'{res} {p_community} "{int(value)}"{integer}'
            else:
                yield f'{res} {p_score} "{rounded(float(value))!r}"{double}'


def to_ntriples(results: list[NetworkResult], base: str) -> bytes:
    """The analytics graph (see :func:`ntriples_lines`) as sorted N-Triples, UTF-8
    (byte-identical for the same results)."""
    lines = sorted(ntriples_lines(results, base))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def export_rows(r: NetworkResult) -> tuple[list[Row], EdgeRows]:
    """The network with scalar attributes only (labels, type, measures), as sorted node
    rows ``(iri, attrs)`` and edge rows ``(u, v, attrs)`` with ``u < v``. Node rows are made
    once per result (GEXF and GraphML share them); edge rows are made afresh, in order, each
    time they are read (:class:`EdgeRows`), so a large network's are never all in memory."""
    return r.exported, EdgeRows(r.graph)


def _node_rows(r: NetworkResult) -> list[Row]:
    nodes = []
    scores = list(r.measures.scores.items())
    parts = list(r.measures.communities.items())
    for n in sorted(r.graph, key=str):
        data = r.graph.nodes[n]
        labels = data.get("labels", {})
        attrs = {"label": r.label(n), "type": data.get("type", "other"),
                 **{f"label_{lang}": labels.get(lang, "") for lang in LANGS},
                 "articles": len(data.get("articles", ()))}
        attrs.update({m: _value(s[n]) for m, s in scores})
        attrs.update({m: int(p[n]) for m, p in parts})
        nodes.append((str(n), attrs))
    return nodes


class EdgeRows:
    """The edge rows of ``G`` (``(u, v, attrs)``, ``u <= v`` as strings, sorted by
    ``(u, v)``; numeric attributes only, in name order, floats rounded), made as they are
    read: a node's neighbours at a time.

    >>> rows = EdgeRows(nx.Graph([("b", "a", {"weight": 2 / 3, "tag": "x"}), ("a", "c")]))
    >>> list(rows), len(rows)
    ([('a', 'b', {'weight': 0.666667}), ('a', 'c', {})], 2)
    """

    def __init__(self, G: nx.Graph) -> None:
        self.graph = G

    def __len__(self) -> int:
        return self.graph.number_of_edges()

    def __bool__(self) -> bool:
        return self.graph.number_of_edges() > 0

    def __iter__(self) -> Iterator[EdgeRow]:
        known: dict[float, float] = {}  # rounding memo: weights repeat a lot
        adj = self.graph.adj
        for u in sorted(self.graph, key=str):  # each edge once, from its smaller end
            su = str(u)
            later = sorted(((str(v), d) for v, d in adj[u].items() if str(v) >= su),
                           key=lambda item: item[0])
            for sv, d in later:
                attrs = {}
                for k in sorted(d):
                    x = d[k]
                    if type(x) is int:
                        attrs[k] = x
                    elif type(x) is float:
                        if x not in known:
                            known[x] = rounded(x)
                        attrs[k] = known[x]
                    elif isinstance(x, (int, float)) and not isinstance(x, bool):
                        attrs[k] = _value(x)
                yield su, sv, attrs


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
    return dict(iter_edge_years(r))


def iter_edge_years(r: NetworkResult) -> Iterator[tuple[tuple[str, str], tuple[int, ...]]]:
    """The items of :func:`edge_years`, one edge at a time (in ``G.edges()`` order)."""
    years = _EdgeYears(r)
    for u, v in r.graph.edges():
        found = years.of(u, v)
        if found:
            u, v = sorted((str(u), str(v)))
            yield (u, v), found


class _EdgeYears:
    """The years of the articles two nodes share, worked out when asked."""

    def __init__(self, r: NetworkResult) -> None:
        self.years = r.graph.graph.get("article_years", {})
        self.dated = {n: frozenset(a for a in arts or () if a in self.years)
                      for n, arts in r.graph.nodes(data="articles")}

    def of(self, u, v) -> tuple[int, ...]:
        shared = self.dated.get(u, frozenset()) & self.dated.get(v, frozenset())
        return tuple(sorted({self.years[a] for a in shared}))


class _Times(Mapping):
    """``{node: years}`` and ``{(u, v): years}`` for the GEXF writer: node years held, an
    edge's worked out when the writer asks for it (a large network has millions of edges).
    Nodes are the string ids of the export rows."""

    def __init__(self, r: NetworkResult) -> None:
        self.nodes = node_years(r)
        self.edges = _EdgeYears(r)
        self.ids = {str(n): n for n in r.graph}

    def __getitem__(self, key):
        if isinstance(key, tuple):
            found = self.edges.of(self.ids.get(key[0]), self.ids.get(key[1]))
            if not found:
                raise KeyError(key)
            return found
        return self.nodes[key]

    def get(self, key, default=None):
        if isinstance(key, tuple):
            return self.edges.of(self.ids.get(key[0]), self.ids.get(key[1])) or default
        return self.nodes.get(key, default)

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)  # an edge is dated only if both its nodes are


def viz(r: NetworkResult) -> dict[str, exports.Viz]:
    """Each node's colour, build-time position and size, as the page shows them."""
    look, pos = r.look, r.layout
    return {str(n): exports.Viz(look.colour[n], *pos[n], look.size[n]) for n in r.graph}


def to_gexf(r: NetworkResult, spells: bool = False) -> bytes:
    """``networks/<network>.gexf`` (GEXF 1.2, UTF-8, no modification date): viz colour,
    position and size per node, ``start``/``end`` years per node and edge; with ``spells``,
    ``networks/<network>.dynamic.gexf``, one spell per year for Gephi's timeline."""
    times = _Times(r)
    return exports.gexf(*export_rows(r), viz=viz(r), times=times, spells=spells)


def to_graphml(r: NetworkResult) -> bytes:
    """``networks/<network>.graphml`` (UTF-8)."""
    return exports.graphml(*export_rows(r))


def write_gexf(r: NetworkResult, path: Path, spells: bool = False) -> None:
    """:func:`to_gexf` streamed to the file ``path`` (atomically; never all in memory)."""
    times = _Times(r)
    with atomic_binary(path) as out:
        exports.write_gexf(out, *export_rows(r), viz=viz(r), times=times, spells=spells)


def write_gexf_pair(r: NetworkResult, path: Path, dynamic_path: Path) -> None:
    """:func:`write_gexf` without and with ``spells``, from one pass over the edges."""
    with atomic_binary(path) as out, atomic_binary(dynamic_path) as dynamic:
        exports.write_gexfs({False: out, True: dynamic}, *export_rows(r), viz=viz(r),
                            times=_Times(r))


def write_graphml(r: NetworkResult, path: Path) -> None:
    """:func:`to_graphml` streamed to the file ``path`` (atomically)."""
    with atomic_binary(path) as out:
        exports.write_graphml(out, *export_rows(r))
