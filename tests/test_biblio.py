"""Bibliographic metadata: mastheads (journal, ISSN, volume, number, year, DOI prefix), references
split into their parts, and laws linked to the references that name them; in RDF and on pages.

Every text here is written for these tests; the real corpus is read by path only, and the
values checked for it are the ones its mastheads print (read by hand).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import CORPUS
from kg.corpus import parse_file
from kg.rdf.biblio import cited_laws, law_names
from kg.resolve import Entity
from kg.segment.citation import split_citation
from kg.segment.masthead import issns, journal_title, read_masthead
from kg.store import open_store, run_query

ID = "https://w3id.org/kazkg/id/"
PREFIXES = """PREFIX kg: <https://w3id.org/kazkg/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX bibo: <http://purl.org/ontology/bibo/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

FRONT_HEADING = """
# Дала мен Қала

Институт демонстрациясы

Бас редактор
Айгүл Демова

ISSN 0317-8471 (print)
ISSN 1050-124X (online)

doi.org/10.99999/DQ

**№ 3 (44), 2023**
"""

FRONT_DESCRIPTOR = """Демонстрациялық зерттеулер институты
Степь и Город
www.example.kz
Т. 12
2/2024
НАУЧНО-АНАЛИТИЧЕСКИЙ ЖУРНАЛ
e-ISSN 1050-124X
ISSN 0317-8472
"""


def test_masthead_with_a_heading_title_isssns_number_year_and_doi_prefix() -> None:
    m = read_masthead(FRONT_HEADING)
    assert m.title == "Дала мен Қала"
    assert m.issns == (("0317-8471", "print"), ("1050-124X", "online"))
    assert (m.volume, m.number, m.year, m.doi_prefix) == (None, "3", 2023, "10.99999")
    assert m.label("x.txt") == "Дала мен Қала, № 3, 2023"


def test_masthead_title_before_its_descriptor_volume_and_a_bad_check_digit() -> None:
    m = read_masthead(FRONT_DESCRIPTOR)
    assert m.title == "Степь и Город"
    assert m.issns == (("1050-124X", "online"),)  # 0317-8472 fails its check digit
    assert (m.volume, m.number, m.year) == ("12", "2", 2024)
    assert m.doi_prefix is None
    assert read_masthead(FRONT_DESCRIPTOR, article_dois=["10.12345/a.1", "10.12345/b.2"]).doi_prefix == "10.12345"
    assert read_masthead(FRONT_DESCRIPTOR, article_dois=["10.12345/a", "10.54321/b"]).doi_prefix is None


def test_running_heads_give_the_number_when_the_masthead_does_not() -> None:
    front = "# Дала мен Қала\n\nISSN 0317-8471\n"
    body = front + "\n".join(["Дала мен Қала № 4 (45), 2024", "мәтін", "Дала мен Қала № 4 (45), 2024", "мәтін"])
    m = read_masthead(front, body)
    assert (m.title, m.number, m.year) == ("Дала мен Қала", "4", 2024)
    assert read_masthead(front).year is None


def test_no_masthead_says_nothing() -> None:
    m = read_masthead("Лекция 1. Кіріспе\nМемлекет және қоғам туралы мәтін.\n")
    assert m.title is None and m.issns == () and m.year is None and m.label("notes.txt") == "notes.txt"
    assert issns("ISSN 1234-5678") == ()  # wrong check digit
    assert journal_title("just one line") is None


@pytest.mark.parametrize("text, authors, title, container, volume, issue, pages", [
    ("Демов А.Б., Тестова В. Г. Цифрлық мемлекет [Мәтін] // Демо хабаршысы. – 2022. – № 2 (71). – Б. 11–20.",
     ("Демов А.Б.", "Тестова В. Г."), "Цифрлық мемлекет", "Демо хабаршысы", None, "2", "11–20"),
    ("Демов А.Б. Местное управление / А.Б. Демов. – Алматы: Демо, 2019. – 210 с.",
     ("Демов А.Б.",), "Местное управление", None, None, None, None),
    ("Doe, J., & Roe, R. (2020). Testing public councils. *Journal of Demo Studies*, 7(1), 1–15.",
     ("Doe, J.", "Roe, R."), "Testing public councils", "Journal of Demo Studies", "7", "1", "1–15"),
    ("Doe, J. and Roe, R., 2021. Councils in practice. Demo Quarterly, 9(2), pp. 33–40.",
     ("Doe, J.", "Roe, R."), "Councils in practice", "Demo Quarterly", "9", "2", "33–40"),
    ("Roe R. (2018) Open data. Demo Review, vol. 5, no. 4, pp. 2–9. https://example.org/x",
     ("Roe R.",), "Open data", "Demo Review", "5", "4", "2–9"),
    ("«Демо кеңестері туралы» Заң. [Электрондық ресурс] URL: https://example.kz/z (қаралған күні: 01.01.2024)",
     (), "«Демо кеңестері туралы» Заң", None, None, None, None),
])
def test_references_are_split_into_their_parts(text, authors, title, container, volume, issue, pages) -> None:
    c = split_citation(text)
    assert (c.authors, c.title, c.container, c.volume, c.issue, c.pages) == \
        (authors, title, container, volume, issue, pages)


def test_a_reference_naming_a_law_is_linked_to_it() -> None:
    laws = law_names({
        ("law", "demo-councils"): Entity("law", "demo-councils", {"kk": "«Демо кеңестері туралы» Заң",
                                                                   "ru": "Закон «О демо советах»"}),
        ("law", "short"): Entity("law", "short", {"kk": "Кодекс"}),  # too short to be told apart
        ("person", "x"): Entity("person", "x", {"kk": "«Демо кеңестері туралы» Заң"}),
    })
    assert set(laws) == {"demo-councils"}
    assert cited_laws("Закон РК «О  демо советах» от 2 ноября 2015 года", laws) == ["demo-councils"]
    assert cited_laws("«Демо кеңестері туралы» ҚР Заңы", laws) == ["demo-councils"]
    assert cited_laws("Кодекс об административных правонарушениях", laws) == []


# --- the demo build: RDF and pages --------------------------------------------------------------

def rows(store_dir: Path, query: str) -> list[dict]:
    result = run_query(open_store(store_dir), PREFIXES + query)
    names = [v.value for v in result.variables]
    return [{n: (r[n].value if r[n] is not None else None) for n in names} for r in result]


def test_the_demo_issue_has_its_journal_number_and_year(demo_build: Path) -> None:
    found = rows(demo_build / "store", """SELECT ?label ?number ?year ?journal ?title ?prefix WHERE {
        ?issue a kg:JournalIssue , schema:PublicationIssue ; rdfs:label ?label ; schema:issueNumber ?number ;
               bibo:issue ?number ; kg:issueYear ?year ; kg:inJournal ?journal ; schema:isPartOf ?journal .
        ?journal a kg:Journal , schema:Periodical ; rdfs:label ?title .
        OPTIONAL { ?journal kg:doiPrefix ?prefix } }""")
    assert found == [{"label": "Қоғам & Дәуір, № 1, 2025", "number": "1", "year": "2025",  # @kk
                      "journal": ID + "journal/issn-2414-5696", "title": "Қоғам & Дәуір", "prefix": None}]
    issn = rows(demo_build / "store", "SELECT ?i ?p WHERE { ?j schema:issn ?i ; ?p ?i FILTER(?p != schema:issn) }")
    assert sorted((r["i"], r["p"].rsplit("/", 1)[-1]) for r in issn) == [("2414-5696", "issn"), ("2788-5860", "eissn")]


def test_demo_references_have_parts(demo_build: Path) -> None:
    found = rows(demo_build / "store", """SELECT ?title ?container ?volume ?issue ?pages WHERE {
        ?r a kg:Reference ; dcterms:title ?title ; kg:referenceContainer ?container ; bibo:volume ?volume ;
           bibo:issue ?issue ; bibo:pages ?pages ; kg:referenceAuthor "Hood C." }""")
    assert {(r["container"], r["volume"], r["issue"], r["pages"]) for r in found} == \
        {("Public Administration", "69", "1", "3–19")}


def test_the_article_page_shows_where_it_was_published(demo_build: Path, tmp_path: Path) -> None:
    from kg.pages.site import FOLDER, write_site

    write_site(demo_build / "store", tmp_path, ID, demo_build / "search.sqlite")
    article = next(p for p in sorted((tmp_path / FOLDER).glob("article.*.html"))
                   if "<h2>Published in</h2>" in p.read_text())
    section = article.read_text().split("<h2>Published in</h2>", 1)[1].split("<h2>", 1)[0]
    for shown in ("Қоғам &amp; Дәуір, № 1, 2025", "journal.issn-2414-5696.html", "2414-5696", "2788-5860"):
        assert shown in section
    kz = (tmp_path / FOLDER / "country.kz.html").read_text()
    assert "Қоғам &amp; Дәуір, № 1, 2025" in kz.split("<h2>Articles mentioning it</h2>", 1)[1].split("<h2>", 1)[0]


# --- the real corpus --------------------------------------------------------------------------

@pytest.mark.slow
@pytest.mark.parametrize("prefix, number, year", [("002", None, None), ("004", "1", 2026)])
def test_real_issues_get_their_journal_issn_number_and_year(prefix, number, year) -> None:
    files = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not files:
        pytest.skip("shared corpus not available")
    parsed = parse_file(files[0])
    headed = [a for a in parsed.articles if a.has_header]
    m = read_masthead(parsed.document.text[: headed[0].span.start], parsed.document.text,
                      [a.doi for a in headed if a.doi])
    assert m.title == "Қоғам & Дәуір"
    assert m.issns == (("2414-5696", "print"), ("2788-5860", "online"))
    assert (m.number, m.year, m.doi_prefix) == (number, year, "10.52536")


def test_store_literals_are_plain_strings(demo_build: Path) -> None:
    store = open_store(demo_build / "store")
    numbers = {q.object for q in store.quads_for_pattern(None, ox.NamedNode("http://schema.org/issueNumber"), None)}
    assert numbers == {ox.Literal("1")}


def test_issue_and_journal_labels_carry_the_title_language(demo_build: Path) -> None:
    store = open_store(demo_build / "store")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    journal = {q.object for q in store.quads_for_pattern(ox.NamedNode(ID + "journal/issn-2414-5696"), label, None)}
    assert journal == {ox.Literal("Қоғам & Дәуір", language="kk")}


def test_cited_laws_index_finds_what_a_scan_finds():
    """The anchor index of law names gives the laws a plain scan of every name gives."""
    import random

    from kg.rdf.biblio import LawNames

    rng = random.Random(5)
    letters = "абвгд е"
    laws = {f"law{i}": sorted({"".join(rng.choice(letters) for _ in range(rng.randint(0, 7)))
                               for _ in range(rng.randint(1, 3))}) for i in range(60)}
    index = LawNames(laws)
    for _ in range(300):
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 40)))
        scan = sorted(k for k, names in laws.items() if any(n in text for n in names))
        assert index.find(text) == scan
