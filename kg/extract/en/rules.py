"""English rules: quoted laws and programs, regions, gazetteer names, acronyms and persons.

* Laws: ``Law of the Republic of Kazakhstan "On …"``, ``Draft Law "On …"``, ``Decree … "On …"``.
* Programs: ``State Program "…"``, ``"Kazakhstan-2050" Strategy``, ``Concept for the
  development of … until 2025``, a few well-known ones (Digital Kazakhstan, the SDGs).
* Countries (``kg.lexicon.countries`` and a built-in list), cities, ``X region/oblast``.
* Acronyms: an acronym is an ORG unless it is a generic one such as GDP.
* Persons: names given in ``known`` (exact), titles (``President Tokayev``), initials
  (``K. Tokayev``, ``Kasymova V.M.``) and citations (``Welch and Hinnant (2003)``).

Each rule gives its candidates a priority: :data:`STRONG` > :data:`LIST` > :data:`WEAK`.

>>> text = 'the Law "On Languages" and President Tokayev'
>>> [(text[c.start:c.end], c.source) for c in find_by_patterns(text, [])]
[('Law "On Languages"', 'law')]
>>> [(text[c.start:c.end], c.source) for c in find_persons(text, [])]
[('Tokayev', 'title')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from kg.extract.en.lexicon import (
    SENTENCE_START, country_names, country_set, is_inside, is_name_like, is_person_pair,
    join_alternatives, stop_words,
)
from kg.extract.en.words import (
    CITIES, DEMONYMS, GENERIC_ACRONYMS, GIVEN_NAMES, KNOWN_ORGS, KNOWN_ORG_ACRONYMS,
    KNOWN_PROGRAMS, NAME, NOT_NAMES,
)
from kg.extract.spans import Candidate, is_acronym, sentence_initial
from kg.lexicon.act_numbers import find_numbered_acts
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.common import is_common_word
from kg.lexicon.latin_names import latin_institution_names, latin_program_names
from kg.lexicon.people import people as people_entries
from kg.lexicon.places import english_place_names

__all__ = ["LIST", "STRONG", "WEAK", "find_by_patterns", "find_persons"]

STRONG, LIST, WEAK = 3, 2, 1  # rule priorities

_SDG = re.compile(r"\bSustainable\s+Development\s+Goals?\b|\bSDGs?\b(?:\s*\d+)?")
_TITLES = re.compile(
    r"\b(?:President|Vice[- ]President|Prime\s+Minister|Minister|Senator|Chancellor|"
    r"Secretary[- ]General|Ambassador|Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Queen|King|"
    r"Emperor|Sheikh|Pope|Chairman|Akim|Mayor|Governor|Academician|Elbasy)\s+"
)
_INITIALS = r"(?:[A-Z]\.\s?){1,3}"
_TITLE_NAME = re.compile(rf"(?:{NAME}|[A-Z]\.)(?:\s+(?:{NAME}|[A-Z]\.)){{0,2}}")
_INITIAL_SURNAME = re.compile(rf"(?<![\w.]){_INITIALS}\s?{NAME}(?![\w-])")
_SURNAME_INITIALS = re.compile(rf"(?<![\w.-]){NAME}\s(?:[A-Z]\.\s?){{0,2}}[A-Z]\.(?![\w])")
_FIRST_INITIAL_LAST = re.compile(rf"(?<![\w.-]){NAME}\s[A-Z]\.\s{NAME}(?![\w-])")
_CITATION = re.compile(
    rf"(?<![\w-])({NAME})(?:\s*,\s*({NAME}))?(?:\s*(?:,\s*)?(?:and|&)\s+({NAME}))?"
    rf"(?:\s+et\s+al\.?)?\s*[(\[]\s*(?:\d{{4}}[a-z]?|n\.d\.)\b"
)
#: A head of government's administration: "the Trump Administration", "the Obama administration".
_ADMINISTRATION = re.compile(rf"(?<=\bthe\s)({NAME})\s+[Aa]dministration(?![\w-])")
#: A parenthetical author-year citation's parts: "(Mergel and Greeves 2013)", "(e.g. Mergel 2012;
#: Small 2012, Roy 2017)", "(Hood et al., 2015)".
_PARENTHESES = re.compile(r"\(([^()\n]{6,300})\)")
_CITED_PART = re.compile(
    rf"(?:^|(?<=[;,])\s*)(?:(?:e\.g\.|see(?:\s+also)?|cf\.),?\s+)?({NAME})(?:\s+(?:and|&)\s+({NAME}))?"
    rf"(?:\s+et\s+al\.?)?,?\s+(?:\d{{4}}[a-z]?|n\.d\.)(?:,\s*(?:p|pp)\.\s*[\d–-]+)?\s*(?=[;,]|$)"
)
_QUOTED = r"[\"“«„][^\"”»“\n]{2,200}[\"”»“]"
_LAW_ON = re.compile(
    rf"\b(?:(?:Draft\s+)?(?:Constitutional\s+)?Law|Presidential\s+Decree|Decree|Resolution|Code|"
    rf"Order)(?:\s+(?:of|by)\s+(?:the\s+)?(?:President|Government|Republic)(?:\s+of\s+(?:the\s+)?"
    rf"(?:Republic\s+of\s+)?[A-Z][a-z]+)?)?(?:\s+(?:No\.|№)\s*[\w/-]+)?(?:\s+(?:dated|of)\s+"
    rf"[\w .,]{{4,25}}?\d{{4}})?\s*{_QUOTED}"
)
#: A lower-case "the old law “On …”": only a title that opens with "On" is a law's.
_LAW_ON_LOWER = re.compile(r"\b(?:law|code|decree)\s+[\"“«„]On\s[^\"”»“\n]{2,200}[\"”»“]")
#: A title in capitals without quotes: "the new Law on Civil Service", "the Law on Local Public
#: Administration and Self-Government" (up to its last capitalised word).
_LAW_ON_TITLE = re.compile(
    r"\b(?:Law|Code)\s+on\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:(?:and|of|in|for|the)\s+)*[A-Z][\w-]*){0,8}")
_PROGRAM_QUOTED = re.compile(
    rf"\b(?:(?:State|National|Government|state|national|government)\s+)?"
    rf"(?:Program(?:me)?|program(?:me)?|Strategy|strategy|Concept|concept|Project|project|"
    rf"Initiative|initiative)\s+{_QUOTED}|{_QUOTED}\s+(?:(?:State|National)\s+)?"
    rf"(?:Program(?:me)?|Strategy|Concept|National\s+Project|Initiative|program(?:me)?|strategy)"
)
#: Quoted titles listed after "programs such as" / "projects including": each one a program.
_LISTED_TITLE = rf"{_QUOTED}(?:\s*\([^()\n]{{1,30}}\))?"
_PROGRAMS_SUCH_AS = re.compile(
    rf"\b(?:[Pp]rogram(?:me)?s|[Pp]rojects|[Ii]nitiatives)\s+(?:such\s+as|including|like)\s+"
    rf"(?P<list>{_LISTED_TITLE}(?:\s*(?:,|,?\s+and)\s+{_LISTED_TITLE})*)"
)
_PROGRAM_UNTIL = re.compile(
    r"\b(?:Concept|Strategy|(?:State\s+|National\s+)?Program(?:me)?|Doctrine|Roadmap)\s+"
    r"(?:for|of|on)\s+[^.;:()\[\]\n]{3,140}?\b(?:until|till|to|by|through|for)\s+"
    r"(?:the\s+(?:period|years)\s+)?\d{4}(?:\s*[-–—]\s*\d{4})?(?:\s+years?)?"
)
#: "the Women in Business program", "the Bolashak programme": capitalised words before a
#: lower-case program head (the article "the" keeps it off sentence starts).
_THE_NAMED_PROGRAM = re.compile(
    r"\bthe\s+(?P<name>[A-Z][\w+’'-]*(?:\s+(?:(?:in|of|for|and|on)\s+)?[A-Z][\w+’'-]*){0,5})"
    r"\s+(?:program(?:me)?|initiative)\b")
#: Capitalised words that describe a program instead of naming it.
_PROGRAM_DESCRIBERS = frozenset(
    "State National Government Presidential Federal Regional Public Pilot New Special".split())
_YEAR_NAMED = re.compile(
    r"[\"“«]?[A-Z][a-z]+[- ‑]20\d\d[\"”»]?(?:\s+(?:Strategy|Program(?:me)?|Concept))?"
)
_REGION = re.compile(
    r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(?:region|oblast|province|district|county|krai|"
    r"Region|Oblast|Province|District|County|Krai)\b"
)
#: A newspaper or news site by its name's last word: The Astana Times, THE DIPLOMAT, Daily Telegraph.
NEWSPAPER = re.compile(
    r"(?P<name>(?<![\w-])(?:The\s+|THE\s+)?(?:(?:[A-Z][a-z]+|[A-Z]{2,})\s+){1,3}(?:Times|Post|Herald|Tribune|"
    r"Gazette|Guardian|Telegraph|Daily|Diplomat|TIMES|POST|HERALD|TRIBUNE|GAZETTE|GUARDIAN|"
    r"TELEGRAPH|DAILY|DIPLOMAT)(?![\w-])|(?<![\w-])(?:The|THE)\s+(?:Diplomat|Guardian|Economist|"
    r"DIPLOMAT|GUARDIAN|ECONOMIST)(?![\w-]))")


def newspaper_name(found: str) -> str:
    """The newspaper's name in a :data:`NEWSPAPER` match: without a leading "The" or words
    that name nothing ("As The Astana Times"); empty if nothing is left before its last word
    ("In Times of war").

    >>> newspaper_name("As The Astana Times"), newspaper_name("In Times"), newspaper_name("The Post")
    ('Astana Times', '', '')
    >>> newspaper_name("The Diplomat")
    'Diplomat'

    Without "The", words of the common vocabulary before the head are a phrase, not a
    name, unless the catalogue knows it ("in Challenging Times"; "Financial Times" is known):

    >>> newspaper_name("Challenging Times"), newspaper_name("The Challenging Times")
    ('', 'Challenging Times')
    """
    words = found.split()
    the = False
    while len(words) > 1 and (words[0] in ("The", "THE") or words[0] in NOT_NAMES
                              or words[0].lower() in stop_words()) and not _known_start(words):
        the = the or words[0] in ("The", "THE")
        words = words[1:]
    alone = (len(words) == 1 and found.split()[0] in ("The", "THE")
             and words[0].lower() in ("diplomat", "guardian", "economist"))
    name = " ".join(words) if len(words) > 1 or alone else ""
    if (name and not the and all(is_common_word(w, "en") for w in words[:-1])
            and lookup_institution(name, "en") is None):
        return ""
    return name


def _known_start(words: list[str]) -> bool:
    """Do ``words`` open with a place ("New York …") or name a catalogued paper ("Global
    Times")? Then their first word is part of the name.

    >>> _known_start(["New", "York", "Times"]), _known_start(["As", "The", "Times"])
    (True, False)
    """
    return (lookup_institution(" ".join(words), "en") is not None
            or " ".join(words[:2]) in _english_places() or words[0] in _english_places())


@lru_cache(maxsize=1)
def _english_places() -> frozenset[str]:
    return frozenset(english_place_names())


_ACRONYM_CANDIDATE = re.compile(r"(?<![\w’'])[A-Z][A-Za-z&]{1,8}(?![\w])")


@lru_cache(maxsize=1)
def _gazetteer_re() -> re.Pattern[str]:
    """Known countries, cities, programs and institutions, one named group per label."""
    countries = join_alternatives(country_names())
    cities = join_alternatives(CITIES)
    programs = "|".join(_spaced_dashes(n) for n in sorted(
        {*KNOWN_PROGRAMS, *latin_program_names()}, key=len, reverse=True))
    orgs = join_alternatives((*KNOWN_ORGS, *latin_institution_names()))
    return re.compile(
        rf"(?<![\w-])(?:(?P<GPE>{countries})|(?P<GPE_SUB>{cities})|(?P<PROGRAM>{programs})|"
        rf"(?P<ORG>{orgs}))"
        r"(?![\w]|-[a-z]|\.\w)"
    )


@lru_cache(maxsize=1)
def gazetteer_places() -> tuple[str, ...]:
    """English names of the places tables (:func:`kg.lexicon.places.english_place_names`) that
    cannot be read as something else: a name of several words that is no country or
    non-name, or a single word of four letters or more that is no given name, catalogued
    person's name, country, demonym, stop word or non-name ("Abay" and "Vladimir" stay out).
    Single words are found only where a place is expected (:data:`_PLACE_CONTEXT`): a city may be
    named after a person (Engels).

    >>> "Poltava" in gazetteer_places(), "Abay" in gazetteer_places(), "Cape Town" in gazetteer_places()
    (True, False, True)
    """
    people = {word for entry in people_entries() for name in entry.names.values()
              for word in name.split()}
    blocked = GIVEN_NAMES | NOT_NAMES | DEMONYMS | country_set() | people
    return tuple(n for n in english_place_names() if n.isascii() and n[:1].isupper()
                 and n not in blocked
                 and (" " in n or len(n) >= 4 and n.lower() not in stop_words()))


#: Words before a single-word place name of the tables: "in Poltava", "the mayor of Poltava".
_PLACE_CONTEXT = r"(?<![\w-])(?:in|In|near|from|at|city\s+of|town\s+of|mayor\s+of|cities\s+such\s+as|towns\s+such\s+as)\s+"


@lru_cache(maxsize=1)
def _places_re() -> re.Pattern[str]:
    """Single-word places of the tables after :data:`_PLACE_CONTEXT`; several-word ones anywhere."""
    single = [n for n in gazetteer_places() if " " not in n and n not in CITIES]
    several = [n for n in gazetteer_places() if " " in n and n not in CITIES
               and not any(n.startswith(city + " ") for city in CITIES)]  # New York City
    return re.compile(rf"{_PLACE_CONTEXT}(?P<single>{join_alternatives(single)})(?![\w]|-[a-z]|\.\w|['’]s\b)"
                      rf"|(?<![\w-])(?P<several>{join_alternatives(several)})(?![\w]|-[a-z]|\.\w)")


def _spaced_dashes(name: str) -> str:
    """``name`` as a pattern whose spaced dashes may be any dash and whose words after the
    first letter may be in any case ("Auyl - el besigi" is "Auyl – El Besigi"; "just
    Kazakhstan" is not "Just Kazakhstan").

    >>> [bool(re.fullmatch(_spaced_dashes("Auyl – El Besigi"), t)) for t in ("Auyl - el besigi", "auyl – El Besigi")]
    [True, False]
    """
    pattern = r"\s+[-–—]\s+".join(re.escape(piece) for piece in re.split(r"\s+[-–—]\s+", name))
    return f"{re.escape(name[0])}(?i:{pattern[len(re.escape(name[0])):]})" if name else pattern


def find_by_patterns(text: str, headings: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Laws, programs, regions, gazetteer names and acronyms (none inside ``headings``)."""
    for start, end, _ in find_numbered_acts(text):  # "Decree of the Government of … No. 860"
        yield Candidate(start, end, "LAW", "law", priority=STRONG + 1)
    for m in NEWSPAPER.finditer(text):
        name = newspaper_name(m.group())
        if name and not is_inside(headings, m.end() - len(name), m.end()):
            yield Candidate(m.end() - len(name), m.end(), "ORG", "newspaper", priority=STRONG)
    for m in _ADMINISTRATION.finditer(text):  # "the Trump Administration": a government, not a person
        if is_name_like(m.group(1)):
            yield Candidate(m.start(), m.end(), "ORG", "head", priority=STRONG)
    for m in (*_LAW_ON.finditer(text), *_LAW_ON_LOWER.finditer(text), *_LAW_ON_TITLE.finditer(text)):
        yield Candidate(m.start(), m.end(), "LAW", "law", priority=STRONG)
    for m in _PROGRAM_QUOTED.finditer(text):
        yield Candidate(m.start(), m.end(), "PROGRAM", "program", priority=STRONG)
    for m in _PROGRAM_UNTIL.finditer(text):
        yield Candidate(m.start(), m.end(), "PROGRAM", "program", priority=STRONG)
    for m in _PROGRAMS_SUCH_AS.finditer(text):  # "programs such as «A» (2002–2015) and «B»"
        for title in re.finditer(_QUOTED, m.group("list")):
            start = m.start("list") + title.start()
            yield Candidate(start, start + len(title.group()), "PROGRAM", "program", priority=STRONG)
    for m in _THE_NAMED_PROGRAM.finditer(text):
        first = m.group("name").split()[0]
        if (first not in DEMONYMS and first not in _PROGRAM_DESCRIBERS and first not in NOT_NAMES
                and not is_inside(headings, m.start(), m.end())):
            yield Candidate(m.start("name"), m.end(), "PROGRAM", "program", priority=STRONG)
    for m in _YEAR_NAMED.finditer(text):
        if re.search(r"[-‑]|Strategy|Program|Concept|[\"“«]", m.group()):
            yield Candidate(m.start(), m.end(), "PROGRAM", "program", priority=STRONG)
    for m in _SDG.finditer(text):
        yield Candidate(m.start(), m.end(), "PROGRAM", "program", priority=STRONG)
    for m in _REGION.finditer(text):
        first = m.group(1).split()[0].split("-")[0]
        if first not in DEMONYMS and first not in NOT_NAMES and first.lower() not in stop_words():
            yield Candidate(m.start(), m.end(), "GPE_SUB", "region", priority=STRONG)
    for m in _places_re().finditer(text):  # the places tables: Poltava, Cape Town
        group = "single" if m.group("single") else "several"
        yield Candidate(m.start(group), m.end(group), "GPE_SUB", "gazetteer", priority=LIST)
    for m in _gazetteer_re().finditer(text):
        label = m.lastgroup or "GPE"
        yield Candidate(m.start(), m.end(), label, "gazetteer", priority=LIST)
    for m in _ACRONYM_CANDIDATE.finditer(text):
        word = m.group()
        if not is_acronym(word) or word in GENERIC_ACRONYMS:
            continue
        if word in KNOWN_ORG_ACRONYMS:
            yield Candidate(m.start(), m.end(), "ORG", "acronym", priority=LIST)
        elif 3 <= len(word) <= 6 and word.lower() not in stop_words() and not (
                word.isupper() and len(word) >= 5) and not is_inside(headings, m.start(), m.end()):
            yield Candidate(m.start(), m.end(), "ORG", "acronym", priority=WEAK)


def find_persons(text: str, known: Iterable[str]) -> Iterator[Candidate]:
    """Persons: ``known`` names, titles, initials and citations."""
    names = [n.strip() for n in known if n and n.strip()]
    if names:
        pattern = re.compile(rf"(?<![\w-])(?:{join_alternatives(names)})(?![\w-])")
        for m in pattern.finditer(text):
            yield Candidate(m.start(), m.end(), "PERSON", "known", priority=LIST)
    for m in _TITLES.finditer(text):
        n = _TITLE_NAME.match(text, m.end())
        if not n:
            continue
        words = n.group().split()
        while words and not (re.fullmatch(r"[A-Z]\.", words[-1]) or is_name_like(words[-1])):
            words.pop()
        if words and all(re.fullmatch(r"[A-Z]\.", w) or is_name_like(w) for w in words):
            end = n.start() + len(" ".join(words))
            if text[n.start():end] == " ".join(words):
                yield Candidate(n.start(), end, "PERSON", "title", priority=LIST)
    for m in _INITIAL_SURNAME.finditer(text):
        names = re.findall(NAME, m.group())
        before = re.search(rf"({NAME})\s$", text[max(0, m.start() - 25):m.start()])
        if before and is_name_like(before.group(1)):
            continue  # ``Becker G. S. Labour``: the initials belong to the word before
        if names and is_name_like(names[-1]):
            yield Candidate(m.start(), m.end(), "PERSON", "initials", priority=LIST)
    for m in _FIRST_INITIAL_LAST.finditer(text):
        first, last = re.findall(NAME, m.group())[:2]
        if is_name_like(first) and is_name_like(last) and is_person_pair(first, last):
            yield Candidate(m.start(), m.end(), "PERSON", "initials", priority=LIST)
    for m in _SURNAME_INITIALS.finditer(text):
        surname = m.group().split()[0]
        if is_name_like(surname):
            yield Candidate(m.start(), m.end(), "PERSON", "initials", priority=LIST)
    for bracket in _PARENTHESES.finditer(text):
        for m in _CITED_PART.finditer(bracket.group(1)):
            for g in (1, 2):
                if m.group(g) and is_name_like(m.group(g)):
                    at = bracket.start(1) + m.start(g)
                    yield Candidate(at, at + len(m.group(g)), "PERSON", "citation", priority=LIST)
    for m in _CITATION.finditer(text):
        for g in (1, 2, 3):
            if g == 1 and m.group(2) and sentence_initial(text, m.start(1), SENTENCE_START):
                continue  # ``Similarly, Welch and Hinnant (2003)``: a discourse word
            if m.group(g) and is_name_like(m.group(g)):
                yield Candidate(m.start(g), m.end(g), "PERSON", "citation", priority=LIST)
