"""Closeness centrality, with the Wasserman–Faust correction for disconnected networks.

Distances come from igraph (C); the formula is networkx's, term for term, so the values
are the same as ``networkx.closeness_centrality(G, wf_improved=True)``.

>>> import networkx as nx
>>> closeness(nx.path_graph(3))
{0: 0.6666666666666666, 1: 1.0, 2: 0.6666666666666666}
"""

from __future__ import annotations

import math

import networkx as nx

from kg.analytics.indexed import Indexed


def closeness(G: nx.Graph, net: Indexed | None = None) -> dict:
    """Closeness centrality over unweighted shortest paths.

    In a disconnected network a node's closeness is scaled by the share of the other
    nodes it can reach (``wf_improved``), so a tight pair does not outrank a hub.

    Parameters
    ----------
    G : networkx.Graph
    net : Indexed, optional
        ``G`` already converted (see :mod:`kg.analytics.indexed`).

    Returns
    -------
    dict
        Node -> closeness in [0, 1]; isolated nodes get 0.

    Examples
    --------
    >>> G = nx.Graph([(0, 1), (2, 3), (3, 4)])
    >>> closeness(G)[3] > closeness(G)[0]
    True
    """
    net = net or Indexed.of(G, weight=None)
    n = net.n
    if n < 2:
        return dict.fromkeys(net.nodes, 0.0)
    H = net.igraph()
    # igraph: 1 / (sum of distances to the reachable nodes), NaN for an isolated node;
    # the sum is an integer, recovered exactly from its reciprocal
    inverse = H.closeness(mode="all", normalized=False)
    reach = H.connected_components().membership
    sizes: dict[int, int] = {}
    for c in reach:
        sizes[c] = sizes.get(c, 0) + 1
    out = {}
    for node, inv, c in zip(net.nodes, inverse, reach):
        if math.isnan(inv) or inv <= 0:
            out[node] = 0.0
            continue
        total = round(1.0 / inv)
        others = sizes[c] - 1.0
        out[node] = (others / total) * (others / (n - 1))
    return out
