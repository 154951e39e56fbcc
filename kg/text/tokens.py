"""Word tokens with offsets, found by a language's token pattern (shared by the rule extractors).

>>> import re
>>> regex_tokens("Astana, 2024", re.compile(r"\\w+|\\S"))
[Token(start=0, end=6, text='Astana'), Token(start=6, end=7, text=','), Token(start=8, end=12, text='2024')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """A token and its character offsets in the text it came from."""

    start: int
    end: int
    text: str


def regex_tokens(text: str, pattern: re.Pattern[str]) -> list[Token]:
    """Every match of ``pattern`` in ``text`` as a :class:`Token`."""
    return [Token(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
