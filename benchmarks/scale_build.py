"""Whole ``kg build`` on new-text corpora at several factors, with growth exponents per stage.

Run (from the repo root; each factor's corpus is generated first if its folder is missing)::

    nice -n 19 .venv/bin/python benchmarks/scale_build.py 1 10 --work /tmp/kazkg-scale
    nice -n 19 .venv/bin/python benchmarks/scale_build.py 30 100 --work /tmp/kazkg-scale  # long

Corpora come from ``benchmarks/new_text_corpus.py`` (``WORK/new<F>x``, seed ``--seed``), builds
go to ``WORK/out<F>x`` (deleted first: no extraction cache). Each build runs as
``python -m kg build`` in a child process, measured by ``benchmarks/build_speed.py``: wall time,
CPU of the whole process tree, peak resident memory of the tree (sampled every 50 ms) and of the
main process, and the per-stage timings of ``manifest.json``. At the end, one table of all
factors, then the growth exponent of every stage between consecutive factors
(``log(t2 / t1) / log(words2 / words1)``: 1.0 is linear). Prints figures only; nothing is
asserted. The 30x and 100x runs take tens of CPU-minutes: run them on a quiet machine.
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from build_speed import loadavg, whole_build  # noqa: E402
from new_text_corpus import CORPUS, generate  # noqa: E402


def corpus_for(factor: int, work: Path, seed: int, source: Path = CORPUS) -> tuple[Path, int]:
    """The new-text corpus of ``factor`` (made if missing) and its whitespace word count."""
    folder = work / f"new{factor}x"
    if not folder.is_dir():
        folder.mkdir(parents=True)
        for path, text in generate(source, factor, folder, seed):
            path.write_text(text, encoding="utf-8")
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in sorted(folder.iterdir()))
    return folder, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("factors", type=int, nargs="+")
    ap.add_argument("--work", type=Path, default=Path("/tmp/kazkg-scale"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the real corpus to draw from")
    ap.add_argument("--workers", type=int, default=0, help="0: automatic, as kg build")
    args = ap.parse_args()
    if args.work.resolve().is_relative_to(HERE.parent):
        sys.exit("refusing to write inside the repository")
    rows = []
    for factor in sorted(args.factors):
        corpus, words = corpus_for(factor, args.work, args.seed, args.corpus)
        print(f"== {factor}x: {corpus}, {words:,} words, load {loadavg()}", flush=True)
        out = args.work / f"out{factor}x"
        shutil.rmtree(out, ignore_errors=True)  # a whole build: no cache (and nothing to skip)
        figures = whole_build(str(corpus), out, args.workers, words)
        print(f"   load after: {loadavg()}", flush=True)
        rows.append((factor, words, figures))
    print("\nfactor | words | wall s | CPU-s | words/CPU-s | peak tree / main MB | "
          "co-mention V / E | analytics s")
    for factor, words, f in rows:
        a = f["manifest"].get("analytics", {})
        print(f"{factor}x | {words:,} | {f['wall']:.1f} | {f['cpu']:.1f} | {words / f['cpu']:,.0f}"
              f" | {f['tree_mb']:,.0f} / {f['main_mb']:,.0f} | "
              f"{a.get('entity_comention_nodes', 0):,} / {a.get('entity_comention_edges', 0):,}"
              f" | {f['manifest']['timings'].get('analytics', 0):.2f}")
    for (f1, w1, a), (f2, w2, b) in zip(rows, rows[1:]):
        if w2 == w1:
            continue
        span = math.log(w2 / w1)
        parts = []
        for stage, t2 in b["manifest"]["timings"].items():
            t1 = a["manifest"]["timings"].get(stage, 0)
            if t1 > 0 and t2 > 0:
                parts.append(f"{stage} {math.log(t2 / t1) / span:.2f}")
        parts.append(f"CPU {math.log(b['cpu'] / a['cpu']) / span:.2f}")
        parts.append(f"peak tree {math.log(b['tree_mb'] / a['tree_mb']) / span:.2f}")
        print(f"growth exponents {f1}x -> {f2}x: " + ", ".join(parts))


if __name__ == "__main__":
    main()
