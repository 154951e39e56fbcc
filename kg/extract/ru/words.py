"""Russian word tables and writing conventions: head nouns, acronyms, titles, sentence starts.

>>> from kg.extract.spans import is_acronym
>>> is_acronym("ОБСЕ", ACRONYMS), is_acronym("XIX", ACRONYMS), is_acronym("Москва", ACRONYMS)
(True, True, False)
>>> [t.text for t in tokenize("Закон «О языках»")]
['Закон', '«', 'О', 'языках', '»']
"""

from __future__ import annotations

import re

from kg.extract.spans import AcronymStyle, SentenceStart
from kg.text.tokens import Token, regex_tokens

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
WEAK_ORG_HEADS = frozenset("отдел центр совет компания холдинг".split())
# Institutions that are names by themselves when capitalised.
STANDALONE_ORGS = frozenset("Парламент Мажилис Сенат Правительство Евросоюз Интерпол".split())
# Programs only when a modifier says so: ``национальный проект``, ``Национальный план``.
QUALIFIED_PROGRAM_HEADS = frozenset({"проект", "план", "инициатива"})
# Determiners and evaluative adjectives that never start a name.
NOT_NAME_ADJECTIVES = frozenset(
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
EPONYM_CONTEXT = frozenset(
    "корреляция критерий коэффициент метод тест шкала эффект теорема индекс закон модель "
    "распределение формула уравнение кривая принцип парадокс".split()
)
TITLES = frozenset(
    "проф профессор академик доцент д-р др г-н г-жа господин госпожа президент премьер-министр "
    "министр аким председатель".split()
)
MACRO_REGIONS = frozenset(  # continents and macro-regions: no label for them
    {"европа", "азия", "африка", "америка", "евразия", "океания", "антарктида", "арктика",
     "центральная азия", "средняя азия", "южная азия", "юго-восточная азия", "восточная азия",
     "западная азия", "передняя азия", "малая азия", "северная америка", "южная америка",
     "латинская америка", "центральная америка", "западная европа", "восточная европа",
     "северная европа", "южная европа", "центральная европа", "ближний восток",
     "средний восток", "дальний восток", "кавказ", "южный кавказ", "северный кавказ",
     "закавказье", "балканы", "скандинавия", "прибалтика", "магриб", "запад", "восток"}
)
# Cities natasha sometimes takes for persons (``Астана`` alone on a line).
CITIES = frozenset(
    "Астана Нур-Султан Алматы Шымкент Караганда Актобе Атырау Актау Павлодар Семей Костанай "
    "Кокшетау Петропавловск Тараз Туркестан Кызылорда Талдыкорган Уральск Усть-Каменогорск "
    "Жезказган Экибастуз Конаев Байконур Москва Пекин Бишкек Ташкент Душанбе Ашхабад Баку "
    "Тбилиси Ереван Киев Минск Лондон Париж Берлин Вашингтон Брюссель Вена Женева Нью-Йорк "
    "Токио Сеул Анкара Стамбул Дели Урумчи".split()
)
# Fallback when kg.lexicon.countries is not there: nominative short and long forms.

#: Acronyms: a capital, then two to ten letters or ``&``, two capitals or more (``ЕврАзЭС``);
#: defined in parentheses after a name within 16 characters (``… (АСП)``).
ACRONYMS = AcronymStyle(
    shape=re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё&]{1,9}"),
    definition=re.compile(r"\s*\(\s*([A-ZА-ЯЁ][\w&-]{1,9})\s*\)"),
    reach=16,
)
#: A sentence starts after ``. ! ? …`` or a line break (and a list bullet), within 12 characters.
SENTENCE_START = SentenceStart(re.compile(r"(?:^|[.!?…]\s*|\n\s*(?:[-*•]\s*)?)$"), 12)

_TOKEN = re.compile(r"[^\W\d_]+(?:[-‑][^\W_]+)*|\d+(?:[.,:/–-]\d+)*|\S")


def tokenize(text: str) -> list[Token]:
    """Words, numbers and single punctuation marks of ``text``, with offsets."""
    return regex_tokens(text, _TOKEN)


def split_words(text: str) -> list[str]:
    """The texts of :func:`tokenize`."""
    return _TOKEN.findall(text)


def is_capitalised(text: str) -> bool:
    """True if ``text`` starts with a capital."""
    return text[:1].isupper()


def capitalise(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def unquote(text: str) -> str:
    """``text`` without quotation marks, white space folded."""
    return " ".join(re.sub(r"[«»\"“”„]", " ", text).split())
