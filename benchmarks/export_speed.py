"""Turtle export: ``kg export --format ttl`` (pyoxigraph, streaming) vs rdflib's Turtle serializer.

Run: .venv/bin/python benchmarks/export_speed.py --out-dir /tmp/kazkg-bench/out1x [--runs 3]

pyoxigraph: (a) the CLI ``kg export --format ttl --store DIR/store --out FILE`` as a
subprocess (wall time, Python start-up included) and (b) ``kg.store.export`` in process.
rdflib: the same triples (``DIR/graph.ttl``, the union of the graphs) parsed into an in-memory
``Graph`` (parse time printed, not counted), then ``Graph.serialize(format="turtle")`` to a
file. Median of ``--runs`` runs each; prints triples/s and the ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
KG = Path(sys.executable).with_name("kg")


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp/kazkg-bench/out1x"))
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from rdflib import Graph

    from kg.store import export

    print(f"load average at start: {loadavg()}; cores: {os.cpu_count()}")
    store_dir = args.out_dir / "store"
    tmp = Path(tempfile.mkdtemp(prefix="kazkg-export-"))
    cli_out, lib_out, rdf_out = tmp / "cli.ttl", tmp / "lib.ttl", tmp / "rdflib.ttl"

    cmd = [str(KG), "export", "--format", "ttl", "--store", str(store_dir), "--out", str(cli_out)]
    cli_s = median_time(lambda: subprocess.run(cmd, check=True), args.runs)

    def in_process() -> None:
        with open(lib_out, "wb") as fh:
            export(store_dir, "ttl", fh)

    lib_s = median_time(in_process, args.runs)

    t0 = time.perf_counter()
    graph = Graph()
    graph.parse(args.out_dir / "graph.ttl", format="turtle")
    parse_s = time.perf_counter() - t0
    triples = len(graph)
    rdf_s = median_time(lambda: graph.serialize(destination=str(rdf_out), format="turtle"), args.runs)

    print(f"triples: {triples:,} (rdflib parse of graph.ttl: {parse_s:.2f} s, not counted)")
    for name, s, f in (("kg export --format ttl (CLI, wall)", cli_s, cli_out),
                       ("kg.store.export ttl (in process)", lib_s, lib_out),
                       ("rdflib Graph.serialize turtle", rdf_s, rdf_out)):
        print(f"  {name:38s} {s:8.3f} s  {triples / s:>12,.0f} triples/s  {f.stat().st_size:>12,} bytes")
    print(f"ratio rdflib / kg export (CLI): {rdf_s / cli_s:.1f}x; "
          f"rdflib / in-process export: {rdf_s / lib_s:.1f}x")
    print(f"load average at end: {loadavg()}")


if __name__ == "__main__":
    main()
