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
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.spans import is_acronym
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
#: Letters a Kazakh or Russian case ending adds to an abbreviation (ХЭО-ның, МСЭ).
_ENDING = r"(?:-[^\W\d_]{1,6})?"


def with_defined_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` of ``text`` (offsets into it) with each use of a defined abbreviation
    made a mention of the name it abbreviates, in text order."""
    out = list(mentions)
    for found in _DEFINITION.finditer(text):
        abbr = found.group("abbr")
        full = next((m for m in out if m.label in LABELS and m.end <= found.start() + 1
                     and not text[m.end:found.start()].strip()), None)
        if full is None or not is_acronym(abbr):
            continue
        uses = [(u.start(), u.end()) for u in re.finditer(
            rf"(?<![\w-]){re.escape(abbr)}{_ENDING}(?![\w])", text) if u.start() >= found.start("abbr")]
        out = [m for m in out if not any(m.start < e and s < m.end for s, e in uses)]
        out.extend(replace(full, start=s, end=e, text=text[s:e], extractor=SOURCE,
                           name_start=None, name_end=None) for s, e in uses)
    return sorted(out, key=lambda m: (m.start, m.end))
