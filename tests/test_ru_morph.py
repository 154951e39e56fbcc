"""The Russian normaliser: persons, organisations and places into the nominative."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

from kg.text import ru_morph
from kg.text.ru_morph import normalize_ru

PERSONS = [
    ("Льва Мановича", "Лев Манович"),
    ("Анны Ахматовой", "Анна Ахматова"),
    ("Нурсултана Назарбаева", "Нурсултан Назарбаев"),
    ("Касым-Жомарта Токаева", "Касым-Жомарт Токаев"),
    ("Токаевым", "Токаев"),
    ("Н. А. Назарбаева", "Н. А. Назарбаев"),
    ("Марии Кюри", "Мария Кюри"),
    ("Шокана Валиханова", "Шокан Валиханов"),
    ("Мухтара Ауэзова", "Мухтар Ауэзов"),
    ("Абая Кунанбаева", "Абай Кунанбаев"),
    ("Ахмета Байтурсынулы", "Ахмет Байтурсынулы"),
    ("Дариги Назарбаевой", "Дарига Назарбаева"),
    ("Анна Петрова", "Анна Петрова"),
    ("Льва Толстого", "Лев Толстой"),
    ("Фёдора Достоевского", "Фёдор Достоевский"),
    ("Путину", "Путин"),
]

PLACES_AND_ORGANISATIONS = [
    ("Казахстана", "LOC", "Казахстан"),
    ("Республики Казахстан", "LOC", "Республика Казахстан"),
    ("Германией", "LOC", "Германия"),
    ("Соединённых Штатов Америки", "LOC", "Соединённые Штаты Америки"),
    ("Соединенных Штатах", "LOC", "Соединенные Штаты"),
    ("Объединённых Арабских Эмиратов", "LOC", "Объединённые Арабские Эмираты"),
    ("Южной Кореи", "LOC", "Южная Корея"),
    ("Российской Федерации", "GPE", "Российская Федерация"),
    ("Китайской Народной Республикой", "GPE", "Китайская Народная Республика"),
    ("Киргизии", "LOC", "Киргизия"),
    ("Санкт-Петербурга", "LOC", "Санкт-Петербург"),
    ("Нур-Султане", "LOC", "Нур-Султан"),
    ("Ростова-на-Дону", "LOC", "Ростов-на-Дону"),
    ("Алматинской области", "LOC", "Алматинская область"),
    ("Нидерландов", "LOC", "Нидерланды"),
    ("Филиппинах", "LOC", "Филиппины"),
    ("Министерством иностранных дел", "ORG", "Министерство иностранных дел"),
    ("Европейского союза", "ORG", "Европейский союз"),
    ("Европейским союзом", "ORG", "Европейский союз"),
    ("Организации Объединённых Наций", "ORG", "Организация Объединённых Наций"),
    ("Евразийского экономического союза", "ORG", "Евразийский экономический союз"),
    ("Шанхайской организации сотрудничества", "ORG", "Шанхайская организация сотрудничества"),
    ("Государственной Думе", "ORG", "Государственная Дума"),
    ("Содружества Независимых Государств", "ORG", "Содружество Независимых Государств"),
    (
        "Казахского национального университета имени аль-Фараби",
        "ORG",
        "Казахский национальный университет имени аль-Фараби",
    ),
    (
        "Первого Президента Республики Казахстан",
        "ORG",
        "Первый Президент Республики Казахстан",
    ),
]

UNCHANGED = [
    ("США", "LOC"),
    ("ЮАР", "LOC"),
    ("Алматы", "LOC"),
    ("Казахстан", "LOC"),
    ("казахстанский", "LOC"),
    ("АО «Самрук-Казына»", "ORG"),
    ("Harvard University", "ORG"),
    ("", "PER"),
]


@pytest.mark.parametrize(("mention", "nominative"), PERSONS)
def test_persons(mention: str, nominative: str) -> None:
    assert normalize_ru(mention, "PER") == nominative


@pytest.mark.parametrize(("mention", "label", "nominative"), PLACES_AND_ORGANISATIONS)
def test_places_and_organisations(mention: str, label: str, nominative: str) -> None:
    assert normalize_ru(mention, label) == nominative


@pytest.mark.parametrize(("mention", "label"), UNCHANGED)
def test_left_alone(mention: str, label: str) -> None:
    assert normalize_ru(mention, label) == mention


def test_tables_are_large_enough() -> None:
    assert len(PERSONS) + len(PLACES_AND_ORGANISATIONS) >= 20


def test_person_label_is_case_insensitive() -> None:
    assert normalize_ru("Льва Мановича", "person") == "Лев Манович"


def test_import_does_not_load_the_analyser() -> None:
    code = "import sys, kg.text.ru_morph; print('pymorphy3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_docstring_examples() -> None:
    assert doctest.testmod(ru_morph).failed == 0
