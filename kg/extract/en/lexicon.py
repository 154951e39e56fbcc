"""What an English word is: a stop word, a country, part of a person's name, a head noun.

>>> is_name_like("Tokayev"), is_name_like("Development"), is_person_pair("Donald", "Trump")
(True, False, True)
>>> classify_head("Ministry"), "Kazakhstan" in country_set()
('ORG', True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from kg.extract.en.words import (
    CITIES, COUNTRIES, DEMONYMS, GIVEN_NAMES, LAW_HEADS, NAME, NOT_NAMES, NOT_NAME_SUFFIX,
    ORG_HEADS, PROGRAM_HEADS, SURNAME_END,
)
from kg.extract.spans import SentenceStart
from kg.lexicon.countries import countries

__all__ = [
    "SENTENCE_START", "classify_head", "country_names", "country_set", "find_headings",
    "is_inside", "is_name_like", "is_person_pair", "join_alternatives", "stop_words",
]

#: A sentence starts after ``. ! ? : ;`` and a space, a line break, or an opening quote or
#: parenthesis, within 6 characters.
SENTENCE_START = SentenceStart(re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[«\"“(]\s*)$"), 6)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS  # deferred: loads spaCy

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    """English country names and aliases: kg.lexicon.countries's plus the built-in list."""
    names = set(COUNTRIES)
    for country in countries():
        for name in (country.names.get("en", ""), *country.aliases):
            if name and re.fullmatch(r"[A-Za-z][A-Za-z .,'’&-]*", name) and not name.islower():
                names.add(name)
    return tuple(names)


def join_alternatives(names: Iterable[str]) -> str:
    """A regular expression alternation of ``names``, the longest first."""
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@lru_cache(maxsize=1)
def country_set() -> frozenset[str]:
    """:func:`country_names` as a set."""
    return frozenset(country_names())


def is_name_like(word: str) -> bool:
    """A word that may be part of a person's name."""
    if not re.fullmatch(NAME, word) or len(word) < 2:
        return False
    if word in NOT_NAMES or word in DEMONYMS or word.lower() in stop_words():
        return False
    if word in ORG_HEADS or word in LAW_HEADS or word in PROGRAM_HEADS:
        return False
    if word in country_set() or word in CITIES:
        return False
    return not (NOT_NAME_SUFFIX.fullmatch(word.lower()) or word.endswith("ian")
                and word not in ("Christian", "Julian", "Brian", "Adrian", "Sebastian"))


def is_person_pair(first: str, last: str) -> bool:
    """``First Last`` looks like a person: a known given name or a surname ending.

    >>> is_person_pair("Donald", "Trump"), is_person_pair("Child", "Poverty")
    (True, False)
    """
    return first in GIVEN_NAMES or first.split("-")[0] in GIVEN_NAMES or bool(
        SURNAME_END.fullmatch(last.lower()) and not last.endswith(("es", "ins")))


def find_headings(text: str) -> list[tuple[int, int]]:
    """Lines in capitals or Title Case, where capitalisation says nothing."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        words = re.findall(r"[A-Za-z][\w'’-]*", m.group())
        if len(words) < 2 or len(words) > 16 or re.search(r"[.!?;,]\W*$", m.group()) and not (
                m.group().isupper()):
            continue  # a sentence, not a heading
        content = [w for w in words if w.lower() not in stop_words()] or words
        if sum(w[0].isupper() for w in content) >= 0.8 * len(content):
            out.append((m.start(), m.end()))
    return out


def is_inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if ``start:end`` lies within one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


def classify_head(word: str) -> str | None:
    """The label a head noun gives a name ending in it (``Ministry`` -> ``ORG``)."""
    if word in ORG_HEADS:
        return "ORG"
    if word in LAW_HEADS:
        return "LAW"
    if word in PROGRAM_HEADS:
        return "PROGRAM"
    return None
