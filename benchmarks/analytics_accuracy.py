"""How close the large-network measures are to the exact ones, on a built store's co-mention network.

Run: .venv/bin/python benchmarks/analytics_accuracy.py STORE_DIR   (e.g. /tmp/kazkg-scale/out10x/store)

Closeness estimated from k=500 sampled sources against the exact values (relative error, overlap
of the top 50, Spearman correlation of the ranks), and igraph's multilevel Louvain against
networkx's (communities, modularity), each with its CPU time. Prints figures only.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def timed(fn, *args, **kwargs):
    start = time.process_time()
    value = fn(*args, **kwargs)
    return value, time.process_time() - start


def parts(labels: dict) -> list[set]:
    out: dict[int, set] = {}
    for node, c in labels.items():
        out.setdefault(c, set()).add(node)
    return list(out.values())


def main() -> None:
    import networkx as nx
    import numpy as np
    import pyoxigraph as ox

    from kg.analytics import communities as comm
    from kg.analytics.closeness import closeness
    from kg.analytics.networks import entity_comention

    disk = ox.Store.read_only(sys.argv[1])
    store = ox.Store()
    store.bulk_extend(disk.quads_for_pattern(None, None, None, None))
    G = entity_comention(store)
    print(f"entity co-mention: {len(G):,} nodes, {G.number_of_edges():,} edges")
    exact, t_exact = timed(closeness, G)
    est, t_est = timed(closeness, G, k=500)
    a = np.array([exact[n] for n in G])
    b = np.array([est[n] for n in G])
    rel = np.abs(b[a > 0] - a[a > 0]) / a[a > 0]
    ranks = np.corrcoef(np.argsort(np.argsort(-a)), np.argsort(np.argsort(-b)))[0, 1]
    top = len(set(np.argsort(-a)[:50]) & set(np.argsort(-b)[:50]))
    print(f"closeness: exact {t_exact:.2f} CPU-s, sampled (k=500) {t_est:.2f} CPU-s; relative "
          f"error median {np.median(rel):.4f}, max {rel.max():.4f}; top-50 overlap {top}/50; "
          f"Spearman {ranks:.4f}")
    nx_parts, t_nx = timed(comm.louvain, G)
    ig_parts, t_ig = timed(comm.multilevel, G)
    for name, labels, spent in (("networkx", nx_parts, t_nx), ("igraph", ig_parts, t_ig)):
        q = nx.community.modularity(G, parts(labels))
        print(f"louvain {name}: {spent:.2f} CPU-s, {len(set(labels.values()))} communities, "
              f"modularity {q:.4f}")


if __name__ == "__main__":
    main()
