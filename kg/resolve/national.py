"""Whose constitution, government or parliament a mention names: its words, else its context.

A qualified mention («Конституция Украины», «ҚХР Үкіметі») says whose. Otherwise the
country named right before it («Қытай үкіметі» split by the extractor), else the one
country of its sentence, else the country that dominates its article (its country mentions
and the countries its laws' and institutions' names open with); failing all of
these the mention stays unresolved rather than guessed.

>>> from kg.model import Mention
>>> text = "Украина Конституциясы бекітілді. Конституция туралы."
>>> ms = [Mention("d", 0, 7, "Украина", "GPE", "kk", "Украина"),
...       Mention("d", 8, 21, "Конституциясы", "LAW", "kk", "Конституция")]
>>> ctx = CountryContext.of(text, ms, [(0, len(text))])
>>> ctx.country_near(ms[1]).iso2
'UA'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from kg.lexicon.catalog import entry_by_key
from kg.lexicon.countries import Country, country_by_code, lookup_country
from kg.lexicon.national import match_national
from kg.model import Mention
from kg.resolve.catalogued import entry_ids
from kg.resolve.places import country_of
from kg.resolve.registry import Merge, Registry
from kg.text.sentences import sentence_bounds

#: Share of an article's country mentions the dominant country must have.
DOMINANT_SHARE = 0.6
#: Characters between a country and the thing it qualifies («Қытай үкіметі»).
ADJACENT = 2
#: Longer than any country mention (the window searched before a mention).
_LONGEST = 200


@dataclass(frozen=True)
class CountryContext:
    """The countries a document names, where, and its article spans."""

    text: str
    countries: tuple[tuple[int, int, str], ...]  # (start, end, ISO code), in text order
    articles: tuple[tuple[int, int], ...]
    #: Countries the names of laws and institutions open with: they count for the article only.
    named: tuple[tuple[int, int, str], ...] = ()

    @classmethod
    def of(cls, text: str, mentions: Sequence[Mention],
           articles: Sequence[tuple[int, int]]) -> CountryContext:
        found: dict[bool, list[tuple[int, int, str]]] = {True: [], False: []}
        for m in mentions:
            c = country_of(m) if m.label == "GPE" else _named_country(m)
            if c is not None and c.iso2:
                found[m.label != "GPE"].append((m.start, m.end, c.iso2))
        return cls(text, tuple(sorted(found[False])), tuple(sorted(articles)),
                   tuple(sorted(found[True])))

    def country_near(self, m: Mention) -> Country | None:
        """The country ``m`` belongs to by its context, or ``None`` when that is unclear.

        Each test reads only the countries in its window (bisection over their starts), and
        an article's counts are made once: linear in the document's mentions, not quadratic.
        """
        starts = self._starts
        i = bisect_left(starts, m.start)  # the countries that start before m
        before = [c for s, e, c in self.countries[bisect_left(starts, m.start - _LONGEST - ADJACENT):i]
                  if e <= m.start and m.start - e <= ADJACENT]
        if before:
            return country_by_code(before[-1])
        left, right = sentence_bounds(self.text, m.start, m.end)
        here = {c for s, e, c in self.countries[bisect_left(starts, left):bisect_left(starts, right)]
                if not m.start <= s < m.end}
        if len(here) == 1:
            return country_by_code(next(iter(here)))
        span = next(((s, e) for s, e in self.articles if s <= m.start < e), (0, len(self.text)))
        top = self._dominant(span)
        return country_by_code(top) if top else None

    @cached_property
    def _starts(self) -> list[int]:
        """The countries' starts, for bisection."""
        return [s for s, _, _ in self.countries]

    @cached_property
    def _dominants(self) -> dict[tuple[int, int], str]:
        """Each article's dominant country, filled as articles are asked about."""
        return {}

    def _dominant(self, span: tuple[int, int]) -> str:
        """The country that dominates the article ``span`` ('' if none does), counted once."""
        if span not in self._dominants:
            counts = Counter(c for s, _, c in self.countries + self.named if span[0] <= s < span[1])
            top = ""
            if counts:
                (best, n), total = counts.most_common(1)[0], sum(counts.values())
                top = best if n >= 2 and n / total >= DOMINANT_SHARE else ""
            self._dominants[span] = top
        return self._dominants[span]


def _named_country(m: Mention) -> Country | None:
    """The country a law's or institution's name opens with («Қазақстан Республикасының
    Қылмыстық кодексі», "Qazaqstan Respublikasynyń … Zańy"): it counts towards the country
    that dominates the article."""
    if m.label not in _NAMED_LABELS:
        return None
    first = m.text.split(maxsplit=1)[:1]
    return lookup_country(first[0], m.lang) if first and first[0][:1].isupper() else None


_NAMED_LABELS = frozenset({"LAW", "ORG", "PROGRAM"})


def national_key(registry: Registry, m: Mention, context: CountryContext | None
                 ) -> tuple[str, str] | None:
    """``(kind, key)`` of a mention of a national concept; ``None`` if it is not one.

    The key is ``<iso2>-<concept>`` (``ua-constitution``); a catalogue entry with that key
    gives the names. An unqualified mention whose country is unclear resolves to ``("", "")``
    (unresolved).
    """
    match = match_national(m.canonical, m.lang) or match_national(m.text, m.lang)
    if match is None:
        return None
    country = match.country or (context.country_near(m) if context else None)
    if country is None or not country.iso2:
        registry.merges.append(_unresolved(m, match.concept.kind))
        return "", ""
    kind, key = match.concept.kind, f"{country.iso2.lower()}-{match.concept.key}"
    entry = entry_by_key(key)
    labels = (dict(entry.names) if entry else
              {lang: match.concept.label(country, lang) for lang in ("kk", "ru", "en")})
    ids = entry_ids(entry) if entry else {}
    reason = "national concept, " + ("country in the name" if match.country else "country from context")
    return kind, registry.add(kind, key, labels, m.text, m.lang, reason, ids)


def _unresolved(m: Mention, kind: str) -> Merge:
    return Merge(kind, "", m.text, m.lang, "national concept, country unclear: unresolved")
