"""Spans that cannot be names at all: no letters, numbers, codes, bibliographic markers
(``URL``, ``DOI``), a name cut after a conjunction or a preposition ("Facts And" of an
English title inside Kazakh text).

>>> from kg.extract.filters.context import FilterContext
>>> text = "23,0 және КЖ-03 пен Қазақстан"
>>> found = [Candidate(0, 4, "ORG", "ner"), Candidate(10, 15, "PERSON", "ner"),
...          Candidate(20, 29, "GPE", "gazetteer")]
>>> [text[c.start:c.end] for c in drop_non_names(FilterContext(text, "kk"), found)]
['Қазақстан']
"""

from __future__ import annotations

import re

from kg.extract.filters.context import FilterContext, surface
from kg.extract.spans import Candidate

__all__ = ["drop_non_names", "ends_on_function_word", "is_code"]

# «КЖ-03», «Q12», «H1»: a few letters and a number (a respondent code, a hypothesis, a cell)
_CODE = re.compile(r"\W*[^\W\d_]{1,4}-?\d{1,4}(?:-[^\W\d_]+)?\W*")


def is_code(text: str) -> bool:
    """True for a code such as ``КЖ-03`` (with a Kazakh suffix too: ``КЖ-03-тің``).

    >>> is_code("КЖ-03"), is_code("КЖ-07-нің"), is_code("G20"), is_code("Абай")
    (True, True, True, False)
    """
    return _CODE.fullmatch(text) is not None


#: Markers of a reference entry, never a name: «URL: <https://…>», «DOI: 10.…».
_MARKERS = frozenset({"URL", "DOI", "ISBN", "ISSN", "URI", "PDF", "HTML", "PMID"})


#: Words no name ends with (a law's title may end with «туралы»: laws are not checked).
_CUT_AFTER = frozenset("of the and for on in at to by a an и в по для при на с о об және мен бен пен"
                       .split())
_NAME_KINDS = frozenset({"PERSON", "ORG", "GPE", "GPE_SUB"})


def ends_on_function_word(text: str) -> bool:
    """True if the last word of ``text`` is a conjunction or a preposition: a name cut short.

    >>> ends_on_function_word("Facts And"), ends_on_function_word("Ернст энд Янг")
    (True, False)
    """
    ws = text.split()
    return len(ws) > 1 and ws[-1].lower() in _CUT_AFTER


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def drop_non_names(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Drop spans with fewer letters than digits, shaped like a code or a bibliographic
    marker, or ending on a function word."""
    out = []
    for cand in found:
        text = surface(ctx, cand)
        digits = sum(c.isdigit() for c in text)
        if _letters(text) < 2 or _letters(text) < digits:
            continue
        if (is_code(text) or text in _MARKERS) and cand.source not in ("gazetteer", "catalogue"):
            continue
        if cand.label in _NAME_KINDS and ends_on_function_word(text):
            continue
        out.append(cand)
    return out
