"""How two personal names compare when one may be the other: by sound across scripts,
by first letters, one letter apart, in their case forms.

>>> sound("Burns") == sound("Бернс"), agree(("к",), ("k", "l")), vowel_end("karasaeva")
(True, False, True)
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from kg.text.names import PersonName, fold

__all__ = ["SOUND_MIN", "agree", "case_form", "joinable", "one_apart", "sound", "spelt_keys", "vowel_end"]

#: Consonants a surname needs before one sounding alike in another script is taken for it.
SOUND_MIN = 5


def sound(surname: str) -> str:
    """The consonants of a folded surname, doubled ones once: the same for one surname in two
    scripts more often than the folded spelling is.

    >>> sound("Burns"), sound("Бернс"), sound("Horkheimer"), sound("Хоркхаймер")
    ('brns', 'brns', 'hrhmr', 'hrkhmr')
    """
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", fold(surname)))


def one_apart(known: PersonName, name: PersonName) -> bool:
    """Are two full names one letter apart, in the surname or in the first given name?

    >>> from kg.text.names import parse_name
    >>> one_apart(parse_name("Абылай Мырзахметов"), parse_name("Аблай Мырзахметов"))
    True
    >>> one_apart(parse_name("Асель Омарова"), parse_name("Асем Омарова"))
    False
    """
    given, other = fold(known.given[0]), fold(name.given[0])
    surname, other_surname = known.surname_key(), name.surname_key()
    if given == other:
        return len(name.surname) >= 5 and Levenshtein.distance(surname, other_surname) <= 1
    return (surname == other_surname and min(len(known.given[0]), len(name.given[0])) >= 5
            and len(given) != len(other) and Levenshtein.distance(given, other) <= 1)


def joinable(named: tuple[str, tuple[str, ...], str], cited: tuple[str, tuple[str, ...], str]) -> bool:
    """May a cited author (sound, first letters, folded surname) be a name of the document that
    sounds alike, spelt otherwise? With initials on both sides that agree, and five consonants
    or two initials («Фунг» is no "Dong L."; "Burns J.P." is «Джон П. Бернс»); without the
    document's initials only a surname of five letters or more misprinted by one letter
    («Cocksx» for "Cockx B."). -ова is no -ов either way.

    >>> joinable(("brns", ("j", "p"), "berns"), ("brns", ("j", "p"), "burns"))
    True
    >>> joinable(("cksx", (), "cocksx"), ("ckx", ("b",), "cockx"))
    True
    >>> joinable(("brn", (), "braun"), ("brns", ("j", "p"), "burns"))
    False
    """
    (snd, other, spelt), (heard, letters, folded) = named, cited
    if spelt == folded or vowel_end(spelt) != vowel_end(folded):
        return False
    if not other:
        return min(len(spelt), len(folded)) >= 5 and Levenshtein.distance(spelt, folded) <= 1
    return bool(letters) and agree(other, letters) and (
        min(len(snd), len(heard)) >= SOUND_MIN or min(len(other), len(letters)) >= 2)


def agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Do two names' first letters agree as far as the shorter goes ((«К»,) and (K, L))?"""
    return a[:len(b)] == b[:len(a)]


def vowel_end(folded: str) -> bool:
    """Does a folded surname end in a vowel (a feminine «Карасаева» against «Қарасаев»)?"""
    return folded[-1:] in "aeiouy"


def case_form(name: PersonName, known: PersonName, lang: str) -> bool:
    """Can ``name``'s surname be ``known``'s as written? A feminine form (-ова, -ева) of a
    masculine surname is its Russian genitive only in Russian text; in Kazakh or English text
    «Карасаева Г.М.» is a woman, not Ғани Қарасаев.
    """
    return name.surname_key() == known.surname_key() or lang == "ru"


def spelt_keys(name: PersonName) -> set[str]:
    """The folded surname of a name and its first given name: the spellings a mention must
    share to be kept as an alias of it («Абай» of Абай Құнанбайұлы, not the genitive «Дж. Ная»).

    >>> from kg.text.names import parse_name
    >>> sorted(spelt_keys(parse_name("Абай Құнанбайұлы")))
    ['abai', 'kananbaali']
    """
    return {name.surname_key(), *(fold(g) for g in name.given[:1])}
