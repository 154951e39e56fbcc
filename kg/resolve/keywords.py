"""Keywords as concepts: each article's kk/ru/en keyword lists aligned into one concept per term.

Lists of the same length align by position. A list one item longer than the others has two
neighbours that make one term (a keyword broken in two: «инновационные технологии», «в АПК»);
one item shorter, one of its items stands for two of theirs. Where to join is chosen by how
alike the aligned terms are across scripts (transliterated, phonetically folded), and a
continuation («в АПК», «of …») prefers to join its predecessor. A list two or more items off
is not a translation of the others (a journal's slip): its terms stay concepts of their own.

>>> from kg.model import Article, Span
>>> from kg.resolve.registry import Registry
>>> a = Article("d1", "x", 1, Span(0, 1), Span(0, 1),
...             keywords={"kk": ("саясат",), "en": ("policy",)})
>>> keyword_concepts(Registry(), [a])
{('d1', 1, 'kk', 0): 'policy', ('d1', 1, 'en', 0): 'policy'}
>>> align({"kk": ("цифрландыру", "инновациялық технологиялар"),
...        "ru": ("цифровизация", "инновационные технологии", "в АПК")})
[{'kk': [0], 'ru': [0]}, {'kk': [1], 'ru': [1, 2]}]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from kg.iri import slug
from kg.kinds import LANGS
from kg.model import Article
from kg.resolve.registry import Registry
from kg.text.names import fold

#: A keyword's place: (document id, article order, language, index in its list).
KeywordPlace = tuple[str, int, str, int]
#: One aligned term: the indices of its items in each language's list.
Slot = dict[str, list[int]]
_CONTINUATION = frozenset("в во и на по для of in for and on to with және мен бен".split())


@lru_cache(maxsize=4096)
def _folded(term: str) -> str:
    return " ".join(fold(w) for w in term.split())


def similarity(a: str, b: str) -> float:
    """How alike two terms of different languages look (0..1), cognates scoring high.

    >>> similarity("бюрократия", "bureaucracy") > similarity("бюрократия", "reform")
    True
    """
    return fuzz.token_set_ratio(_folded(a), _folded(b)) / 100


def _merge_at(n: int, at: int) -> list[list[int]]:
    """Slots of a list of ``n`` items whose items ``at`` and ``at + 1`` make one term."""
    return [[i] for i in range(at)] + [[at, at + 1]] + [[i] for i in range(at + 2, n)]


def _score(slots: list[list[int]], items: Sequence[str], reference: Sequence[str],
           ref_slots: list[list[int]]) -> float:
    total = 0.0
    for mine, theirs in zip(slots, ref_slots):
        a = " ".join(items[i] for i in mine)
        b = " ".join(reference[i] for i in theirs)
        total += similarity(a, b)
        if len(mine) == 2 and items[mine[1]].split()[0].lower() in _CONTINUATION:
            total += 1.0
    return total


def align(lists: dict[str, Sequence[str]]) -> list[Slot]:
    """The terms of an article's keyword lists: per term, each language's item indices."""
    lengths = Counter(len(v) for v in lists.values())
    m = max(lengths, key=lambda n: (lengths[n], -n))
    anchors = [lang for lang in lists if len(lists[lang]) == m]
    slots_of: dict[str, list[list[int]]] = {lang: [[i] for i in range(m)] for lang in anchors}
    shorter = [lang for lang in lists if len(lists[lang]) == m - 1]
    if shorter:  # the anchors join two neighbours; where, as the shorter list says
        ref = lists[shorter[0]]
        at = max(range(m - 1), key=lambda k: sum(
            _score([[i] for i in range(m - 1)], ref, lists[a], _merge_at(m, k)) for a in anchors))
        slots_of = {lang: _merge_at(m, at) for lang in anchors}
        slots_of |= {lang: [[i] for i in range(m - 1)] for lang in shorter}
    target = len(next(iter(slots_of.values())))
    ref_lang = anchors[0]
    for lang, items in lists.items():
        if lang in slots_of or len(items) != target + 1:
            continue
        ref, ref_slots = lists[ref_lang], slots_of[ref_lang]
        slots_of[lang] = max((_merge_at(len(items), k) for k in range(len(items) - 1)),
                             key=lambda s: _score(s, items, ref, ref_slots))
    return [{lang: slots_of[lang][k] for lang in lists if lang in slots_of}
            for k in range(target)]


def keyword_concepts(registry: Registry, articles: Sequence[Article]) -> dict[KeywordPlace, str]:
    """The concept key of every keyword of ``articles``."""
    keys: dict[KeywordPlace, str] = {}
    seen: dict[tuple[str, str], str] = {}  # (lang, term) -> concept: one term, one concept
    for a in articles:
        lists = {lang: a.keywords[lang] for lang in LANGS if a.keywords.get(lang)}
        lists |= {k: v for k, v in a.keywords.items() if v and k not in lists}
        if not lists:
            continue
        slots = align(lists) if len(lists) > 1 else []
        placed = set()
        for slot in slots:
            labels = {lang: lists[lang][idx[0]] for lang, idx in slot.items()}
            key = next((seen[(lang, t.lower())] for lang, t in labels.items()
                        if (lang, t.lower()) in seen),
                       slug((labels.get("en") or next(iter(labels.values()))).lower()))
            seen.update({(lang, t.lower()): key for lang, t in labels.items()})
            for lang, idx in slot.items():
                for i in idx:
                    word = lists[lang][i]
                    reason = "aligned keyword lists" if len(slot) > 1 else "keyword"
                    registry.add("keyword", key, labels, word, lang, reason, alias=word)
                    keys[(a.document_id, a.order, lang, i)] = key
                    placed.add((lang, i))
        for lang, words in lists.items():
            for i, word in enumerate(words):
                if (lang, i) not in placed:
                    key = seen.setdefault((lang, word.lower()), slug(word.lower()))
                    registry.add("keyword", key, {lang: word}, word, lang, "keyword", alias=word)
                    keys[(a.document_id, a.order, lang, i)] = key
    return keys
