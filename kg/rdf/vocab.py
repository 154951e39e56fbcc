"""The kazkg vocabulary as Python names: a closed namespace mirroring ``ontology/kazkg.ttl``.

``KG`` has one attribute per class and property of the ontology, commented with its English
definition; a misspelled term raises ``AttributeError`` instead of minting a wrong IRI.
``tests/test_ontology.py`` keeps this module and the ontology in sync, both ways.

>>> from kg.rdf.vocab import KG, SCHEMA
>>> KG.Person
rdflib.term.URIRef('https://w3id.org/kazkg/ontology#Person')
>>> KG.mentionStart in KG
True
>>> SCHEMA.ScholarlyArticle
rdflib.term.URIRef('http://schema.org/ScholarlyArticle')
>>> KG.Persn  # doctest: +ELLIPSIS
Traceback (most recent call last):
    ...
AttributeError: term 'Persn' not in namespace 'https://w3id.org/kazkg/ontology#'
"""

from rdflib import namespace as _rdflib_ns
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, Namespace
from rdflib.term import URIRef

from kg.kinds import ONTOLOGY

__all__ = [
    "KG",
    "SCHEMA",
    "BIBO",
    "FABIO",
    "WD",
    "ORCID",
    "DCTERMS",
    "FOAF",
    "ORG",
    "PROV",
    "SKOS",
]

SCHEMA = Namespace("http://schema.org/")  # http, as in the contract (rdflib's SDO is https)
BIBO = Namespace("http://purl.org/ontology/bibo/")
FABIO = Namespace("http://purl.org/spar/fabio/")
WD = Namespace("http://www.wikidata.org/entity/")  # owl:sameAs targets of countries
ORCID = Namespace("https://orcid.org/")  # owl:sameAs targets of people


class KG(_rdflib_ns.DefinedNamespace):
    """The kazkg ontology, https://w3id.org/kazkg/ontology# (version 0.1.0)."""

    _fail = True

    # Classes (http://www.w3.org/2002/07/owl#Class)
    AffiliationEvent: URIRef  # A person's affiliation with an institution as printed in one article, at the time of that article.
    AnalyticsResult: URIRef  # The value of one measure for one node of one network, with its parameters and time of computation.
    Article: URIRef  # A scholarly journal article, or the text of a document that has no article headers.
    Authorship: URIRef  # The authorship of one person on one article, with the person's position in the byline.
    Country: URIRef  # A sovereign state, current or historical (such as the USSR).
    Institution: URIRef  # An organization: a university, research institute, ministry, agency, parliament, company or other body.
    Journal: URIRef  # A scholarly periodical.
    JournalIssue: URIRef  # One issue of a journal.
    Keyword: URIRef  # A keyword given by the authors of an article, as a SKOS concept.
    Law: URIRef  # A legal act named in a text: a law, code, decree, resolution or order.
    Mention: URIRef  # An occurrence of a named entity in a span of text: the evidence that the text names it.
    NamedEntity: URIRef  # Anything named in texts and resolved across languages: a person, institution, country, region, law or program.
    Network: URIRef  # A graph derived from the knowledge graph for analysis, such as a co-authorship or co-mention network.
    Person: URIRef  # A human being: an author, or a person named in a text.
    Program: URIRef  # A state program, strategy, concept or national project: a plan adopted by an agent.
    Reference: URIRef  # A work cited by an article, as described by one entry of its reference list.
    Region: URIRef  # A place below the level of a country: a city, oblast, region or district.
    SourceDocument: URIRef  # An input file from which articles and mentions were extracted, identified by a hash of its text.

    # Object properties (http://www.w3.org/2002/07/owl#ObjectProperty)
    adoptedBy: URIRef  # The institution or country that adopted or approved a law or program, where the text says so.
    affiliatedWith: URIRef  # Links a person directly to an institution they are affiliated with in at least one article.
    affiliationArticle: URIRef  # The article in which an affiliation is printed.
    affiliationInstitution: URIRef  # The institution of an affiliation.
    affiliationPerson: URIRef  # The person of an affiliation.
    authorshipArticle: URIRef  # The article of an authorship.
    authorshipPerson: URIRef  # The person who is the author in an authorship.
    cites: URIRef  # An article cites a work listed in its references.
    city: URIRef  # The city or region of an institution, or the one named in an affiliation.
    coMentionedWith: URIRef  # Two entities are named in the same article.
    country: URIRef  # The country of an institution or region, or the one named in an affiliation.
    hasAuthorship: URIRef  # Links an article to the authorship of one of its authors.
    hasKeyword: URIRef  # A keyword that the authors gave to an article.
    inIssue: URIRef  # The journal issue in which an article is published.
    inJournal: URIRef  # The journal to which an issue belongs.
    issuedBy: URIRef  # The institution or country that issued a law or program, where the text says so.
    mentionIn: URIRef  # The article in whose text a mention occurs, or the issue whose front matter names it (an editor).
    mentionOf: URIRef  # The entity that a mention names.
    mentions: URIRef  # An article names an entity in its text.
    network: URIRef  # The network in which a result was computed.
    node: URIRef  # The node that an analytics result is about.
    sourceDocument: URIRef  # The input document from which an article or mention was extracted.

    # Datatype properties (http://www.w3.org/2002/07/owl#DatatypeProperty)
    affiliationText: URIRef  # The affiliation line as printed in the article.
    affiliationName: URIRef  # The institution's name as the affiliation line writes it, without job titles, places or the line's other institutions.
    authorPosition: URIRef  # The 1-based position of the author in the article's byline.
    community: URIRef  # The integer id of the community the node belongs to under a community-detection measure.
    computedAt: URIRef  # When an analytics result was computed.
    doiPrefix: URIRef  # The DOI prefix under which a journal registers its articles, e.g. 10.1000.
    contentHash: URIRef  # The hexadecimal SHA-256 digest (or a prefix of it) of a document's decoded text.
    doi: URIRef  # The DOI of an article or cited work, without the https://doi.org/ prefix (e.g. 10.1000/xyz123).
    extractor: URIRef  # The name and version of the component that found a mention.
    isoCode: URIRef  # The country's ISO 3166-1 alpha-2 code in capital letters, e.g. KZ.
    isoCode3: URIRef  # The country's ISO 3166-1 alpha-3 code in capital letters, e.g. KAZ.
    issueYear: URIRef  # The year in which a journal issue was published.
    measure: URIRef  # The name of the computed measure, e.g. pagerank or betweenness_centrality.
    mentionEnd: URIRef  # The character offset just past the end of a mention (exclusive).
    mentionStart: URIRef  # The 0-based character offset at which a mention starts in its source document's text.
    mentionText: URIRef  # The text of a mention as it appears, inflectional suffixes included.
    orcid: URIRef  # The person's ORCID iD: 16 characters in groups of four, e.g. 0000-0002-1825-0097.
    parameters: URIRef  # The parameters of the computation, as a JSON object.
    referenceAuthor: URIRef  # One author of a cited work, as printed in the reference entry.
    referenceContainer: URIRef  # The journal or collection in which a cited work was published, as printed in the reference entry.
    referenceText: URIRef  # The reference-list entry as printed.
    referenceYear: URIRef  # The publication year of a cited work.
    score: URIRef  # The numeric value of the measure for the node.
    sentenceText: URIRef  # The sentence that contains a mention.

    _NS = Namespace(ONTOLOGY)
