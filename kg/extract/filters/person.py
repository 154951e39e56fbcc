"""Persons need a name shape: given name + surname, initials + surname, or a known surname.

* every word of a name is capitalised (particles such as *von*, *де*, *әл* aside): «Орнықты
  даму мақсаттарын» is not a person;
* a word right before a settlement or region head («Жетібай ауылы») is a place, not a person;
* a name of several words the country gazetteer knows ("South Africa") is a country;
* a Latin-script name in Kazakh or Russian text must read as an English person's name
  ("Regulatory Capture", "Doing Business" are not);
* a single word stands for a surname: the common-word filter (:mod:`.common`) has already
  dropped capitalised common words, and :mod:`.region` uses :data:`SURNAME_END` and the other
  persons of the paragraph to tell a thinker from a place.

>>> from kg.extract.filters.context import FilterContext
>>> text = "Зигмунт Бауман, Бауман және Назарбаев. Жетібай ауылы. Орнықты даму мақсаттарын"
>>> found = [Candidate(m.start(), m.end(), "PERSON", "ner") for m in re.finditer(
...     r"Зигмунт Бауман|Бауман|Назарбаев|Жетібай|Орнықты даму мақсаттарын", text)]
>>> [text[c.start:c.end] for c in filter_persons(FilterContext(text, "kk"), found)]
['Зигмунт Бауман', 'Бауман', 'Назарбаев']
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.filters.context import FilterContext, confirmed, surface, words
from kg.extract.spans import Candidate
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.text.lang import script_letters
from kg.text.names import fold, parse_name

__all__ = ["PLACE_HEADS", "SURNAME_END", "filter_persons", "name_shaped"]

#: Words after a place name («Жетібай ауылы», "Burnie city").
PLACE_HEADS = re.compile(
    r"\s+(?:ауыл|қала|облыс|аудан|елді|кент|village|city|town|region|oblast|district|province|"
    r"сел[оа]|город|област|район|поселк)", re.IGNORECASE)
#: Kazakh, Russian, Ukrainian and other post-Soviet surname endings (any script).
SURNAME_END = re.compile(
    r"(?:ов|ев|ёв|ин|ына|ова|ева|ёва|ина|ский|ская|цкий|цкая|ұлы|улы|қызы|кызы|енко|ук|юк|ян|"
    r"швили|дзе|ович|евич|ov|ev|in|ova|eva|ina|sky|skiy|skaya|uly|kyzy|enko|yan)(?:[^\W\d_]{0,4})$",
    re.IGNORECASE)
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "la", "le", "du", "del",
                        "bin", "ibn", "al", "el", "әл", "аль", "ал", "фон", "ван", "де", "дер",
                        "ибн", "бин"})
_INITIAL = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]*$")
#: The title of a khan, lower-case inside his name: «Шыңғыс хан», «Абылай ханның».
_KHAN = re.compile(r"хан(?:ның|ға|ды|нан|мен|да|ы)?")


def name_shaped(text: str) -> bool:
    """Every word capitalised, or an initial, or a particle, or a khan's title after his name.

    >>> name_shaped("Н.Ә. Назарбаев"), name_shaped("Otto von Bismarck"), name_shaped("даму мақсаты")
    (True, True, False)
    >>> name_shaped("Шыңғыс ханның"), name_shaped("хан")
    (True, False)
    """
    ws = words(text)
    return bool(ws) and all(w[:1].isupper() or w.lower() in _PARTICLES or _INITIAL.match(w)
                            or (i > 0 and _KHAN.fullmatch(w)) for i, w in enumerate(ws))


def _surnames(ctx: FilterContext, found: list[Candidate]) -> frozenset[str]:
    keys = set()
    for cand in found:
        if cand.label == "PERSON" and len(words(surface(ctx, cand))) > 1:
            parsed = parse_name(cand.canonical or surface(ctx, cand))
            if parsed.surname:
                keys.add(fold(parsed.surname))
    return frozenset(keys)


_LATIN = script_letters("Latn")
_CYRILLIC = script_letters("Cyrl")


def _latin_person(ws: list[str]) -> bool:
    """A Latin-script name inside non-English text is a person only if it reads as one in
    English (no head word or stop word; a known given name, a surname ending, or no common
    English word) and does not mix scripts.

    >>> _latin_person(["John", "Rawls"]), _latin_person(["Regulatory", "Capture"]), _latin_person(["Манович", "Photoshop"])
    (True, False, False)
    """
    from kg.extract.en.lexicon import (  # deferred: kg.extract.en imports the filters
        is_name_like,
        is_person_pair,
    )

    if any(_CYRILLIC.search(w) for w in ws) or len(ws) < 2:
        return False
    if not all(is_name_like(w) or not w.isascii() for w in ws):
        return False
    return is_person_pair(ws[0], ws[-1]) or not any(is_common_word(w, "en") for w in ws)


def filter_persons(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Drop person spans without a name shape (see the module's rules)."""
    out = []
    for cand in found:
        if cand.label != "PERSON" or confirmed(ctx, cand):
            out.append(cand)
            continue
        text = surface(ctx, cand)
        ws = words(text)
        if lookup_country(text, ctx.lang) is not None and len(ws) > 1:
            out.append(replace(cand, label="GPE"))  # "South Africa" taken for a person
            continue
        if ctx.lang != "en" and _LATIN.search(text) and not _latin_person(ws) and cand.source != "citation":
            continue  # "Regulatory Capture", "Doing Business", «Манович Photoshop» in Kazakh text
            # (an author of an author-year citation, "(Braun & Clarke, 2006)", is vouched for)
        if not ws or not name_shaped(text) or PLACE_HEADS.match(ctx.text, cand.end):
            continue
        out.append(cand)
    return out
