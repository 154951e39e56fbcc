"""Entity resolution: one real-world thing, one entity, whatever the script or inflection.

Inputs are the parsed articles and the extracted mentions; the output is a
:class:`Resolution` mapping every author, affiliation, keyword and mention to
an :class:`Entity` key, with the merge decisions recorded for inspection.

* Countries resolve through the gazetteer to ISO 3166 codes (:mod:`.places`); institutions,
  laws and programs through the curated catalogue, else by their normalised canonical name
  (:mod:`.catalogued`).
* Authors are the same person when any spelling matches after transliteration, or they
  share an e-mail or ORCID; a text mention of a person joins an author or a fuller name with
  the same surname (:mod:`.people`).
* Aligned keyword lists (same length in kk/ru/en) give one concept per position (:mod:`.keywords`).

>>> from kg.model import Article, Author, Span
>>> a = Article("d1", "x", 1, Span(0, 1), Span(0, 1), authors=(Author({"kk": "Әсел Айтқалиева", "en": "Asel Aitkaliyeva"}),))
>>> b = Article("d2", "y", 1, Span(0, 1), Span(0, 1), authors=(Author({"ru": "Асель Айткалиева"}),))
>>> r = resolve([a, b], [])
>>> r.authors[("d1", 1, 0)] == r.authors[("d2", 1, 0)]
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from kg import kinds
from kg.model import Article, Mention
from kg.resolve.catalogued import act_key, institution_key, named_key
from kg.resolve.keywords import KeywordPlace, keyword_concepts
from kg.resolve.names import name_key
from kg.resolve.people import Occurrence, People
from kg.resolve.places import country_key, country_or_region, region_key
from kg.resolve.registry import Entity, Merge, Registry

__all__ = ["Entity", "Merge", "Resolution", "name_key", "resolve"]

#: A mention's identity: (document id, start, end, label).
MentionKey = tuple[str, int, int, str]
#: An affiliation's place: (document id, article order, affiliation index).
AffiliationPlace = tuple[str, int, int]


@dataclass(frozen=True)
class Resolution:
    """Entities and the links from parsed items and mentions to their keys."""

    entities: dict[tuple[str, str], Entity]
    authors: dict[Occurrence, str]
    institutions: dict[AffiliationPlace, str]
    places: dict[AffiliationPlace, tuple[str | None, str | None]]  # -> (region, country)
    keywords: dict[KeywordPlace, str]
    mentions: dict[MentionKey, tuple[str, str]]  # -> (kind, key)
    merges: tuple[Merge, ...]


def resolve(articles: Sequence[Article], mentions: Iterable[Mention]) -> Resolution:
    """Resolve all authors, affiliations, keywords and mentions of a corpus."""
    registry = Registry()
    people = People(registry)
    authors = people.add_authors(articles)
    institutions, places = _affiliations(registry, articles)
    keywords = keyword_concepts(registry, articles)
    resolved = _text_mentions(registry, people, list(mentions))
    return Resolution(dict(sorted(registry.entities.items())), authors, institutions, places,
                      keywords, resolved, tuple(registry.merges))


def _affiliations(registry: Registry, articles: Sequence[Article]):
    institutions: dict[AffiliationPlace, str] = {}
    places: dict[AffiliationPlace, tuple[str | None, str | None]] = {}
    for a in articles:
        lang = next(iter(a.abstract), "kk")
        for i, aff in enumerate(a.affiliations):
            if aff.institution:
                institutions[(a.document_id, a.order, i)] = institution_key(
                    registry, aff.institution, lang)
            city = region_key(registry, aff.city, aff.city, lang) if aff.city else None
            country = country_key(registry, aff.country, lang) if aff.country else None
            places[(a.document_id, a.order, i)] = (city, country)
    return institutions, places


def _text_mentions(registry: Registry, people: People,
                   mentions: list[Mention]) -> dict[MentionKey, tuple[str, str]]:
    """Persons first, fullest names first (so partial names find them), then the rest in order."""
    resolved: dict[MentionKey, tuple[str, str]] = {}
    persons = [m for m in mentions if m.label == "PERSON"]
    for m in sorted(persons, key=lambda m: -len(m.canonical.split())):
        resolved[_key(m)] = ("person", people.add_mention(m))
    for m in mentions:
        found = kinds.by_label(m.label)
        if found is None or found.key == "person":
            continue
        resolver = RESOLVERS.get(found.key, named_key)
        resolved[_key(m)] = resolver(registry, m, found.key)
    return resolved


def _institution(registry: Registry, m: Mention, kind: str) -> tuple[str, str]:
    return kind, institution_key(registry, m.canonical, m.lang)


def _region(registry: Registry, m: Mention, kind: str) -> tuple[str, str]:
    return kind, region_key(registry, m.canonical, m.text, m.lang)


#: How a mention of each kind (other than persons) finds its entity; kinds not listed are
#: keyed by their normalised name (:func:`kg.resolve.catalogued.named_key`).
RESOLVERS: dict[str, Callable[[Registry, Mention, str], tuple[str, str]]] = {
    "country": lambda registry, m, _kind: country_or_region(registry, m),
    "institution": _institution,
    "region": _region,
    "law": act_key,
    "program": act_key,
}


def _key(m: Mention) -> MentionKey:
    return (m.document_id, m.start, m.end, m.label)
