"""Share of keywords aligned into trilingual concepts, for a build's graph.

Counts the keywords of every article that gives all three keyword lists (kk, ru, en) and
says how many belong to a concept labelled in all three languages; articles whose lists are
not translations of each other (lengths two or more apart: a journal's slip) are also
reported separately. Standalone (pyoxigraph only).

Usage::

    python pipelines/quality/keyword_alignment.py OUTDIR

>>> _share(3, 4)
'3/4 = 0.750'
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

QUERY = """
PREFIX schema: <http://schema.org/>
PREFIX kg: <https://w3id.org/kazkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?article ?word (LANG(?word) AS ?lang) ?concept WHERE {
  ?article schema:keywords ?word ; kg:hasKeyword ?concept .
  ?concept skos:prefLabel|skos:altLabel ?name .
  FILTER(STR(?name) = STR(?word) && LANG(?name) = LANG(?word))
}"""
LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?concept (LANG(?label) AS ?lang) WHERE { ?concept skos:prefLabel ?label }"""


def _share(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.3f}" if d else "0/0"


def measure(graph: Path) -> dict[str, tuple[int, int]]:
    """``{"all": (aligned, total), "translated": (...)}`` over articles with kk, ru, en lists."""
    store = ox.Store()
    store.load(path=str(graph), format=ox.RdfFormat.TURTLE)
    langs: dict[str, set[str]] = defaultdict(set)
    for row in store.query(LABELS):
        langs[row["concept"].value].add(row["lang"].value)
    words: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for row in store.query(QUERY):
        words[row["article"].value][(row["lang"].value, row["word"].value)] = row["concept"].value
    out = {"all": [0, 0], "translated": [0, 0]}
    for found in words.values():
        per_lang = defaultdict(int)
        for lang, _ in found:
            per_lang[lang] += 1
        if set(per_lang) != {"kk", "ru", "en"}:
            continue
        lengths = sorted(per_lang.values())
        parts = ["all"] + (["translated"] if lengths[-1] - lengths[0] <= 1 else [])
        for concept in found.values():
            ok = langs[concept] >= {"kk", "ru", "en"}
            for part in parts:
                out[part][0] += ok
                out[part][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    args = ap.parse_args(argv)
    result = measure(args.outdir / "graph.ttl")
    print(f"keywords of articles with kk, ru and en lists in trilingual concepts: "
          f"{_share(*result['all'])}")
    print(f"  the same, articles whose lists are translations of each other: "
          f"{_share(*result['translated'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
