"""Russian entity extraction: natasha's NER plus rules for laws, programs and institutions.

Rules (:mod:`kg.extract.ru.rules`) add what natasha (:mod:`kg.extract.ru.model`) misses;
without the model, the gazetteers find countries and places (:mod:`kg.extract.ru.places`) and
a given name with a surname of a Russian surname's shape is a person (:mod:`kg.extract.ru.persons`);
catalogued programs and laws are found in any case form (:mod:`kg.extract.ru.catalogued`). A
rule span wins over an overlapping model span; among the others the longer span wins, and
an acronym or rule span over an equally long model span. An acronym given a label once
(``… (АСП)``, ``программ («…», АСП)``) keeps it throughout the paragraph. Canonical forms
are nominative (``kg.text.ru_morph``): ``Льва Мановича`` -> ``Лев Манович``.

>>> ru = RussianExtractor(use_model=False)
>>> found = ru.extract(ParagraphText("согласно Закону «О языках»"))
>>> [(m.text, m.label, m.canonical) for m in found]
[('Закону «О языках»', 'LAW', 'Закон «О языках»')]
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.base import BaseExtractor, ParagraphText
from kg.extract.ru.catalogued import find_catalogued_acts
from kg.extract.ru.model import find_by_model
from kg.extract.ru.persons import find_persons
from kg.extract.ru.places import find_places
from kg.extract.ru.rules import find_by_rules
from kg.extract.ru.words import ACRONYMS
from kg.extract.spans import (
    find_acronym_definitions, is_acronym, resolve_overlaps, spread_acronyms,
)
from kg.model import Mention

__all__ = ["RussianExtractor"]

# A labelled acronym relabels model and acronym spans, never a rule span.
_RELABEL = frozenset({"natasha", "acronym"})


@dataclass(frozen=True)
class RussianExtractor(BaseExtractor):
    """Russian paragraphs: rules and (unless ``use_model=False``) natasha's NER."""

    lang = "ru"
    version = "kazkg-ru/0.1"

    def extract(self, paragraph: ParagraphText) -> list[Mention]:
        """The mentions of one paragraph, in text order."""
        text = paragraph.text
        if not text.strip():
            return []
        cands = find_by_rules(text) + find_catalogued_acts(text)
        cands.extend(find_by_model(text) if self.use_model else find_places(text) + find_persons(text))
        # same span, several labels: the first label alphabetically
        chosen = resolve_overlaps(sorted(cands, key=lambda c: c.label))
        labels = find_acronym_definitions(text, chosen, ACRONYMS)
        labels.update({text[c.start:c.end]: c.label for c in chosen
                       if c.source == "rule" and is_acronym(text[c.start:c.end], ACRONYMS)})
        return self.build_mentions(paragraph, spread_acronyms(text, chosen, labels, _RELABEL))
