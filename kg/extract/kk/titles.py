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

from kg.extract.kk.heads import LAW_HEADS, PROGRAM_HEADS
from kg.extract.kk.rules import CAP, LOW
from kg.extract.kk.title_edges import (
    ABOUT,
    OWNER,
    Span,
    canonical,
    dated_title_start,
    third_person,
    title_before,
    trim,
)
from kg.extract.spans import Candidate
from kg.lexicon.places import lookup_place
from kg.text.sentences import sentence_bounds

__all__ = ["find_titles"]

_RK = r"(?:Қазақстан\s+Республикасы(?:ның)?\s+|ҚР(?:-ның)?\s+)"
_OWNER_COUNTRY = rf"(?:{_RK}|Қазақстанның\s+)"
_ENGLISH_HEADS = "Act|Convention|Agreement|Declaration|Charter|Treaty|Code|Protocol"
#: What an English act is of or on: ``… Act of 1995``, ``European Charter of Local
#: Self-Government``, ``Convention on the Rights of the Child`` (capitalised words or a year).
_ENGLISH_OBJECT = (r"(?:\s+(?:of|on|against|for)\s+(?:\d{4}\b|(?:the\s+)?[A-Z][\w'’-]*"
                   r"(?:\s+(?:(?:of|on|and|for|in)\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,5}))?")
_NAMED_DOCS = r"[Хх]артия|[Дд]екларация|[Кк]онвенция|[Ққ]ұжат|[Хх]аттама|[Пп]акт"
#: The date and number of an act between its quoted title and its head word:
#: «… туралы» 2016 жылғы 6 сәуірдегі № 480-V Заңы.
_DATED_NO = rf"(?:\d{{4}}\s+жылғы\s+(?:\d{{1,2}}\s+[{LOW}]+\s+)?)?(?:№\s*[\w-]+\s+)?"


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
            rf"(?:{_RK})?[«\"“][^«»\"“”\n]{{3,400}}?\s(?:{OWNER}\s+)?{law}[{LOW}]*[»\"”]")),
        # «Қазақстанның демографиялық даму тұжырымдамасы-2030»: a program head inside the quotes
        ("PROGRAM", "program-in-quotes", re.compile(
            rf"[«\"“](?=[{CAP}])[^«»\"“”\n]{{3,200}}?\s{_stems(PROGRAM_HEADS)}[{LOW}]*(?:-\d{{4}})?[»\"”]")),
        # «"… жоспары" туралы келісім», «… туралы» жеке заң, «… туралы» Қазақстан Республикасының
        # 2015 жылғы 2 қарашадағы № 383-V Заңы (the owner, date and number before the head)
        ("LAW", "quoted-about", re.compile(
            rf"(?:{_RK})?[«\"“][^«»]{{3,300}}?[»\"”]\s+(?:{_RK}(?:(?:Үкіметінің|Президентінің)\s+)?)?{_DATED_NO}"
            rf"(?:туралы\s+)?(?:жеке\s+|жаңа\s+)?{law}{end}"
            rf"(?:\s+жоба{end})?")),
        # Қазақстан Республикасы Үкіметінің 2005 жылғы 1 шілдедегі № 678 Қаулысы
        ("LAW", "numbered-decree", re.compile(
            rf"(?:{_RK})?(?:Үкіметінің|Президентінің)\s+[^.;«»\n]{{0,60}}?№\s*\d+\s+"
            rf"(?:[Ққ]аулы|[Жж]арлы|[Бб]ұйры)[{LOW}]*")),
        # Әйелдер құқықтары туралы саяси Конвенция, … туралы БҰҰ конвенциясы, … туралы Заңы
        ("LAW", "about-title", re.compile(
            rf"(?<![{CAP}{LOW}])(?:{'|'.join(ABOUT)})\s+(?:{OWNER}\s+|саяси\s+|халықаралық\s+)?"
            rf"(?:[Кк]онвенция|[Дд]екларация|Заң|[Хх]артия|[Кк]елісім|[Мм]еморандум|[Пп]акт){end}"
            rf"(?:\s+[Фф]акультативтік\s+[Хх]аттама{end})?")),
        # БҰҰ-ның Сыбайлас жемқорлыққа қарсы конвенциясына
        ("LAW", "owned-convention", re.compile(
            rf"{OWNER}\s+(?:[{CAP}][{LOW}-]+)(?:\s+[{LOW}-]+){{0,5}}\s+[Кк]онвенция{end}")),
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
        # Бейжің іс-қимыл платформасы, Бейжіндегі … жөніндегі іс-қимыл платформасы
        ("LAW", "action-platform", re.compile(
            rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+(?:\s+[{LOW}-]+){{0,5}}\s+іс-қимыл\s+[Пп]латформа[{LOW}]*")),
        # «Мәңгілік Ел» идеясы, «Әділетті Қазақстан» идеологиясы: the quoted name alone
        ("PROGRAM", "quoted-idea", re.compile(
            rf"[«\"“](?=[{CAP}])[^«»\"“”\n]{{2,80}}[»\"”](?=\s+(?:[{LOW}]+\s+)?идея|\s+(?:[{LOW}]+\s+)?идеолог)")),
        # Lobbying (Disclosure) Act in Kazakh text
        ("LAW", "english-act", re.compile(
            rf"(?:[A-Z][a-z]+|\([A-Z][a-z]+\))\s+(?:(?:(?:of|on|and|for|the|in|to)\s+)?"
            rf"(?:[A-Z][a-z]+|\([A-Z][a-z]+\))\s+){{0,6}}(?:{_ENGLISH_HEADS})\b{_ENGLISH_OBJECT}")),
        # ҚР Сыбайлас жемқорлыққа қарсы стратегиясы, Қазақстанның Даму стратегиясы
        ("PROGRAM", "owned-program", re.compile(
            rf"{_OWNER_COUNTRY}(?:\d{{4}}\s+жылға\s+дейінгі\s+)?(?:[{CAP}][{LOW}-]+(?:\s+[{LOW}-]+){{0,4}}"
            rf"|[{LOW}-]+(?:\s+[{LOW}-]+){{1,7}}\s+[Мм]емлекеттік)\s+"
            rf"(?:[Сс]тратегия|[Бб]ағдарлама|[Тт]ұжырымдама|[Дд]октрина){end}"
            rf"(?:\s+[–-]\s+«[^«»\n]{{3,200}}»)?")),
        # Кочетков А.П., Кочетков А. П., Руслан Жеңісұлы Омаров (never the space after a lone initial)
        ("PERSON", "surname-initials", re.compile(
            rf"(?<![{CAP}{LOW}.])[{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?\s+[{CAP}]\.(?:\s?[{CAP}]\.)?"
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
        # АӘК; БҰҰ-ның Орнықты даму мақсаттары: the goals with their owner in the genitive
        # (a nominative «БҰҰ … Мақсаттарын қабылдады» is the subject of the sentence); the
        # goals in lower case too («орнықты даму мақсаттарына»: the UN's, as the guidelines say)
        ("PROGRAM", "named-program", re.compile(
            rf"(?<![{CAP}{LOW}])(?:[Аа]таулы\s+[Әә]леуметтік\s+[Кк]өмек|Халыққа\s+көмек|АӘК|"
            rf"(?:{OWNER}(?<=ң)\s+)?(?:[Жж]аһандық\s+)?(?:[Оо]рнықты|[Тт]ұрақты)\s+[Дд]аму\s+[Мм]ақсаттар){end}")),
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


def _designated(name: str, shared: str, last: bool = False) -> str:
    """``name`` with the list's designator; a region («облысы») only where the gazetteer, which
    has every region, knows it (Астана, Қарағанды және Қызылорда облыстары: Астана alone). A
    city with the status of a region is the city, unless it is the ``last`` name, the one the
    designator follows («Шығыс Қазақстан және Алматы облыстарының»: the Almaty Region)."""
    if shared != "облысы":
        return f"{name} {shared}"  # districts and towns: named by the designator
    if name in REGION_LEVEL_CITIES and not last or lookup_place(f"{name} облысы", "kk") is None:
        return name
    return f"{name} облысы"


_REGIONS_WORD = re.compile(r"(?<![{LOW}])[Оо]блыстар[{LOW}]*".replace("{LOW}", LOW))


def regions_by_context(text: str, found: list[Candidate]) -> list[Candidate]:
    """A bare place name in a sentence about regions («Облыстар бөлінісінде … Қостанай - 120,8%,
    Ақмола - 112,7%») names the region, where the gazetteer has one of that name; a
    capitalised word nothing found there is that region too when the gazetteer has «… облысы»
    (Ақмола, which alone is no place).

    >>> text = "Облыстар бойынша Қостанай алда, Ақмола - 112,7%."
    >>> [(text[c.start:c.end], c.canonical) for c in regions_by_context(text, [Candidate(17, 25, "GPE_SUB", "ner", "Қостанай")])]
    [('Қостанай', 'Қостанай облысы'), ('Ақмола', 'Ақмола облысы')]
    """
    out = []
    for c in found:
        if c.label == "GPE_SUB" and " " not in (c.canonical or text[c.start:c.end]):
            start, _ = sentence_bounds(text, c.start, c.end)
            if _REGIONS_WORD.search(text, start, c.start):
                c = replace(c, canonical=_designated(c.canonical or text[c.start:c.end], "облысы"))
        out.append(c)
    return _listed_regions(text, out) if "блыстар" in text else out


_BARE_REGION = re.compile(rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+(?=\s*[-–(,]|\s+(?:және|мен)\s)")


def _listed_regions(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` with the bare region names of a list (a word before a dash, a bracket, a
    comma or «және») after «облыстар» in the same sentence, where nothing covers them."""
    added = []
    for m in _BARE_REGION.finditer(text):
        if any(c.start < m.end() and m.start() < c.end for c in found):
            continue
        start, _ = sentence_bounds(text, m.start(), m.end())
        if not _REGIONS_WORD.search(text, start, m.start()):
            continue
        region = lookup_place(f"{m.group()} облысы", "kk")
        if region is not None and region.names.get("kk", "").endswith("облысы"):
            added.append(Candidate(m.start(), m.end(), "GPE_SUB", "rule", f"{m.group()} облысы"))
    return sorted([*found, *added], key=lambda c: (c.start, c.end)) if added else found


_QUOTES = ("«", '"', "“", "„")
#: Rule -> strings one of which every match holds (a cheap test that skips a pattern's scan).
NEEDS: dict[str, tuple[str, ...]] = {
    "head-in-quotes": _QUOTES, "program-in-quotes": _QUOTES, "quoted-about": _QUOTES,
    "quoted-list": _QUOTES, "numbered-decree": ("№",), "about-title": ABOUT,
    "cited-about": ("туралы",), "owned-convention": ("онвенция",), "year-program": ("жыл",),
    "district-list": ("аудандар", "облыстар", "қалалар"),
    "english-act": tuple(_ENGLISH_HEADS.split("|")),
    "named-charter": ("артия", "екларация", "акт"), "named-rules": ("қағидалар", "ережелер"),
    "action-platform": ("іс-қимыл",), "quoted-idea": ("идея", "идеолог"),
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
                begin = title_before(text, m.start())
                if begin is None:
                    continue
                m = Span(begin, m.end())
            if rule == "quoted-list":
                kind = "LAW" if _LAW_AFTER.match(text, m.end()) else label
                out += [Candidate(m.start() + q.start(), m.start() + q.end(), kind, "rule", q.group())
                        for q in re.finditer(_Q, m.group())]
                continue
            if rule == "year-program":
                if not third_person(m.group().split()[-1]):
                    continue  # 2030 жылға дейінгі жоспарымыз: our plan, no title
                m = Span(dated_title_start(text, m.start()), m.end())
            if rule == "district-list":  # each name takes the designator the list shares
                shared = _SHARED_DESIGNATORS[m.group("shared")]
                names = list(re.finditer(_PLACE, m.group()))
                out += [Candidate(m.start() + w.start(), m.start() + w.end(), label, "rule",
                                  _designated(w.group(), shared, w is names[-1]))
                        for w in names]
                continue
            span = trim(text, m.start(), m.end(), rule)
            if span is None:
                continue
            start, end = span
            name = text[_owned(text, start, rule):end]
            out.append(Candidate(start, end, label, "rule", canonical(name, rule)))
    return out


_OWNER_OPENS = re.compile(rf"{OWNER}(?<=ң)\s+")


def _owned(text: str, start: int, rule: str) -> int:
    """Where the name of a program opened by its owner starts: the canonical form of ``БҰҰ-ның
    Орнықты даму мақсаттары`` is the goals' own name, which the catalogue knows.

    >>> text = "БҰҰ-ның Орнықты даму мақсаттары"
    >>> text[_owned(text, 0, "named-program"):]
    'Орнықты даму мақсаттары'
    """
    m = _OWNER_OPENS.match(text, start) if rule == "named-program" else None
    return start if m is None else m.end()


_LAW_AFTER = re.compile(rf"(?:[{LOW}]+\s+){{0,2}}{_stems(LAW_HEADS)}")
