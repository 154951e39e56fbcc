"""Resident memory of the main build process, stage by stage.

Run: .venv/bin/python benchmarks/build_memory.py CORPUS_DIR --out /tmp/kazkg-bench/memNx [--cache-from DIR]

Runs :func:`kg.build.build` in this process with a thread sampling its resident set every
20 ms, and prints, at the end of each stage, the stage's wall time, this process's CPU time
(all its threads: steadier than wall time on a shared machine), the peak seen during the stage
and the resident set at its end. ``--cache-from`` copies an earlier build's extraction cache
first, so the (slow, multi-process) extraction is read from disk and the run measures the
stages after it; with ``--restamp`` the copied cache files are stamped with this extractor's
cache version (mentions of an older extractor, to time the later stages of a build whose cache an
extractor change has made stale without extracting again). Prints figures only.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    import psutil

    import kg.build as build_module

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--cache-from", type=Path, default=None)
    ap.add_argument("--restamp", action="store_true",
                    help="stamp the copied cache with this extractor's cache version")
    args = ap.parse_args()
    if args.out.resolve().is_relative_to(Path(__file__).resolve().parents[1]):
        sys.exit("refusing to write inside the repository")
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    if args.cache_from:
        shutil.copytree(args.cache_from / "cache", args.out / "cache")
        if args.restamp:
            restamp(args.out / "cache")
    proc = psutil.Process()
    peak = [0]

    def sample() -> None:
        while True:
            peak[0] = max(peak[0], proc.memory_info().rss)
            time.sleep(0.02)

    threading.Thread(target=sample, daemon=True).start()
    original = build_module._Clock.lap
    cpu = [time.process_time()]

    def lap(self, stage: str) -> None:
        original(self, stage)
        now = time.process_time()
        print(f"{stage:14s} {self.timings[stage]:8.2f} s  CPU {now - cpu[0]:8.2f} s   peak in stage"
              f" {peak[0] / 2**20:7,.0f} MB   at its end {proc.memory_info().rss / 2**20:7,.0f} MB",
              flush=True)
        peak[0], cpu[0] = 0, now

    build_module._Clock.lap = lap
    build_module.build([args.corpus], args.out)
    print(f"after the build: {proc.memory_info().rss / 2**20:,.0f} MB")


def restamp(cache: Path) -> None:
    """Give every cached document the current ``CACHE_VERSION``."""
    import json

    from kg.extract.tasks import CACHE_VERSION

    for path in cache.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and "version" in data and "mentions" in data:
            data["version"] = CACHE_VERSION
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
