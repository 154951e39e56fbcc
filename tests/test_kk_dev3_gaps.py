"""Kazakh extraction gaps found on the third development key (tests/data/ner_dev3.jsonl),
each on a sentence written for the test. The extractor runs without the model, so the rules,
gazetteers and filters are what is checked.
"""

from kg.extract.base import ParagraphText
from kg.extract.kk import KazakhExtractor
from kg.extract.kk.surnames import repeated_surnames
from kg.extract.spans import Candidate
from kg.lexicon.catalog import lookup_act

KK = KazakhExtractor(use_model=False)


def found(text):
    return [(m.text, m.label) for m in KK.extract(ParagraphText(text)) if not m.nested_parent]


def test_surname_then_lone_initial_keeps_no_trailing_space():
    text = "Бұл мәселені Жарқынбаева Р. [4], Омаров А. П. [6] және Ерланов Б.Қ. зерттеді."
    people = [span for span, label in found(text) if label == "PERSON"]
    assert people == ["Жарқынбаева Р.", "Омаров А. П.", "Ерланов Б.Қ."]


def test_surname_repeated_after_the_full_name_even_at_sentence_start():
    text = ("Д.Б. Сейітқалиев бұл ұғымды енгізді. Сейітқалиевтің пайымынша, жүйе өзгерді. "
            "Сейітқалиев кейін оны нақтылады.")
    got = found(text)
    assert ("Сейітқалиевтің", "PERSON") in got
    assert ("Сейітқалиев", "PERSON") in got


def test_surname_repeated_after_initials():
    text = "Ол Б.Мұратбековтың ісін қарады. Мұратбековтың ұсынысы қабылданбады."
    got = found(text)
    assert ("Б.Мұратбековтың", "PERSON") in got and ("Мұратбековтың", "PERSON") in got


def test_surname_repeat_needs_a_full_name_and_spares_other_people_and_words():
    text = "Жанар Ахметова келді. Ахметова сөйледі, ал Айгүл Ахметова үндемеді. Ахметовалар келді."
    given = [Candidate(0, 14, "PERSON", "ner", "Жанар Ахметова"),
             Candidate(43, 57, "PERSON", "ner", "Айгүл Ахметова")]
    got = [text[c.start:c.end] for c in repeated_surnames(text, given)]
    assert got == ["Жанар Ахметова", "Ахметова", "Айгүл Ахметова"]  # not the plural «Ахметовалар»
    bare = "Ахметова келді. Ахметова сөйледі."
    assert repeated_surnames(bare, [Candidate(0, 8, "PERSON", "ner")]) == [Candidate(0, 8, "PERSON", "ner")]


def test_surname_repeat_skips_a_place_or_common_word():
    text = "Ерлан Алматы келді. Алматыда жиын өтті."
    given = [Candidate(0, 12, "PERSON", "ner", "Ерлан Алматы")]
    assert repeated_surnames(text, given) == given


def test_catalogued_institution_written_out_in_full_with_its_ending():
    text = ("Дүниежүзілік банк жыл сайын баяндама шығарады. Есепті Экономикалық ынтымақтастық "
            "және даму ұйымының сарапшылары жазды.")
    assert found(text) == [("Дүниежүзілік банк", "ORG"),
                           ("Экономикалық ынтымақтастық және даму ұйымының", "ORG")]


def test_catalogued_institution_needs_its_capital():
    assert found("Бұл дүниежүзілік банк жүйесіне қатысты емес.") == []


def test_program_goals_opened_by_their_owner():
    text = "Ел БҰҰ-ның Орнықты даму мақсаттарын жоспарына енгізді. БҰҰ-ның ұсынысы қабылданды."
    assert found(text) == [("БҰҰ-ның Орнықты даму мақсаттарын", "PROGRAM"), ("БҰҰ-ның", "ORG")]
    goals = KK.extract(ParagraphText(text))[0]
    assert "БҰҰ" not in goals.canonical and lookup_act(goals.canonical, "kk") is not None  # the SDGs


def test_program_goals_after_a_nominative_subject_leave_it_out():
    got = found("БҰҰ Орнықты даму мақсаттарын қабылдады.")
    assert got == [("БҰҰ", "ORG"), ("Орнықты даму мақсаттарын", "PROGRAM")]


def test_model_institution_that_is_a_given_name_and_a_surname_is_a_person():
    from kg.extract.kk.model import _clean_model_span
    text = "Карл Поланьи еңбекті тауар деп санайды. Карл Маркс қоры ашылды. Джон Роулз жазды."

    def label(name):
        start = text.index(name)
        return _clean_model_span(text, start, start + len(name), "ORG")[2]

    assert label("Карл Поланьи") == "PERSON"
    assert label("Джон Роулз") == "PERSON"
    assert label("Карл Маркс қоры") == "ORG"  # an institution's head word
    assert _clean_model_span("Астана Хаб ашылды", 0, 10, "ORG") == (0, 10, "ORG")  # no given name


def test_author_year_citation_gives_its_authors_and_their_kazakh_spelling():
    text = "Деректер Браун мен Кларктың (Braun & Clarke, 2006) үлгісі бойынша талданды."
    assert found(text) == [("Браун", "PERSON"), ("Кларктың", "PERSON"),
                           ("Braun", "PERSON"), ("Clarke", "PERSON")]


def test_author_year_citation_lists_and_institutions_as_authors():
    text = "Бұл белгілі (Hood et al., 2015; Smith and Jones, 2001; World Bank, 2020). Ол (2019) жылы."
    got = found(text)
    assert [s for s, label in got if label == "PERSON"] == ["Hood", "Smith", "Jones"]
    assert ("World Bank", "PERSON") not in got


def test_author_year_citation_spares_words_that_do_not_render_the_names():
    text = "Зерттеу әдісі (Braun & Clarke, 2006) қолданылды."
    assert found(text) == [("Braun", "PERSON"), ("Clarke", "PERSON")]


def test_model_social_network_is_a_website_not_an_institution():
    from kg.extract.kk.model import _clean_model_span
    text = "Twitter-дегі жазбалар мен Facebook пен Instagram-да. Facebook компаниясы сотқа берді."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Twitter-дегі", "Instagram-да")]
    assert [_clean_model_span(text, s, e, "ORG") for s, e in spans] == [None, None]
    company = text.rindex("Facebook")
    assert _clean_model_span(text, company, company + 8, "ORG") == (company, company + 8, "ORG")


def test_a_numbered_five_year_plan_is_a_program_and_a_radio_station_an_institution():
    from kg.extract import extract_text

    found = {(m.text, m.label, m.canonical) for m in extract_text(
        "Бұл ауысу 11-бесжылдықта (2006–2010 ж.) көрінді. Қытай халықаралық радиосы хабар таратты.", "d", [])}
    assert ("11-бесжылдықта", "PROGRAM", "11-бесжылдық") in found
    assert ("Қытай халықаралық радиосы", "ORG", "Қытай халықаралық радиосы") in found


def test_a_chinese_name_in_kazakh_spelling_is_a_person():
    from kg.extract import extract_text

    found = {(m.text, m.label) for m in extract_text("Қытай жазушысы Су Бейхай еңбектері аударылды.", "d", [])}
    assert ("Су Бейхай", "PERSON") in found


def test_an_english_name_the_catalogue_knows_is_found_inside_kazakh_text():
    from kg.extract import extract_text

    found = {(m.text, m.label) for m in extract_text(
        "АҚШ-та Earned Income Tax Credit және New Deal бағдарламалары жүзеге асты. "
        "Ол Big Data әдістерін қолданды.", "d", [])}
    assert {("Earned Income Tax Credit", "PROGRAM"), ("New Deal", "PROGRAM")} <= found
    assert not any(text == "Big Data" for text, _ in found)  # not catalogued: nothing
