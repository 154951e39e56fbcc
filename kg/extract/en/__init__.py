"""English entity extraction by rules (no statistical English model is installed or fetched).

* Laws: ``Law of the Republic of Kazakhstan "On …"``, ``Draft Law "On …"``, ``Decree … "On …"``,
  capitalised names ending in Code/Act/Agreement/Treaty/Convention/Declaration, the
  Constitution.
* Programs: ``State Program "…"``, ``"Kazakhstan-2050" Strategy``, capitalised names ending in
  Strategy/Concept/Program(me)/Initiative/National Project, ``Concept for the development of …
  until 2025``, and a few well-known ones (Digital Kazakhstan, the SDGs).
* Institutions: capitalised names around a head noun (University, Ministry, Council, Bank …,
  ``Ministry of …``), ``the Council``, known and unknown acronyms (an acronym is an ORG unless it
  is a generic one such as GDP).
* Countries (``kg.lexicon.countries`` if present, else a built-in list), Kazakh cities and regions,
  world capitals, ``X region/province/oblast``.
* Persons: names given in ``known`` (exact), titles (``President Tokayev``), initials
  (``K. Tokayev``, ``Kasymova V.M.``), citations (``Welch and Hinnant (2003)``) and plain
  two- or three-word capitalised names.

A possessive ``'s`` and a leading ``the`` are never part of a span. Where spans overlap, the
higher-priority rule wins, then the longer span. An acronym defined in parentheses after a
span (``Local Autonomy Act (LAA)``) takes that span's label throughout the paragraph.

>>> [(m.text, m.label) for m in extract_en("Kazakhstan's role in the OSCE grew.")]
[('Kazakhstan', 'GPE'), ('OSCE', 'ORG')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Mention
from kg.text.tokens import Token, regex_tokens

__all__ = ["EXTRACTOR", "canonical", "extract_en"]

EXTRACTOR = "kazkg-en/0.1"

STRONG, LIST, WEAK = 3, 2, 1  # rule priorities

ORG_HEADS = frozenset(
    "University Institute Ministry Agency Committee Council Fund Foundation Centre Center "
    "Academy Bank Party Commission Organization Organisation Office Parliament Mazhilis "
    "Majilis Senate Assembly Court Secretariat Department Association Union Corporation "
    "Company Authority Board Bureau Tribunal Alliance Facility College School "
    "Chamber Akimat Maslikhat Bulletin Journal Gazette Herald Press Federation "
    "Community Cabinet Government Programme Forum Consortium Network Observatory".split()
)
LAW_HEADS = frozenset(
    "Law Code Act Agreement Treaty Convention Declaration Memorandum Charter Pact Protocol "
    "Accord Accords Constitution Decree Resolution".split()
)
PROGRAM_HEADS = frozenset(
    "Strategy Concept Program Programme Initiative Doctrine Roadmap Project Plan".split()
)
# Heads naming an institution on their own when written ``the Council`` or mid-sentence.
_SINGLE_ORGS = frozenset(
    "Council Commission Parliament Senate Mazhilis Majilis Committee Secretariat Assembly "
    "Ministry Agency Cabinet Akimat Maslikhat".split()
)
_BARE_OK = frozenset("Parliament Mazhilis Majilis Senate".split())  # even without ``the``
# Programme names that are really UN bodies: ``United Nations Development Programme``.
_ORG_PREFIXES = ("United Nations", "UN ", "World Food")
_CONNECTORS = frozenset(
    "of for on in through under to at de du da del des la le von van der".split()
)

KNOWN_ORG_ACRONYMS = frozenset(
    "UN OSCE SCO EAEU CIS CSTO EU NATO IMF UNESCO UNDP UNICEF OECD WTO ADB EBRD KazISS WHO ILO "
    "UNHCR OHCHR IOM FAO UNEP UNIDO UNCTAD IAEA OPEC ASEAN BRICS APEC CICA OIC EurAsEC CAREC "
    "ODIHR PACE ECHR ICRC IFC AIIB EDB USAID GIZ JICA KOICA TIKA CoE OTS TURKSOY GEF IPCC WFP "
    "UNFPA UNFCCC EEU EAEC KISI ENU KazNU".split()
)
GENERIC_ACRONYMS = frozenset(
    "GDP GNP GNI NGO NGOs ICT ICTs IT AI COVID SWOT PhD CEO HIV AIDS SME SMEs FDI CSR ESG PR HR "
    "TV ID IQ USD KZT EUR RUB OK IPO CO GHG ISSN DOI URL ORCID PDF API SMS GPS PC DNA RNA BC AD "
    "AM PM NB VAT GMO STEM MP MPs MA MSc BA BSc UTC CV FAQ EIA NA DC".split()
)
# Well-known institutions without a head noun.
KNOWN_ORGS = (
    "United Nations", "Verkhovna Rada", "Interpol", "Red Cross", "Red Crescent",
    "Amnesty International", "Human Rights Watch", "Transparency International",
    "Freedom House", "Akorda", "Ak Orda", "Samruk-Kazyna", "Kazakhtelecom", "KazMunayGas",
)
# Given names (international and Kazakh/Russian transliterations) for ``First Last`` names.
GIVEN_NAMES = frozenset(
    "Abay Abai Adil Aidos Aigerim Aigul Aizhan Akmaral Aliya Almas Almaz Alikhan Altynbek Amina "
    "Arman Askar Assel Asel Aslan Aruzhan Ainur Azamat Bakhyt Bakhytzhan Baurzhan Bolat Daniyar "
    "Dariga Darkhan Dauren Dina Dinara Erlan Yerlan Ermek Yermek Gulnara Gulnar Gulmira Kairat "
    "Kanat Karim Kassym Kuanysh Madina Marat Maksat Marzhan Mukhtar Nazym Nurlan Nursultan Nurzhan "
    "Olzhas Rustem Saule Saltanat Serik Talgat Timur Yerkebulan Yerzhan Zhanna Zhanar Abdulla "
    "Alexander Aleksandr Alexei Alexey Aleksey Andrei Andrey Anna Anatoly Boris Dmitry Dmitri "
    "Elena Yelena Evgeny Yevgeny Galina Igor Irina Ivan Konstantin Leonid Lev Maria Mariya "
    "Mikhail Natalia Natalya Nikolai Nikolay Oleg Olga Pavel Petr Pyotr Roman Sergei Sergey "
    "Svetlana Tatiana Tatyana Valentina Vladimir Viktor Victor Vitaly Yuri Yury Volodymyr "
    "Petro Oleksandr Oleksiy Mykola Taras Yulia Yuliya Viktoriya Victoria "
    "Adam Alan Albert Alice Amy Andrew Angela Ann Anne Anthony Barbara Benjamin Bill Bob Brian "
    "Carl Carlos Catherine Charles Charlotte Chris Christopher Claire Daniel David Deborah Donald "
    "Edward Elizabeth Emily Emma Eric Francis Frank Fred Gary George Gordon Hannah Helen Henry "
    "Hillary Hugh Ian Jack Jacob James Jane Jean Jeffrey Jennifer John Jonathan Joseph Judith "
    "Julia Karen Kate Katherine Kenneth Kevin Larry Laura Linda Lisa Margaret Mark Martin Mary "
    "Matthew Michael Michelle Nancy Nicholas Patrick Paul Peter Philip Richard Robert Ronald "
    "Samuel Sarah Scott Stephen Steven Susan Thomas Timothy Tom William Angela Emmanuel Francois "
    "Jacques Pierre Hans Jurgen Klaus Wolfgang Friedrich Karl Max Theodor Niklas Zygmunt Jan "
    "Marco Giovanni Giuseppe Luca Carlo Jose Juan Luis Miguel Pedro Antonio Manuel Nikos Yannis "
    "Giorgos Dimitris Ahmed Ali Hassan Hussein Mohammed Muhammad Omar Recep Mustafa Xi Li Wang "
    "Amartya Svante Michel Bruno Niccolo Alexis Noam "
    "Immanuel Max Emile Pierre Jean-Jacques Ferdinand Kassym-Jomart".split()
)
_SURNAME_END = re.compile(
    r".*(?:ov|ova|ev|eva|yev|yeva|in|ina|yn|ko|enko|uk|yuk|chuk|sky|skiy|skaya|ski|ska|vich|"
    r"ich|uly|ulу|kyzy|bek|bekov|bayev|baev|shvili|dze|yan|ian|akis|opoulos|oglu|son|sen|"
    r"stein|berg|mann|man|ez|es|ini|elli|etti)$"
)
_SDG = re.compile(r"\b(?:UN\s+)?Sustainable\s+Development\s+Goals?\b|\bSDGs?\b(?:\s*\d+)?")
KNOWN_PROGRAMS = (
    "Digital Kazakhstan", "Nurly Zhol", "Rukhani Zhangyru", "Bolashak", "100 Concrete Steps",
    "Belt and Road Initiative", "One Belt, One Road", "Eastern Partnership",
    "Millennium Development Goals", "Kazakhstan 2030", "Kazakhstan 2050",
)
CITIES = (
    "Almaty", "Alma-Ata", "Astana", "Nur-Sultan", "Shymkent", "Karaganda", "Karagandy",
    "Qaraghandy", "Aktobe", "Aqtobe", "Atyrau", "Aktau", "Aqtau", "Pavlodar", "Semey",
    "Semipalatinsk", "Kostanay", "Kostanai", "Kokshetau", "Petropavl", "Petropavlovsk", "Taraz",
    "Turkestan", "Turkistan", "Kyzylorda", "Qyzylorda", "Taldykorgan", "Uralsk", "Oral",
    "Oskemen", "Ust-Kamenogorsk", "Zhezkazgan", "Ekibastuz", "Baikonur", "Konaev", "Temirtau",
    "Zhanaozen", "Moscow", "Beijing", "Washington", "London", "Paris", "Berlin", "Brussels",
    "Vienna", "Geneva", "New York", "Tokyo", "Seoul", "Ankara", "Istanbul", "Tashkent",
    "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Tbilisi", "Yerevan", "Kyiv", "Kiev", "Minsk",
    "Warsaw", "Rome", "Madrid", "Stockholm", "Oslo", "Helsinki", "Copenhagen", "Amsterdam",
    "The Hague", "Prague", "Budapest", "Bucharest", "Sofia", "Athens", "Riga", "Vilnius",
    "Tallinn", "Lisbon", "Dublin", "Bern", "Strasbourg", "New Delhi", "Delhi", "Islamabad",
    "Kabul", "Tehran", "Riyadh", "Dubai", "Abu Dhabi", "Doha", "Cairo", "Jerusalem",
    "Tel Aviv", "Ottawa", "Canberra", "Sydney", "Mexico City", "Rio de Janeiro", "Sao Paulo",
    "Buenos Aires", "Brasilia", "Bangkok", "Hanoi", "Jakarta", "Kuala Lumpur", "Manila",
    "Shanghai", "Hong Kong", "Urumqi", "Xinjiang", "Saint Petersburg", "St. Petersburg",
    "Novosibirsk", "Omsk", "Kazan", "Lviv", "Kharkiv", "Odesa", "Odessa", "Davos", "Stockholm",
    "Samarkand", "Bukhara", "Osh", "Los Angeles", "Chicago", "San Francisco", "Frankfurt",
    "Munich", "Hamburg", "Milan", "Barcelona", "Zurich", "Tianjin", "Guangzhou", "Shenzhen",
)
# Fallback when kg.lexicon.countries is not there.
COUNTRIES = (
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|"
    "Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia and "
    "Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|"
    "Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|"
    "Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|"
    "East Timor|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|"
    "Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|"
    "Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|"
    "Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Republic of Kazakhstan|Kenya|"
    "Kiribati|Kosovo|Kuwait|Kyrgyzstan|Kyrgyz Republic|Laos|Latvia|Lebanon|Lesotho|Liberia|"
    "Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|"
    "Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|"
    "Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|"
    "Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|"
    "Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|"
    "Russian Federation|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|"
    "Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|"
    "South Korea|Republic of Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|"
    "Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|"
    "Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|"
    "United Kingdom|UK|Great Britain|Britain|United States of America|United States|USA|US|"
    "U.S.|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|"
    "Soviet Union|USSR|PRC|People's Republic of China"
).split("|")
DEMONYMS = frozenset(
    "Kazakh Kazakhs Kazakhstani Russian Russians Chinese European Europeans Asian Asians "
    "American Americans Soviet Turkish Kyrgyz Uzbek Tajik Turkmen Ukrainian Ukrainians Korean "
    "Japanese German French British English Indian Iranian Afghan Arab Arabic Islamic Muslim "
    "Christian Eurasian Western Eastern Northern Southern Central Middle Caspian Caucasian "
    "Mongolian Georgian Armenian Azerbaijani Belarusian Polish Italian Spanish Swedish Dutch "
    "Canadian Mexican Brazilian Anglo-Saxon Slavic Turkic Persian Latin African Nordic Baltic "
    "Balkan Pacific Atlantic Mediterranean Scandinavian".split()
)
_NOT_NAMES = frozenset(
    "Abstract Introduction Conclusion Conclusions Methods Method Results Discussion References "
    "Keywords Key Words Table Figure Fig Section Chapter Article Appendix Annex Part Vol Volume "
    "No Page Note Step Stage Phase Type Level Model Case Group Item Box Scenario Option Class "
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday North South East West Europe Asia "
    "Africa America Americas Eurasia Oceania Caucasus Arctic Antarctica Middle Far Near Sea "
    "Ocean River Lake Mountains State States Republic Kingdom Empire Government President Prime "
    "Minister Law Act Code Strategy Program Programme Concept Plan Project Initiative Agreement "
    "Partnership Cooperation Development Security Sustainable Economic Social Political Public "
    "Civil Human Rights Democracy Democratic National International Global Regional Local "
    "Federal Digital Green New Old Great High Higher Supreme Constitutional Energy Climate "
    "Environment Environmental Health Education Science Research Policy Management Governance "
    "Affairs Foreign Internal Justice Finance Trade Industry Agriculture Culture Information "
    "Communication Communications Media Internet Online Road Way Belt Silk Goals Goal Index "
    "Report Review Conference Summit Congress Mr Mrs Ms Dr Prof Professor Sir Madam Dear Ltd "
    "Inc LLC JSC LLP Bulletin Journal News Times Post Daily Weekly Quarterly Studies Study "
    "Affairs Relations Reform Reforms Action Amendments Amendment Strategic Studies Statistics "
    "Abstracts Acknowledgements Funding Materials Literature Theory Analysis Data Findings "
    "Figures Tables Appendices Notes Source Sources Total Average Mean Region Province District "
    "Oblast City Town Village Street Square Avenue Building Chief Senior Head Deputy Best "
    "Special Issue Issues Address Message Speech".split()
)
_NOT_NAME_SUFFIX = re.compile(
    r".*(?:tion|sion|ment|ness|ship|ism|ist|ity|ance|ence|ing|ive|ous|ary|ical|able|ible|ics|"
    r"ogy|ese|ish|ies|ists|ors|ers|ated|ized|ised|ural|onal|ally|ntly|arly|ably|ibly|ingly|"
    r"ously|ively|ately)$"
)
_TITLES = re.compile(
    r"\b(?:President|Vice[- ]President|Prime\s+Minister|Minister|Senator|Chancellor|"
    r"Secretary[- ]General|Ambassador|Professor|Prof\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Queen|King|"
    r"Emperor|Sheikh|Pope|Chairman|Akim|Mayor|Governor|Academician|Elbasy)\s+"
)
_NAME = r"[A-Z][a-z]+(?:[-‑'’][A-Z][a-z]+)*"
_INITIALS = r"(?:[A-Z]\.\s?){1,3}"
_TITLE_NAME = re.compile(rf"(?:{_NAME}|[A-Z]\.)(?:\s+(?:{_NAME}|[A-Z]\.)){{0,2}}")
_INITIAL_SURNAME = re.compile(rf"(?<![\w.]){_INITIALS}\s?{_NAME}(?![\w-])")
_SURNAME_INITIALS = re.compile(rf"(?<![\w.-]){_NAME}\s(?:[A-Z]\.\s?){{0,2}}[A-Z]\.(?![\w])")
_FIRST_INITIAL_LAST = re.compile(rf"(?<![\w.-]){_NAME}\s[A-Z]\.\s{_NAME}(?![\w-])")
_CITATION = re.compile(
    rf"(?<![\w-])({_NAME})(?:\s*,\s*({_NAME}))?(?:\s*(?:,\s*)?(?:and|&)\s+({_NAME}))?"
    rf"(?:\s+et\s+al\.?)?\s*[(\[]\s*(?:\d{{4}}[a-z]?|n\.d\.)\b"
)
_QUOTED = r"[\"“«„][^\"”»“\n]{2,200}[\"”»“]"
_LAW_ON = re.compile(
    rf"\b(?:(?:Draft\s+)?(?:Constitutional\s+)?Law|Presidential\s+Decree|Decree|Resolution|Code|"
    rf"Order)(?:\s+(?:of|by)\s+(?:the\s+)?(?:President|Government|Republic)(?:\s+of\s+(?:the\s+)?"
    rf"(?:Republic\s+of\s+)?[A-Z][a-z]+)?)?(?:\s+(?:No\.|№)\s*[\w/-]+)?(?:\s+(?:dated|of)\s+"
    rf"[\w .,]{{4,25}}?\d{{4}})?\s*{_QUOTED}"
)
_PROGRAM_QUOTED = re.compile(
    rf"\b(?:(?:State|National|Government|state|national|government)\s+)?"
    rf"(?:Program(?:me)?|program(?:me)?|Strategy|strategy|Concept|concept|Project|project|"
    rf"Initiative|initiative)\s+{_QUOTED}|{_QUOTED}\s+(?:(?:State|National)\s+)?"
    rf"(?:Program(?:me)?|Strategy|Concept|National\s+Project|Initiative|program(?:me)?|strategy)"
)
_PROGRAM_UNTIL = re.compile(
    r"\b(?:Concept|Strategy|(?:State\s+|National\s+)?Program(?:me)?|Doctrine|Roadmap)\s+"
    r"(?:for|of|on)\s+[^.;:()\[\]\n]{3,140}?\b(?:until|till|to|by|through|for)\s+"
    r"(?:the\s+(?:period|years)\s+)?\d{4}(?:\s*[-–—]\s*\d{4})?(?:\s+years?)?"
)
_YEAR_NAMED = re.compile(
    r"[\"“«]?[A-Z][a-z]+[- ‑]20\d\d[\"”»]?(?:\s+(?:Strategy|Program(?:me)?|Concept))?"
)
_REGION = re.compile(
    r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)\s+(?:region|oblast|province|district|county|krai|"
    r"Region|Oblast|Province|District|County|Krai)\b"
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Z][a-z]+)?(?:[-‑][A-Za-z0-9]+)*|\S")
_ACRONYM_CANDIDATE = re.compile(r"(?<![\w’'])[A-Z][A-Za-z&]{1,8}(?![\w])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[«\"“(]\s*)$")
_DEFINITION = re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{1,9})\s*\)")


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    label: str
    source: str
    priority: int

    @property
    def length(self) -> int:
        return self.end - self.start


# --- lexicons --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def _country_names() -> tuple[str, ...]:
    """English country names and aliases: kg.lexicon.countries's when present, plus the built-in list."""
    names = set(COUNTRIES)
    try:
        from kg.lexicon.countries import countries
    except ImportError:  # pragma: no cover - depends on the optional gazetteer
        return tuple(names)
    for country in countries():
        for name in (country.names.get("en", ""), *country.aliases):
            if name and re.fullmatch(r"[A-Za-z][A-Za-z .,'’&-]*", name) and not name.islower():
                names.add(name)
    return tuple(names)


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


@lru_cache(maxsize=1)
def _gazetteer_re() -> re.Pattern[str]:
    countries = _alternation(_country_names())
    cities = _alternation(CITIES)
    programs = _alternation(KNOWN_PROGRAMS)
    orgs = _alternation(KNOWN_ORGS)
    return re.compile(
        rf"(?<![\w-])(?:(?P<GPE>{countries})|(?P<GPE_SUB>{cities})|(?P<PROGRAM>{programs})|"
        rf"(?P<ORG>{orgs}))"
        r"(?![\w]|-[a-z]|\.\w)"
    )


@lru_cache(maxsize=1)
def _country_set() -> frozenset[str]:
    return frozenset(_country_names())


@lru_cache(maxsize=65536)
def _is_acronym(word: str) -> bool:
    """``OSCE``, ``CoE``, ``KazISS``, ``SDGs``: two or more capitals, short lower-case runs."""
    upper = sum(c.isupper() for c in word)
    if len(word) < 2 or upper < 2 or upper < len(word) / 2:  # not ``McNutt``
        return False
    if re.fullmatch(r"[IVXLCDM]+", word):  # Roman numerals
        return False
    return not re.search(r"[a-z]{4,}", word)


def _name_like(word: str) -> bool:
    """A word that may be part of a person's name."""
    if not re.fullmatch(_NAME, word) or len(word) < 2:
        return False
    if word in _NOT_NAMES or word in DEMONYMS or word.lower() in _stop_words():
        return False
    if word in ORG_HEADS or word in LAW_HEADS or word in PROGRAM_HEADS:
        return False
    if word in _country_set() or word in CITIES:
        return False
    return not (_NOT_NAME_SUFFIX.fullmatch(word.lower()) or word.endswith("ian")
                and word not in ("Christian", "Julian", "Brian", "Adrian", "Sebastian"))


def _person_pair(first: str, last: str) -> bool:
    """``First Last`` looks like a person: a known given name or a surname ending.

    >>> _person_pair("Donald", "Trump"), _person_pair("Child", "Poverty")
    (True, False)
    """
    return first in GIVEN_NAMES or first.split("-")[0] in GIVEN_NAMES or bool(
        _SURNAME_END.fullmatch(last.lower()) and not last.endswith(("es", "ins")))


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 6):start]))


def _heading_lines(text: str) -> list[tuple[int, int]]:
    """Lines in capitals or Title Case, where capitalisation says nothing."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        words = re.findall(r"[A-Za-z][\w'’-]*", m.group())
        if len(words) < 2 or len(words) > 16 or re.search(r"[.!?;,]\W*$", m.group()) and not (
                m.group().isupper()):
            continue  # a sentence, not a heading
        content = [w for w in words if w.lower() not in _stop_words()] or words
        if sum(w[0].isupper() for w in content) >= 0.8 * len(content):
            out.append((m.start(), m.end()))
    return out


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


# --- candidate finders -----------------------------------------------------------------------


def _regex_candidates(text: str, headings: list[tuple[int, int]]) -> Iterator[_Cand]:
    for m in _LAW_ON.finditer(text):
        yield _Cand(m.start(), m.end(), "LAW", "law", STRONG)
    for m in _PROGRAM_QUOTED.finditer(text):
        yield _Cand(m.start(), m.end(), "PROGRAM", "program", STRONG)
    for m in _PROGRAM_UNTIL.finditer(text):
        yield _Cand(m.start(), m.end(), "PROGRAM", "program", STRONG)
    for m in _YEAR_NAMED.finditer(text):
        if re.search(r"[-‑]|Strategy|Program|Concept|[\"“«]", m.group()):
            yield _Cand(m.start(), m.end(), "PROGRAM", "program", STRONG)
    for m in _SDG.finditer(text):
        yield _Cand(m.start(), m.end(), "PROGRAM", "program", STRONG)
    for m in _REGION.finditer(text):
        first = m.group(1).split()[0].split("-")[0]
        if first not in DEMONYMS and first not in _NOT_NAMES and first.lower() not in _stop_words():
            yield _Cand(m.start(), m.end(), "GPE_SUB", "region", STRONG)
    for m in _gazetteer_re().finditer(text):
        label = m.lastgroup or "GPE"
        yield _Cand(m.start(), m.end(), label, "gazetteer", LIST)
    for m in _ACRONYM_CANDIDATE.finditer(text):
        word = m.group()
        if not _is_acronym(word) or word in GENERIC_ACRONYMS:
            continue
        if word in KNOWN_ORG_ACRONYMS:
            yield _Cand(m.start(), m.end(), "ORG", "acronym", LIST)
        elif 3 <= len(word) <= 6 and word.lower() not in _stop_words() and not (
                word.isupper() and len(word) >= 5) and not _inside(headings, m.start(), m.end()):
            yield _Cand(m.start(), m.end(), "ORG", "acronym", WEAK)


def _person_candidates(text: str, known: Iterable[str]) -> Iterator[_Cand]:
    names = [n.strip() for n in known if n and n.strip()]
    if names:
        pattern = re.compile(rf"(?<![\w-])(?:{_alternation(names)})(?![\w-])")
        for m in pattern.finditer(text):
            yield _Cand(m.start(), m.end(), "PERSON", "known", LIST)
    for m in _TITLES.finditer(text):
        n = _TITLE_NAME.match(text, m.end())
        if not n:
            continue
        words = n.group().split()
        while words and not (re.fullmatch(r"[A-Z]\.", words[-1]) or _name_like(words[-1])):
            words.pop()
        if words and all(re.fullmatch(r"[A-Z]\.", w) or _name_like(w) for w in words):
            end = n.start() + len(" ".join(words))
            if text[n.start():end] == " ".join(words):
                yield _Cand(n.start(), end, "PERSON", "title", LIST)
    for m in _INITIAL_SURNAME.finditer(text):
        names = re.findall(_NAME, m.group())
        before = re.search(rf"({_NAME})\s$", text[max(0, m.start() - 25):m.start()])
        if before and _name_like(before.group(1)):
            continue  # ``Becker G. S. Labour``: the initials belong to the word before
        if names and _name_like(names[-1]):
            yield _Cand(m.start(), m.end(), "PERSON", "initials", LIST)
    for m in _FIRST_INITIAL_LAST.finditer(text):
        first, last = re.findall(_NAME, m.group())[:2]
        if _name_like(first) and _name_like(last) and _person_pair(first, last):
            yield _Cand(m.start(), m.end(), "PERSON", "initials", LIST)
    for m in _SURNAME_INITIALS.finditer(text):
        surname = m.group().split()[0]
        if _name_like(surname):
            yield _Cand(m.start(), m.end(), "PERSON", "initials", LIST)
    for m in _CITATION.finditer(text):
        for g in (1, 2, 3):
            if g == 1 and m.group(2) and _sentence_initial(text, m.start(1)):
                continue  # ``Similarly, Welch and Hinnant (2003)``: a discourse word
            if m.group(g) and _name_like(m.group(g)):
                yield _Cand(m.start(g), m.end(g), "PERSON", "citation", LIST)


def _tokens(text: str) -> list[Token]:
    return regex_tokens(text, _TOKEN)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def _segments(text: str, toks: list[Token]) -> list[list[int]]:
    """Runs of capitalised tokens separated by single spaces (token indices)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, tok in enumerate(toks):
        if _capitalised(tok) and not (current and text[toks[current[-1]].end:tok.start] not in (
                " ", "\n")):
            if not current and tok.text.lower() in _stop_words() and _sentence_initial(
                    text, tok.start):
                continue  # ``The``/``In`` opening a sentence
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = [i] if _capitalised(tok) else []
    if current:
        runs.append(current)
    return runs


def _head_class(word: str) -> str | None:
    if word in ORG_HEADS:
        return "ORG"
    if word in LAW_HEADS:
        return "LAW"
    if word in PROGRAM_HEADS:
        return "PROGRAM"
    return None


def _run_candidates(text: str, headings: list[tuple[int, int]]) -> Iterator[_Cand]:
    toks = _tokens(text)
    runs = _segments(text, toks)
    merged: list[tuple[list[int], bool]] = []  # (token indices, head-first structure)
    i = 0
    while i < len(runs):
        run, head_first = list(runs[i]), False
        while i + 1 < len(runs):
            gap = [toks[k].text for k in range(run[-1] + 1, runs[i + 1][0])]
            nxt = runs[i + 1]
            if not _joinable(text, toks, run, gap, nxt, head_first):
                break
            head_first = head_first or (gap[0] in _CONNECTORS and gap[0] != "and"
                                        and _has_head(toks, run) is not None)
            run = run + list(range(run[-1] + 1, nxt[-1] + 1))
            i += 1
        merged.append((run, head_first))
        i += 1
    for run, head_first in merged:
        yield from _classify(text, toks, run, head_first, headings)


def _has_head(toks: list[Token], run: list[int]) -> str | None:
    for k in reversed(run):
        cls = _head_class(toks[k].text)
        if cls:
            return cls
    return None


def _joinable(text: str, toks: list[Token], run: list[int], gap: list[str], nxt: list[int],
              head_first: bool) -> bool:
    if not gap or len(gap) > 2 or (len(gap) == 2 and gap[1] != "the"):
        return False
    if any(text[toks[a].end:toks[a + 1].start] not in (" ", "\n")
           for a in range(run[-1], nxt[0])):
        return False
    word = gap[0]
    left, right = _has_head(toks, run), _has_head(toks, nxt)
    if word == "on":  # ``Committee on …``, but not ``the Venice Commission on the …``
        return len(run) == 1 and bool(left) or head_first
    if word in _CONNECTORS and word != "in":
        if left or head_first:
            return True
        # ``Freedom of Information Act``: a law or program named head-last around ``of``
        surface = text[toks[run[0]].start:toks[run[-1]].end]
        return word in ("of", "for") and _head_class(toks[nxt[-1]].text) in ("LAW", "PROGRAM") \
            and surface not in _country_set() and surface not in CITIES
    if word == "in":
        return (bool(left) or head_first) and toks[nxt[0]].text in (
            "Europe", "Asia", "Africa", "America", "Central", "the")
    if word == "and":
        right_surface = text[toks[nxt[0]].start:toks[nxt[-1]].end]
        if left and right or right_surface in _country_set() or _is_acronym(right_surface):
            return False
        if left:
            return head_first
        if right in ("LAW", "PROGRAM"):
            surface = text[toks[run[0]].start:toks[run[-1]].end]
            return surface not in _country_set() and surface not in CITIES
    return False


def _classify(text: str, toks: list[Token], run: list[int], head_first: bool,
              headings: list[tuple[int, int]]) -> Iterator[_Cand]:
    words = [toks[k].text for k in run]
    start, end = toks[run[0]].start, toks[run[-1]].end
    surface = text[start:end]
    head = None
    if head_first:
        first_conn = next(j for j, w in enumerate(words) if w in _CONNECTORS or w == "and")
        head = next((w for w in reversed(words[:first_conn]) if _head_class(w)), None)
    if head is None and _head_class(words[-1]):
        head = words[-1]
    if head is not None:
        label = _head_class(head)
        size = len(words)
        if surface in _country_set():
            return
        if label == "PROGRAM" and head == "Programme" or label == "ORG" and head == "Programme":
            label = "ORG" if surface.startswith(_ORG_PREFIXES) else "PROGRAM"
        if label == "PROGRAM" and all(w in _NOT_NAMES or w in DEMONYMS for w in words):
            return  # ``State Programme`` with no name
        if head == "Constitution":
            yield _Cand(start, end, "LAW", "law", STRONG)
            return
        if head in ("Law", "Decree", "Resolution", "Plan", "Project") and not (
                head == "Plan" and words[0] in ("National", "State") or
                head == "Project" and "National" in words):
            return  # unnamed unless quoted (handled by the quoted-title rules)
        if label == "ORG" and size == 1:
            before = text[max(0, start - 4):start]
            if head in _SINGLE_ORGS and (re.search(r"\b[Tt]he\s$", before) or head in _BARE_OK):
                yield _Cand(start, end, "ORG", "head", LIST)
            return
        if size == 1 or _inside(headings, start, end):
            return
        if label == "ORG" and head == "Government" and not head_first:
            return
        yield _Cand(start, end, label or "ORG", "head", STRONG)
        return
    if head_first or not 2 <= len(words) <= 3 or _inside(headings, start, end) or any(
            w in _CONNECTORS or w == "and" for w in words):
        return
    if not all(_name_like(w) for w in words) or not _person_pair(words[0], words[-1]):
        return
    before = text[max(0, start - 4):start]
    if re.search(r"\b[Tt]he\s$", before) or re.search(r"[«\"“]\S*$", text[max(0, start - 1):start]):
        return
    yield _Cand(start, end, "PERSON", "name", WEAK)


# --- resolution ------------------------------------------------------------------------------


def _resolve(cands: Iterable[_Cand]) -> list[_Cand]:
    chosen: list[_Cand] = []
    for cand in sorted(set(cands), key=lambda c: (-c.priority, -c.length, c.start, c.label)):
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def _propagate(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """``Local Autonomy Act (LAA)``: the acronym takes the span's label everywhere."""
    labels: dict[str, str] = {}
    for cand in chosen:
        m = _DEFINITION.match(text, cand.end)
        if m and _is_acronym(m.group(1)) and not _is_acronym(text[cand.start:cand.end]):
            labels.setdefault(m.group(1), cand.label)
    if not labels:
        return chosen
    out = [
        _Cand(c.start, c.end, labels[text[c.start:c.end]], c.source, c.priority)
        if text[c.start:c.end] in labels and c.source == "acronym" else c
        for c in chosen
    ]
    pattern = re.compile(r"(?<![\w-])(?:" + _alternation(labels) + r")(?![\w-])")
    for m in pattern.finditer(text):
        if all(m.end() <= c.start or m.start() >= c.end for c in out):
            out.append(_Cand(m.start(), m.end(), labels[m.group()], "acronym", WEAK))
    return sorted(out, key=lambda c: c.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """No leading ``the``, no possessive, no edge punctuation other than a closing quote/dot."""
    while True:
        m = re.match(r"(?:[Tt]he)\s+", text[start:end])
        if not m:
            break
        start += m.end()
    m = re.search(r"['’]s?$", text[start:end])
    if m and not re.search(r"[\"“«„]", text[start:end]):
        end = start + m.start()
    return start, end


def canonical(surface: str) -> str:
    """The surface with no leading ``the``, no possessive and single spaces.

    >>> canonical("the  European Union's")
    'European Union'
    """
    text = " ".join(surface.split())
    text = re.sub(r"^(?:[Tt]he)\s+", "", text)
    return re.sub(r"['’]s$", "", text)


def extract_en(text: str, document_id: str = "", known: Iterable[str] = ()) -> tuple[Mention, ...]:
    """Entity mentions in one English paragraph; offsets are indices into ``text``.

    ``known``: person names already known for the document (e.g. the authors' names from the
    article headers); they are matched exactly.
    """
    if not text.strip():
        return ()
    headings = _heading_lines(text)
    cands = list(_regex_candidates(text, headings))
    cands.extend(_person_candidates(text, known))
    cands.extend(_run_candidates(text, headings))
    chosen = _propagate(text, _resolve(cands))
    out = []
    for c in chosen:
        start, end = _trim(text, c.start, c.end)
        if end <= start:
            continue
        surface = text[start:end]
        label = c.label
        if label in ("ORG", "GPE_SUB") and surface in _country_set():
            label = "GPE"
        out.append(Mention(document_id, start, end, surface, label, "en", canonical(surface),
                           f"{EXTRACTOR}:{c.source}"))
    return tuple(out)


