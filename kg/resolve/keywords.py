"""Keywords as concepts: aligned kk/ru/en lists (same length) give one concept per position.

>>> from kg.model import Article, Span
>>> from kg.resolve.registry import Registry
>>> a = Article("d1", "x", 1, Span(0, 1), Span(0, 1),
...             keywords={"kk": ("саясат",), "en": ("policy",)})
>>> keyword_concepts(Registry(), [a])
{('d1', 1, 'kk', 0): 'policy', ('d1', 1, 'en', 0): 'policy'}
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.iri import slug
from kg.model import Article
from kg.resolve.registry import Registry

#: A keyword's place: (document id, article order, language, index in its list).
KeywordPlace = tuple[str, int, str, int]


def keyword_concepts(registry: Registry, articles: Sequence[Article]) -> dict[KeywordPlace, str]:
    """The concept key of every keyword of ``articles``."""
    keys: dict[KeywordPlace, str] = {}
    for a in articles:
        lists = {k: v for k, v in a.keywords.items() if v}
        aligned = len({len(v) for v in lists.values()}) == 1
        for lang, words in lists.items():
            for i, word in enumerate(words):
                labels = {lg: lists[lg][i] for lg in lists} if aligned else {lang: word}
                key = slug((labels.get("en") or word).lower())
                reason = "aligned keyword lists" if aligned else "keyword"
                registry.add("keyword", key, labels, word, lang, reason)
                keys[(a.document_id, a.order, lang, i)] = key
    return keys
