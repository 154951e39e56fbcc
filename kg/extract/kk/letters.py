"""The letters, quotes, sentence starts and titles every Kazakh rule module reads.

>>> import re
>>> bool(re.fullmatch(f"[{CAP}][{LOW}]+", "Қазақстан")), "Елбасы" in TITLES
(True, True)
"""

from __future__ import annotations

import re

from kg.extract.spans import SentenceStart

__all__ = ["CAP", "KK_SENTENCE_START", "LOW", "QUOTED", "TITLES"]

CAP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LOW = "а-яёәғқңөұүһі"
QUOTED = r"[«\"“„][^«»\"“”„\n]{2,160}[»\"”]"
#: After ``. ! ? : ;`` and any white space; a bare line break inside a paragraph is no
#: sentence start (journal text is hard-wrapped).
KK_SENTENCE_START = SentenceStart(re.compile(r"(?:\A|[.!?:;])\s*\Z"))

#: Titles written before a name («Елбасы Нұрсұлтан Назарбаев»), never part of it.
TITLES = frozenset({"Елбасы", "Президент", "Президенті", "Премьер-министр", "Мемлекет",
                     "Министр", "Төраға", "Әкім", "Профессор"})
