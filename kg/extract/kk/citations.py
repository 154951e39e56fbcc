"""Authors of an author-year citation in Kazakh text: ``(Braun & Clarke, 2006)``,
``(Kvale and Brinkmann, 2009)``, ``(Hood et al., 2015)``, and their Kazakh spelling right
before it: ``Браун мен Кларктың (Braun & Clarke, 2006) үлгісі``. Also the full Latin names of
a list closed by a numbered reference: ``ғалымдары Nikos Papadakis, Stylianos Ioannis
Tzagkarakis [10], Christine Wekerle [11]`` (:func:`find_numbered_names`), and Latin surnames
joined in Kazakh: ``Desiere мен Cocksx``, ``Albanese, Cocksx және т.б.``
(:func:`find_coordinated_surnames`).

Every surname in the brackets is a person. A Kazakh rendering of them just before the
bracket (one name, or two joined by мен/бен/пен/және, the last one with its case ending) is a
person too when it transliterates to the same names.

>>> text = "Браун мен Кларктың (Braun & Clarke, 2006) үлгісі"
>>> [(text[c.start:c.end], c.canonical) for c in find_citations(text)]
[('Браун', 'Браун'), ('Кларктың', 'Кларк'), ('Braun', 'Braun'), ('Clarke', 'Clarke')]
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from kg.extract.kk.rules import CAP, LOW
from kg.extract.spans import Candidate
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.common import is_common_word
from kg.text.kk_morph import split_suffix
from kg.text.translit import latin

__all__ = ["find_citations", "find_coordinated_surnames", "find_numbered_names"]

_SURNAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?"
_BRACKET = re.compile(r"\(([^()\n]{6,300}?)\)")
_CITATION = re.compile(
    rf"\s*(?P<names>{_SURNAME}(?:\s*(?:,|&|and)\s*{_SURNAME})*)(?:\s+et\s+al\.?)?,?\s+\d{{4}}[a-z]?"
    rf"(?:,\s*(?:p|pp|б)\.\s*[\d–-]+)?\s*")
_LATIN_NAME = re.compile(_SURNAME)
_KK_NAMES = re.compile(
    rf"(?<![\w-])([{CAP}][{LOW}]+)(?:\s+(?:мен|бен|пен|және)\s+([{CAP}][{LOW}]+))?\s*\Z")
#: A given name and a surname (two or three Latin words; accents allowed: Angeles Sánchez).
_FULL = r"[A-Z][a-zà-öø-ÿ'’-]+(?:\s+[A-Z][a-zà-öø-ÿ'’-]+){1,2}"
_NUMBERED = re.compile(rf"(?<![\w-])(?P<list>{_FULL}(?:\s*,\s*{_FULL})*)\s*\[\d")
_LATIN_SURNAME = r"[A-Z][a-zà-öø-ÿ]{2,}(?:-[A-Z][a-zà-öø-ÿ]+)?"
#: Two Latin surnames or more joined by мен/бен/пен/және, or a comma list closed by «және т.б.».
_COORDINATED = re.compile(
    rf"(?<![\w-]){_LATIN_SURNAME}(?:(?:\s*,\s*|\s+(?:мен|бен|пен|және)\s+){_LATIN_SURNAME})+(?![\w-])"
    rf"(?P<etal>\s+және\s+т\.\s?б\.)?")
_FOLD = str.maketrans({"c": "k", "q": "k", "w": "v", "y": "i", "j": "i"})


def find_citations(text: str) -> list[Candidate]:
    """The cited authors (source ``citation``), Kazakh renderings before their brackets first;
    an institution cited as the author (``World Bank, 2020``) is no person.

    >>> text = "(Hood et al., 2015; Smith and Jones, 2001; World Bank, 2020)"
    >>> [text[c.start:c.end] for c in find_citations(text)]
    ['Hood', 'Smith', 'Jones']
    """
    out: list[Candidate] = []
    for bracket in _BRACKET.finditer(text):
        offset = bracket.start(1)
        for n, part in enumerate(re.finditer(r"[^;]+", bracket.group(1))):
            m = _CITATION.fullmatch(part.group())
            if m is None:
                continue
            base = offset + part.start() + m.start("names")
            names = [x for x in _LATIN_NAME.finditer(m.group("names")) if _personal(x.group())]
            if n == 0:
                out += _rendered(text, bracket.start(), [x.group() for x in names])
            out += [Candidate(base + x.start(), base + x.end(), "PERSON", "citation", x.group())
                    for x in names]
    return out


def _personal(name: str) -> bool:
    """Not an institution (catalogued, or common English words only: ``World Bank``)."""
    words = name.split()
    return lookup_institution(name, "en") is None and not (
        len(words) > 1 and all(is_common_word(w, "en") for w in words))


def _rendered(text: str, bracket: int, names: list[str]) -> list[Candidate]:
    """The Kazakh spelling of ``names`` that ends right before the bracket at ``bracket``."""
    m = _KK_NAMES.search(text, max(0, bracket - 80), bracket)
    if m is None:
        return []
    words = [i for i in (1, 2) if m.group(i)]
    if len(words) != len(names):
        return []
    out = []
    for i, name in zip(words, names):
        word = m.group(i)
        stem = split_suffix(word)[0] if i == words[-1] else word
        if not _same(stem, name):
            return []
        out.append(Candidate(m.start(i), m.end(i), "PERSON", "citation", stem))
    return out


def _same(cyrillic: str, name: str) -> bool:
    """True if ``cyrillic`` transliterates to about ``name`` (Кларк ~ Clarke, Браун ~ Braun)."""
    a, b = latin(cyrillic).lower().translate(_FOLD), name.lower().translate(_FOLD)
    return SequenceMatcher(None, a, b).ratio() >= 0.75


def find_numbered_names(text: str) -> list[Candidate]:
    """Full Latin names in a comma list that a numbered reference closes (source ``rule``, so
    the person filter still checks that they read as names); no institution.

    >>> text = "ғалымдары Nikos Papadakis, Christine Wekerle [11], World Bank [3] айтады"
    >>> [text[c.start:c.end] for c in find_numbered_names(text)]
    ['Nikos Papadakis', 'Christine Wekerle']
    """
    if "[" not in text:
        return []
    out = []
    for m in _NUMBERED.finditer(text):
        base = m.start("list")
        out += [Candidate(base + x.start(), base + x.end(), "PERSON", "rule", x.group())
                for x in re.finditer(_FULL, m.group("list")) if _personal(x.group())]
    return out


def find_coordinated_surnames(text: str) -> list[Candidate]:
    """Latin surnames joined by a Kazakh conjunction (source ``citation``): ``Desiere мен
    Cocksx``, ``Grindle және Treisman``, ``Albanese, Cocksx және т.б.``; not when one of them
    is a common English word, a platform or a catalogued institution (``Facebook пен Instagram``).

    >>> text = "Desiere мен Cocksx анықтайды. Albanese, Cocksx және т.б. зерттейді. Facebook пен Instagram."
    >>> [text[c.start:c.end] for c in find_coordinated_surnames(text)]
    ['Desiere', 'Cocksx', 'Albanese', 'Cocksx']
    """
    if not any(w in text for w in (" мен ", " бен ", " пен ", " және ")):
        return []
    out = []
    for m in _COORDINATED.finditer(text):
        names = list(re.finditer(_LATIN_SURNAME, m.group()))
        joined = re.search(r"\s(?:мен|бен|пен|және)\s", m.group()) is not None
        if not (joined or m.group("etal")) or not all(_surname_like(n.group()) for n in names):
            continue
        out += [Candidate(m.start() + n.start(), m.start() + n.end(), "PERSON", "citation", n.group())
                for n in names]
    return out


_NOT_PEOPLE = frozenset({"Facebook", "Instagram", "Twitter", "YouTube", "TikTok", "Telegram",
                         "WhatsApp", "LinkedIn", "Google", "Netflix", "Spotify", "Photoshop",
                         "Microsoft", "Apple", "Amazon", "Excel", "Python", "Android", "Windows"})


def _surname_like(word: str) -> bool:
    return (word not in _NOT_PEOPLE and not is_common_word(word, "en")
            and lookup_institution(word, "en") is None)
