"""Map articles, entities and mentions to RDF: one named graph per source document.

Every IRI comes from :mod:`kg.iri` (stable keys); literals carry language tags.
Entity descriptions (types, labels, identifiers) go to the ``entities`` graph,
document facts (articles, authorship, mentions with their evidence) to the
document's own graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.iri import DEFAULT_BASE, mint, slug
from kg.model import Article, Document, Mention
from kg.resolve import Entity, Resolution
from kg.segment.masthead import issue_year
from kg.vocab import KG, SCHEMA

ENTITY_CLASSES = {
    "person": (KG.Person, SCHEMA.Person),
    "institution": (KG.Institution, SCHEMA.Organization),
    "country": (KG.Country, SCHEMA.Country),
    "region": (KG.Region, SCHEMA.Place),
    "law": (KG.Law, SCHEMA.Legislation),
    "program": (KG.Program,),
    "keyword": (KG.Keyword, SKOS.Concept),
}
WIKIDATA = Namespace("http://www.wikidata.org/entity/")
ORCID = Namespace("https://orcid.org/")


@dataclass(frozen=True)
class Minter:
    """IRIs under one base."""

    base: str = DEFAULT_BASE

    def __call__(self, kind: str, key: str) -> URIRef:
        return URIRef(mint(kind, key, self.base))

    def graph(self, name: str) -> URIRef:
        return URIRef(mint("graph", name, self.base))

    def document(self, doc_id: str) -> URIRef:
        return self("document", doc_id)

    def article(self, a: Article) -> URIRef:
        return self("article", f"{a.document_id}-{a.order}")


def build_dataset(
    documents: Iterable[tuple[Document, tuple[Article, ...], tuple[Mention, ...]]],
    resolution: Resolution,
    base: str = DEFAULT_BASE,
) -> Dataset:
    """The whole corpus as an rdflib Dataset (entities graph + one graph per document)."""
    iri = Minter(base)
    ds = Dataset()
    entities = ds.graph(iri.graph("entities"))
    for entity in resolution.entities.values():
        add_entity(entities, entity, iri)
    for doc, articles, mentions in documents:
        g = ds.graph(iri.graph(f"document/{doc.id}"))
        add_document(g, doc, articles, mentions, resolution, iri)
    return ds


def add_entity(g: Graph, e: Entity, iri: Minter) -> None:
    """Types, language-tagged labels and external identifiers of one entity."""
    node = iri(e.kind, e.key)
    for cls in ENTITY_CLASSES[e.kind]:
        g.add((node, RDF.type, cls))
    for lang, label in e.labels.items():
        g.add((node, RDFS.label, Literal(label, lang=lang)))
        if e.kind == "person":
            g.add((node, SCHEMA.name, Literal(label, lang=lang)))
        if e.kind == "keyword":
            g.add((node, SKOS.prefLabel, Literal(label, lang=lang)))
    for alias in e.aliases:
        g.add((node, SKOS.altLabel, Literal(alias)))
    if "wikidata" in e.ids:
        g.add((node, OWL.sameAs, WIKIDATA[e.ids["wikidata"]]))
    if "orcid" in e.ids:
        g.add((node, OWL.sameAs, ORCID[e.ids["orcid"]]))
        g.add((node, KG.orcid, Literal(e.ids["orcid"])))
    if "iso2" in e.ids:
        g.add((node, KG.isoCode, Literal(e.ids["iso2"])))
    if "iso3" in e.ids:
        g.add((node, KG.isoCode3, Literal(e.ids["iso3"])))


def add_document(g: Graph, doc: Document, articles: tuple[Article, ...],
                 mentions: tuple[Mention, ...], r: Resolution, iri: Minter) -> None:
    """The facts of one source document."""
    source = iri.document(doc.id)
    g.add((source, RDF.type, KG.SourceDocument))
    g.add((source, RDF.type, SCHEMA.DigitalDocument))
    g.add((source, SCHEMA.name, Literal(_file_name(doc))))
    g.add((source, KG.contentHash, Literal(doc.id)))
    issue = iri("issue", doc.id)
    headed = [a for a in articles if a.has_header]
    if headed:
        g.add((issue, RDF.type, KG.JournalIssue))
        g.add((issue, RDF.type, SCHEMA.PublicationIssue))
        g.add((issue, KG.sourceDocument, source))
        g.add((issue, RDFS.label, Literal(_file_name(doc))))
        year = issue_year(doc.text[: headed[0].span.start])
        if year:
            g.add((issue, KG.issueYear, Literal(year, datatype=XSD.integer)))
    for a in articles:
        _add_article(g, doc, a, issue, source, r, iri)
    by_article = _articles_of(articles)
    for m in mentions:
        _add_mention(g, doc, m, by_article(m), source, r, iri)
    _add_co_mentions(g, doc, mentions, r, iri)


def _add_article(g, doc, a: Article, issue, source, r: Resolution, iri: Minter) -> None:
    node = iri.article(a)
    g.add((node, RDF.type, KG.Article))
    g.add((node, RDF.type, SCHEMA.ScholarlyArticle))
    g.add((node, KG.sourceDocument, source))
    g.add((node, SCHEMA.position, Literal(a.order, datatype=XSD.integer)))
    if a.has_header:
        g.add((node, SCHEMA.isPartOf, issue))
        g.add((node, KG.inIssue, issue))
    for lang, title in a.title.items():
        g.add((node, SCHEMA.name, Literal(title, lang=lang)))
        g.add((node, RDFS.label, Literal(title, lang=lang)))
    for lang, text in a.abstract.items():
        g.add((node, SCHEMA.abstract, Literal(text, lang=lang)))
    if a.doi:
        g.add((node, KG.doi, Literal(a.doi)))
    if not a.title:  # a header-less body (lecture notes): named after its file
        lang = doc.langs[0] if doc.langs else "kk"
        g.add((node, SCHEMA.name, Literal(_file_name(doc), lang=lang)))
        g.add((node, RDFS.label, Literal(_file_name(doc), lang=lang)))
    for i, author in enumerate(a.authors):
        key = r.authors.get((a.document_id, a.order, i))
        if key is None:
            continue
        person = iri("person", key)
        g.add((node, SCHEMA.author, person))
        ship = iri("authorship", f"{a.document_id}-{a.order}-{i + 1}")
        g.add((ship, RDF.type, KG.Authorship))
        g.add((ship, KG.authorshipArticle, node))
        g.add((ship, KG.authorshipPerson, person))
        g.add((ship, KG.authorPosition, Literal(i + 1, datatype=XSD.integer)))
        g.add((node, KG.hasAuthorship, ship))
    for j, aff in enumerate(a.affiliations):
        inst_key = r.institutions.get((a.document_id, a.order, j))
        if inst_key is None:
            continue
        inst = iri("institution", inst_key)
        for i in aff.author_index:
            person_key = r.authors.get((a.document_id, a.order, i))
            if person_key is None:
                continue
            person = iri("person", person_key)
            event = iri("affiliation", f"{a.document_id}-{a.order}-{j + 1}-{i + 1}")
            g.add((event, RDF.type, KG.AffiliationEvent))
            g.add((event, KG.affiliationPerson, person))
            g.add((event, KG.affiliationArticle, node))
            g.add((event, KG.affiliationText, Literal(aff.text)))
            g.add((event, KG.affiliationInstitution, inst))
            city, country = r.places.get((a.document_id, a.order, j), (None, None))
            for prop, kind, key in ((KG.city, "region", city), (KG.country, "country", country)):
                if key:
                    g.add((event, prop, iri(kind, key)))
                    g.add((inst, prop, iri(kind, key)))
            g.add((person, SCHEMA.affiliation, inst))
            g.add((person, KG.affiliatedWith, inst))
    for lang, words in a.keywords.items():
        for k, word in enumerate(words):
            key = r.keywords.get((a.document_id, a.order, lang, k))
            if key is None:
                continue
            concept = iri("keyword", key)
            g.add((node, SCHEMA.about, concept))
            g.add((node, KG.hasKeyword, concept))
            g.add((node, SCHEMA.keywords, Literal(word, lang=lang)))
    for n, ref in enumerate(a.references, 1):
        ref_node = iri("reference", f"{a.document_id}-{a.order}-{n}")
        g.add((ref_node, RDF.type, KG.Reference))
        g.add((ref_node, KG.referenceText, Literal(ref.text)))
        if ref.year:
            g.add((ref_node, KG.referenceYear, Literal(ref.year, datatype=XSD.integer)))
        if ref.doi:
            g.add((ref_node, KG.doi, Literal(ref.doi)))
        g.add((node, KG.cites, ref_node))


def _file_name(doc: Document) -> str:
    return doc.source.replace("\\", "/").rsplit("/", 1)[-1]


def _add_co_mentions(g: Graph, doc: Document, mentions: tuple[Mention, ...], r: Resolution,
                     iri: Minter) -> None:
    """``kg:coMentionedWith`` between entities named in the same sentence."""
    by_sentence: dict[tuple[int, int], set[URIRef]] = {}
    for m in mentions:
        resolved = r.mentions.get((m.document_id, m.start, m.end, m.label))
        if resolved:
            by_sentence.setdefault(sentence_bounds(doc.text, m.start, m.end), set()).add(iri(*resolved))
    for entities in by_sentence.values():
        for a in entities:
            for b in entities:
                if a != b:
                    g.add((a, KG.coMentionedWith, b))


def _articles_of(articles: tuple[Article, ...]):
    spans = sorted((a.span.start, a.span.end, a) for a in articles)

    def find(m: Mention) -> Article | None:
        return next((a for s, e, a in spans if s <= m.start < e), None)

    return find


def _add_mention(g, doc: Document, m: Mention, article: Article | None, source,
                 r: Resolution, iri: Minter) -> None:
    resolved = r.mentions.get((m.document_id, m.start, m.end, m.label))
    if resolved is None:
        return
    kind, key = resolved
    entity = iri(kind, key)
    node = iri("mention", f"{doc.id}-{m.start}-{m.end}-{slug(m.label)}")
    g.add((node, RDF.type, KG.Mention))
    g.add((node, RDF.type, PROV.Entity))
    g.add((node, KG.mentionOf, entity))
    g.add((node, KG.mentionStart, Literal(m.start, datatype=XSD.integer)))
    g.add((node, KG.mentionEnd, Literal(m.end, datatype=XSD.integer)))
    g.add((node, KG.mentionText, Literal(m.text)))
    g.add((node, KG.sentenceText, Literal(sentence_around(doc.text, m.start, m.end))))
    g.add((node, KG.extractor, Literal(m.extractor or "kazkg")))
    g.add((node, PROV.wasDerivedFrom, source))
    g.add((node, DCTERMS.language, Literal(m.lang)))
    if article is not None:
        art = iri.article(article)
        g.add((node, KG.mentionIn, art))
        g.add((art, SCHEMA.mentions, entity))
        g.add((art, KG.mentions, entity))


_BOUNDARY = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9])|\n\s*\n")


def sentence_around(text: str, start: int, end: int, window: int = 600) -> str:
    """The sentence containing ``text[start:end]`` (bounded by ``window`` characters).

    >>> sentence_around("Бірінші сөйлем. Қазақстан тәуелсіз ел. Үшінші.", 16, 25)
    'Қазақстан тәуелсіз ел.'
    """
    left, right = sentence_bounds(text, start, end, window)
    return re.sub(r"\s+", " ", text[left:right]).strip()


def sentence_bounds(text: str, start: int, end: int, window: int = 600) -> tuple[int, int]:
    """Start and end offsets of the sentence around ``text[start:end]``."""
    lo, hi = max(0, start - window), min(len(text), end + window)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, min(len(text), start + 2)):
        if m.end() <= start:
            left = m.end()
    right_match = _BOUNDARY.search(text, end, hi)
    return left, (right_match.start() if right_match else hi)
