"""Legislative acts and institutions cited in reference lists, and the body's citations of acts.

A reference list names laws the body may never name in full: ``Verkhovna Rada of Ukraine.
(2016). On State Service.`` or ``Code on public health and the healthcare system the
Republic of Kazakhstan.`` Such an entry is a law mention on its title. A generic title
("On State Service") is not the act without its year and country: Ukraine passed laws of
that title in 1993 and in 2016, so the year (and a foreign legislature's country) go into
the canonical name. A law the body names with a citation of that entry ("the old law “On
Civil Service” [36]") is the act of the entry.

Only entries whose author is a legislature or government (or whose title is itself a code,
law or constitution) are read, so cited books about a law are not the law.

An institution that is an entry's author (``European Commission. (2023). Ukraine 2023
Report.``, ``OECD. Open Government in Kazakhstan.``) is an institution mention there: a
catalogued one in any language, or an English name whose head is an institution's.

>>> tail = "References\\n36. Verkhovna Rada of Ukraine. (1993). On State Service. <https://x>\\n"
>>> found = reference_mentions("d", 100, tail)
>>> [(m.label, m.text, m.canonical, m.start - 100) for m in found.mentions]
[('ORG', 'Verkhovna Rada of Ukraine', 'Verkhovna Rada of Ukraine', 15), ('LAW', 'On State Service', 'On State Service (Ukraine, 1993)', 50)]
>>> found.by_number
{36: 'On State Service (Ukraine, 1993)'}
>>> _entry_act("The Law of the Republic of Kazakhstan dated 19 May 2015 № 314-V. On social standards. <x>")[1]
'Law of the Republic of Kazakhstan «On social standards»'
>>> _entry_act('Law of the Republic of Kazakhstan No. 383-V "On Public Councils" (2015). Available at: <x>')[:2]
('Law of the Republic of Kazakhstan No. 383-V "On Public Councils" (2015)', 'Law of the Republic of Kazakhstan «On Public Councils»')

"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kg.extract.en.lexicon import classify_head
from kg.extract.en.rules import NEWSPAPER, newspaper_name
from kg.extract.reference_twins import Printed, remember, twin_name
from kg.extract.spans import Coverage, is_acronym
from kg.lexicon.act_numbers import find_numbered_acts
from kg.lexicon.catalog import lookup_act, lookup_institution
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.model import REFERENCE_SOURCE, Mention
from kg.segment.citation import split_citation
from kg.text.kk_morph import normalize_kk
from kg.text.lang import own_letters, script_letters
from kg.text.ru_morph import normalize_ru

#: The extractor name of a name found in a reference list.
SOURCE = REFERENCE_SOURCE

#: An entry's number ("12.", "[3]"), its value in the group.
ENTRY_NUMBER = re.compile(r"^\s*\[?(\d{1,3})\]?\s*[.)]?\s+")
_LEGISLATURE = re.compile(
    r"(?i)(?:\bverkhovna\s+rada|\bparliament|\bmazhilis|\bsenate|\bgovernment|\bcabinet\s+of\s+"
    r"ministers|\bpresident|\bcongress|\bstate\s+duma|\bsupreme\s+council|\bверховн\w+\s+рад\w*|"
    r"\bпарламент|\bправительств|\bкабинет\w*\s+министров|\bгосударственн\w+\s+дум)"
)
_AUTHORED = re.compile(
    r"^(?P<author>[^()\[\]<>]{3,90}?)\.?\s*\((?P<year>1[89]\d\d|20\d\d)\)\.?\s*"
    r"(?P<title>[^.<>\[\]]{3,200}?)\.(?=\s|$)"
)
_ACT_TITLE = re.compile(
    r"^(?P<title>(?P<form>(?:The\s+)?(?:[A-Z][a-z]+\s+)?(?:Code|Law|Constitution)\s+(?:on|of)\s"
    r"(?:No\.|[^.<>\[\]]){3,200}?)(?:\.\s+(?P<on>On\s[^.<>\[\]]{3,200}?))?)\.(?=\s|$)"
)
_DATED_AT = r"\s+(?:dated|No\.?|№)\s+"  # where an act's date or number begins
_DATED = re.compile(_DATED_AT + r".*$")
#: The quoted title of an act after its number: … No. 383-V "On Public Councils" (2015).
_NUMBERED_QUOTED = re.compile(_DATED_AT + r"[^\"“«]*[\"“«](?P<on>[^\"”»]{3,200})[\"”»].*$")
_GENERIC = re.compile(r"^(?:On|About|О|Об)\s")
_ACT_HEAD = re.compile(r"(?:^|\s)(?:Code|Law|Constitution|Кодекс|Закон|Конституция)\b")
_CITATION = re.compile(r"\s*\[(\d{1,3})(?:\s*[,;:][^\]\n]{0,40})?\]")


@dataclass(frozen=True)
class ReferenceMentions:
    """The law and institution mentions of a reference list, and the canonical name of each
    numbered entry that is an act."""

    mentions: tuple[Mention, ...] = ()
    by_number: dict[int, str] = field(default_factory=dict)
    #: The numbers of entries that are another country's acts.
    foreign: frozenset[int] = frozenset()


def reference_mentions(document_id: str, offset: int, text: str) -> ReferenceMentions:
    """Law and institution mentions in the reference-list ``text`` (which starts at ``offset``
    in its document)."""
    mentions: list[Mention] = []
    numbers: dict[int, str] = {}
    foreign: set[int] = set()
    first_printed: dict[int, Printed] = {}
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        number = ENTRY_NUMBER.match(line)
        entry = line[number.end():] if number else line.strip()
        base = start + (number.end() if number else len(line) - len(line.lstrip()))
        n = int(number.group(1)) if number else None
        publishers = _publishers(entry)
        remember(first_printed, n, entry, [name for _, name in publishers])
        named = {(at, name, name) for at, name in _corporate_authors(entry)}
        named |= {(at, name, twin_name(first_printed, n, entry, name)) for at, name in publishers}
        numbered = list(find_numbered_acts(entry))  # a decree by number: the names in it are its
        for at, end, name in numbered:
            mentions.append(Mention(document_id, offset + base + at, offset + base + end, name,
                                    "LAW", _designation_lang(name), name, SOURCE))
        decrees = Coverage((at, end) for at, end, _ in numbered)  # offsets into ``entry``
        named = {item for item in named | set(_journal_owners(entry))
                 if not decrees.overlaps(item[0], item[0] + len(item[1]))}
        for at, name, canonical in sorted(named):
            lang = _script_lang(canonical)  # a twin entry's publisher: its first printing
            mentions.append(Mention(document_id, offset + base + at, offset + base + at + len(name),
                                    name, "ORG", lang, canonical, SOURCE))
        act = _entry_act(entry)
        if act is None:
            continue
        title, canonical, abroad = act
        at = line.find(title)
        in_entry = at - (base - start)
        if at < 0 or decrees.overlaps(in_entry, in_entry + len(title)):
            continue
        lang = _script_lang(title)
        mentions.append(Mention(document_id, offset + start + at, offset + start + at + len(title),
                                title, "LAW", lang, canonical, SOURCE))
        if number and int(number.group(1)) not in numbers:
            numbers[int(number.group(1))] = canonical
            if abroad:
                foreign.add(int(number.group(1)))
    return ReferenceMentions(tuple(mentions), numbers, frozenset(foreign))


def _entry_act(entry: str) -> tuple[str, str, bool] | None:
    """(title as printed, canonical name, another country's act?) of a reference entry that
    is a legislative act."""
    m = _AUTHORED.match(entry)
    if m and _LEGISLATURE.search(m.group("author")):
        title = m.group("title").strip()
        country = _foreign_country(m.group("author"))
        if _GENERIC.match(title):
            year = m.group("year")
            return title, f"{title} ({country}, {year})" if country else f"{title} ({year})", bool(country)
        if _ACT_HEAD.search(title):
            named = not country or country in title
            return title, title if named else f"{title} ({country})", bool(country)
        return None
    m = _ACT_TITLE.match(entry)
    if m is None:
        return None
    title, form = m.group("title"), re.sub(r"^The\s+", "", m.group("form"))
    if m.group("on"):  # "Law of … dated 19 May 2015 № 314-V. On minimum social standards …"
        form = f"{_DATED.sub('', form)} «{m.group('on')}»"
    elif quoted := _NUMBERED_QUOTED.search(form):  # "Law of … No. 383-V "On Public Councils" (2015)"
        form = f"{form[:quoted.start()]} «{quoted.group('on')}»"
    return title, form, bool(_foreign_country(title))


_AUTHOR = re.compile(r"^[^\W\d_][^.()\[\]<>,:;/\"«»“”]{1,110}?(?=\s*\[[A-Z]{2,6}\]|\.\s|\.$|\s*\(\d{4}|,\s)")
_JOINT = re.compile(r"\s+&\s+|\s*;\s*")
_SMALL = frozenset({"of", "the", "and", "for", "on", "in", "at", "de"})


def _corporate_authors(entry: str) -> list[tuple[int, str]]:
    """(offset in ``entry``, name) of the institutions that are the entry's author.

    >>> _corporate_authors("UNICEF Kazakhstan & Bureau of National Statistics of Kazakhstan. (2023). R.")
    [(20, 'Bureau of National Statistics of Kazakhstan')]
    >>> _corporate_authors("Laumulin M. Kazakhstan. Almaty, 2000.")
    []
    """
    m = _AUTHOR.match(entry)
    if m is None:
        return []
    out, pos = [], 0
    for part in _JOINT.split(m.group(0)):
        at = entry.index(part, pos)
        pos = at + len(part)
        if _is_institution(part):
            out.append((at, part))
    return out


_PUBLISHER = re.compile(
    r"(?<![\w.-])(?P<name>(?:(?:[A-Z]\.)+\s+|[A-Z][\w&'’-]*\s+)(?:(?:[A-Z][\w&'’-]*|of|the|and|&)\s+){0,5}"
    r"(?:Press|Publishing|Publications|Publishers|Books)"
    r"|(?:[А-ЯЁ][\w-]*\s+){1,3}Пресс|Издательство\s+[«\"“][^»\"”]{2,60}[»\"”])(?![\w-])"
)
_CITY_PUBLISHER = re.compile(r"(?P<city>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?):\s+(?P<name>[A-Z][\w&'’-]*"
                             r"(?:\s+(?:[A-Z][\w&'’-]*|of|the|and)){0,11})(?=,\s*(?:1[89]|20)\d\d|\s*//|\.\s)")
#: A Cyrillic city (or «М.», «СПб.») and a colon, then the publisher: «М.: Экон-информ, 2002»,
#: «Москва: Логос.», «Алматы : Эрекет-Print, 2008» (not «Алматы: М. Лаумулин», a person).
_CYR_CITY_PUBLISHER = re.compile(
    r"(?P<city>М\.|СПб\.|[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+(?:-[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+)?)"
    r"\s?:\s?(?P<name>(?![А-ЯЁA-Z]\.)[А-ЯЁӘҒҚҢӨҰҮҺІA-Z«\"][\w«»\"-]*(?:\s+[\w«»\"-]+){0,8}?)"
    r"(?=,\s*(?:1[89]|20)\d\d|\.(?:\s|$))")
_ABBREVIATED_CITIES = frozenset({"М.", "СПб."})
#: A journal named after its university: Vestnik KRSU, Вестник Томского государственного
#: университета, Bulletin of Karaganda University, Қарағанды университетінің хабаршысы.
_JOURNAL_OWNER = re.compile(
    r"(?:\b(?:Vestnik|Вестник|Bulletin\s+of(?:\s+the)?|Herald\s+of(?:\s+the)?)\s+"
    r"(?P<after>[A-ZА-ЯЁ][^.,;:*()\[\]\n]{1,80}?)(?=\s*[.,;:*(\[]|\s+(?:Ser|Сер)|$))"
    r"|(?P<before>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]*(?:\s+[\w-]+){0,4}?\s+университетінің)\s+хабаршысы"
)
_UNIVERSITY = re.compile(r"(?i)univers|университет")
#: The last segment of an entry that is an institution (its publisher): "… Prospects.
#: Ilko Kucheriv Democratic Initiatives Foundation."
_SEGMENT = re.compile(r"(?<=\.\s)(?P<name>[A-Z][^.,:;<>\[\]\n]{3,100}?)\.\s*(?:<|https?:|$)")


def _publishers(entry: str) -> list[tuple[int, str]]:
    """(offset in ``entry``, name) of the publisher an entry names: a name ending in Press,
    Publishing, Books … (Пресс, Издательство «…»), or the name after a known city and a colon.

    >>> _publishers("Putnam R. Making Democracy Work. – Princeton: Princeton University Press, 1993.")
    [(46, 'Princeton University Press')]
    >>> _publishers("Weber M. Economy. Berkeley: University of California Press, 1978.")
    [(28, 'University of California Press')]
    >>> _publishers("Fung A. Deepening Democracy. London: Verso, 2003. – 312 p.")
    [(37, 'Verso')]
    >>> _publishers("OECD. Open Government in Kazakhstan. Paris: OECD Publishing, 2017.")
    [(44, 'OECD')]
    >>> _publishers("Зяблюк Н.Г. Группы давления. – М.: Аспект Пресс, 2005.")
    [(35, 'Аспект Пресс')]
    >>> _publishers("Арендт Х. Vita activa. Москва: Европейские издания.")
    [(31, 'Европейские издания')]
    >>> _publishers("Лаумулин М. Геополитика. – Алматы: М. Лаумулин, 2000. – С.134")
    []
    """
    found = {_own_press(m.start("name"), m.group("name").strip()) for m in _PUBLISHER.finditer(entry)
             if m.group("name").split()[0] not in ("The", "In", "On")}
    more = [m for m in _SEGMENT.finditer(entry) if m.start() > 0 and _is_institution(m.group("name"))]
    more += [m for m in _CITY_PUBLISHER.finditer(entry) if lookup_place(m.group("city"), "en") is not None]
    more += [m for m in _CYR_CITY_PUBLISHER.finditer(entry)
             if (m.group("city") in _ABBREVIATED_CITIES or lookup_place(m.group("city")) is not None)
             and sum(c.isalpha() for c in m.group("name")) >= 3]
    for m in NEWSPAPER.finditer(entry):  # The Astana Times, as in a body: without its "The"
        name = newspaper_name(m.group())
        if len(name.split()) > 1:
            found.add((m.end() - len(name), name))
    for m in more:  # in this order: a name found before wins where two start inside each other
        if not any(at <= m.start("name") < at + len(name) for at, name in found):
            found.add((m.start("name"), m.group("name")))
    return sorted(found)


def _journal_owners(entry: str) -> list[tuple[int, str, str]]:
    """(offset, name as printed, nominative name) of the universities journals are named after.

    >>> _journal_owners("Askarova A. Climate risks, Vestnik KRSU, 2019. – P. 5.")
    [(35, 'KRSU', 'KRSU')]
    >>> _journal_owners("Сейт А. Поэтика // Вестник КазНУ. Серия филологическая. 2019.")
    [(27, 'КазНУ', 'КазНУ')]
    >>> _journal_owners("Ахмет Б. Болмыс. Қарағанды университетінің хабаршысы. Тарих. 2020.")
    [(17, 'Қарағанды университетінің', 'Қарағанды университеті')]
    """
    out = []
    for m in _JOURNAL_OWNER.finditer(entry):
        group = "after" if m.group("after") else "before"
        name = m.group(group).strip()
        known = lookup_institution(name) is not None
        if not known and not _UNIVERSITY.search(name):
            continue
        if group == "before":
            canonical = normalize_kk(name)
        elif known or is_acronym(name):
            canonical = name
        elif _CYRILLIC.search(name):
            canonical = normalize_ru(name, "ORG")
        else:
            canonical = name
        out.append((m.start(group), name, canonical))
    return out


def _own_press(at: int, name: str) -> tuple[int, str]:
    """A catalogued institution's own imprint is that institution: "OECD Publishing" -> "OECD"."""
    owner = name.rsplit(None, 1)[0] if " " in name else ""
    if owner and lookup_institution(owner, "en" if owner.isascii() else None) is not None:
        return at, owner
    return at, name


def _is_institution(name: str) -> bool:
    """A catalogued institution, or an English name of capitalised words headed by an
    institution's noun (the word before the first "of", else the last word)."""
    words = name.split()
    if len(words) > 12 or any(len(w) == 2 and w.endswith(".") for w in words):  # "Laumulin M."
        return False
    if lookup_institution(name, "en" if name.isascii() else None) is not None:
        return True
    if not name.isascii() or any(w[:1].islower() and w not in _SMALL for w in words):
        return False
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    return classify_head(head) == "ORG"


def _designation_lang(text: str) -> str:
    """``kk`` for a name with Kazakh letters, else as :func:`_script_lang`."""
    return "kk" if _KAZAKH is not None and _KAZAKH.search(text) else _script_lang(text)


_KAZAKH = own_letters("kk")


def _script_lang(text: str) -> str:
    """``en`` for a name without Cyrillic letters, else ``ru`` (references are rarely Kazakh)."""
    return "ru" if _CYRILLIC.search(text) else "en"


_CYRILLIC = script_letters("Cyrl")


def _foreign_country(author: str) -> str | None:
    """The English name of a country other than Kazakhstan named in ``author``."""
    for word in re.findall(r"[A-ZА-Я][\w-]+", author):
        country = lookup_country(word)
        if country is not None and country.iso2 and country.iso2 != "KZ":
            return country.names.get("en", word)
    return None


def link_citations(body: str, offset: int, mentions: Sequence[Mention],
                   cited: ReferenceMentions) -> tuple[Mention, ...]:
    """Body law mentions followed by ``[N]`` cite the act of entry N (``Mention.cites``) when
    the mention names no catalogued act or entry N is another country's act (the
    catalogue holds Kazakhstan's: "the Budget Code [31]" of an article on Ukraine citing
    "Budget Code of Ukraine"). ``body`` starts at ``offset`` in its document.

    >>> acts = ReferenceMentions((), {31: "Budget Code of Ukraine"}, frozenset({31}))
    >>> body = "amendments to the Budget Code [31], which"
    >>> m = Mention("d", 18, 29, "Budget Code", "LAW", "en", "Budget Code")
    >>> link_citations(body, 0, [m], acts)[0].cites
    'Budget Code of Ukraine'
    """
    if not cited.by_number:
        return tuple(mentions)
    out = []
    for m in mentions:
        found = _CITATION.match(body, m.end - offset) if m.label == "LAW" else None
        number = int(found.group(1)) if found else 0
        canonical = cited.by_number.get(number)
        if canonical and (number in cited.foreign or lookup_act(m.canonical, m.lang) is None):
            m = replace(m, cites=canonical)
        out.append(m)
    return tuple(out)
