"""Size caps that keep every text stage linear in its input, whatever the input.

Regexes that scan a word from each of its letters, language detection and spaCy all grow
faster than linearly on one huge word or paragraph. So paragraphs are cut into pieces of
at most :data:`MAX_PARAGRAPH` characters (:func:`pieces`), and tokens longer than
:data:`MAX_TOKEN` characters (no real word or URL is that long) are blanked out before the
extractors and language detection see them (:func:`mask_long_tokens`), keeping every offset.

>>> mask_long_tokens("ab " + "x" * 600 + " cd") == "ab " + " " * 600 + " cd"
True
>>> [(s, e) for s, e in pieces("aaa bbb ccc", 0, 11, limit=8)]
[(0, 7), (8, 11)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: Characters of one paragraph handed to a text stage at most (longer ones are cut).
MAX_PARAGRAPH = 20_000
#: A run of non-space characters longer than this is not a word: it is blanked out.
MAX_TOKEN = 512

_LONG = re.compile(r"\S{%d,}" % (MAX_TOKEN + 1))
_BREAKS = ("\n", ". ", " ", "\t")


def mask_long_tokens(text: str) -> str:
    """``text`` with every token over :data:`MAX_TOKEN` characters replaced by spaces."""
    if len(text) <= MAX_TOKEN:
        return text
    return _LONG.sub(lambda m: " " * len(m.group()), text)


def drop_long_tokens(text: str) -> str:
    """``text`` without its tokens over :data:`MAX_TOKEN` characters (for statistics only).

    >>> drop_long_tokens("a " + "b" * 900)
    'a '
    """
    if len(text) <= MAX_TOKEN:
        return text
    return _LONG.sub("", text)


def pieces(text: str, start: int, end: int, limit: int = MAX_PARAGRAPH) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut into spans of at most ``limit`` characters.

    A cut falls on the last line break, sentence end, space or tab before the limit (a hard
    cut inside one long token otherwise); spans start and end on non-space characters.
    """
    while end - start > limit:
        cut = _cut(text, start, start + limit)
        yield _strip(text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _cut(text: str, start: int, stop: int) -> int:
    for mark in _BREAKS:
        at = text.rfind(mark, start + 1, stop)
        if at > start:
            return at + (1 if mark == ". " else 0)
    return stop


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
