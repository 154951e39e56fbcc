"""Currencies: the country in a currency's name is no mention of the country.

«2,32 трлн АҚШ долларына жетті», "1.35 billion US dollars", «млн долларов США»: the text
speaks of money, not of the United States; the same holds for «Қытай юані», «Ресей рублі»,
"Hong Kong dollars". A country or place right before a currency word (Kazakh, English) or
right after one (Russian) is dropped.

>>> from kg.extract.filters.context import FilterContext
>>> text = "АҚШ-та үлес 7% болды, 1,35 млрд АҚШ долларын құрады"
>>> found = [Candidate(0, 6, "GPE", "gazetteer"), Candidate(32, 35, "GPE", "gazetteer")]
>>> [text[c.start:c.end] for c in drop_currency_countries(FilterContext(text, "kk"), found)]
['АҚШ-та']
"""

from __future__ import annotations

import re

from kg.extract.filters.context import FilterContext
from kg.extract.spans import Candidate

__all__ = ["drop_currency_countries"]

_PLACES = frozenset({"GPE", "GPE_SUB"})
#: A currency word after the country: «АҚШ долларына», «Қытай юані», "US dollars", "Hong Kong dollar".
_AFTER = re.compile(r"\s+(?:доллар|юан|рубл|евро|фунт|иен|теңге|dollar|yuan|renminbi|rouble|ruble|"
                    r"euro|pound|yen|franc|lira|rupee|won)", re.IGNORECASE)
#: A Russian currency word before the country: «долларов США», «юаней КНР».
_BEFORE = re.compile(r"(?:доллар\w*|юан\w*|рубл\w*|евро|фунт\w*|иен\w*)\s+$", re.IGNORECASE)


def drop_currency_countries(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the places that only name a currency's country."""
    text = ctx.text
    return [c for c in found if c.label not in _PLACES
            or not (_AFTER.match(text, c.end) or _BEFORE.search(text, max(0, c.start - 20), c.start))]
