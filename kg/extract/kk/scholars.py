"""Scholars cited by surname in Kazakh text: ``Уиттердің жұмысы``, ``Саар-Хейманның зерттеуі``.

A capitalised word in the genitive followed by a word for a piece of work or a view (жұмысы,
зерттеуі, еңбегі, пікірінше, теориясы, тұжырымдамасы ...) is a person, unless the gazetteers
know it as a place or country or it is a common word (``Үкіметтің пікірінше``). Journal text
cites foreign scholars this way, and a news-trained model takes them for places.

>>> text = "Уиттердің жұмысы жаңа әдіс ұсынады. Ресейдің пікірінше, ол дұрыс."
>>> [(text[c.start:c.end], c.label, c.canonical) for c in find_scholars(text)]
[('Уиттердің', 'PERSON', 'Уиттер')]
"""

from __future__ import annotations

import re

from kg.extract.kk.model import ORG_STEMS
from kg.extract.kk.rules import CAP, LOW, TITLES
from kg.extract.spans import Candidate
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place

__all__ = ["find_scholars"]

#: Stems of the words that follow a cited scholar's name.
WORK_CUES = (
    "жұмыс", "зерттеу", "еңбег", "еңбек", "пікір", "теория", "тұжырымдама", "идея", "идеял",
    "көзқарас", "пайымда", "айтуынша", "ойынша", "мақала", "кітаб", "концепция", "әдіснама",
    "моделі", "анықтама", "талдау", "тұжырым",
)
_GENITIVE = "ның|нің|дың|дің|тың|тің"
_SCHOLAR = re.compile(
    rf"(?<![\w-])(?P<name>[{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?)(?:{_GENITIVE})\s+"
    rf"(?:{'|'.join(WORK_CUES)})[{LOW}]*")


def find_scholars(text: str) -> list[Candidate]:
    """Surnames in the genitive before a word for a work or a view (source ``rule``)."""
    out = []
    for m in _SCHOLAR.finditer(text):
        name = m.group("name")
        word_end = m.start() + len(m.group().split()[0])
        if not _not_a_person(text[m.start():word_end], name):
            start = _given_names_before(text, m.start())
            out.append(Candidate(start, word_end, "PERSON", "rule", text[start:m.start()] + name))
    return out


_BEFORE = re.compile(rf"(?<![\w-])([{CAP}][{LOW}]+(?:-[{CAP}][{LOW}]+)?|[{CAP}]\.)\s+$")


def _given_names_before(text: str, start: int) -> int:
    """The start of the name with the given names (or initials) printed before the surname:
    ``Цзян Цзэминнің айтуынша``, ``Джозеф Найдың пікірінше``.

    >>> text = "Мәселен, Цзян Цзэминнің айтуынша"
    >>> text[_given_names_before(text, text.index("Цзэмин")):]
    'Цзян Цзэминнің айтуынша'
    >>> text = "Елбасы Нұрсұлтан Назарбаевтың пікірінше"
    >>> text[_given_names_before(text, text.index("Назарбаев")):]
    'Нұрсұлтан Назарбаевтың пікірінше'
    """
    for _ in range(2):  # one given name, or up to two initials
        m = _BEFORE.search(text, max(0, start - 40), start)
        word = m.group(1) if m else ""
        if not m or (not word.endswith(".") and (len(word) < 3 or word in TITLES or is_common_word(word, "kk")
                                                 or _not_a_person(word, word))):
            break
        start = m.start()
        if not word.endswith("."):
            break
    return start


def _not_a_person(word: str, name: str) -> bool:
    """A known place or country, a common word (any part of a hyphenated name), an
    institution's head word (``Үкіметтің``), or a noun with a personal possessive
    (``Күйеуімнің жұмысы``: my husband's work)."""
    if name.endswith(("ым", "ім", "мыз", "міз", "ңыз", "ңіз")) or name.lower().startswith(ORG_STEMS):
        return True
    if lookup_country(word, "kk") is not None or lookup_place(word, "kk") is not None:
        return True
    return any(is_common_word(part, "kk") for part in name.split("-"))
