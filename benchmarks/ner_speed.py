"""Load time and throughput of the shipped Kazakh NER model on raw corpus text.

Run from the repo root (single core)::

    OMP_NUM_THREADS=1 .venv/bin/python benchmarks/ner_speed.py [--model DIR] [--glob GLOB]
        [--repeat N] [--extract]

Prints the load time, then the speed of the model alone (whole pipeline incl. tokenisation)
over the non-empty lines of the text files (read by path, nothing is copied), in words per
wall-clock second and per CPU-second of this process (the CPU figure is the one to compare
on a shared machine; the best of ``--repeat`` passes is kept). ``--extract`` also times the
Kazakh extractor (rules + gazetteers + model, ``kg.extract.kk``, model batched as
``kg.extract`` does) on the Kazakh paragraphs of the same files.
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


def _timed(fn):
    """Run ``fn`` and return (its result, wall seconds, CPU seconds of this process)."""
    w0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w0, time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=None, help="pipeline dir (default: kg/models/kk_ner)")
    ap.add_argument("--glob", default="/work/shared/corpus/*.txt")
    ap.add_argument("--batch-size", type=int, default=256)
    ap.add_argument("--repeat", type=int, default=3, help="passes; the fastest is reported")
    ap.add_argument("--extract", action="store_true", help="also time the Kazakh extractor")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from kg.extract.kk.model import MODEL_DIR, load_kk_ner

    nlp = load_kk_ner(args.model)
    load_s = time.perf_counter() - t0
    model_dir = Path(args.model) if args.model else MODEL_DIR
    size = sum(p.stat().st_size for p in model_dir.rglob("*") if p.is_file())
    print(f"model: {model_dir} ({size / 1e6:.1f} MB), labels: {len(nlp.get_pipe('ner').labels)}")
    print(f"load time (incl. import spacy): {load_s:.2f} s")

    paths = sorted(glob.glob(args.glob))
    texts: list[str] = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        texts += [line.strip() for line in text.splitlines() if line.strip()]
    if not texts:
        sys.exit(f"no text found at {args.glob}")
    list(nlp.pipe(texts[:50]))  # warm-up

    def run():
        words = ents = 0
        for doc in nlp.pipe(texts, batch_size=args.batch_size):
            words += sum(1 for t in doc if not t.is_space)
            ents += len(doc.ents)
        return words, ents

    passes = [_timed(run) for _ in range(max(1, args.repeat))]
    (words, ents), wall, cpu = min(passes, key=lambda p: p[2])
    print(f"texts: {len(texts)} lines, {words} tokens, {ents} entities")
    print(f"model alone: {words / cpu:,.0f} words/CPU-s, {words / wall:,.0f} words/s wall "
          f"({cpu:.1f} CPU-s, {wall:.1f} s, best of {len(passes)})")

    if args.extract:
        _extract_speed(paths, args.model, max(1, args.repeat))


def _extract_speed(paths: list[str], model: str | None, repeat: int) -> None:
    from kg.extract.base import ParagraphText
    from kg.extract.kk import KazakhExtractor
    from kg.extract.kk import model as kk_model
    from kg.ingest import split_paragraphs

    if model:  # time another model through the extractor's loader
        kk_model.MODEL_DIR = Path(model)
    chunks: list[str] = []
    for path in paths:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        chunks += [text[p.start:p.end] for p in split_paragraphs(text) if p.lang not in ("ru", "en")]
    words = sum(len(c.split()) for c in chunks)
    extractor = KazakhExtractor()
    paragraphs = [ParagraphText(c) for c in chunks]
    extractor.extract_all(paragraphs[:1])  # warm-up (gazetteers, catalogue, model)

    def run():
        return sum(len(found) for found in extractor.extract_all(paragraphs))

    passes = [_timed(run) for _ in range(repeat)]
    mentions, wall, cpu = min(passes, key=lambda p: p[2])
    print(f"Kazakh extraction: {len(chunks)} paragraphs, {words} words, {mentions} mentions: "
          f"{words / cpu:,.0f} words/CPU-s, {words / wall:,.0f} words/s wall (best of {len(passes)})")


if __name__ == "__main__":
    main()
