"""VOSviewer map and network files, so a VOSviewer user opens our networks directly.

The columns are the ones VOSviewer's manual documents for map files (tab-separated, one
header line: ``id``, ``label``, ``url``, ``x``, ``y``, ``cluster``, ``weight<…>`` and
``score<…>`` columns) and network files (no header; ``id1``, ``id2``, ``strength``).
Ids are 1, 2, … in node order; clusters are Louvain communities numbered from 1;
``x``/``y`` are the build-time layout (y pointing up, as VOSviewer draws it); the
``score<Avg. pub. year>`` column (VOSviewer's overlay) is written when every node is dated.

>>> import networkx as nx
>>> from kg.analytics.measures import compute
>>> from kg.analytics.networks import NETWORKS
>>> from kg.analytics.results import NetworkResult
>>> G = nx.Graph([("http://e/a", "http://e/b", {"weight": 2.0})])
>>> r = NetworkResult(NETWORKS[0], G, compute(G))
>>> vos_map(r).splitlines()[0].split("\\t")
['id', 'label', 'url', 'x', 'y', 'cluster', 'weight<Links>', 'weight<Total link strength>', 'weight<Documents>']
>>> vos_network(r)
'1\\t2\\t2\\n'
"""

from __future__ import annotations

from array import array

from kg.analytics.results import NetworkResult, node_years, rounded

WEIGHTS = ("Links", "Total link strength", "Documents")
YEAR_SCORE = "Avg. pub. year"


def vos_map(r: NetworkResult) -> str:
    """``networks/<network>.vos-map.txt``."""
    G = r.graph
    ids = _ids(r)
    years = G.graph.get("article_years", {})
    community = r.measures.communities["louvain_community"]
    mean_year = {}
    for n, arts in G.nodes(data="articles"):
        dated = [years[a] for a in arts or () if a in years]
        if dated:
            mean_year[n] = rounded(sum(dated) / len(dated), 6)
    scored = bool(G) and len(mean_year) == len(G)
    head = ["id", "label", "url", "x", "y", "cluster", *(f"weight<{w}>" for w in WEIGHTS)]
    if scored:
        head.append(f"score<{YEAR_SCORE}>")
    lines = ["\t".join(head)]
    pos = r.layout
    strength = r.measures.scores.get("weighted_degree", {})
    for n in sorted(G, key=ids.__getitem__):
        x, y = pos[n]
        row = [ids[n], _clean(r.label(n)), _clean(str(n)), x, -y + 0.0, community[n] + 1,
               G.degree(n), _number(strength.get(n, 0.0)), len(G.nodes[n].get("articles", ()))]
        if scored:
            row.append(mean_year[n])
        lines.append("\t".join(str(v) for v in row))
    return "\n".join(lines) + "\n"


def vos_network(r: NetworkResult) -> str:
    """``networks/<network>.vos-network.txt``: one line per edge, its weight as strength."""
    import numpy as np  # deferred

    ids = _ids(r)
    first, second, weights = array("q"), array("q"), []
    numbers: dict = {}  # weights repeat: one number object each
    for u, v, d in r.graph.edges(data=True):
        if u != v:
            a, b = ids[u], ids[v]
            first.append(min(a, b))
            second.append(max(a, b))
            w = d.get("weight", 1.0)
            weights.append(numbers[w] if w in numbers else numbers.setdefault(w, _number(w)))
    # sorted by (a, b) as compact arrays, and the text made a block of lines at a time
    a, b = np.frombuffer(first, dtype=np.int64), np.frombuffer(second, dtype=np.int64)
    order = np.lexsort((b, a))
    blocks = []
    for i in range(0, len(order), 50_000):
        blocks.append("".join([f"{first[j]}\t{second[j]}\t{weights[j]}\n"
                               for j in order[i:i + 50_000].tolist()]))
    return "".join(blocks)


def _ids(r: NetworkResult) -> dict:
    return {n: i for i, n in enumerate(sorted(r.graph, key=str), start=1)}


def _number(x) -> int | float:
    x = rounded(float(x))
    return int(x) if x == int(x) else x


def _clean(text: str) -> str:
    """A cell: no tab or line break (they would break the columns)."""
    return " ".join(text.split())
