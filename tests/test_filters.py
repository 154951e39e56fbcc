"""Precision filters (kg/extract/filters): one regression test per filter, on synthetic text.

The examples are the junk the issue found at the top of the real corpus build («Лоббизм» as a
person, «Residual Std» from a table, «Конструктивизм» as a law, thinkers as regions ...),
written here as short invented sentences.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

import kg.extract.filters as filters_pkg
from kg.extract import extract_text
from kg.extract.base import BaseExtractor, ParagraphText
from kg.extract.filters import FILTERS, FilterContext, apply_filters
from kg.extract.filters.common import drop_common_words
from kg.extract.filters.institution import filter_institutions
from kg.extract.filters.law import filter_laws
from kg.extract.filters.person import filter_persons
from kg.extract.filters.program import filter_programs
from kg.extract.filters.region import filter_regions
from kg.extract.filters.shape import drop_non_names
from kg.extract.filters.tables import drop_in_tables
from kg.extract.spans import Candidate
from kg.lexicon.common import common_words, is_common_word
from kg.segment.affiliations import institution_of, institutions_of
from kg.text.tables import is_table_line

ROOT = Path(__file__).resolve().parents[1]


def cands(text: str, label: str, pattern: str, source: str = "ner") -> list[Candidate]:
    return [Candidate(m.start(), m.end(), label, source, m.group())
            for m in re.finditer(pattern, text)]


def kept(text: str, found: list[Candidate], apply, lang: str = "kk") -> list[tuple[str, str]]:
    return [(text[c.start:c.end], c.label) for c in apply(FilterContext(text, lang), found)]


# --- the registry --------------------------------------------------------------------------------

def test_every_filter_module_is_registered_and_runs_in_order() -> None:
    modules = {name for _, name, _ in pkgutil.iter_modules(filters_pkg.__path__)} - {"context"}
    registered = {f.__module__.rsplit(".", 1)[1] for _, f in FILTERS}
    assert registered == modules
    assert [name for name, _ in FILTERS][:2] == ["shape", "tables"]


def test_every_extractor_applies_the_filters() -> None:
    class Junk(BaseExtractor):
        lang: ClassVar[str] = "kk"
        version: ClassVar[str] = "junk/0"

        def extract(self, paragraph: ParagraphText):
            return self.build_mentions(paragraph, cands(paragraph.text, "PERSON", r"\w+"))

    found = Junk().extract(ParagraphText("Кітап Назарбаев"))
    assert [m.text for m in found] == ["Назарбаев"]


def test_english_extractor_drops_a_bare_agency() -> None:
    found = extract_text("In 2017 the Agency studied the OSCE.", use_model=False)
    assert [(m.text, m.label) for m in found] == [("OSCE", "ORG")]


# --- common words --------------------------------------------------------------------------------

def test_common_word_lexicon_holds_words_only() -> None:
    lines = (ROOT / "kg/lexicon/data/common_words.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "lemma\tlang"
    assert all(re.fullmatch(r"[^\s\t]+\t(?:kk|ru|en)", line) for line in lines[1:])
    assert len(common_words()["kk"]) > 1000


@pytest.mark.parametrize("word", ["Лоббизм", "Біріншісі", "Кітап", "Жауап", "Конференция",
                                  "Кітабында", "Мемлекет"])
def test_capitalised_common_nouns_are_common(word: str) -> None:
    assert is_common_word(word, "kk")


@pytest.mark.parametrize("word", ["Назарбаев", "Тоқаев", "Бауман", "Абай", "Астана"])
def test_names_are_not_common(word: str) -> None:
    assert not is_common_word(word, "kk")


def test_common_nouns_at_sentence_starts_and_headings_are_not_persons() -> None:
    text = "Лоббизм\nБіріншісі, тәсіл. Кітап оқылды. Жауап берді. Конференция өтті. Назарбаев келді."
    found = cands(text, "PERSON", r"[А-ЯӘҒҚҢӨҰҮҺІ]\w+")
    assert kept(text, found, drop_common_words) == [("Назарбаев", "PERSON")]


def test_a_gazetteer_place_is_kept_whatever_its_words() -> None:
    text = "Жаңа қала"
    found = [Candidate(0, 9, "GPE_SUB", "gazetteer", "Жаңа қала")]
    assert kept(text, found, drop_common_words) == [("Жаңа қала", "GPE_SUB")]


def test_the_generator_refuses_the_kaznerd_test_split(tmp_path: Path) -> None:
    fake = tmp_path / "IOB2_test.txt"
    fake.write_text("Сөз O\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(ROOT / "pipelines/lexicon/common_words.py"),
                          "--kaznerd", str(fake), "--out", str(tmp_path / "x.tsv")],
                         capture_output=True, text=True)
    assert run.returncode != 0 and "test split" in run.stderr
    assert not (tmp_path / "x.tsv").exists()


# --- tables, codes, numbers ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Residual Std. Error\t36,926 (df = 41399)\t60,830",
    "Константа 144,250*** 152,634*** 152,471***",
    "КЖ-03 - КЖ-17",
    "Кесте 3 – Респонденттер",
    "Figure 2. Publications by year",
    "The screenshot shows a calendar with a 'Town Planning Board' meeting at 18:00.",
])
def test_table_like_lines(line: str) -> None:
    assert is_table_line(line)


@pytest.mark.parametrize("line", [
    "Қазақстан 1995 жылы жаңа Конституция қабылдады.",
    "Residual income matters for 3 of 4 households in the region, as the survey shows.",
    "  \tЗерттеу 2020 жылы басталды.",
])
def test_prose_lines(line: str) -> None:
    assert not is_table_line(line)


def test_table_labels_are_not_entities_but_known_names_are() -> None:
    text = "Мәтін.\nResidual Std\t36,926\t60,830\nКонстанта\t144,250\t152,634\nҚазақстан\t23,0\t1,5"
    found = (cands(text, "PERSON", r"Residual Std") + cands(text, "LAW", r"Константа")
             + cands(text, "GPE", r"Қазақстан", "gazetteer"))
    assert kept(text, found, drop_in_tables) == [("Қазақстан", "GPE")]


def test_codes_and_numbers_are_not_names() -> None:
    text = "КЖ-03 мен КЖ-07-нің жауабы 23,0 болды, Абай"
    found = (cands(text, "PERSON", r"КЖ-0\d(?:-нің)?") + cands(text, "ORG", r"23,0")
             + cands(text, "PERSON", r"Абай"))
    assert kept(text, found, drop_non_names) == [("Абай", "PERSON")]


# --- persons and regions ---------------------------------------------------------------------------

def test_a_person_needs_a_name_shape() -> None:
    text = ("Зигмунт Бауман мен Н.Ә. Назарбаев. Жетібай ауылы. орнықты даму Мақсаттары. "
            "Otto von Bismarck")
    found = cands(text, "PERSON",
                  r"Зигмунт Бауман|Н\.Ә\. Назарбаев|Жетібай|орнықты даму Мақсаттары|Otto von Bismarck")
    assert [t for t, _ in kept(text, found, filter_persons)] == [
        "Зигмунт Бауман", "Н.Ә. Назарбаев", "Otto von Bismarck"]


def test_thinkers_are_not_regions() -> None:
    text = "Зигмунт Бауман туралы. Бауман мен Манович, Арендт және Орталық Азия, Еуропа, Алматы."
    found = (cands(text, "PERSON", r"Зигмунт Бауман")
             + cands(text, "GPE_SUB", r"(?<=\. )Бауман|Манович|Арендт|Орталық Азия|Еуропа|Алматы"))
    assert kept(text, found, filter_regions) == [
        ("Зигмунт Бауман", "PERSON"), ("Бауман", "PERSON"), ("Манович", "PERSON"),
        ("Арендт", "PERSON"), ("Алматы", "GPE_SUB")]  # Арендт: a surname people.tsv knows


def test_districts_in_a_list_share_their_head() -> None:
    text = "Балқаш, Кеген және Ұйғыр аудандарында"
    found = cands(text, "GPE_SUB", r"Балқаш|Кеген|Ұйғыр")
    assert len(kept(text, found, filter_regions)) == 3


# --- laws and programs -----------------------------------------------------------------------------

def test_a_law_needs_a_head_word_and_a_title() -> None:
    text = ("Конструктивизм мен Әкімшілік құқық. «Білім туралы» Заңы, Еңбек кодексі, Конституция, "
            "Закон «О языках», Code")
    found = cands(text, "LAW", r"Конструктивизм|Әкімшілік құқық|«Білім туралы» Заңы|Еңбек кодексі"
                              r"|Конституция|Закон «О языках»|Code")
    assert [t for t, _ in kept(text, found, filter_laws)] == [
        "«Білім туралы» Заңы", "Еңбек кодексі", "Конституция", "Закон «О языках»"]


def test_a_kind_of_law_with_an_indefinite_article_is_not_a_law() -> None:
    text = ("It offered a Deep and Comprehensive Free Trade Agreement (DCFTA). "
            "The Lobbying Disclosure Act (LDA) and an Association Agreement followed.")
    found = cands(text, "LAW", r"Deep and Comprehensive Free Trade Agreement|DCFTA"
                              r"|Lobbying Disclosure Act|LDA|Association Agreement")
    assert [t for t, _ in kept(text, found, filter_laws, "en")] == ["Lobbying Disclosure Act", "LDA"]


def test_a_work_title_is_not_a_law_but_a_listed_act_title_is() -> None:
    text = "«Адам болу туралы» кітабында; «Жергілікті басқару туралы» [4]"
    found = cands(text, "LAW", r"«[^»]+»")
    assert [t for t, _ in kept(text, found, filter_laws)] == ["«Жергілікті басқару туралы»"]


def test_a_program_needs_a_head_word_and_a_proper_title() -> None:
    text = ("«жұмсақ күш» тұжырымдамасы, жұмсақ күш тұжырымдамасы, «Нұрлы жол» бағдарламасы, "
            "Цифрлық Қазақстан стратегиясы, әлеуметтік көмек, программ («Бастау», «Старт»)")
    found = cands(text, "PROGRAM", r"«жұмсақ күш» тұжырымдамасы|(?<=, )жұмсақ күш тұжырымдамасы"
                                  r"|«Нұрлы жол» бағдарламасы|Цифрлық Қазақстан стратегиясы"
                                  r"|әлеуметтік көмек|«Бастау»|«Старт»")
    assert [t for t, _ in kept(text, found, filter_programs)] == [
        "«Нұрлы жол» бағдарламасы", "Цифрлық Қазақстан стратегиясы", "«Бастау»", "«Старт»"]


def test_a_research_grant_is_not_a_program() -> None:
    text = ("Мақала AP23485390 «Практикалық философия» гранттық қаржыландыру жобасы аясында дайындалды; "
            "«Нұрлы жол» бағдарламасы")
    found = cands(text, "PROGRAM", r"«Практикалық философия» гранттық қаржыландыру жобасы"
                                  r"|«Нұрлы жол» бағдарламасы")
    assert [t for t, _ in kept(text, found, filter_programs)] == ["«Нұрлы жол» бағдарламасы"]


# --- institutions and affiliations -------------------------------------------------------------------

def test_adjectives_and_bare_heads_are_not_institutions() -> None:
    text = "Лоббистік, Әкімшілік, Мемлекет, the Agency, the Council, Министрлігі және ЕҰУ"
    found = cands(text, "ORG", r"Лоббистік|Әкімшілік|Мемлекет|the Agency|the Council|Министрлігі|ЕҰУ")
    assert kept(text, found, filter_institutions) == [("ЕҰУ", "ORG")]


def test_the_council_named_in_full_in_the_paragraph_is_kept() -> None:
    text = "Kazakhstan and the Council of Europe: the Council agreed."
    found = cands(text, "ORG", r"Council of Europe|(?<=the )Council(?= agreed)", "head")
    assert [t for t, _ in kept(text, found, filter_institutions, "en")] == [
        "Council of Europe", "Council"]


def test_a_plural_head_or_acronym_names_a_class_of_bodies_not_an_institution() -> None:
    text = ("Сараптамалық талдау орталықтарымен, азаматтық қоғам институттарының және "
            "«Сараптамалық орталықтар» бірлестігі, Кәсіпкерлер палатасы, LDCs, NATO")
    found = cands(text, "ORG", r"Сараптамалық талдау орталықтарымен|азаматтық қоғам институттарының"
                               r"|«Сараптамалық орталықтар» бірлестігі|Кәсіпкерлер палатасы|LDCs|NATO")
    assert [t for t, _ in kept(text, found, filter_institutions)] == [
        "«Сараптамалық орталықтар» бірлестігі", "Кәсіпкерлер палатасы", "NATO"]
    text = "Kazakh Universities and Ministries of Education met the University of Oxford."
    found = cands(text, "ORG", r"Kazakh Universities|Ministries of Education|University of Oxford")
    assert [t for t, _ in kept(text, found, filter_institutions, "en")] == ["University of Oxford"]


def test_an_acronym_defined_by_a_common_noun_phrase_is_not_an_institution() -> None:
    text = ("small island developing States (SIDS), amalgamated territorial communities (ATC) "
            "and the Global Environment Facility (GEF)")
    found = cands(text, "ORG", r"SIDS|ATC|GEF")
    assert [t for t, _ in kept(text, found, filter_institutions, "en")] == ["GEF"]


def test_a_country_in_the_nominative_before_an_international_body_is_the_subject() -> None:
    text = "1992 жылы Қазақстан Біріккен Ұлттар Ұйымына мүше болды, Қазақстан Үкіметі қолдады."
    found = cands(text, "ORG", r"Қазақстан Біріккен Ұлттар Ұйымына|Қазақстан Үкіметі")
    assert kept(text, found, filter_institutions) == [
        ("Қазақстан", "GPE"), ("Біріккен Ұлттар Ұйымына", "ORG"), ("Қазақстан Үкіметі", "ORG")]


def test_a_comma_list_of_institutions_is_split() -> None:
    text = "ЮНКТАД, ПРООН, Британ Кеңесі бірге"
    found = cands(text, "ORG", r"ЮНКТАД, ПРООН, Британ Кеңесі", "rule")
    assert kept(text, found, filter_institutions) == [
        ("ЮНКТАД", "ORG"), ("ПРООН", "ORG"), ("Британ Кеңесі", "ORG")]


def test_a_company_keeps_its_legal_form() -> None:
    text = "«Дамыту орталығы» АҚ"
    found = cands(text, "ORG", r".+", "rule")
    assert kept(text, found, filter_institutions) == [(text, "ORG")]


def test_job_titles_are_stripped_from_affiliations() -> None:
    assert institution_of("Master's student at the Academy of Public Administration") == \
        "Academy of Public Administration"
    assert institution_of("«Astana Open University аға оқытушысы, магистр") == "Astana Open University"
    assert institution_of("Chief Expert of the Department of Asian Studies Kazakhstan Institute for "
                          "Strategic Studies") == "Kazakhstan Institute for Strategic Studies"


def test_an_authors_several_institutions_are_split() -> None:
    assert institutions_of("Х университетінің докторанты, «Тұран» университетінің оқытушысы") == (
        "Х университеті", "«Тұран» университеті")
    assert institutions_of("Director of the Alpha Institute and co-founder and Director of the "
                           "Beta Institute for Policy") == ("Alpha Institute", "Beta Institute for Policy")


def test_an_affiliation_without_a_head_word_names_a_catalogued_institution() -> None:
    assert institutions_of("АТУ, Әлеуметтік гуманитарлық пәндер кафедрасының ассистент профессоры") == ("АТУ",)
    assert institutions_of("Leading research fellow of KazISS under President of Kazakhstan, "
                           "Master of History") == ("KazISS under President of Kazakhstan",)
    # a capitalised word is no institution, nor is a country
    assert institutions_of("Chief Expert, Candidate of Historical Sciences (Astana, Kazakhstan)") == ()


def test_filters_end_to_end_keep_text_order() -> None:
    text = "Кітап. ЮНКТАД, ПРООН, Британ Кеңесі және Назарбаев"
    found = (cands(text, "PERSON", r"Кітап|Назарбаев")
             + cands(text, "ORG", r"ЮНКТАД, ПРООН, Британ Кеңесі", "rule"))
    out = apply_filters(text, "kk", found)
    assert [text[c.start:c.end] for c in out] == ["ЮНКТАД", "ПРООН", "Британ Кеңесі", "Назарбаев"]


def test_filter_modules_import_nothing_heavy() -> None:
    code = ("import sys, kg.extract.filters; "
            "print(any(m in sys.modules for m in ('spacy', 'pymorphy3', 'natasha')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert run.stdout.strip() == "False", run.stderr
    assert importlib.import_module("kg.extract.filters") is filters_pkg


def test_a_catalogued_acronym_the_clause_goes_on_after_is_the_owner_not_the_institution():
    """«ҚР ҒЖБМ ҒК Философия, саясаттану және дінтану институтының директоры»: the ministry's
    acronym opens the institute's name; the post's institution is the institute."""
    found = institutions_of("ҚР ҒЖБМ ҒК Философия, саясаттану және дінтану институтының директоры")
    assert found and "институты" in found[0] and "ҚР ҒЖБМ" != found[0]


def test_the_country_in_a_currency_name_is_no_mention_of_the_country():
    from kg.extract import extract_text
    for text, lang, kept in [
        ("2017 жылы АҚШ-та үлесі 1,35 млрд АҚШ долларын құрады.", "kk", ["АҚШ-та"]),
        ("Объем составил 2 млрд долларов США, а Китай вырос.", "ru", ["Китай"]),
        ("It reached 1.35 billion US dollars in the United States.", "en", ["United States"]),
    ]:
        found = extract_text(text, language=lambda _, lang=lang: lang)
        assert [m.text for m in found if m.label == "GPE"] == kept
