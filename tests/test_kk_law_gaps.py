"""Kazakh law and program gaps found on the second development key (tests/data/ner_dev2.jsonl),
each on a sentence written for the test. The extractor runs without the model, so the rules,
gazetteers and filters are what is checked.
"""

import pytest

from kg.extract.base import ParagraphText
from kg.extract.kk import KazakhExtractor

KK = KazakhExtractor(use_model=False)


def found(text):
    return [(m.text, m.label) for m in KK.extract(ParagraphText(text)) if not m.nested_parent]


def test_law_unquoted_title_ending_in_against_with_owner():
    text = "Ел Адам саудасына қарсы БҰҰ конвенциясына (UNTC) қосылды. UNTC талаптары орындалды."
    got = found(text)
    assert ("Адам саудасына қарсы БҰҰ конвенциясына", "LAW") in got
    assert got.count(("UNTC", "LAW")) == 2
    assert not any(label == "ORG" for _, label in got)


def test_law_owner_in_the_genitive_opens_the_title():
    text = "Қазақстан ТМД-ның Көші-қонға қарсы конвенциясына қосылды."
    assert found(text) == [("Қазақстан", "GPE"), ("ТМД-ның Көші-қонға қарсы конвенциясына", "LAW")]


def test_law_named_document_survives_the_law_filter():
    text = "Бұл қағидалар Копенгаген құжатында және Хельсинки хаттамасында айтылған."
    assert found(text) == [("Копенгаген құжатында", "LAW"), ("Хельсинки хаттамасында", "LAW")]


def test_law_quoted_title_then_date_and_number_before_the_head():
    text = "Бұл Қазақстан Республикасының «Мұрағат туралы» 1998 жылғы 22 желтоқсандағы № 326-I Заңында бар."
    assert found(text) == [
        ("Қазақстан Республикасының «Мұрағат туралы» 1998 жылғы 22 желтоқсандағы № 326-I Заңында", "LAW")]


def test_law_quoted_title_broken_over_lines_with_mixed_quotes():
    text = "Парламент \"Байланыс желілері \nмәселелері туралы» Заң жобасын қарады."
    assert found(text) == [("\"Байланыс желілері \nмәселелері туралы» Заң жобасын", "LAW")]


def test_law_english_title_with_lower_case_function_words():
    text = "АҚШ-та Freedom of Information Act ертеде қабылданды."
    assert ("Freedom of Information Act", "LAW") in found(text)


@pytest.mark.parametrize("text, span", [
    ("Ел Еуропалық әлеуметтік хартияны мақұлдады.", "Еуропалық әлеуметтік хартияны"),
    ("Бұл Адам құқықтарының жалпыға бірдей декларациясында жазылған.",
     "Адам құқықтарының жалпыға бірдей декларациясында"),
    ("Олар Экономикалық құқықтар туралы халықаралық пактіні бекітті.",
     "Экономикалық құқықтар туралы халықаралық пактіні"),
])
def test_law_unquoted_named_charter_declaration_or_pact(text, span):
    assert found(text) == [(span, "LAW")]


def test_law_several_declarations_in_the_plural_are_no_title():
    text = "Ол Адам құқықтары туралы декларациялардың негізіне айналды."
    assert not any(label == "LAW" for _, label in found(text))


def test_law_parties_before_between_stay_outside_the_title():
    text = "Бұл Канада және Мексика арасындағы Солтүстік Американың еркін сауда туралы келісімі."
    got = found(text)
    assert ("Солтүстік Американың еркін сауда туралы келісімі", "LAW") in got
    assert ("Мексика", "GPE") in got


def test_law_title_opened_by_an_inflected_place_is_none():
    text = "2013 жылы екі агенттік Үрімшіде ынтымақтастық туралы келісімге қол қойды."
    assert not any(label == "LAW" for _, label in found(text))


def test_program_bare_lowercase_quoted_concept_is_no_program():
    text = "Ғалымдар «электронды үкімет» және «э-үкімет» ұғымдарын талқылайды."
    assert not any(label == "PROGRAM" for _, label in found(text))
    assert found("Елде «электронды үкімет» жобасы жүзеге асуда.") == [
        ("«электронды үкімет» жобасы", "PROGRAM")]


# --- institutions and countries on the second development key --------------------------------

def test_country_pair_joined_by_a_hyphen_gives_both_countries():
    assert found("Ресей-Қытай сауда байланыстары өсті.") == [("Ресей", "GPE"), ("Қытай", "GPE")]


def test_institution_named_inside_quotes_keeps_the_quotes():
    assert found("Бұл шешімді «ЮНЕСКО» былтыр қабылдады.") == [("«ЮНЕСКО»", "ORG")]


@pytest.mark.parametrize("text, span", [
    ("Мақала «Жұлдыз» журналында жарық көрді.", "«Жұлдыз» журналында"),
    ("Фильм «Қазақфильм» киностудиясында түсірілді.", "«Қазақфильм» киностудиясында"),
])
def test_journal_and_film_studio_are_institution_heads(text, span):
    assert found(text) == [(span, "ORG")]


# --- program and decree forms ----------------------------------------------------------------

@pytest.mark.parametrize("text, span", [
    ("«Нұрлы жер» тұрғын үй құрылысы бағдарламасы іске асты.", "«Нұрлы жер» тұрғын үй құрылысы бағдарламасы"),
    ("«Қарттарға қамқорлық» пилоттық жобасы басталды.", "«Қарттарға қамқорлық» пилоттық жобасы"),
    ("Үкімет «Кәсіп» жастар кәсіпкерлігін және шағын бизнесті дамытудың 2021-2024 жылдарға "
     "арналған мемлекеттік бағдарламасын бекітті.",
     "«Кәсіп» жастар кәсіпкерлігін және шағын бизнесті дамытудың 2021-2024 жылдарға арналған "
     "мемлекеттік бағдарламасын"),
    ("«Сапалы қала» Ұлт жоспары жарияланды.", "«Сапалы қала» Ұлт жоспары"),
])
def test_program_described_between_its_quoted_name_and_head(text, span):
    assert found(text) == [(span, "PROGRAM")]


def test_program_name_then_so_called_is_not_one_title():
    got = found("«Алтын көпір» деп аталатын жаңа бағдарлама басталды.")
    assert not any(s.endswith("бағдарлама") for s, _ in got)


def test_law_quoted_title_then_owner_body_date_and_number():
    text = ("«Мұрағат қорын сақтау ережесін бекіту туралы» Қазақстан Республикасы Үкіметінің "
            "2011 жылғы 3 наурыздағы № 215 қаулысы күшін жойды.")
    assert found(text) == [(text[:text.index(" күшін")], "LAW")]


@pytest.mark.parametrize("text, span", [
    ("Қазақстан Тұрақты даму мақсаттарына қол жеткізуге ұмтылады.", "Тұрақты даму мақсаттарына"),
    ("БҰҰ Жаһандық Орнықты Даму Мақсаттарын қабылдады.", "Жаһандық Орнықты Даму Мақсаттарын"),
])
def test_program_sustainable_development_goals_with_the_catalogue_name(text, span):
    got = KK.extract(ParagraphText(text))
    sdg = [m for m in got if m.label == "PROGRAM"]
    assert [m.text for m in sdg] == [span]
    assert sdg[0].canonical == "Тұрақты даму мақсаттары"


def test_law_capitalised_rules_of_a_body():
    text = "Судьялардың Кәсіптік әдеп қағидалары жаңартылды."
    assert found(text) == [("Судьялардың Кәсіптік әдеп қағидалары", "LAW")]
    assert not any(label == "LAW" for _, label in found("Осы келісімдер ережелерін түсіндіру қажет."))


def test_law_charter_word_inside_a_verb_is_no_head():
    text = "Әріптестер Ынтымақтастық үшін жиі декларацияланатын қағидаттарды ұстанады."
    assert not any(label == "LAW" for _, label in found(text))


@pytest.mark.parametrize("text, label", [
    ("“Алтын Сапа” АҚ-тың базасында жұмыс басталды. Бүгінде “Алтын Сапа” нарықты бөледі.", "ORG"),
    ("«Жасыл аула» бағдарламасы басталды. Кейін «Жасыл аула» кеңейтілді.", "PROGRAM"),
])
def test_quoted_name_keeps_its_label_where_it_stands_alone_again(text, label):
    got = found(text)
    quoted = text[text.rindex("“" if "“" in text else "«"):]
    bare = quoted[:quoted.index("”" if "“" in text else "»") + 1]
    assert (bare, label) in got


@pytest.mark.parametrize("text, span", [
    ("Шешімді Қаржы нарығын реттеу және дамыту агенттігі қабылдады.",
     "Қаржы нарығын реттеу және дамыту агенттігі"),
    ("Істі Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі тексерді.",
     "Сыбайлас жемқорлыққа қарсы іс-қимыл агенттігі"),
    ("Есепті Халықаралық валюта қоры жариялады.", "Халықаралық валюта қоры"),
])
def test_institution_name_with_an_object_verbal_noun_or_plain_nouns_before_its_head(text, span):
    assert found(text) == [(span, "ORG")]


def test_institution_not_opened_by_a_place_in_a_lower_case_phrase():
    text = "Зерттеушілер Өзбекстандағы махалла институтын сипаттайды."
    assert not any(label == "ORG" for _, label in found(text))
    assert found("Ол Қытайдағы Конфуций институтында оқыды.") == [
        ("Қытайдағы Конфуций институтында", "ORG")]


def test_listed_person_found_with_suffixes_and_inside_a_title():
    text = "Ол «Абай жолы» романын және Мұхтар Әуезовтің еңбегін оқыды."
    assert found(text) == [("Абай", "PERSON"), ("Мұхтар Әуезовтің", "PERSON")]


def test_listed_title_region_and_sentence_opening_name_are_no_person():
    assert found("Елбасы жаңа бағытты жариялады.") == []
    assert ("Абай", "PERSON") not in found("Ол Абай облысында тұрады.")


@pytest.mark.parametrize("text, span", [
    ("Кездесуде Дархан Қыдырәлі Нұрсұлтан Назарбаевқа Халықаралық түркі академиясының жұмысын "
     "таныстырды.", "Халықаралық түркі академиясының"),
    ("Қала Орталық Азиядағы негізгі хабына айналуы тиіс.", None),
])
def test_institution_not_opened_by_a_name_in_the_dative_or_a_capitalised_in_x(text, span):
    orgs = [s for s, label in found(text) if label == "ORG"]
    assert orgs == ([] if span is None else [span])


def test_law_country_acting_before_an_unquoted_title_is_outside_it():
    text = "Қазақстан Мүгедектердің құқықтары туралы конвенцияны ратификациялады."
    assert found(text) == [("Қазақстан", "GPE"), ("Мүгедектердің құқықтары туралы конвенцияны", "LAW")]


def test_law_platform_for_action():
    assert found("Бейжің іс-қимыл платформасы 1995 жылы қабылданды.") == [
        ("Бейжің іс-қимыл платформасы", "LAW")]


def test_program_quoted_state_idea_is_the_quote_alone_without_years():
    text = "Ол 2015–2016 жылдары «Мәңгілік Ел» патриоттық идеясын ұсынды."
    assert found(text) == [("«Мәңгілік Ел»", "PROGRAM")]


def test_section_label_opening_a_paragraph_is_no_person():
    from kg.extract.filters import apply_filters
    from kg.extract.spans import Candidate
    text = "Аңдатпа. Мақалада мемлекеттік бағдарламалар қарастырылады."
    assert apply_filters(text, "kk", [Candidate(0, 7, "PERSON", "ner", "Аңдатпа")]) == []
