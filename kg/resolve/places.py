"""Countries (through the gazetteer, keyed by ISO 3166 code) and cities or regions.

>>> from kg.resolve.registry import Registry
>>> reg = Registry()
>>> country_key(reg, "Қазақстанның", "kk")
'kz'
>>> region_key(reg, "Алматы", "Алматыда", "kk")
'almaty'
"""

from __future__ import annotations

from kg.iri import slug
from kg.lexicon.countries import Country, lookup_country
from kg.lexicon.places import lookup_place
from kg.model import Mention
from kg.resolve.names import plain_name
from kg.resolve.registry import Registry


def country_key(registry: Registry, name: str, lang: str) -> str | None:
    """The key of the country ``name`` is in the gazetteer, or ``None``."""
    c = lookup_country(name, lang)
    return None if c is None else add_country(registry, c, name, lang, name)


def country_of(m: Mention) -> Country | None:
    """The gazetteer's country for a GPE mention, or ``None``."""
    return lookup_country(m.canonical, m.lang) or lookup_country(m.text, m.lang)


def country_or_region(registry: Registry, m: Mention) -> tuple[str, str]:
    """``("country", key)`` for a GPE mention the gazetteer knows, else ``("region", key)``."""
    c = country_of(m)
    if c is None:
        return "region", region_key(registry, m.canonical, m.text, m.lang)
    return "country", add_country(registry, c, m.text, m.lang, m.canonical)


#: The key prefix of a place taken from GeoNames (``gn-702550``: GeoNames id 702550).
GEONAMES_KEY = "gn-"


def region_key(registry: Registry, canonical: str, surface: str, lang: str) -> str:
    """The key of a city or region: the places gazetteer's, else its transliterated name."""
    place = lookup_place(canonical, lang) or lookup_place(surface, lang)
    clean = plain_name(canonical)
    if place is not None:
        ids = {"geonames": place.key.removeprefix(GEONAMES_KEY)} if place.key.startswith(GEONAMES_KEY) else {}
        return registry.add("region", place.key, dict(place.names), surface, lang, "gazetteer",
                            ids, alias=clean)
    return registry.add("region", slug(clean), {lang: clean}, surface, lang,
                        "transliterated name", alias=clean)


def add_country(registry: Registry, c: Country, surface: str, lang: str, alias: str = "") -> str:
    """Attach ``surface`` to the gazetteer country ``c``; return its key."""
    ids = {k: v for k, v in (("iso2", c.iso2), ("iso3", c.iso3), ("wikidata", c.wikidata)) if v}
    key = (c.iso2 or c.wikidata or slug(c.names.get("en", surface))).lower()
    return registry.add("country", key, dict(c.names), surface, lang, "gazetteer", ids,
                        alias=plain_name(alias))
