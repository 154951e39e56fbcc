"""The entities found so far and why each surface form joined one (the resolver's memory).

>>> reg = Registry()
>>> reg.add("country", "kz", {"kk": "Қазақстан"}, "Қазақстанның", "kk", "gazetteer")
'kz'
>>> reg.add("country", "kz", {"en": "Kazakhstan"}, "Kazakhstan", "en", "gazetteer")
'kz'
>>> reg.entities[("country", "kz")].labels
{'en': 'Kazakhstan', 'kk': 'Қазақстан'}
>>> [m.surface for m in reg.merges]
['Қазақстанның', 'Kazakhstan']
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entity:
    """One resolved thing: kind, stable key, labels per language, aliases, external ids."""

    kind: str
    key: str
    labels: dict[str, str]
    aliases: tuple[str, ...] = ()
    ids: dict[str, str] = field(default_factory=dict)


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
            reason: str, ids: dict[str, str] | None = None) -> str:
        """Attach ``surface`` to the entity ``(kind, key)`` (created if new); return ``key``.

        The first label seen per language wins; other surfaces become aliases.
        """
        current = self.entities.get((kind, key))
        if current is None:
            self.entities[(kind, key)] = Entity(kind, key, dict(labels), (), dict(ids or {}))
        else:
            merged = dict(labels) | current.labels  # first label seen wins
            aliases = current.aliases
            if surface and surface not in merged.values() and surface not in aliases:
                aliases = tuple(sorted(aliases + (surface,)))
            self.entities[(kind, key)] = Entity(kind, key, merged, aliases,
                                                (ids or {}) | current.ids)
        self.merges.append(Merge(kind, key, surface, lang, reason))
        return key
