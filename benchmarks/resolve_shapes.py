"""CPU-seconds of resolution steps on document shapes that would be quadratic if they scanned.

* ``national``: one document of N sentences, each naming two countries and an unqualified
  «Үкімет»; the country of every «Үкімет» is looked up (:meth:`CountryContext.country_near`).
* ``references``: a reference list of N entries, each a transliterated Kazakh name, its English
  translation in brackets and a transliterated Russian title naming a catalogued bank, read by
  :func:`kg.extract.reference_text.reference_text_mentions` (rules only).

Run: .venv/bin/python benchmarks/resolve_shapes.py [--sizes 10000 20000] [--entries 1000 2000]
Prints the figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def national(n: int) -> tuple[int, float]:
    """(lookups, CPU-s) of the country of each «Үкімет» in a document of ``n`` sentences."""
    from kg.model import Mention
    from kg.resolve.national import CountryContext

    parts, mentions, pos = [], [], 0
    for _ in range(n):
        sentence = "Қазақстан және Ресей. Үкімет шешті. "
        mentions += [Mention("d", pos, pos + 9, "Қазақстан", "GPE", "kk", "Қазақстан"),
                     Mention("d", pos + 15, pos + 20, "Ресей", "GPE", "kk", "Ресей"),
                     Mention("d", pos + 22, pos + 28, "Үкімет", "ORG", "kk", "Үкімет")]
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts)
    context = CountryContext.of(text, mentions, [(0, len(text))])
    start = time.process_time()
    found = [context.country_near(m) for m in mentions[2::3]]
    return len(found), time.process_time() - start


def references(n: int, first: int = 1) -> tuple[int, float]:
    """(mentions, CPU-s) of a reference list of ``n`` entries numbered from ``first`` (each
    size its own names, so no lookup is cached from another)."""
    from kg.extract.reference_text import reference_text_mentions

    tail = "References\n" + "".join(
        f"{i}. Bilim ministrligi {i} [Ministry of Education {i}]. Doklad Evrazijskogo banka "
        f"razvitiya, 2019.\n" for i in range(first, first + n))
    reference_text_mentions("d", 0, "References\n1. Doklad, 2019.\n", use_model=False)  # warm-up
    start = time.process_time()
    found = reference_text_mentions("d", 0, tail, use_model=False)
    return len(found), time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000])
    ap.add_argument("--entries", type=int, nargs="+", default=[1_000, 2_000])
    args = ap.parse_args()
    for n in args.sizes:
        found, cpu = national(n)
        print(f"national: {n:,} sentences, {found:,} lookups: {cpu:.2f} CPU-s")
    for k, n in enumerate(args.entries):
        found, cpu = references(n, first=(k + 1) * 1_000_000)
        print(f"references: {n:,} entries, {found:,} mentions: {cpu:.2f} CPU-s")


if __name__ == "__main__":
    main()
