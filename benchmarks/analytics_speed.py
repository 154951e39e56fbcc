"""Time of every step of the analytics stage: each measure, each writer, the RDF, the page.

Run from the repo root::

    .venv/bin/python benchmarks/analytics_speed.py [--articles 100,400,1600] [--per-article 20]
    .venv/bin/python benchmarks/analytics_speed.py --store output/store   # a built store

Synthetic networks project a seeded random article–entity incidence (each article names
``--per-article`` entities drawn with a Zipf-like skew from ``5 × articles`` entities), as the
entity co-mention network does. With ``--store``, the real networks of a build are timed
instead (the store copied into memory, as the build has it), then the analytics N-Triples of
all of them, then one whole ``run_analytics`` (files written to a temporary folder). Each
block ends with the sum of every step over the networks; the first call of a step also pays
for importing its libraries (as the build does). The load average is printed next to the
figures: on a shared machine they are noisy. The script only calls public functions whose
signatures did not change, so it runs on older checkouts too (before/after comparisons).
Betweenness switches to sampling above 1000 nodes (see ``kg.analytics.betweenness``); so do
closeness and Louvain (igraph's) in the build: those are timed too where the code has them
("closeness, sampled", "louvain, igraph"; "all measures" is what the build runs).
"""

from __future__ import annotations

import argparse
import inspect
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TOTALS: dict[str, float] = defaultdict(float)


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


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
    spent = time.perf_counter() - t0
    TOTALS[name] += spent
    print(f"  {name:<24} {spent:8.3f} s")
    return value


def bench(name: str, G, spec=None):
    """Time each measure and each writer of ``G``; return its NetworkResult."""
    from kg.pages import network as viz
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
          f" (betweenness {'exact' if k is None else f'sampled, k={k}'}; load {load()})")
    timed("betweenness", betweenness, G, k)
    timed("closeness", closeness, G)
    timed("eigenvector", eigenvector, G)
    timed("pagerank", pagerank, G)
    timed("components", components, G)
    timed("louvain", louvain, G)
    if k is not None and "k" in inspect.signature(closeness).parameters:  # size policy (issue 16)
        from kg.analytics.communities import multilevel

        timed("closeness, sampled", lambda: closeness(G, k=k))
        timed("louvain, igraph", multilevel, G)
    m = timed("all measures", measures.compute, G)
    r = NetworkResult(spec or NETWORKS[3], G, m)
    timed("csv", to_csv, r)
    timed("gexf", to_gexf, r)
    timed("graphml", to_graphml, r)
    page = timed("page (top 300)", viz.network_page, r)
    print(f"  page size                {len(page) / 1e6:8.3f} MB")
    return r


def summary(title: str) -> None:
    print(f"{title} (sum over networks; load {load()}):")
    for name, spent in TOTALS.items():
        print(f"  {name:<24} {spent:8.3f} s")
    TOTALS.clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", default="100,400,1600", help="comma-separated sizes")
    ap.add_argument("--per-article", type=int, default=20)
    ap.add_argument("--store", help="time the networks of this built store instead")
    args = ap.parse_args()
    print(f"load average at start: {load()}; cores: {os.cpu_count()}")
    if args.store:
        import pyoxigraph as ox

        from kg.analytics import run_analytics
        from kg.pages import write_pages
        from kg.analytics.networks import NETWORKS
        from kg.analytics.results import to_ntriples

        store = ox.Store()  # in memory, as the build queries it
        store.bulk_extend(ox.Store.read_only(args.store))
        results = [bench(spec.name, timed("sparql", spec.build, store), spec)
                   for spec in NETWORKS]
        print("all networks:")
        nt = timed("to_ntriples", to_ntriples, results, "https://w3id.org/kazkg/id/")
        print(f"  analytics triples        {len(nt.splitlines()):8d}")
        summary("steps")
        with tempfile.TemporaryDirectory() as out:
            t0 = time.perf_counter()
            report = run_analytics(store, Path(out), "https://w3id.org/kazkg/id/")
            write_pages(report.results, Path(out), [])
            print(f"run_analytics + write_pages (one run): {time.perf_counter() - t0:.3f} s;"
                  f" load {load()}")
        return
    for articles in (int(a) for a in args.articles.split(",")):
        bench(f"{articles} articles", synthetic(articles, args.per_article))
    summary("steps")


if __name__ == "__main__":
    main()
