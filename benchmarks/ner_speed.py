"""Load time and throughput of the shipped Kazakh NER model on raw corpus text.

Run from the repo root (single core)::

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ner_speed.py [--model DIR] [--glob GLOB]

Prints the load time, then words/s for the whole pipeline (tokenisation included) over the
non-empty lines of the text files (read by path, nothing is copied).
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=None, help="pipeline dir (default: kg/models/kk_ner)")
    ap.add_argument("--glob", default="/work/shared/corpus/*.txt")
    ap.add_argument("--batch-size", type=int, default=256)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from kg.extract.kk.model import MODEL_DIR, load_kk_ner

    nlp = load_kk_ner(args.model)
    load_s = time.perf_counter() - t0
    model_dir = Path(args.model) if args.model else MODEL_DIR
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    print(f"model: {model_dir} ({size / 1e6:.1f} MB)")
    print(f"load time (incl. import spacy): {load_s:.2f} s")

    texts: list[str] = []
    for path in sorted(glob.glob(args.glob)):
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        texts += [line.strip() for line in text.splitlines() if line.strip()]
    if not texts:
        sys.exit(f"no text found at {args.glob}")
    list(nlp.pipe(texts[:50]))  # warm-up
    t0 = time.perf_counter()
    words = ents = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size):
        words += sum(1 for t in doc if not t.is_space)
        ents += len(doc.ents)
    secs = time.perf_counter() - t0
    print(f"texts: {len(texts)} lines, {words} tokens, {ents} entities")
    print(f"speed: {words / secs:,.0f} words/s ({secs:.1f} s, one process)")


if __name__ == "__main__":
    main()
