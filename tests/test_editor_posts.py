"""Institutions of an editorial board's posts (kg.segment.editor_posts), through a real build."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.segment.editor_posts import aligned_posts, posts

FRONT = """# Қоғам & Дәуір

## Редакциялық кеңес

- Уильям ФИЕРМАН** – Индиана университетінің профессоры
(АҚШ), Ph.D
- Айгүл САДУАҚАСОВА** – Қолданбалы этносаяси зерттеулер институты
директорының орынбасары

## Редакционный совет

- Уильям ФИЕРМАН** – профессор университета Индиана (США)
- Айгуль САДВОКАСОВА** – заместитель директора Института прикладных этнополитических исследований

## Editorial board

- William FIERMAN** – Professor at Indiana University (USA)
- Aigul SADVOKASOVA** – Deputy Director of the Institute of Applied Ethnopolitical Research
"""
ARTICLE = """
**Айгүл Серікова**

*Әл-Фараби атындағы Қазақ ұлттық университетінің профессоры*

## **ЦИФРЛЫҚ САЯСАТ**

**Аңдатпа.** Мақалада цифрлық саясат қарастырылады.

*Түйін сөздер: цифрландыру, саясат.*

Мақалада Қазақстанның цифрлық саясаты талданады.
"""


def test_a_post_s_institution_spans_its_name_as_printed_over_a_line_break():
    found = posts(FRONT)
    assert [(p.name, p.lang) for p in found] == [
        ("Индиана университеті", "kk"), ("Қолданбалы этносаяси зерттеулер институты", "kk"),
        ("Университет Индиана", "ru"), ("Институт прикладных этнополитических исследований", "ru"),
        ("Indiana University", "en"), ("Institute of Applied Ethnopolitical Research", "en")]
    assert FRONT[found[0].start:found[0].end] == "Индиана университетінің"
    assert len(aligned_posts(FRONT)) == 2


@pytest.mark.slow
def test_one_post_in_three_lists_is_one_institution_of_the_issue_and_no_editor(tmp_path):
    src = tmp_path / "issue.md"
    src.write_text(FRONT + ARTICLE, encoding="utf-8")
    build([src], tmp_path / "out")
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    pre = ("PREFIX kg: <https://w3id.org/kazkg/ontology#> PREFIX schema: <http://schema.org/> "
           "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")
    rows = list(store.query(pre + """SELECT ?e (COUNT(DISTINCT ?m) AS ?n) (COUNT(DISTINCT ?l) AS ?labels)
        WHERE { ?m kg:mentionOf ?e ; kg:mentionIn ?issue . ?issue a schema:PublicationIssue .
                ?e a kg:Institution ; rdfs:label ?l } GROUP BY ?e ORDER BY ?e"""))
    assert [(r["e"].value.rsplit("/", 1)[-1], int(r["n"].value), int(r["labels"].value)) for r in rows] == [
        ("indiana-university", 3, 3), ("institute-of-applied-ethnopolitical-research", 3, 3)]
    editors = list(store.query(pre + "SELECT ?p WHERE { ?issue schema:editor ?p . ?p a kg:Institution }"))
    assert editors == []
