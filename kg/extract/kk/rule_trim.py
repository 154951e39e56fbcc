"""Where a Kazakh rule's match starts and ends: what the rules cut (a sentence-initial
capital, a word in another case, a place at the centre of a name) and which matches are no
names at all (a common word before «хан», initials after a surname, a genitive's strategy).

>>> t = "Бұл – Қытайдың жаңа экономикалық стратегиясы."
>>> opens_a_title(t, t.index("Қытайдың"), t.index("."))
False
"""

from __future__ import annotations

import re

from kg.extract.kk.heads import LAW_HEADS, PROGRAM_HEADS
from kg.extract.kk.letters import CAP, KK_SENTENCE_START, LOW, TITLES
from kg.extract.spans import sentence_initial
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place

__all__ = ["NAMED_BEFORE", "inflected_place", "no_name", "opens_a_title", "plural_head",
           "surname_before", "trim"]

#: Rules whose first word must be a name: not a common word («Бұл хан», «Жас ауылы»), and for
#: a settlement not a people or country («Қазақ ауылы», «Қытай ауылы»).
NAMED_BEFORE = frozenset({"settlement", "khan"})
_PEOPLES = frozenset({"Қазақ", "Орыс", "Ұйғыр", "Неміс", "Татар", "Өзбек", "Қырғыз", "Түрік", "Дүнген",
                      "Кәріс", "Украин", "Шешен", "Әзірбайжан", "Тәжік", "Түрікмен"})


_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ова|ева|ина|ұлы|улы|қызы|кызы|ский|цкий|ская|енко|дзе|швили|ян)$")
_WORD_BEFORE = re.compile(rf"(?<![\w-])([{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?) \Z")


def surname_before(text: str, start: int) -> bool:
    """Is the word just before initials at ``start`` a surname they follow («Тоқаев Қ. К.»):
    capitalised, of a surname's shape (Джон П. Бернс is a given name and an initial), no title
    (Президент Қ.К. Тоқаев) and no common word?

    >>> t = "Тоқаев Қ. К. Әділетті Қазақстан. Бұл Н. Назарбаев. Джон П. Бернс"
    >>> [surname_before(t, t.index(x)) for x in ("Қ. К.", "Н. Н", "П. Б")]
    [True, False, False]
    """
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return (m is not None and _SURNAME_END.search(m.group(1)) is not None
            and m.group(1) not in TITLES and not is_common_word(m.group(1), "kk"))


def no_name(word: str, rule: str) -> bool:
    """``word`` cannot open the name a ``settlement`` or ``khan`` rule found.

    >>> no_name("Бұл", "khan"), no_name("Қазақ", "settlement"), no_name("Жетібай", "settlement")
    (True, True, False)
    """
    if is_common_word(word, "kk"):
        return True
    return rule == "settlement" and (word in _PEOPLES or lookup_country(word, "kk") is not None)


_PLURALS = ("дар", "дер", "лар", "лер", "тар", "тер")


def plural_head(word: str) -> bool:
    """``заңдар``, ``бағдарламалар``: a head word in the plural (shared by several names)."""
    lower = word.lower()
    for stem in sorted({**LAW_HEADS, **PROGRAM_HEADS}, key=len, reverse=True):
        if lower.startswith(stem):
            return lower[len(stem):].startswith(_PLURALS)
    return False


def trim(text: str, start: int, end: int, rule: str) -> tuple[int, int]:
    """Cut what a rule over-matched.

    A shared plural head («...» және «...» заңдар) keeps only the quoted name; a
    named institution starts at its first capitalised word.
    """
    if rule in ("quoted-law", "quoted-program") and plural_head(text[start:end].split()[-1]):
        close = text.rfind("»", start, end)
        return (start, close + 1) if close > start else (end, end)
    if rule == "named-program":
        return (start, end) if opens_a_title(text, start, end) else (end, end)
    if rule not in ("named-org", "capital-head", "attached-body"):
        return start, end
    span = text[start:end]
    if lookup_country(span, "kk") is not None:
        return end, end  # «Кеңес Одағы ыдырағаннан»: a country (the Soviet Union), no institution
    # "ЕҚЫҰ және Еуропалық Кеңес", "ЮНКТАД, ПРООН, Британ Кеңесі": a capitalised word after
    # "және" or a comma starts a new name
    # (the last such word: the offsets are the whole span's)
    last = None
    for last in re.finditer(rf"(?:\s+және\s+|,\s+)(?=[{CAP}])", span):
        pass
    if last is not None:
        start, span = start + last.end(), span[last.end():]
    words = list(re.finditer(r"\S+", span))
    # "Қытаймен байланыс Шанхай ынтымақтастық ұйымы": a word in another case ends the sentence part
    # "Өзбекстандағы махалла институты", "Орталық Азиядағы негізгі хабы": "in X" before a
    # lower-case word is no name
    # and "Нұрсұлтан Назарбаевқа Халықаралық түркі академиясы": a name in the dative or ablative
    cut = max((w.end() for i, w in enumerate(words[:-1]) if _ends_a_name(w.group(), words[i + 1].group())),
              default=0)
    if cut:
        start, span = start + cut, span[cut:]
    words = list(re.finditer(r"\S+", span))
    capitals = [w for w in words if w.group()[0].isupper() or w.group()[0] in "«\"“"]
    if not capitals:
        return end, end
    while len(capitals) > 1 and capitals[0].group().rstrip(",") in TITLES:
        capitals = capitals[1:]  # "Елбасы Білім және ғылым министрлігі": a title opens no name
    first = capitals[0]
    sentence_start = sentence_initial(text, start + first.start(), KK_SENTENCE_START)
    if sentence_start and len(capitals) == 1 and not _known_place(first.group()) \
            and lookup_institution(span[first.start():], "kk") is None \
            and not words[-1].group().lower().startswith(_BODY_ONLY_HEADS):
        return end, end  # "Зерттеу қорытындысы": only a sentence-initial capital (a catalogued
        # «Еңбек және әлеуметтік қорғау министрлігі» opening a reference entry is a name, and so
        # is any «… министрлігі»: «Білім министрлігі баяндама жасады»)
    if sentence_start and len(words) > 1 and len(capitals) > 1 and words[1].group()[0].isupper() \
            and first.group().rstrip(",") not in _KEEP_FIRST and "." not in first.group() \
            and not first.group().split("-")[0].isupper() and not _LATIN_WORD.match(first.group()):
        first = capitals[1]  # "Елбасы Білім және ғылым министрлігі"; "Goldman Sachs" is a name
    if _place_centre(span[first.start():]):
        return end, end
    return start + first.start(), end


_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
#: Heads that name nothing but a state body, so a sentence-initial capital before them opens
#: a name (a ministry, an agency), unlike «орталығы» or «қоры» («Қала орталығында»).
_BODY_ONLY_HEADS = ("министрлі", "агенттіг")


def opens_a_title(text: str, start: int, end: int) -> bool:
    """Does the capital at ``start`` open a program's title (``named-program``)? Not at a
    sentence start, not a name in the genitive (whose strategy: «Қытайдың экономикалық
    стратегиясы»), not a person, country or place, and the head is not a plural.

    >>> t = "2016 жылдан бастап 2030 жылға дейін Отбасылық және гендерлік саясат тұжырымдамасын іске асыру"
    >>> opens_a_title(t, t.index("Отбасылық"), t.index(" іске"))
    True
    >>> t = "Бұл – Қытайдың жаңа экономикалық стратегиясы. Мемлекеттік басқарудың жаңа тұжырымдамасы"
    >>> opens_a_title(t, t.index("Қытайдың"), t.index(".")), opens_a_title(t, t.index("Мем"), len(t))
    (False, False)
    """
    words = text[start:end].split()
    first = words[0]
    return not (sentence_initial(text, start, KK_SENTENCE_START) or first.endswith(_GENITIVE)
                or plural_head(words[-1]) or lookup_country(first, "kk") is not None
                or _known_place(first) or first in TITLES)
#: A word in Latin letters: a name in Kazakh text wherever it stands.
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*$")


def _place_centre(span: str) -> bool:
    """``Алматының орталығында``: a place's centre (its middle), not an institution.

    >>> _place_centre("Алматының орталығында"), _place_centre("Назарбаев орталығы")
    (True, False)
    """
    words = span.split()
    return (len(words) == 2 and words[1].lower().startswith("орталығ")
            and words[0].endswith(_GENITIVE) and _known_place(words[0]))


_OBLIQUE = ("мен", "бен", "пен", "ға", "ге", "қа", "ке", "да", "де", "та", "те", "дан", "ден",
            "тан", "тен", "нан", "нен")  # dative, locative, ablative, instrumental


_IN_PLACE = ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі")
#: The dative and ablative of a capitalised word (not the -тан of Британ, nor the -ка of
#: Статистика: a -қа/-ке dative follows a consonant).
_TO_FROM = re.compile(rf"[{CAP}][{LOW}]{{2,}}(?:ға|ге|[^аәеиоөұүыіэюяу\W]қа|[^аәеиоөұүыіэюяу\W]ке|дан|ден|нан|нен)")


def _ends_a_name(word: str, following: str) -> bool:
    """``word`` cannot sit inside the institution name that ends after ``following``: a place in
    an oblique case, a capitalised "in X" before a lower-case word (not «… жөніндегі комиссия»),
    a capitalised word in the dative or ablative that is no place in the nominative.

    >>> _ends_a_name("Назарбаевқа", "Халықаралық"), _ends_a_name("Азиядағы", "негізгі")
    (True, True)
    >>> _ends_a_name("Қытайдағы", "Конфуций"), _ends_a_name("Британ", "Кеңесі")
    (False, False)
    >>> _ends_a_name("Статистика", "комитеті")
    False
    """
    if inflected_place(word):
        return True
    if word[:1].isupper() and word.endswith(_IN_PLACE) and following[:1].islower():
        return True
    return _TO_FROM.fullmatch(word) is not None and not _known_place(word)


def inflected_place(word: str) -> bool:
    """``Қытаймен``, ``Пекинде``: a place in an oblique case cannot open an institution's name."""
    if not word[:1].isupper() or not word.lower().endswith(_OBLIQUE):
        return False
    found = lookup_country(word, "kk") or lookup_place(word, "kk")
    return found is not None and word not in (*found.names.values(), *found.aliases)


_KEEP_FIRST = frozenset({"Қазақстан", "ҚР", "Қазақстанның", "Еуразиялық", "Еуропалық", "Ұлттық", "Біріккен",
                         "Халықаралық", "Мемлекеттік", "Президенттік", "Ресей", "Қытай"})


def _known_place(word: str) -> bool:
    return lookup_place(word, "kk") is not None or lookup_country(word, "kk") is not None
