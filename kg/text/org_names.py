"""An institution's name as printed, in the nominative, by its language: a Kazakh case ending
dropped («институтының» -> «институты»), a Russian genitive put back through pymorphy3
(«Института философии» -> «Институт философии»), an English article or possessive cut.

>>> nominative_org("дінтану институтының", "kk"), nominative_org("The World Bank's", "en")
('дінтану институты', 'World Bank')
"""

from __future__ import annotations

import re

from kg.text.kk_morph import normalize_kk

__all__ = ["nominative_org"]

_ENGLISH_EDGES = re.compile(r"^(?:[Tt]he)\s+|['’]s$")


def nominative_org(name: str, lang: str) -> str:
    """``name`` (an institution's, as printed in ``lang``) in the nominative."""
    if lang == "kk":
        return normalize_kk(name)
    if lang == "ru":
        from kg.text.ru_morph import normalize_ru  # deferred: loads pymorphy3

        return normalize_ru(name, "ORG")
    return _ENGLISH_EDGES.sub("", name)
