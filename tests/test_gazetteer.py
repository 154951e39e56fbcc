"""The country gazetteer: its data file and lookups from inflected mentions in kk, ru and en."""

from __future__ import annotations

import dataclasses
import re
from importlib import resources

import pytest

import kg.lexicon.countries as gazetteer
from kg.lexicon.countries import (
    COLUMNS,
    Country,
    countries,
    country_by_code,
    lookup_country,
    name_key,
)

USSR_QID = "Q15180"


def _rows() -> list[list[str]]:
    text = resources.files("kg.lexicon").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    return [line.split("\t") for line in lines[1:] if line]


def test_every_row_has_seven_columns() -> None:
    assert all(len(row) == len(COLUMNS) for row in _rows())


def test_all_un_members_observers_and_extras_are_there() -> None:
    # 193 UN members, 2 observers (Holy See, Palestine), Taiwan, Kosovo and the USSR.
    assert len(countries()) == 198
    for code in ("KZ", "US", "CN", "RU", "GB", "AE", "KR", "KG", "VA", "PS", "TW", "XK"):
        assert country_by_code(code) is not None, code
    assert country_by_code(USSR_QID) is not None


@pytest.mark.parametrize("column", ["iso2", "iso3", "wikidata"])
def test_codes_are_unique_where_present(column: str) -> None:
    values = [getattr(c, column) for c in countries() if getattr(c, column)]
    assert len(values) == len(set(values))


def test_codes_and_ids_are_well_formed() -> None:
    for country in countries():
        assert re.fullmatch(r"[A-Z]{2}", country.iso2) or country.wikidata == USSR_QID
        assert re.fullmatch(r"[A-Z]{3}", country.iso3) or country.wikidata == USSR_QID
        assert country.wikidata == "" or re.fullmatch(r"Q[1-9]\d*", country.wikidata)
    ussr = country_by_code(USSR_QID)
    assert ussr is not None and ussr.iso2 == ussr.iso3 == ""


def test_names_are_present_in_all_three_languages() -> None:
    for country in countries():
        for lang in ("en", "ru", "kk"):
            assert country.names[lang].strip(), (country.iso3, lang)
        assert all(a.strip() == a and a for a in country.aliases)


def test_no_name_points_to_two_countries() -> None:
    owner: dict[str, str] = {}
    for country in countries():
        for name in country.all_names:
            assert owner.setdefault(name_key(name), country.wikidata) == country.wikidata, name


@pytest.mark.parametrize(
    ("iso3", "qid"),
    [
        ("KAZ", "Q232"),
        ("USA", "Q30"),
        ("CHN", "Q148"),
        ("RUS", "Q159"),
        ("GBR", "Q145"),
        ("DEU", "Q183"),
        ("FRA", "Q142"),
        ("JPN", "Q17"),
        ("KOR", "Q884"),
        ("KGZ", "Q813"),
        ("UZB", "Q265"),
        ("TJK", "Q863"),
        ("TKM", "Q874"),
        ("TUR", "Q43"),
        ("UKR", "Q212"),
    ],
)
def test_known_wikidata_ids(iso3: str, qid: str) -> None:
    country = country_by_code(iso3)
    assert country is not None and country.wikidata == qid


def test_kazakh_names_are_spelled_in_kazakh() -> None:
    expected = {
        "DEU": "Германия",
        "FRA": "Франция",
        "JPN": "Жапония",
        "TUR": "Түркия",
        "IND": "Үндістан",
        "ARE": "Біріккен Араб Әмірліктері",
        "GBR": "Ұлыбритания",
        "GEO": "Грузия",
        "MNG": "Моңғолия",
        "KAZ": "Қазақстан",
        "RUS": "Ресей",
        "CHN": "Қытай",
        "USA": "Америка Құрама Штаттары",
        "KOR": "Оңтүстік Корея",
        "KGZ": "Қырғызстан",
    }
    for iso3, kk in expected.items():
        country = country_by_code(iso3)
        assert country is not None and country.names["kk"] == kk


# fmt: off
KAZAKH = [
    ("Қазақстанның", "KAZ"), ("Қазақстан Республикасының", "KAZ"), ("ҚР", "KAZ"),
    ("ҚР-да", "KAZ"), ("АҚШ-тың", "USA"), ("Америка Құрама Штаттарына", "USA"),
    ("Ресейге", "RUS"), ("Ресей Федерациясымен", "RUS"), ("Қытаймен", "CHN"),
    ("ҚХР-мен", "CHN"), ("Қытай Халық Республикасының", "CHN"), ("Оңтүстік Кореяға", "KOR"),
    ("Корея Республикасымен", "KOR"), ("Біріккен Араб Әмірліктерінде", "ARE"), ("БАӘ", "ARE"),
    ("Ұлыбританиямен", "GBR"), ("Қырғызстанға", "KGZ"), ("Түркияның", "TUR"),
    ("Жапонияға", "JPN"), ("Үндістанмен", "IND"), ("Әзірбайжанның", "AZE"),
    ("Әзербайжанмен", "AZE"), ("Моңғолиядағы", "MNG"), ("Германияда", "DEU"),
    ("Мысырда", "EGY"), ("Канадада", "CAN"), ("Тайваньда", "TWN"), ("Палестинадағы", "PSE"),
    ("Өзбекстанның", "UZB"), ("Тәжікстан Республикасының", "TJK"), ("Түрікменстанға", "TKM"),
]
# fmt: on

# fmt: off
RUSSIAN = [
    ("Казахстана", "KAZ"), ("Республики Казахстан", "KAZ"), ("РК", "KAZ"), ("Германией", "DEU"),
    ("США", "USA"), ("Соединённых Штатов Америки", "USA"), ("Соединенных Штатах", "USA"),
    ("Российской Федерации", "RUS"), ("РФ", "RUS"), ("КНР", "CHN"),
    ("Китайской Народной Республикой", "CHN"), ("Южной Кореи", "KOR"), ("ОАЭ", "ARE"),
    ("Объединённых Арабских Эмиратах", "ARE"), ("Великобританией", "GBR"),
    ("Кыргызстане", "KGZ"), ("Киргизии", "KGZ"), ("Турции", "TUR"), ("Японии", "JPN"),
    ("Индией", "IND"), ("Узбекистаном", "UZB"), ("Белоруссии", "BLR"), ("Нидерландах", "NLD"),
    ("Египте", "EGY"), ("Папуа-Новой Гвинеи", "PNG"),
]
# fmt: on

# fmt: off
ENGLISH = [
    ("Kazakhstan", "KAZ"), ("Kazakhstan's", "KAZ"), ("Republic of Kazakhstan", "KAZ"),
    ("the United States", "USA"), ("US", "USA"), ("U.S.", "USA"), ("USA", "USA"),
    ("the UK's", "GBR"), ("Great Britain", "GBR"), ("PRC", "CHN"),
    ("People's Republic of China", "CHN"), ("Russian Federation", "RUS"), ("UAE", "ARE"),
    ("Republic of Korea", "KOR"), ("Kyrgyz Republic", "KGZ"), ("Türkiye", "TUR"),
    ("Turkiye", "TUR"), ("Côte d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"),
    ("the Netherlands", "NLD"), ("Holy See", "VAT"), ("Kosovo", "XKX"), ("Taiwan", "TWN"),
]
# fmt: on


@pytest.mark.parametrize(("mention", "iso3"), KAZAKH)
def test_kazakh_mentions(mention: str, iso3: str) -> None:
    for lang in (None, "kk"):
        country = lookup_country(mention, lang)
        assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(("mention", "iso3"), RUSSIAN)
def test_russian_mentions(mention: str, iso3: str) -> None:
    for lang in (None, "ru"):
        country = lookup_country(mention, lang)
        assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(("mention", "iso3"), ENGLISH)
def test_english_mentions(mention: str, iso3: str) -> None:
    for lang in (None, "en"):
        country = lookup_country(mention, lang)
        assert country is not None and country.iso3 == iso3


@pytest.mark.parametrize(
    "mention", ["КСРО-ның", "СССР", "USSR", "Кеңес Одағының", "Советского Союза", "Soviet Union"]
)
def test_the_ussr_has_no_iso_code(mention: str) -> None:
    country = lookup_country(mention)
    assert country is not None and country.wikidata == USSR_QID


@pytest.mark.parametrize(
    "mention",
    [
        "казахстанский",
        "казахстанской",
        "қазақстандық",
        "Kazakh",
        "Kazakhstani",
        "us",
        "Us",
        "Кореи",
        "Корея",
        "Congo",
        "",
        "   ",
        "Алматы",
        "Europe",
    ],
)
def test_adjectives_pronouns_and_ambiguous_names_find_nothing(mention: str) -> None:
    assert lookup_country(mention) is None


def test_quotes_and_punctuation_are_ignored() -> None:
    assert lookup_country("«Қазақстан»,") == lookup_country("Kazakhstan.")
    assert lookup_country("(Germany)") == country_by_code("DE")


def test_country_is_frozen_and_hashable() -> None:
    country = country_by_code("KZ")
    assert isinstance(country, Country)
    with pytest.raises(dataclasses.FrozenInstanceError):
        country.iso2 = "XX"  # type: ignore[misc]
    with pytest.raises(TypeError):
        country.names["en"] = "X"  # type: ignore[index]
    assert len({country, country_by_code("KAZ")}) == 1
    assert country.name("kk") == "Қазақстан" and country.name("de") == "Kazakhstan"


def test_country_by_code_unknown() -> None:
    assert country_by_code("ZZ") is None
    assert country_by_code("") is None


def test_docstring_examples() -> None:
    import doctest

    assert doctest.testmod(gazetteer).failed == 0
