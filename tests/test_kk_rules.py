"""Kazakh rule patterns, each on a sentence we wrote ourselves."""

import pytest

from kg.extract import extractor_for
from kg.extract.base import ParagraphText
from kg.extract.kk.rules import find_kk


def extract_kk(text, use_model=True):
    return extractor_for("kk", use_model).extract(ParagraphText(text))


@pytest.mark.parametrize("text, span, label, canonical", [
    ("«Білім туралы» Заңына сәйкес", "«Білім туралы» Заңына", "LAW", "«Білім туралы» Заңы"),
    ("Қазақстан Республикасының «Мәдениет туралы» заңы бекітілді",
     "Қазақстан Республикасының «Мәдениет туралы» заңы", "LAW",
     "Қазақстан Республикасының «Мәдениет туралы» заңы"),
    ("Кәсіпкерлік кодексіне өзгеріс", "Кәсіпкерлік кодексіне", "LAW", "Кәсіпкерлік кодексі"),
    ("«Цифрлық Қазақстан» мемлекеттік бағдарламасының нәтижесі",
     "«Цифрлық Қазақстан» мемлекеттік бағдарламасының", "PROGRAM",
     "«Цифрлық Қазақстан» мемлекеттік бағдарламасы"),
    ("«Қазақстан-2050» стратегиясында", "«Қазақстан-2050» стратегиясында", "PROGRAM",
     "«Қазақстан-2050» стратегиясы"),
    ("Л.Н. Гумилев атындағы Еуразия ұлттық университетінің профессоры",
     "Л.Н. Гумилев атындағы Еуразия ұлттық университетінің", "ORG",
     "Л.Н. Гумилев атындағы Еуразия ұлттық университеті"),
    ("Қазақстан Республикасының Білім және ғылым министрлігіне хат",
     "Қазақстан Республикасының Білім және ғылым министрлігіне", "ORG",
     "Қазақстан Республикасының Білім және ғылым министрлігі"),
    ("Бұл БҰҰ-дағы талқылау", "БҰҰ-дағы", "ORG", "БҰҰ"),
    ("Оны Н.Ә.Назарбаевтың жолдауы айқындады", "Н.Ә.Назарбаевтың", "PERSON", "Н.Ә.Назарбаев"),
    ("Кеше «Алтын Дән» ЖШС құрылды", "«Алтын Дән» ЖШС", "ORG", "Алтын Дән"),
    ("Жамбыл облысының шаруалары", "Жамбыл облысының", "GPE_SUB", "Жамбыл облысы"),
])
def test_rule_span_label_canonical(text, span, label, canonical):
    found = {(text[m.start:m.end], m.label, m.canonical) for m in find_kk(text)}
    assert (span, label, canonical) in found
    assert all(m.source == "rule" for m in find_kk(text))


def test_plural_head_keeps_only_the_quoted_names():
    text = "«Ақпаратқа қол жеткізу туралы» және «Қоғамдық кеңестер туралы» заңдар қабылданды."
    spans = [(text[m.start:m.end], m.label) for m in find_kk(text)]
    assert spans == [("«Ақпаратқа қол жеткізу туралы»", "LAW"), ("«Қоғамдық кеңестер туралы»", "LAW")]


def test_generic_heads_and_sentence_initial_words_are_not_institutions():
    assert find_kk("Зерттеу қорытындысы бойынша министрлік шешім қабылдады.") == []
    text = "ЕҚЫҰ және Еуропалық Одағы"
    assert [text[m.start:m.end] for m in find_kk(text)] == ["ЕҚЫҰ", "Еуропалық Одағы"]


def test_rules_take_precedence_over_gazetteers():
    text = "Қазақстан Республикасының Білім және ғылым министрлігі мен Қытайдың өкілдері Алматыда кездесті."
    got = [(m.text, m.label) for m in extract_kk(text, use_model=False)]
    assert got == [("Қазақстан Республикасының Білім және ғылым министрлігі", "ORG"),
                   ("Қытайдың", "GPE"), ("Алматыда", "GPE_SUB")]


def test_regression_place_in_oblique_case_does_not_open_an_institution():
    text = "Ресеймен ынтымақтастық ЕАЭО аясында, ал Қытаймен байланыс \nШанхай ынтымақтастық ұйымы шеңберінде."
    assert ("Шанхай ынтымақтастық ұйымы", "ORG") in [(text[m.start:m.end], m.label)
                                                    for m in find_kk(text)]
    got = [(m.text, m.label) for m in extract_kk(text, use_model=False)]
    assert ("Қытаймен", "GPE") in got and ("Ресеймен", "GPE") in got


def test_regression_gazetteer_name_across_a_line_break_keeps_exact_offsets():
    text = "Келісім ал Оңтүстік\nКореямен жасалды."
    got = [m for m in extract_kk(text, use_model=False) if m.label == "GPE"]
    assert [(m.text, m.canonical) for m in got] == [("Оңтүстік\nКореямен", "Оңтүстік Корея")]
    assert all(text[m.start:m.end] == m.text for m in got)


def test_a_body_of_the_president_by_its_acronym_is_one_institution():
    """The masthead's «ҚР Президенті жанындағы ҚСЗИ-дің» (over a line break) is KazISS, not the
    country ҚР and the acronym apart."""
    from kg.extract import extract_text
    text = "Бас редактор Индира Рыстина, ҚР Президенті жанындағы\nҚСЗИ-дің бөлім басшысы"
    orgs = [(m.text, m.canonical) for m in extract_text(text, "d", (), False) if m.label == "ORG"]
    assert orgs == [("ҚР Президенті жанындағы\nҚСЗИ-дің", "ҚР Президенті жанындағы ҚСЗИ")]


def test_a_catalogued_thinker_opening_a_sentence_is_the_person_a_town_is_not():
    """«Хабермас …», «Серл …» opening a sentence are the philosophers (no place, no common
    word has their name); «Абай» there may be the town, so the list alone does not decide."""
    from kg.extract.kk.gazetteer import find_people
    text = "Ол айтты. Хабермас көпшілікті сынады. Серл сөз актілерін зерттеді. Абай ауылы."
    assert [text[c.start:c.end] for c in find_people(text)] == ["Хабермас", "Серл"]


def test_a_latin_name_opening_a_sentence_keeps_its_first_word():
    """«Goldman Sachs компаниясы» opening a sentence: a word in Latin letters is a name
    wherever it stands (a Kazakh first word there may be a title: «Елбасы Білім … министрлігі»)."""
    from kg.extract import extract_text
    orgs = [m.text for m in extract_text("Goldman Sachs компаниясы жұмыс істейді.", "d", (), False)
            if m.label == "ORG"]
    assert orgs == ["Goldman Sachs компаниясы"]


def test_a_common_noun_acronym_is_no_institution():
    """«АӨК саласында» (the agro-industrial complex, the model's ORG) is a sector, not a body."""
    from kg.extract import extract_text
    text = "Мамандардың кейіннен АӨК саласында жұмыс істеуі үшін ауылдық жерлерге қызықтыру керек."
    assert not [m for m in extract_text(text, "d", (), True) if m.label == "ORG"]


def test_an_unquoted_program_title_opened_by_a_capital_mid_sentence_is_a_program():
    """«… 2030 жылға дейін Отбасылық және гендерлік саясат тұжырымдамасын іске асыру»: a title
    with no quotes; a genitive name's strategy, a sentence-initial capital and a plural head are not."""
    text = "Биыл 2030 жылға дейін Отбасылық және гендерлік саясат тұжырымдамасын іске асыру басталды."
    found = {(text[m.start:m.end], m.label) for m in find_kk(text)}
    assert ("Отбасылық және гендерлік саясат тұжырымдамасын", "PROGRAM") in found
    for text in ("Бұл – Қытайдың жаңа экономикалық стратегиясы.",
                 "Мемлекеттік басқарудың жаңа тұжырымдамасы қабылданды.",
                 "Олар Субсидияланатын жұмыс бағдарламаларын ұсынды."):
        assert not [m for m in find_kk(text) if m.label == "PROGRAM"], text


def test_an_unquoted_catalogued_concept_is_the_concept_not_the_country_inside_it():
    text = "Тоқаев Қ. К. Әділетті Қазақстанның экономикалық бағдары. Қазақстан Республикасы Үкіметі шешті."
    got = {(m.text, m.label) for m in extract_kk(text, use_model=False)}
    assert ("Әділетті Қазақстанның", "PROGRAM") in got
    assert ("Қазақстанның", "GPE") not in got and ("Қазақстан Республикасы Үкіметі", "ORG") in got


def test_a_country_named_like_an_institution_and_a_program_with_its_years_in_brackets():
    """«Кеңес Одағы» (a union by its head word) is the Soviet Union, a country; «Ауыл - ел
    бесігі» (2019-2025) бағдарламасы is one program span with its years."""
    text = ("1991 жылы Кеңес Одағы ыдырағаннан кейін. «Ауыл - ел бесігі» (2019-2025) бағдарламасы "
            "аясында Еуропалық Одақ қолдады.")
    got = {(m.text, m.label) for m in extract_kk(text, use_model=False)}
    assert ("Кеңес Одағы", "GPE") in got and ("Еуропалық Одақ", "ORG") in got
    assert ("«Ауыл - ел бесігі» (2019-2025) бағдарламасы", "PROGRAM") in got


def test_a_rule_institution_whose_head_no_table_knows_is_canonical_without_its_case_ending():
    from kg.extract.kk import find_rules
    text = "Еуропалық Одақта жұмыс бар. ҚХР Мемлекеттік Кеңестің шешімі."
    assert [c.canonical for c in find_rules(text)] == ["Еуропалық Одақ", "ҚХР Мемлекеттік Кеңес"]


@pytest.mark.parametrize("text, name", [
    ("Білім министрлігі баяндама жасады.", "Білім министрлігі"),
    ("22. Білім министрлігі [Электрондық ресурс]. -URL: <https://www.gov.kz/x>", "Білім министрлігі"),
    ("Сыртқы істер министрлігі мәлімдеді.", "Сыртқы істер министрлігі"),
])
def test_a_ministry_opening_a_sentence_or_an_entry_is_a_name(text, name):
    from kg.extract import extract_text
    found = extract_text(text, language=lambda _: "kk", use_model=False)
    assert [(m.text, m.label) for m in found] == [(name, "ORG")]


@pytest.mark.parametrize("text", ["Зерттеу қорытындысы шықты.", "Қала орталығында жиын болды."])
def test_other_heads_after_a_sentence_initial_capital_are_still_no_names(text):
    from kg.extract import extract_text
    assert extract_text(text, language=lambda _: "kk", use_model=False) == ()
