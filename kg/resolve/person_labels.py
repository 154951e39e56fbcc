"""The labels of persons once every name has joined its person: as most of their names are
spelt, and fuller than a bare surname where an alias is.

>>> reg = Registry()
>>> _ = reg.add("person", "braun", {"kk": "Браун"}, "Браун", "kk", "new name")
>>> _ = reg.add("person", "braun", {}, "Braun V.", "en", "cited author", alias="Braun V.")
>>> label_persons(reg)
>>> reg.entities[("person", "braun")].labels
{'kk': 'Браун', 'en': 'Braun V.'}
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from kg.lexicon.people import people
from kg.resolve.names import fuller_person_label, usual_person_label
from kg.resolve.registry import Registry

__all__ = ["label_persons"]


def label_persons(registry: Registry) -> None:
    """Persons labelled only by a surname get the fuller name an alias gives
    (:func:`.names.fuller_person_label`); a label whose surname most of the person's names in
    that language spell otherwise takes theirs (:func:`.names.usual_person_label`)."""
    catalogued = {e.key for e in people()}
    forms: dict[tuple[str, str], list[str]] = defaultdict(list)  # the nominative names used
    for merge in registry.merges:
        entity = registry.entities.get(("person", merge.key)) if merge.kind == "person" else None
        if entity is not None and merge.lang and (
                merge.surface in entity.labels.values() or (merge.lang, merge.surface) in entity.aliases):
            forms[(merge.key, merge.lang)].append(merge.surface)
    for ref, entity in registry.entities.items():
        if ref[0] == "person":
            labels = entity.labels if ref[1] in catalogued else {
                lang: usual_person_label(label, forms.get((ref[1], lang), []))
                for lang, label in entity.labels.items()}  # a catalogued name is as catalogued
            labels = fuller_person_label(labels, entity.aliases)
            if labels != entity.labels:
                replaced = [a for a in entity.labels.items() if labels[a[0]] != a[1]]
                aliases = tuple(sorted(a for a in {*entity.aliases, *replaced}
                                       if a[1] not in labels.values()))
                registry.entities[ref] = replace(entity, labels=labels, aliases=aliases)
