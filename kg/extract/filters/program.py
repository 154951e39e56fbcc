"""Programs need a program head word and a proper title, or a name the catalogue knows.

A head word (бағдарлама, стратегия, тұжырымдама, жоба, программа, концепция, program,
strategy, concept, initiative ...) and a title: a quoted name opening with a capital, a
number or year, an acronym, or a
capitalised word that is not just a common word opening the sentence. An acronym a
definition gave the label (``АСП``) passes, and so does a quoted title whose head word stands
near it (``программ («Бастау», «Старт»)``). An academic concept
(«жұмсақ күш» тұжырымдамасы, «күнделікті қарсылық» тұжырымдамасы) has no title, and a research
grant («Мақала AP23485390 «…» гранттық қаржыландыру жобасы аясында», "grant project") is no
public program.

>>> from kg.extract.filters.context import FilterContext
>>> text = "«жұмсақ күш» тұжырымдамасы, «Нұрлы жол» бағдарламасы, Цифрлық Қазақстан стратегиясы"
>>> found = [Candidate(m.start(), m.end(), "PROGRAM", "ner") for m in re.finditer(
...     r"«жұмсақ күш» тұжырымдамасы|«Нұрлы жол» бағдарламасы|Цифрлық Қазақстан стратегиясы", text)]
>>> [text[c.start:c.end] for c in filter_programs(FilterContext(text, "kk"), found)]
['«Нұрлы жол» бағдарламасы', 'Цифрлық Қазақстан стратегиясы']
"""

from __future__ import annotations

import re

from kg.extract.filters.context import (
    FilterContext,
    confirmed,
    head_nearby,
    headed_elsewhere,
    surface,
    words,
)
from kg.extract.spans import Candidate, is_acronym
from kg.lexicon.common import is_common_word
from kg.text.names import initials

__all__ = ["PROGRAM_HEADS", "filter_programs"]

#: Lower-case stems of program head words in kk, ru and en.
PROGRAM_HEADS = (
    "бағдарлама", "стратегия", "тұжырымдама", "жоба", "бастама", "жоспар", "доктрина",
    "программ", "стратеги", "концепци", "проект", "инициатив", "план", "доктрин",
    "program", "strateg", "concept", "project", "initiative", "plan", "doctrine", "agenda",
    "жыл", "науқан",  # a named year (Жастар жылы), a campaign («HeForShe» науқаны)
    "бесжылдық", "пятилетк", "five-year",  # a numbered five-year plan (11-бесжылдық)
    "идея", "идеолог",  # a state idea («Мәңгілік Ел» идеясы)
)
_GENERIC = re.compile(r"^(?:мемлекеттік|state|national|ұлттық|the|of|for|and|new|жаңа|"
                      r"государственн\w*|национальн\w*|федеральн\w*|federal)$", re.IGNORECASE)


def _titled(ctx: FilterContext, cand: Candidate) -> bool:
    text = surface(ctx, cand)
    if re.search(r"\d|[«\"“„]\W*[^\W\d_]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ\d]", text):
        return True  # a number, or a quoted title opening with a capital («Нұрлы жол»)
    offset = cand.start
    for m in re.finditer(r"\S+", text):
        word = m.group().strip("«»\"“”„'’.,;:()")
        if not word[:1].isupper() or word.lower().startswith(PROGRAM_HEADS) or _GENERIC.match(word):
            continue
        if word.isupper() and len(word) > 1:
            return True  # an acronym: «Е-АПК стратегиясы»
        if not (ctx.sentence_initial(offset + m.start()) and is_common_word(word, ctx.lang)):
            return True
    return False


_DEFINED = re.compile(r"\s*\(([^\W\d_]{2,8})\)")


def _defined_by_acronym(ctx: FilterContext, cand: Candidate) -> bool:
    """True when the span is spelled out by the acronym in brackets after it.

    >>> text = "атаулы әлеуметтік көмек (АӘК)"
    >>> _defined_by_acronym(FilterContext(text, "kk"), Candidate(0, 23, "PROGRAM", "rule"))
    True
    """
    m = _DEFINED.match(ctx.text, cand.end)
    if not m or not is_acronym(m.group(1)):
        return False
    return initials(surface(ctx, cand)) == m.group(1).upper()


#: A research grant: its head («гранттық қаржыландыру жобасы», "grant project"), or the grant's
#: number (AP23485390, BR21882206, ИРН …) just before the title.
_GRANT_HEAD = re.compile(r"(?:грант\w*\s+(?:қаржыландыру\s+)?жоба|ғылыми\s+жоба|грантов\w*\s+проект|"
                         r"научн\w*\s+проект|grant\s+project|research\s+project)", re.IGNORECASE)
_GRANT_NUMBER = re.compile(r"(?:\b(?:AP|BR|OR)\d{6,}|ИРН|IRN|№\s*AP\d+)\W*$")


def _research_grant(ctx: FilterContext, cand: Candidate) -> bool:
    text = surface(ctx, cand)
    after = ctx.text[cand.end:cand.end + 40]
    return bool(_GRANT_HEAD.search(text) or _GRANT_HEAD.match(after.lstrip())
                or _GRANT_NUMBER.search(ctx.text[max(0, cand.start - 25):cand.start]))


#: A quoted name of a policy («Ашық есік» саясаты): its own head word; an unquoted «… саясаты»
#: is a field of policy (Қазақстанның сыртқы саясаты), never a program.
_NAMED_POLICY = re.compile(r"[«\"“„][^«»\"“”„]+[»\"”]\s+саясат\w*")


def filter_programs(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Drop program spans without a head word and a title, unless catalogued or spelled out."""
    out = []
    for cand in found:
        if cand.label == "PROGRAM" and _research_grant(ctx, cand):
            continue
        if (cand.label != "PROGRAM" or is_acronym(surface(ctx, cand)) or confirmed(ctx, cand)
                or _defined_by_acronym(ctx, cand) or headed_elsewhere(ctx, cand, PROGRAM_HEADS)):
            out.append(cand)
            continue
        ws = words(surface(ctx, cand))
        headed = any(w.lower().rpartition("-")[2].startswith(PROGRAM_HEADS) for w in ws) or bool(
            _NAMED_POLICY.fullmatch(surface(ctx, cand))) or (
            re.fullmatch(r"\W*[«\"“„].*", surface(ctx, cand)) and head_nearby(ctx, cand, PROGRAM_HEADS))
        if headed and _titled(ctx, cand):
            out.append(cand)
    return out
