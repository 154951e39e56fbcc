"""The entities found so far and why each surface form joined one (the resolver's memory).

>>> reg = Registry()
>>> reg.add("country", "kz", {"kk": "Қазақстан"}, "Қазақстанның", "kk", "gazetteer", alias="Қазақстан")
'kz'
>>> reg.add("country", "kz", {"en": "Kazakhstan"}, "Kazakhstan's", "en", "gazetteer", alias="Kazakhstan")
'kz'
>>> reg.add("country", "kz", {}, "ҚР-да", "kk", "gazetteer", alias="ҚР")
'kz'
>>> e = reg.entities[("country", "kz")]
>>> e.labels, e.aliases
({'en': 'Kazakhstan', 'kk': 'Қазақстан'}, (('kk', 'ҚР'),))
>>> [m.surface for m in reg.merges]
['Қазақстанның', "Kazakhstan's", 'ҚР-да']
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.kinds import LANGS
from kg.text.names import shown_name


@dataclass(frozen=True)
class Entity:
    """One resolved thing: kind, stable key, labels per language, aliases, external ids.

    ``aliases`` are ``(lang, name)`` pairs of other nominative names (inflected forms stay
    in the mentions); ``ids`` holds ``wikidata``, ``ror``, ``orcid``, ``iso2`` ... values.
    """

    kind: str
    key: str
    labels: dict[str, str]
    aliases: tuple[tuple[str, str], ...] = ()
    ids: dict[str, str] = field(default_factory=dict)

    def label(self) -> str:
        """The display label: Kazakh, else Russian, else English, else the key; for a person,
        the first of these that says more than a surname (:func:`kg.text.names.shown_name`)."""
        if self.kind == "person":
            return shown_name(self.labels, LANGS) or self.key
        return next((self.labels[lang] for lang in LANGS if self.labels.get(lang)), self.key)


@dataclass(frozen=True)
class Merge:
    """Why a surface form was attached to an entity."""

    kind: str
    key: str
    surface: str
    lang: str
    reason: str


class Registry:
    """Entities by ``(kind, key)`` and the log of merge decisions, filled by the resolvers."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], Entity] = {}
        self.merges: list[Merge] = []

    def add(self, kind: str, key: str, labels: dict[str, str], surface: str, lang: str,
            reason: str, ids: dict[str, str] | None = None, alias: str = "") -> str:
        """Attach ``surface`` to the entity ``(kind, key)`` (created if new); return ``key``.

        The first label seen per language wins; ``alias`` (a nominative name) is kept as an
        alias in ``lang`` unless it is already a label.
        """
        current = self.entities.get((kind, key)) or Entity(kind, key, {}, (), {})
        merged = dict(labels) | current.labels  # first label seen wins
        aliases = current.aliases
        name = " ".join(alias.split())
        if name and name not in merged.values() and (lang, name) not in aliases:
            aliases = tuple(sorted((*aliases, (lang, name))))
        self.entities[(kind, key)] = Entity(kind, key, merged, aliases, (ids or {}) | current.ids)
        self.merges.append(Merge(kind, key, surface, lang, reason))
        return key

    def absorb(self, source: tuple[str, str], target: tuple[str, str], reason: str) -> None:
        """Merge the entity ``source`` into ``target`` (created from it if new)."""
        old = self.entities.pop(source, None)
        if old is None or source == target:
            if old is not None:
                self.entities[source] = old
            return
        current = self.entities.get(target) or Entity(*target, {}, (), {})
        labels = current.labels | {k: v for k, v in old.labels.items() if k not in current.labels}
        extra = [(lang, name) for lang, name in old.labels.items() if labels.get(lang) != name]
        aliases = tuple(sorted({a for a in (*current.aliases, *old.aliases, *extra)
                                if a[1] not in labels.values()}))
        self.entities[target] = replace(current, labels=labels, aliases=aliases,
                                        ids=old.ids | current.ids)
        self.merges.append(Merge(target[0], target[1], old.label(), "", reason))
