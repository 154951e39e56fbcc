"""Lines that are not prose: table rows, figure and table captions, statistics, codes.

Journal files keep their tables as tab-separated lines («Константа\\t144,250***\\t152,634***»)
and their captions as lines of their own («Кесте 2 – ...», «Figure 3.»). Names found there
are cell labels, regression terms and respondent codes more often than entities, so the
extractors' filters (``kg.extract.filters.tables``) keep only names a catalogue confirms.

>>> is_table_line("Константа\\t144,250***\\t152,634***")
True
>>> is_table_line("Residual Std. Error 36,926 (df = 41399) 60,830 (df = 30886)")
True
>>> is_table_line("Кесте 2 – Респонденттердің жасы")
True
>>> is_table_line("Қазақстан 1995 жылы Конституциясын қабылдады.")
False
>>> [text[s:e] for text in ["Мәтін.\\nКЖ-03 - КЖ-17\\nМәтін."] for s, e in table_lines(text)]
['КЖ-03 - КЖ-17']
"""

from __future__ import annotations

import re

__all__ = ["is_table_line", "table_lines"]

_CAPTION = re.compile(
    r"^\W*(?:Кесте|Сурет|Диаграмма|Сызба|График|Table|Figure|Fig\.|Chart|Таблица|Рисунок|Схема)"
    r"\s*[№N]?\s*\d"
    # a figure's description, as document converters write it for an image
    r"|^\W*(?:The|This)\s+(?:screenshot|image|figure|chart|diagram|photo|picture|graph|infographic)"
    r"\s+(?:shows|displays|depicts|presents|illustrates)\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![^\W\d_])[-+−]?\d+(?:[.,]\d+)*%?\**")
_CODE = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,4}-\d{1,4}(?![^\W\d_])")
_WORD = re.compile(r"[^\W\d_]{2,}")
_URL = re.compile(r"<?(?:https?://|www\.|doi\.org/)\S+")


def is_table_line(line: str) -> bool:
    """True if ``line`` looks like a table row, a caption, a line of figures or of codes.

    * a tab between two cells (a leading indent does not count);
    * a caption: «Кесте 1», «Сурет 2», «Table 3», «Figure 4», «Таблица 5», «Рисунок 6», or an
      image's description ("The screenshot shows …");
    * two or more numbers making at least a quarter of the non-space characters (addresses
      left out);
    * codes («КЖ-03») at least as many as the other words.
    """
    body = line.strip()
    if not body:
        return False
    if "\t" in body or _CAPTION.match(body):
        return True
    body = _URL.sub(" ", body)
    numbers = _NUMBER.findall(body)
    if len(numbers) >= 2 and sum(map(len, numbers)) * 4 >= sum(map(len, body.split())):
        return True
    codes = len(_CODE.findall(body))
    return codes > 0 and codes * 2 >= len(_WORD.findall(body))


def table_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every table-like line of ``text``, in order (end without ``\\n``)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if is_table_line(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
