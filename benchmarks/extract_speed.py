"""Words per second of `kg extract` on the shared corpus, per language and overall.

Run: .venv/bin/python benchmarks/extract_speed.py [FILES...]
(one core: prefix with `taskset -c 0`). Prints model load time separately.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kg.extract import extract_text
from kg.ingest import read_document, split_paragraphs
from kg.model import Document


def main(paths: list[str]) -> None:
    docs = [read_document(Path(p)) for p in paths]
    docs = [d for d in docs if isinstance(d, Document)]
    t0 = time.perf_counter()
    from kg.extract.kk.model import load_kk_ner

    load_kk_ner()
    extract_text("Қазақстан", "warm-up")
    print(f"model load + warm-up: {time.perf_counter() - t0:.2f} s")
    words = {"kk": 0, "ru": 0, "en": 0}
    for d in docs:
        for p in split_paragraphs(d.text):
            words[p.lang] = words.get(p.lang, 0) + len(d.text[p.start:p.end].split())
    t0 = time.perf_counter()
    mentions = sum(len(extract_text(d.text, d.id)) for d in docs)
    seconds = time.perf_counter() - t0
    total = sum(words.values())
    print(f"words: {total} ({', '.join(f'{k} {v}' for k, v in words.items())})")
    print(f"extract: {seconds:.2f} s, {total / seconds:,.0f} words/s, {mentions} mentions")


if __name__ == "__main__":
    default = sorted(str(p) for p in (Path(__file__).resolve().parents[2] / "shared" / "corpus").glob("*.txt"))
    main(sys.argv[1:] or default)
