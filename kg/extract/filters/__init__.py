"""Precision filters applied to every language's candidate spans before they become mentions.

Each filter is a pure function ``f(context, candidates) -> candidates`` that may drop, relabel
or split spans; :data:`FILTERS` lists them in the order they run (one module per kind or
concern). :meth:`kg.extract.base.BaseExtractor.build_mentions` runs them, so every extractor
(kk, ru, en, and any language added later) gets them.

>>> from kg.extract.spans import Candidate
>>> text = "Лоббизм туралы. Константа\\t144,250\\t152,634"
>>> found = [Candidate(0, 7, "PERSON", "ner", "Лоббизм"), Candidate(16, 25, "LAW", "ner", "Константа")]
>>> apply_filters(text, "kk", found)
[]
>>> [name for name, _ in FILTERS][:3]
['shape', 'tables', 'common']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.extract.filters import (chains, common, currency, institution, law, person, program, region, shape,
                                tables)
from kg.extract.filters.context import FilterContext
from kg.extract.spans import Candidate

__all__ = ["FILTERS", "Filter", "FilterContext", "apply_filters"]

Filter = Callable[[FilterContext, list[Candidate]], list[Candidate]]

#: The filters, in the order they run: ``(name, function)``.
FILTERS: tuple[tuple[str, Filter], ...] = (
    ("shape", shape.drop_non_names),
    ("tables", tables.drop_in_tables),
    ("common", common.drop_common_words),
    ("currency", currency.drop_currency_countries),
    ("institution", institution.filter_institutions),
    ("chains", chains.join_and_nest),
    ("person", person.filter_persons),
    ("region", region.filter_regions),
    ("law", law.filter_laws),
    ("program", program.filter_programs),
)


def apply_filters(text: str, lang: str, candidates: Iterable[Candidate],
                  known_names: Iterable[str] = ()) -> list[Candidate]:
    """``candidates`` of ``text`` (a paragraph in ``lang``) after every filter, in text order."""
    ctx = FilterContext(text, lang, tuple(known_names))
    found = list(candidates)
    for _, apply in FILTERS:
        if not found:
            break
        found = apply(ctx, found)
    return sorted(found, key=lambda c: (c.start, c.end))
