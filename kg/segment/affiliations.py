"""Affiliation blocks of a first header: institutions, cities, countries, e-mails, ORCIDs.

>>> find_emails("e-mail: asel_aitkaliyeva5@mail.ru)")
('asel_aitkaliyeva5@mail.ru',)
>>> find_orcids("https://orcid.org/0000-0002-9842-1705")
('0000-0002-9842-1705',)
>>> city_country("(Нұр-Сұлтан қ. Қазақстан)")
('Нұр-Сұлтан', 'Қазақстан')
>>> institution_of("Әл-Фараби атындағы Қазақ ұлттық университетінің профессоры")
'Әл-Фараби атындағы Қазақ ұлттық университеті'
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_ORCID = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
_PLACE = re.compile(r"\(([^()]{2,60}?),\s*([^(),]{3,40}?)\.?\)\s*\.?\)?\s*$")
_PLACE_INLINE = re.compile(r"\(([^()]{2,60}?)(?:\s+(?:қ|қ\.|г|г\.|қаласы))\.?\s*,?\s*([^(),]{3,40}?)\.?\)")
_CITY_SUFFIX = re.compile(r"\s+(?:қ\.?|қаласы|г\.?)$")
_INSTITUTION_HEAD = re.compile(
    r"(?i)(университет\w*|institute|university|academy|college|school|centre|center|council|"
    r"институт\w*|академия\w*|академиясы\w*|орталығы\w*|центр\w*|колледж\w*|баспа\w*|"
    r"әкімшілігі\w*|министрлігі\w*|министерств\w*|агенттігі\w*|комитеті\w*|ministry|agency|bureau|"
    r"foundation|қоры\w*|фонд\w*|corporation|компания\w*)"
)
_KK_GENITIVE = re.compile(r"(ы|і|сы|сі)(ның|нің|нда|нде|на|не|н)$")


def find_emails(text: str) -> tuple[str, ...]:
    """E-mail addresses in ``text`` (escapes already removed), in order, unique."""
    return tuple(dict.fromkeys(m.group().rstrip(".") for m in _EMAIL.finditer(text)))


def find_orcids(text: str) -> tuple[str, ...]:
    """ORCID iDs (bare or in orcid.org links) in ``text``."""
    return tuple(dict.fromkeys(_ORCID.findall(text)))


def city_country(text: str) -> tuple[str | None, str | None]:
    """The ``(City, Country)`` pair printed at the end of an affiliation."""
    for pattern in (_PLACE, _PLACE_INLINE):
        m = pattern.search(text)
        if m:
            city = _CITY_SUFFIX.sub("", m.group(1).strip(" .")).strip()
            country = m.group(2).strip(" .)")
            if not any(ch.isdigit() for ch in city + country):
                return city, country
    return None, None


def institution_of(text: str) -> str | None:
    """The clause naming the institution, in the nominative where a rule knows how."""
    clauses = re.split(r",\s+|;\s+", _PLACE.sub("", text))
    for clause in clauses:
        m = _INSTITUTION_HEAD.search(clause)
        if not m:
            continue
        if re.search(r"[A-Za-z]", m.group()) or not re.search("[әғқңөұүһі]", clause):
            return _latin_or_russian(clause, m.start())
        name = clause[: m.end()].strip(" «»\"")
        last = name.split()[-1]
        nominative = _KK_GENITIVE.sub(lambda g: g.group(1), last)
        return (name[: len(name) - len(last)] + nominative).strip()
    return None


def _latin_or_russian(clause: str, head: int) -> str:
    """English and Russian names put the head word first: drop a leading role."""
    prefix = clause[:head]
    m = re.search(r"\b(?:at|of|in)\s+(?:the\s+)?(?=[A-Z])", prefix)
    if m and re.search(r"(?i)director|student|professor|lecturer|fellow|head|researcher|"
                       r"editor|dean|chair|associate|assistant|candidate|doctor", prefix):
        return clause[m.end():].strip(" .")
    words = clause.split()
    while words and words[0][:1].islower():
        words.pop(0)
    return " ".join(words).strip(" .") or clause.strip(" .")
