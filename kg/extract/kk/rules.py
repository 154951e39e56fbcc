"""Rules for Kazakh scholarly text: laws, programs and institutions.

News-trained models miss these in journals; the rules find them by their head
words (Заңы, кодексі, бағдарламасы, стратегиясы, университеті, министрлігі,
...) and the quoted or capitalised name before the head. Each match keeps its
Kazakh suffixes in the span; :func:`canonical_head` gives the uninflected head.

>>> text = "«Білім туралы» Заңына сәйкес ЕҰУ-да оқиды."
>>> [(text[c.start:c.end], c.label, c.canonical) for c in find_kk(text)]
[('«Білім туралы» Заңына', 'LAW', '«Білім туралы» Заңы'), ('ЕҰУ-да', 'ORG', 'ЕҰУ')]
>>> canonical_head("министрлігіне")
'министрлігі'
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.kk.heads import (
    ACRONYM_ORGS,
    CAPITAL_ORG_HEADS,
    LAW_HEADS,
    ORG_HEADS,
    PROGRAM_HEADS,
    canonical_head,
)
from kg.extract.spans import (
    Candidate,
    SentenceStart,
    resolve_overlaps,
    sentence_initial,
)
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.text.kk_morph import normalize_kk

CAP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
LOW = "а-яёәғқңөұүһі"
QUOTED = r"[«\"“„][^«»\"“”„\n]{2,160}[»\"”]"
#: After ``. ! ? : ;`` and any white space; a bare line break inside a paragraph is no
#: sentence start (journal text is hard-wrapped).
KK_SENTENCE_START = SentenceStart(re.compile(r"(?:\A|[.!?:;])\s*\Z"))
_RK_GEN = r"(?:Қазақстан\s+Республикасы(?:ның)?\s+|ҚР\s+)"
#: «…» Қазақстан Республикасы Үкіметінің (кешенді жоспары): the body that owns a document.
_OWNER_BODY = rf"{_RK_GEN}(?:Үкіметінің|Президентінің)\s+"

# Lower-case words that may sit inside an institution's name.
_NAME_INNER = (
    "атындағы|жанындағы|ұлттық|мемлекеттік|халықаралық|және|ғылым|білім|зерттеулер|"
    "стратегиялық|ғылыми|зерттеу|педагогикалық|техникалық|аграрлық|экономикалық|"
    "медициналық|инновациялық|технологиялық|гуманитарлық|заң|істер|даму|мәселелері|"
    "жөніндегі|саласындағы|қорғау|сақтау|денсаулық|мәдениет|ақпарат|қоғамдық|келісім|"
    "сыртқы|ішкі|әділет|қаржы|еңбек|әлеуметтік|халықты|цифрлық|ақпараттық|өнеркәсіп|"
    "инновациялар|аэроғарыш|жоғары|орта|кәсіптік|саясат|әлемдік|экономика|дене|шынықтыру|"
    "спорт|туризм|ауыл|шаруашылығы|энергетика|индустрия|инфрақұрылымдық|байланыс|"
    "көлік|коммуникациялар|сауда|интеграция|бас|жергілікті|облыстық|қалалық|аудандық|"
    "облысының|облысы|ауданының|қаласының|республикалық|кредиттік|аналитикалық|агротехникалық|"
    "мониторинг|жоспарлау|реформалар|статистика|экология|табиғи|ресурстар|жұмыспен|қамту|"
    "әйелдер|істері|отбасылық|демографиялық|діни|өсірушілер|мұсылмандары|бірінші|цифрлық|"
    "даму|кеңес|кеңесі|жөніндегі|істер|төтенше|жағдайлар|мәслихаты|сайлау|жоғарғы|қызмет|директорлар"
)
#: Possessive and case endings after a bare capitalised head (Кеңесінің, Ассамблеясы), not
#: any letters (Хабермастың is no «Хаб»).
_HEAD_ENDINGS = (
    r"(?:(?:[ыі]|сы|сі)?(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|на|не|да|де|та|те|нда|нде|"
    r"дан|ден|тан|тен|нан|нен|ндағы|ндегі|дағы|дегі|ды|ді|ты|ті|ны|ні|н|мен|бен|пен|нымен|імен|ымен)?"
    r"|[ыі]|сы|сі)")
#: Plurals and possessives of those words: ғылымдар, байланысы, ғылымдарының.
_INNER_SUFFIX = r"(?:лар|лер|дар|дер|тар|тер)?(?:ы|і|сы|сі)?(?:ның|нің)?"
#: Hyphenated lower-case compounds: қазақ-түрік, ғылыми-зерттеу, отбасылық-демографиялық.
_HYPHENED = rf"(?<![{LOW}])[{LOW}]{{2,}}-[{LOW}]{{2,}}"
# Genitives and -лық adjectives inside a name: "Елбасы кітапханасының аналитикалық орталығы"
_INNER_FORMS = rf"(?<![{LOW}])[{LOW}]{{3,}}(?:ның|нің|дың|дің|тың|тің|лық|лік|дық|дік|тық|тік)"
_WORD = rf"[{CAP}{LOW}A-Za-z0-9][{CAP}{LOW}A-Za-z0-9'’.-]*"
_CAPWORD = rf"(?:[{CAP}A-Z][{CAP}{LOW}A-Za-z0-9'’-]*|[{CAP}]\.(?:[{CAP}]\.)?(?=[{CAP}])?)"
_INFL = rf"[{LOW}]*"
# Case endings after a possessive head: -ның/-нің, -на/-не, -н, -нда/-нде, -нан/-нен, -мен, -ндағы
_CASE = r"(?:ның|нің|на|не|ға|ге|н|нда|нде|нан|нен|мен|ндағы|ндегі|нымен|нiң)?"

def _heads(table: dict[str, str], endings: str = _INFL) -> str:
    """A head word of ``table`` with its endings, not an adjective made of it («стратегиялық»)."""
    stems = sorted({s for s in table}, key=len, reverse=True)
    alternatives = "|".join(f"[{s[0].upper()}{s[0]}]{re.escape(s[1:])}" for s in stems)
    return f"(?:{alternatives})(?!{_ADJECTIVE_SUFFIX}){endings}(?![{LOW}])"


_ADJECTIVE_SUFFIX = r"(?:лық|лік|дық|дік|тық|тік)"
#: The words a name's last capitalised word governs before the head: an object and a verbal
#: noun (Қаржы нарығын реттеу және дамыту агенттігі, Сыбайлас жемқорлыққа қарсы іс-қимыл
#: агенттігі), or one or two plain nouns (Халықаралық валюта қоры).
_GOVERNED = (rf"(?:(?:[{LOW}]{{3,}}(?:ын|ін|ны|ні|ды|ді|ты|ті|ға|ге|қа|ке)\s+(?:қарсы\s+)?)?"
             rf"(?:[{LOW}]{{2,}}(?:у|уы|ту)\s+(?:және\s+[{LOW}]{{2,}}(?:у|ту)\s+)?|[{LOW}]+-[{LOW}]+\s+)"
             rf"|(?:[{LOW}]{{3,}}\s+){{1,2}})?")
#: Lower-case words that describe a program between its quoted name and its head word
#: («Нұрлы жер» тұрғын үй құрылысы бағдарламасы, «Еңбек» … 2017-2021 жылдарға арналған
#: мемлекеттік бағдарламасы), but no word that starts a new clause («…» деп аталатын).
_DESCRIBED = (rf"(?:(?!(?:деп|деген|атты|бойынша|аясында|шеңберінде|үшін|сияқты|секілді|туралы)\s)"
              rf"(?:[{LOW}][{LOW}-]*|\d{{4}}(?:\s*[–-]\s*\d{{4}})?)\s+){{0,10}}")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    law, program, org = _heads(LAW_HEADS), _heads(PROGRAM_HEADS), _heads(ORG_HEADS, _CASE)
    adjectives = r"(?:(?:мемлекеттік|ұлттық|салалық|кешенді|арнайы|өңірлік|республикалық|халықаралық|Мемлекеттік|Ұлттық|Ұлт)\s+)?"
    flags = re.UNICODE
    return (
        ("LAW", "quoted-law", re.compile(
            rf"(?:{_RK_GEN})?{QUOTED}\s+(?:{_RK_GEN})?(?:Конституциялық\s+)?{law}(?:\s+жоба{_INFL})?", flags)),
        ("LAW", "constitution", re.compile(rf"(?:{_RK_GEN})?Конституция(?!лық){_INFL}", flags)),
        ("LAW", "code", re.compile(
            rf"(?:{_RK_GEN})?[{CAP}][{LOW}]+(?:\s+[{LOW}]+){{0,3}}\s+кодекс{_INFL}", flags)),
        ("PROGRAM", "quoted-program", re.compile(
            rf"(?:[Мм]емлекеттік\s+)?{QUOTED}\s+{_DESCRIBED}"
            rf"(?:{_OWNER_BODY})?{adjectives}{program}", flags)),
        ("PROGRAM", "year-strategy", re.compile(
            rf"[«\"“]?[{CAP}][{LOW}]+-20\d\d[»\"”]?\s+{program}", flags)),
        ("LAW", "law-title", re.compile(r"«[^«»\n]{3,160}\s+туралы»", flags)),
        # «… 2030 жылға дейін Отбасылық және гендерлік саясат тұжырымдамасын»: a title whose one
        # capital opens it mid-sentence (checked in _trim)
        ("PROGRAM", "named-program", re.compile(
            rf"(?<![{CAP}{LOW}«\"“-])[{CAP}][{LOW}]{{3,}}(?:\s+[{LOW}][{LOW}-]+){{1,6}}\s+"
            rf"(?:[Тт]ұжырымдама|[Бб]ағдарлама|[Сс]тратегия)(?!{_ADJECTIVE_SUFFIX}){_INFL}(?![{LOW}])", flags)),
        ("PROGRAM", "five-year-plan", re.compile(rf"(?<![\d{LOW}])\d{{1,2}}-бесжылдық{_INFL}", flags)),
        ("PERSON", "initials", re.compile(
            rf"(?<![{CAP}{LOW}.])(?:(?:Дж|[{CAP}])\.\s?){{1,2}}[{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?", flags)),
        ("ORG", "company", re.compile(
            rf"{QUOTED}\s+(?:[{CAP}]{{1,3}}\s+)?(?:ЖШС|АҚ|ШҚ|ЖАҚ|ААҚ|ҰК|ТОО|АО|ЖК)(?:-[{LOW}]+)?(?![\w])", flags)),
        ("GPE_SUB", "region", re.compile(
            rf"(?:(?:Солтүстік|Оңтүстік|Шығыс|Батыс|Орталық)\s+)?[{CAP}][{LOW}]+\s+(?:облысы|ауданы|округі)[{LOW}]*", flags)),
        # Жетібай кенті, Қызылжар ауылында: a settlement named before its designator (outside)
        ("GPE_SUB", "settlement", re.compile(
            rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?(?=\s+(?:кенті|ауылы|селосы)[{LOW}]*(?![{LOW}]))", flags)),
        # Шыңғыс хан, Абылай ханның: a khan, his title inside the span
        ("PERSON", "khan", re.compile(
            rf"(?<![{CAP}{LOW}-])[{CAP}][{LOW}]+\s+хан(?:ның|ға|ды|нан|мен|да|ы)?(?![{LOW}])", flags)),
        ("ORG", "quoted-org", re.compile(
            rf"{QUOTED}\s+(?:[{CAP}{LOW}]+\s+){{0,2}}{org}", flags)),
        # «Шинжян халық баспасы», «Қытай Мәдениет газеті»: the head word inside the quotes
        ("ORG", "org-in-quotes", re.compile(
            rf"[«\"“](?=[{CAP}A-Z])[^«»\"“”\n]{{1,120}}?\s{_heads(ORG_HEADS, '')}[»\"”]", flags)),
        ("ORG", "named-org", re.compile(
            rf"(?:{_CAPWORD},?\s+|(?:{_NAME_INNER}){_INNER_SUFFIX},?\s+|{_INNER_FORMS}\s+|{_HYPHENED}\s+"
            rf"|[{CAP}]\.\s?(?:[{CAP}]\.)?\s?|[{CAP}]{{2,6}}\s+){{1,14}}{_GOVERNED}{org}",
            flags)),
        ("ORG", "capital-head", re.compile(
            rf"(?:{_CAPWORD}\s+|(?:{_NAME_INNER})\s+|{_INNER_FORMS}\s+|[{CAP}]{{2,6}}(?:-[{LOW}]+)?\s+){{1,14}}"
            rf"(?:{'|'.join(CAPITAL_ORG_HEADS)}){_HEAD_ENDINGS}(?![{LOW}])", flags)),
        ("ORG", "attached-body", re.compile(
            rf"(?:{_CAPWORD}\s+|(?:{_NAME_INNER})\s+|{_INNER_FORMS}\s+|[{LOW}]+-[{LOW}]+\s+|[{CAP}]{{2,6}}\s+){{1,14}}"
            rf"(?:[{LOW}]{{3,}}\s+)?(?:жанындағы|жөніндегі)\s+(?:[{CAP}{LOW}]+\s+){{0,3}}(?:[Кк]еңес|[Кк]омиссия|[Кк]омитет|[Оо]рталық)"
            rf"{_INFL}(?![{LOW}])", flags)),
        # «ҚР Президенті жанындағы ҚСЗИ-дің»: a body of the President by its acronym
        ("ORG", "president-body", re.compile(
            rf"(?<![\w-])(?:ҚР|Қазақстан\s+Республикасы(?:ның)?)\s+Президенті\s+жанындағы\s+"
            rf"[{CAP}]{{2,6}}(?:-[{LOW}]+)?(?![\w])", flags)),
        ("ORG", "eu", re.compile(rf"(?<![\w-])Еуроодақ{_INFL}(?![\w])", flags)),
        ("ORG", "named-after", re.compile(
            rf"(?:[{CAP}]\.\s?){{1,2}}[{CAP}][{LOW}]+(?:\s+[{CAP}][{LOW}]+)?\s+атындағы\s+"
            rf"[{CAP}][{CAP}{LOW}]{{0,4}}[{CAP}](?:-[{LOW}]+)?(?![\w])", flags)),
        # ҚР АШМ, ҚР ЦДИАӨМ-нің: a ministry («… министрлігі») by its acronym, with its country
        ("ORG", "ministry-acronym", re.compile(
            rf"(?<![\w-])ҚР\s+[{CAP}]{{1,6}}М(?:-[{LOW}]+)?(?![\w])", flags)),
        ("ORG", "acronym", re.compile(
            r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, set(ACRONYM_ORGS)), key=len, reverse=True))
            + rf")(?:-[{LOW}]+)?(?![\w])", flags)),
    )


_QUOTES = ("«", '"', "“", "„")
#: Rule -> strings one of which every match holds (a cheap test that skips a pattern's scan).
NEEDS: dict[str, tuple[str, ...]] = {
    "quoted-law": _QUOTES, "quoted-program": _QUOTES, "quoted-org": _QUOTES,
    "org-in-quotes": _QUOTES, "company": _QUOTES, "constitution": ("Конституция",),
    "code": ("кодекс",), "law-title": ("туралы»",), "year-strategy": ("-20",),
    "region": ("облыс", "аудан", "округ"), "eu": ("Еуроодақ",), "named-after": ("атындағы",),
    "five-year-plan": ("-бесжылдық",),
    "named-program": ("тұжырымдама", "бағдарлама", "стратегия"), "ministry-acronym": ("ҚР ",), "president-body": ("жанындағы",), "settlement": ("кенті", "ауылы", "селосы"), "khan": (" хан",),
}

#: How far before its trigger (head word) a match may start: 14 name words and more.
REACH = 600


@lru_cache(maxsize=1)
def _triggers() -> dict[str, re.Pattern[str]]:
    """For the slow patterns (up to 14 name words before a head): a cheap pattern that every
    match contains, so that the slow one only runs near it (:func:`_near`)."""
    org = re.compile(_heads(ORG_HEADS, _CASE))
    return {"named-org": org, "capital-head": re.compile("|".join(CAPITAL_ORG_HEADS)),
            "attached-body": re.compile("жанындағы|жөніндегі")}


def _near(pattern: re.Pattern[str], trigger: re.Pattern[str], text: str,
          reach: int = REACH) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, searched only from ``reach`` characters before each
    ``trigger`` hit: the same matches wherever a match starts within ``reach`` of the first
    trigger hit it contains (linear; a paragraph without the trigger costs one scan).

    >>> [m.group() for m in _near(re.compile(r"\\w+ банкі"), re.compile("банкі"), "Ол Даму банкі")]
    ['Даму банкі']
    """
    out: list[re.Match[str]] = []
    pos = 0
    while pos <= len(text):
        hit = trigger.search(text, pos)
        if hit is None:
            break
        m = pattern.search(text, max(pos, hit.start() - reach))
        if m is None:
            break
        out.append(m)
        pos = m.end() if m.end() > m.start() else m.end() + 1
    return out


def find_kk(text: str) -> list[Candidate]:
    """The rule spans of ``text`` (source ``rule``), the longest where they overlap."""
    found: list[Candidate] = []
    triggers = _triggers()
    for label, rule, pattern in _patterns():
        needs = NEEDS.get(rule)
        if needs is not None and not any(n in text for n in needs):
            continue  # a word every match holds is missing: skip the scan
        trigger = triggers.get(rule)
        for m in (pattern.finditer(text) if trigger is None else _near(pattern, trigger, text)):
            start, end = _trim(text, m.start(), m.end(), rule)
            if end - start < 2 or (rule in _NAMED_BEFORE and _no_name(text[start:end].split()[0], rule)):
                continue
            if rule == "initials" and _surname_before(text, start):
                continue  # «Тоқаев Қ. К. Әділетті …»: the initials end a name, they open none
            found.append(Candidate(start, end, label, "rule", canonical_kk(text[start:end], rule)))
    return resolve_overlaps(found)


#: Rules whose first word must be a name: not a common word («Бұл хан», «Жас ауылы»), and for
#: a settlement not a people or country («Қазақ ауылы», «Қытай ауылы»).
_NAMED_BEFORE = frozenset({"settlement", "khan"})
_PEOPLES = frozenset({"Қазақ", "Орыс", "Ұйғыр", "Неміс", "Татар", "Өзбек", "Қырғыз", "Түрік", "Дүнген",
                      "Кәріс", "Украин", "Шешен", "Әзірбайжан", "Тәжік", "Түрікмен"})


_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ова|ева|ина|ұлы|улы|қызы|кызы|ский|цкий|ская|енко|дзе|швили|ян)$")
_WORD_BEFORE = re.compile(rf"(?<![\w-])([{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?) \Z")


def _surname_before(text: str, start: int) -> bool:
    """Is the word just before initials at ``start`` a surname they follow («Тоқаев Қ. К.»):
    capitalised, of a surname's shape (Джон П. Бернс is a given name and an initial), no title
    (Президент Қ.К. Тоқаев) and no common word?

    >>> t = "Тоқаев Қ. К. Әділетті Қазақстан. Бұл Н. Назарбаев. Джон П. Бернс"
    >>> [_surname_before(t, t.index(x)) for x in ("Қ. К.", "Н. Н", "П. Б")]
    [True, False, False]
    """
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return (m is not None and _SURNAME_END.search(m.group(1)) is not None
            and m.group(1) not in TITLES and not is_common_word(m.group(1), "kk"))


def _no_name(word: str, rule: str) -> bool:
    """``word`` cannot open the name a ``settlement`` or ``khan`` rule found.

    >>> _no_name("Бұл", "khan"), _no_name("Қазақ", "settlement"), _no_name("Жетібай", "settlement")
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


def _trim(text: str, start: int, end: int, rule: str) -> tuple[int, int]:
    """Cut what a rule over-matched.

    A shared plural head («...» және «...» заңдар) keeps only the quoted name; a
    named institution starts at its first capitalised word.
    """
    if rule in ("quoted-law", "quoted-program") and plural_head(text[start:end].split()[-1]):
        close = text.rfind("»", start, end)
        return (start, close + 1) if close > start else (end, end)
    if rule == "named-program":
        return (start, end) if _opens_a_title(text, start, end) else (end, end)
    if rule not in ("named-org", "capital-head", "attached-body"):
        return start, end
    span = text[start:end]
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
            and lookup_institution(span[first.start():], "kk") is None:
        return end, end  # "Зерттеу қорытындысы": only a sentence-initial capital (a catalogued
        # «Еңбек және әлеуметтік қорғау министрлігі» opening a reference entry is a name)
    if sentence_start and len(words) > 1 and len(capitals) > 1 and words[1].group()[0].isupper() \
            and first.group().rstrip(",") not in _KEEP_FIRST and "." not in first.group() \
            and not first.group().split("-")[0].isupper() and not _LATIN_WORD.match(first.group()):
        first = capitals[1]  # "Елбасы Білім және ғылым министрлігі"; "Goldman Sachs" is a name
    if _place_centre(span[first.start():]):
        return end, end
    return start + first.start(), end


_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")


def _opens_a_title(text: str, start: int, end: int) -> bool:
    """Does the capital at ``start`` open a program's title (``named-program``)? Not at a
    sentence start, not a name in the genitive (whose strategy: «Қытайдың экономикалық
    стратегиясы»), not a person, country or place, and the head is not a plural.

    >>> t = "2016 жылдан бастап 2030 жылға дейін Отбасылық және гендерлік саясат тұжырымдамасын іске асыру"
    >>> _opens_a_title(t, t.index("Отбасылық"), t.index(" іске"))
    True
    >>> t = "Бұл – Қытайдың жаңа экономикалық стратегиясы. Мемлекеттік басқарудың жаңа тұжырымдамасы"
    >>> _opens_a_title(t, t.index("Қытайдың"), t.index(".")), _opens_a_title(t, t.index("Мем"), len(t))
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


#: Titles written before a name («Елбасы Нұрсұлтан Назарбаев»), never part of it.
TITLES = frozenset({"Елбасы", "Президент", "Президенті", "Премьер-министр", "Мемлекет",
                     "Министр", "Төраға", "Әкім", "Профессор"})
_KEEP_FIRST = frozenset({"Қазақстан", "ҚР", "Қазақстанның", "Еуразиялық", "Еуропалық", "Ұлттық", "Біріккен",
                         "Халықаралық", "Мемлекеттік", "Президенттік", "Ресей", "Қытай"})


def _known_place(word: str) -> bool:
    return lookup_place(word, "kk") is not None or lookup_country(word, "kk") is not None


def canonical_kk(surface: str, rule: str = "") -> str:
    """Canonical form: whitespace folded, the last word's inflection removed."""
    s = re.sub(r"\s+", " ", surface).strip()
    if rule in ("acronym", "president-body"):  # «… жанындағы ҚСЗИ-дің» -> «… жанындағы ҚСЗИ»
        return re.sub(r"-[^\s-]+$", "", s) if rule == "president-body" else s.split("-")[0]
    if rule == "ministry-acronym":  # «ҚР ЦДИАӨМ-нің»: as catalogued, with or without ҚР
        s = s.split("-")[0]
        bare = s.removeprefix("ҚР").strip()
        return bare if lookup_institution(s, "kk") is None and lookup_institution(bare, "kk") else s
    if rule in ("initials", "region", "eu"):
        return normalize_kk(s)
    if rule == "company":
        return re.sub(r"\s+\S+$", "", s).strip("«»\"“”„ ")
    if rule == "constitution":
        return "Конституция" if s.startswith("Конституц") else re.sub(r"Конституция\w*$", "Конституциясы", s)
    if rule == "khan":  # «Шыңғыс ханның» -> «Шыңғыс хан»
        return re.sub(r"(хан)\w*$", r"\1", s)
    if rule == "five-year-plan":  # «11-бесжылдықта» -> «11-бесжылдық»
        return re.sub(r"(бесжылдық)\w*$", r"\1", s)
    words = s.split(" ")
    words[-1] = canonical_head(words[-1])
    return " ".join(words)
