"""Institutions, laws and programs: the curated catalogue first, else the normalised name.

>>> from kg.resolve.registry import Registry
>>> reg = Registry()
>>> institution_key(reg, "Әл-Фараби атындағы Қазақ ұлттық университеті", "kk")
'kaznu'
"""

from __future__ import annotations

from kg.iri import slug
from kg.lexicon.catalog import lookup_act, lookup_institution
from kg.model import Mention
from kg.resolve.names import plain_name
from kg.resolve.registry import Registry

#: Catalogue kinds of legal acts that are programs (the others are laws).
PROGRAM_KINDS = frozenset({"program", "strategy", "concept", "national_project"})


def institution_key(registry: Registry, name: str, lang: str) -> str:
    """The key of an institution: the catalogue's entry, else its normalised name."""
    entry = lookup_institution(name, lang)
    if entry is not None:
        ids = {"wikidata": entry.wikidata} if entry.wikidata else {}
        return registry.add("institution", entry.key, entry.names, name, lang, "catalogue", ids)
    clean = plain_name(name)
    return registry.add("institution", slug(clean), {lang: clean}, name, lang, "normalised name")


def act_key(registry: Registry, m: Mention, kind: str) -> tuple[str, str]:
    """``(kind, key)`` of a law or program mention; the catalogue may change the kind."""
    entry = lookup_act(m.canonical, m.lang) or lookup_act(m.text, m.lang)
    if entry is not None:
        found = "program" if entry.kind in PROGRAM_KINDS else "law"
        ids = {"wikidata": entry.wikidata} if entry.wikidata else {}
        return found, registry.add(found, entry.key, entry.names, m.text, m.lang, "catalogue", ids)
    return named_key(registry, m, kind)


def named_key(registry: Registry, m: Mention, kind: str) -> tuple[str, str]:
    """``(kind, key)`` of a mention keyed by its normalised canonical name."""
    clean = plain_name(m.canonical)
    return kind, registry.add(kind, slug(clean), {m.lang: clean}, m.text, m.lang, "normalised name")
