"""Where a Kazakh document title found by :mod:`kg.extract.kk.titles` starts and ends, and
its canonical form: the title words before «туралы», the owner or parties that open or stay
outside it, a place in an oblique case that opens none, the head word uninflected.

>>> trim("Ел Балалар құқығы туралы Конвенция", 3, 34, "about-title")
(3, 34)
>>> canonical("«Мәдени ынтымақтастық туралы келісімге»", "head-in-quotes")
'«Мәдени ынтымақтастық туралы келісім»'
"""

from __future__ import annotations

import re

from kg.extract.kk.rules import (
    CAP,
    KK_SENTENCE_START,
    LAW_HEADS,
    LOW,
    PROGRAM_HEADS,
    canonical_head,
    inflected_place,
    plural_head,
)
from kg.extract.spans import sentence_initial
from kg.lexicon.catalog import lookup_act
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.text.kk_morph import normalize_kk

__all__ = ["ABOUT", "OWNER", "TITLE_WORD", "Span", "bare_head", "canonical", "dated_title_start",
           "third_person", "title_before", "trim"]

OWNER = r"(?:БҰҰ|ТМД|ЕО|ЕҚЫҰ|ШЫҰ|ЕАЭО|ЮНЕСКО|ХЕҰ|ДСҰ)(?:-[{LOW}]+)?".replace("{LOW}", LOW)
TITLE_WORD = rf"[{CAP}{LOW}A-Za-z0-9][{CAP}{LOW}A-Za-z0-9-]*"
_OWNER_GENITIVE = re.compile(rf"{OWNER}(?<=-[{LOW}][{LOW}]ң)")
#: Words that end an unquoted title before its head: «… туралы Заң», «… қарсы БҰҰ конвенциясы».
ABOUT = ("туралы", "қарсы")
_DATED_OPENERS = frozenset({"Бұл", "Осы", "Ол", "Сол", "Және", "Сондай-ақ", "Мысалы", "Мәселен"})


def third_person(word: str) -> bool:
    """``тұжырымдамасы``, ``жоспарын``: a head word with the possessive of a title, not a
    bare one (``жоспар``) or a personal one (``жоспарымыз``).

    >>> third_person("тұжырымдамасына"), third_person("жоспарымызды"), third_person("жоспар")
    (True, False, False)
    """
    lower = word.lower()
    for stem in sorted(PROGRAM_HEADS, key=len, reverse=True):
        if lower.startswith(stem):
            rest = lower[len(stem):]
            return rest.startswith(("ы", "і", "сы", "сі")) and not re.match(r"с?[ыі]?[мң]", rest)
    return False


def dated_title_start(text: str, year: int) -> int:
    """Where a dated program's title starts: at the first capitalised word of the title words
    right before the year when they end in a genitive or a locative adjective (``… дамытудың
    2030 жылға дейінгі``, ``Қазақстан Республикасындағы 2030 жылға дейінгі``), else at the year.

    >>> text = "Ол Қазақстан Республикасын әлеуметтік дамытудың 2030 жылға дейінгі тұжырымдамасы"
    >>> text[dated_title_start(text, text.index("2030")):text.index(" 2030")]
    'Қазақстан Республикасын әлеуметтік дамытудың'
    """
    begin = title_before(text, year, 10)
    if begin is None:
        return year
    words = list(re.finditer(r"\S+", text[begin:year]))
    if not words[-1].group().endswith(("дың", "дің", "тың", "тің", "ның", "нің", "дағы", "дегі",
                                       "тағы", "тегі")):
        return year
    caps = [w for w in words if w.group()[0].isupper() and w.group() not in _DATED_OPENERS]
    return begin + caps[0].start() if caps else year


class Span:
    """A match-like ``(start, end)`` pair."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_TITLE_TOKEN = re.compile(TITLE_WORD)


def title_before(text: str, pos: int, most: int = 12) -> int | None:
    """Start of the run of up to ``most`` title words (no punctuation) ending right before
    ``pos``, or None if there is none.

    >>> title_before("Ол, Бала құқықтары туралы", 19)
    4
    """
    begin, end, count = None, pos, 0
    for _ in range(most):
        stop = end
        while stop > 0 and text[stop - 1].isspace():
            stop -= 1
        if stop == end or stop == 0:
            break
        first = stop
        while first > 0 and not text[first - 1].isspace():
            first -= 1
        if not _TITLE_TOKEN.fullmatch(text, first, stop):
            break
        begin, end, count = first, first, count + 1
    return begin


def trim(text: str, start: int, end: int, rule: str) -> tuple[int, int] | None:
    """Where a title starts: at its first capitalised word (about-title), never on a bare
    sentence-initial common word (named-document); None drops the match."""
    if rule in ("quoted-about", "head-in-quotes", "program-in-quotes") and plural_head(text[start:end].split()[-1]):
        close = max(text.rfind(q, start, end) for q in "»\"”")
        return (start, close + 1) if rule == "quoted-about" and close > start else None
    if rule == "about-title":
        words = list(re.finditer(r"\S+", text[start:end]))
        if plural_head(words[-1].group()):
            return None  # «… туралы декларациялардың»: several documents, no title
        # «Канада, АҚШ және Мексика арасындағы Солтүстік Американың … келісімі»: the parties
        # before «арасындағы» are outside the title that follows them
        between = max((i for i, w in enumerate(words[:-1]) if w.group() == "арасындағы"
                       and words[i + 1].group()[0].isupper()), default=None)
        if between is not None:
            start, words = start + words[between + 1].start(), words[between + 1:]
            words = list(re.finditer(r"\S+", text[start:end]))
        # «Қазақстан БҰҰ-ның … қарсы конвенциясына»: an owner in the genitive opens the title
        owner = max((i for i, w in enumerate(words[:-1]) if _OWNER_GENITIVE.fullmatch(w.group())),
                    default=None)
        if owner:
            start = start + words[owner].start()
            words = list(re.finditer(r"\S+", text[start:end]))
        # «Үрімшіде ынтымақтастық туралы келісім»: a place in an oblique case opens no title
        caps = [w for w in words if w.group()[0].isupper() and not _oblique_place(w.group())]
        about = max(i for i, w in enumerate(words) if w.group() in ABOUT)
        if caps == [words[-1]] and 2 <= about <= 4 \
                and words[0].group().capitalize() not in _DATED_OPENERS:
            return start, end  # (мысалы, бала құқықтары туралы Конвенция): the head is capitalised
        if not caps:
            return None
        first = caps[0]
        if len(caps) > 1 and caps[1].start() == words[1].start() and first is words[0] \
                and sentence_initial(text, start + first.start(), KK_SENTENCE_START) \
                and lookup_place(first.group(), "kk") is None \
                and lookup_country(first.group(), "kk") is None and first.group() != "ҚР":
            caps = caps[1:]  # "Ел Балалардың … туралы": a sentence-initial word before the title
            first = caps[0]
        elif len(caps) > 1 and caps[1] is words[1] and first is words[0] \
                and _bare_country(first.group()) and not caps[1].group().startswith("Республика"):
            caps = caps[1:]  # "Қазақстан Балалардың … туралы конвенцияны": the country acts
            first = caps[0]
        if first.group() in ("Бұл", "Осы", "Ол", "Сол", "Және", "Сондай-ақ"):
            rest = [w for w in caps[1:] if w.start() < words[-1].start()]
            if not rest:
                return None
            first = rest[0]
        if first is words[-1]:
            return None
        return start + first.start(), end
    if rule == "english-act" and text.startswith("The ", start):
        return start + 4, end  # a leading "The" is outside the span (The Lobbying Disclosure Act)
    if rule == "named-rules":  # the capital before the rules' words opens no sentence
        words = list(re.finditer(r"\S+", text[start:end]))
        owner = next((i for i, w in enumerate(words[:2]) if w.group().endswith(_GENITIVE)), None)
        key = words[0] if owner is None else words[owner + 1]
        if key.group() in _DATED_OPENERS or sentence_initial(text, start + key.start(), KK_SENTENCE_START):
            return None
        return start, end
    if rule in ("named-document", "named-charter"):
        first = text[start:end].split()[0]
        known = lookup_place(first, "kk") or lookup_country(first, "kk")
        if known is None and sentence_initial(text, start, KK_SENTENCE_START) \
                and lookup_act(canonical(text[start:end], rule), "kk") is None:
            return None  # a sentence-initial common word, unless the catalogue knows the title
        if first in ("Бұл", "Осы", "Аталған", "Жаңа", "Бұны"):
            return None
    return start, end


_GENITIVE = ("дың", "дің", "тың", "тің", "ның", "нің")
def _bare_country(word: str) -> bool:
    """``Қазақстан``, ``Ресей``: a country named in the nominative, a sentence's subject before
    a title, not its owner (``Қазақстанның``, ``Қазақстан Республикасының``).

    >>> _bare_country("Қазақстан"), _bare_country("Қазақстанның"), _bare_country("Ел")
    (True, False, False)
    """
    found = lookup_country(word, "kk")
    return found is not None and word in (*found.names.values(), *found.aliases)


_LOCATIVE = re.compile(rf"[{LOW}](?:да|де|та|те)")


def _oblique_place(word: str) -> bool:
    """``Пекинде``, ``Үрімшіде``: a place (known, or an unknown word in the locative) that opens
    no title; ``Канада`` is a country in the nominative.

    >>> _oblique_place("Үрімшіде"), _oblique_place("Канада"), _oblique_place("Балалардың")
    (True, False, False)
    """
    if inflected_place(word):
        return True
    tail = word.rstrip(",.;:")
    return (_LOCATIVE.search(tail[-3:]) is not None and len(tail) > 4
            and lookup_place(tail, "kk") is None and lookup_country(tail, "kk") is None)


def canonical(surface: str, rule: str) -> str:
    """Whitespace folded; the head word (last word, or last word inside the quotes) uninflected."""
    s = re.sub(r"\s+", " ", surface).strip()
    if rule in ("surname-initials", "patronymic"):
        return s
    if rule == "named-program":  # the catalogue's name (Тұрақты даму мақсаттары), if it has one
        low = normalize_kk(s.lower())
        entry = lookup_act(low, "kk") or lookup_act(low.removeprefix("жаһандық "), "kk")
        if entry is not None:
            return entry.names.get("kk") or s
    if rule in ("english-act", "named-program") and not s.endswith(tuple(LOW)):
        return s
    if rule == "head-in-quotes":
        inner, close = s[:-1], s[-1]
        words = inner.split(" ")
        words[-1] = bare_head(words[-1])
        return " ".join(words) + close
    words = s.split(" ")
    words[-1] = canonical_head(words[-1])
    return " ".join(words)


def bare_head(word: str) -> str:
    """``келісімге`` -> ``келісім``: a head word inside quotes loses its case ending.

    >>> bare_head("меморандумға"), bare_head("конвенциясы")
    ('меморандум', 'конвенция')
    """
    lower = word.lower()
    for stem in sorted(LAW_HEADS, key=len, reverse=True):
        if lower.startswith(stem):
            return word[:len(stem)]
    return word
