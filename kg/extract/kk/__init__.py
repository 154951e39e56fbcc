"""Kazakh entity extraction: rules first, then the gazetteers, then the trained NER.

Precedence is explicit (:data:`LAYERS`): a rule span (laws, programs, institutions) wins over
a gazetteer country, which wins over a place, a catalogued name, then the statistical model;
an overlapping lower-precedence span is dropped. Spans keep their Kazakh suffixes; the
canonical form drops them (``Қазақстанның`` -> ``Қазақстан``).

>>> kk = KazakhExtractor(use_model=False)
>>> found = kk.extract(ParagraphText("«Білім туралы» Заңына сәйкес"))
>>> [(m.text, m.label, m.canonical) for m in found]
[('«Білім туралы» Заңына', 'LAW', '«Білім туралы» Заңы')]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.extract.base import BaseExtractor, ParagraphText
from kg.extract.kk.gazetteer import find_catalogued, find_countries, find_places
from kg.extract.kk.model import ModelSpan, find_by_model, model_spans_batch
from kg.extract.kk.rules import find_kk
from kg.extract.spans import resolve_overlaps
from kg.model import Mention

__all__ = ["KazakhExtractor"]

#: The candidate finders, highest precedence first (the model's spans come last).
LAYERS = (find_kk, find_countries, find_places, find_catalogued)


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
        return self.build_mentions(paragraph, resolve_overlaps(ranked))
