"""Kazakh names found in our gazetteers: countries, places and catalogued laws and programs.

A run of up to three capitalised words is looked up whole, then without its last words, so
the longest known name wins; its span keeps the suffixes, its canonical form is the
gazetteer's name.

>>> [(c.start, c.end, c.label, c.canonical) for c in find_countries("елші Қазақстанның үйі")]
[(5, 17, 'GPE', 'Қазақстан')]
>>> [(c.label, c.canonical) for c in find_catalogued("«Нұрлы жол» аясында")]
[('PROGRAM', '«Нұрлы жол»')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from kg.extract.kk.rules import CAP, KK_SENTENCE_START, LOW, TITLES
from kg.extract.spans import Candidate, Coverage, known_runs, sentence_initial
from kg.lexicon.catalog import CatalogEntry, institutions, lookup_act, lookup_institution
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.people import lookup_person
from kg.lexicon.places import lookup_place
from kg.text.kk_morph import normalize_kk

__all__ = ["find_catalogued", "find_countries", "find_latin_catalogued", "find_named_institutions", "find_people",
           "find_quoted_institutions",
           "find_places"]

_CANDIDATE = re.compile(
    rf"[{CAP}A-Z][{CAP}{LOW}A-Za-z]*(?:-[{CAP}{LOW}]+)?(?:\s+[{CAP}][{CAP}{LOW}]*(?:-[{LOW}]+)?){{0,2}}"
)
_QUOTED = re.compile(r"«[^«»\n]{2,80}»|“[^“”\n]{2,80}”")
_ACT_LABELS = {"law": "LAW", "code": "LAW", "constitution": "LAW", "treaty": "LAW", "declaration": "LAW"}


def find_countries(text: str) -> list[Candidate]:
    """Countries the gazetteer knows (``GPE``), each of a hyphenated pair of them too
    (``Қазақстан-Қытай ынтымақтастығы``: two countries, no one name).

    >>> text = "Қазақстан-Қытай қатынастары"
    >>> [text[c.start:c.end] for c in find_countries(text)]
    ['Қазақстан', 'Қытай']
    """
    out = _find_known(text, lookup_country, "GPE")
    for m in _COUNTRY_PAIR.finditer(text):
        pair = [lookup_country(m.group(i), "kk") for i in (1, 2)]
        if all(pair) and not any(c.start <= m.start() < c.end for c in out):
            out += [Candidate(m.start(i), m.end(i), "GPE", "gazetteer", p.names.get("kk") or m.group(i))
                    for i, p in zip((1, 2), pair)]
    return sorted(out, key=lambda c: c.start)


_COUNTRY_PAIR = re.compile(rf"(?<![\w-])([{CAP}][{LOW}]+)[-–]([{CAP}][{LOW}]+)(?![\w-])")


def find_places(text: str) -> list[Candidate]:
    """Cities and regions the gazetteer knows (``GPE_SUB``); a generated (not curated) town
    does not count as the first word of a sentence, where a capital proves nothing, nor
    when it is a catalogued person's name («Абайдың» is the poet's, not the town's) or a
    common word («Қызыл сарайдағы түс»: red, not Kyzyl), unless a designator follows (Абай
    ауданы, Абай облысы).

    >>> text = "Біз Абайдың өлеңін оқыдық. «Қызыл сарайдағы түс». Ол Балқашта тұрады."
    >>> [text[c.start:c.end] for c in find_places(text)]
    ['Балқашта']
    """
    out = []
    for c in _find_known(text, lookup_place, "GPE_SUB"):
        if lookup_place(text[c.start:c.end], "kk").curated:
            out.append(c)
        elif not sentence_initial(text, c.start, KK_SENTENCE_START) and (
                _DESIGNATED.match(text, c.end) or lookup_person(c.canonical or text[c.start:c.end]) is None
                and not is_common_word(text[c.start:c.end], "kk")):
            out.append(c)
    return out


_DESIGNATED = re.compile(r"\s+(?:облыс|аудан|қала|ауыл|кент)")


def find_people(text: str) -> list[Candidate]:
    """People the curated people list knows, their Kazakh suffixes dropped (``Абайдың``,
    ``«Абай жолы»``, ``Мұхтар Әуезовтің``), except a one-word name opening a sentence that is
    also a place or a common word, where a capital proves nothing («Хабермас» there is the
    philosopher), a name before a designator (``Абай облысы`` is the region) and a title
    (``Елбасы``).

    >>> text = "Ол «Абай жолы» романын және Мұхтар Әуезовтің еңбегін оқыды."
    >>> [text[c.start:c.end] for c in find_people(text)]
    ['Абай', 'Мұхтар Әуезовтің']
    """
    out = []
    for c in _find_known(text, _person_kk, "PERSON"):
        if _DESIGNATED.match(text, c.end) or normalize_kk(text[c.start:c.end]) in TITLES:
            continue  # Абай облысы is the region; Елбасы is a title, not a name
        word = text[c.start:c.end]
        if " " not in word and sentence_initial(text, c.start, KK_SENTENCE_START) and (
                is_common_word(word, "kk") or lookup_place(word, "kk") is not None):
            continue  # «Абай» opening a sentence may be the town; «Хабермас» is the philosopher
        out.append(replace(c, source="catalogue"))
    return out


def _person_kk(name: str, lang: str) -> object:
    """The catalogued person a Kazakh name with its suffixes names (``Абайдың`` -> Абай)."""
    found = lookup_person(normalize_kk(name))
    return None if found is None else _Named(found.names.get(lang) or normalize_kk(name))


@dataclass(frozen=True)
class _Named:
    """A lookup result with only the names ``_find_known`` reads."""

    name: str

    @property
    def names(self) -> dict[str, str]:
        return {"kk": self.name}


def _find_known(text: str, lookup: Callable, label: str) -> list[Candidate]:
    """The longest run of capitalised words (up to three) that ``lookup`` knows, per candidate.

    Offsets come from the words' own positions, so a name broken over lines keeps exact offsets.
    """
    return [Candidate(start, end, label, "gazetteer", found.names.get("kk") or normalize_kk(text[start:end]))
            for start, end, found in known_runs(_CANDIDATE, text, lambda s, e, words: lookup(words, "kk"))]


def find_catalogued(text: str) -> list[Candidate]:
    """A bare quoted name the catalogue knows («Нұрлы жол») is a program or a law; a
    lower-case one («электронды үкімет», «э-үкімет») is a concept, not a title, and needs
    the head word a rule reads (``«электронды үкімет» жобасы``).

    >>> [c.label for c in find_catalogued("«Нұрлы жол» және «э-үкімет»")]
    ['PROGRAM']

    Unquoted, a catalogued name of two capitalised words or more is the act too, not the
    country inside it («Тоқаев Қ. К. Әділетті Қазақстанның экономикалық бағдары»):

    >>> [(c.label, c.canonical) for c in find_catalogued("Тоқаев Қ. К. Әділетті Қазақстанның бағдары")]
    [('PROGRAM', 'Әділетті Қазақстан')]
    """
    out = []
    for m in _QUOTED.finditer(text):
        if m.group()[1:2].islower():
            continue
        entry = lookup_act(m.group(), "kk")
        if entry is not None:
            out.append(Candidate(m.start(), m.end(), _ACT_LABELS.get(entry.kind, "PROGRAM"),
                                 "catalogue", m.group()))
    quoted = [(c.start, c.end) for c in out]
    for c in _find_known(text, _unquoted_act, "PROGRAM"):
        if not any(s < c.end and c.start < e for s, e in quoted):
            entry = lookup_act(text[c.start:c.end], "kk")
            out.append(replace(c, label=_ACT_LABELS.get(entry.kind, "PROGRAM") if entry else c.label,
                               source="catalogue"))
    return sorted(out, key=lambda c: c.start)


def _unquoted_act(name: str, lang: str) -> object:
    """A catalogued act written as two capitalised words or more, and no country's name."""
    if len(name.split()) < 2 or lookup_country(name, lang) is not None:
        return None
    return lookup_act(name, lang)


#: A run of capitalised Latin words (with of/and/the/for between): an English name in Kazakh text.
_LATIN_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z'’-]+(?:\s+(?:(?:of|and|the|for|on)\s+)?[A-Z][A-Za-z'’-]+){1,6}(?![\w-])")


def find_latin_catalogued(text: str) -> list[Candidate]:
    """An English name of a catalogued act or institution inside Kazakh text (``Earned Income
    Tax Credit және New Deal бағдарламалары``, ``World Bank-тің``), found as the catalogue has it.

    >>> text = "АҚШ-та Belt and Road Initiative аясында"
    >>> [(text[c.start:c.end], c.label) for c in find_latin_catalogued(text)]
    [('Belt and Road Initiative', 'PROGRAM')]
    """
    out = []
    for m in _LATIN_NAME.finditer(text):
        act = lookup_act(m.group(), "en")
        if act is not None:
            out.append(Candidate(m.start(), m.end(), _ACT_LABELS.get(act.kind, "PROGRAM"), "catalogue",
                                 m.group()))
        elif lookup_institution(m.group(), "en") is not None:
            out.append(Candidate(m.start(), m.end(), "ORG", "catalogue", m.group()))
    return out


_ACRONYM_WORD = re.compile(r"(?<![\w-])([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{3,8})(?:-[а-яәғқңөұүһі]+)?(?![\w-])")


def find_acronym_institutions(text: str) -> list[Candidate]:
    """An acronym the institution catalogue knows (БРИКС, БРИКС-ке, ЮНЕСКО) is an institution;
    one the catalogue of acts knows (НАФТА-дағы, UNCAC) is that law or program.

    >>> text = "ҚХР БРИКС-ке кірді, НАФТА-дағы үлесі өсті"
    >>> [(text[c.start:c.end], c.label, c.canonical) for c in find_acronym_institutions(text)]
    [('БРИКС-ке', 'ORG', 'БРИКС'), ('НАФТА-дағы', 'LAW', 'НАФТА')]
    """
    out = []
    for m in _ACRONYM_WORD.finditer(text):
        entry = lookup_institution(m.group(1), "kk")
        if entry is not None:
            out.append(Candidate(m.start(), m.end(), "ORG", "catalogue", m.group(1)))
        elif (act := lookup_act(m.group(1), "kk")) is not None:
            out.append(Candidate(m.start(), m.end(), _ACT_LABELS.get(act.kind, "PROGRAM"), "catalogue",
                                 m.group(1)))
    return out


def find_named_institutions(text: str) -> list[Candidate]:
    """An institution the catalogue knows, written out in full with its Kazakh ending
    (``Дүниежүзілік банктің``, ``Экономикалық ынтымақтастық және даму ұйымы``): a name of two
    words or more, capitalised as catalogued, its last word taking any ending; the catalogue
    must know the whole span (source ``catalogue``, canonical the catalogue's Kazakh name).

    >>> text = "Дүниежүзілік банктің баяндамасы; дүниежүзілік банк"
    >>> [(text[c.start:c.end], c.canonical) for c in find_named_institutions(text)]
    [('Дүниежүзілік банктің', 'Дүниежүзілік банк')]
    """
    index = _institution_names()
    out: list[Candidate] = []
    for word in _FIRST_WORD.finditer(text):
        if out and word.start() < out[-1].end:
            continue
        for pattern in index.get(word.group(), ()):
            m = pattern.match(text, word.start())
            if m is None:
                continue
            entry = lookup_institution(m.group(), "kk")
            if entry is not None:
                out.append(Candidate(m.start(), m.end(), "ORG", "catalogue",
                                     entry.names.get("kk") or normalize_kk(m.group())))
                break
    return out


def find_quoted_institutions(text: str) -> list[Candidate]:
    """A quoted word or name spelt exactly as the catalogue spells an institution
    («Қазтелеком» монополия, «Самұрық-Қазына»): that institution, its span inside the quotes;
    and a capitalised word, no common word, that is such a name of seven letters or more with a
    case ending («Еурокомиссия мен Еуропарламентке»; not «Үкіметке»).

    >>> text = "бір ғана «Қазтелеком» монополия, «Болашақ» емес. Еуропарламентке хат"
    >>> [(text[c.start:c.end], c.canonical) for c in find_quoted_institutions(text)]
    [('Қазтелеком', '«Қазақтелеком» АҚ'), ('Еуропарламентке', 'Еуропа Парламенті')]
    """
    out = []
    entries = _entries_by_surface()
    for m in _QUOTED.finditer(text):
        inner = m.group()[1:-1].strip()
        entry = entries.get(inner)
        if entry is not None:
            start = m.start() + m.group().index(inner)
            out.append(Candidate(start, start + len(inner), "ORG", "catalogue", entry.names.get("kk") or inner))
    taken = Coverage((c.start - 1, c.end + 1) for c in out)
    names = _one_word_names()
    for m in _ONE_WORD.finditer(text):  # «Еурокомиссия мен Еуропарламентке»: one word, as catalogued
        word = m.group()
        if len(word) < _ONE_WORD_MIN or not any(word.startswith(n) for n in names.get(word[:4], ())) \
                or taken.overlaps(m.start(), m.start() + 1) or is_common_word(word, "kk"):
            continue
        name = normalize_kk(word)
        entry = entries.get(name) if name in names.get(word[:4], ()) else None
        if entry is not None:
            out.append(Candidate(m.start(), m.end(), "ORG", "catalogue", entry.names.get("kk") or name))
    return sorted(out, key=lambda c: c.start)


@cache
def _entries_by_surface() -> dict[str, CatalogEntry]:
    """The catalogue's institutions by each name and alias as spelt there (one the catalogue
    reads as another entry's, or that two entries share, is left out)."""
    out: dict[str, CatalogEntry] = {}
    for entry in institutions():
        for name in entry.surfaces():
            if lookup_institution(name, "kk") == entry:
                out[name] = entry
    return out


@cache
def _one_word_names() -> dict[str, frozenset[str]]:
    """The catalogue's one-word institution names of :data:`_ONE_WORD_MIN` letters or more, by
    their first four letters (a word that opens with none of them is looked up no further)."""
    out: dict[str, set[str]] = {}
    for name in _entries_by_surface():
        if _ONE_WORD.fullmatch(name) and len(name) >= _ONE_WORD_MIN:
            out.setdefault(name[:4], set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


_ONE_WORD = re.compile(rf"(?<![\w«“\"-])[{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?(?![\w-])")
#: Letters a one-word name needs («Аманат» and shorter words are too often common words).
_ONE_WORD_MIN = 7


_FIRST_WORD = re.compile(rf"(?<![\w«“\"-])[{CAP}A-Z][\w.-]*")


@cache
def _institution_names() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Catalogued Kazakh institution names of two words or more, by first word, longest first:
    each a pattern whose words may be split by any white space and whose last word may take
    an ending."""
    names = {n for e in institutions() for n in (e.names.get("kk", ""), *e.aliases)
             if " " in n and not set(n) & set("«»“”\"") and re.search(f"[{LOW}]", n)}
    index: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        words = name.split()
        index.setdefault(words[0], []).append(
            r"\s+".join(map(re.escape, words)) + rf"[{LOW}]*(?![\w-])")
    return {first: tuple(map(re.compile, pats)) for first, pats in index.items()}
