"""The curated catalogue of institutions and legal acts, and its multilingual lookup."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from kg.lexicon.catalog import (
    DATA,
    institutions,
    legal_acts,
    lookup_act,
    lookup_institution,
)

BASE_COLUMNS = ["key", "kind", "wikidata", "en", "ru", "kk", "aliases"]
INST_COLUMNS = BASE_COLUMNS + ["ror"]
ACT_COLUMNS = BASE_COLUMNS + ["year"]
INST_KINDS = {
    "university", "research", "ministry", "agency", "parliament", "government", "party",
    "international", "foreign", "company", "media", "library", "other",
}
ACT_KINDS = {"law", "code", "constitution", "treaty", "declaration", "program", "strategy", "concept", "decree", "resolution"}


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


@pytest.mark.parametrize(
    ("name", "columns", "kinds", "minimum"),
    [
        ("institutions.tsv", INST_COLUMNS, INST_KINDS, 75),
        ("legal_acts.tsv", ACT_COLUMNS, ACT_KINDS, 35),
    ],
)
def test_tsv_shape(name: str, columns: list[str], kinds: set[str], minimum: int) -> None:
    header, rows = _rows(DATA / name)
    assert header == columns
    assert len(rows) >= minimum
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "keys must be unique"
    for row in rows:
        assert len(row) == len(columns), row
        rec = dict(zip(columns, row))
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", rec["key"]), rec["key"]
        assert rec["kind"] in kinds, rec
        assert re.fullmatch(r"(Q\d+)?", rec["wikidata"]), rec
        assert all(rec[lang].strip() for lang in ("en", "ru", "kk")), rec
        assert all(a.strip() == a and a for a in rec["aliases"].split("|") if rec["aliases"])
        assert re.fullmatch(r"(0[a-z0-9]{6}\d{2})?", rec.get("ror", "")), rec
        if rec.get("year"):
            assert 1940 <= int(rec["year"]) <= 2030


def test_loaded_entries() -> None:
    assert len(institutions()) >= 75 and len(legal_acts()) >= 35
    un = next(e for e in institutions() if e.key == "un")
    assert un.wikidata == "Q1065" and un.names["kk"] == "Біріккен Ұлттар Ұйымы"
    constitution = next(e for e in legal_acts() if e.key == "kz-constitution")
    assert constitution.year == 1995 and constitution.kind == "constitution"


INSTITUTIONS = [
    # a body of Kazakhstan's President, its owner printed before or after its acronym
    ("KazISS under President of Kazakhstan", "kisi"),
    ("ҚР Президенті жанындағы ҚСЗИ-дің", "kisi"),
    ("ЕҰУ-дағы", "enu"),
    ("ЕНУ", "enu"),
    ("ENU", "enu"),
    ("Еуразия ұлттық университетінің", "enu"),
    ("Л.Н.Гумилев атындағы Еуразия ұлттық университеті", "enu"),
    ("Евразийского национального университета имени Л.Н. Гумилева", "enu"),
    ("L.N. Gumilyov Eurasian National University", "enu"),
    ("Eurasian National University named after L.N. Gumilyov", "enu"),
    ("Әл-Фараби атындағы Қазақ ұлттық университетінің", "kaznu"),
    ("КазНУ им. аль-Фараби", "kaznu"),
    ("Al-Farabi Kazakh National University", "kaznu"),
    ("Назарбаев Университетінің", "nu"),
    ("Қазақстан Республикасының Сыртқы істер министрлігіне", "mfa"),
    ("Министерства иностранных дел Республики Казахстан", "mfa"),
    ("Ministry of Foreign Affairs", "mfa"),
    ("Министерством науки и высшего образования", "mshe"),
    ("Біріккен Ұлттар Ұйымының", "un"),
    ("Организации Объединённых Наций", "un"),
    ("UN", "un"),
    ("Еуропадағы қауіпсіздік және ынтымақтастық ұйымы", "osce"),
    ("ЕҚЫҰ-ның", "osce"),
    ("ОБСЕ", "osce"),
    ("БДИПЧ", "odihr"),
    ("ДИАҚБ", "odihr"),
    ("ҚСЗИ", "kisi"),
    ("КИСИ", "kisi"),
    ("KazISS", "kisi"),
    ("ИМЭП", "iwep"),
    ("ӘЭСИ-нің", "iwep"),
    ("Еуропалық Одаққа", "eu"),
    ("Европейского союза", "eu"),
    ("Нұр Отан партиясының", "amanat"),
    ("Партии «Нур Отан»", "amanat"),
    ("Мажилиса Парламента Республики Казахстан", "mazhilis"),
    ("Шанхай ынтымақтастық ұйымына", "sco"),
    ("Всемирного банка", "worldbank"),
    ("WHO", "who"),
    # state bodies, international organisations and media added in the catalogue's second round
    ("Жоғарғы Сотының", "kz-supreme-court"),
    ("Верховного суда Республики Казахстан", "kz-supreme-court"),
    ("Бас прокуратураның", "prosecutor-general"),
    ("Национального банка Республики Казахстан", "national-bank"),
    ("Қазақстан халқы Ассамблеясының", "apk"),
    ("Қорғаныс министрлігінің", "mod"),
    ("Министерства энергетики", "energy"),
    ("Халықаралық еңбек ұйымының", "ilo"),
    ("UN Security Council", "unsc"),
    ("БҰҰ Адам құқықтары жөніндегі кеңесінің", "unhrc"),
    ("Британ Кеңесі", "british-council"),
    ("Сорос-Қазақстан қорының", "soros-kazakhstan"),
    ("Deutsche Welle", "deutsche-welle"),
]

ACTS = [
    ("«Білім туралы» Заңына", "law-education"),
    ("Закона Республики Казахстан «Об образовании»", "law-education"),
    ('Law "On Education"', "law-education"),
    ("«Нұрлы жол» бағдарламасы", "nurly-zhol"),
    ("Стратегии «Казахстан-2050»", "kazakhstan-2050"),
    ("Қазақстан-2050 стратегиясында", "kazakhstan-2050"),
    ("Конституции Республики Казахстан", "kz-constitution"),
    ("Қазақстан Республикасының Конституциясына", "kz-constitution"),
    ("Налогового кодекса", "tax-code"),
    ("Салық кодексіне", "tax-code"),
    ("Цели устойчивого развития", "sdg"),
    ("Парижского соглашения", "paris-agreement"),
    ("«Цифрлық Қазақстан» мемлекеттік бағдарламасы", "digital-kazakhstan"),
    ("Концепции развития местного самоуправления до 2025 года", "lsg-concept-2025"),
    ("Закон «О местном государственном управлении и самоуправлении в Республике Казахстан»",
     "law-local-government"),
    ("Law on Local Government and Self-Government", "law-local-government"),
    ("Рухани жаңғыру бағдарламасы", "rukhani-zhangyru"),
    ("Ауыл — ел бесігі", "auyl-el-besigi"),
    # a programme's head word before or after a catalogued name
    ("Targeted Social Assistance Programme", "targeted-social-assistance"),
    ("State program “Digital Kazakhstan”", "digital-kazakhstan"),
    ("Государственная программа «Цифровой Казахстан»", "digital-kazakhstan"),
    # a Kazakh or Russian name in Latin letters (transliterated reference lists)
    ("Qazaqstan Respublikasynyń Qylmystyq kodeksi", "criminal-code"),
    ("Qazaqstan Respublikasynyn Konstitutsiyasy", "kz-constitution"),
    ("Gosudarstvennaya programma «Cifrovoy Kazahstan»", "digital-kazakhstan"),
    ("Qazaqstan Respublikasyn äleumettik damytudyn 2030 jylğa deingi tüjyrymdamasy",
     "social-development-concept-2030"),
    ("Қазақстан Республикасының денсаулық сақтау саласын дамытудың 2026 жылға дейінгі тұжырымдамасы",
     "healthcare-concept-2026"),
    ("concept of the healthcare development of the Republic of Kazakhstan until 2026",
     "healthcare-concept-2026"),
    # a plan's head phrase and its name joined by a dash, either way round
    ("«Ұлт жоспары – 100 нақты қадам»", "100-steps"),
    ("План нации – 100 конкретных шагов", "100-steps"),
    # codes, laws and programmes added in the catalogue's second round
    ("Жер кодексінің", "land-code"),
    ("Экологического кодекса", "environmental-code"),
    ("«Қоғамдық бақылау туралы» заң", "law-public-control"),
    ("Закона «О некоммерческих организациях»", "law-nonprofit"),
    ("«Болашақ» бағдарламасы", "bolashak"),
    ("Отбасылық және гендерлік саясат тұжырымдамасын", "family-gender-policy-concept-2030"),
    ("Антикоррупционной стратегии", "anticorruption-strategy-2025"),
    ("Business Roadmap 2025", "business-roadmap-2025"),
    ("Business Roadmap 2020", "business-roadmap-2020"),
]


@pytest.mark.parametrize(("surface", "key"), INSTITUTIONS)
def test_lookup_institution(surface: str, key: str) -> None:
    entry = lookup_institution(surface)
    assert entry is not None and entry.key == key


@pytest.mark.parametrize(("surface", "key"), ACTS)
def test_lookup_act(surface: str, key: str) -> None:
    entry = lookup_act(surface)
    assert entry is not None and entry.key == key


NEGATIVES = [
    "Алматы",
    "Қазақстан",
    "университет",
    "Ministry",
    "Жаңа университеті",
    "Асқар Жұмаділдаұлы",
    "Иван Петров",
    "who",
    "Алматы университеті",
    "Министерство",
    "Закон",
    "Еуразия",
    "Республика Казахстан",
    "National University",
    "Евразийский банк",
    "Программа развития",
    "National Academy for Public Administration under the President of Ukraine",
    "State Programme",
    "Болашақ",  # "future": only the quoted programme name with its head word is Bolashak
    "Security Council",  # whose? not the UN's unless it says so
    "Азаттық",  # "freedom": the radio only with its head word
    "",
]


@pytest.mark.parametrize("surface", NEGATIVES)
def test_negatives(surface: str) -> None:
    assert lookup_institution(surface) is None
    assert lookup_act(surface) is None


def test_lang_hint() -> None:
    assert lookup_institution("Сыртқы істер министрлігінің", lang="kk").key == "mfa"
    assert lookup_institution("Сенатом Парламента Республики Казахстан", lang="ru").key == "senate"


def test_a_unit_named_with_its_catalogued_parent_is_not_the_parent():
    from kg.lexicon.catalog import lookup_institution

    unit = "Қазақстан Республикасы Ғылым және жоғары білім министрлігі Ғылым комитеті"
    assert lookup_institution(unit, "kk") is None
    assert lookup_institution(unit.rsplit(" Ғылым комитеті", 1)[0], "kk").key == "mshe"


def test_an_institute_is_found_under_the_owners_its_affiliation_prints_around_it():
    forms = [("ҚР БҒМ ҒК Мемлекет тарихы институтының", "kk"),
             ("Института истории государства КН МОН РК", "ru"),
             ("Institute of State History of the KN of the Ministry of Education and Science "
              "of the Republic of Kazakhstan", "en")]
    assert {lookup_institution(name, lang).key for name, lang in forms} == {"ish"}
    # the owners alone are not the institute, nor is an unknown institute under them
    assert lookup_institution("ҚР БҒМ ҒК", "kk") is None
    assert lookup_institution("ҚР БҒМ ҒК Тарих және археология зертханасы", "kk") is None
