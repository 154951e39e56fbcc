"""Sentences around a span of text: the evidence stored with every mention.

>>> sentence_around("Бірінші сөйлем. Қазақстан тәуелсіз ел. Үшінші.", 16, 25)
'Қазақстан тәуелсіз ел.'
>>> sentence_around("Кеңес\\n- Ерлан ҚАРИН** – төраға\\n- Индира РЫСТИНА** – редактор", 8, 19)
'- Ерлан ҚАРИН** – төраға'
>>> sentence_around("Бұл туралы Н.Ә. Назарбаев айтты. Келесі.", 11, 25)
'Бұл туралы Н.Ә. Назарбаев айтты.'
"""

from __future__ import annotations

import re

from kg.text.lang import CAPITALS

# a sentence end before a capital (not an initial's full stop: «Н.Ә. Назарбаев», "Mincer J.
# Schooling"), a blank line, or a line that opens a list item
_BOUNDARY = re.compile(
    rf"(?<=[.!?…])(?<!\b[{CAPITALS}]\.)\s+(?=[«\"“(]?[{CAPITALS}0-9])|\n\s*\n"
    r"|\n[ \t]*(?=[-•*][ \t]|\d{1,2}[.)][ \t])")


def sentence_around(text: str, start: int, end: int, window: int = 600) -> str:
    """The sentence containing ``text[start:end]`` (bounded by ``window`` characters).

    >>> sentence_around("Бірінші сөйлем. Қазақстан тәуелсіз ел. Үшінші.", 16, 25)
    'Қазақстан тәуелсіз ел.'
    """
    left, right = sentence_bounds(text, start, end, window)
    return re.sub(r"\s+", " ", text[left:right]).strip()


def sentence_bounds(text: str, start: int, end: int, window: int = 600) -> tuple[int, int]:
    """Start and end offsets of the sentence around ``text[start:end]``."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, min(len(text), start + 2)):
        if m.end() <= start:
            left = m.end()
    right_match = _BOUNDARY.search(text, end, hi)
    return left, (right_match.start() if right_match else hi)
