"""Persons in Russian text read without the model: a given name and a surname of a Russian
surname's shape, in any case, put into the nominative («зачем Алмасбеку Садырбаеву нужна
партия», «задержали главу «Шанырака» Алмасбека Садырбаева»), and the curated people list's
persons, by a surname alone too («Токаев предложил СНГ …»).

natasha finds persons in Russian prose; where text is read by the rules alone (the titles of
reference entries: news items name people) nothing did. Resolution keeps such a person only as
one the corpus names elsewhere (:data:`kg.model.REFERENCE_TEXT_SOURCE`), so a pair of words
that only looks like a name makes no node.

>>> [(c.canonical, c.label) for c in find_persons("зачем Алмасбеку Садырбаеву нужна партия")]
[('Алмасбек Садырбаев', 'PERSON')]
>>> find_persons("Российской Федерации и Министерству Иностранных дел")
[]
>>> [(c.canonical, c.source) for c in find_persons("Токтар Б. Токаев предложил; Профессор Мишель Фуко")]
[('Касым-Жомарт Токаев', 'people'), ('Мишель Фуко', 'people')]
"""

from __future__ import annotations

import re

from kg.extract.ru.morph import normalize
from kg.extract.spans import Candidate, known_runs
from kg.lexicon.countries import lookup_country
from kg.lexicon.people import lookup_person
from kg.lexicon.places import lookup_place

__all__ = ["find_persons"]

SOURCE = "names"
_SURNAME = (r"[А-ЯЁ][а-яё]+?(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая)"
            r"(?:а|у|ым|ом|е|ой|ою|ого|ому|ую)?")
_RUN = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:[ \t]+[А-ЯЁ][а-яё]+){0,2}(?![\w.-])")
_PAIR = re.compile(rf"(?<![\w-])[А-ЯЁ][а-яё]{{2,}}[ \t]+{_SURNAME}(?![\w-])")


def find_persons(text: str) -> list[Candidate]:
    """``Given Surname`` pairs and catalogued persons of ``text`` (see the module); no place."""
    out = _catalogued(text)
    for m in _PAIR.finditer(text):
        first, last = m.group().split()
        if any(lookup_country(w, "ru") or lookup_place(w, "ru") for w in (first, last)):
            continue
        out.append(Candidate(m.start(), m.end(), "PERSON", SOURCE, normalize(m.group(), "PER")))
    return out


def _catalogued(text: str) -> list[Candidate]:
    """The people list's persons among runs of capitalised words, longest first, in the
    nominative; not a word that is also a place or country."""
    return [Candidate(start, end, "PERSON", "people", entry.names.get("ru", text[start:end]))
            for start, end, entry in known_runs(_RUN, text, lambda s, e, _: _person(text[s:e]))]


def _person(name: str) -> object:
    """The catalogued person ``name`` (any case) names, unless it is a place or country."""
    if lookup_country(name, "ru") or lookup_place(name, "ru"):
        return None
    return lookup_person(normalize(name, "PER")) or lookup_person(name)
