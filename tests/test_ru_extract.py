"""Russian extraction: our own sentences (exact spans, labels, canonical forms, offsets)."""

from __future__ import annotations

import pytest
from conftest import CORPUS, ROOT

from kg.extract import extractor_for
from kg.extract.base import ParagraphText
from kg.extract.ru.rules import RULE, find_by_rules
from kg.extract.spans import Candidate, resolve_overlaps
from kg.model import Mention


def extract_ru(text: str, document_id: str = "", use_model: bool = True) -> list[Mention]:
    return extractor_for("ru", use_model).extract(ParagraphText(text, document_id))


def found(text: str, **kw) -> list[tuple[str, str, str]]:
    mentions = extract_ru(text, "doc", **kw)
    for m in mentions:
        assert isinstance(m, Mention)
        assert text[m.start:m.end] == m.text
        assert (m.document_id, m.lang) == ("doc", "ru")
    return [(m.text, m.label, m.canonical) for m in mentions]


# --- laws -------------------------------------------------------------------------------------


def test_inflected_law_with_number_and_date() -> None:
    text = ("Порядок установлен Законом Республики Казахстан от 12 марта 2019 года № 230-VI "
            "«О парламентском контроле».")
    assert found(text) == [(
        "Законом Республики Казахстан от 12 марта 2019 года № 230-VI «О парламентском контроле»",
        "LAW",
        "Закон Республики Казахстан от 12 марта 2019 года № 230-VI «О парламентском контроле»",
    )]


def test_lower_case_law_and_constitution() -> None:
    text = "Мы сравнили нормы Конституции и закона «О свободе собраний» с практикой."
    assert found(text) == [
        ("Конституции", "LAW", "Конституция"),
        ("закона «О свободе собраний»", "LAW", "Закон «О свободе собраний»"),
    ]


def test_codes_and_constitution_of_the_republic() -> None:
    text = ("Штрафы предусмотрены Кодексом Республики Казахстан об административных "
            "правонарушениях, а ставки - Налоговым кодексом и Конституцией Республики Казахстан.")
    assert found(text) == [
        ("Кодексом Республики Казахстан об административных правонарушениях", "LAW",
         "Кодекс Республики Казахстан об административных правонарушениях"),
        ("Налоговым кодексом", "LAW", "Налоговый кодекс"),
        ("Конституцией Республики Казахстан", "LAW", "Конституция Республики Казахстан"),
    ]


def test_laws_sharing_a_plural_head_give_the_names_only() -> None:
    text = "Депутаты изменили законы «О торговле», «О рекламе» и «О лицензировании»."
    assert found(text, use_model=False) == [
        ("«О торговле»", "LAW", "Закон «О торговле»"),
        ("«О рекламе»", "LAW", "Закон «О рекламе»"),
        ("«О лицензировании»", "LAW", "Закон «О лицензировании»"),
    ]


def test_decree_and_treaty() -> None:
    text = ("Указом Президента Республики Казахстан «Об оптимизации системы управления» "
            "создано агентство; Договор о дружбе и сотрудничестве продлён.")
    assert found(text, use_model=False) == [
        ("Указом Президента Республики Казахстан «Об оптимизации системы управления»", "LAW",
         "Указ Президента Республики Казахстан «Об оптимизации системы управления»"),
        ("Договор о дружбе и сотрудничестве", "LAW", "Договор о дружбе и сотрудничестве"),
    ]


def test_unnamed_decree_is_not_a_mention() -> None:
    assert found("Указом Президента были назначены новые министры.", use_model=False) == []


# --- programs ---------------------------------------------------------------------------------


def test_programs_with_quoted_names_in_oblique_cases() -> None:
    text = ("Мероприятия государственной программы «Туризм для всех» связаны со Стратегией "
            "«Казахстан-2030» и национальным проектом «Чистая вода».")
    assert found(text) == [
        ("государственной программы «Туризм для всех»", "PROGRAM",
         "Государственная программа «Туризм для всех»"),
        ("Стратегией «Казахстан-2030»", "PROGRAM", "Стратегия «Казахстан-2030»"),
        ("национальным проектом «Чистая вода»", "PROGRAM", "Национальный проект «Чистая вода»"),
    ]


def test_concept_with_a_time_frame_and_sdgs() -> None:
    text = ("Авторы оценили Концепцию развития водного хозяйства до 2035 года с точки зрения "
            "Целей устойчивого развития.")
    assert found(text, use_model=False) == [
        ("Концепцию развития водного хозяйства до 2035 года", "PROGRAM",
         "Концепция развития водного хозяйства до 2035 года"),
        ("Целей устойчивого развития", "PROGRAM", "Цели устойчивого развития"),
    ]


def test_generic_strategy_and_lower_case_quote_are_not_programs() -> None:
    text = "Стратегия развития региона опирается на концепции «умного города»."
    assert found(text, use_model=False) == []


def test_program_list_in_parentheses_labels_the_acronym_everywhere() -> None:
    text = ("Семьи получают пособия в рамках программ («Бастау», ЖСП, «Старт»). "
            "Выплаты ЖСП выросли.")
    assert found(text) == [
        ("«Бастау»", "PROGRAM", "«Бастау»"),
        ("ЖСП", "PROGRAM", "ЖСП"),
        ("«Старт»", "PROGRAM", "«Старт»"),
        ("ЖСП", "PROGRAM", "ЖСП"),
    ]


# --- organisations, places, persons -----------------------------------------------------------


def test_ministry_rule_beats_the_models_location_inside_it() -> None:
    text = "Письмо направлено Министерством финансов Республики Казахстан в ОБСЕ и ООН."
    assert found(text) == [
        ("Министерством финансов Республики Казахстан", "ORG",
         "Министерство финансов Республики Казахстан"),
        ("ОБСЕ", "ORG", "ОБСЕ"),
        ("ООН", "ORG", "ООН"),
    ]


def test_university_with_eponym_and_quoted_companies() -> None:
    text = ("Исследование поддержали Карагандинский государственный университет имени "
            "Е. А. Букетова, АО «Транстелеком» и фонд «Болашак».")
    assert found(text, use_model=False) == [
        ("Карагандинский государственный университет имени Е. А. Букетова", "ORG",
         "Карагандинский государственный университет имени Е. А. Букетова"),
        ("АО «Транстелеком»", "ORG", "Транстелеком"),
        ("фонд «Болашак»", "ORG", "Фонд Болашак"),
    ]


def test_countries_cities_and_persons_are_put_into_the_nominative() -> None:
    text = ("Делегация Казахстана обсудила с Китаем и Турцией проект, который поддержал "
            "Касым-Жомарт Токаев; встреча прошла в Шымкенте.")
    assert found(text) == [
        ("Казахстана", "GPE", "Казахстан"),
        ("Китаем", "GPE", "Китай"),
        ("Турцией", "GPE", "Турция"),
        ("Касым-Жомарт Токаев", "PERSON", "Касым-Жомарт Токаев"),
        ("Шымкенте", "GPE_SUB", "Шымкент"),
    ]


def test_scholars_in_the_genitive() -> None:
    text = "Опираясь на идеи Эмиля Дюркгейма и Пьера Бурдье, автор спорит с Ханной Арендт."
    got = found(text)
    assert ("Эмиля Дюркгейма", "PERSON", "Эмиль Дюркгейм") in got
    assert ("Пьера Бурдье", "PERSON", "Пьер Бурдье") in got
    assert [g[0] for g in got][-1] == "Ханной Арендт"


def test_eu_is_an_organisation_and_macro_regions_are_not_labelled() -> None:
    text = "Европейский союз расширяет связи с Центральной Азией и Японией."
    assert found(text) == [
        ("Европейский союз", "ORG", "Европейский союз"),
        ("Японией", "GPE", "Япония"),
    ]


def test_offsets_survive_line_breaks_and_markup() -> None:
    text = "**Аннотация.** Статья о Казахстане\nи о Всемирном банке."
    got = extract_ru(text)
    assert [(m.text, m.label, m.canonical) for m in got] == [
        ("Казахстане", "GPE", "Казахстан"),
        ("Всемирном банке", "ORG", "Всемирный банк"),
    ]
    assert all(text[m.start:m.end] == m.text for m in got)


def test_resolve_prefers_strong_rules_then_longer_spans() -> None:
    rule = Candidate(0, 10, "LAW", "rule", "a", priority=RULE, preference=1)
    model = Candidate(0, 25, "ORG", "natasha", "b")
    acronym = Candidate(30, 33, "ORG", "acronym", "c", preference=1)
    longer_model = Candidate(28, 40, "ORG", "natasha", "d")
    assert resolve_overlaps([model, rule, acronym, longer_model]) == [rule, longer_model]


def test_an_acronym_beats_an_equally_long_model_span() -> None:
    model = Candidate(0, 3, "GPE_SUB", "natasha", "b")
    acronym = Candidate(0, 3, "ORG", "acronym", "c", preference=1)
    assert resolve_overlaps([model, acronym]) == [acronym]


def test_rules_alone_need_no_model() -> None:
    [cand] = find_by_rules("по Закону «О языках»")
    assert (cand.label, cand.canonical, cand.priority) == ("LAW", "Закон «О языках»", RULE)


def test_empty_text() -> None:
    assert extract_ru("   ") == []


# --- gold sample (skipped without the shared corpus) ------------------------------------------


def test_gold_ru_paragraphs() -> None:
    from kg.evaluate.gold import HEADLINE_LABELS, evaluate, load_gold

    paragraphs = [p for p in load_gold(ROOT / "tests" / "data" / "ner_gold.jsonl", CORPUS)
                  if p.lang == "ru"]
    if not paragraphs:
        pytest.skip("shared corpus not available")
    scores = evaluate(paragraphs, lambda t: [(m.start, m.end, m.label) for m in extract_ru(t)])
    assert scores.micro(HEADLINE_LABELS).f1 >= 0.9


# --- places without the model (reference entries, the front matter's lists) -------------------


def test_without_the_model_the_gazetteers_find_russian_countries_and_places():
    got = found("Профессор университета Индиана, Ph.D (США). Отношения России и Южной Кореи. "
                "М.: Наука, 2010. – Вашингтон, округ Колумбия; Санкт-Петербург: Питер",
                use_model=False)
    assert ("США", "GPE", "США") in got
    assert ("России", "GPE", "Россия") in got
    assert ("Южной Кореи", "GPE", "Южная Корея") in got
    assert ("Вашингтон", "GPE_SUB", "Вашингтон") in got
    assert ("Санкт-Петербург", "GPE_SUB", "Санкт-Петербург") in got
    texts = [t for t, _, _ in got]
    assert "Наука" not in texts and "Колумбия" not in texts  # a word; the District of Columbia


def test_a_town_that_is_a_first_name_is_no_place_without_the_model():
    assert found("Абай Естекбаев. Цифровизация и агропромышленный комплекс", use_model=False) == []


def test_a_catalogued_program_in_any_case_form_without_capitals_or_quotes():
    """«получающих адресную социальную помощь (АСП)» is the catalogued program; «Новый курс
    реформ» opening a sentence is no New Deal, and a bare «о государственной службе» no law."""
    got = found("Семьи, получающие адресную социальную помощь (АСП). Новый курс реформ начат. "
                "Речь шла о государственной службе.", use_model=False)
    assert ("адресную социальную помощь", "PROGRAM", "адресная социальная помощь") in got
    assert not any(label in ("LAW", "PROGRAM") and text != "адресную социальную помощь" and text != "АСП"
                   for text, label, _ in got)


def test_without_the_model_a_given_name_and_a_russian_surname_are_a_person_in_the_nominative():
    """A reference entry's title names a person («Абилюева Г.К. КНР в эпоху реформ Дэн Сяопина»,
    «зачем Алмасбеку Садырбаеву нужна партия»); without natasha the rules now read them."""
    text = "КНР в эпоху реформ Дэн Сяопина. Зачем Алмасбеку Садырбаеву нужна партия. Москва Наука."
    got = {(m.text, m.label, m.canonical) for m in extract_ru(text, use_model=False)}
    assert any(t == "Дэн Сяопина" and label == "PERSON" for t, label, _ in got)  # resolution joins
    assert ("Алмасбеку Садырбаеву", "PERSON", "Алмасбек Садырбаев") in got
    assert not any(label == "PERSON" and "Москва" in t for t, label, _ in got)


def test_an_initial_the_model_tags_alone_joins_the_surname_after_it() -> None:
    from kg.resolve import resolve

    text = "По мнению Дж. Ная, успех публичной дипломатии зависит от доверия."
    mentions = [m for m in extract_ru(text, "d") if m.label == "PERSON"]
    assert [m.text for m in mentions] == ["Дж. Ная"]  # no person «Дж» of its own
    r = resolve([], mentions)
    assert r.mentions[("d", mentions[0].start, mentions[0].end, "PERSON")] == ("person", "joseph-nye")
    assert r.entities[("person", "joseph-nye")].aliases == ()  # the genitive is no name of his
