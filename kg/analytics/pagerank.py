"""PageRank by power iteration in pure Python (networkx's own ``pagerank`` needs SciPy).

>>> import networkx as nx
>>> scores = pagerank(nx.star_graph(3))
>>> round(scores[0], 4), round(sum(scores.values()), 6)
(0.4797, 1.0)
"""

from __future__ import annotations

import networkx as nx

ALPHA = 0.85
MAX_ITER = 100
TOL = 1e-6


def pagerank(G: nx.Graph, alpha: float = ALPHA, weight: str = "weight",
             max_iter: int = MAX_ITER, tol: float = TOL) -> dict:
    """Weighted PageRank of an undirected network (each edge followed both ways).

    Same definition and stopping rule as ``networkx.pagerank``: uniform teleportation,
    dangling (isolated) nodes spread their rank uniformly, and iteration stops when the
    L1 change is below ``len(G) * tol``. Nodes are visited in ``G``'s order, so the
    result does not depend on hashing.

    Parameters
    ----------
    G : networkx.Graph
    alpha : float
        Damping factor.
    weight : str
        Edge attribute used as the weight; a missing attribute counts as 1.
    max_iter, tol : int, float
        Power-iteration limits.

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
    n = len(G)
    if n == 0:
        return {}
    nodes = list(G)
    strength = {u: sum(d.get(weight, 1.0) for d in G[u].values()) for u in nodes}
    links = {u: [(v, d.get(weight, 1.0) / strength[u]) for v, d in G[u].items()]
             for u in nodes if strength[u] > 0}
    dangling = [u for u in nodes if strength[u] <= 0]
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        last = x
        spread = (alpha * sum(last[u] for u in dangling) + 1.0 - alpha) / n
        x = dict.fromkeys(nodes, spread)
        for u, out in links.items():
            share = alpha * last[u]
            for v, w in out:
                x[v] += share * w
        if sum(abs(x[u] - last[u]) for u in nodes) < n * tol:
            return x
    raise nx.PowerIterationFailedConvergence(max_iter)
