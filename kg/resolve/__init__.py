"""Entity resolution: one real-world thing, one entity, whatever the script or inflection.

Inputs are the parsed articles, the extracted mentions and (for context) the documents; the
output is a :class:`Resolution` mapping every author, affiliation, keyword and mention to an
:class:`Entity` key, with every merge decision recorded for ``reports/merges.csv``.

* People (:mod:`.people`): the catalogue of well-known people, then authors and text names
  joined across scripts, initials and spellings, in the document first, then the corpus.
* Countries through the gazetteer (:mod:`.places`); a constitution, government or parliament
  is its country's, from its words or its context, else unresolved (:mod:`.national`);
  institutions, laws and programs through the catalogue, else by their normalised name
  (:mod:`.catalogued`); a bare head («the Council») is the institution last named with that
  head in its document (:mod:`.anaphora`).
* Keywords: each article's kk/ru/en lists aligned into one concept per term (:mod:`.keywords`).
* A user's thesaurus (:mod:`.thesaurus`) merges, drops or relabels, and every use is logged.

>>> from kg.model import Article, Author, Span
>>> a = Article("d1", "x", 1, Span(0, 1), Span(0, 1), authors=(Author({"kk": "Әсел Айтқалиева", "en": "Asel Aitkaliyeva"}),))
>>> b = Article("d2", "y", 1, Span(0, 1), Span(0, 1), authors=(Author({"ru": "Асель Айткалиева"}),))
>>> r = resolve([a, b], [])
>>> r.authors[("d1", 1, 0)] == r.authors[("d2", 1, 0)]
True
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from kg import kinds
from kg.lexicon.act_numbers import act_number
from kg.lexicon.catalog import entry_by_key, lookup_act, lookup_institution
from kg.model import CORPUS_KNOWN_ONLY, Article, Document, Mention
from kg.resolve.acronyms import expansions
from kg.resolve.act_variants import Title, agreeing, names_title, variant_groups
from kg.resolve.anaphora import antecedents
from kg.resolve.catalogued import act_key, institution_key, named_key
from kg.resolve.former_names import renamed
from kg.resolve.keywords import KeywordPlace, keyword_concepts
from kg.resolve.misspelt import misspelt_pairs
from kg.resolve.national import CountryContext, national_key
from kg.resolve.people import Occurrence, People
from kg.resolve.person_labels import label_persons
from kg.resolve.places import country_key, country_of, country_or_region, region_key
from kg.resolve.registry import Entity, Merge, Registry
from kg.resolve.retype import people_taken_for_other_kinds
from kg.resolve.thesaurus import DROP, EMPTY, Thesaurus
from kg.resolve.transliterated import TRANSLITERATED, TransliteratedNames, is_latin_name
from kg.segment.editor_posts import aligned_posts
from kg.segment.editors import aligned_editors, front_matter_end
from kg.text.names import name_key

__all__ = ["Entity", "Merge", "Resolution", "name_key", "resolve"]

#: A mention's identity: (document id, start, end, label).
MentionKey = tuple[str, int, int, str]
#: An affiliation's place: (document id, article order, affiliation index).
AffiliationPlace = tuple[str, int, int]
EntityKey = tuple[str, str]
PERSON = next(k.label for k in kinds.KINDS if k.key == "person")


@dataclass(frozen=True)
class Resolution:
    """Entities and the links from parsed items and mentions to their keys."""

    entities: dict[EntityKey, Entity]
    authors: dict[Occurrence, str]
    institutions: dict[AffiliationPlace, str]
    places: dict[AffiliationPlace, tuple[str | None, str | None]]  # -> (region, country)
    keywords: dict[KeywordPlace, str]
    mentions: dict[MentionKey, EntityKey]
    merges: tuple[Merge, ...]


def resolve(articles: Sequence[Article], mentions: Iterable[Mention],
            documents: Sequence[Document] = (), thesaurus: Thesaurus = EMPTY) -> Resolution:
    """Resolve all authors, affiliations, keywords and mentions of a corpus.

    ``documents`` give each mention its sentence and article for context (whose constitution);
    without them only what a mention itself says is used.
    """
    registry = Registry()
    people = People(registry)
    authors = people.add_authors(articles)
    posts = _add_editors(people, documents, articles)
    institutions, places = _affiliations(registry, articles)
    keywords = keyword_concepts(registry, articles)
    mentions = list(mentions)
    contexts = _contexts(documents, articles, mentions)
    resolved = _text_mentions(registry, people, mentions, contexts, thesaurus, posts)
    links = _Links(authors, institutions, keywords, resolved)
    _merge_misspelt(registry, links)
    for merged, kept in renamed({d.id: d.text for d in documents}, links.mentions):
        registry.absorb(merged, kept, "a former name given with the present one")
        links.redirect(merged, kept)
    _merge_act_variants(registry, links)
    label_persons(registry)
    _apply_entity_rules(registry, thesaurus, links)
    return Resolution(dict(sorted(registry.entities.items())), links.authors, links.institutions,
                      places, links.keywords, links.mentions, tuple(registry.merges))


def _add_editors(people: People, documents: Sequence[Document],
                 articles: Sequence[Article]) -> dict[MentionKey, tuple[MentionKey, ...]]:
    """Each issue's editors, one person per place in its kk/ru/en editorial lists; returns
    the institutions of one post in those lists, each mention -> all of them."""
    by_doc: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_doc[a.document_id].append(a)
    posts: dict[MentionKey, tuple[MentionKey, ...]] = {}
    for d in documents:
        front = d.text[:front_matter_end(tuple(by_doc.get(d.id, ())))]
        if front:
            people.add_name_groups(aligned_editors(front), d.id)
            for group in aligned_posts(front):
                keys = tuple((d.id, s, e, "ORG") for s, e in group.values())
                posts.update(dict.fromkeys(keys, keys))
    return posts


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


def _contexts(documents: Sequence[Document], articles: Sequence[Article],
              mentions: Sequence[Mention]) -> dict[str, CountryContext]:
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.document_id].append(m)
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a in articles:
        spans[a.document_id].append((a.span.start, a.span.end))
    return {d.id: CountryContext.of(d.text, by_doc.get(d.id, []), spans.get(d.id, []))
            for d in documents}


def _text_mentions(registry: Registry, people: People, mentions: list[Mention],
                   contexts: dict[str, CountryContext], thesaurus: Thesaurus,
                   posts: dict[MentionKey, tuple[MentionKey, ...]] | None = None
                   ) -> dict[MentionKey, EntityKey]:
    """Thesaurus rules first; then persons (fullest names first), then the rest in order;
    the institutions of one board member's post in the kk/ru/en editorial lists (``posts``)
    are one, keyed by a catalogued name of them, else by the English one."""
    posts = posts or {}
    resolved: dict[MentionKey, EntityKey] = {}
    rest = []
    for m in mentions:
        rule = thesaurus.for_surface(m.text, m.canonical)
        if rule is None:
            rest.append(m)
            continue
        target = rule.target_key
        if target is not None:
            labels = dict([rule.label_lang]) if rule.label_lang else {m.lang: m.canonical}
            registry.add(*target, labels, m.text, m.lang, rule.describe(), alias=m.canonical)
            resolved[_key(m)] = target
        else:
            registry.merges.append(Merge("", "", m.text, m.lang, rule.describe()))
            if rule.target != DROP:
                rest.append(m)
    unlisted = [m for m in rest if m.extractor in CORPUS_KNOWN_ONLY and m.label != PERSON]
    aside = set(unlisted)
    rest = [m for m in rest if m not in aside]
    persons = [m for m in rest if kinds.by_label(m.label) is not None
               and kinds.by_label(m.label).key == "person"]
    taken = {replace(m, label=PERSON): m for m in people_taken_for_other_kinds(rest)}
    for m, key in people.add_mentions(persons + list(taken)).items():
        resolved[_key(taken.get(m, m))] = ("person", key)
    rest = [m for m in rest if _key(m) not in resolved]
    spelled = expansions(rest)
    referred = antecedents(rest)
    # spelled-out names before acronyms, full names before bare heads («the Council»)
    for m in sorted(rest, key=lambda m: (m in spelled, m in referred,
                                         _key(m) in posts and not _catalogued(m),
                                         _key(m) in posts and m.lang != "en")):
        found = kinds.by_label(m.label)
        if found is None or found.key == "person":
            continue
        same = next((resolved[k] for k in posts.get(_key(m), ()) if k in resolved), None)
        if same is not None:
            registry.add(*same, {m.lang: m.canonical}, m.text, m.lang,
                         "the same post in the kk/ru/en editorial lists", alias=m.canonical)
            resolved[_key(m)] = same
            continue
        full = referred.get(m)
        if full is not None and _key(full) in resolved and resolved[_key(full)][0] == found.key:
            target = resolved[_key(full)]
            registry.add(*target, {}, m.text, m.lang, "head noun of a name given before",
                         alias="")
            resolved[_key(m)] = target
            continue
        long = spelled.get(m)
        if long is not None and _key(long) in resolved and not _catalogued(m):
            target = resolved[_key(long)]
            registry.add(*target, {}, m.text, m.lang, "acronym defined in the document",
                         alias=m.canonical)
            resolved[_key(m)] = target
            continue
        if found.key in ("institution", "law"):
            national = national_key(registry, m, contexts.get(m.document_id))
            if national is not None:
                if national[0]:
                    resolved[_key(m)] = national
                continue
        context = contexts.get(m.document_id)
        if found.key == "institution" and _names_act(m):  # НАФТА, EPCA tagged as institutions
            resolved[_key(m)] = act_key(registry, m, "law")
            continue
        if found.key == "institution":
            resolved[_key(m)] = _institution(registry, m, found.key, context)
            continue
        resolver = RESOLVERS.get(found.key, named_key)
        resolved[_key(m)] = resolver(registry, m, found.key)
    resolved.update(_corpus_known(registry, unlisted, resolved))
    return resolved


def _corpus_known(registry: Registry, mentions: list[Mention],
                  resolved: dict[MentionKey, EntityKey]) -> dict[MentionKey, EntityKey]:
    """The ``mentions`` (names no table knows, read where a name is often another
    language's) that are things the corpus already names elsewhere, under this name or in
    Cyrillic when the mention is its transliteration; the others are dropped."""
    out: dict[MentionKey, EntityKey] = {}
    titles: dict[EntityKey, Title] | None = None
    latin: TransliteratedNames | None = None
    for m in mentions:
        found = kinds.by_label(m.label)
        if found is None or found.key == "person":
            continue
        resolver = RESOLVERS.get(found.key, named_key)
        if resolver(Registry(), m, found.key) in registry.entities:  # a scratch registry
            out[_key(m)] = resolver(registry, m, found.key)
            continue
        if is_latin_name(m.text):
            latin = TransliteratedNames.of(registry, resolved) if latin is None else latin
            target = latin.match(found.key, m.canonical or m.text, m.document_id)
            if target is not None:
                out[_key(m)] = target
                registry.add(*target, {}, m.text, m.lang, TRANSLITERATED)
                continue
        title = names_title([(m.lang, m.canonical), (m.lang, m.text)]) \
            if found.key in ACT_KINDS else None
        if title is not None:  # the same act's title worded another way
            titles = _titles(registry) if titles is None else titles
            target = agreeing(title, titles)
            if target is not None:
                out[_key(m)] = target
                registry.add(*target, {}, m.text, m.lang, ACT_VARIANT, alias=m.canonical)
    return out


ACT_KINDS = ("law", "program")
ACT_VARIANT = "one act's title worded another way"


def _act_names(registry: Registry) -> dict[EntityKey, list[tuple[str, str]]]:
    """The labels, aliases and printed forms of every uncatalogued law and program."""
    names: dict[EntityKey, list[tuple[str, str]]] = {
        (kind, key): [*e.labels.items(), *e.aliases]
        for (kind, key), e in registry.entities.items()
        if kind in ACT_KINDS and entry_by_key(key) is None
        and not any(act_number(name) for name in e.labels.values())}  # keyed by their numbers
    for merge in registry.merges:
        if merge.lang and (merge.kind, merge.key) in names:
            names[(merge.kind, merge.key)].append((merge.lang, merge.surface))
    return names


def _titles(registry: Registry) -> dict[EntityKey, Title]:
    """The title (:mod:`.act_variants`) of every uncatalogued act that has one."""
    return {key: title for key, named in sorted(_act_names(registry).items())
            if (title := names_title(named)) is not None}


def _merge_act_variants(registry: Registry, links: _Links) -> None:
    """One uncatalogued act whose title is worded two ways (:mod:`.act_variants`)."""
    counts = Counter(links.mentions.values())
    names = _act_names(registry)
    for kind in ACT_KINDS:
        own = {key: named for (k, key), named in names.items() if k == kind}
        for kept, others in variant_groups(own, {key: counts[(kind, key)] for key in own}):
            for other in others:
                registry.absorb((kind, other), (kind, kept), ACT_VARIANT)
                links.redirect((kind, other), (kind, kept))


def _names_act(m: Mention) -> bool:
    """Is ``m`` the name of a catalogued law or program, and of no catalogued institution?"""
    names = {m.canonical, m.text}
    return (not any(lookup_institution(n, m.lang) for n in names)
            and any(lookup_act(n, m.lang) for n in names))


def _catalogued(m: Mention) -> bool:
    return bool(lookup_institution(m.canonical, m.lang) or lookup_act(m.canonical, m.lang))


def _institution(registry: Registry, m: Mention, kind: str,
                 context: CountryContext | None = None) -> EntityKey:
    if country_of(m) is not None:  # «Кеңес Одағы» tagged as an institution is a country
        return country_or_region(registry, m)
    near = context.country_near(m) if context is not None else None
    return kind, institution_key(registry, m.canonical, m.lang, m.text,
                                 near.iso2 if near is not None else "")


def _region(registry: Registry, m: Mention, kind: str) -> EntityKey:
    return kind, region_key(registry, m.canonical, m.text, m.lang)


#: How a mention of each kind (other than persons) finds its entity; kinds not listed are
#: keyed by their normalised name (:func:`kg.resolve.catalogued.named_key`).
RESOLVERS: dict[str, Callable[[Registry, Mention, str], EntityKey]] = {
    "country": lambda registry, m, _kind: country_or_region(registry, m),
    "institution": lambda registry, m, kind: _institution(registry, m, kind),
    "region": _region,
    "law": act_key,
    "program": act_key,
}


@dataclass
class _Links:
    """Everything that points at an entity key, for the thesaurus to redirect."""

    authors: dict[Occurrence, str]
    institutions: dict[AffiliationPlace, str]
    keywords: dict[KeywordPlace, str]
    mentions: dict[MentionKey, EntityKey]

    def redirect(self, source: EntityKey, target: EntityKey | None) -> None:
        """Point every link to ``source`` at ``target`` (``None``: remove them)."""
        kind, key = source
        singles = {"person": self.authors, "institution": self.institutions,
                   "keyword": self.keywords}
        table = singles.get(kind)
        if table is not None:
            for place, found in list(table.items()):
                if found == key:
                    if target is None or target[0] != kind:
                        del table[place]
                    else:
                        table[place] = target[1]
        for place, found in list(self.mentions.items()):
            if found == source:
                if target is None:
                    del self.mentions[place]
                else:
                    self.mentions[place] = target


def _merge_misspelt(registry: Registry, links: _Links) -> None:
    """One uncatalogued institution whose long name is misspelt in one place (:mod:`.misspelt`)."""
    counts: Counter[str] = Counter(key for kind, key in links.mentions.values() if kind == "institution")
    counts.update(links.institutions.values())
    names = {key: counts[key] for kind, key in registry.entities
             if kind == "institution" and entry_by_key(key) is None}
    for lost, kept in misspelt_pairs(names):
        registry.absorb(("institution", lost), ("institution", kept), "a misspelt name of one institution")
        links.redirect(("institution", lost), ("institution", kept))


def _apply_entity_rules(registry: Registry, thesaurus: Thesaurus, links: _Links) -> None:
    for rule in thesaurus.entity_rules:
        source = rule.match_key
        if source is None or source not in registry.entities and not rule.target_key:
            continue
        if rule.target == DROP:
            registry.entities.pop(source, None)
            links.redirect(source, None)
            registry.merges.append(Merge(*source, rule.match, "", rule.describe()))
            continue
        target = rule.target_key or source
        if target != source:
            registry.absorb(source, target, rule.describe())
            links.redirect(source, target)
        if rule.label_lang and target in registry.entities:
            lang, text = rule.label_lang
            entity = registry.entities[target]
            registry.entities[target] = Entity(entity.kind, entity.key,
                                               {**entity.labels, lang: text}, entity.aliases,
                                               entity.ids)
            registry.merges.append(Merge(*target, text, lang, rule.describe()))


def _key(m: Mention) -> MentionKey:
    return (m.document_id, m.start, m.end, m.label)
