"""Names inside reference entries: the laws, institutions, programs and places their titles
name («Қазақстан Республикасының Қылмыстық кодексі. [Электрондық ресурс]», «Сформирован новый
состав Общественного совета при МНЭ», "Open Government in Kazakhstan").

Each entry is read by its language's extractor as a paragraph of its own, and a name is kept
as a name of its own only if the catalogue or a gazetteer knows it: an entry is often the one
place a name is written in another language (an English title of a law the body names in
Kazakh), and an unknown name there would split one thing into two nodes. An institution, law
or program no table knows gets the extractor :data:`~kg.model.REFERENCE_TEXT_SOURCE`: resolution
keeps it only as a thing the corpus names elsewhere (a Kazakh concept cited in a Kazakh
article that names it in its body). So does every person a title names («К вопросу о теории
справедливости Джона Ролза»): it joins a person the corpus has, else it makes no node (an
entry's authors are found by :mod:`kg.extract.reference_authors`, before). The
mentions carry the reference-list extractor name, so they are no subjects of the article
(:mod:`kg.rdf.mapping`).

The place of publication ("Paris: OECD") is a place the entry names too; a quoted name is
no place (НПП «Атамекен» is the chamber of entrepreneurs, not the village), and nothing
inside a link is a name.

>>> tail = ("References\\n1. Open Government in Kazakhstan. Paris: OECD, 2017. <https://x.kz/UN>\\n"
...         "2. Smart cities. Washington, DC, 2022. - 40 p.\\n")
>>> [(m.text, m.label) for m in reference_text_mentions("d", 0, tail, use_model=False)]
[('Kazakhstan', 'GPE'), ('Paris', 'GPE_SUB'), ('OECD', 'ORG'), ('Washington', 'GPE_SUB')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from kg.extract.known import is_known
from kg.extract.reference_parts import catalogued_parts, transliterated_catalogued, transliterated_parts
from kg.extract.spans import Coverage
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.countries import lookup_country
from kg.model import REFERENCE_SOURCE, REFERENCE_TEXT_SOURCE, Mention
from kg.text.lang import detect_language, own_letters, script_letters
from kg.text.org_names import nominative_org
from kg.text.ru_latin import cyrillic_from_latin

__all__ = ["reference_text_mentions"]

_LINK = re.compile(r"<[^<>\n]*>|https?://\S+|www\.\S+|doi:\S+", re.IGNORECASE)
#: Labels read from reference entries.
LABELS = frozenset({"ORG", "LAW", "PROGRAM", "GPE", "GPE_SUB", "PERSON"})
#: Labels whose unknown names are kept for resolution to join to the corpus's own.
CORPUS_LABELS = frozenset({"ORG", "LAW", "PROGRAM", "PERSON"})
#: Labels of places, which a quoted name is not (НПП «Атамекен» is the chamber, not the village).
PLACES = frozenset({"GPE", "GPE_SUB"})
_OPEN_QUOTES, _CLOSE_QUOTES = "«“\"„", "»”\""


def _quoted(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the whole of a quoted name?"""
    return start > 0 and text[start - 1] in _OPEN_QUOTES and text[end:end + 1] in tuple(_CLOSE_QUOTES)


def reference_text_mentions(document_id: str, offset: int, tail: str,
                            use_model: bool = True) -> tuple[Mention, ...]:
    """Mentions (offsets into the document: ``tail`` starts at ``offset``) in the entries of
    the reference list ``tail``, one paragraph per line."""
    out = _extracted(document_id, offset, tail, use_model)
    links = Coverage((k.start(), k.end()) for k in _LINK.finditer(tail))
    taken = Coverage((m.start - offset, m.end - offset) for m in out if m.extractor == REFERENCE_SOURCE)
    countries = [replace(m, document_id=document_id).shifted(offset) for m in _countries_and_acronyms(tail)
                 if not taken.overlaps(m.start, m.end) and not links.overlaps(m.start, m.end)]
    found = Coverage((m.start, m.end) for m in countries)  # a known name beats an unknown "KNR"
    out = [m for m in out if not found.overlaps(m.start, m.end)] + countries
    out = _with_catalogued_parts(sorted(out, key=lambda m: (m.start, m.end)), tail, offset,
                                 document_id, links)
    out += _bracketed_acronyms(out, tail, offset)
    known = Coverage((m.start, m.end) for m in out if m.extractor == REFERENCE_SOURCE)
    read_back = [replace(m, document_id=document_id).shifted(offset) for m in transliterated_catalogued(tail)
                 if not known.overlaps(m.start + offset, m.end + offset)]
    covered = Coverage((m.start, m.end) for m in read_back)  # a catalogued name beats an unknown one
    out = [m for m in out if not covered.overlaps(m.start, m.end)] + read_back
    named = Coverage((m.start, m.end) for m in out)
    out += [replace(m, document_id=document_id).shifted(offset) for m in transliterated_parts(tail)
            if not named.overlaps(m.start + offset, m.end + offset) and not links.overlaps(m.start, m.end)]
    return tuple(_translated_twins(sorted(out, key=lambda m: (m.start, m.end)), tail, offset))


_OPEN_BRACKET = re.compile(r"\.?\s*\[\s*")
_CLOSE_BRACKET = re.compile(r"\s*\.?\s*\]")
_TWIN_LABELS = frozenset({"ORG", "LAW", "PROGRAM"})


def _translated_twins(mentions: list[Mention], tail: str, offset: int) -> list[Mention]:
    """An unknown name that is the whole of the brackets right after a name of its kind is
    that name's translation ("Bilim ministrligi [Ministry of Education]"): it takes that
    name's canonical form, so it joins whatever the first one joins.

    >>> a = Mention("d", 0, 17, "Bilim ministrligi", "ORG", "kk", "Bilim ministrligi", REFERENCE_TEXT_SOURCE)
    >>> b = Mention("d", 19, 40, "Ministry of Education", "ORG", "en", "Ministry of Education", REFERENCE_TEXT_SOURCE)
    >>> [m.canonical for m in _translated_twins([a, b], "Bilim ministrligi [Ministry of Education].", 0)]
    ['Bilim ministrligi', 'Bilim ministrligi']
    """
    out = list(mentions)
    for i in range(1, len(out)):
        first, twin = out[i - 1], out[i]
        if (twin.extractor == REFERENCE_TEXT_SOURCE and twin.label == first.label
                and first.label in _TWIN_LABELS
                and (gap := _OPEN_BRACKET.match(tail, first.end - offset)) is not None
                and gap.end() == twin.start - offset
                and _CLOSE_BRACKET.match(tail, twin.end - offset) is not None):
            out[i] = replace(twin, canonical=first.canonical)
    return out


def _with_catalogued_parts(out: list[Mention], tail: str, offset: int, document_id: str,
                           links: Coverage) -> list[Mention]:
    """``out`` (sorted by start) with each entry part that is a whole catalogued name in place
    of the names inside it, unless a name crosses the part's edges or a known one inside has its
    label (an unknown one is the name cut short: "Convention on the Elimination of All Forms of
    Discrimination" inside the catalogued "… against Women").
    The parts do not overlap, so each is weighed against ``out`` alone: linear, by bisection."""
    begins = [m.start for m in out]
    longest = max((m.end - m.start for m in out), default=0)
    dropped: set[int] = set()
    parts = []
    for part in catalogued_parts(tail):
        part = replace(part, document_id=document_id).shifted(offset)
        near = [i for i in range(bisect_left(begins, part.start - longest), bisect_left(begins, part.end))
                if out[i].end > part.start]
        inside = [i for i in near if part.start <= out[i].start and out[i].end <= part.end]
        if links.overlaps(part.start - offset, part.end - offset) or len(inside) != len(near) \
                or any(out[i].label == part.label and out[i].extractor != REFERENCE_TEXT_SOURCE
                       for i in inside):  # a known name of that kind; an unknown one is cut short
            continue
        dropped.update(inside)
        parts.append(part)
    return [m for i, m in enumerate(out) if i not in dropped] + parts


def _extracted(document_id: str, offset: int, tail: str, use_model: bool) -> list[Mention]:
    """The names each entry's language extractor reads (offsets into the document): known
    ones as :data:`REFERENCE_SOURCE`, unknown institutions, laws, programs and persons as
    :data:`REFERENCE_TEXT_SOURCE`; an unknown institution whose name runs into a quoted title
    is the known one before the quote («Доклад Евразийского банка развития «Цифровой …»»)."""
    from kg.extract import extract_text  # deferred: the extractors load models

    lines = tail.split("\n")
    spaced = "\n\n".join(lines)
    found = extract_text(_unmarked(spaced), document_id, (), use_model, _entry_language)
    starts_spaced, starts_tail, spaced_at, tail_at = [], [], 0, 0
    for line in lines:
        starts_spaced.append(spaced_at)
        starts_tail.append(tail_at)
        spaced_at += len(line) + 2
        tail_at += len(line) + 1
    links = Coverage((k.start(), k.end()) for k in _LINK.finditer(spaced))
    out = []
    i = 0
    for m in found:
        while i + 1 < len(lines) and starts_spaced[i + 1] <= m.start:
            i += 1
        if m.label not in LABELS or links.overlaps(m.start, m.start + 1) \
                or m.label in PLACES and _quoted(spaced, m.start, m.end):
            continue
        known = is_known(m) and m.label != "PERSON"  # persons: known to the corpus only
        if not known and m.label == "ORG":
            m, known = _before_quote(m)
        if not known and m.label not in CORPUS_LABELS:
            continue
        shift = offset + starts_tail[i] - starts_spaced[i]
        source = REFERENCE_SOURCE if known else REFERENCE_TEXT_SOURCE
        out.append(replace(m.shifted(shift), extractor=source))
    return out


#: The Kazakh marks a journal adds to an entry in any language («[Электрондық ресурс]»,
#: «(Қаралған күні: 04.03.2026)», «10 қазан»), and links: they hold no name (nothing inside a
#: link is one), and they would make a Russian title Kazakh or English.
_MARKS = re.compile(r"\[\s*Электрондық\s+ресурс\s*\]|\(\s*[Ққ]аралған\s+күні[^()\n]{0,40}\)"
                    r"|<[^<>\n]*>|https?://\S+|\bURL:"
                    r"|\d{1,2}\s+(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|"
                    r"қараша|желтоқсан)\b", re.IGNORECASE)


_KK_OWN = own_letters("kk")
_CYRILLIC_LETTER = script_letters("Cyrl")
_LATIN_LETTER = script_letters("Latn")
#: Cyrillic letters an entry needs before lacking every Kazakh letter makes it Russian.
_RUSSIAN_MIN = 25


def _entry_language(entry: str) -> str:
    """An entry's language: a mostly Cyrillic title of some length without one Kazakh letter
    is Russian, whatever names it holds («Задержан экс-глава НПП «Атамекен» Аблай Мырзахметов»,
    which lingua reads as Kazakh); else as detected.

    >>> _entry_language("Борьба с агроолигархами: зачем Алмасбеку Садырбаеву нужна партия.")
    'ru'
    >>> _entry_language("Қазақстан Республикасының Конституциясы"), _entry_language("Open Government")
    ('kk', 'en')
    """
    cyrillic = len(_CYRILLIC_LETTER.findall(entry))
    if _KK_OWN is not None and not _KK_OWN.search(entry) and cyrillic >= _RUSSIAN_MIN \
            and cyrillic > len(_LATIN_LETTER.findall(entry)):
        return "ru"
    return detect_language(entry)


def _unmarked(text: str) -> str:
    """``text`` with the journal's Kazakh marks blanked (the offsets stay).

    >>> t = "Борьба с олигархами. [Электрондық ресурс] // x.kz (Қаралған күні: 04.03.2026)."
    >>> _unmarked(t).split(), len(_unmarked(t)) == len(t)
    (['Борьба', 'с', 'олигархами.', '//', 'x.kz', '.'], True)
    """
    return _MARKS.sub(lambda m: " " * len(m.group()), text)


_QUOTE_OPEN = re.compile(r"\s+[«“„\"]")


def _before_quote(m: Mention) -> tuple[Mention, bool]:
    """``m`` cut before a quoted title it runs into, if the catalogue knows that part; and
    whether the result is known."""
    quote = _QUOTE_OPEN.search(m.text)
    if quote is None or quote.start() == 0:
        return m, False
    head = m.text[:quote.start()]
    if lookup_institution(head, m.lang) is None:
        return m, False
    return replace(m, end=m.start + len(head), text=head, canonical=nominative_org(head, m.lang),
                   name_start=None, name_end=None), True


#: An acronym in brackets right after a name: "European Commission [EC]", "… (ЕАБР)".
_BRACKETED = re.compile(r"\s*[\[(]([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,8})[\])]")


def _bracketed_acronyms(mentions: list[Mention], tail: str, offset: int) -> list[Mention]:
    """An acronym in brackets after a known institution whose words it abbreviates is that
    institution ("European Commission [EC]")."""
    taken = Coverage((m.start, m.end) for m in mentions)
    out = []
    for m in mentions:
        after = _BRACKETED.match(tail, m.end - offset) if m.label == "ORG" \
            and m.extractor == REFERENCE_SOURCE else None
        if after is None:
            continue
        acronym = after.group(1)
        start = offset + after.start(1)
        initials = "".join(w[0] for w in re.findall(r"\w+", m.text) if w[0].isupper())
        if acronym in initials and not taken.overlaps(start, start + len(acronym)):
            out.append(Mention(m.document_id, start, start + len(acronym), acronym, "ORG", m.lang,
                               m.canonical, REFERENCE_SOURCE))
    return out


#: A capitalised Latin word, or two ("Kyrgyzskoj Respubliki"), or an acronym ("KNR", "OEHSR",
#: "ShOS").
_LATIN_RUN = re.compile(r"(?<![\w'-])[A-Z][a-z']+(?:\s+[A-Z][a-z']+)?(?![\w'-])"
                        r"|(?<![\w-])(?:[A-Z]|[KSTZCE][hs]){2,6}(?![\w-])")
_ACRONYM = re.compile(r"(?:[A-Z]|[KSTZCE][hs]){2,6}")
_LETTERS = dict(zip("ABVGDEZIKLMNOPRSTUFHY", "АБВГДЕЗИКЛМНОПРСТУФХЫ"))
#: Two Latin letters that transliterate one Russian letter (ОЭСР is "OEHSR", ШОС "ShOS").
_DIGRAPHS = {"EH": "Э", "SH": "Ш", "KH": "Х", "TS": "Ц", "ZH": "Ж", "CH": "Ч", "IU": "Ю", "YU": "Ю",
             "IA": "Я", "YA": "Я"}


def _acronym_readings(word: str) -> list[str]:
    """The Cyrillic acronyms a transliterated one may be, letter by letter and with the
    digraphs read as one letter where they can be.

    >>> _acronym_readings("OEHSR"), _acronym_readings("ShOS"), _acronym_readings("KNR")
    (['ОЕХСР', 'ОЭСР'], ['СХОС', 'ШОС'], ['КНР'])
    """
    upper = word.upper()
    plain = "".join(_LETTERS.get(ch, "?") for ch in upper)
    joined, i = [], 0
    while i < len(upper):
        pair = upper[i:i + 2]
        if pair in _DIGRAPHS:
            joined.append(_DIGRAPHS[pair])
            i += 2
        else:
            joined.append(_LETTERS.get(upper[i], "?"))
            i += 1
    return [r for r in dict.fromkeys((plain, "".join(joined))) if "?" not in r]


def _countries_and_acronyms(tail: str) -> list[Mention]:
    """Countries named in transliterated Russian ("reformy v Kitae", "ledniki Kyrgyzstana",
    "KNR"): read back in Cyrillic (:func:`kg.text.ru_latin.cyrillic_from_latin`, every word a
    Russian word) and known to the countries table; and the catalogue's institutions by their
    acronyms, as printed or transliterated («ЮНИСЕФ Казахстан и БНС», "Tokayev predlozhit
    SNG"). Offsets into ``tail``; no document id.

    >>> [(m.text, m.label, m.canonical) for m in _countries_and_acronyms("reformy v Kitae i KNR; Germany; SNG i БНС")]
    [('Kitae', 'GPE', 'Китай'), ('KNR', 'GPE', 'Китай'), ('SNG', 'ORG', 'СНГ'), ('БНС', 'ORG', 'БНС')]
    """
    out = []
    for run in _LATIN_RUN.finditer(tail):
        word = run.group(0)
        acronym = _ACRONYM.fullmatch(word) is not None
        if acronym:
            readings = _acronym_readings(word)
        else:
            readings = [r for r in [cyrillic_from_latin(word, proper_names=True)] if r]
        country = next((c for r in readings if (c := lookup_country(r if acronym else r.title(), "ru"))
                        and c.names.get("ru")), None)
        if country is not None:
            out.append(Mention("", run.start(), run.end(), word, "GPE", "ru", country.names["ru"],
                               REFERENCE_SOURCE))
            continue
        known = [r for r in readings if lookup_institution(r) is not None] if acronym else []
        if known and lookup_institution(word) is None:
            out.append(Mention("", run.start(), run.end(), word, "ORG", "ru", known[-1], REFERENCE_SOURCE))
    for acronym in _CYRILLIC_ACRONYM.finditer(tail):
        if lookup_institution(acronym.group(0)) is not None:
            out.append(Mention("", acronym.start(), acronym.end(), acronym.group(0), "ORG",
                               detect_language(acronym.group(0), "ru", guess=False),
                               acronym.group(0), REFERENCE_SOURCE))
    return sorted(out, key=lambda m: m.start)


_CYRILLIC_ACRONYM = re.compile(r"(?<![\w-])[А-ЯЁӘҒҚҢӨҰҮҺІ]{2,8}(?![\w])")
