"""What pymorphy3 says about Russian words, cached: lemmas, cases, parts of speech, name tags.

The analyser is loaded on first use.

>>> sorted(head_lemmas("Законом")), has_case("университета", "gent")
(['закон'], True)
>>> normalize("Министерством иностранных дел", "ORG")
'Министерство иностранных дел'
>>> is_country("Казахстаном", "Казахстан"), is_country("Алматы", "Алматы")
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.extract.ru.words import LAW_HEADS, ORG_QUOTE_HEADS, PROGRAM_HEADS
from kg.lexicon.countries import lookup_country
from kg.text.ru_morph import normalize_ru

__all__ = [
    "WordInfo", "adjective_lemma", "analyse", "has_case", "head_cases", "head_lemmas",
    "is_adjective", "is_country", "load_analyzer", "normalize", "noun_lemmas",
]


@dataclass(frozen=True)
class WordInfo:
    """What the analyser says about one word form (all parses together)."""

    lemmas: frozenset[str]
    cases: frozenset[str]  # cases of noun/adjective/participle parses
    pos: frozenset[str]
    known: bool
    name_like: bool  # a Name/Surn/Patr parse
    geo: bool  # a Geox parse
    top_pos: str  # part of speech of the likeliest parse


_CASE_NAMES = {"gen1": "gent", "gen2": "gent", "loc2": "loct", "acc2": "accs"}


@lru_cache(maxsize=1)
def load_analyzer() -> Any:
    """pymorphy3's analyser, loaded once."""
    from pymorphy3 import MorphAnalyzer  # deferred: loads pymorphy3's dictionaries

    return MorphAnalyzer()


@lru_cache(maxsize=65536)
def analyse(text: str) -> WordInfo:
    """All parses of a (lower-case) word form, summed up."""
    parses = load_analyzer().parse(text)
    lemma_set, cases, pos = set(), set(), set()
    is_name_like = geo = False
    for p in parses:
        tag = p.tag
        pos.add(str(tag.POS))
        if tag.POS == "NOUN":
            lemma_set.add(p.normal_form)
        if tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR") and tag.case:
            cases.add(_CASE_NAMES.get(tag.case, tag.case))
        grams = tag.grammemes
        is_name_like = is_name_like or bool(grams & {"Name", "Surn", "Patr"})
        geo = geo or "Geox" in grams
    known = any(p.is_known for p in parses)
    top = str(parses[0].tag.POS) if parses else ""
    return WordInfo(frozenset(lemma_set), frozenset(cases), frozenset(pos), known, is_name_like,
                    geo, top)


def noun_lemmas(text: str) -> frozenset[str]:
    """Noun lemmas of a word (none for a number or a mark)."""
    return analyse(text.lower()).lemmas if text[:1].isalpha() else frozenset()


@lru_cache(maxsize=1)
def _head_forms() -> dict[str, frozenset[str]]:
    """Every inflected form of every head noun -> its lemmas (a cheap pre-filter)."""
    forms: dict[str, set[str]] = {}
    for lemma in LAW_HEADS | PROGRAM_HEADS | ORG_QUOTE_HEADS:
        for parse in load_analyzer().parse(lemma):
            if parse.normal_form == lemma and parse.tag.POS == "NOUN":
                for form in parse.lexeme:
                    forms.setdefault(form.word.replace("ё", "е"), set()).add(lemma)
                break
    return {k: frozenset(v) for k, v in forms.items()}


def head_lemmas(text: str) -> frozenset[str]:
    """Head lemmas of a word, if it is a form of one (``Законом`` -> {"закон"})."""
    return _head_forms().get(text.lower().replace("ё", "е"), frozenset())


def head_cases(text: str, lemma: str) -> frozenset[str]:
    """The cases ``text`` can have as a form of the head noun ``lemma``."""
    parses = load_analyzer().parse(text.lower())
    cases = {p.tag.case for p in parses if p.normal_form == lemma and p.tag.case}
    return frozenset({"gent" if c in ("gen1", "gen2") else "loct" if c == "loc2" else c
                      for c in cases})


def is_adjective(text: str) -> bool:
    """An adjective or participle (a capitalised noun-or-adjective counts as a noun)."""
    w = analyse(text.lower())
    return bool(w.pos & {"ADJF", "PRTF"}) and not (w.pos & {"NOUN"} and not text[:1].islower())


def has_case(text: str, case: str) -> bool:
    """True if some noun/adjective parse of ``text`` is in ``case``."""
    return case in analyse(text.lower()).cases


@lru_cache(maxsize=4096)
def adjective_lemma(text: str) -> str:
    """The lemma of ``text`` read as an adjective or pronoun, else of its likeliest parse."""
    parses = load_analyzer().parse(text.lower())
    for p in parses:
        if p.tag.POS in ("ADJF", "PRTF", "NPRO") or "Apro" in p.tag:
            return p.normal_form
    return parses[0].normal_form if parses else text.lower()


@lru_cache(maxsize=16384)
def normalize(text: str, label: str = "") -> str:
    """Nominative form of a Russian name (``label`` PER/PERSON uses the person rules)."""
    return normalize_ru(text, label)


def is_country(surface: str, canonical: str = "") -> bool:
    """True if the mention (or its canonical form) names a country the gazetteer knows."""
    return lookup_country(surface, "ru") is not None or (
        bool(canonical) and lookup_country(canonical, "ru") is not None
    )
