"""Eigenvector centrality that copes with edgeless, disconnected and non-converging networks.

>>> import networkx as nx
>>> scores = eigenvector(nx.star_graph(3))
>>> round(scores[0], 4), round(scores[1], 4)
(0.7071, 0.4082)
"""

from __future__ import annotations

import networkx as nx

MAX_ITER = 1000
TOL = 1e-6


def eigenvector(G: nx.Graph, weight: str = "weight", max_iter: int = MAX_ITER,
                tol: float = TOL) -> dict:
    """Weighted eigenvector centrality by power iteration (networkx's, on ``A + I``).

    The vector is the principal eigenvector of the whole network (unit Euclidean norm):
    in a disconnected network, nodes outside the component(s) of the largest eigenvalue
    tend to 0. A network without edges gives 0 everywhere.

    Parameters
    ----------
    G : networkx.Graph
    weight : str
        Edge attribute used as the weight.
    max_iter, tol : int, float
        Power-iteration limits.

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
    if G.number_of_edges() == 0:
        return {n: 0.0 for n in G}
    scores = nx.eigenvector_centrality(G, max_iter=max_iter, tol=tol, weight=weight)
    return {n: max(0.0, float(s)) for n, s in scores.items()}
