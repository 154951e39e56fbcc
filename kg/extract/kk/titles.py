"""Kazakh document titles the head-word rules of :mod:`kg.extract.kk.rules` miss.

Laws whose head word sits inside the quotes («… туралы келісімге»), agreements on a quoted
plan, unquoted ``… туралы Заңы``/``конвенциясы`` titles with their owner, named charters and
declarations (Париж Хартиясы), numbered decrees (``№ 678 Қаулысы``), English act titles in
Kazakh text, and a few programs named without a head word (атаулы әлеуметтік көмек). Each
candidate has source ``rule``; :func:`find_titles` returns them unresolved.

>>> text = "«Мәдени ынтымақтастық туралы келісімге» қол қойылды"
>>> [(text[c.start:c.end], c.label, c.canonical) for c in find_titles(text)][:1]
[('«Мәдени ынтымақтастық туралы келісімге»', 'LAW', '«Мәдени ынтымақтастық туралы келісім»')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

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
from kg.extract.spans import Candidate, sentence_initial
from kg.lexicon.catalog import lookup_act
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.text.kk_morph import normalize_kk
from kg.text.sentences import sentence_bounds

__all__ = ["find_titles"]

_RK = r"(?:Қазақстан\s+Республикасы(?:ның)?\s+|ҚР(?:-ның)?\s+)"
_OWNER_COUNTRY = rf"(?:{_RK}|Қазақстанның\s+)"
_OWNER = r"(?:БҰҰ|ТМД|ЕО|ЕҚЫҰ|ШЫҰ|ЕАЭО|ЮНЕСКО|ХЕҰ|ДСҰ)(?:-[{LOW}]+)?".replace("{LOW}", LOW)
_TITLE_WORD = rf"[{CAP}{LOW}A-Za-z0-9][{CAP}{LOW}A-Za-z0-9-]*"
_ENGLISH_HEADS = "Act|Convention|Agreement|Declaration|Charter|Treaty|Code|Protocol"
_NAMED_DOCS = r"[Хх]артия|[Дд]екларация|[Кк]онвенция|[Ққ]ұжат|[Хх]аттама|[Пп]акт"
#: The date and number of an act between its quoted title and its head word:
#: «… туралы» 2016 жылғы 6 сәуірдегі № 480-V Заңы.
_DATED_NO = rf"(?:\d{{4}}\s+жылғы\s+(?:\d{{1,2}}\s+[{LOW}]+\s+)?)?(?:№\s*[\w-]+\s+)?"
_OWNER_GENITIVE = re.compile(rf"{_OWNER}(?<=-[{LOW}][{LOW}]ң)")
#: Words that end an unquoted title before its head: «… туралы Заң», «… қарсы БҰҰ конвенциясы».
_ABOUT = ("туралы", "қарсы")


def _stems(table: dict[str, str]) -> str:
    stems = sorted(table, key=len, reverse=True)
    return "(?:" + "|".join(f"[{s[0].upper()}{s[0]}]{re.escape(s[1:])}" for s in stems) + ")"


_Q = r"[«\"“][^«»\"“”\n]{2,120}[»\"”]"


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    law = _stems(LAW_HEADS)
    end = rf"[{LOW}]*(?![{LOW}])"
    return (
        # «… туралы келісімге»: the head word inside the quotes
        ("LAW", "head-in-quotes", re.compile(
            rf"(?:{_RK})?[«\"“][^«»\"“”\n]{{3,400}}?\s(?:{_OWNER}\s+)?{law}[{LOW}]*[»\"”]")),
        # «Қазақстанның демографиялық даму тұжырымдамасы-2030»: a program head inside the quotes
        ("PROGRAM", "program-in-quotes", re.compile(
            rf"[«\"“](?=[{CAP}])[^«»\"“”\n]{{3,200}}?\s{_stems(PROGRAM_HEADS)}[{LOW}]*(?:-\d{{4}})?[»\"”]")),
        # «"… жоспары" туралы келісім», «… туралы» жеке заң
        ("LAW", "quoted-about", re.compile(
            rf"(?:{_RK})?[«\"“][^«»]{{3,300}}?[»\"”]\s+(?:{_RK}(?:Үкіметінің|Президентінің)\s+)?{_DATED_NO}"
            rf"(?:туралы\s+)?(?:жеке\s+|жаңа\s+)?{law}{end}"
            rf"(?:\s+жоба{end})?")),
        # Қазақстан Республикасы Үкіметінің 2005 жылғы 1 шілдедегі № 678 Қаулысы
        ("LAW", "numbered-decree", re.compile(
            rf"(?:{_RK})?(?:Үкіметінің|Президентінің)\s+[^.;«»\n]{{0,60}}?№\s*\d+\s+"
            rf"(?:[Ққ]аулы|[Жж]арлы|[Бб]ұйры)[{LOW}]*")),
        # Әйелдер құқықтары туралы саяси Конвенция, … туралы БҰҰ конвенциясы, … туралы Заңы
        ("LAW", "about-title", re.compile(
            rf"(?<![{CAP}{LOW}])(?:{'|'.join(_ABOUT)})\s+(?:{_OWNER}\s+|саяси\s+|халықаралық\s+)?"
            rf"(?:[Кк]онвенция|[Дд]екларация|Заң|[Хх]артия|[Кк]елісім|[Мм]еморандум|[Пп]акт){end}"
            rf"(?:\s+[Фф]акультативтік\s+[Хх]аттама{end})?")),
        # БҰҰ-ның Сыбайлас жемқорлыққа қарсы конвенциясына
        ("LAW", "owned-convention", re.compile(
            rf"{_OWNER}\s+(?:[{CAP}][{LOW}-]+)(?:\s+[{LOW}-]+){{0,5}}\s+[Кк]онвенция{end}")),
        # Париж Хартиясына, Копенгаген құжаты, Бейжің декларациясы
        ("LAW", "named-document", re.compile(
            rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+\s+(?:{_NAMED_DOCS}){end}")),
        # Еуропалық әлеуметтік хартиясы, Адам құқықтарының жалпыға бірдей декларациясы
        ("LAW", "named-charter", re.compile(
            rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+(?:\s+[{LOW}-]+){{1,4}}\s+(?:[Хх]артия|[Дд]екларация|[Пп]акт)"
            rf"(?:с?[ыі])?(?:ның|нің|на|не|нда|нде|нан|нен|мен|ны|ні|н|ға|ге|да|де)?(?![{LOW}])")),
        # Мемлекеттік қызметшілердің Қызметтік әдеп қағидалары: capitalised rules of a body
        ("LAW", "named-rules", re.compile(
            rf"(?:(?:[{CAP}][{LOW}]+\s+)?[{CAP}{LOW}][{LOW}]+(?:дың|дің|тың|тің|ның|нің)\s+)?(?<![.!?]\s)"
            rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+(?:\s+[{LOW}]+){{0,3}}\s+(?:қағидалар|ережелер)[ыі][{LOW}]*")),
        # Lobbying (Disclosure) Act in Kazakh text
        ("LAW", "english-act", re.compile(
            rf"(?:[A-Z][a-z]+|\([A-Z][a-z]+\))\s+(?:(?:(?:of|on|and|for|the|in|to)\s+)?"
            rf"(?:[A-Z][a-z]+|\([A-Z][a-z]+\))\s+){{0,6}}(?:{_ENGLISH_HEADS})\b")),
        # ҚР Сыбайлас жемқорлыққа қарсы стратегиясы, Қазақстанның Даму стратегиясы
        ("PROGRAM", "owned-program", re.compile(
            rf"{_OWNER_COUNTRY}(?:\d{{4}}\s+жылға\s+дейінгі\s+)?(?:[{CAP}][{LOW}-]+(?:\s+[{LOW}-]+){{0,4}}"
            rf"|[{LOW}-]+(?:\s+[{LOW}-]+){{1,7}}\s+[Мм]емлекеттік)\s+"
            rf"(?:[Сс]тратегия|[Бб]ағдарлама|[Тт]ұжырымдама|[Дд]октрина){end}"
            rf"(?:\s+[–-]\s+«[^«»\n]{{3,200}}»)?")),
        # Кочетков А.П., Руслан Жеңісұлы Омаров
        ("PERSON", "surname-initials", re.compile(
            rf"(?<![{CAP}{LOW}.])[{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?\s+[{CAP}]\.\s?(?:[{CAP}]\.)?"
            rf"(?!\s?[{CAP}][{LOW}.])")),
        ("PERSON", "patronymic", re.compile(
            rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?\s+[{CAP}][{LOW}]{{3,}}(?:ұлы|қызы|улы|ович|евич|овна|евна)"
            rf"\s+[{CAP}][{LOW}]+")),
        # Балқаш, Кеген және Райымбек аудандарында: each name of a shared plural designator
        ("GPE_SUB", "district-list", re.compile(
            rf"(?<![{CAP}{LOW}])(?:(?:{_PLACE}{_VALUE},\s+)+(?:{_PLACE}{_VALUE}\s+(?:және|мен)\s+)?|"
            rf"{_PLACE}{_VALUE}\s+(?:және|мен)\s+)"
            rf"{_PLACE}{_VALUE}\s+(?=(?P<shared>{'|'.join(_SHARED_DESIGNATORS)})[{LOW}]*)")),
        # «HeForShe» және «Сен жалғыз емессің» науқандары: each quoted name of a shared plural head
        ("PROGRAM", "quoted-list", re.compile(
            rf"{_Q}(?:\s*,\s*{_Q})*\s*(?:,|және|мен|бен|пен)\s*{_Q}\s+"
            rf"(?:[{LOW}]+\s+){{0,2}}(?={_stems(PROGRAM_HEADS)}|{law})")),
        # «; Кемтар балаларды … қолдау туралы [33];»: a cited, unquoted title in a list of laws
        # (after a comma only with four words or more)
        ("LAW", "cited-about", re.compile(
            rf"(?:(?<=[;:]\s)|(?<=[;:]\s\s)|(?<=,\s)(?=(?:\S+\s+){{4}}))[{CAP}][^;:,«»\[\]\n.]{{3,200}}?\s+туралы(?=\s*\[\d+)")),
        # Қазақстан Республикасын әлеуметтік дамытудың 2030 жылға дейінгі тұжырымдамасы,
        # 2021–2025 жылдарға арналған даму тұжырымдамасы: a program dated by its years
        ("PROGRAM", "year-program", re.compile(
            rf"(?<![\d–-])\d{{4}}(?:\s*[–-]\s*\d{{4}})?\s+жыл(?:дар)?[ғқ]а\s+(?:дейінгі|арналған)\s+"
            rf"(?:[{LOW}-]+\s+){{0,6}}{_stems(PROGRAM_HEADS)}[{LOW}]*(?![{LOW}])")),
        ("PROGRAM", "named-program", re.compile(
            rf"(?<![{CAP}{LOW}])(?:[Аа]таулы\s+[Әә]леуметтік\s+[Кк]өмек|Халыққа\s+көмек|АӘК|"
            rf"(?:Жаһандық\s+)?(?:Орнықты|Тұрақты)\s+[Дд]аму\s+[Мм]ақсаттар){end}")),
    )


#: The plural designator a list shares -> each name's nominative.
_SHARED_DESIGNATORS = {"аудандар": "ауданы", "облыстар": "облысы", "қалалар": "қаласы"}


#: A place name in a list: one word, or a direction and a word (Солтүстік Қазақстан).
_PLACE = rf"(?:(?:Солтүстік|Оңтүстік|Шығыс|Батыс|Орталық)\s+)?[{CAP}][{LOW}-]+"

#: A figure in brackets after a name of a list: «Түркістан (11,4%), Алматы (8,1%) және …».
_VALUE = r"(?:\s*\([^()\n]{1,20}\))?"

#: Cities with the status of a region: in «Алматы, Түркістан және Маңғыстау облыстарында»
#: Алматы is the city, not the Almaty Region.
REGION_LEVEL_CITIES = frozenset({"Алматы", "Астана", "Шымкент", "Нұр-Сұлтан"})


def _designated(name: str, shared: str) -> str:
    """``name`` with the list's designator; a region («облысы») only where the gazetteer, which
    has every region, knows it (Астана, Қарағанды және Қызылорда облыстары: Астана alone)."""
    if shared != "облысы":
        return f"{name} {shared}"  # districts and towns: named by the designator
    if name in REGION_LEVEL_CITIES or lookup_place(f"{name} облысы", "kk") is None:
        return name
    return f"{name} облысы"


_REGIONS_WORD = re.compile(r"(?<![{LOW}])[Оо]блыстар[{LOW}]*".replace("{LOW}", LOW))


def regions_by_context(text: str, found: list[Candidate]) -> list[Candidate]:
    """A bare place name in a sentence about regions («Облыстар бөлінісінде … Қостанай - 120,8%,
    Ақмола - 112,7%») names the region, where the gazetteer has one of that name.

    >>> text = "Облыстар бойынша Қостанай алда."
    >>> [c.canonical for c in regions_by_context(text, [Candidate(17, 25, "GPE_SUB", "ner", "Қостанай")])]
    ['Қостанай облысы']
    """
    out = []
    for c in found:
        if c.label == "GPE_SUB" and " " not in (c.canonical or text[c.start:c.end]):
            start, _ = sentence_bounds(text, c.start, c.end)
            if _REGIONS_WORD.search(text, start, c.start):
                c = replace(c, canonical=_designated(c.canonical or text[c.start:c.end], "облысы"))
        out.append(c)
    return out


_QUOTES = ("«", '"', "“", "„")
#: Rule -> strings one of which every match holds (a cheap test that skips a pattern's scan).
NEEDS: dict[str, tuple[str, ...]] = {
    "head-in-quotes": _QUOTES, "program-in-quotes": _QUOTES, "quoted-about": _QUOTES,
    "quoted-list": _QUOTES, "numbered-decree": ("№",), "about-title": _ABOUT,
    "cited-about": ("туралы",), "owned-convention": ("онвенция",), "year-program": ("жыл",),
    "district-list": ("аудандар", "облыстар", "қалалар"),
    "english-act": tuple(_ENGLISH_HEADS.split("|")),
    "named-charter": ("артия", "екларация", "акт"), "named-rules": ("қағидалар", "ережелер"),
}


def find_titles(text: str) -> list[Candidate]:
    """Title candidates of ``text`` (source ``rule``), overlapping ones included."""
    out: list[Candidate] = []
    for label, rule, pattern in _patterns():
        needs = NEEDS.get(rule)
        if needs is not None and not any(n in text for n in needs):
            continue  # a word every match holds is missing: skip the scan
        for m in pattern.finditer(text):
            if rule == "about-title":  # the title before "туралы", read backwards (linear)
                begin = _title_before(text, m.start())
                if begin is None:
                    continue
                m = _Span(begin, m.end())
            if rule == "quoted-list":
                kind = "LAW" if _LAW_AFTER.match(text, m.end()) else label
                out += [Candidate(m.start() + q.start(), m.start() + q.end(), kind, "rule", q.group())
                        for q in re.finditer(_Q, m.group())]
                continue
            if rule == "year-program":
                if not _third_person(m.group().split()[-1]):
                    continue  # 2030 жылға дейінгі жоспарымыз: our plan, no title
                m = _Span(_dated_title_start(text, m.start()), m.end())
            if rule == "district-list":  # each name takes the designator the list shares
                shared = _SHARED_DESIGNATORS[m.group("shared")]
                out += [Candidate(m.start() + w.start(), m.start() + w.end(), label, "rule",
                                  _designated(w.group(), shared))
                        for w in re.finditer(_PLACE, m.group())]
                continue
            span = _trim(text, m.start(), m.end(), rule)
            if span is None:
                continue
            start, end = span
            out.append(Candidate(start, end, label, "rule", _canonical(text[start:end], rule)))
    return out


_LAW_AFTER = re.compile(rf"(?:[{LOW}]+\s+){{0,2}}{_stems(LAW_HEADS)}")
_DATED_OPENERS = frozenset({"Бұл", "Осы", "Ол", "Сол", "Және", "Сондай-ақ", "Мысалы", "Мәселен"})


def _third_person(word: str) -> bool:
    """``тұжырымдамасы``, ``жоспарын``: a head word with the possessive of a title, not a
    bare one (``жоспар``) or a personal one (``жоспарымыз``).

    >>> _third_person("тұжырымдамасына"), _third_person("жоспарымызды"), _third_person("жоспар")
    (True, False, False)
    """
    lower = word.lower()
    for stem in sorted(PROGRAM_HEADS, key=len, reverse=True):
        if lower.startswith(stem):
            rest = lower[len(stem):]
            return rest.startswith(("ы", "і", "сы", "сі")) and not re.match(r"с?[ыі]?[мң]", rest)
    return False


def _dated_title_start(text: str, year: int) -> int:
    """Where a dated program's title starts: at the first capitalised word of the title words
    right before the year when they end in a genitive or a locative adjective (``… дамытудың
    2030 жылға дейінгі``, ``Қазақстан Республикасындағы 2030 жылға дейінгі``), else at the year.

    >>> text = "Ол Қазақстан Республикасын әлеуметтік дамытудың 2030 жылға дейінгі тұжырымдамасы"
    >>> text[_dated_title_start(text, text.index("2030")):text.index(" 2030")]
    'Қазақстан Республикасын әлеуметтік дамытудың'
    """
    begin = _title_before(text, year, 10)
    if begin is None:
        return year
    words = list(re.finditer(r"\S+", text[begin:year]))
    if not words[-1].group().endswith(("дың", "дің", "тың", "тің", "ның", "нің", "дағы", "дегі",
                                       "тағы", "тегі")):
        return year
    caps = [w for w in words if w.group()[0].isupper() and w.group() not in _DATED_OPENERS]
    return begin + caps[0].start() if caps else year


class _Span:
    """A match-like ``(start, end)`` pair."""

    __slots__ = ("_start", "_end")

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


_TITLE_TOKEN = re.compile(_TITLE_WORD)


def _title_before(text: str, pos: int, most: int = 12) -> int | None:
    """Start of the run of up to ``most`` title words (no punctuation) ending right before
    ``pos``, or None if there is none.

    >>> _title_before("Ол, Бала құқықтары туралы", 19)
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


def _trim(text: str, start: int, end: int, rule: str) -> tuple[int, int] | None:
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
        about = max(i for i, w in enumerate(words) if w.group() in _ABOUT)
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
        if first.group() in ("Бұл", "Осы", "Ол", "Сол", "Және", "Сондай-ақ"):
            rest = [w for w in caps[1:] if w.start() < words[-1].start()]
            if not rest:
                return None
            first = rest[0]
        if first is words[-1]:
            return None
        return start + first.start(), end
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
        if known is None and sentence_initial(text, start, KK_SENTENCE_START):
            return None
        if first in ("Бұл", "Осы", "Аталған", "Жаңа", "Бұны"):
            return None
    return start, end


_GENITIVE = ("дың", "дің", "тың", "тің", "ның", "нің")
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


def _canonical(surface: str, rule: str) -> str:
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
        words[-1] = _bare_head(words[-1])
        return " ".join(words) + close
    words = s.split(" ")
    words[-1] = canonical_head(words[-1])
    return " ".join(words)


def _bare_head(word: str) -> str:
    """``келісімге`` -> ``келісім``: a head word inside quotes loses its case ending.

    >>> _bare_head("меморандумға"), _bare_head("конвенциясы")
    ('меморандум', 'конвенция')
    """
    lower = word.lower()
    for stem in sorted(LAW_HEADS, key=len, reverse=True):
        if lower.startswith(stem):
            return word[:len(stem)]
    return word
