"""Entity resolution: one real-world thing, one entity, whatever the script or inflection.

Inputs are the parsed articles and the extracted mentions; the output is a
:class:`Resolution` mapping every author, affiliation, keyword and mention to
an :class:`Entity` key, with the merge decisions recorded for inspection.

* Countries resolve through the gazetteer to ISO 3166 codes; institutions,
  laws and programs through the curated catalogue, else by their normalised
  canonical name.
* Authors are the same person when any spelling matches after
  transliteration, or they share an e-mail or ORCID; a text mention of a
  person joins an author or a fuller name with the same surname.
* Aligned keyword lists (same length in kk/ru/en) give one concept per position.

>>> from kg.model import Article, Author, Span
>>> a = Article("d1", "x", 1, Span(0, 1), Span(0, 1), authors=(Author({"kk": "Әсел Айтқалиева", "en": "Asel Aitkaliyeva"}),))
>>> b = Article("d2", "y", 1, Span(0, 1), Span(0, 1), authors=(Author({"ru": "Асель Айткалиева"}),))
>>> r = resolve([a, b], [])
>>> r.authors[("d1", 1, 0)] == r.authors[("d2", 1, 0)]
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.iri import latin, slug
from kg import kinds
from kg.kinds import LANGS
from kg.model import Article, Mention



@dataclass(frozen=True)
class Entity:
    """One resolved thing: kind, stable key, labels per language, aliases, external ids."""

    kind: str
    key: str
    labels: dict[str, str]
    aliases: tuple[str, ...] = ()
    ids: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Merge:
    """Why a surface form was attached to an entity."""

    kind: str
    key: str
    surface: str
    lang: str
    reason: str


@dataclass(frozen=True)
class Resolution:
    """Entities and the links from parsed items and mentions to their keys."""

    entities: dict[tuple[str, str], Entity]
    authors: dict[tuple[str, int, int], str]
    institutions: dict[tuple[str, int, int], str]  # (doc, order, affiliation index)
    places: dict[tuple[str, int, int], tuple[str | None, str | None]]  # -> (region, country)
    keywords: dict[tuple[str, int, str, int], str]  # (doc, order, lang, index)
    mentions: dict[tuple[str, int, int, str], tuple[str, str]]  # -> (kind, key)
    merges: tuple[Merge, ...]


def name_key(name: str) -> str:
    """A spelling-insensitive key for personal names across scripts.

    >>> name_key("Гүлнар Қонақбаева") == name_key("Gulnar Kunakbayeva") == name_key("Гульнар Кунакбаева")
    True
    """
    s = latin(name).lower()
    for src, dst in (("kh", "h"), ("gh", "g"), ("zh", "j"), ("sh", "s"), ("ch", "c"),
                     ("yu", "u"), ("ya", "a"), ("iy", "i"), ("y", "i"), ("q", "k"),
                     ("ts", "c"), ("ss", "s"), ("ь", ""), ("'", "")):
        s = s.replace(src, dst)
    s = re.sub(r"[^a-z ]", "", s)
    s = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", s)
    s = re.sub(r"([aeiou])\1+", r"\1", s)
    return " ".join(sorted(w.replace("o", "a").replace("u", "a") for w in s.split()))


class _Clusters:
    """Union-find over arbitrary hashable items."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(articles: Sequence[Article], mentions: Iterable[Mention]) -> Resolution:
    """Resolve all authors, affiliations, keywords and mentions of a corpus."""
    state = _State()
    state.people(articles)
    state.affiliations(articles)
    state.keyword_concepts(articles)
    state.text_mentions(articles, list(mentions))
    return Resolution(dict(sorted(state.entities.items())), state.authors, state.institutions,
                      state.places, state.keywords, state.mentions, tuple(state.merges))


class _State:
    def __init__(self) -> None:
        self.entities: dict[tuple[str, str], Entity] = {}
        self.authors: dict[tuple[str, int, int], str] = {}
        self.institutions: dict[tuple[str, int, int], str] = {}
        self.places: dict[tuple[str, int, int], tuple[str | None, str | None]] = {}
        self.keywords: dict[tuple[str, int, str, int], str] = {}
        self.mentions: dict[tuple[str, int, int, str], tuple[str, str]] = {}
        self.merges: list[Merge] = []
        self.person_by_namekey: dict[str, str] = {}
        self.person_by_surname: dict[str, set[str]] = defaultdict(set)

    # -- registry -------------------------------------------------------------------------
    def add(self, kind: str, key: str, labels: dict[str, str], surface: str, lang: str,
            reason: str, ids: dict[str, str] | None = None) -> str:
        current = self.entities.get((kind, key))
        if current is None:
            self.entities[(kind, key)] = Entity(kind, key, dict(labels), (), dict(ids or {}))
        else:
            merged = dict(labels) | current.labels  # first label seen wins
            aliases = current.aliases
            if surface and surface not in merged.values() and surface not in aliases:
                aliases = tuple(sorted(aliases + (surface,)))
            self.entities[(kind, key)] = Entity(kind, key, merged, aliases,
                                                (ids or {}) | current.ids)
        self.merges.append(Merge(kind, key, surface, lang, reason))
        return key

    # -- people -----------------------------------------------------------------------------
    def people(self, articles: Sequence[Article]) -> None:
        clusters = _Clusters()
        occurrences = []
        first_by_key: dict[str, tuple] = {}
        for a in articles:
            for i, author in enumerate(a.authors):
                occ = (a.document_id, a.order, i)
                occurrences.append((occ, author, author.email, author.orcid))
                clusters.find(occ)
                for link in [name_key(n) for n in author.names.values()] + \
                        ([f"email:{author.email.lower()}"] if author.email else []) + \
                        ([f"orcid:{author.orcid}"] if author.orcid else []):
                    if link in first_by_key:
                        clusters.union(first_by_key[link], occ)
                    else:
                        first_by_key[link] = occ
        groups: dict = defaultdict(list)
        for occ, author, email, orcid in occurrences:
            groups[clusters.find(occ)].append((occ, author, email, orcid))
        for members in groups.values():
            names: dict[str, str] = {}
            for _, author, _, _ in members:
                for lang, name in author.names.items():
                    names.setdefault(lang, name)
            names = {lang: names[lang] for lang in LANGS if lang in names}
            key = slug(names.get("en") or latin(next(iter(names.values()))))
            ids = {k: v for k, v in (("orcid", next((o for *_, o in members if o), None)),
                                     ("email", next((e for *_, e, _ in members if e), None))) if v}
            for occ, author, _, _ in members:
                for lang, name in author.names.items():
                    self.add("person", key, names, name, lang,
                             "header" if occ == members[0][0] else "same spelling/e-mail/ORCID", ids)
                    self.person_by_namekey[name_key(name)] = key
                    self.person_by_surname[_surname_key(name)].add(key)
                self.authors[occ] = key

    # -- affiliations -----------------------------------------------------------------------
    def affiliations(self, articles: Sequence[Article]) -> None:
        for a in articles:
            lang = next(iter(a.abstract), "kk")
            for i, aff in enumerate(a.affiliations):
                if aff.institution:
                    key = self.institution(aff.institution, lang)
                    self.institutions[(a.document_id, a.order, i)] = key
                city = self.region(aff.city, aff.city, lang) if aff.city else None
                country = self.country_name(aff.country, lang) if aff.country else None
                self.places[(a.document_id, a.order, i)] = (city, country)

    def institution(self, name: str, lang: str) -> str:
        entry = _catalog("lookup_institution", name, lang)
        if entry is not None:
            ids = {"wikidata": entry.wikidata} if entry.wikidata else {}
            return self.add("institution", entry.key, entry.names, name, lang, "catalogue", ids)
        clean = _plain_name(name)
        return self.add("institution", slug(clean), {lang: clean}, name, lang, "normalised name")

    # -- keywords ---------------------------------------------------------------------------
    def keyword_concepts(self, articles: Sequence[Article]) -> None:
        for a in articles:
            lists = {k: v for k, v in a.keywords.items() if v}
            aligned = len({len(v) for v in lists.values()}) == 1
            for lang, words in lists.items():
                for i, word in enumerate(words):
                    labels = {l: lists[l][i] for l in lists} if aligned else {lang: word}
                    anchor = labels.get("en") or word
                    key = slug(anchor.lower())
                    reason = "aligned keyword lists" if aligned else "keyword"
                    self.add("keyword", key, labels, word, lang, reason)
                    self.keywords[(a.document_id, a.order, lang, i)] = key

    # -- mentions ---------------------------------------------------------------------------
    def text_mentions(self, articles: Sequence[Article], mentions: list[Mention]) -> None:
        people = [m for m in mentions if m.label == "PERSON"]
        for m in sorted(people, key=lambda m: -len(m.canonical.split())):
            self.mentions[_mkey(m)] = ("person", self.person(m))
        for m in mentions:
            found = kinds.by_label(m.label)
            kind = found.key if found else None
            if kind is None or m.label == "PERSON":
                continue
            if kind == "country":
                resolved = self.country(m)
            elif kind == "institution":
                resolved = ("institution", self.institution(m.canonical, m.lang))
            elif kind in ("law", "program"):
                resolved = self.act(m, kind)
            else:
                resolved = ("region", self.region(m.canonical, m.text, m.lang))
            self.mentions[_mkey(m)] = resolved

    def person(self, m: Mention) -> str:
        key = self.person_by_namekey.get(name_key(m.canonical))
        if key:
            return self.add("person", key, {}, m.text, m.lang, "same name as an author or mention")
        candidates = self.person_by_surname.get(_surname_key(m.canonical), set())
        if len(candidates) == 1 and _is_partial(m.canonical):
            key = next(iter(candidates))
            return self.add("person", key, {}, m.text, m.lang, "surname of a unique full name")
        key = slug(latin(m.canonical))
        self.person_by_namekey[name_key(m.canonical)] = key
        if not _is_partial(m.canonical):
            self.person_by_surname[_surname_key(m.canonical)].add(key)
        return self.add("person", key, {m.lang: m.canonical}, m.text, m.lang, "new name")

    def country(self, m: Mention) -> tuple[str, str]:
        from kg.lexicon.countries import lookup_country

        c = lookup_country(m.canonical, m.lang) or lookup_country(m.text, m.lang)
        if c is None:
            return "region", self.region(m.canonical, m.text, m.lang)
        return "country", self._country(c, m.text, m.lang)

    def country_name(self, name: str, lang: str) -> str | None:
        from kg.lexicon.countries import lookup_country

        c = lookup_country(name, lang)
        if c is None:
            return None
        return self._country(c, name, lang)

    def _country(self, c, surface: str, lang: str) -> str:
        ids = {k: v for k, v in (("iso2", c.iso2), ("iso3", c.iso3), ("wikidata", c.wikidata)) if v}
        key = (c.iso2 or c.wikidata or slug(c.names.get("en", surface))).lower()
        return self.add("country", key, dict(c.names), surface, lang, "gazetteer", ids)

    def region(self, canonical: str, surface: str, lang: str) -> str:
        from kg.lexicon.places import lookup_place

        place = lookup_place(canonical, lang) or lookup_place(surface, lang)
        if place is not None:
            return self.add("region", place.key, dict(place.names), surface, lang, "gazetteer")
        clean = _plain_name(canonical)
        return self.add("region", slug(clean), {lang: clean}, surface, lang, "transliterated name")

    def act(self, m: Mention, kind: str) -> tuple[str, str]:
        entry = _catalog("lookup_act", m.canonical, m.lang) or _catalog("lookup_act", m.text, m.lang)
        if entry is not None:
            found = "program" if entry.kind in ("program", "strategy", "concept",
                                                 "national_project") else "law"
            ids = {"wikidata": entry.wikidata} if entry.wikidata else {}
            return found, self.add(found, entry.key, entry.names, m.text, m.lang, "catalogue", ids)
        clean = _plain_name(m.canonical)
        return kind, self.add(kind, slug(clean), {m.lang: clean}, m.text, m.lang, "normalised name")


def _catalog(function: str, surface: str, lang: str):
    """A catalogue lookup; None when the catalogue is not installed."""
    try:
        from kg.lexicon import catalog
    except ImportError:
        return None
    return getattr(catalog, function)(surface, lang)


def _mkey(m: Mention) -> tuple[str, int, int, str]:
    return (m.document_id, m.start, m.end, m.label)


def _surname_key(name: str) -> str:
    words = [w for w in re.split(r"[\s.]+", name) if len(w) > 1]
    return name_key(words[-1]) if words else ""


def _is_partial(name: str) -> bool:
    """A surname alone, or initials with a surname."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    return len(words) == 1 or all(w.endswith(".") or len(w) == 1 for w in words[:-1])


def _plain_name(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[«»“”„\"]", "", name)).strip(" .,")
