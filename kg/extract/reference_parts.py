"""The parts of reference-list entries that are names by themselves: whole catalogued names
in any script or transliteration ("10. Qazaqstan Respublikasynyń Qylmystyq kodeksi [Criminal
Code of the Republic of Kazakhstan]"), and Kazakh or Russian names given only in Latin
transliteration with a head word ("22. Bilim ministrligi [Ministry of Education]"), which no
language's extractor proposes. Offsets into the list; no document id.

>>> [(m.text, m.label) for m in transliterated_parts("References\\n22. Bilim ministrligi [Ministry of Education].\\n")]
[('Bilim ministrligi', 'ORG')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.lexicon.catalog import PROGRAM_KINDS, lookup_act, lookup_institution
from kg.model import REFERENCE_SOURCE, REFERENCE_TEXT_SOURCE, Mention
from kg.text.lang import detect_language, script_letters
from kg.text.ru_latin import cyrillic_from_latin

__all__ = ["catalogued_parts", "transliterated_catalogued", "transliterated_parts"]

_CYRILLIC_LETTER = script_letters("Cyrl")
_LATIN_LETTER = script_letters("Latn")


#: Where an entry's parts meet: brackets, «//», a full stop after a word of three letters or
#: more (not an initial's, nor «No.»'s), a semicolon or colon, a link.
_PART_EDGE = re.compile(r"\[|\]|\(|\)|//|(?<=[^\s.]{3})\.(?=\s)|[;:](?=\s)|<|https?://")
_PART_MAX = 200
_ENTRY_NUMBER = re.compile(r"^\s*\d{1,3}\.\s+")


#: A treaty's place and date of signing after its title, or its year ("…, 1951").
_PLACE_AND_DATE = re.compile(r"(?:\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,)?\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$|,\s+\d{4}$")


def _spelt_as_catalogued(word: str) -> bool:
    """Is one word a catalogued institution's name or alias exactly ("// *Kazinform*. – 2025")?

    >>> _spelt_as_catalogued("Kazinform"), _spelt_as_catalogued("Kazinfrom"), _spelt_as_catalogued("Наука")
    (True, False, False)
    """
    entry = lookup_institution(word)
    return entry is not None and word.casefold() in {n.casefold() for n in entry.surfaces()}


def catalogued_parts(tail: str) -> list[Mention]:
    """The parts of the entries of ``tail`` that are whole names of catalogued laws, programs
    or institutions, in any script or transliteration ("10. Qazaqstan Respublikasynyń
    Qylmystyq kodeksi [Criminal Code of the Republic of Kazakhstan]"), which no extractor
    proposed (a Kazakh title in Latin letters reads as no language's names). Offsets into
    ``tail``; no document id."""
    out = []
    for at, part in _entry_parts(tail):
        if len(part) > _PART_MAX:
            continue
        found = _catalogued_part(part)
        if found is None and "," in part:  # "Plana natsii - 100 konkretnykh shagov, Programma …"
            head = part.split(",")[0].rstrip()
            found = _catalogued_part(head) if len(head.split()) >= 2 else None
        if found is not None:
            name, label = found
            out.append(Mention("", at, at + len(name), name, label,
                               detect_language(name, "en", guess=False), name, REFERENCE_SOURCE))
    return out


def _entry_parts(tail: str) -> Iterator[tuple[int, str]]:
    """``(offset in tail, text)`` of each part of each entry of ``tail``: the text between
    brackets, ``//``, full stops, colons and links, without the entry's number."""
    edges = [0, *(e for m in _PART_EDGE.finditer(tail) for e in (m.start(), m.end())), len(tail)]
    for start, end in zip(edges[::2], edges[1::2]):
        for line in re.finditer(r"[^\n]+", tail[start:end]):
            part = _ENTRY_NUMBER.sub("", line.group(0)).strip(" \t,:–—-*")
            if part:
                yield start + line.start() + line.group(0).index(part), part


#: Head words of transliterated Kazakh and Russian names (Latin prefixes), by label.
_LATIN_HEADS = (
    ("ORG", ("ministrlig", "ministerstv", "agenttig", "agentstv", "komitet", "komiss", "komisia", "qory",
             "fond", "ortalyg", "ortaly", "tsentr", "universitet", "institut", "akademi", "kenes",
             "sovet", "palata", "uiym", "birlestig", "baspa", "byuro", "biuro", "büro", "departament",
             "basqarma", "kholding", "holding", "korporats")),
    ("LAW", ("zangy", "zakon", "kodeks", "konvents", "kelisim", "soglashen", "qaulysy", "zharlyg", "ukaz")),
    ("PROGRAM", ("bagdarlama", "baghdarlama", "programm", "strategi", "tuzhyrymdama", "tujyrymdama",
                 "tüjyrymdama", "kontseps", "koncepc")),
)
_WEBSITE_WORD = re.compile(r"\s+(?:saity|sayty|saiti|sait)$", re.IGNORECASE)
_TRANSLIT_MAX_WORDS = 15


def transliterated_parts(tail: str) -> list[Mention]:
    """Entry parts that are a Kazakh or Russian name in Latin letters with an institution's,
    law's or program's head word ("22. Bilim ministrligi [Ministry of Education]", "Ultyq
    aielder isteri … komisia"), as unknown names (:data:`REFERENCE_TEXT_SOURCE`): resolution
    keeps one only as the thing the corpus prints in Cyrillic (:mod:`kg.resolve.transliterated`).
    Offsets into ``tail``; no document id."""
    out = []
    for at, part in _entry_parts(tail):
        part = _WEBSITE_WORD.sub("", part)
        words = part.lower().split()
        if not 2 <= len(words) <= _TRANSLIT_MAX_WORDS or not _latin_transliteration(part):
            continue
        label = next((lab for lab, heads in _LATIN_HEADS if any(w.startswith(heads) for w in words)), None)
        if label is not None:
            out.append(Mention("", at, at + len(part), part, label, "kk", part, REFERENCE_TEXT_SOURCE))
    return out


def _latin_transliteration(part: str) -> bool:
    """Latin letters only, and no English function word or head noun (not an English title)."""
    if _CYRILLIC_LETTER.search(part) or not _LATIN_LETTER.search(part):
        return False
    words = part.lower().split()
    return not any(w in _ENGLISH_WORDS for w in words)


_ENGLISH_WORDS = frozenset({"the", "of", "and", "for", "in", "on", "to", "with", "a", "an", "by", "at",
                            "from", "ministry", "committee", "agency", "fund", "university", "institute"})


def _catalogued_part(part: str) -> tuple[str, str] | None:
    """``(name, label)`` if ``part`` is a whole catalogued name (its place and date of signing
    left out), else None."""
    if len(part.split()) < 2:  # one word: an institution as the catalogue spells it
        return (part, "ORG") if _spelt_as_catalogued(part) else None
    part = _PLACE_AND_DATE.sub("", part)  # "… against Women New York, 18 December 1979"
    act = lookup_act(part)
    if act is not None:
        return part, "PROGRAM" if act.kind in PROGRAM_KINDS else "LAW"
    return (part, "ORG") if lookup_institution(part) is not None else None



#: Words a catalogued name read back from Russian transliteration may have.
_READ_BACK_WORDS = 6
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PLAIN_RUN = re.compile(r"[A-Za-z'’\s-]+")
#: Head words of Russian institution names (lower-case stems).
_RU_HEADS = ("банк", "союз", "совет", "организац", "министерств", "агентств", "университет",
             "институт", "фонд", "комисси", "комитет", "программ", "ассамбле", "парламент",
             "суд", "академи", "центр", "бюро", "палат", "служб", "корпорац", "холдинг", "хаб")
#: The same, as transliterated when a word is not read back ("khab", "tsentra").
_RU_LATIN_HEADS = ("bank", "soyuz", "soiuz", "sovet", "organiz", "ministerstv", "agentstv", "universitet",
                   "institut", "fond", "komiss", "komitet", "programm", "assamble", "parlament", "sud",
                   "akademi", "tsentr", "centr", "byuro", "biuro", "palat", "sluzhb", "korporat",
                   "kholding", "holding", "khab", "hab")


def transliterated_catalogued(tail: str) -> list[Mention]:
    """Catalogued institutions inside entry parts in transliterated Russian, read back in
    Cyrillic word by word (:func:`kg.text.ru_latin.cyrillic_from_latin`): "Doklad Evrazijskogo
    banka razvitiya" names the Eurasian Development Bank, "Obzor Mezhdunarodnogo soyuza
    elektrosvyazi" the ITU. A name opens with a capital and has two words or more; the longest
    one the catalogue knows wins. Offsets into ``tail``; no document id.

    >>> [(m.text, m.canonical) for m in transliterated_catalogued("2. Doklad Evrazijskogo banka razvitiya, 2019.")]
    [('Evrazijskogo banka razvitiya', 'Евразийский банк развития')]
    """
    out = []
    for at, part in _entry_parts(tail):
        if not _latin_transliteration(part):
            continue
        words = list(_LATIN_WORD.finditer(part))
        readings = [cyrillic_from_latin(w.group()) or w.group() for w in words]  # once per word
        i = 0
        while i < len(words) - 1:
            found = _read_back(part, words, readings, i) if words[i].group()[0].isupper() else None
            if found is None:
                i += 1
                continue
            j, reading = found
            start, end = at + words[i].start(), at + words[j - 1].end()
            out.append(Mention("", start, end, tail[start:end], "ORG", "ru", reading, REFERENCE_SOURCE))
            i = j
    return out


def _read_back(part: str, words: list[re.Match[str]], readings: list[str], i: int) -> tuple[int, str] | None:
    """``(end word index, the catalogue's Russian name)`` of the longest catalogued name that
    opens at word ``i`` (``readings``: each word read back in Cyrillic, else as written)."""
    for j in range(min(len(words), i + _READ_BACK_WORDS), i + 1, -1):
        if not _PLAIN_RUN.fullmatch(part, words[i].start(), words[j - 1].end()):
            continue  # words in a row, no punctuation between them
        reading = " ".join(readings[i:j])
        if not any(w.lower().startswith(_RU_HEADS) for w in reading.split()) and not any(
                w.group().lower().startswith(_RU_LATIN_HEADS) for w in words[i:j]):
            continue  # no institution's head word: no lookup
        entry = lookup_institution(reading, "ru")
        if entry is not None:
            return j, entry.name("ru")
    return None
