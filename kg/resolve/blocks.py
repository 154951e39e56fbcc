"""Blocking for person resolution: the known full names a partial or misspelt name could match.

Comparing each new name with every known one grows with the square of the corpus. Two names
can only be :func:`~kg.text.names.compatible` when their folded surnames agree (as written, or
read with the feminine fold), and a surname one edit away (:meth:`NameBlocks.near`) shares a
one-deletion variant with the other (the symmetric-delete trick: ``Арендт`` and ``Арентт``
both give ``Арент``). So each name is filed under those keys, and a lookup returns the small
block to test with the exact predicate, not the whole corpus. A block may hold names that no
longer fit (a name key re-filed under another spelling): callers always test what they get.

>>> from kg.text.names import parse_name
>>> blocks = NameBlocks()
>>> blocks.add("arendt hana", parse_name("Ханна Арендт"))
>>> blocks.add("abai kananbaiali", parse_name("Абай Құнанбайұлы"))
>>> sorted(blocks.same_surname(parse_name("Х. Арендт"))), sorted(blocks.near(parse_name("Ханна Арентт")))
(['arendt hana'], ['arendt hana'])
"""

from __future__ import annotations

from collections import defaultdict

from kg.text.names import PersonName, fold


def deletions(word: str) -> set[str]:
    """``word`` and every string one character shorter made from it.

    >>> sorted(deletions("abc"))
    ['ab', 'abc', 'ac', 'bc']
    """
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


class NameBlocks:
    """Name keys of full names, filed by folded surname and by given name + surname variant."""

    def __init__(self) -> None:
        self._surnames: dict[tuple[bool, str], set[str]] = defaultdict(set)
        self._variants: dict[tuple[str, str], set[str]] = defaultdict(set)

    def add(self, key: str, name: PersonName) -> None:
        """File the name key ``key`` of the full name ``name``."""
        for feminine in (False, True):
            self._surnames[(feminine, name.surname_key(feminine))].add(key)
        if name.given:
            given = fold(name.given[0])
            for variant in deletions(name.surname_key()):
                self._variants[(given, variant)].add(key)

    def same_surname(self, name: PersonName) -> set[str]:
        """Keys filed under ``name``'s folded surname, as written or with the feminine fold."""
        return (self._surnames.get((False, name.surname_key()), set())
                | self._surnames.get((True, name.surname_key(True)), set()))

    def near(self, name: PersonName) -> set[str]:
        """Keys with ``name``'s folded first given name and a surname within one edit."""
        if not name.given:
            return set()
        given = fold(name.given[0])
        found: set[str] = set()
        for variant in deletions(name.surname_key()):
            found |= self._variants.get((given, variant), set())
        return found
