"""Institutions, laws and programs: the curated catalogue first, else the normalised name.

>>> from kg.resolve.registry import Registry
>>> reg = Registry()
>>> institution_key(reg, "Әл-Фараби атындағы Қазақ ұлттық университеті", "kk")
'kaznu'
"""

from __future__ import annotations

import re

from kg.iri import slug
from kg.lexicon.act_numbers import act_number
from kg.lexicon.catalog import PROGRAM_KINDS, CatalogEntry, lookup_act, lookup_institution
from kg.lexicon.countries import lookup_country
from kg.model import Mention
from kg.resolve.names import institution_form, nominative_name, plain_name
from kg.resolve.registry import Registry
from kg.text.lang import script_letters
from kg.text.ru_latin import russian_name



def entry_ids(entry: CatalogEntry) -> dict[str, str]:
    """The external identifiers of a catalogue entry (Wikidata, and ROR for institutions)."""
    ids = {"wikidata": entry.wikidata, "ror": entry.ror}
    return {name: value for name, value in ids.items() if value}


def institution_key(registry: Registry, name: str, lang: str, surface: str = "",
                    context_country: str = "") -> str:
    """The key of an institution named ``name`` (nominative; ``surface`` as written).

    A Russian name in Latin letters (a transliterated reference: "Tomskogo gosudarstvennogo
    universiteta") is keyed as the Russian name in Cyrillic would be.

    A national institution of the catalogue (Kazakhstan's) is not taken for a mention that
    names another country, nor for an unqualified one in another country's context
    (``context_country``, an ISO code; other countries have ministries and academies of
    public administration too), unless its kind has only proper names («Елбасы
    кітапханасы», the Amanat party), which are Kazakhstan's in any context.
    """
    surface = surface or name
    russian = russian_name(plain_name(name)) if lang != "ru" else None
    if russian is not None:
        name, lang = russian, "ru"
    entry = lookup_institution(name, lang) or (lookup_institution(surface, lang)
                                               if surface != name else None)
    if entry is not None and entry.kind in NATIONAL_KINDS and (
            names_other_country(surface, entry)
            or context_country not in ("", "KZ") and entry.kind not in PROPER_KINDS
            and not names_country(surface, "KZ")):
        entry = None  # Ukraine's academy is not the Kazakh one of the catalogue
    if entry is not None:
        return registry.add("institution", entry.key, entry.names, surface, lang, "catalogue",
                            entry_ids(entry), alias=plain_name(name))
    clean = plain_name(name) or plain_name(surface)  # an empty canonical keys by the surface
    label = nominative_name(clean, lang)
    return registry.add("institution", slug(institution_form(clean, lang)), {lang: label}, surface,
                        lang, "normalised name", alias=label)


#: Catalogue kinds of Kazakhstan's own institutions (the others are international).
NATIONAL_KINDS = frozenset({"university", "research", "ministry", "agency", "parliament",
                            "government", "party", "library"})
#: National kinds named only by proper names, which no other country shares.
PROPER_KINDS = frozenset({"library", "party"})
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def names_country(surface: str, iso2: str) -> bool:
    """Does ``surface`` name the country ``iso2`` (a word or the «ҚР»-style acronym)?

    >>> names_country("ҚР Президентінің жанындағы академия", "KZ")
    True
    """
    return any((c := lookup_country(w) if w[:1].isupper() else None) is not None
               and c.iso2 == iso2 for w in _WORD.findall(surface))


def names_other_country(surface: str, entry: CatalogEntry) -> bool:
    """Does ``surface`` name a country other than the catalogued national institution's?

    >>> from kg.lexicon.catalog import entry_by_key
    >>> names_other_country("National Academy of Public Administration of Ukraine", entry_by_key("apa"))
    True
    >>> names_other_country("Academy of Public Administration of Kazakhstan", entry_by_key("apa"))
    False
    """
    if entry.kind not in NATIONAL_KINDS:
        return False
    for word in _WORD.findall(surface):
        c = lookup_country(word) if word[:1].isupper() else None
        if c is not None and c.iso2 and c.iso2 != "KZ":
            return True
    return False


def act_key(registry: Registry, m: Mention, kind: str) -> tuple[str, str]:
    """``(kind, key)`` of a law or program mention; the catalogue may change the kind.

    A mention that cites an act of the reference list is that act (:mod:`kg.extract.references`)."""
    if m.cites:
        entry = lookup_act(m.cites)
        if entry is None:  # keyed by the cited act; labelled by it in its own language
            own, cited = plain_name(m.canonical), plain_name(m.cites)
            label = cited if m.lang == ("ru" if _CYRILLIC.search(cited) else "en") else own
            return kind, registry.add(kind, slug(cited), {m.lang: label}, m.text, m.lang,
                                      "cited act", alias=own)
    numbered = act_number(m.canonical) if kind == "law" else None
    if numbered is not None:  # a decree by its issuer, year and number, in any language
        printed = plain_name(m.canonical)
        return kind, registry.add(kind, numbered.key, numbered.labels() or {m.lang: printed},
                                  m.text, m.lang, "numbered act", alias=printed)
    entry = lookup_act(m.canonical, m.lang) or lookup_act(m.text, m.lang)
    if entry is None and m.name != m.text:  # the name inside: «Нұрлы жол» in a longer title
        entry = lookup_act(m.name, m.lang)
    if entry is None and " – " in m.canonical:  # a title, then a subtitle after a dash
        entry = lookup_act(m.canonical.split(" – ", 1)[0], m.lang)
    for parties in _PARTIES:  # «АҚШ және Мексика арасындағы …», "… between X and Y"
        if entry is None and parties.search(m.canonical):
            entry = lookup_act(parties.sub("", m.canonical).strip(), m.lang)
    if entry is not None:
        found = "program" if entry.kind in PROGRAM_KINDS else "law"
        return found, registry.add(found, entry.key, entry.names, m.text, m.lang, "catalogue",
                                   entry_ids(entry), alias=plain_name(m.canonical))
    return named_key(registry, m, kind)


_CYRILLIC = script_letters("Cyrl")
#: The parties of a treaty, written around its name.
_PARTIES = (re.compile(r"^.*?\bарасындағы\s+"), re.compile(r"\s+between\s+.*$"))


def named_key(registry: Registry, m: Mention, kind: str) -> tuple[str, str]:
    """``(kind, key)`` of a mention keyed by its normalised canonical name."""
    clean = plain_name(m.canonical)
    return kind, registry.add(kind, slug(clean), {m.lang: clean}, m.text, m.lang,
                              "normalised name", alias=clean)
