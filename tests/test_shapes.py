"""The SHACL shapes accept what the builder should emit and report what it must not."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.rdf.ontology import CONTEXT, ontology_dir
from kg.validate import ValidationReport, read_rdf, validate_file, validate_graph
from kg.rdf.vocab import KG, SCHEMA

# rdflib 7's own TriG, N-Quads and JSON-LD plugins still call its deprecated Dataset APIs.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib.*")

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's XSD warns under pytest
ID = Namespace("https://w3id.org/kazkg/id/")
ARTICLE = ID["article/4f1c2a9e0b7d3e51-1"]
PERSON = ID["person/bukharbayev-bakhytzhan"]
ENU = ID["institution/enu"]
KZ = ID["country/kz"]
SU = ID["country/q15180"]
ASTANA = ID["region/astana"]
LAW = ID["law/kz-law-on-education-2007"]
PROGRAM = ID["program/kazakhstan-2050"]
ISSUE = ID["issue/kogam-dauir-2025-1"]
JOURNAL = ID["journal/kogam-dauir"]
KEYWORD = ID["keyword/kk/ulttyq-bolmys"]
REFERENCE = ID["reference/4f1c2a9e0b7d3e51-1-1"]
DOCUMENT = ID["document/4f1c2a9e0b7d3e51"]
MENTION = ID["mention/4f1c2a9e0b7d3e51-120-131"]
AUTHORSHIP = ID["authorship/4f1c2a9e0b7d3e51-1-1"]
AFFILIATION = ID["affiliation/4f1c2a9e0b7d3e51-1-1"]
NETWORK = ID["network/co-mention"]
RESULT = ID["result/co-mention-pagerank-kz"]


def kk(text: str) -> Literal:
    return Literal(text, lang="kk")


def ru(text: str) -> Literal:
    return Literal(text, lang="ru")


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def entity(g: Graph, node: URIRef, types: tuple[URIRef, ...], *labels: Literal) -> None:
    for type_ in types:
        g.add((node, RDF.type, type_))
    for label in labels:
        g.add((node, RDFS.label, label))


def good_graph() -> Graph:
    """One article with everything the builder emits, written as the contract says."""
    g = Graph()
    entity(g, PERSON, (KG.Person, SCHEMA.Person), kk("Бақытжан Бұқарбай"), en("B. Bukharbayev"))
    g.add((PERSON, SCHEMA.name, kk("Бақытжан Бұқарбай")))
    g.add((PERSON, SCHEMA.name, ru("Бахытжан Бухарбаев")))
    g.add((PERSON, SCHEMA.affiliation, ENU))
    g.add((PERSON, KG.affiliatedWith, ENU))
    g.add((PERSON, OWL.sameAs, URIRef("https://orcid.org/0000-0002-1825-0097")))
    g.add((PERSON, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q42")))
    g.add((PERSON, KG.orcid, Literal("0000-0002-1825-0097")))

    entity(
        g, ENU, (KG.Institution, SCHEMA.Organization),
        kk("Л.Н. Гумилев атындағы Еуразия ұлттық университеті"),
        ru("Евразийский национальный университет имени Л.Н. Гумилёва"),
    )  # fmt: skip
    g.add((ENU, KG.city, ASTANA))
    g.add((ENU, KG.country, KZ))
    entity(g, KZ, (KG.Country, SCHEMA.Country), kk("Қазақстан"), ru("Казахстан"), en("Kazakhstan"))
    g.add((KZ, KG.isoCode, Literal("KZ")))
    g.add((KZ, KG.isoCode3, Literal("KAZ")))
    g.add((KZ, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q232")))
    entity(g, SU, (KG.Country, SCHEMA.Country), kk("КСРО"), ru("СССР"), en("Soviet Union"))
    g.add((SU, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q15180")))
    entity(g, ASTANA, (KG.Region,), kk("Астана"))
    g.add((ASTANA, KG.country, KZ))
    entity(g, LAW, (KG.Law, SCHEMA.Legislation), ru("Закон «Об образовании»"))
    g.add((LAW, KG.adoptedBy, KZ))
    entity(g, PROGRAM, (KG.Program,), kk("«Қазақстан-2050» Стратегиясы"))
    g.add((PROGRAM, KG.issuedBy, ENU))
    entity(g, KEYWORD, (KG.Keyword,), kk("ұлттық болмыс"))

    g.add((ARTICLE, RDF.type, KG.Article))
    g.add((ARTICLE, RDF.type, SCHEMA.ScholarlyArticle))
    g.add((ARTICLE, SCHEMA.name, kk("Ұлттық болмыс және жаңғыру")))
    g.add((ARTICLE, SCHEMA.name, en("National identity and modernisation")))
    g.add((ARTICLE, SCHEMA.author, PERSON))
    for target in (KZ, SU, ENU, LAW, PROGRAM, PERSON, ASTANA):
        g.add((ARTICLE, SCHEMA.mentions, target))
    g.add((ARTICLE, KG.mentions, KZ))
    g.add((ARTICLE, SCHEMA.isPartOf, ISSUE))
    g.add((ARTICLE, SCHEMA.keywords, Literal("ұлттық болмыс", lang="kk")))
    g.add((ARTICLE, SCHEMA.keywords, Literal("modernisation")))
    g.add((ARTICLE, SCHEMA.about, KEYWORD))
    g.add((ARTICLE, KG.doi, Literal("10.48010/2025.1/1999-5849.01")))
    g.add((ARTICLE, KG.sourceDocument, DOCUMENT))
    g.add((ARTICLE, KG.cites, REFERENCE))

    g.add((ISSUE, RDF.type, KG.JournalIssue))
    g.add((ISSUE, KG.inJournal, JOURNAL))
    g.add((ISSUE, KG.issueYear, Literal(2025)))
    g.add((JOURNAL, RDF.type, KG.Journal))
    g.add((REFERENCE, RDF.type, KG.Reference))
    g.add((REFERENCE, KG.referenceText, Literal("Назарбаев Н.Ә. Қазақстан-2050. – Астана, 2012.")))
    g.add((REFERENCE, KG.referenceYear, Literal(2012)))
    g.add((DOCUMENT, RDF.type, KG.SourceDocument))
    g.add((DOCUMENT, KG.contentHash, Literal("4f1c2a9e0b7d3e51")))

    g.add((MENTION, RDF.type, KG.Mention))
    g.add((MENTION, KG.mentionOf, KZ))
    g.add((MENTION, KG.mentionIn, ARTICLE))
    g.add((MENTION, KG.mentionStart, Literal(120)))
    g.add((MENTION, KG.mentionEnd, Literal(131)))
    g.add((MENTION, KG.mentionText, Literal("Қазақстанның", lang="kk")))
    g.add((MENTION, KG.sentenceText, Literal("Қазақстанның болашағы туралы.", lang="kk")))
    g.add((MENTION, KG.extractor, Literal("kk_ner/0.1.0")))
    g.add((MENTION, KG.sourceDocument, DOCUMENT))

    g.add((AUTHORSHIP, RDF.type, KG.Authorship))
    g.add((ARTICLE, KG.hasAuthorship, AUTHORSHIP))
    g.add((AUTHORSHIP, KG.authorshipPerson, PERSON))
    g.add((AUTHORSHIP, KG.authorshipArticle, ARTICLE))
    g.add((AUTHORSHIP, KG.authorPosition, Literal(1)))

    g.add((AFFILIATION, RDF.type, KG.AffiliationEvent))
    g.add((AFFILIATION, KG.affiliationPerson, PERSON))
    g.add((AFFILIATION, KG.affiliationInstitution, ENU))
    g.add((AFFILIATION, KG.affiliationArticle, ARTICLE))
    g.add((AFFILIATION, KG.affiliationText, kk("Л.Н. Гумилев атындағы ЕҰУ, Астана, Қазақстан")))
    g.add((AFFILIATION, KG.city, ASTANA))
    g.add((AFFILIATION, KG.country, KZ))

    g.add((NETWORK, RDF.type, KG.Network))
    g.add((RESULT, RDF.type, KG.AnalyticsResult))
    g.add((RESULT, KG.node, KZ))
    g.add((RESULT, KG.measure, Literal("pagerank")))
    g.add((RESULT, KG.network, NETWORK))
    g.add((RESULT, KG.score, Literal(0.25, datatype=XSD.double)))
    g.add((RESULT, KG.parameters, Literal('{"alpha": 0.85}')))
    g.add((RESULT, KG.computedAt, Literal("2026-11-23T04:00:00Z", datatype=XSD.dateTime)))
    return g


def assert_reported(report: ValidationReport, focus: URIRef, path: str) -> None:
    assert not report.conforms
    hits = [v for v in report.violations if v.focus == str(focus) and v.path == path]
    assert hits, report.violations
    assert all(v.message for v in hits)


def test_contract_graph_conforms() -> None:
    report = validate_graph(good_graph())
    assert report.violations == ()
    assert report.conforms
    assert "Conforms: True" in report.text


def test_empty_graph_conforms() -> None:
    assert validate_graph(Graph()).conforms


def test_community_result_without_score_conforms() -> None:
    g = good_graph()
    g.remove((RESULT, KG.score, None))
    g.add((RESULT, KG.community, Literal(3)))
    assert validate_graph(g).conforms


def _set(node: URIRef, prop: URIRef, value: object) -> Callable[[Graph], None]:
    def change(g: Graph) -> None:
        g.remove((node, prop, None))
        if value is not None:
            g.add((node, prop, value if isinstance(value, (URIRef, Literal)) else Literal(value)))

    return change


BROKEN = {
    "person without label": (_set(PERSON, RDFS.label, None), PERSON, "rdfs:label"),
    "label without language": (_set(LAW, RDFS.label, "Закон"), LAW, "rdfs:label"),
    "label in German": (_set(KZ, RDFS.label, Literal("Kasachstan", lang="de")), KZ, "rdfs:label"),
    "lower-case ISO code": (_set(KZ, KG.isoCode, "kz"), KZ, "kg:isoCode"),
    "alpha-3 as ISO code": (_set(KZ, KG.isoCode, "KAZ"), KZ, "kg:isoCode"),
    "country without Wikidata": (_set(KZ, OWL.sameAs, None), KZ, "owl:sameAs"),
    "Wikidata over https": (
        _set(KZ, OWL.sameAs, URIRef("https://www.wikidata.org/wiki/Q232")), KZ, "owl:sameAs"
    ),
    "ORCID over http": (
        _set(PERSON, OWL.sameAs, URIRef("http://orcid.org/0000-0002-1825-0097")),
        PERSON,
        "owl:sameAs",
    ),
    "short ORCID": (
        _set(PERSON, OWL.sameAs, URIRef("https://orcid.org/0000-0002-1825")),
        PERSON,
        "owl:sameAs",
    ),
    "ORCID literal malformed": (_set(PERSON, KG.orcid, "0000-0002-1825-009"), PERSON, "kg:orcid"),
    "person without name": (_set(PERSON, SCHEMA.name, None), PERSON, "schema:name"),
    "person not schema:Person": (
        lambda g: g.remove((PERSON, RDF.type, SCHEMA.Person)), PERSON, "rdf:type"
    ),
    "mention ends before start": (_set(MENTION, KG.mentionEnd, 100), MENTION, "kg:mentionStart"),
    "empty mention": (_set(MENTION, KG.mentionEnd, 120), MENTION, "kg:mentionStart"),
    "negative start": (_set(MENTION, KG.mentionStart, -1), MENTION, "kg:mentionStart"),
    "start as string": (_set(MENTION, KG.mentionStart, "120"), MENTION, "kg:mentionStart"),
    "mention without extractor": (_set(MENTION, KG.extractor, None), MENTION, "kg:extractor"),
    "mention without text": (_set(MENTION, KG.mentionText, None), MENTION, "kg:mentionText"),
    "mention of a keyword": (_set(MENTION, KG.mentionOf, KEYWORD), MENTION, "kg:mentionOf"),
    "mention in a keyword": (_set(MENTION, KG.mentionIn, KEYWORD), MENTION, "kg:mentionIn"),
    "authorship without position": (
        _set(AUTHORSHIP, KG.authorPosition, None), AUTHORSHIP, "kg:authorPosition"
    ),
    "authorship position 0": (_set(AUTHORSHIP, KG.authorPosition, 0), AUTHORSHIP, "kg:authorPosition"),
    "authorship without person": (
        _set(AUTHORSHIP, KG.authorshipPerson, None), AUTHORSHIP, "kg:authorshipPerson"
    ),
    "authorship of an institution": (
        _set(AUTHORSHIP, KG.authorshipPerson, ENU), AUTHORSHIP, "kg:authorshipPerson"
    ),
    "article without title": (_set(ARTICLE, SCHEMA.name, None), ARTICLE, "schema:name"),
    "untagged title": (_set(ARTICLE, SCHEMA.name, "Title"), ARTICLE, "schema:name"),
    "article not schema:ScholarlyArticle": (
        lambda g: g.remove((ARTICLE, RDF.type, SCHEMA.ScholarlyArticle)), ARTICLE, "rdf:type"
    ),
    "institution as author": (_set(ARTICLE, SCHEMA.author, ENU), ARTICLE, "schema:author"),
    "mention of an untyped node": (
        lambda g: g.add((ARTICLE, SCHEMA.mentions, ID["person/nobody"])),
        ARTICLE,
        "schema:mentions",
    ),
    "DOI with resolver": (
        _set(ARTICLE, KG.doi, "https://doi.org/10.1000/xyz123"), ARTICLE, "kg:doi"
    ),
    "law adopted by a person": (_set(LAW, KG.adoptedBy, PERSON), LAW, "kg:adoptedBy"),
    "institution not schema:Organization": (
        lambda g: g.remove((ENU, RDF.type, SCHEMA.Organization)), ENU, "rdf:type"
    ),
    "result without network": (_set(RESULT, KG.network, None), RESULT, "kg:network"),
    "result with decimal score": (
        _set(RESULT, KG.score, Literal("0.25", datatype=XSD.decimal)), RESULT, "kg:score"
    ),
    "result without score or community": (_set(RESULT, KG.score, None), RESULT, ""),
    "document hash in capitals": (
        _set(DOCUMENT, KG.contentHash, "4F1C2A9E0B7D3E51"), DOCUMENT, "kg:contentHash"
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_violation_is_reported(case: str) -> None:
    change, focus, path = BROKEN[case]
    g = good_graph()
    change(g)
    assert_reported(validate_graph(g), focus, path)


def test_historic_country_needs_no_iso_code() -> None:
    g = good_graph()
    assert (SU, KG.isoCode, None) not in g
    assert not [v for v in validate_graph(g).violations if v.focus == str(SU)]


def test_blank_node_entity_is_reported() -> None:
    g = good_graph()
    person = BNode()
    entity(g, person, (KG.Person, SCHEMA.Person), kk("Аты-жөні"))
    g.add((person, SCHEMA.name, kk("Аты-жөні")))
    report = validate_graph(g)
    assert [v.path for v in report.violations if v.focus == f"_:{person}"] == [""]


def test_named_graphs_are_validated_as_their_union() -> None:
    ds = Dataset()
    entities = ds.graph(ID["graph/entities"])
    article = ds.graph(ID["graph/document/4f1c2a9e0b7d3e51"])
    for triple in good_graph():
        (article if triple[0] in (ARTICLE, MENTION, AUTHORSHIP) else entities).add(triple)
    assert validate_graph(ds).conforms


def test_validate_file_reads_each_syntax(tmp_path: Path) -> None:
    g = good_graph()
    for suffix, fmt in [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld")]:
        path = tmp_path / f"graph{suffix}"
        g.serialize(path, format=fmt, encoding="utf-8")
        assert validate_file(path).conforms, suffix
    ds = Dataset()
    named = ds.graph(ID["graph/one"])
    for triple in g:
        named.add(triple)
    for suffix, fmt in [(".trig", "trig"), (".nq", "nquads")]:
        path = tmp_path / f"graph{suffix}"
        ds.serialize(path, format=fmt)
        assert validate_file(path).conforms, suffix


def test_validate_file_with_our_context(tmp_path: Path) -> None:
    context = json.loads((ontology_dir() / CONTEXT).read_text(encoding="utf-8"))
    doc = {
        **context,
        "@graph": [
            {
                "id": str(MENTION),
                "type": "Mention",
                "mentionOf": str(KZ),
                "mentionIn": str(ARTICLE),
                "mentionStart": 12,
                "mentionEnd": 3,
                "mentionText": "Қазақстанның",
                "extractor": "kk_ner/0.1.0",
            }
        ],
    }
    path = tmp_path / "mention.jsonld"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = validate_file(path)
    assert ("kg:mentionStart", str(MENTION)) in {(v.path, v.focus) for v in report.violations}


def test_turtle_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text('@prefix kg: <https://w3id.org/kazkg/ontology#> .\n\nkg:a kg:b "oops .\n')
    with pytest.raises(ValueError, match=r"broken\.ttl.*line 3"):
        validate_file(path)


@pytest.mark.parametrize("name", ["broken.nt", "broken.jsonld", "broken.trig", "broken.nq"])
def test_other_syntax_errors_name_the_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("<https://w3id.org/a> <https://w3id.org/b> oops .\n{")
    with pytest.raises(ValueError, match=name.replace(".", r"\.")):
        read_rdf(path)


def test_unknown_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "graph.xml"
    path.write_text("<rdf:RDF/>")
    with pytest.raises(ValueError, match=r"graph\.xml.*\.ttl"):
        read_rdf(path)


def test_missing_file_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_rdf(tmp_path / "absent.ttl")
