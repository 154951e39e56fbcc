"""Time in the reports: a network's per-year counts, and entities' mentions by year.

A year counts an article when the article is dated (its issue's year or publication year,
see :mod:`kg.analytics.articles`); a node or edge is active in a year when one of its
(shared) articles is from that year. Mentions by year count the distinct sentences naming
an entity in articles of each year; ``lift`` is the entity's share of that year's mention
sentences over its share of all of them (above 1: mentioned more than usual that year, a
burst when it is 2 or more over at least two sentences).

>>> import networkx as nx
>>> from kg.analytics.measures import compute
>>> from kg.analytics.networks import NETWORKS
>>> from kg.analytics.results import NetworkResult
>>> G = nx.Graph([("a", "b")]); G.add_node("c")
>>> G.nodes["a"]["articles"] = ("A1", "A2"); G.nodes["b"]["articles"] = ("A1",)
>>> G.nodes["c"]["articles"] = ("A2",)
>>> G.graph.update(article_years={"A1": 2020, "A2": 2021},
...     mention_sentences={"a": [("A1", "s1"), ("A2", "s2")], "c": [("A2", "s2")]})
>>> r = NetworkResult(NETWORKS[0], G, compute(G))
>>> print(year_counts(r))
year,articles,nodes,edges
2020,1,2,1
2021,1,2,0
<BLANKLINE>
>>> print(mentions_by_year(r).splitlines()[1])
a,a,other,2020,1,1,1.0,1.5,False
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict

from kg.analytics.results import NetworkResult, iter_edge_years, node_years, rounded


def year_counts(r: NetworkResult) -> str:
    """``reports/<network>-years.csv``: per year, the dated articles, active nodes and edges."""
    years = r.graph.graph.get("article_years", {})
    used = {a for _, arts in r.graph.nodes(data="articles") for a in arts or ()}
    articles = Counter(years[a] for a in used if a in years)
    nodes = Counter(y for ys in node_years(r).values() for y in ys)
    edges = Counter(y for _, ys in iter_edge_years(r) for y in ys)
    return _csv(["year", "articles", "nodes", "edges"],
                [[y, articles[y], nodes[y], edges[y]] for y in sorted(articles)])


def has_mentions(r: NetworkResult) -> bool:
    """Whether the network's nodes have mention sentences (so mentions by year mean something)."""
    return bool(r.graph.graph.get("mention_sentences"))


def mentions_by_year(r: NetworkResult) -> str:
    """``reports/<network>-mentions-by-year.csv``: one row per node and year with mentions."""
    years = r.graph.graph.get("article_years", {})
    sentences = r.graph.graph.get("mention_sentences", {})
    counts: dict[str, Counter] = defaultdict(Counter)
    arts: dict[str, dict[int, set]] = defaultdict(lambda: defaultdict(set))
    for n in r.graph:
        for article, _ in sentences.get(str(n), ()):
            if article in years:
                counts[str(n)][years[article]] += 1
                arts[str(n)][years[article]].add(article)
    totals: Counter = Counter()
    for c in counts.values():
        totals.update(c)
    grand = sum(totals.values())
    rows = []
    for n in sorted(counts):
        overall = sum(counts[n].values()) / grand
        data = r.graph.nodes[n]
        for y in sorted(counts[n]):
            share = counts[n][y] / totals[y]
            lift = rounded(share / overall)
            rows.append([n, r.label(n), data.get("type", "other"), y, counts[n][y],
                         len(arts[n][y]), rounded(share), lift,
                         lift >= 2 and counts[n][y] >= 2])
    return _csv(["iri", "label", "type", "year", "sentences", "articles", "share_of_year",
                 "lift", "burst"], rows)


def _csv(header: list[str], rows: list[list]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()
