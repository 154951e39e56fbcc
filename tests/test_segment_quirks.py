"""Header quirks met in the journals, each on a small text we wrote ourselves."""

from pathlib import Path

from kg.ingest import make_document
from kg.segment import segment_document
from kg.segment.lines import clean_markup
from kg.segment.people import align_names, parse_names, repair_lookalikes

ISSUE = (Path(__file__).parent / "data" / "synthetic_issue.md").read_text(encoding="utf-8")


def _articles():
    return segment_document(make_document(ISSUE, "issue.md"))


def test_toc_and_editorial_board_are_not_articles():
    articles = _articles()
    assert len(articles) == 2
    assert all(a.has_header for a in articles)


def test_authors_aligned_across_three_headers_even_when_reordered():
    first = _articles()[0]
    assert [a.names for a in first.authors] == [
        {"kk": "Айгүл Серікова", "ru": "Айгуль Серикова", "en": "Aigul Serikova"},
        {"kk": "Марат Жұмабаев", "ru": "Марат Жумабаев", "en": "Marat Zhumabayev"},
    ]


def test_titles_multiline_and_names_on_title_line():
    first, second = _articles()
    assert first.title == {
        "kk": "ЦИФРЛЫҚ САЯСАТ ЖӘНЕ МЕМЛЕКЕТТІК БАСҚАРУ",
        "ru": "ЦИФРОВАЯ ПОЛИТИКА И ГОСУДАРСТВЕННОЕ УПРАВЛЕНИЕ",
        "en": "DIGITAL POLICY AND PUBLIC ADMINISTRATION",
    }
    assert second.title["kk"] == "ҚАЗАҚСТАН ЖӘНЕ ЕҚЫҰ"
    assert [a.names for a in second.authors] == [
        {"en": "Svante K. Holm", "kk": "Сванте Холм", "ru": "Сванте Холм"}
    ]


def test_emails_escaped_underscore_mailto_and_orcid():
    first = _articles()[0]
    assert first.emails == ("aigul_serikova@example.kz", "marat@example.kz")
    assert first.orcids == ("0000-0002-1825-0097",)


def test_affiliations_by_marker_with_city_and_institution():
    aff = _articles()[0].affiliations
    assert [a.author_index for a in aff] == [(0,), (1,)]
    assert aff[0].institution == "Әл-Фараби атындағы Қазақ ұлттық университеті"
    assert aff[1].institution == "Л.Н. Гумилев атындағы Еуразия ұлттық университеті"
    assert (aff[1].city, aff[1].country) == ("Астана", "Қазақстан")
    assert (aff[0].city, aff[0].country) == ("Астана", "Қазақстан")


def test_keywords_split_on_commas_or_semicolons():
    first = _articles()[0]
    assert first.keywords == {
        "kk": ("цифрландыру", "мемлекеттік басқару", "саясат"),
        "ru": ("цифровизация", "государственное управление", "политика"),
        "en": ("digitalization", "public administration", "policy"),
    }


def test_transliterated_reference_list_not_double_counted():
    first, second = _articles()
    assert len(first.references) == 3
    assert first.references[1].doi == "10.1234/sayasat.2021.2"
    assert [r.year for r in first.references] == [2019, 2021, 2020]
    assert second.references[0].doi == "10.5555/osce.2010"


def test_body_span_points_at_the_body():
    first = _articles()[0]
    body = ISSUE[first.body.start: first.body.end]
    assert body.startswith("### Кіріспе")
    assert "ӘДЕБИЕТТЕР" not in body and "[2, 15 б.]" in body


def test_english_original_article_language_order():
    second = _articles()[1]
    assert list(second.abstract) == ["en", "kk", "ru"]
    assert second.emails == ("holm@example.se",)
    assert second.affiliations[0].city == "Uppsala"


OLD = """\
Д. Доллин

ҚАЗАҚ ДАЛАСЫНДАҒЫ АЛҒАШҚЫ МЕКТЕПТЕР

Қазақ даласында алғашқы мектептер XIX ғасырда ашылды. Ыбырай Алтынсарин Торғайда мектеп ашты.

Әдебиеттер тізімі

1. Алтынсарин Ы. Таңдамалы шығармалар. – Алматы, 1994.

Резюме

Д. Доллин
ПЕРВЫЕ ШКОЛЫ В КАЗАХСКОЙ СТЕПИ

В статье рассматривается история первых школ в казахской степи.

А. К. Хасенова

МЕМЛЕКЕТТІК ТІЛ САЯСАТЫ

Мемлекеттік тіл саясаты тәуелсіздік жылдары қалыптасты.
"""


def test_older_format_initials_and_capital_title():
    articles = segment_document(make_document(OLD, "old.txt"))
    assert len(articles) == 2
    first, second = articles
    assert first.title == {"kk": "ҚАЗАҚ ДАЛАСЫНДАҒЫ АЛҒАШҚЫ МЕКТЕПТЕР",
                           "ru": "ПЕРВЫЕ ШКОЛЫ В КАЗАХСКОЙ СТЕПИ"}
    assert first.authors[0].names == {"kk": "Д. Доллин", "ru": "Д. Доллин"}
    assert len(first.references) == 1 and first.references[0].year == 1994
    assert second.authors[0].names == {"kk": "А. К. Хасенова"}
    assert second.references == ()


def test_fragment_starting_mid_article_keeps_its_references():
    text = "соңғы абзацы мақаланың.\n\nӘДЕБИЕТТЕР:\n\n1. Бір кітап. – 2001.\n\n" + ISSUE[ISSUE.index("**Айгүл Серікова<sup>1</sup>"):]
    articles = segment_document(make_document(text, "frag.md"))
    assert not articles[0].has_header and len(articles[0].references) == 1
    assert len(articles) == 3 and articles[1].has_header


def test_fragment_ending_mid_article_has_body_to_the_end():
    cut = ISSUE.index("Мемлекеттік қызметтердің")
    articles = segment_document(make_document(ISSUE[:cut], "cut.md"))
    assert len(articles) == 1 and articles[0].references == ()
    assert articles[0].body.end == len(ISSUE[:cut].rstrip("\n"))


def test_document_without_headers_is_one_body():
    text = "1-дәріс. Мемлекеттік басқару\n\nМемлекеттік басқару ұғымы.\n"
    (article,) = segment_document(make_document(text, "notes.md"))
    assert not article.has_header and (article.body.start, article.body.end) == (0, len(text))


def test_marker_forms_and_lookalike_repair():
    assert clean_markup("**Name¹,²**") == "Name{1,2}"
    assert clean_markup("Name<sup>3</sup>") == "Name{3}"
    assert clean_markup("Name^{4}") == "Name{4}"
    assert repair_lookalikes("Bakhytzhан") == "Bakhytzhan"
    assert repair_lookalikes("Aсия") == "Асия"  # Latin A inside a Cyrillic word
    assert parse_names("Айгүл Серікова{1,2}, Марат Жұмабаев{2}") == (
        ("Айгүл Серікова", (1, 2)), ("Марат Жұмабаев", (2,)))


def test_alignment_by_transliteration_with_missing_name():
    kk = ["Бақытжан Бұқарбай", "Елнұр Бейсенбаев", "Бибігүл Бюлегенова"]
    en = ["Bibigul Byulegenova", "Bakhytzhan Bukharbayev"]
    assert align_names(kk, en) == (1, None, 0)
