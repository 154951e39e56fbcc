"""Regions (``GPE_SUB``): a place the gazetteers know, or one with a region head word.

* continents and macro-regions are not regions («Орталық Азия», "Europe", «Латинская Америка»);
* a statistical model's place that no gazetteer knows and that has no head word (облысы,
  ауданы, region, область ...) is dropped, unless it is a person's surname: a thinker
  («Бауман», «Манович», «Арендт») becomes a ``PERSON`` when the people list, the document's
  authors or another person of the paragraph knows the surname, or it has a surname ending.

>>> from kg.extract.filters.context import FilterContext
>>> text = "Зигмунт Бауман, Бауман, Манович, Орталық Азия, Алматы, Өсімдік"
>>> found = [Candidate(0, 14, "PERSON", "ner")] + [
...     Candidate(m.start(), m.end(), "GPE_SUB", "ner") for m in re.finditer(
...     r"(?<=, )Бауман|Манович|Орталық Азия|Алматы|Өсімдік", text)]
>>> [(text[c.start:c.end], c.label) for c in filter_regions(FilterContext(text, "kk"), found)]
[('Зигмунт Бауман', 'PERSON'), ('Бауман', 'PERSON'), ('Манович', 'PERSON'), ('Алматы', 'GPE_SUB')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.filters.context import FilterContext, confirmed, surface, words
from kg.extract.filters.person import SURNAME_END, _surnames
from kg.extract.spans import Candidate
from kg.lexicon.people import lookup_person
from kg.text.names import fold

__all__ = ["MACRO_REGIONS", "filter_regions"]

#: Continents and macro-regions (folded stems), which are not regions of a country.
MACRO_REGIONS = frozenset(fold(w) for w in (
    "Азия", "Еуропа", "Европа", "Африка", "Америка", "Океания", "Еуразия", "Евразия",
    "Asia", "Europe", "Africa", "America", "Americas", "Oceania", "Eurasia", "Antarctica",
))
_DIRECTIONS = re.compile(
    r"^(?:Орталық|Шығыс|Батыс|Солтүстік|Оңтүстік|Латын|Центральн\w*|Восточн\w*|Западн\w*|"
    r"Северн\w*|Южн\w*|Латинск\w*|Central|Eastern|Western|Northern|Southern|Latin|East|West|"
    r"North|South)\s+")
_MACRO_PREFIXES = tuple(sorted(MACRO_REGIONS))
_MACRO_LONGEST = max(map(len, MACRO_REGIONS))
_HEADS = re.compile(
    r"(?:облыс|аудан|қала|ауыл|өлке|region|oblast|province|district|city|county|state|област|"
    r"район|город|край|округ)", re.IGNORECASE)
_MODEL_SOURCES = frozenset({"ner", "natasha"})
# «Балқаш, Еңбекшіқазақ, Кеген және Ұйғыр аудандарында», «Алатау кентінде»: a head after a list
_HEAD_AFTER = re.compile(
    r"(?:\s*(?:,|және|мен|и|and)\s*[^\W\d_]+)*\s+(?:облыс|аудан|қала|ауыл|кент|өлке|region|"
    r"oblast|province|district|city|county|област|район|город|край|округ|посел)", re.IGNORECASE)


def _macro(text: str, canonical: str) -> bool:
    for name in (text, canonical):
        core = _DIRECTIONS.sub("", name.strip())
        ws = words(core)
        if len(ws) != 1:
            continue
        key = fold(ws[0])
        if len(key) <= _MACRO_LONGEST + 3 and key.startswith(_MACRO_PREFIXES):
            return True
    return False


def filter_regions(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Drop macro-regions and unknown head-less model places; thinkers become persons."""
    surnames: frozenset[str] | None = None
    out = []
    for cand in found:
        if cand.label != "GPE_SUB":
            out.append(cand)
            continue
        text = surface(ctx, cand)
        if _macro(text, cand.canonical):
            continue
        if _HEADS.search(text) or _HEAD_AFTER.match(ctx.text, cand.end) or (cand.source not in _MODEL_SOURCES and confirmed(ctx, cand)):
            out.append(cand)
            continue
        if confirmed(ctx, cand):
            out.append(cand)
            continue
        if surnames is None:
            surnames = _surnames(ctx, found) | ctx.known_keys
        key = fold(cand.canonical or text)
        if len(words(text)) == 1 and (key in surnames or fold(text) in surnames
                                      or lookup_person(cand.canonical or text) is not None
                                      or SURNAME_END.search(text)):
            out.append(replace(cand, label="PERSON"))
        elif cand.source not in _MODEL_SOURCES:
            out.append(cand)
    return out
