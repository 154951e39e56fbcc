"""Connected components and Louvain communities as ``{node: community id}``.

Ids are numbered from 0 by decreasing size, ties broken by the position of the first member
in ``G``'s node order, so the same graph (built in the same order) gives the same ids.

>>> import networkx as nx
>>> components(nx.Graph([(0, 1), (1, 2), (3, 4)]))
{0: 0, 1: 0, 2: 0, 3: 1, 4: 1}
"""

from __future__ import annotations

import random
from collections.abc import Iterable

import networkx as nx

from kg.analytics.indexed import Indexed

SEED = 42
RESOLUTION = 1.0
THRESHOLD = 1e-7


def components(G: nx.Graph, net: Indexed | None = None) -> dict:
    """The connected component of each node.

    Parameters
    ----------
    G : networkx.Graph
    net : Indexed, optional
        ``G`` already converted: the components come from its igraph copy (the partition,
        and so the numbering, is the same).

    Returns
    -------
    dict
        Node -> component id (0 is the largest component).

    Examples
    --------
    >>> components(nx.empty_graph(2))
    {0: 0, 1: 1}
    """
    if net is None:
        return _numbered(G, nx.connected_components(G))
    return _numbered(G, _parts(net, net.igraph().connected_components().membership))


def louvain(G: nx.Graph, seed: int = SEED, resolution: float = RESOLUTION,
            weight: str = "weight", threshold: float = THRESHOLD) -> dict:
    """Louvain communities (networkx's implementation), seeded and reproducible.

    The algorithm runs on a copy whose nodes are the integers ``0..n-1`` in ``G``'s order,
    so neither string hashing nor edge insertion history changes the outcome.

    Parameters
    ----------
    G : networkx.Graph
    seed : int
        Seed of the node shuffling.
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    weight : str
        Edge attribute used as the weight.
    threshold : float
        Modularity gain under which a level stops.

    Returns
    -------
    dict
        Node -> community id (0 is the largest community).

    Examples
    --------
    >>> parts = louvain(nx.karate_club_graph())
    >>> len(set(parts.values())), parts[32] == parts[33], parts[0] == parts[33]
    (4, True, False)
    >>> louvain(nx.karate_club_graph()) == parts
    True
    """
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    H = nx.Graph()
    H.add_nodes_from(range(len(nodes)))
    H.add_edges_from(sorted((min(index[u], index[v]), max(index[u], index[v]),
                             {weight: d.get(weight, 1.0)}) for u, v, d in G.edges(data=True)))
    parts = nx.community.louvain_communities(H, weight=weight, resolution=resolution,
                                             threshold=threshold, seed=seed)
    return _numbered(G, ({nodes[i] for i in part} for part in parts))


def multilevel(G: nx.Graph, seed: int = SEED, resolution: float = RESOLUTION,
               weight: str = "weight", net: Indexed | None = None) -> dict:
    """Louvain communities by igraph's multilevel algorithm (C), for large networks.

    Same method as :func:`louvain` (Blondel et al.'s local moves, then aggregation) but a
    different implementation, so its partition differs in detail; igraph draws its random
    vertex order from a ``random.Random(seed)``, so the result is reproducible. Ids are
    numbered as in :func:`louvain`.

    >>> parts = multilevel(nx.karate_club_graph())
    >>> len(set(parts.values())), parts[32] == parts[33], multilevel(nx.karate_club_graph()) == parts
    (4, True, True)
    """
    import igraph as ig

    net = (net or Indexed.of(G, weight)).for_weight(G, weight)
    if not len(net.edges):
        return _numbered(G, ({n} for n in G))
    weights = net.weight[:len(net.edges)].tolist()  # the first arc of every edge, in order
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = net.igraph().community_multilevel(weights=weights,
                                                       resolution=resolution).membership
    finally:
        ig.set_random_number_generator(random)
    return _numbered(G, _parts(net, membership))


def _parts(net: Indexed, membership: list[int]) -> list[set]:
    parts: dict[int, set] = {}
    for node, c in zip(net.nodes, membership):
        parts.setdefault(c, set()).add(node)
    return list(parts.values())


def _numbered(G: nx.Graph, parts: Iterable[set]) -> dict:
    position = {n: i for i, n in enumerate(G)}
    ordered = sorted((sorted(position[n] for n in part) for part in parts),
                     key=lambda members: (-len(members), members[0]))
    nodes = list(G)
    ids = {nodes[i]: c for c, members in enumerate(ordered) for i in members}
    return {n: ids[n] for n in G}
