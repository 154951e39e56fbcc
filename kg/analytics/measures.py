"""Every measure of a network, with the parameters that produced it.

A measure that cannot be computed (eigenvector centrality that does not converge) is left
out and explained in :attr:`Measures.warnings`; the others are still there.

>>> import networkx as nx
>>> m = compute(nx.path_graph(3))
>>> list(m.scores) == list(SCORES)
True
>>> m.scores["betweenness_centrality"][1], m.communities["louvain_community"][0]
(1.0, 0)
>>> m.parameters["betweenness_centrality"]
{'k': None, 'normalized': True, 'weight': None}
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from kg.analytics import communities as comm
from kg.analytics import eigenvector as eig
from kg.analytics import pagerank as pr
from kg.analytics.betweenness import SEED as BETWEENNESS_SEED
from kg.analytics.betweenness import betweenness, sample_size
from kg.analytics.closeness import SEED as CLOSENESS_SEED
from kg.analytics.closeness import closeness
from kg.analytics.degree import degree, weighted_degree
from kg.analytics.indexed import Indexed

#: Score measures in report order.
SCORES = ("degree", "weighted_degree", "betweenness_centrality", "closeness_centrality",
          "eigenvector_centrality", "pagerank")
#: Partition measures in report order.
PARTITIONS = ("connected_component", "louvain_community")


@dataclass(frozen=True)
class Measures:
    """Scores and partitions of one network, their parameters and any warnings."""

    scores: dict[str, dict] = field(default_factory=dict)
    communities: dict[str, dict] = field(default_factory=dict)
    parameters: dict[str, dict] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def compute(G: nx.Graph, seed: int = comm.SEED) -> Measures:
    """All measures of ``G`` (weights from the ``weight`` edge attribute).

    Path-based measures (betweenness, closeness) count hops; degree strength,
    eigenvector centrality, PageRank and Louvain use the weights. Measures are chosen by
    size: up to :data:`kg.analytics.betweenness.EXACT_LIMIT` nodes everything is exact and
    Louvain is networkx's; above it betweenness and closeness are estimated from ``k``
    seeded source nodes (``k`` and ``seed`` in their parameters) and Louvain is igraph's
    multilevel algorithm (``implementation`` in its parameters), so the cost grows with
    ``k`` times the edges instead of nodes times edges. ``G`` is converted to arrays once
    (:class:`kg.analytics.indexed.Indexed`) for all of them.

    >>> big = compute(nx.path_graph(1001))
    >>> big.parameters["closeness_centrality"]["k"], big.parameters["louvain_community"]["implementation"]
    (500, 'igraph-multilevel')
    """
    net = Indexed.of(G, "weight")
    k = sample_size(G)
    params: dict[str, dict] = {
        "degree": {},
        "weighted_degree": {"weight": "weight"},
        "betweenness_centrality": {"k": k, "normalized": True, "weight": None},
        "closeness_centrality": {"wf_improved": True, "weight": None},
        "eigenvector_centrality": {"max_iter": eig.MAX_ITER, "tol": eig.TOL, "weight": "weight"},
        "pagerank": {"alpha": pr.ALPHA, "max_iter": pr.MAX_ITER, "tol": pr.TOL,
                     "weight": "weight"},
        "connected_component": {},
        "louvain_community": {"resolution": comm.RESOLUTION, "seed": seed,
                              "threshold": comm.THRESHOLD, "weight": "weight"},
    }
    if k is not None:
        params["betweenness_centrality"]["seed"] = BETWEENNESS_SEED
        params["closeness_centrality"].update(k=k, seed=CLOSENESS_SEED)
        params["louvain_community"] = {"implementation": "igraph-multilevel",
                                       "resolution": comm.RESOLUTION, "seed": seed,
                                       "weight": "weight"}
    scores: dict[str, dict] = {
        "degree": degree(G),
        "weighted_degree": weighted_degree(G),
        "betweenness_centrality": betweenness(G, k=k, seed=BETWEENNESS_SEED, net=net),
        "closeness_centrality": closeness(G, net=net, k=k, seed=CLOSENESS_SEED),
    }
    warnings: list[str] = []
    for name, fn in (("eigenvector_centrality", eig.eigenvector), ("pagerank", pr.pagerank)):
        try:
            scores[name] = fn(G, net=net)
        except nx.PowerIterationFailedConvergence as err:
            warnings.append(f"{name}: {err}; left out")
            del params[name]
    louvain = (comm.louvain(G, seed=seed) if k is None
               else comm.multilevel(G, seed=seed, net=net))
    partitions = {"connected_component": comm.components(G, net=net),
                  "louvain_community": louvain}
    return Measures(scores, partitions, params, tuple(warnings))
