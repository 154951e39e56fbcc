"""Tables, captions and lines of figures are not prose: only confirmed names are taken there.

A span on a table-like line (:func:`kg.text.tables.is_table_line`) is kept only if a gazetteer,
a catalogue, the people list or the document's authors confirm it: a country in a table is
still a country, «Константа» and «Residual Std» are not a law and a person.

>>> from kg.extract.filters.context import FilterContext
>>> text = "Residual Std. Error\\t36,926\\tQazaqstan\\nKazakhstan"
>>> found = [Candidate(0, 12, "PERSON", "name"), Candidate(37, 47, "GPE", "gazetteer")]
>>> [text[c.start:c.end] for c in drop_in_tables(FilterContext(text, "en"), found)]
['Kazakhstan']
"""

from __future__ import annotations

from kg.extract.filters.context import FilterContext, confirmed
from kg.extract.spans import Candidate

__all__ = ["drop_in_tables"]


def drop_in_tables(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Drop unconfirmed spans that lie on table-like lines."""
    if not ctx.tables:
        return found
    return [c for c in found if not ctx.in_table(c) or confirmed(ctx, c)]
