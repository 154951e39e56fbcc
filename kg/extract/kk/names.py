"""The name inside a Kazakh mention's span: quotes, head words, owners and designators off.

``«Нұрлы жол» мемлекеттік бағдарламасы`` names ``Нұрлы жол``; ``Алатау ауданының`` names
``Алатау``; ``Қазақстан Республикасының Халықты жұмыспен қамту туралы Заңы`` names
``Халықты жұмыспен қамту туралы``. :func:`name_span` gives the name's offsets, or None where
the span is already the bare (possibly inflected) name.

>>> text = "Ол «Нұрлы жол» мемлекеттік бағдарламасы аясында"
>>> s, e = name_span(text, 3, 39, "PROGRAM"); text[s:e]
'Нұрлы жол'
>>> text = "Алатау ауданының тұрғындары"
>>> s, e = name_span(text, 0, 16, "GPE_SUB"); text[s:e]
'Алатау'
"""

from __future__ import annotations

import re

from kg.extract.kk.heads import LAW_HEADS, PROGRAM_HEADS
from kg.extract.kk.rules import CAP, LOW

__all__ = ["name_span"]

_QUOTE = re.compile(r"[«“\"]([^«»“”\"\n]+?)[»”\"]", re.S)
_OWNER_INSIDE = re.compile(r"\s+(?:ТМД|БҰҰ|ЕО|ЕҚЫҰ|ШЫҰ|ЕАЭО|ЮНЕСКО)$")
_HEAD_STEMS = tuple(sorted({*LAW_HEADS, *PROGRAM_HEADS}, key=len, reverse=True))
_ABOUT = re.compile(
    rf"(?:(?:Қазақстан\s+Республикасы(?:ның)?|ҚР(?:-ның)?)\s+)?(?P<name>[{CAP}{LOW}A-Za-z0-9][^«»]*?\s+туралы)\s+\S+")
_DESIGNATED = re.compile(rf"(?P<name>[{CAP}][{CAP}{LOW}-]*(?:\s+[{CAP}][{CAP}{LOW}-]*)?)\s+(?:облыс|аудан)[{LOW}]*$")


def _is_head(word: str) -> bool:
    return word.lower().startswith(_HEAD_STEMS)


def name_span(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """The name's ``(start, end)`` inside ``text[start:end]``, or None (the span is the name)."""
    span = text[start:end]
    if label in ("LAW", "PROGRAM", "ORG"):
        q = _QUOTE.search(span)
        if q is not None:
            inner_start, inner_end = q.start(1), q.end(1)
            inner = span[inner_start:inner_end]
            words = inner.split()
            if label != "ORG" and len(words) > 1 and _is_head(words[-1]) \
                    and not span[q.end():].strip():
                # the head word (and an owner) inside the quotes is not part of the name
                inner_end = inner_start + inner.rstrip().rfind(" ")
                owner = _OWNER_INSIDE.search(span, inner_start, inner_end)
                if owner is not None:
                    inner_end = owner.start()
            return _strip(span, start, inner_start, inner_end)
        if label == "LAW":
            m = _ABOUT.fullmatch(span)
            if m is not None:
                return _strip(span, start, m.start("name"), m.end("name"))
        return None
    if label == "GPE_SUB":
        m = _DESIGNATED.search(span)
        if m is not None and m.start() == 0:
            return _strip(span, start, m.start("name"), m.end("name"))
    return None


def _strip(span: str, offset: int, s: int, e: int) -> tuple[int, int] | None:
    while s < e and span[s].isspace():
        s += 1
    while e > s and span[e - 1].isspace():
        e -= 1
    if e <= s or (s == 0 and e == len(span)):
        return None
    return offset + s, offset + e
