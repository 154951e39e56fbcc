"""``reports/entities.csv``: every entity with its labels, mention count and forms, for review.

A user reads it to find junk or one thing split in two, and writes the fix into a thesaurus
(:mod:`kg.resolve.thesaurus`).

>>> from kg.model import Article, Author, Mention, Span
>>> from kg.resolve import resolve
>>> m = Mention("d1", 0, 12, "Қазақстанның", "GPE", "kk", "Қазақстан")
>>> r = resolve([], [m])
>>> print(entities_csv(r, [m], [], "http://e/").splitlines()[1])
http://e/country/kz,country,Қазақстан,Қазақстан,Казахстан,Kazakhstan,1,0,Қазақстанның
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from kg.csvsafe import csv_text
from kg.iri import mint
from kg.model import Article, Mention
from kg.resolve import Resolution

COLUMNS = ("iri", "type", "label", "label_kk", "label_ru", "label_en", "mentions",
           "authorships", "forms")


def entities_csv(resolution: Resolution, mentions: Iterable[Mention],
                 articles: Sequence[Article], base: str) -> str:
    """The CSV text: one row per entity, most mentioned first within each type."""
    counts: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        target = resolution.mentions.get((m.document_id, m.start, m.end, m.label))
        if target:
            counts[target] += 1
            forms[target][" ".join(m.text.split())] += 1
    ships: Counter[tuple[str, str]] = Counter()
    for a in articles:
        for i, author in enumerate(a.authors):
            key = resolution.authors.get((a.document_id, a.order, i))
            if key:
                ships[("person", key)] += 1
                for name in author.names.values():
                    forms[("person", key)][name] += 1
    rows = []
    for ref, e in sorted(resolution.entities.items(),
                         key=lambda kv: (kv[0][0], -counts[kv[0]] - ships[kv[0]], kv[0][1])):
        shown = " | ".join(f for f, _ in sorted(forms[ref].items(), key=lambda fc: (-fc[1], fc[0])))
        rows.append([mint(*ref, base), e.kind, e.label(), e.labels.get("kk", ""),
                     e.labels.get("ru", ""), e.labels.get("en", ""), counts[ref], ships[ref], shown])
    return csv_text(COLUMNS, rows)
