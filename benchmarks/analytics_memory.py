"""Resident memory of the analytics of one network, step by step, on a built store.

Run: .venv/bin/python benchmarks/analytics_memory.py STORE_DIR [--network entity-comention]

Opens the store read-only and, in this process, builds the network, computes its measures,
layout and look, writes its exports (to a temporary folder), its analytics run and its page,
printing after each step the peak resident set seen during it (sampled every 10 ms) and the
resident set at its end. Prints figures only.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    import psutil
    import pyoxigraph as ox

    import kg.analytics as analytics
    from kg.analytics.measures import compute
    from kg.analytics.results import NetworkResult, result_lines
    from kg.pages.network import network_page
    from kg.rdf.runs import SortedRun

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--network", default="entity-comention")
    args = ap.parse_args()
    proc, peak = psutil.Process(), [0]

    def sample() -> None:
        while True:
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.01)

    threading.Thread(target=sample, daemon=True).start()

    def mark(label: str) -> None:
        time.sleep(0.05)
        print(f"{label:40s} peak {peak[0] / 2**20:7,.0f} MB  at its end "
              f"{proc.memory_info().rss / 2**20:7,.0f} MB", flush=True)
        peak[0] = 0

    store = ox.Store.read_only(str(args.store))
    tmp = Path(tempfile.mkdtemp(prefix="analytics-memory-"))
    try:
        mark("start")
        spec = next(s for s in analytics.NETWORKS if s.name == args.network)
        G = spec.build(store)
        mark(f"build ({len(G):,} nodes, {G.number_of_edges():,} edges)")
        r = NetworkResult(spec, G, compute(G))
        mark("measures")
        _ = r.layout
        mark("layout")
        _ = r.look
        mark("look")
        analytics._write_exports(r, tmp)
        mark("exports")
        sorter = SortedRun(tmp / "runs", "http://example.org/analytics")
        sorter.extend(result_lines(r, "https://w3id.org/kazkg/id/", "http://example.org/analytics"))
        sorter.close()
        mark("analytics run")
        network_page(r)
        mark("page")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
