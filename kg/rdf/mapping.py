"""Map articles, entities and mentions to RDF: one named graph per source document.

Every IRI comes from :mod:`kg.iri` (stable keys); literals carry language tags.
Entity descriptions (types, labels, identifiers) go to the ``entities`` graph,
document facts (articles, authorship, mentions with their evidence) to the
document's own graph. Statements are N-Quads lines (:mod:`kg.rdf.terms`), one graph at a time,
so a corpus never has to be held as RDF objects.

>>> from kg.model import Article, Document, Span
>>> from kg.resolve import resolve
>>> doc = Document("d1", "x.txt", "Title", "utf-8", ("en",))
>>> art = Article("d1", "x.txt", 1, Span(0, 5), Span(0, 5), title={"en": "Title"})
>>> g = document_graph(doc, (art,), (), resolve([art], []))
>>> [line.split()[:3] for line in g.sorted() if "@en" in line][0]
['<https://w3id.org/kazkg/id/article/d1-1>', '<http://schema.org/name>', '"Title"@en']
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS

from kg import kinds
from kg.iri import (
    DEFAULT_BASE,
    affiliation_key,
    article_key,
    authorship_key,
    document_graph_key,
    mention_key,
    mint,
    reference_key,
)
from kg.model import CONTENTS_SOURCE, REFERENCE_SOURCE, REFERENCE_SOURCES, Article, Document, Mention
from kg.rdf.biblio import add_issue, add_reference_parts, law_names
from kg.rdf.terms import GraphLines, integer, literal
from kg.rdf.terms import iri as term
from kg.rdf.vocab import KG, SCHEMA
from kg.resolve import Entity, Resolution
from kg.segment.editors import EXTRACTOR as EDITOR
from kg.segment.editors import front_matter_end
from kg.segment.masthead import read_masthead
from kg.text.latin_lang import latin_tag
from kg.text.sentences import sentence_around, sentence_bounds

#: Extractors of the front matter, in no sentence of prose. An editor's mention is in the
#: issue (``kg:mentionIn``); the cover's and the contents' names are in no article nor issue
#: (they repeat the articles' bylines and titles), only in their document.
_FRONT = frozenset({EDITOR, CONTENTS_SOURCE})


def t(value) -> str:
    """A vocabulary IRI (rdflib term or string) as N-Triples text."""
    return term(str(value))


def entity_classes(kind: str) -> tuple[str, ...]:
    """The classes an entity of ``kind`` is typed with (ours, then the aligned ones).

    >>> entity_classes("law")
    ('<https://w3id.org/kazkg/ontology#Law>', '<http://schema.org/Legislation>')
    """
    k = kinds.kind(kind)
    return (term(k.class_iri), *(term(c) for c in k.aligned))


#: Properties that repeat an entity's labels, by kind.
LABEL_PROPERTIES: dict[str, tuple[str, ...]] = {"person": (t(SCHEMA.name),), "keyword": (t(SKOS.prefLabel),)}
WIKIDATA = "http://www.wikidata.org/entity/"
ROR = "https://ror.org/"
ORCID = "https://orcid.org/"
#: The IRI of an entity's external identifier, by scheme (``Entity.ids``), for ``owl:sameAs``.
SAME_AS: dict[str, str] = {"wikidata": WIKIDATA + "{}", "ror": ROR + "{}", "orcid": ORCID + "{}",
                           "geonames": "https://sws.geonames.org/{}/"}
#: Identifiers also given as plain literals, by scheme.
ID_LITERALS = {"orcid": KG.orcid, "iso2": KG.isoCode, "iso3": KG.isoCode3}


@dataclass(frozen=True)
class Minter:
    """IRIs under one base, as N-Triples text.

    >>> Minter("http://e/")("person", "a")
    '<http://e/person/a>'
    """

    base: str = DEFAULT_BASE

    def __call__(self, kind: str, key: str) -> str:
        return term(mint(kind, key, self.base))

    def graph(self, name: str) -> str:
        return mint("graph", name, self.base)

    def document(self, doc_id: str) -> str:
        return self("document", doc_id)

    def article(self, a: Article) -> str:
        return self("article", article_key(a.document_id, a.order))


def entities_graph(resolution: Resolution, base: str = DEFAULT_BASE) -> GraphLines:
    """The ``entities`` graph: every resolved entity."""
    iri = Minter(base)
    g = GraphLines(iri.graph("entities"))
    for entity in resolution.entities.values():
        add_entity(g, entity, iri)
    return g


def document_graph(doc: Document, articles: tuple[Article, ...], mentions: tuple[Mention, ...],
                   resolution: Resolution, base: str = DEFAULT_BASE,
                   laws: dict[str, list[str]] | None = None) -> GraphLines:
    """The graph of one source document (``laws``: :func:`law_names` of the resolution, if
    the caller already has them)."""
    iri = Minter(base)
    g = GraphLines(iri.graph(document_graph_key(doc.id)))
    add_document(g, doc, articles, mentions, resolution, iri, laws)
    return g


def corpus_graphs(
    documents: Iterable[tuple[Document, tuple[Article, ...], tuple[Mention, ...]]],
    resolution: Resolution,
    base: str = DEFAULT_BASE,
) -> Iterable[GraphLines]:
    """The entities graph, then one graph per document (made one at a time)."""
    yield entities_graph(resolution, base)
    laws = law_names(resolution.entities)  # once for the corpus, not per document
    for doc, articles, mentions in documents:
        yield document_graph(doc, articles, mentions, resolution, base, laws)


def add_entity(g: GraphLines, e: Entity, iri: Minter) -> None:
    """Types, language-tagged labels and external identifiers of one entity."""
    node = iri(e.kind, e.key)
    for cls in entity_classes(e.kind):
        g.add(node, t(RDF.type), cls)
    for lang, label in e.labels.items():
        for prop in (t(RDFS.label), *LABEL_PROPERTIES.get(e.kind, ())):
            g.add(node, prop, literal(label, lang))
    for lang, alias in e.aliases:  # "Qazaqstan Respublikasy…" from an English entry is kk-Latn
        g.add(node, t(SKOS.altLabel), literal(alias, latin_tag(alias, lang) if lang else None))
    for scheme, value in e.ids.items():
        if scheme in SAME_AS:
            g.add(node, t(OWL.sameAs), term(SAME_AS[scheme].format(value)))
        if scheme in ID_LITERALS:
            g.add(node, t(ID_LITERALS[scheme]), literal(value))


def add_document(g: GraphLines, doc: Document, articles: tuple[Article, ...],
                 mentions: tuple[Mention, ...], r: Resolution, iri: Minter,
                 laws: dict[str, list[str]] | None = None) -> None:
    """The facts of one source document."""
    source = iri.document(doc.id)
    g.add(source, t(RDF.type), t(KG.SourceDocument))
    g.add(source, t(RDF.type), t(SCHEMA.DigitalDocument))
    g.add(source, t(SCHEMA.name), literal(_file_name(doc)))
    g.add(source, t(KG.contentHash), literal(doc.id))
    issue = iri("issue", doc.id)
    headed = [a for a in articles if a.has_header]
    if headed:
        g.add(issue, t(RDF.type), t(KG.JournalIssue))
        g.add(issue, t(RDF.type), t(SCHEMA.PublicationIssue))
        g.add(issue, t(KG.sourceDocument), source)
        masthead = read_masthead(doc.text[: front_matter_end(articles)], doc.text, [a.doi for a in headed if a.doi])
        add_issue(g, issue, masthead, _file_name(doc), iri)
    laws = law_names(r.entities) if laws is None else laws
    by_article = _articles_of(articles)
    cited = _cited_people(mentions, by_article, r, iri)
    for a in articles:
        _add_article(g, doc, a, issue, source, r, iri, laws, cited.get(a.order, {}))
    for m in mentions:
        _add_mention(g, doc, m, by_article(m), source, r, iri,
                     issue if headed and m.extractor == EDITOR else None)
    if headed:
        _add_editors(g, issue, mentions, r, iri)
    _add_co_mentions(g, doc, tuple(m for m in mentions if m.extractor not in _FRONT), r, iri)
    _add_parents(g, mentions, r, iri)


def _cited_people(mentions: tuple[Mention, ...], by_article, r: Resolution,
                  iri: Minter) -> dict[int, dict[str, str]]:
    """Article order -> a reference author's name as printed -> the person it resolved to."""
    out: dict[int, dict[str, str]] = {}
    for m in mentions:
        resolved = r.mentions.get((m.document_id, m.start, m.end, m.label))
        article = by_article(m) if m.extractor == REFERENCE_SOURCE and resolved else None
        if article is not None and resolved[0] == "person":
            out.setdefault(article.order, {})[m.canonical] = iri(*resolved)
    return out


def _add_article(g, doc, a: Article, issue, source, r: Resolution, iri: Minter, laws,
                 cited: dict[str, str]) -> None:
    node = iri.article(a)
    g.add(node, t(RDF.type), t(KG.Article))
    g.add(node, t(RDF.type), t(SCHEMA.ScholarlyArticle))
    g.add(node, t(KG.sourceDocument), source)
    g.add(node, t(SCHEMA.position), integer(a.order))
    if a.has_header:
        g.add(node, t(SCHEMA.isPartOf), issue)
        g.add(node, t(KG.inIssue), issue)
    for lang, title in a.title.items():
        g.add(node, t(SCHEMA.name), literal(title, lang))
        g.add(node, t(RDFS.label), literal(title, lang))
    for lang, text in a.abstract.items():
        g.add(node, t(SCHEMA.abstract), literal(text, lang))
    if a.doi:
        g.add(node, t(KG.doi), literal(a.doi))
    if not a.title:  # a header-less body (lecture notes): named after its file
        lang = doc.langs[0] if doc.langs else "kk"
        g.add(node, t(SCHEMA.name), literal(_file_name(doc), lang))
        g.add(node, t(RDFS.label), literal(_file_name(doc), lang))
    _add_authorships(g, a, node, r, iri)
    _add_affiliations(g, a, node, r, iri)
    _add_keywords(g, a, node, r, iri)
    _add_references(g, a, node, iri, laws, cited)


def _add_authorships(g: GraphLines, a: Article, node: str, r: Resolution, iri: Minter) -> None:
    for i, _ in enumerate(a.authors):
        key = r.authors.get((a.document_id, a.order, i))
        if key is None:
            continue
        person = iri("person", key)
        g.add(node, t(SCHEMA.author), person)
        ship = iri("authorship", authorship_key(a.document_id, a.order, i + 1))
        g.add(ship, t(RDF.type), t(KG.Authorship))
        g.add(ship, t(KG.authorshipArticle), node)
        g.add(ship, t(KG.authorshipPerson), person)
        g.add(ship, t(KG.authorPosition), integer(i + 1))
        g.add(node, t(KG.hasAuthorship), ship)


def _add_affiliations(g: GraphLines, a: Article, node: str, r: Resolution, iri: Minter) -> None:
    for j, aff in enumerate(a.affiliations):
        inst_key = r.institutions.get((a.document_id, a.order, j))
        if inst_key is None:
            continue
        inst = iri("institution", inst_key)
        city, country = r.places.get((a.document_id, a.order, j), (None, None))
        for i in aff.author_index:
            person_key = r.authors.get((a.document_id, a.order, i))
            if person_key is None:
                continue
            person = iri("person", person_key)
            event = iri("affiliation", affiliation_key(a.document_id, a.order, j + 1, i + 1))
            g.add(event, t(RDF.type), t(KG.AffiliationEvent))
            g.add(event, t(KG.affiliationPerson), person)
            g.add(event, t(KG.affiliationArticle), node)
            g.add(event, t(KG.affiliationText), literal(aff.text))
            if aff.institution and aff.institution != aff.text:
                g.add(event, t(KG.affiliationName), literal(aff.institution))
            g.add(event, t(KG.affiliationInstitution), inst)
            for prop, kind, key in ((t(KG.city), "region", city), (t(KG.country), "country", country)):
                if key:
                    g.add(event, prop, iri(kind, key))
                    g.add(inst, prop, iri(kind, key))
            g.add(person, t(SCHEMA.affiliation), inst)
            g.add(person, t(KG.affiliatedWith), inst)


def _add_keywords(g: GraphLines, a: Article, node: str, r: Resolution, iri: Minter) -> None:
    for lang, words in a.keywords.items():
        for k, word in enumerate(words):
            key = r.keywords.get((a.document_id, a.order, lang, k))
            if key is None:
                continue
            concept = iri("keyword", key)
            g.add(node, t(SCHEMA.about), concept)
            g.add(node, t(KG.hasKeyword), concept)
            g.add(node, t(SCHEMA.keywords), literal(word, lang))


def _add_references(g: GraphLines, a: Article, node: str, iri: Minter, laws,
                    cited: dict[str, str]) -> None:
    for n, ref in enumerate(a.references, 1):
        ref_node = iri("reference", reference_key(a.document_id, a.order, n))
        g.add(ref_node, t(RDF.type), t(KG.Reference))
        g.add(ref_node, t(KG.referenceText), literal(ref.text))
        if ref.year:
            g.add(ref_node, t(KG.referenceYear), integer(ref.year))
        if ref.doi:
            g.add(ref_node, t(KG.doi), literal(ref.doi))
        g.add(node, t(KG.cites), ref_node)
        add_reference_parts(g, ref_node, ref, laws, iri, cited)


def _file_name(doc: Document) -> str:
    return doc.source.replace("\\", "/").rsplit("/", 1)[-1]


def _add_co_mentions(g: GraphLines, doc: Document, mentions: tuple[Mention, ...], r: Resolution,
                     iri: Minter) -> None:
    """``kg:coMentionedWith`` between entities named in the same sentence."""
    by_sentence: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        resolved = r.mentions.get((m.document_id, m.start, m.end, m.label))
        if resolved:
            by_sentence.setdefault(sentence_bounds(doc.text, m.start, m.end), set()).add(iri(*resolved))
    for entities in by_sentence.values():
        for a in entities:
            for b in entities:
                if a != b:
                    g.add(a, t(KG.coMentionedWith), b)


def _add_editors(g: GraphLines, issue, mentions: tuple[Mention, ...], r: Resolution, iri: Minter) -> None:
    """``schema:editor`` from the issue to each person its front matter lists."""
    for m in mentions:
        resolved = (r.mentions.get((m.document_id, m.start, m.end, m.label))
                    if m.extractor == EDITOR and m.label == "PERSON" else None)
        if resolved:
            g.add(issue, t(SCHEMA.editor), iri(*resolved))


def _add_parents(g: GraphLines, mentions: tuple[Mention, ...], r: Resolution, iri: Minter) -> None:
    """``org:subOrganizationOf`` from a unit to the parent named inside its span."""
    units = [m for m in mentions if not m.nested_parent]
    for m in mentions:
        if not m.nested_parent:
            continue
        parent = r.mentions.get((m.document_id, m.start, m.end, m.label))
        for u in units:
            if u.start <= m.start and m.end <= u.end and u.label == m.label:
                unit = r.mentions.get((u.document_id, u.start, u.end, u.label))
                if parent and unit and unit != parent:
                    g.add(iri(*unit), t(ORG.subOrganizationOf), iri(*parent))


def _articles_of(articles: tuple[Article, ...]):
    spans = sorted((a.span.start, a.span.end, a) for a in articles)

    def find(m: Mention) -> Article | None:
        return next((a for s, e, a in spans if s <= m.start < e), None)

    return find


def _add_mention(g, doc: Document, m: Mention, article: Article | None, source,
                 r: Resolution, iri: Minter, issue: str | None = None) -> None:
    resolved = r.mentions.get((m.document_id, m.start, m.end, m.label))
    if resolved is None:
        return
    kind, key = resolved
    entity = iri(kind, key)
    node = iri("mention", mention_key(doc.id, m.start, m.end, m.label))
    g.add(node, t(RDF.type), t(KG.Mention))
    g.add(node, t(RDF.type), t(PROV.Entity))
    g.add(node, t(KG.mentionOf), entity)
    g.add(node, t(KG.mentionStart), integer(m.start))
    g.add(node, t(KG.mentionEnd), integer(m.end))
    g.add(node, t(KG.mentionText), literal(m.text))
    g.add(node, t(KG.sentenceText), literal(sentence_around(doc.text, m.start, m.end)))
    g.add(node, t(KG.extractor), literal(m.extractor or "kazkg"))
    g.add(node, t(PROV.wasDerivedFrom), source)
    g.add(node, t(DCTERMS.language), literal(m.lang))
    if article is None and issue is not None:
        g.add(node, t(KG.mentionIn), issue)  # the front matter: an editor of the issue
    if article is not None:
        art = iri.article(article)
        g.add(node, t(KG.mentionIn), art)
        if m.extractor not in REFERENCE_SOURCES or m.label == "LAW":  # a cited work's author or
            g.add(art, t(SCHEMA.mentions), entity)               # publisher is not a subject
            g.add(art, t(KG.mentions), entity)
