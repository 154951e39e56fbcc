"""A seeded force layout computed at build time, stored in the pages and the GEXF.

Each connected component is laid out on its own with igraph's Fruchterman–Reingold
(weighted, started from seeded random positions, so the same graph gives the same
coordinates), scaled so that its median edge is :data:`SPACING` long, then the components are packed in
rows, largest first (isolated nodes end up in a grid under the rest, as in Gephi after
"Fruchterman Reingold" + "Noverlap"). Coordinates are rounded to one decimal.

>>> import networkx as nx
>>> pos = positions(nx.Graph([("a", "b"), ("b", "c"), ("x", "y")]))
>>> sorted(pos), positions(nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])) == pos
(['a', 'b', 'c', 'x', 'y'], True)
>>> positions(nx.Graph())
{}
"""

from __future__ import annotations

import math
import random
from array import array

import networkx as nx

SEED = 42
SPACING = 110.0  # median distance between neighbours, in page pixels at zoom 1
NITER = 500


def positions(G: nx.Graph, seed: int = SEED, weight: str = "weight") -> dict:
    """``{node: (x, y)}`` for every node of ``G`` (see the module docstring)."""
    if not len(G):
        return {}
    order = {n: i for i, n in enumerate(sorted(G, key=str))}  # not G's insertion order
    comps = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(G)),
                   key=lambda c: (-len(c), order[c[0]]))
    boxes = [_component(G, c, seed, weight) for c in comps]
    return _pack(boxes)


def _component(G: nx.Graph, nodes: list, seed: int, weight: str) -> dict:
    """One component laid out around (0, 0), in page units."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n == 2:
        return {nodes[0]: (-SPACING / 2, 0.0), nodes[1]: (SPACING / 2, 0.0)}
    import igraph as ig  # deferred: only the build lays out
    import numpy as np  # deferred

    index = {v: i for i, v in enumerate(nodes)}
    # every edge once (from its end that comes first in ``nodes``), as compact arrays
    first, second, weights = array("q"), array("q"), array("d")
    for u in nodes:
        a = index[u]
        for v, d in G.adj[u].items():
            b = index[v]
            if a < b:
                first.append(a)
                second.append(b)
                weights.append(float(d.get(weight, 1.0) or 1.0))
    a, b = np.frombuffer(first, dtype=np.int64), np.frombuffer(second, dtype=np.int64)
    order = np.lexsort((b, a))  # in a fixed order: the layout depends on it
    edges = np.stack([a[order], b[order]], axis=1)
    del first, second, a, b
    g = ig.Graph(n=n, edges=edges)
    rng = np.random.default_rng(seed)
    start = (rng.random((n, 2)) * math.sqrt(n)).tolist()
    w = np.log1p(np.frombuffer(weights, dtype=float)[order]).tolist() if len(order) else None
    ig.set_random_number_generator(random.Random(seed))
    try:
        layout = g.layout_fruchterman_reingold(weights=w, niter=NITER if n <= 1000 else 200,
                                               seed=start, grid="grid" if n > 1000 else "nogrid")
    finally:
        ig.set_random_number_generator(random)
    xy = np.asarray(layout.coords, dtype=float)
    xy -= xy.mean(axis=0)
    # scale so that the median edge is SPACING long (the mean would let the long edges
    # between clusters squeeze each cluster)
    if len(edges):
        a, b = edges.T
        median = float(np.median(np.linalg.norm(xy[a] - xy[b], axis=1))) or 1.0
        xy *= SPACING / median
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, xy.tolist())}


def _pack(boxes: list[dict]) -> dict:
    """Place laid-out components in rows (largest first), each in its bounding box."""
    sized = []
    for pos in boxes:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        sized.append((pos, min(xs), min(ys), max(xs) - min(xs) + SPACING,
                      max(ys) - min(ys) + SPACING))
    width = max(sized[0][3], math.sqrt(sum(w * h for *_, w, h in sized)) * 1.2)
    out: dict = {}
    x = y = row = 0.0
    for pos, x0, y0, w, h in sized:
        if x > 0 and x + w > width:
            x, y, row = 0.0, y + row, 0.0
        for node, (px, py) in pos.items():
            out[node] = (round(px - x0 + x, 1) + 0.0, round(py - y0 + y, 1) + 0.0)
        x += w
        row = max(row, h)
    return out
