"""Words per second of every stage of ``kg build`` and of the whole build, plus peak memory.

Run: .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --out /tmp/kazkg-bench/outNx [--workers N]
     .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --only parse      (ingest+segment only)
     .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --only tokenize   (the floor only)

The output folder is deleted first (no extraction cache). Words are whitespace tokens of the
decoded input texts. Peak RSS is ``ru_maxrss`` of this process and, separately, of the
largest worker process. The floor is spaCy's tokenizer alone (``kg.nlp.kazakh``'s blank
``kk`` pipeline and ``spacy.blank("xx")``) over the same texts. The load average is printed
before and after, since other jobs share the machine. Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def read_texts(corpus: str) -> list[str]:
    from kg.ingest import iter_sources, read_document
    from kg.model import Document

    docs = [read_document(p) for p in iter_sources([corpus]) if isinstance(p, Path)]
    return [d.text for d in docs if isinstance(d, Document)]


def floor(texts: list[str], words: int) -> None:
    import spacy

    import kg.nlp.kazakh  # noqa: F401 - registers "kk"

    for name in ("kk", "xx"):
        nlp = spacy.blank(name)
        nlp.max_length = max(len(t) for t in texts) + 1
        t0 = time.perf_counter()
        tokens = sum(len(nlp.tokenizer(t)) for t in texts)
        s = time.perf_counter() - t0
        print(f"floor: spacy.blank({name!r}).tokenizer: {s:.2f} s, {words / s:,.0f} words/s "
              f"({tokens:,} tokens)")


def parse_only(corpus: str, words: int) -> None:
    from kg.corpus import parse_file
    from kg.ingest import iter_sources

    t0 = time.perf_counter()
    articles = 0
    for p in iter_sources([corpus]):
        if isinstance(p, Path):
            parsed = parse_file(p)
            articles += len(getattr(parsed, "articles", ()))
    s = time.perf_counter() - t0
    print(f"ingest+segment: {s:.2f} s, {words / s:,.0f} words/s, {articles} articles")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus")
    ap.add_argument("--out", type=Path, default=Path("/tmp/kazkg-bench/out"))
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--only", choices=("parse", "tokenize"), default=None)
    ap.add_argument("--no-floor", action="store_true")
    args = ap.parse_args()

    print(f"load average (1/5/15 min) at start: {loadavg()}; cores: {os.cpu_count()}")
    texts = read_texts(args.corpus)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {args.corpus}: {len(texts)} documents, {words:,} words, "
          f"{sum(map(len, texts)):,} characters")
    if args.only == "parse":
        parse_only(args.corpus, words)
    elif args.only != "tokenize":
        from kg.build import build

        if args.out.resolve().is_relative_to(Path(__file__).resolve().parents[1]):
            sys.exit("refusing to write inside the repository")
        shutil.rmtree(args.out, ignore_errors=True)
        t0 = time.perf_counter()
        report = build([args.corpus], args.out, workers=args.workers)
        total = time.perf_counter() - t0
        print(f"build: workers={args.workers}, triples {report.triples:,}, "
              f"mentions {len(report.mentions):,}")
        for stage, s in report.timings.items():
            print(f"  {stage:14s} {s:8.2f} s  {words / s if s else float('inf'):>12,.0f} words/s")
        rest = total - sum(report.timings.values())
        print(f"  {'reports':14s} {rest:8.2f} s  (articles.json, merges.csv, manifest, VoID)")
        print(f"  {'WHOLE BUILD':14s} {total:8.2f} s  {words / total:>12,.0f} words/s")
        print(f"peak RSS: main process {peak_mb(resource.RUSAGE_SELF):,.0f} MB, "
              f"largest worker {peak_mb(resource.RUSAGE_CHILDREN):,.0f} MB")
    if args.only == "tokenize" or (args.only is None and not args.no_floor):
        floor(texts, words)
    print(f"load average (1/5/15 min) at end: {loadavg()}")


if __name__ == "__main__":
    main()
