"""A small dated graph with authors and mention sentences, shared by the network tests.

Three articles in issues of 2019, 2021 and 2023; the co-mention edge Қазақстан–Конституция
has a sentence naming both (in 2019 and 2023); Ресей is named only in 2021.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.analytics import run_analytics

E = "http://example.org/"
SAMPLE = """
@prefix schema: <http://schema.org/> .
@prefix kg: <https://w3id.org/kazkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix e: <http://example.org/> .
e:I19 kg:issueYear 2019 . e:I21 kg:issueYear 2021 . e:I23 kg:issueYear 2023 .
e:A1 a schema:ScholarlyArticle ; kg:inIssue e:I19 ; rdfs:label "Бірінші мақала"@kk , "First article"@en ;
    schema:author e:P1 , e:P2 ; kg:hasAuthorship e:s11 , e:s12 ;
    schema:about e:K1 , e:K2 ; schema:mentions e:kz , e:law .
e:A2 a schema:ScholarlyArticle ; kg:inIssue e:I21 ; rdfs:label "Екінші мақала"@kk ;
    schema:author e:P1 , e:P3 ; kg:hasAuthorship e:s21 , e:s23 ;
    schema:about e:K1 , e:K3 ; schema:mentions e:kz , e:ru .
e:A3 a schema:ScholarlyArticle ; kg:inIssue e:I23 ; rdfs:label "Үшінші мақала"@kk ;
    schema:author e:P2 , e:P4 ; kg:hasAuthorship e:s32 , e:s34 ;
    schema:about e:K2 , e:K3 ; schema:mentions e:kz , e:law .
e:s11 kg:authorshipPerson e:P1 ; kg:authorPosition 1 . e:s12 kg:authorshipPerson e:P2 ; kg:authorPosition 2 .
e:s21 kg:authorshipPerson e:P1 ; kg:authorPosition 1 . e:s23 kg:authorshipPerson e:P3 ; kg:authorPosition 2 .
e:s32 kg:authorshipPerson e:P2 ; kg:authorPosition 1 . e:s34 kg:authorshipPerson e:P4 ; kg:authorPosition 2 .
e:P1 a kg:Person ; rdfs:label "Асель Нұрова"@kk , "Asel Nurova"@en .
e:P2 a kg:Person ; rdfs:label "Ерлан Әлиев"@kk , "Erlan Aliyev"@en .
e:P3 a kg:Person ; rdfs:label "Дана Омар"@kk .
e:P4 a kg:Person ; rdfs:label "Марат Сейіт"@kk , "Marat Seiit"@en .
e:kz a kg:Country ; rdfs:label "Қазақстан"@kk , "Kazakhstan"@en .
e:ru a kg:Country ; rdfs:label "Ресей"@kk , "Russia"@en .
e:law a kg:Law ; rdfs:label "Конституция"@kk , "Constitution"@en .
e:K1 a kg:Keyword ; rdfs:label "цифрландыру"@kk .
e:K2 a kg:Keyword ; rdfs:label "азаматтық қоғам"@kk .
e:K3 a kg:Keyword ; rdfs:label "реформа"@kk .
e:m1 a kg:Mention ; kg:mentionOf e:kz ; kg:mentionIn e:A1 ; kg:sentenceText "Қазақстан Конституциясы 1995 жылы қабылданды." .
e:m2 a kg:Mention ; kg:mentionOf e:law ; kg:mentionIn e:A1 ; kg:sentenceText "Қазақстан Конституциясы 1995 жылы қабылданды." .
e:m3 a kg:Mention ; kg:mentionOf e:kz ; kg:mentionIn e:A2 ; kg:sentenceText "Қазақстан мен Ресей шекарасы." .
e:m4 a kg:Mention ; kg:mentionOf e:ru ; kg:mentionIn e:A2 ; kg:sentenceText "Қазақстан мен Ресей шекарасы." .
e:m5 a kg:Mention ; kg:mentionOf e:kz ; kg:mentionIn e:A3 ; kg:sentenceText "Қазақстан туралы." .
e:m6 a kg:Mention ; kg:mentionOf e:law ; kg:mentionIn e:A3 ; kg:sentenceText "Конституция өзгерді." .
e:m7 a kg:Mention ; kg:mentionOf e:law ; kg:mentionIn e:A3 ; kg:sentenceText "Қазақстан Конституциясы мен заңдар." .
e:m8 a kg:Mention ; kg:mentionOf e:kz ; kg:mentionIn e:A3 ; kg:sentenceText "Қазақстан Конституциясы мен заңдар." .
"""


def sample_store() -> ox.Store:
    store = ox.Store()
    store.load(input=SAMPLE, format=ox.RdfFormat.TURTLE)
    return store


def sample_results(out):
    """Run the analytics of the sample into ``out``; return the NetworkResults by name."""
    report = run_analytics(sample_store(), out, "https://w3id.org/kazkg/id/")
    return {r.name: r for r in report.results}
