"""One institution whose long name is misspelt in one place: "Harcourt Brace Jovanovic" and
"Harcourt Brace Jovanovich" (a publisher in a reference list and its transliterated twin).

Two uncatalogued institutions whose keys (:func:`kg.iri.slug` of the normalised name) are one
letter apart, both of at least :data:`MIN_LENGTH` characters, are one institution: the key
with more mentions stays (ties: the longer key, as a letter is more often dropped than added;
then the smaller). A digit that differs is never a misspelling
("… (Ukraine, 1993)" and "… (Ukraine, 2016)"), nor is a word a letter longer that makes a
plural. Pairs are found through one-deletion variants (:func:`kg.resolve.blocks.deletions`),
not by comparing every two names.

>>> pairs = misspelt_pairs({"harcourt-brace-jovanovic": 1, "harcourt-brace-jovanovich": 1,
...                         "bulletin-of-osh-state-university": 1, "un": 9})
>>> pairs
[('harcourt-brace-jovanovic', 'harcourt-brace-jovanovich')]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from kg.resolve.blocks import deletions

__all__ = ["MIN_LENGTH", "misspelt_pairs"]

#: The shortest key that may be misspelt (short names one letter apart are often two names).
MIN_LENGTH = 15


def misspelt_pairs(counts: Mapping[str, int]) -> list[tuple[str, str]]:
    """``(misspelt, kept)`` key pairs among ``counts`` (key -> mentions), in key order; each
    key is in one pair at most."""
    by_variant: dict[str, set[str]] = defaultdict(set)
    for key in counts:
        if len(key) >= MIN_LENGTH:
            for variant in deletions(key):
                by_variant[variant].add(key)
    pairs: dict[str, str] = {}
    paired: set[str] = set()
    for key in sorted(counts):
        if len(key) < MIN_LENGTH or key in paired:
            continue
        near = sorted({other for v in deletions(key) for other in by_variant.get(v, ())
                       if other != key and _letter_apart(key, other)})
        if len(near) != 1 or near[0] in paired:
            continue
        kept, lost = sorted((key, near[0]), key=lambda k: (-counts[k], -len(k), k))
        pairs[lost] = kept
        paired |= {key, near[0]}
    return sorted(pairs.items())


def _letter_apart(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one letter apart (not a digit, not a plural «s», one edit)?"""
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 and a[diff[0]].isalpha() and b[diff[0]].isalpha()
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    extra = long[i]
    plural = extra == "s" and (i == len(short) or long[i + 1:i + 2] == "-")
    return long[:i] + long[i + 1:] == short and extra.isalpha() and not plural
