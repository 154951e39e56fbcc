"""A surname repeated in the paragraph that named the person in full: ``Питер Слотердаик …
Слотердаик …``, ``А.Садырбаевтың … Садырбаевтың``.

Once a paragraph names a person with a given name or initials, the surname alone, with or
without a Kazakh case ending, refers to the same person there, also at the start of a sentence
where a capital alone proves nothing. A surname that is a common word, a country or a place is
left alone, and so is an occurrence another span already covers or that follows another
capitalised word (``Айгүл Садырбаева`` may be someone else).

>>> from kg.extract.spans import Candidate
>>> text = "Питер Слотердаик сынады. Слотердаиктың ойынша, бәрі өзгерді."
>>> [text[c.start:c.end] for c in repeated_surnames(text, [Candidate(0, 16, "PERSON", "ner")])]
['Питер Слотердаик', 'Слотердаиктың']
"""

from __future__ import annotations

import re

from kg.extract.kk.rules import CAP, LOW, TITLES
from kg.extract.spans import Candidate
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.text.kk_morph import split_suffix

__all__ = ["repeated_surnames"]

#: The case endings a surname takes, without vowel harmony (foreign names break it:
#: ``Слотердаиктың``): genitive, dative, accusative, locative, ablative, instrumental, -ғы.
_ENDING = re.compile(
    r"(?:[ндт][ыі]ң|[ғгқк][ае]|н[ае]|[ндт][ыі]|[ндт]?[ае]н|[дт][ае]|нд[ае]|[дт]?[ае]ғы|[дт]?егі"
    r"|нд[ае]ғы|ндегі|[мбп]ен(?:ен)?|[ндт][ыі]кі)?")
_SURNAME = re.compile(rf"(?<![.\w-])(?:(?:[{CAP}]\.\s?){{1,2}}|[{CAP}][{LOW}]+\s+)?([{CAP}][{LOW}]{{3,}})")
_NAME_BEFORE = re.compile(rf"(?:[{CAP}][{LOW}]*\.?|[{CAP}]\.)\s*\Z")


def repeated_surnames(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """``chosen`` plus each bare repeat of the surname of a person named in full (source
    ``rule``, canonical the surname)."""
    surnames = {s for c in chosen if c.label == "PERSON" for s in [_surname(text, c)] if s}
    if not surnames:
        return chosen
    added: list[Candidate] = []
    for surname in sorted(surnames):
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}([{LOW}]*)(?![\w-])", text):
            if _ENDING.fullmatch(m.group(1)) is None or _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue
            if any(c.start < m.end() and m.start() < c.end for c in (*chosen, *added)):
                continue
            added.append(Candidate(m.start(), m.end(), "PERSON", "rule", surname))
    return sorted([*chosen, *added], key=lambda c: (c.start, c.end)) if added else chosen


def _surname(text: str, cand: Candidate) -> str | None:
    """The surname of a person named with a given name or initials, else None."""
    surface = text[cand.start:cand.end]
    m = _SURNAME.fullmatch(surface.strip()) if " " in surface.strip() or "." in surface else None
    if m is None or m.group(1) == surface.strip():
        return None
    last = m.group(1)
    canonical = (cand.canonical or "").split()[-1:] or [""]
    stem = canonical[0].split(".")[-1]
    if not stem or not last.startswith(stem):  # a catalogued spelling: the text's own
        stem = split_suffix(last)[0]
    if len(stem) < 4 or stem in TITLES:
        return None
    if is_common_word(stem, "kk") or lookup_country(stem, "kk") or lookup_place(stem, "kk"):
        return None
    return stem
