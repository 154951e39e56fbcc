"""Things every country has (a constitution, a government, a parliament), and whose a mention names.

«Конституция Украины», «ҚХР Үкіметі» and «Kazakhstan's Parliament» say whose; a bare
«Конституция» or «Үкімет» does not, and the resolver looks at its sentence and article.
The concepts live in ``kg/lexicon/data/national.tsv`` (``concept kind en ru kk forms``).

>>> m = match_national("Конституция Украины", "ru")
>>> m.concept.key, m.country.iso2
('constitution', 'UA')
>>> m = match_national("Үкіметінің", "kk")
>>> m.concept.key, m.country is None
('government', True)
>>> match_national("Конституциялық Сот", "kk") is None
True
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.lexicon.catalog import DATA
from kg.lexicon.countries import Country, lookup_country
from kg.text.kk_morph import normalize_kk
from kg.text.ru_morph import normalize_ru

__all__ = ["NationalConcept", "NationalMatch", "concepts", "match_national"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_FILLER = frozenset({"of", "the", "s", "республикасының", "республики", "republic"})


@dataclass(frozen=True)
class NationalConcept:
    """A thing each country has one of: ``key``, its entity kind, generic names, generic forms."""

    key: str
    kind: str
    names: dict[str, str] = field(hash=False)
    forms: tuple[tuple[str, ...], ...] = ()

    def label(self, country: Country, lang: str) -> str:
        """The label of the country's one, e.g. ``Constitution of Ukraine``."""
        if lang == "en":
            return f"{self.names['en']} of {country.name('en')}"
        return f"{self.names[lang]} ({country.name(lang)})"


@dataclass(frozen=True)
class NationalMatch:
    """A mention of a national concept, with the country it names (``None``: not said)."""

    concept: NationalConcept
    country: Country | None


@lru_cache(maxsize=1)
def concepts() -> tuple[NationalConcept, ...]:
    """All rows of ``national.tsv``."""
    with (DATA / "national.tsv").open(encoding="utf-8", newline="") as fh:
        return tuple(NationalConcept(row["concept"], row["kind"],
                                     {lang: row[lang] for lang in ("en", "ru", "kk")},
                                     tuple(tuple(f.split()) for f in row["forms"].split("|")))
                     for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _words(text: str, lang: str) -> list[str]:
    """The words of ``text``, the last (kk, ru) and the first (ru) in the nominative."""
    words = _WORD.findall(text)
    normal = {"kk": normalize_kk, "ru": normalize_ru}.get(lang)
    if words and normal is not None:
        words[-1] = normal(words[-1])
        if lang == "ru":
            words[0] = normalize_ru(words[0])  # «Конституции Украины»: the head comes first
    return words


@lru_cache(maxsize=65536)
def match_national(surface: str, lang: str) -> NationalMatch | None:
    """The national concept ``surface`` names and the country it says, or ``None``."""
    words = _words(surface, lang)
    lower = tuple(w.lower() for w in words)
    for concept in concepts():
        for form in concept.forms:
            n = len(form)
            for rest in (words[:-n] if lower[-n:] == form else None,
                         words[n:] if lower[:n] == form else None):
                if rest is None:
                    continue
                rest = [w for w in rest if w.lower() not in _FILLER]
                if not rest:
                    return NationalMatch(concept, None)
                country = lookup_country(" ".join(rest), lang)
                if country is not None:
                    return NationalMatch(concept, country)
    return None
