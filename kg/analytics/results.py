"""Results of a network's measures as CSV rows, RDF (N-Triples), GEXF and GraphML.

Every output is deterministic: rows and triples in a fixed order, floats rounded to six
significant digits, no dates (GEXF's ``lastmodifieddate`` is removed).

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

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.analytics.measures import PARTITIONS, SCORES, Measures
from kg.analytics.networks import NetworkSpec, display_label
from kg.iri import mint
from kg.vocab import KG

DIGITS = 6
LANGS = ("kk", "ru", "en")


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
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns(r))
    writer.writerows(rows(r))
    return buf.getvalue()


def network_iri(name: str, base: str) -> URIRef:
    return URIRef(mint("network", name, base))


def to_graph(results: list[NetworkResult], base: str) -> Graph:
    """The analytics graph: each network as a ``kg:Network`` and one ``kg:AnalyticsResult``
    per node and measure (``kg:score`` or ``kg:community``, ``kg:parameters`` as JSON)."""
    g = Graph()
    for r in results:
        net = network_iri(r.name, base)
        g.add((net, RDF.type, KG.Network))
        for lang, title in r.spec.titles.items():
            g.add((net, RDFS.label, Literal(title, lang=lang)))
        measures = [(m, s, False) for m, s in r.measures.scores.items()]
        measures += [(m, p, True) for m, p in r.measures.communities.items()]
        for measure, values, is_partition in measures:
            params = Literal(json.dumps(r.measures.parameters.get(measure, {}), sort_keys=True,
                                        separators=(",", ":")))
            for node, value in values.items():
                digest = hashlib.sha1(str(node).encode("utf-8")).hexdigest()[:16]
                res = URIRef(mint("analytics", f"{r.name}/{measure}/{digest}", base))
                g.add((res, RDF.type, KG.AnalyticsResult))
                g.add((res, KG.node, URIRef(str(node))))
                g.add((res, KG.measure, Literal(measure)))
                g.add((res, KG.network, net))
                g.add((res, KG.parameters, params))
                if is_partition:
                    g.add((res, KG.community, Literal(str(int(value)), datatype=XSD.integer)))
                else:
                    g.add((res, KG.score, Literal(repr(rounded(float(value))),
                                                  datatype=XSD.double)))
    return g


def to_ntriples(results: list[NetworkResult], base: str) -> bytes:
    """:func:`to_graph` as sorted N-Triples (byte-identical for the same results)."""
    text = to_graph(results, base).serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def export_graph(r: NetworkResult) -> nx.Graph:
    """A copy of the network with scalar attributes only (labels, type, measures)."""
    H = nx.Graph()
    for n in sorted(r.graph, key=str):
        data = r.graph.nodes[n]
        labels = data.get("labels", {})
        attrs = {"label": r.label(n), "type": data.get("type", "other"),
                 **{f"label_{lang}": labels.get(lang, "") for lang in LANGS},
                 "articles": len(data.get("articles", ()))}
        attrs.update({m: _value(s[n]) for m, s in r.measures.scores.items()})
        attrs.update({m: int(p[n]) for m, p in r.measures.communities.items()})
        H.add_node(str(n), **attrs)
    edges = sorted((min(str(u), str(v)), max(str(u), str(v)), d)
                   for u, v, d in r.graph.edges(data=True))
    for u, v, d in edges:
        H.add_edge(u, v, **{k: _value(x) for k, x in sorted(d.items())
                            if isinstance(x, (int, float)) and not isinstance(x, bool)})
    return H


_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def to_gexf(r: NetworkResult) -> bytes:
    """``networks/<network>.gexf`` (GEXF 1.2, UTF-8, no modification date)."""
    buf = io.BytesIO()
    nx.write_gexf(export_graph(r), buf, encoding="utf-8")
    return _GEXF_DATE.sub("", buf.getvalue().decode("utf-8")).encode("utf-8")


def to_graphml(r: NetworkResult) -> bytes:
    """``networks/<network>.graphml`` (UTF-8)."""
    buf = io.BytesIO()
    nx.write_graphml_xml(export_graph(r), buf, encoding="utf-8")
    return buf.getvalue()
