"""Abbreviations a text defines for a name, and every later use of them.

Official and academic Kazakh and Russian define a short form in parentheses after the full
name: «Халықаралық электр байланысы одағының (бұдан әрі – ХЭО)», «Международный союз
электросвязи (далее – МСЭ)», English "(hereinafter – the ITU)". From there on the short form
(«ХЭО-ның соңғы зерттеуі») names the same thing, though no table or model knows it. Each use
after the definition becomes a mention with the full name's label and canonical name, so it
resolves to the same entity; whatever else was found on those spans gives way.

>>> from kg.model import Mention
>>> text = "Халықаралық электр байланысы одағының (бұдан әрі – ХЭО) баяндамасы. ХЭО-ның зерттеуі."
>>> full = Mention("d", 0, 37, text[:37], "ORG", "kk", "Халықаралық электр байланысы одағы")
>>> [(m.text, m.canonical) for m in with_defined_names(text, [full])][1:]
[('ХЭО', 'Халықаралық электр байланысы одағы'), ('ХЭО-ның', 'Халықаралық электр байланысы одағы')]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.spans import Coverage, is_acronym
from kg.model import Mention

__all__ = ["SOURCE", "with_defined_names"]

#: The extractor name of a use of a defined abbreviation.
SOURCE = "kazkg-defined/0.1"
#: Labels whose names a text abbreviates.
LABELS = frozenset({"ORG", "LAW", "PROGRAM"})
_DEFINITION = re.compile(
    r"(?:<sup>[^<>]{1,8}</sup>)?\s*\(\s*\*?\s*(?:бұдан\s+әрі|далее|hereinafter(?:\s+referred\s+to\s+as)?)"
    r"(?:\s+[^\s()–—-]+){0,3}?\s*[–—-]?\s*(?:the\s+)?[«\"“]?(?P<abbr>[^\W\d_][\w]{1,11})[»\"”]?"
    r"\s*\*?\s*\)")
#: A word that may be an abbreviation's use, with the case ending Kazakh adds (ХЭО-ның).
_USE = re.compile(r"(?<![\w-])(?P<abbr>[^\W\d_]\w{1,11})(?:-[^\W\d_]{1,6})?(?![\w])")


def with_defined_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` of ``text`` (offsets into it) with each use of a defined abbreviation
    made a mention of the name it abbreviates, in text order. An abbreviation counts from its
    first definition. Linear in the text and the mentions: the uses of every abbreviation are
    found in one pass, the name before a definition by bisection."""
    definitions = list(_DEFINITION.finditer(text))
    if not definitions:
        return list(mentions)
    named = sorted((m for m in mentions if m.label in LABELS), key=lambda m: m.end)
    ends = [m.end for m in named]
    uses: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for use in _USE.finditer(text):
        if is_acronym(use.group("abbr")):
            uses[use.group("abbr")].append((use.start(), use.end()))
    added: list[Mention] = []
    defined: set[str] = set()
    for found in definitions:
        abbr = found.group("abbr")
        if abbr in defined or not is_acronym(abbr):
            continue
        full = _name_before(named, ends, text, found.start())
        if full is None:
            continue
        defined.add(abbr)
        added.extend(replace(full, start=s, end=e, text=text[s:e], extractor=SOURCE,
                             name_start=None, name_end=None)
                     for s, e in uses.get(abbr, ()) if s >= found.start("abbr"))
    taken = Coverage((m.start, m.end) for m in added)
    kept = [m for m in mentions if not taken.overlaps(m.start, m.end)]
    return sorted(kept + added, key=lambda m: (m.start, m.end))


def _name_before(named: list[Mention], ends: list[int], text: str, at: int) -> Mention | None:
    """The mention of ``named`` (sorted by end) that ends right before ``at``, only blanks
    between."""
    i = bisect_right(ends, at + 1) - 1  # the last to end by ``at``: an earlier one has more between
    return named[i] if i >= 0 and not text[ends[i]:at].strip() else None
