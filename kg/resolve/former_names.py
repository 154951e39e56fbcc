"""An institution's former name, given in parentheses after its present one: "the Ministry of
Development of Communities and Territories (formerly the Ministry of Regional Development)",
«… министрлігі (бұрынғы … министрлігі)», «… (ранее – …)». Both names are one institution,
wherever either is used.

:func:`former_pairs` finds them among a document's mention spans; resolution merges the
former name's entity into the present one's (:func:`kg.resolve.resolve`).

>>> text = "the Ministry of Communities (formerly the Ministry of Regions) was created"
>>> former_pairs(text, [(4, 27), (42, 61)])
[((4, 27), (42, 61))]
>>> former_pairs("the Ministry of Communities (the Ministry of Regions)", [(4, 27), (33, 52)])
[]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from kg.lexicon.catalog import entry_by_key

__all__ = ["former_pairs", "renamed"]

Span = tuple[int, int]
#: What stands between a present name and its former one.
_BETWEEN = re.compile(
    r"\s*\(\s*(?:formerly|previously|former(?:ly)?\s+known\s+as|бұрынғы(?:\s+атауы)?|бұрын|"
    r"бывш(?:ий|ее|ая|ие)|ранее)\s*(?:[–—:-]\s*)?(?:the\s+)?", re.IGNORECASE)
_CLOSE = re.compile(r"\s*\)")


def former_pairs(text: str, spans: Sequence[Span]) -> list[tuple[Span, Span]]:
    """``(present, former)`` name spans of ``text``: a span followed by a parenthesis that
    says "formerly" and holds exactly the other span."""
    starts = {start: (start, end) for start, end in spans}
    pairs = []
    for start, end in sorted(spans):
        between = _BETWEEN.match(text, end)
        former = starts.get(between.end()) if between else None
        if former is not None and _CLOSE.match(text, former[1]):
            pairs.append(((start, end), former))
    return pairs


def renamed(texts: Mapping[str, str], mentions: Mapping[tuple[str, int, int, str], tuple[str, str]]
            ) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """``(merged, kept)`` institution entity keys: each former name's entity and the present
    name's, from the documents' ``texts`` (id -> text) and the resolved ``mentions``
    ((document, start, end, label) -> entity key). A catalogued entity is always kept."""
    spans: dict[str, dict[Span, tuple[str, str]]] = defaultdict(dict)
    for (doc, start, end, _label), key in mentions.items():
        if key[0] == "institution":
            spans[doc][(start, end)] = key
    out = []
    into: dict[tuple[str, str], tuple[str, str]] = {}  # merged -> kept, so far

    def now(key: tuple[str, str]) -> tuple[str, str]:
        while key in into:
            key = into[key]
        return key

    for doc, keyed in sorted(spans.items()):
        for present, former in former_pairs(texts.get(doc, ""), list(keyed)):
            kept, merged = now(keyed[present]), now(keyed[former])
            catalogued = entry_by_key(kept[1]) is not None, entry_by_key(merged[1]) is not None
            if kept == merged or all(catalogued):
                continue
            if catalogued[1]:
                kept, merged = merged, kept
            into[merged] = kept
            out.append((merged, kept))
    return out
