"""A multilingual country gazetteer: find a country from a mention in Kazakh, Russian or English.

The data is ``kg/lexicon/data/countries.tsv`` (columns ``iso2 iso3 wikidata en ru kk aliases``, aliases
``|``-separated), read on first use. Mentions may be inflected: Kazakh and Russian ones are
put into the nominative first (``Қазақстанның``, ``АҚШ-тың``, ``Германией``), English ones lose
``the`` and a possessive ``'s``. Abbreviations (``US``, ``ҚР``, ``РФ``) match only as written,
so the English pronoun "us" is not the United States. Adjectives (``казахстанский``,
``қазақстандық``, ``Kazakh``) are not names and find nothing.

>>> lookup_country("Қазақстанның").iso3
'KAZ'
>>> lookup_country("Германией", "ru").wikidata
'Q183'
>>> lookup_country("казахстанский") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from kg.text.kk_morph import KkLexicon, normalize_kk
from kg.text.lang import own_letters
from kg.text.ru_morph import normalize_ru

__all__ = ["Country", "countries", "country_by_code", "lookup_country", "name_key", "surface_forms"]

COLUMNS = ("iso2", "iso3", "wikidata", "en", "ru", "kk", "aliases")
_KAZAKH_LETTERS = own_letters("kk")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_QUOTES = "\"'«»“”„‘’()[]"
_PUNCT = ",;:!? "
_DASHES = re.compile(r"\s*[‐‑‒–—-]\s*")


@dataclass(frozen=True)
class Country:
    """One country: ISO 3166-1 codes (empty if none), Wikidata id, names and aliases.

    ``names`` maps a language code (``en``, ``ru``, ``kk``) to the usual short name.
    """

    iso2: str
    iso3: str
    wikidata: str
    names: Mapping[str, str] = field(hash=False)
    aliases: tuple[str, ...] = ()

    def name(self, lang: str = "en") -> str:
        """The name in ``lang``, falling back to English."""
        return self.names.get(lang) or self.names.get("en", "")

    @property
    def all_names(self) -> tuple[str, ...]:
        """Every name and alias, names first."""
        return (*self.names.values(), *self.aliases)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """How names compare: case, ``ё``/``е``, apostrophes, dashes and Latin accents do not count.

    >>> name_key("Côte d’Ivoire") == name_key("cote d'ivoire")
    True
    """
    name = name.replace("’", "'").replace("ʻ", "'").replace("ё", "е").replace("Ё", "Е")
    name = "".join(_strip_accent(c) for c in name)
    name = _DASHES.sub("-", name)
    return " ".join(name.casefold().split())


def _strip_accent(char: str) -> str:
    if ord(char) < 0x80 or ord(char) >= 0x250:  # ASCII, or not Latin: Cyrillic й stays
        return char
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def _is_abbreviation(name: str) -> bool:
    """``US``, ``U.S.``, ``ҚР``, ``BiH``: short, no spaces, mostly capitals."""
    letters = [c for c in name if c.isalpha()]
    return (
        " " not in name
        and len(letters) <= 5
        and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)
    )


@dataclass(frozen=True)
class _Index:
    countries: tuple[Country, ...]
    exact: Mapping[str, Country]  # abbreviations, as written
    folded: Mapping[str, Country]  # other names, by name_key
    lexicon: KkLexicon


def _parse(text: str) -> tuple[Country, ...]:
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise ValueError("countries.tsv: unexpected header")
    out = []
    for line in lines[1:]:
        if not line.strip():
            continue
        iso2, iso3, qid, en, ru, kk, aliases = line.split("\t")
        out.append(
            Country(
                iso2=iso2,
                iso3=iso3,
                wikidata=qid,
                names=MappingProxyType({"en": en, "ru": ru, "kk": kk}),
                aliases=tuple(a for a in aliases.split("|") if a),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _index() -> _Index:
    text = resources.files("kg.lexicon").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    all_countries = _parse(text)
    exact: dict[str, Country] = {}
    folded: dict[str, Country] = {}
    for country in all_countries:
        for name in country.all_names:
            if _is_abbreviation(name):
                exact.setdefault(name, country)
            else:
                folded.setdefault(name_key(name), country)
    lexicon = KkLexicon.of(n for c in all_countries for n in c.all_names)
    return _Index(all_countries, MappingProxyType(exact), MappingProxyType(folded), lexicon)


def countries() -> tuple[Country, ...]:
    """Every country in the gazetteer, in file order."""
    return _index().countries


def country_by_code(code: str) -> Country | None:
    """The country with this ISO alpha-2 or alpha-3 code or Wikidata id.

    >>> country_by_code("KZ").names["kk"]
    'Қазақстан'
    """
    code = code.strip()
    for country in _index().countries:
        if code and code in (country.iso2, country.iso3, country.wikidata):
            return country
    return None


def _trims(surface: str) -> list[str]:
    """The mention without quotes and trailing punctuation; ``U.S.`` also keeps its dot."""
    text = " ".join(surface.split()).strip(_QUOTES + _PUNCT)
    bare = text.rstrip(".").strip(_QUOTES + _PUNCT)
    return [t for t in dict.fromkeys((text, bare)) if t]


def _english_forms(text: str) -> Iterator[str]:
    """``the UK's`` -> ``UK's``, ``the UK``, ``UK``."""
    no_the = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    yield no_the
    yield re.sub(r"(?:['’]s|s['’])$", "", no_the)


def surface_forms(surface: str, lang: str | None, lexicon: KkLexicon) -> Iterator[str]:
    """The trimmed surface, then its normalised forms in the languages it may be in.

    >>> list(surface_forms("«Алматыда»", "kk", KkLexicon.of(["Алматы"])))
    ['Алматыда', 'Алматы']
    """
    for text in _trims(surface):
        yield from _forms(text, lang, lexicon)


def _forms(text: str, lang: str | None, lexicon: KkLexicon) -> Iterator[str]:
    yield text
    if lang not in ("kk", "ru", "en"):
        if _KAZAKH_LETTERS.search(text):
            lang_order: tuple[str, ...] = ("kk",)
        elif _CYRILLIC.search(text):
            lang_order = ("ru", "kk")
        else:
            lang_order = ("en",)
    else:
        lang_order = (lang,)
    for language in lang_order:
        if language == "kk":
            yield normalize_kk(text, lexicon)
        elif language == "ru":
            yield normalize_ru(text, "LOC")
        else:
            yield from _english_forms(text)


@lru_cache(maxsize=65536)
def lookup_country(surface: str, lang: str | None = None) -> Country | None:
    """The country a mention names, or None. ``lang`` (kk, ru, en) narrows the normalisers.

    >>> lookup_country("АҚШ-тың").names["en"]
    'United States'
    >>> lookup_country("Kazakhstan's", "en").iso2
    'KZ'
    """
    index = _index()
    for form in surface_forms(surface, lang, index.lexicon):
        hit = index.exact.get(form) or index.folded.get(name_key(form))
        if hit is not None:
            return hit
    return None
