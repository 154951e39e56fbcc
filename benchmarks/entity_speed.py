"""Latency of ``kg serve`` with entity pages mixed into the analyst queries, 16 concurrent clients.

Run: .venv/bin/python benchmarks/entity_speed.py --store /tmp/ana-1x/store
         [--clients 16] [--rounds 2] [--workers 2] [--cache off,on] [--entities 40] [--no-pages]

Starts the server as ``benchmarks/endpoint_speed.py`` does (a child process on a free loopback
port), picks ``--entities`` IRIs from the store (the most mentioned entities of each kind, then
articles and people, sorted), and runs ``--clients`` threads; each sends, ``--rounds`` times, every
analyst query (``POST /sparql``, SPARQL JSON) and every entity page, alternately as HTML (a
browser's ``Accept``) and as Turtle (``GET /id/...``). ``--no-pages`` sends the analyst queries
only (the figure to compare with a server without entity pages). Prints p50/p90/p99/max latency
overall and per kind of request (query, page html, page turtle) and the statuses.
"""

from __future__ import annotations

import argparse
import http.client
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from endpoint_speed import QUERIES, loadavg, pct, start_server  # noqa: E402

from kg.store import open_store, run_query  # noqa: E402

ID = "https://w3id.org/kazkg/id/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
PICK = """PREFIX kg: <https://w3id.org/kazkg/ontology#>
SELECT ?e (COUNT(?m) AS ?n) WHERE { ?m kg:mentionOf ?e } GROUP BY ?e ORDER BY DESC(?n) ?e LIMIT %d"""
OTHERS = """PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?e WHERE { { ?e a schema:ScholarlyArticle } UNION { ?x schema:author ?e } } ORDER BY ?e LIMIT %d"""


def entities(store: Path, count: int) -> list[str]:
    s = open_store(store)
    picked = [r["e"].value for r in run_query(s, PICK % (count // 2))]
    picked += [r["e"].value for r in run_query(s, OTHERS % (count - len(picked)))]
    return sorted(i for i in set(picked) if i.startswith(ID))


def client(port: int, jobs: list[tuple], out: list, lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    mine = []
    for kind, method, path, body, headers in jobs:
        t0 = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            status = resp.status
        except OSError as err:
            status = type(err).__name__
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine.append((kind, time.perf_counter() - t0, status))
    with lock:
        out.extend(mine)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--store", type=Path, default=Path("/tmp/ana-1x/store"))
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache", default="off,on")
    ap.add_argument("--entities", type=int, default=40)
    ap.add_argument("--no-pages", action="store_true")
    args = ap.parse_args()
    queries = [("query", "POST", "/sparql", f.read_text(encoding="utf-8").encode(),
                {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
               for f in sorted(QUERIES.glob("*.rq"))]
    pages = [] if args.no_pages else [
        (f"page {kind}", "GET", "/id/" + iri.removeprefix(ID), None, {"Accept": accept})
        for iri in entities(args.store, args.entities)
        for kind, accept in (("html", BROWSER), ("turtle", "text/turtle"))]
    jobs = queries + pages
    print(f"cores: {os.cpu_count()}; {len(queries)} queries, {len(pages)} entity requests; store {args.store}")
    for cache in args.cache.split(","):
        print(f"\n== response cache {cache} ==\nload average at start: {loadavg()}")
        proc, port = start_server(args.store, args.workers, "memory", cache.strip())
        try:
            client(port, jobs, [], threading.Lock())  # warm-up, serially
            results: list = []
            lock = threading.Lock()
            threads = [threading.Thread(target=client, args=(port, (jobs[i:] + jobs[:i]) * args.rounds,
                                                             results, lock))
                       for i in range(args.clients)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(10)
        statuses: dict = {}
        for _, _, st in results:
            statuses[st] = statuses.get(st, 0) + 1
        print(f"workers={args.workers}, cache {cache}, clients={args.clients}, rounds={args.rounds}: "
              f"{len(results)} requests in {wall:.2f} s = {len(results) / wall:,.1f}/s; statuses {statuses}")
        for kind in ("all", "query", "page html", "page turtle"):
            lat = [s for k, s, _ in results if kind in ("all", k)]
            if lat:
                print(f"{kind:12s} n={len(lat):5d}  p50 {pct(lat, 50) * 1e3:7.1f}  p90 {pct(lat, 90) * 1e3:7.1f}"
                      f"  p99 {pct(lat, 99) * 1e3:7.1f}  max {max(lat) * 1e3:7.1f} ms")
        print(f"load average at end: {loadavg()}", flush=True)


if __name__ == "__main__":
    main()
