"""Mentions typed as places (or institutions) that name a person of the document or catalogue.

Models and rules sometimes take a thinker's surname for a place («Арендт», «Фуко» tagged as
locations). A region mention that no gazetteer knows, written as one word, whose folded form is
the surname of a full personal name mentioned in the same document (or of a catalogued person
when that surname is unique there) is read as that person. So is an institution mention that
is the full name of a catalogued person («Юрген Хабермас» tagged as an organisation).

>>> from kg.model import Mention
>>> full = Mention("d", 0, 12, "Ханна Арендт", "PERSON", "kk", "Ханна Арендт")
>>> place = Mention("d", 40, 46, "Арендт", "GPE_SUB", "kk", "Арендт")
>>> [m.text for m in people_taken_for_other_kinds([full, place])]
['Арендт']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from kg import kinds
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.people import lookup_person
from kg.lexicon.places import lookup_place
from kg.model import Mention
from kg.resolve.names import plain_name
from kg.text.kk_morph import normalize_kk
from kg.text.names import fold, parse_name


def _kind(m: Mention) -> str:
    found = kinds.by_label(m.label)
    return found.key if found is not None else ""


def _surnames(mentions: Sequence[Mention]) -> dict[str, set[str]]:
    """The folded surnames of the full personal names of each document."""
    out: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if _kind(m) == "person":
            name = parse_name(plain_name(m.canonical))
            if name.full:
                out[m.document_id].add(name.surname_key())
    return out


def people_taken_for_other_kinds(mentions: Sequence[Mention]) -> list[Mention]:
    """The region and institution mentions that name a person (institutions get their
    nominative name as canonical form; see the module's doc)."""
    surnames = _surnames(mentions)
    found = []
    for m in mentions:
        if _kind(m) == "institution":
            name = next((n for n in _nominatives(m) if _catalogued_full_name(plain_name(n))), None)
            if name is not None:  # «Юрген Хабермастың» tagged as an organisation
                found.append(replace(m, canonical=name))
            continue
        if _kind(m) != "region":
            continue
        name = plain_name(m.canonical)
        if " " in name or "-" in name or lookup_place(m.canonical, m.lang) or lookup_place(m.text, m.lang):
            continue
        if fold(name) in surnames.get(m.document_id, ()) or _catalogued_surname(name):
            found.append(m)
    return found


def _nominatives(m: Mention) -> tuple[str, ...]:
    """The mention's canonical form, and for Kazakh its case ending removed (Хабермастың)."""
    return (m.canonical, normalize_kk(m.canonical)) if m.lang == "kk" else (m.canonical,)


def _catalogued_full_name(name: str) -> bool:
    """True for the full name of a catalogued person (``Юрген Хабермас``), or a one-word name the
    people list gives as that person's alias (``Хабермас``) when no institution has it."""
    entry = lookup_person(name)
    if entry is None or entry.kind == "place":
        return False
    if " " in name:
        return parse_name(name).full
    return name in entry.aliases and lookup_institution(name) is None


def _catalogued_surname(name: str) -> bool:
    entry = lookup_person(name)
    return entry is not None and entry.kind != "place"
