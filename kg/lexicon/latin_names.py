"""The catalogue's names written in Latin letters, for the gazetteer of English text
(:mod:`kg.extract.en.rules`): programs ("Auyl – El Besigi", "Zhana Kazakhstan") and
institutions ("European Commission", "Kazinform"), acronyms left out (those are matched
case-sensitively on their own), longest first.

>>> "Auyl – El Besigi" in latin_program_names(), "TSA" in latin_program_names()
(True, False)
>>> "European Commission" in latin_institution_names(), "OECD" in latin_institution_names()
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.lexicon.catalog import PROGRAM_KINDS, CatalogEntry, institutions, is_acronym, legal_acts

__all__ = ["latin_institution_names", "latin_program_names"]

_LATIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.'’()–—-]*")


def latin_program_names() -> tuple[str, ...]:
    """The Latin names of catalogued programs, longest first."""
    return _latin_names(e for e in legal_acts() if e.kind in PROGRAM_KINDS)


def latin_institution_names() -> tuple[str, ...]:
    """The Latin names of catalogued institutions, longest first."""
    return _latin_names(institutions())


def _latin_names(entries: Iterable[CatalogEntry]) -> tuple[str, ...]:
    names = {name for e in entries for name in e.surfaces()
             if _LATIN_NAME.fullmatch(name) and not is_acronym(name)}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))
