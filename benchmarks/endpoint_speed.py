"""Throughput and latency of the SPARQL endpoint (``kg.server.app``) under 16 concurrent clients.

Run: .venv/bin/python benchmarks/endpoint_speed.py --store /tmp/kazkg-bench/out1x/store
         [--clients 16] [--rounds 2] [--workers 2] [--cache off,on] [--storage memory]

For each server configuration in turn (``--storage``: ``memory``, each worker holding a copy of
the store in memory, or ``disk``, the store opened read-only on disk; ``--cache``: ``off``, every
request evaluated by a worker, or ``on``, a 64 MiB response cache warmed up with the query
library): starts ``kg.server.app.serve(store, "127.0.0.1", 0, ...)`` in a child process (a free
loopback port), waits for it, sends every query once serially (warm-up; "serial ms"), then runs
``--clients`` threads; each sends every analyst query (ontology/queries/*.rq, client i starting at
query i) ``--rounds`` times (a bounded loop) as ``POST application/sparql-query`` with
``Accept: application/sparql-results+json`` and reads the whole answer. Prints requests/s,
p50/p90/p99/max latency overall and p50/max per query, the status codes, how many answers came
from the cache (``X-Kazkg-Cache: hit``), and the load average before and after. Stops the server.
Judge the endpoint on the cache-off figures: with the cache on, the figures show the cache.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def pct(values: list[float], p: float) -> float:
    """The ``p``-th percentile of ``values`` (nearest rank); NaN for none."""
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s)) - 1))] if s else float("nan")


def start_server(store: Path, workers: int, storage: str, cache: str) -> tuple[subprocess.Popen, int]:
    options = {"workers": workers, "cache_bytes": 64 * 2**20 if cache == "on" else 0,
               "warm": cache == "on"}
    if storage == "disk":
        options["memory_limit"] = 0
    return launch(store, options)


def launch(store: Path, options: dict, tries: int = 200) -> tuple[subprocess.Popen, int]:
    """Start ``kg.server.app.serve(store, **options)`` in a child on a free loopback port and
    wait (``tries`` x 0.1 s at most) until it answers; return the process and its port."""
    code = ("import sys; from kg.server.app import serve; "
            f"serve({str(store)!r}, '127.0.0.1', 0, **{options!r})")
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        proc.kill()
        raise SystemExit(f"server did not start: {line}{proc.stderr.read()}")
    port = int(m.group(1))
    for _ in range(tries):  # wait until it answers (worker pool started)
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            c.request("GET", "/")
            if c.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.1)
    return proc, port


def client(port: int, jobs: list[tuple[str, str]], out: list, lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    mine = []
    for name, text in jobs:
        t0 = time.perf_counter()
        try:
            conn.request("POST", "/sparql", body=text.encode("utf-8"),
                         headers={"Content-Type": "application/sparql-query",
                                  "Accept": "application/sparql-results+json"})
            resp = conn.getresponse()
            resp.read()
            status = resp.status
            hit = resp.getheader("X-Kazkg-Cache") == "hit"
        except OSError as err:
            status, hit = type(err).__name__, False
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine.append((name, time.perf_counter() - t0, status, hit))
    with lock:
        out.extend(mine)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--store", type=Path, default=Path("/tmp/kazkg-bench/out1x/store"))
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="server worker processes")
    ap.add_argument("--cache", default="off,on", help="off, on or off,on (one run each)")
    ap.add_argument("--storage", default="memory", help="memory, disk or memory,disk")
    args = ap.parse_args()
    queries = [(f.stem, f.read_text(encoding="utf-8")) for f in sorted(QUERIES.glob("*.rq"))]
    print(f"cores: {os.cpu_count()}; {len(queries)} queries; store {args.store}")
    for storage in args.storage.split(","):
        for cache in args.cache.split(","):
            run(args, queries, storage.strip(), cache.strip())


def run(args: argparse.Namespace, queries: list[tuple[str, str]], storage: str, cache: str) -> None:
    print(f"\n== store {'in memory' if storage == 'memory' else 'on disk'}, response cache {cache} ==")
    print(f"load average at start: {loadavg()}")
    proc, port = start_server(args.store, args.workers, storage, cache)
    try:
        # warm-up: every query once, serially
        warm: list = []
        client(port, queries, warm, threading.Lock())
        serial = {n: s for n, s, _, _ in warm}
        results: list = []
        lock = threading.Lock()
        threads = [threading.Thread(target=client,
                                    args=(port, (queries[i:] + queries[:i]) * args.rounds, results, lock))
                   for i in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    lat = [s for _, s, _, _ in results]
    statuses: dict = {}
    for _, _, st, _ in results:
        statuses[st] = statuses.get(st, 0) + 1
    hits = sum(1 for *_, hit in results if hit)
    print(f"server workers={args.workers}, store {storage}, cache {cache}, clients={args.clients}, "
          f"rounds={args.rounds}: {len(results)} requests in {wall:.2f} s = "
          f"{len(results) / wall:,.1f} requests/s; statuses {statuses}; cache hits {hits}")
    print(f"latency ms: p50 {pct(lat, 50) * 1e3:.1f}, p90 {pct(lat, 90) * 1e3:.1f}, "
          f"p99 {pct(lat, 99) * 1e3:.1f}, max {max(lat) * 1e3:.1f}")
    print(f"{'query':42s} {'serial ms':>10s} {'p50 ms':>10s} {'max ms':>10s}")
    for name, _ in queries:
        mine = [s for n, s, _, _ in results if n == name]
        print(f"{name:42s} {serial[name] * 1e3:10.1f} {statistics.median(mine) * 1e3:10.1f} "
              f"{max(mine) * 1e3:10.1f}")
    print(f"load average at end: {loadavg()}", flush=True)


if __name__ == "__main__":
    main()
