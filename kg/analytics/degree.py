"""Degree and weighted degree (strength) of the nodes of a network.

>>> import networkx as nx
>>> G = nx.star_graph(3)
>>> degree(G)[0]
3
>>> nx.set_edge_attributes(G, 0.5, "weight")
>>> weighted_degree(G)[0]
1.5
"""

from __future__ import annotations

import networkx as nx


def degree(G: nx.Graph) -> dict:
    """The number of neighbours of each node.

    Parameters
    ----------
    G : networkx.Graph

    Returns
    -------
    dict
        Node -> degree (an int).

    Examples
    --------
    >>> degree(nx.path_graph(3))
    {0: 1, 1: 2, 2: 1}
    """
    return dict(G.degree())


def weighted_degree(G: nx.Graph, weight: str = "weight") -> dict:
    """The sum of the weights of each node's edges (its strength).

    Parameters
    ----------
    G : networkx.Graph
    weight : str
        Edge attribute holding the weight; a missing attribute counts as 1.

    Returns
    -------
    dict
        Node -> weighted degree (a float).

    Examples
    --------
    >>> G = nx.Graph([(0, 1, {"weight": 2.0}), (1, 2, {"weight": 0.5})])
    >>> weighted_degree(G)
    {0: 2.0, 1: 2.5, 2: 0.5}
    """
    return {n: float(d) for n, d in G.degree(weight=weight)}
