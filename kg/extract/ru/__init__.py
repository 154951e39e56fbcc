"""Russian entity extraction: natasha's NER plus rules for laws, programs and institutions.

Natasha (slovnet NER, news model shipped in the PyPI package) finds PER/ORG/LOC spans. Rules
add what it misses: laws, codes and treaties (``Закона Республики Казахстан «О …»``,
``Гражданский кодекс``, ``Конституции``), programs and strategies (``государственная
программа «…»``, ``Стратегия «Казахстан-2050»``, ``Цели устойчивого развития``),
institutions with a common head noun (``Министерство иностранных дел …``, ``Казахский
национальный университет …``) and well-known acronyms (``ООН``, ``ОБСЕ``). A rule span wins
over an overlapping model span; among rules the longer span wins. An acronym given a label
once (``… (АСП)``, ``программ («…», АСП)``) keeps it throughout the paragraph.

Canonical forms are nominative (``kg.text.ru_morph``): ``Льва Мановича`` -> ``Лев Манович``;
for laws and programs only the head phrase is inflected and the quoted title kept.

>>> text = "согласно Закону «О языках»"
>>> [(text[c.start:c.end], c.label, c.canonical) for c in rule_candidates(text)]
[('Закону «О языках»', 'LAW', 'Закон «О языках»')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kg.model import Mention
from kg.text.tokens import Token, regex_tokens

__all__ = [
    "EXTRACTOR", "Candidate", "extract_ru", "is_country", "normalize", "resolve",
    "rule_candidates",
]

EXTRACTOR = "kazkg-ru/0.1"

# --- word lists ------------------------------------------------------------------------------

LAW_HEADS = frozenset(
    "закон кодекс указ постановление конституция договор соглашение конвенция декларация "
    "меморандум хартия законопроект пакт устав".split()
)
PROGRAM_HEADS = frozenset(
    "программа госпрограмма стратегия концепция доктрина нацпроект инициатива проект план".split()
)
ORG_HEADS = frozenset(
    "университет институт министерство агентство комитет фонд центр академия партия совет "
    "ассоциация банк палата парламент мажилис сенат комиссия организация союз департамент "
    "корпорация колледж суд прокуратура администрация правительство акимат маслихат ассамблея "
    "альянс содружество сообщество бюро трибунал консорциум отдел "
    "лаборатория инспекция холдинг компания".split()
)
# Heads that name an organisation only together with a quoted name: «газета «…»».
ORG_QUOTE_HEADS = ORG_HEADS | frozenset(
    "газета журнал издательство телеканал общество объединение движение".split()
)
# Heads too generic to stand with only a short lower-case tail (``Центр внимания``).
_WEAK_ORG_HEADS = frozenset("отдел центр совет компания холдинг".split())
# Institutions that are names by themselves when capitalised.
_STANDALONE_ORGS = frozenset("Парламент Мажилис Сенат Правительство Евросоюз Интерпол".split())
# Programs only when a modifier says so: ``национальный проект``, ``Национальный план``.
_QUALIFIED_PROGRAM_HEADS = frozenset({"проект", "план", "инициатива"})
# Determiners and evaluative adjectives that never start a name.
_NOT_NAME_ADJECTIVES = frozenset(
    "данный настоящий этот тот такой который каждый весь сам другой следующий соответствующий "
    "указанный вышеуказанный действующий новый старый принятый первый второй последний "
    "целый любой иной прежний нынешний свой наш ваш их его её мой твой один многий "
    "некоторый различный разный отдельный крупный ведущий известный".split()
)

ORG_ACRONYMS = frozenset(
    "ООН ОБСЕ ШОС ЕАЭС СНГ ОДКБ ЕС НАТО МВФ ЮНЕСКО ПРООН ЮНИСЕФ ОЭСР ВТО ВОЗ МОТ АБР ЕБРР ЕАБР "
    "ОИС ОИК СВМДА АСЕАН БРИКС ОПЕК МАГАТЭ ЕврАзЭС БДИПЧ ПАСЕ ЕСПЧ МККК ФАО ЮНЕП ЮНИДО "
    "ЮНКТАД УВКБ УВКПЧ МОМ ТЮРКСОЙ ТЮРКПА ЦАРЭС АТЭС ОТГ ЕЭК ЕврАзЭС МФК ВБ КИСИ ЕНУ КазНУ "
    "МОН МИД КНБ ЦИК".split()
)
# Acronyms the annotation guidelines treat as generic nouns.
GENERIC_ACRONYMS = frozenset(
    "НПО НКО СМИ ВВП ИКТ АПК ЖКХ МСБ ВУЗ ВУЗы ОО ИП ЧП НИР ОКР ЦА Ph.D PhD".split()
)
_EPONYM_CONTEXT = frozenset(
    "корреляция критерий коэффициент метод тест шкала эффект теорема индекс закон модель "
    "распределение формула уравнение кривая принцип парадокс".split()
)
_TITLES = frozenset(
    "проф профессор академик доцент д-р др г-н г-жа господин госпожа президент премьер-министр "
    "министр аким председатель".split()
)
_MACRO_REGIONS = frozenset(  # continents and macro-regions: no label for them
    {"европа", "азия", "африка", "америка", "евразия", "океания", "антарктида", "арктика",
     "центральная азия", "средняя азия", "южная азия", "юго-восточная азия", "восточная азия",
     "западная азия", "передняя азия", "малая азия", "северная америка", "южная америка",
     "латинская америка", "центральная америка", "западная европа", "восточная европа",
     "северная европа", "южная европа", "центральная европа", "ближний восток",
     "средний восток", "дальний восток", "кавказ", "южный кавказ", "северный кавказ",
     "закавказье", "балканы", "скандинавия", "прибалтика", "магриб", "запад", "восток"}
)
# Cities natasha sometimes takes for persons (``Астана`` alone on a line).
_CITIES = frozenset(
    "Астана Нур-Султан Алматы Шымкент Караганда Актобе Атырау Актау Павлодар Семей Костанай "
    "Кокшетау Петропавловск Тараз Туркестан Кызылорда Талдыкорган Уральск Усть-Каменогорск "
    "Жезказган Экибастуз Конаев Байконур Москва Пекин Бишкек Ташкент Душанбе Ашхабад Баку "
    "Тбилиси Ереван Киев Минск Лондон Париж Берлин Вашингтон Брюссель Вена Женева Нью-Йорк "
    "Токио Сеул Анкара Стамбул Дели Урумчи".split()
)
# Fallback when kg.lexicon.countries is not there: nominative short and long forms.
_COUNTRIES = frozenset(
    "Казахстан|Республика Казахстан|РК|Россия|Российская Федерация|РФ|Китай|КНР|Китайская "
    "Народная Республика|США|Соединенные Штаты Америки|Украина|Беларусь|Белоруссия|Узбекистан|"
    "Кыргызстан|Киргизия|Кыргызская Республика|Таджикистан|Туркменистан|Туркмения|Азербайджан|"
    "Армения|Грузия|Молдова|Молдавия|Турция|Иран|Афганистан|Пакистан|Индия|Монголия|Япония|"
    "Корея|Южная Корея|Республика Корея|Северная Корея|КНДР|Германия|ФРГ|Франция|"
    "Великобритания|Италия|Испания|Польша|Швеция|Норвегия|Финляндия|Дания|Нидерланды|Бельгия|"
    "Австрия|Швейцария|Чехия|Венгрия|Румыния|Болгария|Греция|Сербия|Литва|Латвия|Эстония|"
    "Канада|Мексика|Бразилия|Аргентина|Египет|Израиль|Саудовская Аравия|ОАЭ|Катар|Кувейт|Ирак|"
    "Сирия|Индонезия|Малайзия|Сингапур|Вьетнам|Таиланд|Австралия|ЮАР|СССР|Советский Союз".split("|")
)


# --- small records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A proposed span before overlap resolution; ``strong`` rules beat everything else."""

    start: int
    end: int
    label: str
    canonical: str
    source: str  # "rule", "acronym" or "natasha"
    strong: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class _Word:
    """What the analyser says about one word form (all parses together)."""

    lemmas: frozenset[str]
    cases: frozenset[str]  # cases of noun/adjective/participle parses
    pos: frozenset[str]
    known: bool
    name_like: bool  # a Name/Surn/Patr parse
    geo: bool  # a Geox parse
    top_pos: str  # part of speech of the likeliest parse


_TOKEN = re.compile(r"[^\W\d_]+(?:[-‑][^\W_]+)*|\d+(?:[.,:/–-]\d+)*|\S")
_QUOTE = re.compile(
    r"«(?:[^«»\n]|«[^«»\n]*»){1,200}»|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|„[^“”\n]{1,200}[“”]"
)
_SPACE_QUOTE = re.compile(rf"\s*({_QUOTE.pattern})")
_MONTHS = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DATE_NUMBER = re.compile(
    rf"(?:\s+от\s+(?:\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})"
    rf"(?:\s*(?:года|г\.))?)?(?:\s+(?:№|N)\s*[\w/-]+)?"
)
_YEAR_PHRASE = re.compile(
    r"\s+(?:до|на|в)\s+(?:\d{4}(?:\s*[-–—]\s*\d{4})?)\s*(?:года|годы|год|гг?\.)"
)
_IN_COUNTRY = re.compile(r"\s+в\s+Республике\s+Казахстан|\s+в\s+РК\b|\s+в\s+Казахстане")
_NAMED_AFTER = re.compile(r"\.?\s*(?:[А-ЯЁA-Z]\.\s*){0,3}[А-ЯЁA-Zа-яё][\w-]*")  # имени …
_ACRONYM = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё&]{1,9}")
_ACRONYM_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, ORG_ACRONYMS), key=len, reverse=True))
    + r")(?![\w])"
)
_LEGAL_FORM = r"(?:АО|ТОО|ОАО|ЗАО|ООО|ПАО|НАО|РГП|РГКП|ГКП|ОФ|ОЮЛ|РОО|ЧУ)"
_LEGAL_ORG = re.compile(
    rf"(?<![\w-]){_LEGAL_FORM}\s*(?:{_QUOTE.pattern})|(?:{_QUOTE.pattern})\s*{_LEGAL_FORM}(?![\w-])"
)
_SDG = re.compile(
    r"(?<![\w-])Цел(?:и|ей|ям|ями|ях)\s+устойчивого\s+развития(?![\w-])|(?<![\w-])ЦУР(?![\w-])"
)
_YEAR_NAMED = re.compile(r"«[А-ЯЁA-Z][\w-]*[-‑–]20\d\d»|(?<![\w-])[А-ЯЁ][а-яё]+[-‑]20\d\d(?![\w-])")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|и\s|или\s)\s*")
_STANDALONE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(_STANDALONE_ORGS) + r")(?![\w-])")
_SENTENCE_END = re.compile(r"(?:^|[.!?…]\s*|\n\s*(?:[-*•]\s*)?)$")
_EDGE_JUNK = "*_#`'\"()[]{},.;:!?—–-  \n\t"


# --- analyser --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _analyzer() -> Any:
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer()


@lru_cache(maxsize=65536)
def _word(text: str) -> _Word:
    parses = _analyzer().parse(text)
    lemmas, cases, pos = set(), set(), set()
    name_like = geo = False
    for p in parses:
        tag = p.tag
        pos.add(str(tag.POS))
        if tag.POS == "NOUN":
            lemmas.add(p.normal_form)
        if tag.POS in ("NOUN", "ADJF", "PRTF", "NUMR") and tag.case:
            cases.add({"gen1": "gent", "gen2": "gent", "loc2": "loct", "acc2": "accs"}.get(
                tag.case, tag.case))
        grams = tag.grammemes
        name_like = name_like or bool(grams & {"Name", "Surn", "Patr"})
        geo = geo or "Geox" in grams
    known = any(p.is_known for p in parses)
    top = str(parses[0].tag.POS) if parses else ""
    return _Word(frozenset(lemmas), frozenset(cases), frozenset(pos), known, name_like, geo, top)


def _lemmas(text: str) -> frozenset[str]:
    return _word(text.lower()).lemmas if text[:1].isalpha() else frozenset()


@lru_cache(maxsize=1)
def _head_forms() -> dict[str, frozenset[str]]:
    """Every inflected form of every head noun -> its lemmas (a cheap pre-filter)."""
    forms: dict[str, set[str]] = {}
    for lemma in LAW_HEADS | PROGRAM_HEADS | ORG_QUOTE_HEADS:
        for parse in _analyzer().parse(lemma):
            if parse.normal_form == lemma and parse.tag.POS == "NOUN":
                for form in parse.lexeme:
                    forms.setdefault(form.word.replace("ё", "е"), set()).add(lemma)
                break
    return {k: frozenset(v) for k, v in forms.items()}


def _head_lemmas(text: str) -> frozenset[str]:
    """Head lemmas of a word, if it is a form of one (``Законом`` -> {"закон"})."""
    return _head_forms().get(text.lower().replace("ё", "е"), frozenset())


def _is_adjective(text: str) -> bool:
    w = _word(text.lower())
    return bool(w.pos & {"ADJF", "PRTF"}) and not (w.pos & {"NOUN"} and not text[:1].islower())


def _has_case(text: str, case: str) -> bool:
    return case in _word(text.lower()).cases


@lru_cache(maxsize=1)
def _normalizer() -> Any:
    """``kg.text.ru_morph.normalize_ru`` when present, else a plain pymorphy3 fallback."""
    try:
        from kg.text.ru_morph import normalize_ru
    except ImportError:  # pragma: no cover - ru_morph ships with the package
        return _fallback_normalize
    return normalize_ru


def _fallback_normalize(text: str, label: str = "") -> str:
    out = []
    for piece in text.split():
        parses = _analyzer().parse(piece)
        form = parses[0].inflect({"nomn"}) if parses and piece[:1].isalpha() else None
        new = form.word if form else piece
        out.append(new[:1].upper() + new[1:] if piece[:1].isupper() else new)
        if label not in ("PER", "PERSON") and parses and parses[0].tag.POS == "NOUN":
            out.extend(text.split()[len(out):])
            break
    return " ".join(out)


@lru_cache(maxsize=16384)
def normalize(text: str, label: str = "") -> str:
    """Nominative form of a Russian name (``label`` PER/PERSON uses the person rules)."""
    return _normalizer()(text, label)


@lru_cache(maxsize=1)
def _country_lookup() -> Any:
    try:
        from kg.lexicon.countries import lookup_country
    except ImportError:  # pragma: no cover - depends on the optional gazetteer
        return None
    return lookup_country


def is_country(surface: str, canonical: str = "") -> bool:
    """True if the mention names a country (kg.lexicon.countries, else a built-in list).

    >>> is_country("Казахстаном", "Казахстан"), is_country("Алматы", "Алматы")
    (True, False)
    """
    lookup = _country_lookup()
    if lookup is not None:
        return lookup(surface, "ru") is not None or (
            bool(canonical) and lookup(canonical, "ru") is not None
        )
    return canonical.replace("ё", "е") in _COUNTRIES


# --- tokens ----------------------------------------------------------------------------------


def _tokens(text: str) -> list[Token]:
    return regex_tokens(text, _TOKEN)


def _cap(text: str) -> bool:
    return text[:1].isupper()


def _is_acronym(text: str) -> bool:
    return bool(_ACRONYM.fullmatch(text)) and sum(c.isupper() for c in text) >= 2


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 12):start]))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- rules -----------------------------------------------------------------------------------


class _Rules:
    """Rule matcher over one paragraph (tokens plus char offsets)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokens(text)
        self.starts = [t.start for t in self.toks]

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    # ----- pieces

    def modifiers(self, h: int, head_cases: frozenset[str], org: bool) -> int:
        """Index of the first of up to three agreeing adjectives before token ``h``."""
        first = h
        while first > 0 and h - first < 3:
            tok = self.toks[first - 1]
            if self.text[tok.end:self.toks[first].start].strip():
                break
            w = _word(tok.text.lower())
            if not _is_adjective(tok.text) or not (w.cases & head_cases):
                break
            if _lemma_adj(tok.text) in _NOT_NAME_ADJECTIVES:
                break
            first -= 1
        if org:  # lower-case leading adjectives are descriptions, not part of the name
            while first < h and not _cap(self.toks[first].text):
                first += 1
        return first

    def gen_tail(self, j: int, limit: int = 9, org: bool = False) -> int:
        """Index after a genitive tail starting at token ``j`` (``j`` if there is none)."""
        toks, n, end, k = self.toks, len(self.toks), j, j
        while k < n and k - j < limit:
            if k > 0 and "\n" in self.text[toks[k - 1].end:toks[k].start]:
                break
            t = toks[k].text
            if org and t in ("имени", "им") and k + 1 < n:
                m = _NAMED_AFTER.match(self.text, toks[k].end)
                if m and any(c.isupper() for c in m.group()):
                    k = self.index_at(m.end())
                    end = k
                    continue
            if _is_acronym(t) and t not in GENERIC_ACRONYMS:
                k += 1
                end = k
                continue
            if t[:1].isalpha() and self._genitive_word(k):
                k += 1
                end = k
                continue
            if t == "и" and k + 1 < n and self._genitive_word(k + 1) and end == k:
                k += 1
                continue
            if t == "," and end == k and self._comma_list(k):
                k += 1
                continue
            if org and t == "при" and k + 1 < n and _cap(toks[k + 1].text) and _has_case(
                    toks[k + 1].text, "loct"):
                k += 2
                end = k
                continue
            if org and t == "по" and k + 1 < n and toks[k + 1].text.islower() and (
                    _has_case(toks[k + 1].text, "datv") or _has_case(toks[k + 1].text, "loct")):
                k += 2
                end = k
                continue
            break
        return end

    def _genitive_word(self, k: int) -> bool:
        t = self.toks[k].text
        if not t[:1].isalpha() or len(t) == 1:
            return False
        w = _word(t.lower())
        if _cap(t):
            prev = self.toks[k - 1].text.lower() if k else ""
            if prev.startswith(("республик", "федерац")):
                return True  # ``Республики Казахстан``
            return "gent" in w.cases or not w.known
        if w.top_pos in ("NPRO", "PREP", "CONJ", "PRCL", "INFN", "ADVB", "GRND", "PRTS"):
            return False
        if _lemma_adj(t) in _NOT_NAME_ADJECTIVES:
            return False
        return "gent" in w.cases

    def _comma_list(self, k: int) -> bool:
        """``образования, науки и спорта``: a comma inside a genitive list ending in ``и``."""
        for m in range(k + 1, min(k + 6, len(self.toks))):
            t = self.toks[m].text
            if t == "и":
                return m + 1 < len(self.toks) and self._genitive_word(m + 1)
            if not self._genitive_word(m) and t != ",":
                return False
        return False

    def qualifier(self, j: int) -> int:
        """Index after ``Республики Казахстан`` / ``РК`` / ``Российской Федерации`` at ``j``."""
        toks, n = self.toks, len(self.toks)
        if j >= n:
            return j
        t = toks[j].text
        if t in ("РК", "РФ", "КР", "КНР", "США", "СССР"):
            return j + 1
        if t.lower().startswith("республик") and j + 1 < n and _cap(toks[j + 1].text):
            return j + 2
        if _cap(t) and j + 1 < n and toks[j + 1].text.lower()[:8] in ("республи", "федераци"):
            return j + 2
        if _cap(t) and "gent" in _word(t.lower()).cases and is_country(t):
            return j + 1
        return j

    def quote_at(self, pos: int) -> re.Match[str] | None:
        """A quoted title at ``pos``; one starting in lower case (``«мягкой силы»``) is not."""
        m = _SPACE_QUOTE.match(self.text, pos)
        if m and not re.match(r"[«\"“„]+[\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", m.group(1)):
            return None
        return m

    def quote_list(self, pos: int) -> list[tuple[int, int]]:
        """Quoted names ``«A», «B» и «C»`` starting at ``pos`` (empty if none)."""
        out: list[tuple[int, int]] = []
        m = self.quote_at(pos)
        while m:
            out.append((m.start(1), m.end(1)))
            s = _LIST_SEPARATOR.match(self.text, m.end())
            m = self.quote_at(s.end()) if s else None
        return out

    # ----- candidates

    def candidates(self) -> Iterator[Candidate]:
        yield from self._regex_candidates()
        for h, tok in enumerate(self.toks):
            if not tok.text[:1].isalpha():
                continue
            if tok.text.isupper() and len(tok.text) > 3:
                continue  # a heading in capitals: capitalisation says nothing there
            lemmas = _head_lemmas(tok.text)
            if not lemmas:
                continue
            if lemmas & LAW_HEADS:
                yield from self._law(h, next(iter(lemmas & LAW_HEADS)))
            if lemmas & PROGRAM_HEADS:
                yield from self._program(h, next(iter(lemmas & PROGRAM_HEADS)))
            if lemmas & ORG_QUOTE_HEADS:
                yield from self._org(h, lemmas & ORG_QUOTE_HEADS)

    def _regex_candidates(self) -> Iterator[Candidate]:
        text = self.text
        for m in _ACRONYM_RE.finditer(text):
            yield Candidate(m.start(), m.end(), "ORG", m.group(), "acronym")
        for m in _STANDALONE_RE.finditer(text):
            if not _sentence_initial(text, m.start()):
                yield Candidate(m.start(), m.end(), "ORG", m.group(), "acronym")
        for m in _LEGAL_ORG.finditer(text):
            q = _QUOTE.search(m.group())
            name = _unquote(q.group()) if q else m.group()
            yield Candidate(m.start(), m.end(), "ORG", name, "rule", True)
        for m in _SDG.finditer(text):
            canonical = "ЦУР" if m.group() == "ЦУР" else "Цели устойчивого развития"
            yield Candidate(m.start(), m.end(), "PROGRAM", canonical, "rule", True)
        for m in _YEAR_NAMED.finditer(text):
            yield Candidate(m.start(), m.end(), "PROGRAM", m.group(), "rule", True)

    def _head_cases(self, h: int, lemma: str) -> frozenset[str]:
        parses = _analyzer().parse(self.toks[h].text.lower())
        cases = {p.tag.case for p in parses if p.normal_form == lemma and p.tag.case}
        return frozenset({"gent" if c in ("gen1", "gen2") else "loct" if c == "loc2" else c
                          for c in cases})

    def _make(self, first: int, head: int, end_pos: int, label: str) -> Candidate:
        """Span from token ``first`` to ``end_pos``: modifiers+head inflected, rest kept."""
        start = self.toks[first].start
        head_end = self.toks[head].end
        phrase = normalize(self.text[start:head_end], "ORG")
        canonical = " ".join((phrase + self.text[head_end:end_pos]).split())
        if label in ("LAW", "PROGRAM"):
            canonical = _capitalise(canonical)
        return Candidate(start, end_pos, label, canonical, "rule", True)

    def _law(self, h: int, lemma: str) -> Iterator[Candidate]:
        toks, text = self.toks, self.text
        head = toks[h]
        if lemma == "конституция":
            if not _cap(head.text):
                q = self.qualifier(h + 1)
                if q == h + 1:
                    return
            end = self.qualifier(h + 1)
            yield self._make(h, h, toks[end - 1].end if end > h + 1 else head.end, "LAW")
            return
        first = self.modifiers(h, self._head_cases(h, lemma), org=False)
        if lemma == "закон" and first == h and h > 0 and "проект" in _head_lemmas(toks[h - 1].text):
            first = h - 1  # ``проекта Закона «О …»``: a draft law
        j = h + 1
        if lemma in ("указ", "постановление") and j < len(toks) and (
                _lemmas(toks[j].text) & {"президент", "правительство", "глава", "министр"}):
            j += 1
        j = self.qualifier(j)
        pos = toks[j - 1].end if j > h + 1 else head.end
        dn = _DATE_NUMBER.match(text, pos)
        dated = dn is not None and bool(dn.group())
        if dn is not None and dated:
            pos = dn.end()
        quotes = self.quote_list(pos)
        if len(quotes) > 1:  # ``законы «О …», «О …»``: only the names are spans
            for s, e in quotes:
                yield Candidate(s, e, "LAW", f"{_capitalise(lemma)} {text[s:e]}", "rule", True)
            return
        if quotes:
            yield self._make(first, h, quotes[0][1], "LAW")
            return
        if lemma in ("указ", "постановление"):
            if dated:
                yield self._make(first, h, pos, "LAW")
            return
        if lemma == "кодекс":
            end = self.qualifier(h + 1)
            if end < len(toks) and toks[end].text in ("о", "об"):
                end = max(end, self._about_tail(end))
            named = _cap(toks[first].text) or end > h + 1
            if named and (first < h or end > h + 1):
                yield self._make(first, h, toks[end - 1].end if end > h + 1 else head.end, "LAW")
            return
        if _cap(head.text) and first == h and h + 1 < len(toks) and toks[h + 1].text in ("о", "об"):
            end = self._about_tail(h + 1)
            if end > h + 2:
                yield self._make(first, h, toks[end - 1].end, "LAW")

    def _about_tail(self, k: int) -> int:
        """Index after ``о правах ребенка``: ``о``/``об`` + prepositional words + genitives."""
        m, end = k + 1, k
        while m < len(self.toks) and m - k < 8:
            t = self.toks[m].text
            if t == "и" and end == m and m + 1 < len(self.toks):
                m += 1
                continue
            if t.islower() and _has_case(t, "loct") and _word(t).top_pos not in ("PREP", "CONJ"):
                m += 1
                end = m
                continue
            break
        return k if end == k else self.gen_tail(end, limit=5)

    def _program(self, h: int, lemma: str) -> Iterator[Candidate]:
        toks, text = self.toks, self.text
        head = toks[h]
        first = self.modifiers(h, self._head_cases(h, lemma), org=False)
        if lemma in _QUALIFIED_PROGRAM_HEADS and first == h and not _cap(head.text):
            # bare ``проект``/``план``: only a parenthesised or quoted name after it
            yield from self._parenthesised(h)
            return
        tail = self.gen_tail(h + 1, limit=7)
        pos = toks[tail - 1].end if tail > h + 1 else head.end
        extra = _IN_COUNTRY.match(text, pos)
        pos = extra.end() if extra else pos
        year = _YEAR_PHRASE.match(text, pos)
        pos = year.end() if year else pos
        quotes = self.quote_list(pos)
        if len(quotes) > 1:
            for s, e in quotes:
                yield Candidate(s, e, "PROGRAM", text[s:e], "rule", True)
            return
        if quotes and tail - h <= 4:
            yield self._make(first, h, quotes[0][1], "PROGRAM")
            return
        yield from self._parenthesised(h)
        proper = any(_cap(t.text) or _is_acronym(t.text) for t in toks[h + 1:tail])
        capital = _cap(toks[first].text) and not _sentence_initial(text, toks[first].start)
        if tail > h + 1 and (year or extra or (capital and (proper or tail - h >= 2))):
            yield self._make(first, h, pos, "PROGRAM")

    def _parenthesised(self, h: int) -> Iterator[Candidate]:
        """``программ («А», АСП, «Б»)``: names listed in parentheses right after a head."""
        toks, text = self.toks, self.text
        for k in range(h + 1, min(h + 9, len(toks))):
            t = toks[k].text
            if t in ".!?;":
                return
            if t != "(":
                continue
            pos, found = toks[k].end, []
            item = re.compile(rf"\s*(?:({_QUOTE.pattern})|({_ACRONYM.pattern}))\s*(?:,|;|и\s)?")
            while (m := item.match(text, pos)) and m.end() > pos:
                g = 1 if m.group(1) else 2
                if g == 2 and not _is_acronym(m.group(2)):
                    return
                found.append((m.start(g), m.end(g)))
                pos = m.end()
            if found and text[pos:pos + 1] == ")" and any(text[s] in "«\"“„" for s, _ in found):
                for s, e in found:
                    yield Candidate(s, e, "PROGRAM", text[s:e], "rule", True)
            return

    def _org(self, h: int, lemmas: frozenset[str]) -> Iterator[Candidate]:
        toks, text = self.toks, self.text
        head = toks[h]
        lemma = next(iter(sorted(lemmas)))
        first = self.modifiers(h, self._head_cases(h, lemma), org=True)
        tail = self.gen_tail(h + 1, org=True)
        pos = toks[tail - 1].end if tail > h + 1 else head.end
        quote = self.quote_at(pos) if tail - h <= 4 else None
        if quote and text[quote.start(1)] != "«" and tail == h + 1:
            quote = None
        end = quote.end(1) if quote else pos
        if not (lemmas & ORG_HEADS) and not quote:
            return
        named = _cap(toks[first].text)
        if not named and not quote:
            return
        modified = first < h
        if not (modified or tail > h + 1 or quote):
            return
        if lemmas <= _WEAK_ORG_HEADS and not (modified or quote) and (
                _sentence_initial(text, head.start) or tail == h + 2 and toks[h + 1].text.islower()
                and not _is_acronym(toks[h + 1].text)):
            return
        cand = self._make(first, h, end, "ORG")
        canonical = _capitalise(_unquote(cand.canonical) if quote else cand.canonical)
        cand = Candidate(cand.start, cand.end, "ORG", canonical, "rule", True)
        if is_country(text[cand.start:cand.end], cand.canonical):
            cand = Candidate(cand.start, cand.end, "GPE", cand.canonical, "rule", True)
        yield cand


@lru_cache(maxsize=4096)
def _lemma_adj(text: str) -> str:
    parses = _analyzer().parse(text.lower())
    for p in parses:
        if p.tag.POS in ("ADJF", "PRTF", "NPRO") or "Apro" in p.tag:
            return p.normal_form
    return parses[0].normal_form if parses else text.lower()


def _unquote(text: str) -> str:
    return " ".join(re.sub(r"[«»\"“”„]", " ", text).split())


def rule_candidates(text: str) -> list[Candidate]:
    """The rule spans of one paragraph, before overlap resolution (no model needed)."""
    return list(_Rules(text).candidates())


# --- model -----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _embedding() -> Any:
    from natasha import NewsEmbedding

    return NewsEmbedding()


@lru_cache(maxsize=1)
def _ner() -> Any:
    """natasha's news NER tagger, loaded once (about 1 s)."""
    from natasha import NewsNERTagger

    return NewsNERTagger(_embedding())


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim markup and punctuation off a model span; cut it at a line that starts a new item."""
    nl = text.find("\n", start, end)
    if nl != -1:
        rest = text[nl + 1:end].lstrip()
        if not rest[:1].isalpha() or rest.isupper():
            end = nl
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        if text[end - 1] == "." and re.search(r"(?:^|[\s.])[А-ЯЁA-Z]\.$", text[start:end]):
            break  # keep the dot of a trailing initial
        end -= 1
    span = text[start:end]
    if span.count("«") != span.count("»"):
        return start, start
    return start, end


@lru_cache(maxsize=1)
def _morph_tagger() -> Any:
    """natasha's news morphology tagger, used on the words around person names only."""
    from natasha import NewsMorphTagger

    return NewsMorphTagger(_embedding())


# A sentence ends at a line break or at ``.!?…`` + space + capital, but not after an initial
# (``Д. Е. Гринин``) or a short abbreviation (``им.``, ``г.``).
_SENTENCE_BREAK = re.compile(
    r"\n|(?<![\s.][А-ЯЁA-Z])(?<!\b[а-яё])(?<!\b[а-яё]{2})[.!?…]+\s+(?=[«\"(]?[А-ЯЁA-Z])"
)
_CAPITAL_WORD = re.compile(r"(?<![\w-])[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ][\w-]*")


def _needs_model(sentence: str) -> bool:
    """False for a sentence with no capitalised word that could start a name.

    Russian names are capitalised; a sentence whose only capital is its first word, a
    common word (``В статье …``), has nothing for the model to find.
    """
    for i, m in enumerate(_CAPITAL_WORD.finditer(sentence)):
        if i or sentence[:m.start()].strip(" \t*_#«\"(-–—•0123456789."):
            return True
        info = _word(m.group().lower())
        if not info.known or info.name_like or info.geo or m.group().isupper():
            return True
    return False


def _ner_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """natasha's spans over the sentences that may hold a name, as paragraph offsets."""
    pieces, start = [], 0
    for m in [*_SENTENCE_BREAK.finditer(text), None]:
        end = m.end() if m else len(text)
        if text[start:end].strip() and _needs_model(text[start:end]):
            pieces.append((start, text[start:end]))
        start = end
    for (offset, _), markup in zip(pieces, _ner().map([p for _, p in pieces])):
        for span in markup.spans:
            yield offset + span.start, offset + span.stop, span.type


def _model_candidates(text: str) -> list[Candidate]:
    out = []
    for span_start, span_stop, kind in _ner_spans(text):
        start, end = _clean(text, span_start, span_stop)
        if end <= start:
            continue
        cand = _model_candidate(text, start, end, kind)
        if cand is not None:
            out.append(cand)
    persons = [c for c in out if c.label == "PERSON"]
    if persons:
        nominative = _nominative_persons(text, persons)
        out = [
            Candidate(c.start, c.end, c.label, c.canonical if c in nominative
                      else _person_canonical(c.canonical), c.source)
            if c.label == "PERSON" else c
            for c in out
        ]
    return out


def _nominative_persons(text: str, persons: list[Candidate]) -> set[Candidate]:
    """The person spans the morphology tagger reads as nominative, from their context.

    Context decides what the word alone cannot: ``Дина Кульбаева`` in an author list is a
    nominative feminine name, in ``работы Дина Кульбаева`` a genitive masculine one.
    """
    windows, firsts = [], []
    for cand in persons:
        left = _TOKEN.findall(text[max(0, cand.start - 40):cand.start])[-3:]
        inside = _TOKEN.findall(text[cand.start:cand.end])
        right = _TOKEN.findall(text[cand.end:cand.end + 30])[:2]
        windows.append(left + inside + right)
        firsts.append(len(left))
    out = set()
    for cand, markup, first in zip(persons, _morph_tagger().map(windows), firsts):
        inside = markup.tokens[first:first + len(_TOKEN.findall(text[cand.start:cand.end]))]
        if any(t.feats.get("Case") == "Nom" for t in inside if t.pos == "PROPN"):
            out.add(cand)
    return out


def _model_candidate(text: str, start: int, end: int, kind: str) -> Candidate | None:
    surface = text[start:end]
    words = surface.split()
    if surface in GENERIC_ACRONYMS or not any(c.isalpha() for c in surface):
        return None
    if kind == "PER":
        return _person(text, start, end)
    letters = re.findall(r"[^\W\d_]+", surface)
    if all(w.isupper() for w in letters) and max(map(len, letters)) >= 5 and (
            surface not in ORG_ACRONYMS):
        # a heading in capitals: only countries are trusted
        if kind == "LOC" and is_country(surface):
            return Candidate(start, end, "GPE", normalize(surface.title(), "LOC").upper(),
                             "natasha")
        return None
    if kind == "ORG":
        if is_country(surface):
            return Candidate(start, end, "GPE", normalize(surface, "LOC"), "natasha")
        if len(words) == 1 and _word(surface.lower()).known and not _is_acronym(surface) and not (
                _head_lemmas(surface) & ORG_HEADS):
            return None  # ``Вестник``, ``Общество``: a common word, not a name
        if len(words) > 1 and all(w.islower() for w in words[1:]) and not any(
                _head_lemmas(w) & ORG_HEADS for w in words):
            return None  # ``Государственная служба``: a description
        return Candidate(start, end, "ORG", normalize(surface, "ORG"), "natasha")
    canonical = normalize(surface, "LOC")
    if is_country(surface, canonical):
        return Candidate(start, end, "GPE", canonical, "natasha")
    if canonical.lower().replace("ё", "е") in _MACRO_REGIONS:
        return None
    if "союз" in canonical.lower() or "сообществ" in canonical.lower():
        return Candidate(start, end, "ORG", canonical, "natasha")
    if len(words) == 1:
        w = _word(surface.lower())
        if w.pos & {"ADJF"} and not w.pos & {"NOUN"}:
            return None  # ``ЕВРОПЕЙСКАЯ``
        if w.known and not (w.geo or w.name_like) and surface[1:].islower():
            return None
    return Candidate(start, end, "GPE_SUB", canonical, "natasha")


def _person(text: str, start: int, end: int) -> Candidate | None:
    title = re.match(r"(?:([^\W\d_][\w-]*)\.?\s+)", text[start:end])
    while title and title.group(1).lower() in _TITLES:
        start += title.end()
        title = re.match(r"(?:([^\W\d_][\w-]*)\.?\s+)", text[start:end])
    words = [t for t in _tokens(text[start:end]) if t.text[:1].isalpha()]
    # cut trailing common words glued on in reference lists (``Гринин Д. Е. Формации``)
    keep = len(words)
    while keep > 1 and len(words[keep - 2].text) == 1:  # only right after an initial
        w = words[keep - 1].text
        info = _word(w.lower())
        if len(w) > 1 and info.known and not info.name_like and w[1:].islower():
            keep -= 1
            continue
        break
    if keep < len(words):
        end = start + words[keep - 1].end
        nxt = text[end:end + 1]
        if nxt == "." and len(words[keep - 1].text) == 1:
            end += 1
        words = words[:keep]
    surface = text[start:end]
    if len(words) == 1:
        w = words[0].text
        info = _word(w.lower())
        if (info.geo and not info.name_like) or normalize(surface, "LOC") in _CITIES:
            canonical = normalize(surface, "LOC")
            label = "GPE" if is_country(surface, canonical) else "GPE_SUB"
            return Candidate(start, end, label, canonical, "natasha")
        if len(w) == 1 or (info.known and not info.name_like):
            return None  # ``Аннотация``
        before = re.findall(r"[^\W\d_]+", text[max(0, start - 30):start])
        if before and _lemmas(before[-1]) & _EPONYM_CONTEXT:
            return None  # ``корреляции Спирмена``: a method, not a person
    return Candidate(start, end, "PERSON", surface, "natasha")


_INITIAL = re.compile(r"(?:^|\s)[А-ЯЁA-Z]\.")
_OBLIQUE_SURNAME = re.compile(
    r"(?P<stem>[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын))(?P<end>ым|у|е|ой|ою|ым)$")


def _person_canonical(surface: str) -> str:
    """Nominative of a person's name; with initials only unambiguous case endings are undone.

    >>> _person_canonical("Павлова И.В."), _person_canonical("И.В. Павловым")
    ('Павлова И.В.', 'И.В. Павлов')
    """
    if not _INITIAL.search(surface):
        return _unknown_surnames(surface, normalize(surface, "PER"))
    out = []
    for word in surface.split():
        m = _OBLIQUE_SURNAME.fullmatch(word)
        if m:
            word = m["stem"] + ("а" if m["end"] in ("ой", "ою") else "")
        out.append(word)
    return " ".join(out)


def _unknown_surnames(old: str, new: str) -> str:
    """Undo a masculine genitive ``-а`` the analyser missed: ``Питер Слотердайка`` -> ``…дайк``.

    >>> _unknown_surnames("Питера Слотердайка", "Питер Слотердайка")
    'Питер Слотердайк'
    """
    before, after = old.split(), new.split()
    if len(before) != len(after) or len(before) < 2:
        return new
    first_old, first_new = before[0], after[0]
    if not (first_old == first_new + "а" or first_old[:-1] == first_new[:-1] and
            first_old.endswith("я") and first_new[-1:] in "ьй"):
        return new
    fixed = [after[0]] + [
        n[:-1] if o == n and re.search(r"[бвгджзклмнпрстфхцчшщ]а$", n) else n
        for o, n in zip(before[1:], after[1:])
    ]
    return " ".join(fixed)


# --- resolution ------------------------------------------------------------------------------


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Non-overlapping spans: strong rules first, then longer spans, rules before the model.

    >>> a = Candidate(0, 10, "LAW", "x", "rule", True)
    >>> b = Candidate(5, 20, "ORG", "y", "natasha")
    >>> [c.label for c in resolve([b, a])]
    ['LAW']
    """
    order = sorted(
        set(candidates),
        key=lambda c: (not c.strong, -c.length, c.source == "natasha", c.start, c.label),
    )
    chosen: list[Candidate] = []
    for cand in order:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def propagate_acronyms(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """Give a labelled acronym the same label everywhere in the paragraph.

    An acronym is labelled by a span it abbreviates (``Закон … (ЗПК)``) or by a rule;
    model spans of the same acronym are relabelled and unlabelled occurrences added.
    """
    labels: dict[str, Candidate] = {}
    for cand in chosen:
        after = re.match(r"\s*\(\s*([A-ZА-ЯЁ][\w&-]{1,9})\s*\)", text[cand.end:cand.end + 16])
        if after and _is_acronym(after.group(1)) and not _is_acronym(text[cand.start:cand.end]):
            labels.setdefault(after.group(1), cand)
        surface = text[cand.start:cand.end]
        if _is_acronym(surface) and cand.source == "rule":
            labels[surface] = cand
    if not labels:
        return chosen
    out = []
    for cand in chosen:
        surface = text[cand.start:cand.end]
        if surface in labels and cand.source != "rule" and cand.label != labels[surface].label:
            cand = Candidate(cand.start, cand.end, labels[surface].label, surface, cand.source)
        out.append(cand)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, labels)) + r")(?![\w-])")
    for m in pattern.finditer(text):
        if all(m.end() <= c.start or m.start() >= c.end for c in out):
            out.append(Candidate(m.start(), m.end(), labels[m.group()].label, m.group(), "acronym"))
    return sorted(out, key=lambda c: c.start)


# --- public API ------------------------------------------------------------------------------


def extract_ru(text: str, document_id: str = "", use_model: bool = True) -> tuple[Mention, ...]:
    """Entity mentions in one Russian paragraph; offsets are indices into ``text``.

    ``use_model=False`` runs the rules only (no natasha), for tests and quick checks.
    """
    if not text.strip():
        return ()
    cands = rule_candidates(text)
    if use_model:
        cands.extend(_model_candidates(text))
    chosen = propagate_acronyms(text, resolve(cands))
    return tuple(
        Mention(document_id, c.start, c.end, text[c.start:c.end], c.label, "ru", c.canonical,
                f"{EXTRACTOR}:{c.source}")
        for c in chosen
    )
