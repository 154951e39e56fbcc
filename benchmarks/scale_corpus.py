"""REPEATED TEXT: a scaled-up copy of a corpus (10x, 100x, ...) whose copies repeat the same text.

Not for scale figures: the entity set and the networks stay at their 1x size and the caches
hit, so resolution and analytics look free. Scale figures come from
``benchmarks/new_text_corpus.py`` (genuinely new text per copy). This script is kept for the
older figures of ``docs/PERFORMANCE.md`` that were made with it.

Run: .venv/bin/python benchmarks/scale_corpus.py --factor 10 --out /tmp/kazkg-bench/10x [CORPUS]

Copy N of every issue starts with a line ``<!-- copy N -->`` and has the issue's articles
(cut with ``kg.segment.segment_document`` spans) shuffled by a seeded RNG, so every copy has
new content and a new document id. The text before the first article (masthead) and after
the last one stays in place. Files are written to ``--out`` (never into the repository).
Prints the files and words written.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from kg.ingest import iter_sources, read_document
from kg.model import Document
from kg.segment import segment_document


def shuffled_copy(doc: Document, copy: int, rng: random.Random) -> str:
    """The text of copy ``copy`` of ``doc``: marker line, then the articles in a shuffled order."""
    articles = segment_document(doc)
    spans = sorted((a.span.start, a.span.end) for a in articles)
    text = doc.text
    head, tail = text[: spans[0][0]], text[spans[-1][1]:]
    pieces = [text[s:e].strip("\n") for s, e in spans]
    rng.shuffle(pieces)
    return f"<!-- copy {copy} -->\n\n" + head + "\n\n".join(pieces) + "\n" + tail


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", nargs="?", default="/work/shared/corpus")
    ap.add_argument("--factor", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    repo = Path(__file__).resolve().parents[1]
    if args.out.resolve().is_relative_to(repo):
        sys.exit("refusing to write inside the repository")
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    docs = [read_document(p) for p in iter_sources([args.corpus]) if isinstance(p, Path)]
    docs = [d for d in docs if isinstance(d, Document)]
    files = words = 0
    for copy in range(1, args.factor + 1):
        for doc in docs:
            text = shuffled_copy(doc, copy, rng)
            stem = Path(doc.source).stem
            (args.out / f"{stem}_copy{copy:03d}.txt").write_text(text, encoding="utf-8")
            files += 1
            words += len(text.split())
    print(f"{args.out}: {files} files, {words:,} words (factor {args.factor}, seed {args.seed})")


if __name__ == "__main__":
    main()
