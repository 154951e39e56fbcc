"""Persons of the curated people list named in English text, in any spelling the list's lookup
reads ("Viktor Yanukovich" for Yanukovych), and by a surname alone ("but Zelensky withdrew
it"), which no other English rule takes for a person.

A run of up to three capitalised words is looked up whole, then shorter, longest first. A
one-word hit is weak (any longer name over it wins: "Taylor & Francis" is a publisher) and
is dropped where a capital proves nothing (a sentence start with a common English word), and
a name before a designator ("Abai Region", "Nazarbayev University") is not the person.

>>> text = "President Viktor Yanukovich resigned, but Zelensky withdrew it; Kassym-Jomart Tokayev"
>>> [(text[c.start:c.end], c.priority) for c in find_catalogued_persons(text)]
[('Viktor Yanukovich', 2), ('Zelensky', 1), ('Kassym-Jomart Tokayev', 2)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.en.lexicon import SENTENCE_START, stop_words
from kg.extract.en.rules import LIST, WEAK
from kg.extract.spans import Candidate, known_runs, sentence_initial
from kg.lexicon.countries import lookup_country
from kg.lexicon.people import lookup_person
from kg.lexicon.places import lookup_place

__all__ = ["find_catalogued_persons"]

_WORD = r"[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ]?[a-zß-ÿ'’]+)*"  # Kassym-Jomart, Jürgen
_RUN = re.compile(rf"(?<![\w'’-]){_WORD}(?:\s+{_WORD}){{0,2}}(?![\w-])")
#: Words after a name that make it another thing's name: a region, a university, a prize.
_DESIGNATED = re.compile(r"\s+(?:Region|Oblast|District|Province|University|Street|Avenue|Square|Administration|"
                         r"Prize|Award|Foundation|Fund|Library|Museum|Airport|Institute|Center|"
                         r"Centre|School|Press|Theatre|Theater|&)\b")


def find_catalogued_persons(text: str) -> Iterator[Candidate]:
    """Catalogued persons of ``text`` (see the module)."""
    for start, end, words in known_runs(_RUN, text, lambda s, e, _: _person(text, s, e)):
        yield Candidate(start, end, "PERSON", "people", priority=LIST if words > 1 else WEAK)


def _person(text: str, start: int, end: int) -> int | None:
    """The number of words of the catalogued person ``text[start:end]`` names, else None."""
    name = text[start:end]
    words = len(name.split())
    if _DESIGNATED.match(text, end) or lookup_person(name) is None:
        return None
    if lookup_country(name, "en") is not None or lookup_place(name, "en") is not None:
        return None
    if words == 1 and sentence_initial(text, start, SENTENCE_START) and name.lower() in stop_words():
        return None
    return words
