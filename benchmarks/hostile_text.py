"""Seconds each text stage takes on hostile text: one huge word, one huge paragraph.

Every text stage must be linear in its input: this feeds 1 MB (by default) of one
lowercase word or one blank-line-free paragraph, in Kazakh, Russian and English, to
language detection, paragraph splitting, segmentation, the rule extractors and the full
extractors (spaCy), each in its own process with a time limit, and prints the times.

Run: nice -n 19 .venv/bin/python benchmarks/hostile_text.py [--chars 1000000] [--timeout 120]
     [--stage STAGE ...] [--input INPUT ...]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time

WORDS = {
    "kk": "Қазақстан Республикасының білім және ғылым министрлігі ұлттық университеті ",
    "ru": "Министерство образования и науки Республики Казахстан национальный университет ",
    "en": "Ministry of Education and Science of the Republic of Kazakhstan national university ",
}


def make_input(kind: str, chars: int) -> str:
    """``word-kk``: one lowercase word of ``chars`` letters; ``para-kk``: one long paragraph;
    ``long-kk``: lowercase words of 500 letters (just below the token cap)."""
    shape, lang = kind.split("-")
    seed = WORDS[lang]
    if shape in ("word", "long"):
        seed = "".join(ch for ch in seed.lower() if ch.isalpha())
    if shape == "long":
        seed = (seed * (500 // len(seed) + 1))[:500] + " "
    return (seed * (chars // len(seed) + 1))[:chars]


def _detect(text: str) -> object:
    from kg.text.lang import detect_language

    return detect_language(text)


def _paragraphs(text: str) -> object:
    from kg.ingest import split_paragraphs

    return len(split_paragraphs(text))


def _segment(text: str) -> object:
    from kg.ingest import make_document
    from kg.segment import segment_document

    return len(segment_document(make_document(text, "bench.txt")))


def _rules(text: str) -> object:
    from kg.extract import extract_text

    return len(extract_text(text, "bench", use_model=False))


def _full(text: str) -> object:
    from kg.extract import extract_text

    return len(extract_text(text, "bench"))


STAGES = {"detect": _detect, "paragraphs": _paragraphs, "segment": _segment,
          "rules": _rules, "extract": _full}
INPUTS = [f"{shape}-{lang}" for shape in ("word", "long", "para") for lang in WORDS]


def _run(stage: str, kind: str, chars: int, queue) -> None:
    text = make_input(kind, chars)
    if stage in ("rules", "extract"):  # load the models and tables before the clock starts
        STAGES[stage]("Қазақстан. Россия. Kazakhstan.")
    start = time.perf_counter()
    result = STAGES[stage](text)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put((seconds, peak, result))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--stage", nargs="*", default=list(STAGES), choices=list(STAGES))
    parser.add_argument("--input", nargs="*", default=INPUTS, choices=INPUTS)
    args = parser.parse_args()
    print(f"{'stage':<11} {'input':<8} {'chars':>9} {'seconds':>8} {'peak MB':>8}  result")
    for stage in args.stage:
        for kind in args.input:
            queue = mp.Queue()
            proc = mp.Process(target=_run, args=(stage, kind, args.chars, queue))
            proc.start()
            proc.join(args.timeout)
            if proc.is_alive():
                proc.kill()
                proc.join()
                print(f"{stage:<11} {kind:<8} {args.chars:>9} {'>' + str(int(args.timeout)):>8}"
                      f" {'':>8}  timeout")
                continue
            if proc.exitcode != 0:
                print(f"{stage:<11} {kind:<8} {args.chars:>9} {'':>8} {'':>8}  failed ({proc.exitcode})")
                continue
            seconds, peak, result = queue.get()
            print(f"{stage:<11} {kind:<8} {args.chars:>9} {seconds:>8.2f} {peak:>8.0f}  {result}",
                  flush=True)


if __name__ == "__main__":
    main()
