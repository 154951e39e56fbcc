"""Cities and regions (``GPE_SUB``): a small multilingual gazetteer of places.

The data is ``kg/lexicon/data/places.tsv`` (``key kind country en ru kk aliases``): Kazakhstan's
cities and regions and the foreign cities the journals mention most, curated by hand; then
``places_geonames.tsv``, the same columns generated from GeoNames (CC BY 4.0) by
``pipelines/gazetteer/make_places.py`` (towns of Kazakhstan, cities nearby and large cities),
whose places have ``curated=False``. A name in both tables is the curated place. Lookups accept
inflected forms, like the country gazetteer.

>>> lookup_place("Алматыда", "kk").key
'almaty'
>>> lookup_place("Нур-Султане", "ru").key
'astana'
>>> lookup_place("Қазақстан") is None
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from kg.lexicon.countries import name_key, surface_forms
from kg.text.kk_morph import KkLexicon

COLUMNS = ("key", "kind", "country", "en", "ru", "kk", "aliases")


@dataclass(frozen=True)
class Place:
    """A city or region with its country (ISO alpha-2) and names per language."""

    key: str
    kind: str
    country: str
    names: Mapping[str, str] = field(hash=False)
    aliases: tuple[str, ...] = ()
    curated: bool = True


@dataclass(frozen=True)
class _Index:
    by_name: Mapping[str, Place]
    lexicon: KkLexicon


#: The tables, read in this order (an earlier table wins a shared name), and whether curated.
TABLES = (("data/places.tsv", True), ("data/places_geonames.tsv", False))


@lru_cache(maxsize=1)
def _index() -> _Index:
    by_name: dict[str, Place] = {}
    for table, curated in TABLES:
        text = resources.files("kg.lexicon").joinpath(table).read_text(encoding="utf-8")
        lines = text.splitlines()
        if tuple(lines[0].split("\t")) != COLUMNS:
            raise ValueError(f"{table}: unexpected header")
        for line in lines[1:]:
            if not line.strip():
                continue
            key, kind, country, en, ru, kk, aliases = line.split("\t")
            place = Place(key, kind, country, MappingProxyType({"en": en, "ru": ru, "kk": kk}),
                          tuple(a for a in aliases.split("|") if a), curated)
            for name in (en, ru, kk, *place.aliases):
                by_name.setdefault(name_key(name), place)
    names = [n for n in by_name]
    return _Index(MappingProxyType(by_name), KkLexicon.of(n.title() for n in names))


_HARD_END = "бвгджзклмнпрстфхцчшщ"


@lru_cache(maxsize=65536)
def lookup_place(surface: str, lang: str | None = None) -> Place | None:
    """The place a mention names, or None; a Russian-spelt name may lose its final soft sign
    before a Kazakh ending (``Шэньчжэндегі`` is Шэньчжэнь).

    >>> lookup_place("Шэньчжэндегі", "kk").names["en"]
    'Shenzhen'
    """
    index = _index()
    forms = list(surface_forms(surface, lang, index.lexicon))
    for form in forms:
        hit = index.by_name.get(name_key(form))
        if hit is not None:
            return hit
    for form in forms:
        if form[-1:].lower() in _HARD_END and (hit := index.by_name.get(name_key(form + "ь"))):
            return hit
    return None


@lru_cache(maxsize=1)
def english_place_names() -> tuple[str, ...]:
    """The English names of every city and region in the tables, as written and without
    accents ("Herāt" and "Herat"), for the English gazetteer.

    >>> {"Poltava", "Herat", "Almaty"} <= set(english_place_names())
    True
    """
    from unidecode import unidecode  # deferred: only the English gazetteer needs it

    names = {place.names["en"] for place in _index().by_name.values() if place.names.get("en")}
    return tuple(sorted(names | {unidecode(n) for n in names}))

