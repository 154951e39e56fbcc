"""Names a numbered reference-list entry gives by its layout: the authors that open it
(``5. Жақыпов А. Мемлекеттік …``, ``12. Hall R. L., Deardorff A. V. Lobbying …``,
``21. Hale, H. E. (2014).``, ``7. Komro, Flay, Biglan (2011).``), the publisher after the
place of publication (``Москва: Юнити-Дана, 2012``, ``London: Verso, 2003``) and the journal
after ``//`` or in asterisks (``// Заң және Заман. – 2022``, ``*Clin Child Fam Psychol Rev*, 2``).

In running text ``А. Мемлекеттік`` could be an initial and a surname; at the head of an entry
the surname comes first and its initials close it, so the capitalised word after them opens
the title. The authors have source ``citation`` (cited authors, which the person filter
vouches for in Latin script too) and ``priority=1``, so that among the rules they beat the
initial-and-surname reading of the same letters (:func:`kg.extract.kk.find_rules`). Only lines
that open with a number and a full stop are read.

>>> text = "1. Труман Д. Группы давления. – М.: Аспект Пресс, 2005.\\n2. Hall R. L., Deardorff A. V. Lobbying"
>>> [text[c.start:c.end] for c in find_listed_authors(text)]
['Труман Д.', 'Аспект Пресс', 'Hall R. L.', 'Deardorff A. V.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.kk.rules import CAP, LOW
from kg.extract.spans import Candidate
from kg.lexicon.common import is_common_word
from kg.lexicon.places import lookup_place

__all__ = ["find_listed_authors"]

_UPPER, _LOWER = f"{CAP}A-ZÀ-ÖØ-Þ", f"{LOW}a-zß-öø-ÿ"
#: A surname (hyphenated parts allowed), an optional comma, one to three initials.
_AUTHOR = (rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?,?\s(?:[{_UPPER}]\.\s?){{0,2}}"
           rf"[{_UPPER}]\.(?![{_LOWER}{_UPPER}])")
_SURNAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
#: A name of one to five words opening with a capital (publishers, places): «Harcourt Brace
#: Jovanovic», «Қазақ университеті».
_NAME = rf"[{_UPPER}\d][\w&'’-]*(?:\s+(?:[{_UPPER}{_LOWER}][\w&'’-]*|&)){{0,5}}"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "entry": re.compile(r"(?m)^[ \t]*\d{1,3}\.[ \t]+"),
        "author": re.compile(rf"(?:,\s|\s(?:және|и|and|&)\s)?({_AUTHOR})"),
        # Komro, Flay, Biglan (2011): surnames before the year in brackets
        "apa": re.compile(rf"({_SURNAME}(?:,\s{_SURNAME}){{0,5}})\s\(\d{{4}}\)"),
        # Москва: Юнити-Дана, 2012; М.: Аспект Пресс, 2005; Paris: OECD Publishing // 2017
        "publisher": re.compile(rf"(?<![\w.])({_NAME})\.?:\s({_NAME})(?=,\s*\d{{4}}|\s*//\s*\d{{4}})"),
        # // Заң және Заман. – 2022; // THE ASTANA TIMES, 2018 (a leading "The" left out)
        "journal": re.compile(rf"//\s*(?:The\s+)?([{_UPPER}][^.,:/\n<>]{{2,80}}?)(?:\.\s*[-–]|,)\s*\d{{4}}"),
        "starred": re.compile(r"\*([A-Z][^*\n]{2,80}?)\*,\s*\d"),
    }


def find_listed_authors(text: str) -> list[Candidate]:
    """The authors, publishers, places of publication and journals of the numbered
    reference-list entries of ``text``."""
    if "." not in text:
        return []
    p = _patterns()
    out: list[Candidate] = []
    for m in p["entry"].finditer(text):
        end_of_line = text.find("\n", m.end())
        line_end = len(text) if end_of_line < 0 else end_of_line
        out += _authors(text, m.end())
        for rule in ("publisher", "journal", "starred"):
            for x in p[rule].finditer(text, m.end(), line_end):
                out += _named(x, rule)
    return out


#: Latin names written given name first, a middle initial allowed, before a comma, "and" or
#: the full stop that ends the authors: ``Robert D. Putnam, Robert Leonardi, Raffaella Y.
#: Nanetti. Making Democracy Work``.
_GIVEN_FIRST = re.compile(r"([A-Z][a-z]+(?:\s[A-Z]\.)?\s([A-Z][a-z]+(?:-[A-Z][a-z]+)?))(?=,\s|\.\s|\sand\s)")
_NEXT_AUTHOR = re.compile(r",\s(?:and\s)?|\sand\s")


def _given_first(text: str, pos: int) -> list[Candidate]:
    """Authors written given name first at ``pos``, if every surname is no common English word
    (``Smith J. Lobbying.`` is a surname, an initial and a title's first word).

    >>> text = "Robert D. Putnam, Robert Leonardi. Making Democracy Work"
    >>> [c.canonical for c in _given_first(text, 0)]
    ['Robert D. Putnam', 'Robert Leonardi']
    >>> _given_first("Smith J. Lobbying. Moscow", 0)
    []
    """
    out: list[Candidate] = []
    while (m := _GIVEN_FIRST.match(text, pos)) is not None and not is_common_word(m.group(2), "en"):
        out.append(Candidate(m.start(1), m.end(1), "PERSON", "citation", m.group(1), priority=1))
        sep = _NEXT_AUTHOR.match(text, m.end())
        if sep is None:
            break
        pos = sep.end()
    return out


def _authors(text: str, pos: int) -> list[Candidate]:
    p = _patterns()
    given = _given_first(text, pos)
    if given:
        return given
    out = []
    while (a := p["author"].match(text, pos)) is not None:
        name = a.group(1)
        end = a.start(1) + len(name.rstrip())
        out.append(Candidate(a.start(1), end, "PERSON", "citation",
                             " ".join(name.replace(",", " ").split()), priority=1))
        pos = end
    if out:
        return out
    apa = p["apa"].match(text, pos)
    if apa is None:
        return []
    return [Candidate(apa.start(1) + s.start(), apa.start(1) + s.end(), "PERSON", "citation", s.group(),
                      priority=1) for s in re.finditer(_SURNAME, apa.group(1))]


_WEBSITE = re.compile(r"(?i)сайт|ресурс|портал|website|web\s*site|\.kz|\.com|\.org")


def _named(m: re.Match[str], rule: str) -> list[Candidate]:
    """The institution (and, for a publisher, the place when the gazetteer knows it)."""
    out = []
    if rule == "publisher" and lookup_place(m.group(1), "kk") is not None:
        out.append(Candidate(m.start(1), m.end(1), "GPE_SUB", "rule", m.group(1), priority=1))
    group = 2 if rule == "publisher" else 1
    name = m.group(group).rstrip()
    if _WEBSITE.search(name) or lookup_place(name, "kk") is not None:
        return out  # «Президентінің ресми сайты» (a website is not annotated), «// New York, 2020»
    out.append(Candidate(m.start(group), m.start(group) + len(name), "ORG", "rule", name, priority=1))
    return out
