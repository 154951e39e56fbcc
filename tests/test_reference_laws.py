"""Laws cited in reference lists, and body citations that point at them (kg.extract.references)."""

from __future__ import annotations

import pytest

from kg.extract.references import reference_mentions
from kg.extract.tasks import ArticleTask, extract_article
from kg.resolve import resolve

DOC = "0123456789abcdef"
BODY = ("The Academy of Public Administration trained civil servants under the old law "
        "“On Civil Service” [36], and the amendments to the Budget Code [31] changed the local "
        "budgets of Ukraine.\n")
TAIL = ("References\n"
        "30. Verkhovna Rada of Ukraine. (1997). On Local Self-Government in Ukraine. <https://x.ua/1>\n"
        "31. Verkhovna Rada of Ukraine. (2010). Budget Code of Ukraine. <https://x.ua/2>\n"
        "35. Petrenko O. (2019). On State Service reform in Ukraine. Kyiv: Osvita.\n"
        "36. Verkhovna Rada of Ukraine. (1993). On State Service. <https://x.ua/3>\n"
        "37. Verkhovna Rada of Ukraine. (2016). On State Service. <https://x.ua/4>\n"
        "40. Code on public health and the healthcare system the Republic of Kazakhstan. "
        "<https://x.kz/5>\n")


def _laws():
    task = ArticleTask(DOC, 0, BODY, (), len(BODY), TAIL)
    mentions = [m for m in extract_article(task) if m.label == "LAW"]
    keys = resolve([], mentions).mentions
    return {(m.start, m.text): keys[(m.document_id, m.start, m.end, m.label)] for m in mentions}


def test_a_legislature_s_entry_is_a_law_on_its_title_span():
    found = reference_mentions(DOC, 1000, TAIL)
    laws = [m for m in found.mentions if m.label == "LAW"]
    for m in found.mentions:
        assert TAIL[m.start - 1000:m.end - 1000] == m.text
    assert [m.text for m in laws] == [
        "On Local Self-Government in Ukraine", "Budget Code of Ukraine", "On State Service",
        "On State Service", "Code on public health and the healthcare system the Republic of Kazakhstan"]


def test_a_book_about_a_law_is_not_the_law():
    assert not any("reform" in m.text or m.label == "ORG" and "Petrenko" in m.text
                   for m in reference_mentions(DOC, 0, TAIL).mentions)
    assert 35 not in reference_mentions(DOC, 0, TAIL).by_number


def test_two_laws_of_one_generic_title_stay_apart_by_year():
    laws = _laws()
    tail = len(BODY)
    older = laws[(tail + TAIL.index("On State Service. <https://x.ua/3"), "On State Service")]
    newer = laws[(tail + TAIL.index("On State Service. <https://x.ua/4"), "On State Service")]
    assert older != newer
    assert "1993" in older[1] and "2016" in newer[1]


def test_a_body_law_cited_by_number_is_the_act_of_that_entry():
    laws = _laws()
    body_law = laws[(BODY.index("law “On Civil Service”"), "law “On Civil Service”")]
    assert body_law == laws[(len(BODY) + TAIL.index("On State Service. <https://x.ua/3"),
                             "On State Service")]


def test_another_country_s_code_cited_by_number_is_not_kazakhstan_s_code():
    laws = _laws()
    body_code = laws[(BODY.index("Budget Code"), "Budget Code")]
    assert body_code != ("law", "budget-code")  # the catalogued Budget Code of Kazakhstan
    assert body_code == laws[(len(BODY) + TAIL.index("Budget Code of Ukraine"), "Budget Code of Ukraine")]


def test_an_institution_that_authors_an_entry_is_an_institution_mention_there():
    tail = ("References\n"
            "9. European Commission. (2023). Ukraine 2023 Report. https://x.eu\n"
            "7. OECD. Open Government in Kazakhstan. Paris: OECD Publishing, 2017.\n"
            "20. UNICEF Kazakhstan & Bureau of National Statistics of the Republic of Kazakhstan. (2023). R.\n"
            "21. Official website of the President of the Republic of Kazakhstan. (2021). Address.\n"
            "3. Laumulin M. Kazakhstan in Central Asia. Almaty, 2000.\n")
    found = [m for m in reference_mentions(DOC, 0, tail).mentions if m.label == "ORG"]
    assert [m.text for m in found] == [
        "European Commission", "OECD", "OECD", "Bureau of National Statistics of the Republic of Kazakhstan"]
    assert all(tail[m.start:m.end] == m.text for m in found)
    keys = resolve([], found).mentions
    assert keys[(DOC, found[1].start, found[1].end, "ORG")] == ("institution", "oecd")
    assert keys[(DOC, found[2].start, found[2].end, "ORG")] == ("institution", "oecd")  # its imprint


def test_a_publisher_named_in_an_entry_is_an_institution_mention_there():
    tail = ("1. Putnam R. Making Democracy Work. – Princeton: Princeton University Press, 1993.\n"
            "2. Fung A. Deepening Democracy. London: Verso, 2003. – 312 p.\n"
            "3. Зяблюк Н.Г. Группы давления. – М.: Аспект Пресс, 2005. – 216 с.\n"
            "4. Smith J. On Power. Paris: 2005.\n")
    found = [m for m in reference_mentions(DOC, 0, tail).mentions if m.label == "ORG"]
    assert [(m.text, m.lang) for m in found] == [
        ("Princeton University Press", "en"), ("Verso", "en"), ("Аспект Пресс", "ru")]


def test_each_generic_law_is_referenced_only_by_the_entry_of_its_year():
    from kg.rdf.biblio import cited_laws, law_names

    laws = _laws()
    task_entities = resolve([], [m for m in extract_article(ArticleTask(DOC, 0, BODY, (), len(BODY), TAIL))
                                 if m.label == "LAW"]).entities
    names = law_names(task_entities)
    older = laws[(len(BODY) + TAIL.index("On State Service. <https://x.ua/3"), "On State Service")][1]
    newer = laws[(len(BODY) + TAIL.index("On State Service. <https://x.ua/4"), "On State Service")][1]
    assert cited_laws("Verkhovna Rada of Ukraine. (1993). On State Service. <https://x.ua/3>", names) == [older]
    assert cited_laws("Verkhovna Rada of Ukraine. (2016). On State Service. <https://x.ua/4>", names) == [newer]


def test_a_journal_named_after_a_university_and_a_publisher_ending_an_entry_name_institutions():
    tail = ("1. Askarova A. Climate risks, Vestnik KRSU, 2019. – P. 5.\n"
            "2. Ахмет Б. Болмыс. Қарағанды университетінің хабаршысы. Тарих. 2020.\n"
            "3. Petrenko O. Decentralization: Results and Prospects. Ilko Kucheriv Democratic Initiatives Foundation.\n"
            "4. Ivanov I. Diplomacy. Moscow: Diplomatic Academy of the Ministry of Foreign Affairs, 1995.\n"
            "5. Smith J. Local Government Reform in Ukraine. Kyiv, 2019.\n")
    found = [m for m in reference_mentions(DOC, 0, tail).mentions if m.label == "ORG"]
    assert [(m.text, m.canonical) for m in found] == [
        ("KRSU", "KRSU"), ("Қарағанды университетінің", "Қарағанды университеті"),
        ("Ilko Kucheriv Democratic Initiatives Foundation", "Ilko Kucheriv Democratic Initiatives Foundation"),
        ("Diplomatic Academy of the Ministry of Foreign Affairs", "Diplomatic Academy of the Ministry of Foreign Affairs")]
    assert resolve([], found[:1]).mentions[(DOC, found[0].start, found[0].end, "ORG")] == ("institution", "krsu")


@pytest.mark.slow
def test_a_publisher_of_a_cited_work_is_no_subject_of_the_article(tmp_path):
    import pyoxigraph as ox

    from kg.build import build

    text = ("# Decentralization in Ukraine\n\n**Aigul Serikova**\n\n*Astana IT University*\n\n"
            "**Abstract.** Local government in Ukraine was reformed.\n\n*Keywords: decentralization, reform.*\n\n"
            "The old law “On Civil Service” [2] set the rules for civil servants in Ukraine.\n\n"
            "**References**\n\n"
            "1. Putnam R. Making Democracy Work. – Princeton: Princeton University Press, 1993.\n"
            "2. Verkhovna Rada of Ukraine. (1993). On State Service. <https://zakon.rada.gov.ua/laws/show/3723-12>\n")
    src = tmp_path / "ua.md"
    src.write_text(text, encoding="utf-8")
    build([src], tmp_path / "out")
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    pre = "PREFIX kg: <https://w3id.org/kazkg/ontology#> PREFIX schema: <http://schema.org/> "
    subjects = {r["e"].value.rsplit("/", 2)[-2] + "/" + r["e"].value.rsplit("/", 1)[-1]
                for r in store.query(pre + "SELECT ?e WHERE { ?a schema:mentions ?e }")}
    named = {r["e"].value.rsplit("/", 1)[-1]
             for r in store.query(pre + "SELECT ?e WHERE { ?m kg:mentionOf ?e }")}
    assert "princeton-university-press" in named  # a mention of the reference list …
    assert "institution/princeton-university-press" not in subjects  # … but no subject
    assert "law/on-state-service-ukraine-1993" in subjects  # a cited law is one


def test_a_latin_surname_of_the_reference_list_in_kazakh_prose_is_that_scholar():
    body = ("R. Putnam әлеуметтік капитал теориясын ұсынды. Oates фискалдық федерализм теориясы "
            "маңызды. Young адамдар Green экономикасы туралы айтады.\n")
    tail = ("Әдебиеттер\n1. Robert D. Putnam, Robert Leonardi. Making Democracy Work. 1993.\n"
            "2. Oates W. Fiscal Federalism. New York, 1972.\n3. Young A. Growth. 2001.\n")
    task = ArticleTask(DOC, 0, body, (), len(body), tail)
    persons = [(m.text, m.canonical) for m in extract_article(task) if m.label == "PERSON"]
    assert ("R. Putnam", "Robert D. Putnam") in persons and ("Oates", "W. Oates") in persons
    assert not any(text == "Young" for text, _ in persons)  # a common English word
    assert not any(text == "Green" for text, _ in persons)  # no reference author of that name


def test_a_numbered_law_entry_is_the_law_of_its_quoted_title_not_cut_at_no():
    tail = ('References\n3. Law of the Republic of Kazakhstan No. 383-V "On Public Councils" (2015). '
            'Available at: <https://adilet.zan.kz/eng/docs/Z1500000383>.\n')
    [law] = [m for m in reference_mentions("d", 0, tail).mentions if m.label == "LAW"]
    assert law.text == 'Law of the Republic of Kazakhstan No. 383-V "On Public Councils" (2015)'
    assert law.canonical == "Law of the Republic of Kazakhstan «On Public Councils»"
    assert resolve([], [law]).mentions[("d", law.start, law.end, "LAW")] == ("law", "law-public-councils")
