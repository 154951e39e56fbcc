"""PageRank by power iteration on arrays (networkx's own ``pagerank`` needs SciPy).

>>> import networkx as nx
>>> scores = pagerank(nx.star_graph(3))
>>> round(scores[0], 4), round(sum(scores.values()), 6)
(0.4797, 1.0)
"""

from __future__ import annotations

import networkx as nx

from kg.analytics.indexed import Indexed

ALPHA = 0.85
MAX_ITER = 100
TOL = 1e-6


def pagerank(G: nx.Graph, alpha: float = ALPHA, weight: str = "weight",
             max_iter: int = MAX_ITER, tol: float = TOL, net: Indexed | None = None) -> dict:
    """Weighted PageRank of an undirected network (each edge followed both ways).

    Same definition and stopping rule as ``networkx.pagerank``: uniform teleportation,
    dangling (isolated) nodes spread their rank uniformly, and iteration stops when the
    L1 change is below ``len(G) * tol``. The arithmetic is done by numpy in ``G``'s node
    and edge order, so the result does not depend on hashing.

    Parameters
    ----------
    G : networkx.Graph
    alpha : float
        Damping factor.
    weight : str
        Edge attribute used as the weight; a missing attribute counts as 1.
    max_iter, tol : int, float
        Power-iteration limits.
    net : Indexed, optional
        ``G`` already converted (see :mod:`kg.analytics.indexed`).

    Returns
    -------
    dict
        Node -> PageRank; the values sum to 1.

    Raises
    ------
    networkx.PowerIterationFailedConvergence
        When ``max_iter`` iterations do not reach ``tol``.

    Examples
    --------
    >>> pagerank(nx.empty_graph(2))
    {0: 0.5, 1: 0.5}
    """
    import numpy as np

    n = len(G)
    if n == 0:
        return {}
    net = (net or Indexed.of(G, weight)).for_weight(G, weight)
    strength = np.bincount(net.src, weights=net.weight, minlength=n)
    live = strength[net.src] > 0  # arcs leaving a node with outgoing weight
    src, dst = net.src[live], net.dst[live]
    share = net.weight[live] / strength[src]
    dangling = strength <= 0
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        spread = (alpha * float(last[dangling].sum()) + 1.0 - alpha) / n
        x = spread + np.bincount(dst, weights=(alpha * last)[src] * share, minlength=n)
        if float(np.abs(x - last).sum()) < n * tol:
            return net.scores(x)
    raise nx.PowerIterationFailedConvergence(max_iter)
