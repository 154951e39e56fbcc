"""Betweenness centrality: exact on small networks, sampled (seeded) on large ones.

Brandes' algorithm runs in igraph (C, single-threaded); the result is scaled exactly as
``networkx.betweenness_centrality(G, k, normalized=True, seed=seed)`` scales it, sampling
the same source nodes, so the two agree to rounding error.

>>> import networkx as nx
>>> betweenness(nx.path_graph(3))
{0: 0.0, 1: 1.0, 2: 0.0}
"""

from __future__ import annotations

import random

import networkx as nx

from kg.analytics.indexed import Indexed

#: Above this many nodes, betweenness is estimated from ``SAMPLE`` source nodes.
EXACT_LIMIT = 1000
SAMPLE = 500
SEED = 42


def betweenness(G: nx.Graph, k: int | None = None, seed: int = SEED,
                net: Indexed | None = None) -> dict:
    """Normalised betweenness centrality over unweighted shortest paths.

    Parameters
    ----------
    G : networkx.Graph
    k : int, optional
        Estimate from ``k`` source nodes drawn with ``seed`` (as networkx draws them:
        ``random.Random(seed).sample(list(G), k)``); ``None`` (the default) computes it
        exactly. See :func:`sample_size` for the policy of the build.
    seed : int
        Seed of the sample (ignored when exact).
    net : Indexed, optional
        ``G`` already converted (see :mod:`kg.analytics.indexed`).

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
    net = net or Indexed.of(G, weight=None)
    n = net.n
    if k is not None and k >= n:
        k = None
    # networkx's pair count: n - 1 possible targets per source, sources that are not v
    N = n - 1
    if N < 2:
        return dict.fromkeys(net.nodes, 0.0)
    if k is None:
        # igraph counts each unordered pair once; networkx counts ordered pairs
        raw = net.igraph().betweenness(directed=False)
        scale = 1 / (N * (N - 1))
        return net.scores(2.0 * b * scale for b in raw)
    sources = random.Random(seed).sample(list(net.nodes), k)
    position = {node: i for i, node in enumerate(net.nodes)}
    chosen = sorted(position[s] for s in sources)
    raw = net.igraph().betweenness(directed=False, sources=chosen, targets=None)
    source_scale = 1 / ((k - 1) * (N - 1)) if k > 1 else float("nan")
    other_scale = 1 / (k * (N - 1))
    picked = set(chosen)
    return net.scores(2.0 * b * (source_scale if i in picked else other_scale)
                      for i, b in enumerate(raw))


def sample_size(G: nx.Graph, limit: int = EXACT_LIMIT, sample: int = SAMPLE) -> int | None:
    """The ``k`` to use for ``G``: ``None`` (exact) up to ``limit`` nodes, else ``sample``.

    >>> sample_size(nx.path_graph(10)) is None
    True
    >>> sample_size(nx.path_graph(1001))
    500
    """
    return None if len(G) <= limit else sample
