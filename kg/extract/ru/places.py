"""Countries and places the gazetteers know, in Russian text read without the model.

natasha finds places in Russian prose; where text is read by the rules alone (reference
entries, the front matter's lists: ``Профессор университета Индиана, Ph.D (США)``, ``М.:
Наука, 2010``) the rules found none. This finder reads runs of capitalised words (one to three,
the longest first) and keeps those the countries table (:func:`kg.lexicon.countries.lookup_country`)
or the places table (:func:`kg.lexicon.places.lookup_place`) names, in any case form. A place
must also be a geographical name to pymorphy3 or no common word (``Мир``, ``Наука`` are words
before they are towns), and a one-word place is no first name (``Абай Естекбаев``: a town
before a capitalised word that is no place is a person's name). A country after a territory's
designator is that territory (``Вашингтон, округ Колумбия``).

>>> [(c.label, c.canonical) for c in find_places("Отношения России и Южной Кореи. М.: Наука, 2010")]
[('GPE', 'Россия'), ('GPE', 'Южная Корея')]
>>> [(c.label, c.canonical) for c in find_places("Профессор университета Индиана (США), Москва")]
[('GPE', 'США'), ('GPE_SUB', 'Москва')]
>>> find_places("Абай Естекбаев. Вашингтон, округ Колумбия")
[Candidate(start=16, end=25, label='GPE_SUB', source='gazetteer', canonical='Вашингтон', priority=0, preference=0)]
"""

from __future__ import annotations

import re

from kg.extract.ru.morph import analyse, normalize
from kg.extract.spans import Candidate
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place

__all__ = ["find_places"]

SOURCE = "gazetteer"
_WORD = r"[А-ЯЁ][А-ЯЁа-яё]*(?:-[А-ЯЁа-яё]+)*"
#: A run of up to three capitalised Cyrillic words.
_RUN = re.compile(rf"(?<![\w-]){_WORD}(?:[ \t]+{_WORD}){{0,2}}(?![\w-])")
_LONGEST = 3
#: Words before a territory that shares a country's name.
_TERRITORY = re.compile(r"(?:округ|штат|провинци[яи]|графств[оа])\s+$", re.IGNORECASE)


def find_places(text: str) -> list[Candidate]:
    """Country (GPE) and place (GPE_SUB) spans of ``text`` the gazetteers know."""
    out: list[Candidate] = []
    for run in _RUN.finditer(text):
        words = list(re.finditer(_WORD, run.group(0)))
        i = 0
        while i < len(words):
            for n in range(min(_LONGEST, len(words) - i), 0, -1):
                start = run.start() + words[i].start()
                end = run.start() + words[i + n - 1].end()
                found = _place(text[start:end])
                if found is not None and (found[0] == "GPE_SUB" and n == 1 < len(words)
                                          or found[0] == "GPE" and _TERRITORY.search(text[:start])):
                    found = None  # a first name («Абай Естекбаев»); «округ Колумбия»
                if found is not None:
                    out.append(Candidate(start, end, found[0], SOURCE, found[1]))
                    i += n
                    break
            else:
                i += 1
    return out


def _place(surface: str) -> tuple[str, str] | None:
    """``(label, canonical)`` of a name the countries or places table knows, else None."""
    if lookup_country(surface, "ru") is not None:
        return "GPE", surface if surface.isupper() else normalize(surface, "LOC")
    if " " not in surface and not _proper(surface):
        return None
    if lookup_place(surface, "ru") is not None:
        return "GPE_SUB", normalize(surface, "LOC")
    return None


def _proper(word: str) -> bool:
    """Is ``word`` a geographical name, or no common Russian word?"""
    info = analyse(word.lower())
    return info.geo or not info.known
