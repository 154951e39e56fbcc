"""Words per second of every stage of ``kg build`` and of the whole build, plus peak memory.

Run: .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --out /tmp/kazkg-bench/outNx [--workers N]
     .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --stages ...    (+ ingest, segment,
                                                                     extract per language)
     .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --only parse      (ingest+segment only)
     .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --only tokenize   (the floor only)
     .venv/bin/python benchmarks/build_speed.py CORPUS_DIR --out OUT --rebuild --no-floor
                                                (a rebuild: OUT and its cache are kept;
                                                 built again even with nothing new)

The output folder is deleted first (no extraction cache), unless ``--rebuild``. Words are whitespace tokens of the
decoded input texts. The build runs as ``python -m kg build`` in a child process (interpreter
start and imports included); peak memory is the sum of the resident sets of that process and
all its workers, sampled every 50 ms, and CPU time is user+sys of all of them (a figure that
other jobs on the machine barely change). The floor is spaCy's tokenizer alone (``kg.text.kazakh``'s blank
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

    import kg.text.kazakh  # noqa: F401 - registers "kk"

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


def stage_breakdown(corpus: str) -> None:
    """Ingest, segment and extraction per language, in this process on one core."""
    from kg.extract import extract_text
    from kg.extract.tasks import warm_up
    from kg.ingest import iter_sources, read_document, split_paragraphs
    from kg.model import Document
    from kg.segment import segment_document

    files = [p for p in iter_sources([corpus]) if isinstance(p, Path)]
    t0 = time.perf_counter()
    docs = [d for d in (read_document(p) for p in files) if isinstance(d, Document)]
    ingest = time.perf_counter() - t0
    words = sum(len(d.text.split()) for d in docs)
    t0 = time.perf_counter()
    articles = [a for d in docs for a in segment_document(d)]
    segment = time.perf_counter() - t0
    print(f"  {'ingest':22s} {ingest:8.2f} s  {words / ingest:>12,.0f} words/s")
    print(f"  {'segment':22s} {segment:8.2f} s  {words / segment:>12,.0f} words/s "
          f"({len(articles)} articles)")
    t0 = time.perf_counter()
    warm_up()
    print(f"  {'extract: model load':22s} {time.perf_counter() - t0:8.2f} s")
    by_lang: dict[str, list[str]] = {}
    for d in docs:
        for p in split_paragraphs(d.text):
            by_lang.setdefault(p.lang, []).append(d.text[p.start:p.end])
    for lang, paragraphs in sorted(by_lang.items()):
        text = "\n\n".join(paragraphs)
        n = len(text.split())
        t0 = time.perf_counter()
        found = len(extract_text(text, "bench"))
        s = time.perf_counter() - t0
        print(f"  {'extract: ' + lang:22s} {s:8.2f} s  {n / s:>12,.0f} words/s "
              f"({n:,} words, {found:,} mentions)")


def whole_build(corpus: str, out: Path, workers: int, words: int) -> dict:
    """``kg build`` as a child process (imports included); tree RSS sampled every 50 ms.

    Prints the figures and returns them (``wall``, ``cpu``, ``tree_mb``, ``main_mb``,
    ``largest_mb`` and the build's ``manifest``)."""
    import json
    import threading

    import psutil

    cmd = [sys.executable, "-m", "kg", "build", corpus, "--out", str(out), "--workers", str(workers)]
    manifest_path = out / "manifest.json"
    last = manifest_path.read_bytes() if manifest_path.is_file() else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=Path(__file__).resolve().parents[1])
    peak = {"tree": 0, "main": 0}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            try:
                main_rss = proc.memory_info().rss
                tree = main_rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
            except psutil.Error:
                tree = main_rss = 0
            peak["tree"], peak["main"] = max(peak["tree"], tree), max(peak["main"], main_rss)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    total = time.perf_counter() - t0
    done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        sys.exit(f"kg build failed with exit code {code}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    text = manifest_path.read_bytes()
    manifest = json.loads(text.decode("utf-8"))
    counts = manifest["counts"]
    print(f"build: {' '.join(cmd[1:])}")
    print(f"  triples {counts['triples']:,}, mentions {counts['mentions']:,}, "
          f"articles {counts['articles']:,}")
    if text == last:  # nothing new: the output (and its manifest's timings) is the last build's
        print("  (skipped: nothing new; no stage ran)")
    else:
        for stage, s in manifest["timings"].items():
            print(f"  {stage:14s} {s:8.2f} s  {words / s if s else float('inf'):>12,.0f} words/s")
        rest = total - sum(manifest["timings"].values())
        print(f"  {'other':14s} {rest:8.2f} s  (interpreter start, imports, reports, manifest, VoID)")
    print(f"  {'WHOLE BUILD':14s} {total:8.2f} s  {words / total:>12,.0f} words/s")
    print(f"CPU (user+sys, all processes): {cpu:.1f} s = {words / cpu:,.0f} words per CPU-second")
    print(f"peak RSS: whole process tree {peak['tree'] / 2**20:,.0f} MB, main process "
          f"{peak['main'] / 2**20:,.0f} MB (sampled every 50 ms); largest single process "
          f"{after.ru_maxrss / 1024:,.0f} MB (ru_maxrss of every child of this script so far)")
    return {"wall": total, "cpu": cpu, "tree_mb": peak["tree"] / 2**20,
            "main_mb": peak["main"] / 2**20, "largest_mb": after.ru_maxrss / 1024,
            "manifest": manifest}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus")
    ap.add_argument("--out", type=Path, default=Path("/tmp/kazkg-bench/out"))
    ap.add_argument("--workers", type=int, default=0, help="0: automatic, as kg build")
    ap.add_argument("--only", choices=("parse", "tokenize"), default=None)
    ap.add_argument("--no-floor", action="store_true")
    ap.add_argument("--rebuild", action="store_true",
                    help="build into --out as it is (its caches used), instead of deleting it first")
    ap.add_argument("--stages", action="store_true",
                    help="also time ingest, segment and extraction per language in-process")
    args = ap.parse_args()

    print(f"load average (1/5/15 min) at start: {loadavg()}; cores: {os.cpu_count()}")
    texts = read_texts(args.corpus)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {args.corpus}: {len(texts)} documents, {words:,} words, "
          f"{sum(map(len, texts)):,} characters")
    if args.only == "parse":
        parse_only(args.corpus, words)
    elif args.only != "tokenize":
        if args.out.resolve().is_relative_to(Path(__file__).resolve().parents[1]):
            sys.exit("refusing to write inside the repository")
        if not args.rebuild:
            shutil.rmtree(args.out, ignore_errors=True)
        else:  # built again from its caches, even with nothing new (which a build skips)
            from kg.rebuild import forget

            forget(args.out)
        if args.stages:
            print("stages in this process (one core):")
            stage_breakdown(args.corpus)
        whole_build(args.corpus, args.out, args.workers, words)
    if args.only == "tokenize" or (args.only is None and not args.no_floor):
        floor(texts, words)
    print(f"load average (1/5/15 min) at end: {loadavg()}")


if __name__ == "__main__":
    main()
