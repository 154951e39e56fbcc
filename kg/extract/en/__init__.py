"""English entity extraction by rules (no statistical English model is installed or fetched).

* Laws and programs: quoted titles (``Law … "On …"``, ``State Program "…"``) and capitalised
  names ending in Code/Act/Treaty/…/Strategy/Concept/Program(me) (:mod:`.rules`, :mod:`.runs`).
* Institutions: capitalised names around a head noun (University, Ministry, Council, Bank …,
  ``Ministry of …``), ``the Council``, known and unknown acronyms (an acronym is an ORG unless
  it is a generic one such as GDP).
* Countries (``kg.lexicon.countries`` and a built-in list), Kazakh cities and regions, world
  capitals, ``X region/province/oblast``.
* Persons: names given in ``known_names`` (exact), the curated people list in any spelling
  (:mod:`.people`), titles, initials, citations and plain two- or three-word capitalised names.

A possessive ``'s`` and a leading ``the`` are never part of a span. Where spans overlap, the
higher-priority rule wins, then the longer span. An acronym defined in parentheses after a
span (``Local Autonomy Act (LAA)``) takes that span's label throughout the paragraph.

>>> en = EnglishExtractor()
>>> [(m.text, m.label) for m in en.extract(ParagraphText("Kazakhstan's role in the OSCE grew."))]
[('Kazakhstan', 'GPE'), ('OSCE', 'ORG')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.base import BaseExtractor, ParagraphText
from kg.extract.en.lexicon import country_set, find_headings
from kg.extract.en.people import find_catalogued_persons
from kg.extract.en.rules import find_by_patterns, find_persons
from kg.extract.en.runs import find_capitalised_names
from kg.extract.spans import Candidate, find_acronym_definitions, resolve_overlaps, spread_acronyms
from kg.model import Mention

__all__ = ["EnglishExtractor", "canonical"]

# A labelled acronym relabels the acronym rule's spans only.
_RELABEL = frozenset({"acronym"})


@dataclass(frozen=True)
class EnglishExtractor(BaseExtractor):
    """English paragraphs, by rules; ``known_names`` of the paragraph are found verbatim."""

    lang = "en"
    version = "kazkg-en/0.1"

    def extract(self, paragraph: ParagraphText) -> list[Mention]:
        """The mentions of one paragraph, in text order."""
        text = paragraph.text
        if not text.strip():
            return []
        headings = find_headings(text)
        cands = list(find_by_patterns(text, headings))
        cands.extend(find_persons(text, paragraph.known_names))
        cands.extend(find_catalogued_persons(text))
        cands.extend(find_capitalised_names(text, headings))
        # same span, several labels: the first label alphabetically
        chosen = resolve_overlaps(sorted(cands, key=lambda c: c.label))
        chosen = spread_acronyms(text, chosen, find_acronym_definitions(text, chosen), _RELABEL)
        trimmed = (_trimmed(text, c) for c in chosen)
        return self.build_mentions(paragraph, [c for c in trimmed if c is not None])


def _trimmed(text: str, cand: Candidate) -> Candidate | None:
    """``cand`` trimmed (``None`` if nothing is left), with its canonical form; an
    ``ORG``/``GPE_SUB`` span naming a country becomes ``GPE``."""
    start, end = _trim(text, cand.start, cand.end)
    if end <= start:
        return None
    surface = text[start:end]
    label = cand.label
    if label in ("ORG", "GPE_SUB") and surface in country_set():
        label = "GPE"
    return Candidate(start, end, label, cand.source, canonical(surface))


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
    """The surface with no leading ``the``, no possessive and single spaces; a kind of act
    written in lower case before its quoted title is capitalised.

    >>> canonical("the  European Union's"), canonical("law “On Civil Service”")
    ('European Union', 'Law “On Civil Service”')
    """
    text = " ".join(surface.split())
    text = re.sub(r"^(?:[Tt]he)\s+", "", text)
    text = re.sub(r"^(law|code|decree)(?=\s+[\"“«„])", lambda m: m.group(1).capitalize(), text)
    return re.sub(r"['’]s$", "", text)
