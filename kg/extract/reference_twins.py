"""A reference list printed twice, as written and transliterated: entry N of the second list
is entry N of the first, so its publisher is the first one's («Москва: Юнити-Дана, 2012» and
"Moscow: Unity-Dana, 2012" are one publisher; so are «Алматы: Санат» and "Almaty: Sanat").

>>> book = {}
>>> remember(book, 9, "Бутырская И.В. Лоббизм. – Москва: Юнити-Дана, 2012. – 310 с.", ["Юнити-Дана"])
>>> twin_name(book, 9, "Butyrskaya I.V. Lobbizm. – Moscow: Unity-Dana, 2012. – 310 p.", "Unity-Dana")
'Юнити-Дана'
>>> twin_name(book, 9, "Smith J. Lobbying. – Moscow: Unity-Dana, 2019.", "Unity-Dana")
'Unity-Dana'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.text.lang import script_letters

__all__ = ["Printed", "remember", "twin_name"]

_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_CYRILLIC = script_letters("Cyrl")


@dataclass(frozen=True)
class Printed:
    """The publisher of a numbered entry as first printed (in Cyrillic), and its years."""

    name: str
    years: frozenset[str]


def remember(book: dict[int, Printed], number: int | None, entry: str,
             publishers: Sequence[str]) -> None:
    """Note the one Cyrillic publisher of entry ``number`` of the first list."""
    if number is None or number in book or len(publishers) != 1:
        return
    if _CYRILLIC.search(publishers[0]):
        book[number] = Printed(publishers[0], frozenset(_YEAR.findall(entry)))


def twin_name(book: dict[int, Printed], number: int | None, entry: str, name: str) -> str:
    """The name the Latin publisher ``name`` of entry ``number`` was first printed with (same
    number, a year in common), else ``name``."""
    printed = book.get(number) if number is not None else None
    if printed is None or _CYRILLIC.search(name) or not printed.years & set(_YEAR.findall(entry)):
        return name
    return printed.name
