"""Persons in reference lists: the authors of each entry, and the body's naming of them.

* :func:`reference_author_mentions`: every author an entry prints ("Foucault, M.", «Фуко, М.»,
  "Robert D. Putnam") is a PERSON mention on its span, with the reference-list extractor name
  (:data:`~kg.model.REFERENCE_SOURCE`). Resolution joins it to a person the corpus names
  already (catalogued, an author, a name in some text), else makes it a person of its own
  unless the document names someone whose surname sounds alike (the same person in another
  script or misprinted, whom a second node would split; :mod:`kg.resolve.people`).
* :func:`cited_scholars`: the Latin surnames of the reference list that Kazakh or Russian
  prose names ("Desiere мен Cockx …").

>>> tail = "ӘДЕБИЕТТЕР\\n1. Фуко, М., 1999. Надзирать и наказывать.\\n- Desiere S., Cockx B. How effective."
>>> [(m.text, m.lang, tail[m.start - 100:m.end - 100]) for m in reference_author_mentions("d", 100, tail)]
[('Фуко, М.', 'ru', 'Фуко, М.'), ('Desiere S.', 'en', 'Desiere S.'), ('Cockx B.', 'en', 'Cockx B.')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.extract.references import ENTRY_NUMBER
from kg.extract.spans import Coverage
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.model import REFERENCE_SOURCE, Mention
from kg.segment.citation import is_author_name, split_citation
from kg.text.lang import detect_language, script_letters

__all__ = ["SCHOLAR_SOURCE", "cited_scholars", "reference_author_mentions", "reference_surnames"]

#: The extractor name of a scholar the body names by a reference author's surname.
SCHOLAR_SOURCE = "kazkg-ref/0.1:cited-author"

#: An entry's opening: its number ("12.", "[3]") or list bullet.
_OPENING = re.compile(r"^\s*(?:\[?\d{1,3}\]?\s*[.)]?|[-•–])\s+")
#: A cited author as printed: "Putnam R.", "Kvale, S.", "Wright E.O.", "R. Putnam".
_LATIN_AUTHOR = re.compile(
    r"^(?:(?P<s1>[A-Z][a-z'’-]{2,}),?\s+(?P<i1>(?:[A-Z]\.\s?){1,3})|(?P<i2>(?:[A-Z]\.\s?){1,3})\s*(?P<s2>[A-Z][a-z'’-]{2,}))$"
)
_FULL_NAME = r"[A-Z][a-z]+\s+(?:[A-Z]\.\s?)?[A-Z][a-z'’-]{2,}"
_FULL_NAMES = re.compile(rf"^{_FULL_NAME}(?:,\s+{_FULL_NAME})*(?=\.\s)")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LATIN_WORD = re.compile(r"(?<![\w.-])(?P<initial>[A-Z]\.\s?)?(?P<surname>[A-Z][a-z'’-]{2,})(?![\w-])")
_CYRILLIC = script_letters("Cyrl")
_LATIN = re.compile(r"[A-Za-z]")


def entry_authors(entry: str) -> tuple[str, ...]:
    """The authors an entry (numbering removed) opens with, as printed.

    >>> entry_authors("Robert D. Putnam, Robert Leonardi. Making Democracy Work. 1993.")
    ('Robert D. Putnam', 'Robert Leonardi')
    >>> entry_authors("Hellman J. S., Jones G. Seize the state. 2000.")
    ('Hellman J. S.', 'Jones G.')

    An organisation is no person ("U.S.-China Economic and Security Review Commission",
    «ЮНИСЕФ Казахстан и БНС (2023)»):

    >>> entry_authors("U.S.-China Economic and Security Review Commission. (2022). Report."), entry_authors("ЮНИСЕФ Казахстан и БНС (2023). Отчет.")
    ((), ())
    """
    names, full = _printed_authors(entry)
    return names if full else tuple(
        name for name in names if is_author_name(name)
        and not any(lookup_country(word) for word in _WORD.findall(name)))


def _printed_authors(entry: str) -> tuple[tuple[str, ...], bool]:
    """The names an entry opens with, and whether they are full names ("Robert D. Putnam,
    Robert Leonardi. …") rather than what :func:`split_citation` reads as its authors."""
    full = _FULL_NAMES.match(entry)
    if full:
        return tuple(name.strip() for name in full.group(0).split(", ")), True
    return split_citation(entry).authors, False


def reference_author_mentions(document_id: str, offset: int, tail: str) -> tuple[Mention, ...]:
    """A PERSON mention for each author of each entry of the reference list ``tail`` (which
    starts at ``offset`` in its document), numbered, bulleted or one per line."""
    out = []
    pos = 0
    for line in tail.split("\n"):
        start, pos = pos, pos + len(line) + 1
        opening = _OPENING.match(line)
        base = opening.end() if opening else len(line) - len(line.lstrip())
        entry = line[base:]
        at = 0
        for name in entry_authors(entry):
            found = re.compile(r"\s+".join(map(re.escape, name.split()))).search(entry, at)
            if found is None:
                continue
            at = found.end()
            text = found.group(0)
            out.append(Mention(document_id, offset + start + base + found.start(),
                               offset + start + base + found.end(), text, "PERSON",
                               detect_language(text, "ru", guess=False), name.rstrip(","), REFERENCE_SOURCE))
    return tuple(out)


def reference_surnames(tail: str) -> dict[str, str]:
    """Latin surname -> "I. Surname" for the persons the reference list ``tail`` cites.

    >>> reference_surnames("1. Oates W. Fiscal Federalism. New York, 1972.\\n2. Fung A., Wright E.O. Deepening.")
    {'Oates': 'W. Oates', 'Fung': 'A. Fung', 'Wright': 'E.O. Wright'}
    >>> reference_surnames("12. Robert D. Putnam, Robert Leonardi. Making Democracy Work. 1993.")
    {'Putnam': 'Robert D. Putnam', 'Leonardi': 'Robert Leonardi'}
    """
    out: dict[str, str] = {}
    for line in tail.split("\n"):
        number = ENTRY_NUMBER.match(line)
        if not number:
            continue
        names, full = _printed_authors(line[number.end():])
        if full:  # "Robert D. Putnam, Robert Leonardi. Making …"
            for name in names:
                out.setdefault(name.split()[-1], name)
            continue
        for author in names:
            m = _LATIN_AUTHOR.match(author.strip())
            if m:
                surname = m.group("s1") or m.group("s2")
                initials = (m.group("i1") or m.group("i2")).replace(" ", "")
                out.setdefault(surname, f"{initials} {surname}")
    return out


def cited_scholars(document_id: str, offset: int, body: str, found: Sequence[Mention],
                   surnames: dict[str, str]) -> tuple[Mention, ...]:
    """Latin surnames of the reference list that Kazakh or Russian text names in the body
    ("Oates фискалдық федерализм теориясы", "Desiere мен …", "R. Putnam әлеуметтік капитал
    …"): person mentions (an initial printed before is part of the span), unless a mention
    covers them already or the word is a common English one.

    >>> body = "R. Putnam әлеуметтік капитал туралы жазды. Oates теориясы."
    >>> [(m.text, m.canonical) for m in cited_scholars("d", 0, body, [], {"Putnam": "R. Putnam", "Oates": "W. Oates"})]
    [('R. Putnam', 'R. Putnam'), ('Oates', 'W. Oates')]
    >>> covered = [Mention("d", 0, 20, body[:20], "ORG", "kk", ""), Mention("d", 43, 48, "Oates", "ORG", "kk", "")]
    >>> [m.text for m in cited_scholars("d", 0, body, covered, {"Putnam": "R. Putnam", "Oates": "W. Oates"})]
    []
    """
    if not surnames:
        return ()
    covered = Coverage((m.start - offset, m.end - offset) for m in found)
    out = []
    for m in _LATIN_WORD.finditer(body):
        full = surnames.get(m.group("surname"))
        if full is None or is_common_word(m.group("surname").lower(), "en"):
            continue
        start = m.start("initial") if m.group("initial") else m.start("surname")
        if covered.overlaps(start, m.end()) or not _in_cyrillic_text(body, start):
            continue
        text = body[start:m.end()]
        out.append(Mention(document_id, offset + start, offset + m.end(), text, "PERSON",
                           "kk", full, SCHOLAR_SOURCE))
    return tuple(out)


def _in_cyrillic_text(text: str, at: int) -> bool:
    """Is the text around ``at`` mostly Cyrillic (a Latin name inside Kazakh or Russian prose)?"""
    window = text[max(0, at - 80):at + 80]
    return len(_CYRILLIC.findall(window)) > 2 * len(_LATIN.findall(window))
