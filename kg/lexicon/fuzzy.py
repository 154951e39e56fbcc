"""The fuzzy step of a catalogue lookup: a name matched against the catalogue's names, all
folded to Latin letters (:func:`best_match`), when no exact form matched. Head words must
agree (a ministry is no institute, and «… министрлігі Ғылым комитеті» is a unit of the
ministry, not the ministry), and so must the other words, one by one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

__all__ = ["COVER_MIN", "FUZZY_MIN", "MARGIN", "TOKEN_MIN", "best_match"]

FUZZY_MIN = 92.0
TOKEN_MIN = 88.0  # a query word "covers" a name word at this rapidfuzz ratio
COVER_MIN = 0.8  # share of words covered, each way, for a fuzzy hit
MARGIN = 2.0  # a fuzzy winner must beat the best other entry by this much

# Head word classes (prefixes of Latin-transliterated, lowercased words).
_HEADS: dict[str, tuple[str, ...]] = {
    "university": ("universit", "akadem", "academ"),
    "institute": ("institut",),
    "ministry": ("minist",),
    "agency": ("agent", "agency", "biuro", "bureau"),
    "organisation": ("organiz", "organis", "uiym"),
    "union": ("union", "soiuz", "odaq", "odag"),
    "bank": ("bank",),
    "fund": ("fund", "fond", "qor"),
    "council": ("council", "sovet", "kenes"),
    "commission": ("commission", "komiss"),
    "committee": ("committee", "komitet"),
    "law": ("zakon", "zang", "law"),
    "code": ("kodeks", "code"),
    "programme": ("program", "baghdarlam"),
    "strategy": ("strateg",),
    "concept": ("concept", "kontsep", "tuzhyrymdam"),
    "treaty": ("agreement", "soglash", "kelisim", "convention", "konvents", "charter", "khart"),
    "declaration": ("declaration", "deklarats"),
}


@lru_cache(maxsize=65536)
def _heads(latin_text: str) -> frozenset[str]:
    words = latin_text.split()
    return frozenset(
        cls for cls, prefixes in _HEADS.items() for w in words if w.startswith(prefixes)
    )


@lru_cache(maxsize=65536)
def _content(latin_text: str) -> tuple[str, ...]:
    return tuple(w for w in latin_text.split() if w not in _DECOR_LATIN and len(w) > 1)


_DECOR_LATIN = frozenset(
    ["of", "the", "and", "on", "in", "for", "to", "republic", "kazakhstan", "respubliki", "respublika", "respublike", "kazakhstana", "qazaqstan", "respublikasynyng", "respublikasy", "rk", "qr", "imeni", "atyndaghy", "named", "after"]
)


def _covered(words: Iterable[str], others: Sequence[str]) -> float:
    from rapidfuzz import fuzz

    words = list(words)
    if not words:
        return 0.0
    hit = sum(1 for w in words if any(fuzz.ratio(w, o) >= TOKEN_MIN for o in others))
    return hit / len(words)


def best_match(names: Sequence[tuple[int, str]], queries: Iterable[str]) -> int | None:
    """The position of the one name (``(position, Latin-folded name)``) that a Latin-folded
    query matches closely, or None: the query's head words are among the name's, the two
    agree word for word, and the best beats the next best by :data:`MARGIN`.

    >>> names = [(0, "ministry of education and science"), (1, "ministry of health")]
    >>> best_match(names, ["ministry of educaton and science"]), best_match(names, ["institute of health"])
    (0, None)
    """
    from rapidfuzz import fuzz

    best: dict[int, float] = {}
    for q in queries:
        q_heads = _heads(q)
        q_words = _content(q)
        if not q_heads or len(q_words) < 2:
            continue
        for pos, name in names:
            if not q_heads <= _heads(name):  # «… министрлігі Ғылым комитеті» is a unit of it
                continue
            score = fuzz.token_set_ratio(q, name)
            if score < FUZZY_MIN:
                continue
            n_words = _content(name)
            if _covered(q_words, n_words) < COVER_MIN or _covered(n_words, q_words) < COVER_MIN:
                continue
            best[pos] = max(best.get(pos, 0.0), score)
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < MARGIN:
        return None
    return ranked[0][0]
