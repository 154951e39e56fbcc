"""Latency of every analyst query (ontology/queries/*.rq): our pyoxigraph store vs rdflib in memory.

Run: .venv/bin/python benchmarks/sparql_speed.py --out-dir /tmp/kazkg-bench/out1x [--runs 5]

(after ``.venv/bin/kg build /work/shared/corpus --out /tmp/kazkg-bench/out1x``)

pyoxigraph, two ways: the built on-disk store opened read-only (``kg.store.open_store``, as
``kg query`` uses it) and the same store copied into memory (``open_store(in_memory=True)``, as
each ``kg serve`` worker holds a store of up to 128 MiB); union default graph, all rows consumed.
rdflib: ``graph.trig`` loaded into an in-memory ``Dataset(default_union=True)``, all rows
consumed. Median of ``--runs`` runs (rdflib: fewer when one run takes over 5 s; a query that
exceeds ``--timeout`` seconds is stopped and reported as a lower bound). Prints the row counts of
the engines, the ratios per query (rdflib time / pyoxigraph time) and the geometric mean of the
ratios for each pyoxigraph store; the load average at start and end.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def time_oxigraph(store, text: str, runs: int) -> tuple[float, int]:
    from kg.store import run_query

    times, rows = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        rows = sum(1 for _ in run_query(store, text))
        times.append(time.perf_counter() - t0)
    return statistics.median(times), rows


_DATASET = None  # loaded once in the parent; forked children inherit it


def _rdflib_child(text: str, runs: int, conn) -> None:
    times, rows = [], 0
    for i in range(runs):
        t0 = time.perf_counter()
        try:
            rows = sum(1 for _ in _DATASET.query(text))
        except Exception as err:  # noqa: BLE001 - rdflib fails on some valid queries
            conn.send(("error", f"{type(err).__name__}: {err}", None))
            return
        times.append(time.perf_counter() - t0)
        conn.send(("run", times[-1], rows))
        if times[-1] > 5:
            break
    conn.send(("done", statistics.median(times), rows))


def time_rdflib(text: str, runs: int, timeout: float) -> tuple[float, int | None, bool]:
    """(median seconds, rows, finished); unfinished: seconds is the time limit (a lower bound)."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_rdflib_child, args=(text, runs, child))
    proc.start()
    deadline = time.perf_counter() + timeout
    last = None
    while True:
        left = deadline - time.perf_counter()
        if left <= 0 or not parent.poll(left):
            proc.kill()
            proc.join()
            if last:  # at least one run finished: report it
                return last[1], last[2], True
            return timeout, None, False
        msg = parent.recv()
        if msg[0] == "error":
            proc.join()
            return float("nan"), msg[1], False
        if msg[0] == "done":
            proc.join()
            return msg[1], msg[2], True
        last = msg


def main() -> None:
    global _DATASET
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp/kazkg-bench/out1x"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("queries", nargs="*")
    args = ap.parse_args()
    from rdflib import Dataset

    from kg.store import open_store

    print(f"load average at start: {loadavg()}; cores: {os.cpu_count()}")
    disk = open_store(args.out_dir / "store")
    t0 = time.perf_counter()
    memory = open_store(args.out_dir / "store", in_memory=True)
    print(f"pyoxigraph store: {len(disk):,} quads; copied into memory in "
          f"{time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    _DATASET = Dataset(default_union=True)
    _DATASET.parse(args.out_dir / "graph.trig", format="trig")
    print(f"rdflib Dataset: {len(_DATASET):,} triples in default union view... loaded in "
          f"{time.perf_counter() - t0:.1f} s")
    files = [Path(q) for q in args.queries] or sorted(QUERIES.glob("*.rq"))
    ratios: dict[str, list[float]] = {"disk": [], "memory": []}
    lower = False
    print(f"{'query':42s} {'disk ms':>9s} {'memory ms':>9s} {'rdflib ms':>10s} {'ratio disk':>10s} "
          f"{'ratio mem':>10s}  rows disk/mem/rdflib")
    for f in files:
        text = f.read_text(encoding="utf-8")
        disk_s, disk_rows = time_oxigraph(disk, text, args.runs)
        mem_s, mem_rows = time_oxigraph(memory, text, args.runs)
        rl_s, rl_rows, done = time_rdflib(text, args.runs, args.timeout)
        if math.isnan(rl_s):  # rdflib raised: no ratio
            print(f"{f.stem:42s} {disk_s * 1e3:9.2f} {mem_s * 1e3:9.2f} {'error':>10s} {'-':>10s} "
                  f"{'-':>10s}  {disk_rows}/{mem_rows}/- (rdflib: {rl_rows})", flush=True)
            continue
        ratios["disk"].append(rl_s / disk_s)
        ratios["memory"].append(rl_s / mem_s)
        lower |= not done
        mark = "" if done else ">"
        print(f"{f.stem:42s} {disk_s * 1e3:9.2f} {mem_s * 1e3:9.2f} "
              f"{mark + format(rl_s * 1e3, '.1f'):>10s} "
              f"{mark + format(rl_s / disk_s, ',.0f') + 'x':>10s} "
              f"{mark + format(rl_s / mem_s, ',.0f') + 'x':>10s}  "
              f"{disk_rows}/{mem_rows}/{rl_rows if done else '-'}", flush=True)
    for name, values in ratios.items():
        gmean = math.exp(sum(map(math.log, values)) / len(values))
        print(f"geometric mean ratio (rdflib / pyoxigraph {name}): {'>' if lower else ''}{gmean:,.1f}x "
              f"over {len(values)} queries; min {min(values):,.1f}x, max {max(values):,.0f}x")
    print(f"load average at end: {loadavg()}")


if __name__ == "__main__":
    main()
