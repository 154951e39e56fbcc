"""Chinese personal names in Kazakh text: «Лао Шэ, Ван Мин, Лу Синь», «Си Цзиньпиннің».

The news-trained model cuts such names short («Шэ», «Синь») or takes them for institutions
(«Ван Мин»); two or three capitalised words that read as a Chinese name
(:func:`kg.text.chinese.chinese_name`, the last one without its Kazakh case ending) are a
person, unless a gazetteer knows them as a place or a head word follows (ауданы, баспасы ...).

>>> text = "Қытайдың Конфуций, Лао Шэ, Ван Мин, Лу Синь және Си Цзиньпиннің сөзі; Ван Мин ауданы; Кеше Ли Пэн"
>>> [(text[c.start:c.end], c.canonical) for c in find_chinese_names(text)]
[('Лао Шэ', 'Лао Шэ'), ('Ван Мин', 'Ван Мин'), ('Лу Синь', 'Лу Синь'), ('Си Цзиньпиннің', 'Си Цзиньпин'), ('Ли Пэн', 'Ли Пэн')]
"""

from __future__ import annotations

import re

from kg.extract.kk.model import ORG_STEMS
from kg.extract.kk.rules import CAP, LOW
from kg.extract.spans import Candidate
from kg.lexicon.places import lookup_place
from kg.text.chinese import chinese_name
from kg.text.kk_morph import split_suffix

__all__ = ["find_chinese_names"]

_WORD = re.compile(rf"(?<![\w-])[{CAP}][{LOW}]+(?![\w-])")
#: Words after a name that make it a place or a body («Ван Мин ауданы», «… баспасы»).
_HEADS = ("ауда", "облыс", "қала", "провинция", "ауыл", "өзен", "тау", "көше", "баспа", "газет",
          *ORG_STEMS)


def find_chinese_names(text: str) -> list[Candidate]:
    """Chinese names of two or three words (source ``rule``), canonical without the case ending."""
    words = list(_WORD.finditer(text))
    out, i = [], 0
    while i < len(words):
        found = _name_at(text, words, i)
        if found is None:
            i += 1
            continue
        out.append(found[0])
        i += found[1]
    return out


def _name_at(text: str, words: list[re.Match], i: int) -> tuple[Candidate, int] | None:
    """The longest Chinese name opening at word ``i`` and the number of its words."""
    for n in (3, 2):
        run = words[i:i + n]
        if len(run) < n or any(text[a.end():b.start()] != " " for a, b in zip(run, run[1:])):
            continue
        stem, _ = split_suffix(run[-1].group())
        name = [*(w.group() for w in run[:-1]), stem]
        if not chinese_name(name):
            continue
        end = run[-1].end()
        following = text[end:end + 20].split()[:1]
        if (lookup_place(" ".join(name), "kk") is None
                and not (following and following[0].lower().startswith(_HEADS))):
            return Candidate(run[0].start(), end, "PERSON", "rule", " ".join(name)), n
        return None
    return None
