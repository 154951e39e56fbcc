"""A network as integer arrays, converted once and shared by the measures.

Nodes are numbered in ``G``'s order. Every undirected edge becomes two arcs (``u → v`` and
``v → u``), a self-loop one arc, as in networkx's adjacency (``G[u]``), so array sums follow
the same definitions as networkx's loops. The igraph copy (for shortest-path measures) is
made on first use.

>>> import networkx as nx
>>> net = Indexed.of(nx.Graph([("a", "b", {"weight": 2.0}), ("b", "b")]))
>>> net.nodes, net.src.tolist(), net.dst.tolist(), net.weight.tolist()
(['a', 'b'], [0, 1, 1], [1, 1, 0], [2.0, 1.0, 2.0])
>>> net.igraph().ecount()
2
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx


@dataclass(frozen=True)
class Indexed:
    """Nodes, arcs (``src → dst``) and arc weights of an undirected network."""

    nodes: list
    edges: Any  # numpy int array of shape (edges, 2): one (u, v) per edge, in G.edges() order
    src: Any  # numpy int arrays, one entry per arc
    dst: Any
    weight: Any  # numpy float array, one entry per arc
    weight_name: str | None
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @classmethod
    def of(cls, G: nx.Graph, weight: str | None = "weight") -> Indexed:
        """Convert ``G`` (undirected); a missing ``weight`` attribute counts as 1.

        >>> Indexed.of(nx.path_graph(3), weight=None).weight.tolist()
        [1.0, 1.0, 1.0, 1.0]
        """
        import numpy as np

        if G.is_directed() or G.is_multigraph():
            raise nx.NetworkXNotImplemented("only simple undirected graphs are supported")
        nodes = list(G)
        index = {n: i for i, n in enumerate(nodes)}
        m = G.number_of_edges()
        # filled edge by edge: no Python list of a million pairs on the way
        pairs = np.fromiter((i for u, v in G.edges() for i in (index[u], index[v])),
                            dtype=np.int64, count=2 * m).reshape(-1, 2)
        w = (np.fromiter((d.get(weight, 1) for _, _, d in G.edges(data=True)), dtype=float,
                         count=m) if weight is not None else np.ones(m))
        back = pairs[:, 0] != pairs[:, 1]  # self-loops appear once in G[u]
        src = np.concatenate([pairs[:, 0], pairs[back, 1]])
        dst = np.concatenate([pairs[:, 1], pairs[back, 0]])
        return cls(nodes, pairs, src, dst, np.concatenate([w, w[back]]), weight)

    def for_weight(self, G: nx.Graph, weight: str | None) -> Indexed:
        """This conversion if it used ``weight``, else a new one of ``G``."""
        return self if weight == self.weight_name else Indexed.of(G, weight)

    def igraph(self):
        """The network as an (unweighted, undirected) ``igraph.Graph``, made once."""
        if "igraph" not in self._cache:
            import igraph as ig

            self._cache["igraph"] = ig.Graph(n=self.n, edges=self.edges, directed=False)
        return self._cache["igraph"]

    def scores(self, values) -> dict:
        """``{node: float}`` from a sequence in node order."""
        return {n: float(x) for n, x in zip(self.nodes, values)}
