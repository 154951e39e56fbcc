"""Eigenvector centrality that copes with edgeless, disconnected and non-converging networks.

The power iteration is networkx's (``networkx.eigenvector_centrality``: start from the
uniform vector, multiply by ``A + I``, normalise to unit Euclidean norm, stop when the L1
change is below ``n * tol``), with the matrix product done by numpy on the arcs.

>>> import networkx as nx
>>> scores = eigenvector(nx.star_graph(3))
>>> round(scores[0], 4), round(scores[1], 4)
(0.7071, 0.4082)
"""

from __future__ import annotations

import math

import networkx as nx

from kg.analytics.indexed import Indexed

MAX_ITER = 1000
TOL = 1e-6


def eigenvector(G: nx.Graph, weight: str = "weight", max_iter: int = MAX_ITER,
                tol: float = TOL, net: Indexed | None = None) -> dict:
    """Weighted eigenvector centrality by power iteration (networkx's, on ``A + I``).

    The vector is the principal eigenvector of the whole network (unit Euclidean norm):
    in a disconnected network, nodes outside the component(s) of the largest eigenvalue
    tend to 0. A network without edges gives 0 everywhere.

    Parameters
    ----------
    G : networkx.Graph
    weight : str
        Edge attribute used as the weight (a missing one counts as 1).
    max_iter, tol : int, float
        Power-iteration limits.
    net : Indexed, optional
        ``G`` already converted (see :mod:`kg.analytics.indexed`).

    Returns
    -------
    dict
        Node -> centrality in [0, 1].

    Raises
    ------
    networkx.PowerIterationFailedConvergence
        When ``max_iter`` iterations do not reach ``tol``: callers report the measure
        as missing rather than publish an unconverged vector.

    Examples
    --------
    >>> eigenvector(nx.empty_graph(2))
    {0: 0.0, 1: 0.0}
    >>> eigenvector(nx.cycle_graph(30), max_iter=1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
        ...
    networkx.exception.PowerIterationFailedConvergence: ...
    """
    import numpy as np

    if G.number_of_edges() == 0:
        return {n: 0.0 for n in G}
    net = (net or Indexed.of(G, weight)).for_weight(G, weight)
    n = net.n
    src, dst, w = net.src, net.dst, net.weight
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + np.bincount(dst, weights=last[src] * w, minlength=n)
        norm = math.hypot(*x.tolist()) or 1
        x = x / norm
        if float(np.abs(x - last).sum()) < n * tol:
            return net.scores(np.maximum(x, 0.0))
    raise nx.PowerIterationFailedConvergence(max_iter)
