"""Betweenness centrality: exact on small networks, sampled (seeded) on large ones.

>>> import networkx as nx
>>> betweenness(nx.path_graph(3))
{0: 0.0, 1: 1.0, 2: 0.0}
"""

from __future__ import annotations

import networkx as nx

#: Above this many nodes, betweenness is estimated from ``SAMPLE`` source nodes.
EXACT_LIMIT = 1000
SAMPLE = 500
SEED = 42


def betweenness(G: nx.Graph, k: int | None = None, seed: int = SEED) -> dict:
    """Normalised betweenness centrality over unweighted shortest paths.

    Parameters
    ----------
    G : networkx.Graph
    k : int, optional
        Estimate from ``k`` source nodes drawn with ``seed``; ``None`` (the default)
        computes it exactly. See :func:`sample_size` for the policy of the build.
    seed : int
        Seed of the sample (ignored when exact).

    Returns
    -------
    dict
        Node -> betweenness in [0, 1].

    Examples
    --------
    >>> G = nx.star_graph(4)
    >>> betweenness(G)[0]
    1.0
    >>> round(betweenness(G, k=5, seed=1)[0], 3)
    1.0
    """
    if k is None or k >= len(G):
        return nx.betweenness_centrality(G, normalized=True)
    return nx.betweenness_centrality(G, k=k, normalized=True, seed=seed)


def sample_size(G: nx.Graph, limit: int = EXACT_LIMIT, sample: int = SAMPLE) -> int | None:
    """The ``k`` to use for ``G``: ``None`` (exact) up to ``limit`` nodes, else ``sample``.

    >>> sample_size(nx.path_graph(10)) is None
    True
    >>> sample_size(nx.path_graph(1001))
    500
    """
    return None if len(G) <= limit else sample
