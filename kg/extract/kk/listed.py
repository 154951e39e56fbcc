"""Authors at the head of a numbered reference-list entry: ``5. Жақыпов А. Мемлекеттік …``,
``12. Hall R. L., Deardorff A. V. Lobbying as …``, ``21. Hale, H. E. (2014). Patronal …``.

In running text ``А. Мемлекеттік`` could be an initial and a surname; at the head of an entry
the surname comes first and its initials close it, so the capitalised word after them opens
the title. The candidates have source ``citation`` (cited authors, which the person filter
vouches for in Latin script too) and ``priority=1``, so that among the rules they beat the
initial-and-surname reading of the same letters (:func:`kg.extract.kk.find_rules`).

>>> text = "1. Труман Д. Группы давления. – М.: Аспект Пресс, 2005.\\n2. Hall R. L., Deardorff A. V. Lobbying"
>>> [text[c.start:c.end] for c in find_listed_authors(text)]
['Труман Д.', 'Hall R. L.', 'Deardorff A. V.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.kk.rules import CAP, LOW
from kg.extract.spans import Candidate

__all__ = ["find_listed_authors"]

_UPPER, _LOWER = f"{CAP}A-Z", f"{LOW}a-z"
#: A surname (hyphenated parts allowed), an optional comma, one to three initials.
_AUTHOR = (rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?,?\s(?:[{_UPPER}]\.\s?){{0,2}}"
           rf"[{_UPPER}]\.(?![{_LOWER}{_UPPER}])")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    entry = re.compile(rf"(?m)^[ \t]*\d{{1,3}}\.[ \t]+(?={_AUTHOR})")
    author = re.compile(rf"(?:,\s|\s(?:және|и|and|&)\s)?({_AUTHOR})")
    return entry, author


def find_listed_authors(text: str) -> list[Candidate]:
    """The authors that open numbered reference-list entries of ``text``."""
    if "." not in text:
        return []
    entry, author = _patterns()
    out: list[Candidate] = []
    for m in entry.finditer(text):
        pos = m.end()
        while (a := author.match(text, pos)) is not None:
            name = a.group(1)
            end = a.start(1) + len(name.rstrip())
            out.append(Candidate(a.start(1), end, "PERSON", "citation",
                                 " ".join(name.replace(",", " ").split()), priority=1))
            pos = end
    return out
