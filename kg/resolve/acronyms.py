"""Acronyms defined in a document: «Global Environment Facility (GEF)» makes GEF that facility.

An acronym mention whose letters are the initials of an earlier mention of the same label in
the same document names the same thing (function words such as *of*, *и*, *және* skipped).

>>> from kg.model import Mention
>>> long = Mention("d", 0, 29, "Global Environment Facility", "ORG", "en", "Global Environment Facility")
>>> short = Mention("d", 31, 34, "GEF", "ORG", "en", "GEF")
>>> expansions([long, short]) == {short: long}
True
>>> initials("Конференция ООН по торговле и развитию")
'КОТР'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from kg.model import Mention
from kg.text.names import initials

_ACRONYM = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,8}$")
_WORD = re.compile(r"[^\W\d_]+")


def expansions(mentions: Sequence[Mention]) -> dict[Mention, Mention]:
    """For each acronym mention, the earlier mention in its document that spells it out."""
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.document_id].append(m)
    found: dict[Mention, Mention] = {}
    for ms in by_doc.values():
        ms = sorted(ms, key=lambda m: m.start)
        spelled: dict[tuple[str, str], Mention] = {}
        for m in ms:
            name = m.canonical.strip()
            if _ACRONYM.match(name):
                long = spelled.get((m.label, name))
                if long is not None:
                    found[m] = long
            elif len(_WORD.findall(name)) >= 2:
                spelled.setdefault((m.label, initials(name)), m)
    return found
