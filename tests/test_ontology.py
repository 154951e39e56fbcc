"""The ontology: parses, is labelled in three languages, aligns, and matches kg/rdf/vocab.py."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS

from kg.rdf.ontology import CONTEXT, ONTOLOGY, SHAPES, ontology_dir
from kg.rdf.vocab import BIBO, FABIO, KG, SCHEMA

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns under pytest
NS = str(KG._NS)
ONTOLOGY_IRI = URIRef("https://w3id.org/kazkg/ontology")
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / ONTOLOGY, format="turtle")


def kg_terms(graph: Graph, kind: URIRef | None = None) -> set[URIRef]:
    kinds = (kind,) if kind else KINDS
    return {s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(NS)}


def kg_iris_in(text: str) -> set[str]:
    """Every kg: term written as a prefixed name or a full IRI in a file's text."""
    names = set(re.findall(r"(?<![\w-])kg:([A-Za-z_][\w]*)", text))
    names |= set(re.findall(re.escape(NS) + r"([A-Za-z_]\w*)", text))
    return names


def test_ontology_header(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(f"{ONTOLOGY_IRI}/0.1.0")
    license_ = URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert onto.value(ONTOLOGY_IRI, DCTERMS.license) == license_
    assert onto.value(ONTOLOGY_IRI, DCTERMS.created).datatype == XSD.date
    for prop in (DCTERMS.title, DCTERMS.description):
        assert {o.language for o in onto.objects(ONTOLOGY_IRI, prop)} == {"en", "kk", "ru"}


def test_expected_terms_are_defined(onto: Graph) -> None:
    classes = {t.removeprefix(NS) for t in kg_terms(onto, OWL.Class)}
    assert classes == {
        "NamedEntity", "Person", "Institution", "Country", "Region", "Law", "Program",
        "Article", "Journal", "JournalIssue", "Keyword", "Reference", "Mention", "Authorship",
        "AffiliationEvent", "SourceDocument", "AnalyticsResult", "Network",
    }  # fmt: skip
    properties = {t.removeprefix(NS) for t in kg_terms(onto) - kg_terms(onto, OWL.Class)}
    assert properties == {
        "hasAuthorship", "authorshipPerson", "authorshipArticle", "authorPosition",
        "affiliatedWith", "affiliationPerson", "affiliationInstitution", "affiliationArticle",
        "affiliationText", "affiliationName", "city", "country", "mentions", "mentionOf", "mentionIn",
        "mentionStart", "mentionEnd", "mentionText", "sentenceText", "extractor",
        "coMentionedWith", "cites", "referenceText", "referenceYear", "doi", "hasKeyword",
        "issuedBy", "adoptedBy", "isoCode", "isoCode3", "orcid", "inIssue", "inJournal",
        "issueYear", "sourceDocument", "contentHash", "node", "measure", "network", "score",
        "parameters", "community", "computedAt", "doiPrefix", "referenceAuthor", "referenceContainer",
    }  # fmt: skip


@pytest.mark.parametrize("prop", [RDFS.label, SKOS.definition], ids=["label", "definition"])
def test_every_term_has_one_text_per_language(onto: Graph, prop: URIRef) -> None:
    for term in kg_terms(onto):
        langs = sorted(o.language for o in onto.objects(term, prop))
        assert langs == ["en", "kk", "ru"], (term, prop)


def test_kazakh_and_russian_texts_are_not_swapped(onto: Graph) -> None:
    for term in kg_terms(onto):
        for text in onto.objects(term, SKOS.definition):
            letters = set(str(text))
            if text.language == "kk":
                assert letters & KAZAKH_LETTERS, (term, str(text))
            if text.language == "ru":
                assert not letters & KAZAKH_LETTERS, (term, str(text))


def test_terms_are_defined_by_the_ontology(onto: Graph) -> None:
    for term in kg_terms(onto):
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in onto


def test_no_punning(onto: Graph) -> None:
    classes = set(onto.subjects(RDF.type, OWL.Class))
    objects = set(onto.subjects(RDF.type, OWL.ObjectProperty))
    datatypes = set(onto.subjects(RDF.type, OWL.DatatypeProperty))
    annotations = set(onto.subjects(RDF.type, OWL.AnnotationProperty))
    kinds = [classes, objects, datatypes, annotations]
    for i, first in enumerate(kinds):
        for second in kinds[i + 1 :]:
            assert not first & second
    for sub, sup in onto.subject_objects(RDFS.subPropertyOf):
        assert (sub in objects and sup in objects) or (sub in datatypes and sup in datatypes)
    for sub, sup in onto.subject_objects(RDFS.subClassOf):
        assert sub in classes and sup in classes
    for prop in onto.subjects(RDF.type, OWL.FunctionalProperty):
        assert prop in objects | datatypes


def test_properties_have_domain_and_range_of_the_right_kind(onto: Graph) -> None:
    datatypes = {XSD.integer, XSD.double, XSD.string, XSD.dateTime, RDFS.Literal}
    for prop in kg_terms(onto, OWL.DatatypeProperty):
        assert onto.value(prop, RDFS.domain) is not None, prop
        assert onto.value(prop, RDFS.range) in datatypes, prop
    for prop in kg_terms(onto, OWL.ObjectProperty):
        assert onto.value(prop, RDFS.domain) is not None, prop
        range_ = onto.value(prop, RDFS.range)
        assert range_ not in datatypes, prop
        assert range_ is not None or prop == KG.node, prop


def test_every_kg_name_used_in_the_ontology_is_defined(onto: Graph) -> None:
    used = {t for triple in onto for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    assert used <= kg_terms(onto)


@pytest.mark.parametrize("name", [SHAPES, CONTEXT])
def test_kg_terms_of_shapes_and_context_exist(onto: Graph, name: str) -> None:
    defined = {t.removeprefix(NS) for t in kg_terms(onto)}
    used = kg_iris_in((ontology_dir() / name).read_text(encoding="utf-8"))
    assert used, name
    assert used <= defined, sorted(used - defined)


def test_context_maps_every_term(onto: Graph) -> None:
    context = json.loads((ontology_dir() / CONTEXT).read_text(encoding="utf-8"))["@context"]
    assert context["@version"] == 1.1
    assert context["kg"] == NS
    mapped = {v["@id"] if isinstance(v, dict) else v for v in context.values()}
    assert {f"kg:{t.removeprefix(NS)}" for t in kg_terms(onto)} <= mapped


@pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")  # rdflib's JSON-LD plugin
def test_context_expands_typed_and_multilingual_values() -> None:
    context = json.loads((ontology_dir() / CONTEXT).read_text(encoding="utf-8"))
    doc = {
        **context,
        "id": "https://w3id.org/kazkg/id/mention/m1",
        "type": "Mention",
        "mentionStart": 3,
        "mentionEnd": 13,
        "mentionOf": "https://w3id.org/kazkg/id/country/kz",
        "label": {"kk": "Қазақстан", "ru": "Казахстан"},
        "sameAs": "wd:Q232",
    }
    g = Graph()
    for s, p, o, _ in Dataset().parse(data=json.dumps(doc), format="json-ld").quads():
        g.add((s, p, o))
    m = URIRef("https://w3id.org/kazkg/id/mention/m1")
    assert (m, RDF.type, KG.Mention) in g
    assert (m, KG.mentionStart, Literal(3, datatype=XSD.integer)) in g
    assert (m, KG.mentionOf, URIRef("https://w3id.org/kazkg/id/country/kz")) in g
    assert (m, RDFS.label, Literal("Қазақстан", lang="kk")) in g
    assert (m, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q232")) in g


def _vocab_comments() -> dict[str, str]:
    """``name: URIRef  # comment`` lines of kg/rdf/vocab.py's KG class, as {name: comment}."""
    source = (Path(__file__).resolve().parent.parent / "kg" / "rdf" / "vocab.py").read_text("utf-8")
    cls = next(
        node
        for node in ast.parse(source).body
        if isinstance(node, ast.ClassDef) and node.name == "KG"
    )
    lines = source.splitlines()
    comments = {}
    for node in cls.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            line = lines[node.lineno - 1]
            comments[node.target.id] = line.partition("#")[2].strip()
    return comments


def test_vocab_matches_ontology_both_ways(onto: Graph) -> None:
    in_ontology = {t.removeprefix(NS) for t in kg_terms(onto)}
    in_vocab = {name for name in KG.__annotations__ if not name.startswith("_")}
    assert in_vocab - in_ontology == set(), "in kg/rdf/vocab.py but not in the ontology"
    assert in_ontology - in_vocab == set(), "in the ontology but not in kg/rdf/vocab.py"


def test_vocab_comments_are_the_english_definitions(onto: Graph) -> None:
    for name, comment in _vocab_comments().items():
        definition = next(
            str(d) for d in onto.objects(KG[name], SKOS.definition) if d.language == "en"
        )
        assert comment == definition, name


def test_misspelled_term_raises() -> None:
    assert KG.Person == URIRef(NS + "Person")
    with pytest.raises(AttributeError):
        KG.Persn  # noqa: B018
    with pytest.raises(AttributeError):
        KG["mentionstart"]


ALIGNMENTS = [
    (KG.Person, RDFS.subClassOf, SCHEMA.Person),
    (KG.Person, RDFS.subClassOf, FOAF.Person),
    (KG.Person, RDFS.subClassOf, PROV.Agent),
    (KG.Institution, RDFS.subClassOf, SCHEMA.Organization),
    (KG.Institution, RDFS.subClassOf, ORG.Organization),
    (KG.Institution, RDFS.subClassOf, FOAF.Organization),
    (KG.Country, RDFS.subClassOf, SCHEMA.Country),
    (KG.Region, RDFS.subClassOf, SCHEMA.Place),
    (KG.Law, RDFS.subClassOf, SCHEMA.Legislation),
    (KG.Program, RDFS.subClassOf, PROV.Plan),
    (KG.Program, RDFS.subClassOf, SCHEMA.CreativeWork),
    (KG.Article, RDFS.subClassOf, SCHEMA.ScholarlyArticle),
    (KG.Article, RDFS.subClassOf, BIBO.AcademicArticle),
    (KG.Article, RDFS.subClassOf, FABIO.JournalArticle),
    (KG.Journal, RDFS.subClassOf, SCHEMA.Periodical),
    (KG.Journal, RDFS.subClassOf, BIBO.Journal),
    (KG.JournalIssue, RDFS.subClassOf, SCHEMA.PublicationIssue),
    (KG.JournalIssue, RDFS.subClassOf, BIBO.Issue),
    (KG.Keyword, RDFS.subClassOf, SKOS.Concept),
    (KG.Reference, RDFS.subClassOf, BIBO.Document),
    (KG.Mention, RDFS.subClassOf, PROV.Entity),
    (KG.SourceDocument, RDFS.subClassOf, PROV.Entity),
    (KG.SourceDocument, RDFS.subClassOf, SCHEMA.DigitalDocument),
    (KG.Authorship, RDFS.subClassOf, PROV.Attribution),
    (KG.AffiliationEvent, RDFS.subClassOf, ORG.Membership),
    (KG.mentions, RDFS.subPropertyOf, SCHEMA.mentions),
    (KG.inIssue, RDFS.subPropertyOf, SCHEMA.isPartOf),
    (KG.inIssue, RDFS.subPropertyOf, DCTERMS.isPartOf),
    (KG.affiliatedWith, RDFS.subPropertyOf, SCHEMA.affiliation),
    (KG.doi, RDFS.subPropertyOf, BIBO.doi),
    (KG.cites, RDFS.subPropertyOf, BIBO.cites),
    (KG.cites, RDFS.subPropertyOf, DCTERMS.references),
    (KG.hasKeyword, RDFS.subPropertyOf, SCHEMA.about),
    (KG.hasKeyword, RDFS.subPropertyOf, DCTERMS.subject),
    (KG.coMentionedWith, RDF.type, OWL.SymmetricProperty),
    (KG.authorPosition, RDFS.range, XSD.integer),
    (KG.score, RDFS.range, XSD.double),
]


@pytest.mark.parametrize("triple", ALIGNMENTS, ids=lambda t: f"{t[0].fragment}-{t[2]}")
def test_alignment(onto: Graph, triple: tuple[URIRef, URIRef, URIRef]) -> None:
    assert triple in onto


def test_program_alignment_is_explained(onto: Graph) -> None:
    comment = str(onto.value(KG.Program, RDFS.comment))
    assert "prov:Plan" in comment and "schema.org has no class" in comment
