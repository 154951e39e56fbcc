"""Well-known people of this literature (presidents, ministers, classic authors) and their names.

The list lives in ``kg/lexicon/data/people.tsv`` (``key kind wikidata en ru kk aliases``). A
full name or alias matches by its phonetic :func:`~kg.text.names.name_key`, whatever the script
or word order; a partial name (initials and surname, a bare surname) matches an entry only
when no other entry shares the surname and the initials agree.

>>> lookup_person("Нұрсұлтан Әбішұлы Назарбаев").key
'nursultan-nazarbayev'
>>> lookup_person("Kassym-Jomart Tokayev").key == lookup_person("Қ.К. Тоқаев").key == "kassym-jomart-tokayev"
True
>>> lookup_person("Д. Назарбаева").key
'dariga-nazarbayeva'
>>> lookup_person("Мишель Фуконың") is None
True
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from kg.lexicon.catalog import DATA, CatalogEntry, read_entries
from kg.text.names import PersonName, compatible, name_key, parse_name

__all__ = ["lookup_person", "people"]


@lru_cache(maxsize=1)
def people() -> tuple[CatalogEntry, ...]:
    """All rows of ``people.tsv``."""
    return read_entries(DATA / "people.tsv")


@dataclass(frozen=True)
class _Index:
    by_key: dict[str, CatalogEntry]
    by_surname: dict[str, tuple[tuple[CatalogEntry, PersonName], ...]]


@lru_cache(maxsize=1)
def _index() -> _Index:
    by_key: dict[str, CatalogEntry] = {}
    by_surname: dict[str, list[tuple[CatalogEntry, PersonName]]] = defaultdict(list)
    for entry in people():
        for surface in entry.surfaces():
            by_key.setdefault(name_key(surface), entry)
            parsed = parse_name(surface)
            if parsed.full:
                by_surname[parsed.surname_key()].append((entry, parsed))
    return _Index(by_key, {k: tuple(v) for k, v in by_surname.items()})


@lru_cache(maxsize=65536)
def lookup_person(name: str) -> CatalogEntry | None:
    """The catalogued person ``name`` (nominative) names, or None."""
    index = _index()
    found = index.by_key.get(name_key(name))
    if found is not None:
        return found
    parsed = parse_name(name)
    if parsed.full or not parsed.initials:
        return None  # an unknown full name, or a bare surname that is not an alias
    candidates = {entry.key: entry for key in {parsed.surname_key(), parsed.surname_key(True)}
                  for entry, full in index.by_surname.get(key, ()) if compatible(parsed, full)}
    return next(iter(candidates.values())) if len(candidates) == 1 else None
