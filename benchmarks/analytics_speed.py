"""Time of every network measure, and of the page, on co-mention-like graphs of growing size.

Run from the repo root::

    .venv/bin/python benchmarks/analytics_speed.py [--articles 100,400,1600] [--per-article 20]
    .venv/bin/python benchmarks/analytics_speed.py --store output/store   # a built store

Synthetic networks project a seeded random article–entity incidence (each article names
``--per-article`` entities drawn with a Zipf-like skew from ``5 × articles`` entities), as the
entity co-mention network does. With ``--store``, the real networks of a build are timed instead.
Betweenness switches to sampling above 1000 nodes (see ``kg.analytics.betweenness``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def synthetic(articles: int, per_article: int, seed: int = 1):
    from kg.analytics.networks import project

    rng = random.Random(seed)
    pool = 5 * articles
    weights = [1.0 / (i + 1) ** 0.8 for i in range(pool)]
    incidence = {f"a{a:06d}": {f"n{i:06d}"
                               for i in rng.choices(range(pool), weights, k=per_article)}
                 for a in range(articles)}
    G = project(incidence)
    for n, data in G.nodes(data=True):
        data.update(label=n, labels={"en": n}, type="institution")
    G.graph["article_titles"] = {}
    return G


def timed(name: str, fn, *args):
    t0 = time.perf_counter()
    value = fn(*args)
    print(f"  {name:<24} {time.perf_counter() - t0:8.2f} s")
    return value


def bench(name: str, G) -> None:
    from kg import viz
    from kg.analytics import measures
    from kg.analytics.betweenness import betweenness, sample_size
    from kg.analytics.closeness import closeness
    from kg.analytics.communities import components, louvain
    from kg.analytics.eigenvector import eigenvector
    from kg.analytics.networks import NETWORKS
    from kg.analytics.pagerank import pagerank
    from kg.analytics.results import NetworkResult, to_csv, to_gexf, to_graphml

    k = sample_size(G)
    print(f"{name}: {len(G)} nodes, {G.number_of_edges()} edges"
          f" (betweenness {'exact' if k is None else f'sampled, k={k}'})")
    timed("betweenness", betweenness, G, k)
    timed("closeness", closeness, G)
    timed("eigenvector", eigenvector, G)
    timed("pagerank", pagerank, G)
    timed("components", components, G)
    timed("louvain", louvain, G)
    m = timed("all measures", measures.compute, G)
    r = NetworkResult(NETWORKS[3], G, m)
    timed("csv + gexf + graphml", lambda: (to_csv(r), to_gexf(r), to_graphml(r)))
    page = timed("page (top 300)", viz.network_page, r)
    print(f"  page size                {len(page) / 1e6:8.2f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", default="100,400,1600", help="comma-separated sizes")
    ap.add_argument("--per-article", type=int, default=20)
    ap.add_argument("--store", help="time the networks of this built store instead")
    args = ap.parse_args()
    if args.store:
        import pyoxigraph as ox

        from kg.analytics.networks import NETWORKS

        store = ox.Store.read_only(args.store)
        for spec in NETWORKS:
            bench(spec.name, timed(f"sparql {spec.name}", spec.build, store))
        return
    for articles in (int(a) for a in args.articles.split(",")):
        bench(f"{articles} articles", synthetic(articles, args.per_article))


if __name__ == "__main__":
    main()
