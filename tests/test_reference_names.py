"""Names inside reference entries (issue 11: the laws, institutions and places a reference
list names were never read, so an entity named only there was missing from the graph)."""

from kg.extract.reference_text import reference_text_mentions
from kg.extract.tasks import ArticleTask, extract_article
from kg.model import REFERENCE_SOURCE, REFERENCE_SOURCES, REFERENCE_TEXT_SOURCE, Article, Mention, Span
from kg.resolve import resolve

TAIL = ("Әдебиеттер\n"
        "1. Қазақстан Республикасының Қылмыстық кодексі. [Электрондық ресурс] // "
        "<https://adilet.zan.kz/kaz/docs/K1400000226>\n"
        "2. Hall R. L. Lobbying in Kazakhstan and the Ministry of Lobbying. – Moscow, 1997.\n"
        "3. Putnam R. Making Democracy Work. – Princeton: Princeton University Press, 1993.\n")


def found(tail=TAIL, sources=frozenset({REFERENCE_SOURCE})):
    return [(m.text, m.label) for m in reference_text_mentions("d", 0, tail, use_model=False)
            if m.extractor in sources]


def test_a_catalogued_law_and_a_country_in_reference_titles_are_found():
    got = found()
    assert ("Қазақстан Республикасының Қылмыстық кодексі", "LAW") in got
    assert ("Kazakhstan", "GPE") in got


def test_unknown_names_persons_and_links_are_not_but_places_of_publication_are():
    got = found()
    assert not any(label == "PERSON" for _, label in got)
    assert not any(text.startswith("Ministry") for text, _ in got)
    unlisted = found(sources={REFERENCE_TEXT_SOURCE})
    assert [label for text, label in unlisted if text.startswith("Ministry")] == ["ORG"]
    assert ("Moscow", "GPE_SUB") in got
    assert not any("adilet" in text or "K14" in text for text, _ in got)


def test_offsets_point_into_the_document_and_the_source_is_the_reference_list():
    body = "Бұл мақала."
    text = body + TAIL
    task = ArticleTask("d", 0, body, (), len(body), TAIL)
    ms = [m for m in extract_article(task) if m.start >= len(body)]
    assert ms and all(text[m.start:m.end] == m.text for m in ms)
    assert all(m.extractor in REFERENCE_SOURCES for m in ms)
    assert ("Princeton University Press", "ORG") in [(m.text, m.label) for m in ms]


def test_a_quoted_name_in_an_entry_is_no_place():
    tail = ("References\n20. Задержан экс-глава НПП «Атамекен» Аблай Мырзахметов. "
            "[Электрондық ресурс]. – Алматы, 2020.\n")
    found = [(m.text, m.label) for m in reference_text_mentions("d", 0, tail, use_model=False)]
    assert ("Атамекен", "GPE_SUB") not in found and ("Алматы", "GPE_SUB") in found


def _mention(start, text, source, label="ORG"):
    return Mention("d", start, start + len(text), text, label, "en", text, source)


def test_an_unlisted_name_of_an_entry_is_kept_only_as_a_thing_the_corpus_names_elsewhere():
    """A reference title's institution no table knows joins the body's institution of that
    name; alone, it makes no node (it could be another language's name of something)."""
    article = Article("d", "t", 1, Span(0, 100), Span(0, 100))
    body = _mention(10, "Ministry of Lobbying", "kazkg-en/0.1:rules")
    cited = _mention(200, "Ministry of Lobbying", REFERENCE_TEXT_SOURCE)
    alone = _mention(300, "Lobbying Watch Foundation", REFERENCE_TEXT_SOURCE)
    r = resolve([article], [body, cited, alone])
    assert r.mentions[("d", 200, 220, "ORG")] == r.mentions[("d", 10, 30, "ORG")]
    assert ("d", 300, 325, "ORG") not in r.mentions
    assert not any("foundation" in key for _, key in r.entities)


def _kk(start: int, text: str, label: str, source: str, canonical: str = "") -> Mention:
    return Mention("d", start, start + len(text), text, label, "kk", canonical or text, source)


def test_an_entry_wording_an_acts_title_another_way_is_that_act_another_year_is_not():
    """«Х демографиялық даму тұжырымдамасы-2030» in the body and «Х Республикасының 2030
    жылға дейінгі демографиялық даму тұжырымдамасы» in a reference list are one concept; the
    same words with 2050 are another, and two body wordings join as well."""
    article = Article("d", "t", 1, Span(0, 100), Span(0, 100))
    body = _kk(10, "«Хоразмның демографиялық даму тұжырымдамасы-2030»", "PROGRAM", "kazkg-kk/0.1:rules",
               "Хоразмның демографиялық даму тұжырымдамасы")
    cited = _kk(200, "Хоразм Республикасының 2030 жылға дейінгі демографиялық даму тұжырымдамасы",
                "PROGRAM", REFERENCE_TEXT_SOURCE)
    other = _kk(400, "Хоразм Республикасының 2050 жылға дейінгі демографиялық даму тұжырымдамасы",
                "PROGRAM", REFERENCE_TEXT_SOURCE)
    worded = _kk(600, "2030 жылға дейінгі Хоразмның демографиялық даму тұжырымдамасы", "PROGRAM",
                 "kazkg-kk/0.1:rules")
    r = resolve([article], [body, cited, other, worded])
    key = r.mentions[("d", 10, body.end, "PROGRAM")]
    assert r.mentions[("d", 200, cited.end, "PROGRAM")] == key
    assert r.mentions[("d", 600, worded.end, "PROGRAM")] == key
    assert ("d", 400, other.end, "PROGRAM") not in r.mentions
    assert any("worded another way" in m.reason for m in r.merges)


def _person_keys(named: list[tuple[int, str]], cited: list[tuple[int, str]], source: str) -> dict:
    """Person key (or None) by start: names of a Kazakh text, then names cited by ``source``."""
    mentions = ([_kk(start, name, "PERSON", "kazkg-kk/0.1:rules") for start, name in named]
                + [_mention(start, name, source, "PERSON") for start, name in cited])
    r = resolve([Article("d", "t", 1, Span(0, 100), Span(0, 100))], mentions)
    return {m.start: r.mentions.get((m.document_id, m.start, m.end, "PERSON")) for m in mentions}


def test_cited_authors_join_the_one_person_of_the_document_of_that_sound_and_initials():
    """"Burns J.P." is «Джон П. Бернс» (a given name and an initial are two first letters)
    although «Браун» and «Бирс» sound one letter apart; "Cockx B." is the bare «Cocksx» the
    text misprints; "Hale, H." beside «Генри Хейл» (initials differ) makes no node."""
    key = _person_keys([(10, "Джон П. Бернс"), (40, "Браун"), (60, "Савио Бирс"), (80, "Cocksx"),
                        (100, "Генри Хейл")],
                       [(200, "Burns J.P."), (300, "Cockx B."), (400, "Hale, H.")], REFERENCE_SOURCE)
    assert key[200] == key[10] and key[300] == key[80]
    assert key[400] is None and len({key[10], key[40], key[60], key[80], key[100]}) == 5


def test_catalogued_institutions_opening_an_entry_or_in_a_title_case_entry_are_found():
    """A reference entry starts with its corporate author («Еңбек және әлеуметтік қорғау
    министрлігі [Электрондық ресурс]») or is written in Title Case ("European Commission.
    Staff Working Document"); a catalogued name there is found (a sentence-initial capital or
    a heading hid it), and a one-word catalogued name too ("// Kazinform. – 2025.")."""
    tail = ("References\n21. Еңбек және әлеуметтік қорғау министрлігі [Электрондық ресурс]. "
            "- URL: <https://www.gov.kz>\n6. European Commission [EC]. Staff Working Document\n"
            "7. Жаңа заң қабылданды // Kazinform. – 2025.\n")
    got = found(tail)
    assert ("Еңбек және әлеуметтік қорғау министрлігі", "ORG") in got
    assert ("European Commission", "ORG") in got and ("Kazinform", "ORG") in got


def test_a_person_a_reference_names_joins_a_person_of_the_corpus_or_makes_no_node():
    """«5. Nolan (2020). Poverty and Children's Rights.»: a name the rules read in an entry
    (no author with initials) is the body's «Ноланның»; one the corpus does not have makes no
    node; and a bare «Nolan» shares its surname with no cited author ("Nolan A." still joins)."""
    tail = "References\n5. Nolan (2020). Poverty and Children's Rights.\n"
    got = [(m.text, m.label, m.extractor) for m in reference_text_mentions("d", 0, tail, use_model=False)]
    assert ("Nolan", "PERSON", REFERENCE_TEXT_SOURCE) in got
    article = Article("d", "t", 1, Span(0, 100), Span(0, 100))
    body = Mention("d", 10, 18, "Ноланның", "PERSON", "kk", "Нолан", "kazkg-kk/0.1:rule")
    title = Mention("d", 200, 205, "Nolan", "PERSON", "en", "Nolan", REFERENCE_TEXT_SOURCE)
    author = Mention("d", 300, 308, "Nolan A.", "PERSON", "en", "Nolan A.", REFERENCE_SOURCE)
    alone = Mention("d", 400, 411, "Witterstein", "PERSON", "en", "Witterstein", REFERENCE_TEXT_SOURCE)
    r = resolve([article], [body, title, author, alone])
    person = r.mentions[("d", 10, 18, "PERSON")]
    assert r.mentions[("d", 200, 205, "PERSON")] == person == r.mentions[("d", 300, 308, "PERSON")]
    assert ("d", 400, 411, "PERSON") not in r.mentions


def test_an_entry_part_that_is_a_catalogued_name_in_latin_letters_is_found_whole():
    """A transliterated reference list names acts no extractor reads ("Qazaqstan
    Respublikasynyń Qylmystyq kodeksi"): a part of an entry (between brackets, «//», full
    stops) that is a whole catalogued name is a mention of it, and beats the country inside."""
    tail = ("REFERENCES\n10. Qazaqstan Respublikasynyń Qylmystyq kodeksi [Criminal Code of the "
            "Republic of Kazakhstan]. – Almaty, 2014.\n3. Open Government in Kazakhstan. Paris: "
            "OECD, 2017.\n")
    got = found(tail)
    assert ("Qazaqstan Respublikasynyń Qylmystyq kodeksi", "LAW") in got
    assert ("Qazaqstan", "GPE") not in got and ("Kazakhstan", "GPE") in got
    assert not any(text.startswith(("10.", "Open Government")) for text, _ in got)


def test_countries_in_transliterated_russian_entries_are_found():
    """"Administrativnye reformy v Kitae", "KNR v epokhu reform", "ledniki Kyrgyzstana": a
    Russian country name in Latin letters, read back in Cyrillic, is the country (an
    unknown acronym reading gave nothing before)."""
    tail = ("REFERENCES\n2. Abilekova G.K. (2012) KNR v epokhu reform. Almaty.\n"
            "5. Turdiev T.I. Gornye ledniki Kyrgyzstana. – Bishkek, 2010.\n"
            "7. Administrativnye reformy v Kitae i Rossii. Germany and Japan.\n")
    got = [(m.text, m.label, m.canonical) for m in reference_text_mentions("d", 0, tail, use_model=False)]
    for country in (("KNR", "GPE", "Китай"), ("Kyrgyzstana", "GPE", "Киргизия"),
                    ("Kitae", "GPE", "Китай"), ("Rossii", "GPE", "Россия")):
        assert country in got


def test_an_institution_before_a_quoted_title_and_its_bracketed_acronym_are_found():
    """«Доклад Евразийского банка развития «Цифровой потенциал …»»: the rule ran the bank into
    the report's title; the known part before the quote is the bank. "European Commission
    [EC]": the acronym in brackets is the Commission too."""
    tail = ("References\n6. European Commission [EC]. Staff Working Document.\n"
            "2. Доклад Евразийского банка развития «Цифровой потенциал стран». Алматы, 2019.\n")
    got = [(m.text, m.label, m.canonical) for m in reference_text_mentions("d", 0, tail, use_model=False)
           if m.extractor == REFERENCE_SOURCE]
    assert ("EC", "ORG", "European Commission") in got
    assert ("Евразийского банка развития", "ORG", "Евразийский банк развития") in got


def test_a_cited_full_name_joins_with_a_patronymic_or_a_given_name_one_letter_apart():
    """"Sadyrbaev Almasbek Zhumabekuly" is «Алмасбек Садырбаев»; "Ablay Myrzakhmetov" is
    «Абылай Мырзахметов»; «Асем Омарова» is not «Асель Омарова» (a letter changed, not added)."""
    key = _person_keys([(10, "Алмасбек Садырбаев"), (40, "Абылай Мырзахметов"), (70, "Асель Омарова")],
                       [(200, "Sadyrbaev Almasbek Zhumabekuly"), (300, "Ablay Myrzakhmetov"),
                        (400, "Asem Omarova")], REFERENCE_TEXT_SOURCE)
    assert key[200] == key[10] and key[300] == key[40]
    assert key[400] is None


def test_transliterated_russian_acronyms_are_read_with_their_two_letter_sounds():
    """"OEHSR" is ОЭСР (the OECD), "ShOS" is ШОС (the SCO), "PROON" ПРООН (UNDP), as an entry
    in Latin letters prints them; an English word in capitals is no acronym of ours."""
    tail = ("References\n1. Sravnitelnyi analiz v stranakh OEHSR, 2018. – 40 s.\n"
            "2. Rol ShOS i PROON v regione. THE END.\n")
    got = [(m.text, m.canonical) for m in reference_text_mentions("d", 0, tail, use_model=False)
           if m.label == "ORG"]
    assert ("OEHSR", "ОЭСР") in got and ("ShOS", "ШОС") in got and ("PROON", "ПРООН") in got
    assert not any(text == "THE" for text, _ in got)


def test_a_russian_entry_with_the_journals_kazakh_marks_is_read_as_russian():
    """«[Электрондық ресурс]», «(қаралған күні: …)», a date «10 қазан» and a link do not make a
    Russian title Kazakh or English: «Токаев предложил СНГ …» finds Tokayev, and a one-word
    catalogued part ("// *Kazinform*.") is the institution."""
    tail = ("References\n13. Токтар Б. Токаев предложил СНГ создать ассоциацию [Электрондық ресурс] "
            "// *Kazinform*. – 2025. – 10 қазан. – URL: <https://forbes.kz/articles/x-y-z> "
            "(қаралған күні: 05.12.2025).\n")
    got = {(m.text, m.label, m.lang) for m in reference_text_mentions("d", 0, tail, use_model=False)}
    assert ("Токаев", "PERSON", "ru") in got and ("Kazinform", "ORG", "en") in got


def test_a_treatys_place_and_date_after_its_title_do_not_hide_the_catalogued_treaty():
    tail = ("References\n14. Convention on the Elimination of All Forms of Discrimination against "
            "Women New York, 18 December 1979. <https://www.un.org/x>\n")
    got = [(m.text, m.label) for m in reference_text_mentions("d", 0, tail, use_model=False)]
    assert ("Convention on the Elimination of All Forms of Discrimination against Women", "LAW") in got


def test_a_mostly_cyrillic_entry_without_a_kazakh_letter_is_read_as_russian():
    """lingua reads «Задержан экс-глава НПП «Атамекен» Аблай Мырзахметов» as Kazakh (its names
    are); with no Kazakh letter in it the entry is Russian, and a Russian author list before an
    English title leaves the title English."""
    tail = ("References\n20. Задержан экс-глава НПП «Атамекен» Аблай Мырзахметов. [Электрондық ресурс]\n"
            "21. Мухамадиева Г., Мукалдыева Г. (2018). Standards of the OECD Members Implementation.\n")
    got = {(m.text, m.label, m.lang) for m in reference_text_mentions("d", 0, tail, use_model=False)}
    assert ("Аблай Мырзахметов", "PERSON", "ru") in got and ("OECD", "ORG", "en") in got


def test_a_catalogued_name_before_a_comma_in_a_transliterated_entry_is_found():
    tail = ("References\n6. Plana natsii - 100 konkretnykh shagov, Programma Prezidenta Respubliki "
            "Kazakhstan ot 20 maya 2015 goda. [Plan of the Nation - 100 Concrete Steps, Program of "
            "the President of the Republic of Kazakhstan dated May 20, 2015.]\n")
    found = [(m.text, m.label) for m in reference_text_mentions("d", 0, tail, use_model=False)
             if m.label == "PROGRAM"]
    assert found == [("Plana natsii - 100 konkretnykh shagov", "PROGRAM"),
                     ("Plan of the Nation - 100 Concrete Steps", "PROGRAM")]


def test_a_transliterated_name_joins_the_thing_the_body_prints_in_cyrillic():
    body = "Бағдарламаны Білім министрлігі мен Ұлттық әйелдер істері жөніндегі комиссия жүргізеді.\n"
    tail = ("References\n1. Bilim ministrligi [Ministry of Education]. (2025).\n"
            "2. Ultyq aielder isteri jonindegi komisia [National Commission].\n"
            "3. Auyl turgyndary birlestigi [Association of Villagers].\n")
    task = ArticleTask("d", 0, body, (), len(body), tail, 0, "", (), ())
    found = extract_article(task)
    keys = resolve([], list(found)).mentions
    by_text = {m.text: keys.get((m.document_id, m.start, m.end, m.label)) for m in found}
    assert by_text["Bilim ministrligi"] == by_text["Білім министрлігі"] is not None
    assert by_text["Ultyq aielder isteri jonindegi komisia"] == by_text[
        "Ұлттық әйелдер істері жөніндегі комиссия"] is not None
    assert by_text.get("Auyl turgyndary birlestigi") is None  # the corpus does not name it


def test_an_unknown_translation_in_brackets_joins_the_name_before_it():
    body = "Бағдарламаны Білім министрлігі жүргізеді.\n"
    tail = "References\n1. Bilim ministrligi [Ministry of Education]. (2025).\n"
    task = ArticleTask("d", 0, body, (), len(body), tail, 0, "", (), ())
    found = extract_article(task)
    keys = resolve([], list(found)).mentions
    by_text = {m.text: keys.get((m.document_id, m.start, m.end, m.label)) for m in found}
    assert by_text["Ministry of Education"] == by_text["Білім министрлігі"] is not None


def test_catalogued_institutions_are_read_back_from_transliterated_russian():
    tail = ("References\n2. Doklad Evrazijskogo banka razvitiya «Cifrovoy potencial stran», 2019.\n"
            "3. Obzor Mezhdunarodnogo soyuza elektrosvyazi, 2019.\n"
            "4. Volkov V. Kazakhstanu rano v Sovet Evropy. Deutsche Welle, 2002.\n")
    found = {m.text: m.canonical for m in reference_text_mentions("d", 0, tail, use_model=False)
             if m.label == "ORG"}
    assert found["Evrazijskogo banka razvitiya"] == "Евразийский банк развития"
    assert found["Mezhdunarodnogo soyuza elektrosvyazi"] == "Международный союз электросвязи"
    assert found["Sovet Evropy"] == "Совет Европы"
