"""A name a reference list gives only in Latin transliteration is the thing the corpus names
in Cyrillic: "Bilim ministrligi" is «Білім министрлігі», "Ultyq aielder isteri jane
otbasylyq-demografialyq saiasat jonindegi komisia" the commission the body names.

Both are folded to one phonetic key (:func:`kg.lexicon.catalog.sound_key`: «і», "i" and "y"
alike, «қ» and "q" as "k" …). An equal key anywhere in the corpus joins them; a close one
(a transliteration that drops or doubles a letter: "saqtardyru" for «сақтандыру») only within
the same document, where the Cyrillic name is printed, if it is the one close name of that kind.

>>> from kg.resolve.registry import Registry
>>> reg = Registry()
>>> _ = reg.add("institution", "bilim-ministrlik", {"kk": "Білім министрлігі"}, "Білім министрлігі", "kk", "x")
>>> names = TransliteratedNames.of(reg, {("d", 0, 17, "ORG"): ("institution", "bilim-ministrlik")})
>>> names.match("institution", "Bilim ministrligi", "d")
('institution', 'bilim-ministrlik')
>>> names.match("institution", "Bilim ministrligi", "other") is not None, names.match("law", "Bilim ministrligi", "d")
(True, None)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kg.lexicon.catalog import sound_key
from kg.resolve.registry import Registry

__all__ = ["CLOSE", "MARGIN", "TRANSLITERATED", "TransliteratedNames", "is_latin_name"]

EntityKey = tuple[str, str]
#: The reason a join is logged with (``reports/merges.csv``).
TRANSLITERATED = "a transliteration of a name the corpus prints in Cyrillic"
#: The rapidfuzz ratio of two phonetic keys for a close match within a document.
CLOSE = 92.0
#: How far the close match must beat the next entity of its kind.
MARGIN = 4.0
#: Words a close match needs (short names match only exactly).
CLOSE_WORDS = 3
#: Names of one kind in a document beyond which no close match is searched for.
CLOSE_NAMES_MAX = 5000


def is_latin_name(text: str) -> bool:
    """Mostly Latin letters: a transliteration, not a Cyrillic name.

    >>> is_latin_name("Bilim ministrligi"), is_latin_name("Білім министрлігі")
    (True, False)
    """
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() or c in "äöüıñğşéç" for c in letters) > 0.8 * len(letters)


@dataclass(frozen=True)
class TransliteratedNames:
    """The phonetic keys of the Cyrillic names of the registry's entities."""

    exact: Mapping[tuple[str, str], EntityKey]  # (kind, sound key) -> entity; ambiguous ones left out
    by_document: Mapping[tuple[str, str], tuple[tuple[str, EntityKey], ...]]  # (kind, doc) -> (key, entity)

    @classmethod
    def of(cls, registry: Registry, resolved: Mapping[tuple[str, int, int, str], EntityKey]
           ) -> TransliteratedNames:
        """Index the Cyrillic labels and aliases of ``registry``, and the documents whose
        ``resolved`` mentions (``(document, start, end, label)`` -> entity) name each entity."""
        documents: dict[EntityKey, set[str]] = {}
        for (doc, *_), target in resolved.items():
            documents.setdefault(target, set()).add(doc)
        exact: dict[tuple[str, str], EntityKey] = {}
        ambiguous: set[tuple[str, str]] = set()
        near: dict[tuple[str, str], list[tuple[str, EntityKey]]] = {}
        for ek, entity in registry.entities.items():
            names = {*entity.labels.values(), *(name for _, name in entity.aliases)}
            keys = {k for n in names if not is_latin_name(n) and (k := sound_key(n))}
            for k in keys:
                slot = (entity.kind, k)
                if exact.get(slot, ek) != ek:
                    ambiguous.add(slot)
                exact[slot] = ek
                for doc in documents.get(ek, ()):
                    near.setdefault((entity.kind, doc), []).append((k, ek))
        for slot in ambiguous:
            del exact[slot]
        return cls(exact, {slot: tuple(sorted(v)) for slot, v in near.items()})

    def match(self, kind: str, name: str, document: str) -> EntityKey | None:
        """The entity of ``kind`` whose Cyrillic name the Latin ``name`` transliterates."""
        key = sound_key(name)
        if not key:
            return None
        found = self.exact.get((kind, key))
        if found is not None or len(name.split()) < CLOSE_WORDS:
            return found
        from rapidfuzz import fuzz, process

        names = self.by_document.get((kind, document), ())
        if len(names) > CLOSE_NAMES_MAX:
            return None  # a close match is a nicety; not worth a quadratic search
        best: dict[EntityKey, float] = {}
        for _, score, i in process.extract(key, [k for k, _ in names], scorer=fuzz.ratio, limit=None,
                                           score_cutoff=CLOSE - MARGIN):
            ek = names[i][1]
            best[ek] = max(best.get(ek, 0.0), score)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        if not ranked or ranked[0][1] < CLOSE:
            return None
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - MARGIN:
            return None
        return ranked[0][0]
