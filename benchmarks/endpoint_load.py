"""The endpoint under hostile load: 64 clients, 8 of them sending expensive or abandoned queries.

Run: .venv/bin/python benchmarks/endpoint_load.py --store /tmp/srv/out1x/store
         [--seconds 60] [--clients 64] [--hostile 8] [--cache on,off] [--worker-memory-mb 512]

Starts ``kg.server.app.serve(store, "127.0.0.1", 0, ...)`` in a child process (2 cheap-lane
workers, 1 heavy-lane worker, ``--worker-memory-mb`` each; ``--cache on``: the shipped 64 MiB
response cache, warmed; ``off``: every request evaluated), then runs for ``--seconds``:

* ``clients - hostile`` cheap clients, each sending the analyst queries (ontology/queries/*.rq)
  in turn, one at a time, as ``POST application/sparql-query``, reading the whole answer;
* half of the ``hostile`` clients send expensive queries and wait for the answer (a cartesian
  ``COUNT`` and an ``ORDER BY`` over a cartesian product, each with a new ``LIMIT`` or literal, so
  no cache can answer them), the other half send the same and close the socket after 0.2 s.

Prints, per kind of client, the requests, status codes and latency p50/p90/p99/max; the peak
resident memory of the server and all its processes (sampled every 0.25 s from /proc) and the
configured bound (main process + template + workers x limit); and the load average.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from endpoint_speed import launch, pct  # noqa: E402

QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"
EXPENSIVE = ["SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != {n}) }}",
             "SELECT * WHERE {{ ?a ?b ?c . ?d ?e ?f }} ORDER BY ?c LIMIT {n}"]
PAGE = os.sysconf("SC_PAGE_SIZE")


def start_server(store: Path, cache: bool, worker_memory: int) -> tuple[subprocess.Popen, int]:
    options = {"workers": 2, "heavy_workers": 1, "worker_memory": worker_memory,
               "cache_bytes": 64 * 2**20 if cache else 0, "warm": cache}
    proc, port = launch(store, options, tries=300)
    time.sleep(3 if cache else 0.5)  # the cache warms up in the background
    return proc, port


def tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            with open(f"/proc/{entry}/statm", "rb") as fh:
                rss[int(entry)] = int(fh.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def post(conn: http.client.HTTPConnection, text: str) -> int:
    conn.request("POST", "/sparql", body=text.encode("utf-8"),
                 headers={"Content-Type": "application/sparql-query",
                          "Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    resp.read()
    return resp.status


def cheap_client(port: int, queries: list[str], start: int, until: float, out: list) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    for text in itertools.islice(itertools.cycle(queries), start, None):
        if time.monotonic() >= until:
            return
        t0 = time.perf_counter()
        try:
            status: object = post(conn, text)
        except OSError as err:
            status = type(err).__name__
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        out.append(("cheap", time.perf_counter() - t0, status))


def hostile_client(port: int, number: int, abandon: bool, until: float, out: list) -> None:
    for n in itertools.count(1000 * number + 1):
        if time.monotonic() >= until:
            return
        text = EXPENSIVE[n % 2].format(n=n)
        t0 = time.perf_counter()
        if abandon:
            with socket.create_connection(("127.0.0.1", port)) as sock:
                body = text.encode()
                sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
                             b"sparql-query\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
                time.sleep(0.2)
            out.append(("abandoned", time.perf_counter() - t0, "closed"))
            continue
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            status: object = post(conn, text)
            conn.close()
        except OSError as err:
            status = type(err).__name__
        out.append(("expensive", time.perf_counter() - t0, status))


def run(args: argparse.Namespace, queries: list[str], cache: bool) -> None:
    print(f"\n== response cache {'on (warmed)' if cache else 'off'}; load average at start: "
          + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)
    limit = args.worker_memory_mb * 2**20
    proc, port = start_server(args.store, cache, limit)
    base = tree_rss(proc.pid)
    results: list = []
    peak = [base]
    until = time.monotonic() + args.seconds
    threads = [threading.Thread(target=cheap_client, args=(port, queries, i, until, results))
               for i in range(args.clients - args.hostile)]
    threads += [threading.Thread(target=hostile_client, args=(port, i, i % 2 == 1, until, results))
                for i in range(args.hostile)]
    try:
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.25)
        for t in threads:
            t.join()
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    for kind in ("cheap", "expensive", "abandoned"):
        lat = [s for k, s, _ in results if k == kind]
        statuses: dict = {}
        for k, _, st in results:
            if k == kind:
                statuses[st] = statuses.get(st, 0) + 1
        print(f"{kind:10s} {len(lat):6d} requests, statuses {statuses}; latency ms p50 "
              f"{pct(lat, 50) * 1e3:.1f}, p90 {pct(lat, 90) * 1e3:.1f}, p99 {pct(lat, 99) * 1e3:.1f}, "
              f"max {max(lat, default=0) * 1e3:.1f}")
    print(f"server memory (all processes): {base / 2**20:.0f} MiB at start, peak "
          f"{peak[0] / 2**20:.0f} MiB; bound: start + 3 workers x {args.worker_memory_mb} MiB = "
          f"{(base + 3 * limit) / 2**20:.0f} MiB")
    print("load average at end: " + " ".join(f"{x:.2f}" for x in os.getloadavg()), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--store", type=Path, default=Path("/tmp/srv/out1x/store"))
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--hostile", type=int, default=8)
    ap.add_argument("--cache", default="on,off", help="on, off or on,off (one run each)")
    ap.add_argument("--worker-memory-mb", type=int, default=512)
    args = ap.parse_args()
    queries = [f.read_text(encoding="utf-8") for f in sorted(QUERIES.glob("*.rq"))]
    print(f"cores: {os.cpu_count()}; {len(queries)} analyst queries; store {args.store}; "
          f"{args.clients} clients, {args.hostile} hostile, {args.seconds:g} s")
    for cache in args.cache.split(","):
        run(args, queries, cache.strip() == "on")


if __name__ == "__main__":
    main()
