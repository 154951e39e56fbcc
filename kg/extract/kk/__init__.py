"""Kazakh entity extraction: rules first, then the gazetteers, then the trained NER.

Precedence is explicit (:data:`LAYERS`): a rule span (laws, programs, institutions) wins over
a gazetteer country, which wins over a place, a catalogued name, then the statistical model;
an overlapping lower-precedence span is dropped. One exception respects the model: a longer
model name (``Астана Моторс``, ``Париж Хартиясына``) beats a gazetteer hit or a one-word
acronym rule inside it (:func:`_yielding`). An acronym in parentheses right after a law or
program (``… конвенциясы (UNCAC)``) takes its label throughout the paragraph. Spans keep their Kazakh suffixes; the
canonical form drops them (``Қазақстанның`` -> ``Қазақстан``).

>>> kk = KazakhExtractor(use_model=False)
>>> found = kk.extract(ParagraphText("«Білім туралы» Заңына сәйкес"))
>>> [(m.text, m.label, m.canonical) for m in found]
[('«Білім туралы» Заңына', 'LAW', '«Білім туралы» Заңы')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.extract.base import BaseExtractor, ParagraphText
from kg.extract.kk.gazetteer import (
    find_acronym_institutions,
    find_catalogued,
    find_countries,
    find_places,
)
from kg.extract.kk.model import ModelSpan, find_by_model, model_spans_batch
from kg.extract.kk.names import name_span
from kg.extract.kk.rules import find_kk
from kg.extract.kk.titles import find_titles, regions_by_context
from kg.extract.spans import (
    AcronymStyle,
    Candidate,
    find_acronym_definitions,
    resolve_overlaps,
    spread_acronyms,
)
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.model import Mention

__all__ = ["KazakhExtractor", "find_rules"]


def find_rules(text: str) -> list[Candidate]:
    """Head-word rules and document titles, the longest where they overlap."""
    return resolve_overlaps([*find_kk(text), *find_titles(text)])


#: The candidate finders, highest precedence first (the model's spans come last).
LAYERS = (find_rules, find_countries, find_places, find_catalogued, find_acronym_institutions)

#: ``… конвенциясы (UNCAC)``, ``… көмек (АӘК)``: an acronym defined after a law or program.
KK_ACRONYM = AcronymStyle(
    shape=re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-Za-zА-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]{1,9}"),
    definition=re.compile(r"\s*\(\s*([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-Za-zА-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]{1,9})\s*\)"),
    share=0.5, reach=12)
_NAMED_LABELS = frozenset({"ORG", "LAW", "PROGRAM"})


@dataclass(frozen=True)
class KazakhExtractor(BaseExtractor):
    """Kazakh paragraphs: rules, gazetteers and (unless ``use_model=False``) the NER model."""

    lang = "kk"
    version = "kazkg-kk/0.1"

    def extract(self, paragraph: ParagraphText) -> list[Mention]:
        """The mentions of one paragraph (runs the model on it alone)."""
        return self.extract_all([paragraph])[0]

    def extract_all(self, paragraphs: Sequence[ParagraphText]) -> list[list[Mention]]:
        """The mentions of each paragraph, the model run once over all of them (``nlp.pipe``)."""
        texts = [p.text for p in paragraphs]
        spans = model_spans_batch(texts) if self.use_model else [None] * len(texts)
        return [self._extract(p, s) for p, s in zip(paragraphs, spans)]

    def _extract(self, paragraph: ParagraphText, spans: list[ModelSpan] | None) -> list[Mention]:
        text = paragraph.text
        layers = [find(text) for find in LAYERS]
        if spans is not None:
            layers.append(find_by_model(text, spans))
        ranked = [replace(c, priority=-rank) for rank, layer in enumerate(layers) for c in layer]
        ranked = _nested_gazetteer(ranked)
        if spans is not None:
            ranked = _yielding(text, ranked, layers[-1])
        chosen = regions_by_context(text, resolve_overlaps(ranked))
        defined = find_acronym_definitions(
            text, [c for c in chosen if c.label in ("LAW", "PROGRAM")], KK_ACRONYM)
        if defined:
            chosen = spread_acronyms(text, chosen, defined, frozenset({"rule", "ner", "acronym"}))
        return [_named(text, m) for m in self.build_mentions(paragraph, chosen)]


def _named(text: str, m: Mention) -> Mention:
    """``m`` with its name span (:func:`~kg.extract.kk.names.name_span`) where it has one."""
    found = name_span(text, m.start, m.end, m.label)
    return m if found is None else replace(m, name_start=found[0], name_end=found[1])


_LOOKUPS = frozenset({"gazetteer", "catalogue"})


def _nested_gazetteer(ranked: list[Candidate]) -> list[Candidate]:
    """Drop a gazetteer hit inside a longer gazetteer or catalogue hit: the country in
    ``Солтүстік Қазақстан`` (a region), in «Әділетті Қазақстан» (a program)."""
    looked_up = [c for c in ranked if c.source in _LOOKUPS]
    return [c for c in ranked if c.source not in _LOOKUPS or not any(
        w.start <= c.start and c.end <= w.end and w.length > c.length for w in looked_up)]


def _supported(text: str, cand: Candidate) -> bool:
    """A model span that may beat what it contains: a named institution, law or program, or
    a place the gazetteers know as a whole (``Шығыс Қазақстаннан``)."""
    if cand.label in _NAMED_LABELS:
        return True
    surface = text[cand.start:cand.end]
    return cand.label in ("GPE", "GPE_SUB") and (
        lookup_place(surface, "kk") is not None or lookup_country(surface, "kk") is not None)


def _yielding(text: str, ranked: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """Drop gazetteer hits and one-word rule acronyms inside a longer, supported model span.

    >>> text = "Астана Моторс компаниясы"
    >>> city = Candidate(0, 6, "GPE_SUB", "gazetteer", priority=-2)
    >>> firm = Candidate(0, 13, "ORG", "ner", priority=-4)
    >>> _yielding(text, [city, firm], [firm]) == [firm]
    True
    """
    wide = [m for m in model if _supported(text, m)]
    if not wide:
        return ranked

    def yields(c: Candidate) -> bool:
        if c.source == "rule":
            if c.label not in ("ORG", "PERSON", "GPE_SUB") or " " in text[c.start:c.end].strip():
                return False
        elif c.source not in ("gazetteer", "catalogue"):
            return False
        return any(m.start <= c.start and c.end <= m.end and m.length > c.length for m in wide)

    return [c for c in ranked if not yields(c)]
