"""A Russian name in a transliterated reference is the same institution as the Cyrillic one
(issue 11: "Tomskogo gosudarstvennogo universiteta" and «Томский государственный университет»
were two nodes)."""

import pytest

from kg.resolve.catalogued import institution_key
from kg.resolve.registry import Registry
from kg.text.ru_latin import cyrillic_from_latin, russian_name


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("Tomskogo gosudarstvennogo universiteta", "Томский государственный университет"),
    ("Innovacionnogo Evrazijskogo universiteta", "Инновационный Евразийский университет"),
    ("Vysshaya shkola ekonomiki", "Высшая школа экономики"),
    ("Instituta filosofii i prava", "Институт философии и права"),
])
def test_a_transliterated_russian_name_keys_as_the_cyrillic_one(latin, cyrillic):
    registry = Registry()
    assert institution_key(registry, latin, "en") == institution_key(registry, cyrillic, "ru")


def test_a_transliterated_catalogued_university_is_the_catalogued_one():
    registry = Registry()
    assert institution_key(registry, "Kazakhskogo natsional'nogo universiteta imeni al'-Farabi",
                           "en") == "kaznu"


@pytest.mark.parametrize("english", [
    "Polity Press", "Academic Press", "Free Press", "Verso", "Oxford University Press",
    "National Bureau of Economic Research", "Nauka",
])
def test_english_names_stay_english(english):
    assert russian_name(english) is None


def test_english_words_are_not_read_as_russian():
    assert cyrillic_from_latin("Basic Books") is None
    assert cyrillic_from_latin("Brookings Institution") is None


def test_the_transliterated_twin_of_an_entry_has_the_first_entry_s_publisher():
    from kg.extract.references import reference_mentions

    tail = ("Список литературы\n"
            "9. Бутырская И.В. Лоббизм как институт. – Москва: Юнити-Дана, 2012. – 310 с.\n"
            "10. Омашев Н. Ақпарат әлемі. – Алматы: Санат, 2000. – 37 б.\n"
            "References\n"
            "9. Butyrskaya I.V. Lobbizm kak institut. – Moscow: Unity-Dana, 2012. – 310 p.\n"
            "10. Omashev N. Aqparat alemi. – Almaty: Sanat, 2001. – 37 b.\n")
    found = {(m.text, m.canonical) for m in reference_mentions("d", 0, tail).mentions}
    assert ("Unity-Dana", "Юнити-Дана") in found
    assert ("Sanat", "Sanat") in found  # another year: not known to be the same book


def test_a_kazakh_surname_ending_in_uly_is_a_surname_beside_a_given_name_alone():
    """«Нәбижан Мұқаметханұлы» is given name and surname (the tables of contents print the
    author so); in «Руслан Жеңісұлы Омаров» the -ұлы word is the patronymic."""
    from kg.text.names import parse_name

    two, three = parse_name("Нәбижан Мұқаметханұлы"), parse_name("Руслан Жеңісұлы Омаров")
    assert (two.given, two.surname, two.patronymic) == (("Нәбижан",), "Мұқаметханұлы", "")
    assert (three.surname, three.patronymic) == ("Омаров", "Жеңісұлы") and two.full
