"""Affiliation blocks of a first header: institutions, cities, countries, e-mails, ORCIDs.

>>> find_emails("e-mail: asel_aitkaliyeva5@mail.ru)")
('asel_aitkaliyeva5@mail.ru',)
>>> find_orcids("https://orcid.org/0000-0002-9842-1705")
('0000-0002-9842-1705',)
>>> city_country("(Нұр-Сұлтан қ. Қазақстан)")
('Нұр-Сұлтан', 'Қазақстан')
>>> institution_of("Әл-Фараби атындағы Қазақ ұлттық университетінің профессоры")
'Әл-Фараби атындағы Қазақ ұлттық университеті'
>>> institution_of("Master's student at the Academy of Public Administration")
'Academy of Public Administration'
>>> institutions_of("Х университетінің докторанты, «Тұран» университетінің оқытушысы")
('Х университеті', '«Тұран» университеті')
>>> institution_of("Director of the Institute for Security and Development Policy in Stockholm")
'Institute for Security and Development Policy'
>>> institutions_of("Chief Expert of the Department of Asian Studies KazISS under the President of "
...                 "the Republic of Kazakhstan, Candidate of Historical Sciences")
('KazISS under the President of the Republic of Kazakhstan',)
"""

from __future__ import annotations

import re

from kg.lexicon.catalog import is_acronym, lookup_institution
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place

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
_UNDER = re.compile(r"\s+жанындағы\s+(?=\S)")
_KK_GENITIVE = re.compile(r"(ы|і|сы|сі)(ның|нің|нда|нде|на|не|н)$")
_ROLE = re.compile(r"(?i)director|student|professor|lecturer|fellow|head|researcher|expert|"
                   r"editor|dean|chair|associate|assistant|candidate|doctor|founder|department|"
                   r"faculty")
# "Department of European and American Studies": a unit inside the institution that follows
_UNIT = re.compile(r"\b(?:Department|Faculty|Chair|Division|School)\s+of\s+"
                   r"(?:[A-Z][\w-]*\s+|and\s+)*?Studies\s+(?:of\s+(?:the\s+)?)?")
# "... Institute and co-founder and Director of the Institute for ...": a second post
_SECOND_POST = re.compile(r"\s+and\s+(?=[a-z-]+(?:\s+and\s+[A-Z][a-z]+)?\s+(?:of|at)\s)")


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
    """The first institution an affiliation names, in the nominative where a rule knows how."""
    found = institutions_of(text)
    return found[0] if found else None


def institutions_of(text: str) -> tuple[str, ...]:
    """Every institution an affiliation names (an author may hold posts at several), job
    titles («аға оқытушысы», "Master's student at") left out, in order, unique."""
    out: list[str] = []
    for clause in re.split(r",\s+|;\s+", _PLACE.sub("", text)):
        for part in _SECOND_POST.split(clause):
            name = _clause_institution(part)
            if name and name not in out:
                out.append(name)
    return tuple(out)


def _clause_institution(clause: str) -> str | None:
    m = _INSTITUTION_HEAD.search(clause)
    if not m:
        return _catalogued_in(clause)
    unit = _UNDER.match(clause, m.end())
    if unit:  # «Хоккайдо университеті жанындағы Славян зерттеулер орталығының»: the unit
        m = _INSTITUTION_HEAD.search(clause, unit.end()) or m
    if re.search(r"[A-Za-z]", m.group()) or not re.search("[әғқңөұүһі]", clause):
        return _balanced(_latin_or_russian(clause, m.start()))
    name = clause[: m.end()].strip(" \"")
    last = name.split()[-1]
    nominative = _KK_GENITIVE.sub(lambda g: g.group(1), last)
    return _balanced((name[: len(name) - len(last)] + nominative).strip())


_MAX_RUN = 12  # words in the longest catalogued name looked for
_MAX_WORDS = 40  # words of a clause searched (a line with no commas is no affiliation)


def _catalogued_in(clause: str) -> str | None:
    """The longest run of words ending a clause without a head word that the institution
    catalogue knows, as printed: «АТУ», "… Asian Studies KazISS under the President of …". A
    run the clause goes on after is part of a longer name («ҚР ҒЖБМ ҒК Философия, …
    институтының»: the ministry owns the institute the next clause names), and a single word
    counts only as an acronym, so a capitalised common word is never an institution.

    >>> _catalogued_in("ҚР ҒЖБМ ҒК Философия") is None, _catalogued_in("АТУ")
    (True, 'АТУ')
    """
    words = clause.split()[:_MAX_WORDS]
    for n in range(min(len(words), _MAX_RUN), 0, -1):
        run = " ".join(words[-n:]).strip(" .;:()")  # the run ends the clause
        if run[:1].isupper() and (n > 1 or is_acronym(run)) and lookup_institution(run) is not None:
            return run
    return None


def _balanced(name: str) -> str:
    """Guillemets kept only in pairs: «El Umiti» қоры, not El Umiti» қоры or «Astana IT."""
    while name.count("«") > name.count("»") and "«" in name:
        i = name.find("«") if name.startswith("«") else name.rfind("«")
        name = (name[:i] + name[i + 1:]).strip()
    while name.count("»") > name.count("«") and "»" in name:
        i = name.rfind("»") if name.endswith("»") else name.find("»")
        name = (name[:i] + name[i + 1:]).strip()
    return name


def _latin_or_russian(clause: str, head: int) -> str:
    """English and Russian names put the head word first: drop a leading role, a unit
    (Department of … Studies) and trailing Kazakh job titles («аға оқытушысы»)."""
    unit = _UNIT.search(clause, 0, head)
    if unit:
        clause, head = clause[:unit.start()] + clause[unit.end():], head - (unit.end() - unit.start())
    prefix = clause[:head]
    starts = [m.end() for m in re.finditer(r"\b(?:at|of|in)\s+(?:the\s+)?", prefix)
              if clause[m.end():m.end() + 1].isupper()]
    if starts and _ROLE.search(prefix):
        clause = clause[starts[-1]:]
    words = clause.split()
    while words and words[0][:1].islower():
        words.pop(0)
    while len(words) > 1 and re.fullmatch(r"[а-яәғқңөұүһі-]+", words[-1]):
        words.pop()  # «... University аға оқытушысы»
    name = " ".join(words).strip(" .") or clause.strip(" .")
    return _without_place(name)


_IN_PLACE = re.compile(r"\s+in\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)$")


def _without_place(name: str) -> str:
    """"… Policy in Stockholm" -> "… Policy": a known city or country after "in" is not the name."""
    m = _IN_PLACE.search(name)
    if m and (lookup_place(m.group(1), "en") is not None or lookup_country(m.group(1), "en") is not None):
        return name[:m.start()]
    return name
