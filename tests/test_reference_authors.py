"""The authors of reference entries: found on their spans, kept only as persons the corpus has."""

from __future__ import annotations

from conftest import corpus_file
from kg.extract.reference_authors import entry_authors, reference_author_mentions
from kg.extract.tasks import article_tasks, extract_article
from kg.ingest import read_document
from kg.model import REFERENCE_SOURCE, Mention
from kg.resolve import resolve
from kg.segment.articles import segment_document


def _m(doc: str, start: int, text: str, label: str = "PERSON", lang: str = "kk",
       extractor: str = "") -> Mention:
    return Mention(doc, start, start + len(text), text, label, lang, text, extractor)


def _cited(doc: str, start: int, text: str, lang: str = "en") -> Mention:
    return _m(doc, start, text, lang=lang, extractor=REFERENCE_SOURCE)


def _entity(r, m: Mention):
    return r.mentions.get((m.document_id, m.start, m.end, m.label))


# --- finding them -----------------------------------------------------------------------------

def test_every_author_of_numbered_and_bulleted_entries_is_found_on_its_span():
    tail = ("REFERENCES\n"
            "3. Foucault, M., 1999. *Nadzirat' i nakazyvat'*. Moscow: AST.\n"
            "14. Hellman J. S., Jones G., Kaufmann D. Seize the state. 2000.\n"
            "- Desiere S., Cockx B. How effective are hiring subsidies. 2019.\n"
            "12. Robert D. Putnam, Robert Leonardi. Making Democracy Work. 1993.\n")
    found = reference_author_mentions("d", 1000, tail)
    assert [m.text for m in found] == ["Foucault, M.", "Hellman J. S.", "Jones G.", "Kaufmann D.",
                                       "Desiere S.", "Cockx B.", "Robert D. Putnam", "Robert Leonardi"]
    assert all(tail[m.start - 1000:m.end - 1000] == m.text for m in found)
    assert {(m.label, m.extractor) for m in found} == {("PERSON", REFERENCE_SOURCE)}


def test_organisations_and_titles_are_no_authors():
    assert entry_authors("U.S.-China Economic and Security Review Commission. (2022). Report.") == ()
    assert entry_authors("ЮНИСЕФ Казахстан и БНС (2023). Отчет по измерению бедности.") == ()
    assert entry_authors("Қазақстан Республикасының Конституциясы. – Астана, 1995.") == ()


def test_the_real_reference_lists_yield_their_authors():
    doc = read_document(corpus_file("004"))
    articles = segment_document(doc)
    found = [m for task in article_tasks(doc, articles) for m in extract_article(task)
             if m.extractor == REFERENCE_SOURCE and m.label == "PERSON"]
    texts = {m.text for m in found}
    assert {"Foucault, M.", "Фуко, М.", "Bauman, Z.", "Mincer J.", "Desiere S."} <= texts
    assert all(doc.text[m.start:m.end] == m.text for m in found)
    assert not any("U.S." in t or "ЮНИСЕФ" in t for t in texts)


# --- resolving them ---------------------------------------------------------------------------

def test_a_cited_author_joins_the_person_the_text_names_in_any_script():
    body = _m("d1", 0, "Мишель Фуко")
    cited = [_cited("d1", 100, "Foucault, M."), _cited("d1", 200, "Фуко, М.", "ru")]
    r = resolve([], [body, *cited])
    assert {_entity(r, m) for m in cited} == {_entity(r, body)} == {("person", "michel-foucault")}


def test_a_cited_author_the_corpus_names_nowhere_else_is_a_person_of_their_own():
    cited, twin = _cited("d1", 100, "Mincer J."), _cited("d1", 200, "Mincer J.")
    elsewhere = _cited("d2", 100, "Mincer J.")
    r = resolve([], [_m("d1", 0, "Мишель Фуко"), cited, twin, elsewhere])
    assert _entity(r, cited) == _entity(r, twin) == _entity(r, elsewhere) == ("person", "j-mincer")


def test_a_cited_author_sounding_like_a_person_of_the_document_is_that_person_or_no_one():
    body = _m("d1", 0, "Генри Хейл")
    hale, horkheimer = _cited("d1", 100, "Hale, H. E."), _cited("d1", 200, "Horkheimer M.")
    text = _m("d1", 50, "М. Хоркхаймер")
    r = resolve([], [body, text, hale, horkheimer])
    assert _entity(r, horkheimer) == _entity(r, text)  # the initials agree: the same person
    assert _entity(r, hale) is None  # Г. against H.: not sure, and no second node either
    assert len([key for kind, key in r.entities if kind == "person"]) == 2


def test_a_title_before_initials_is_no_cited_person():
    cited = _cited("d1", 100, "Елбасы Н.Ә.", "kk")
    r = resolve([], [cited])
    assert not [key for kind, key in r.entities if kind == "person"]


def test_a_cited_author_joins_the_bare_surname_of_the_document():
    bare = _m("d1", 0, "Desiere")
    cited = _cited("d1", 100, "Desiere S.")
    elsewhere = _cited("d2", 100, "Desiere S.")  # the one Desiere of the corpus
    r = resolve([], [bare, cited, elsewhere])
    assert _entity(r, cited) == _entity(r, bare) == _entity(r, elsewhere) is not None


def test_a_person_the_text_names_by_surname_alone_is_labelled_by_the_cited_name():
    bare = _m("d1", 0, "Браун")
    cited = _cited("d1", 100, "Braun V.")
    r = resolve([], [bare, cited])
    person = r.entities[("person", _entity(r, bare)[1])]
    assert _entity(r, cited) == _entity(r, bare)
    assert person.labels == {"kk": "Браун", "en": "Braun V."} and person.label() == "Braun V."


def test_initials_written_against_the_surname_are_spaced_in_the_label():
    m = _m("d1", 0, "О.В.Сивицева")
    r = resolve([], [m])
    assert r.entities[("person", _entity(r, m)[1])].labels == {"kk": "О.В. Сивицева"}


def test_two_cited_authors_with_one_surname_leave_the_bare_surname_alone():
    bare = _m("d1", 0, "Wright")
    e, g = _cited("d1", 100, "Wright E."), _cited("d1", 200, "Wright G.")
    r = resolve([], [bare, e, g])
    assert _entity(r, e) is None and _entity(r, g) is None


def test_a_cited_feminine_surname_is_a_woman_even_in_a_russian_reference():
    man = _m("d1", 0, "Ғани Қарасаев")
    woman = _cited("d1", 100, "Карасаева Г.М.", "ru")
    r = resolve([], [man, woman])
    assert _entity(r, woman) != _entity(r, man)


def test_a_cited_author_joins_the_initialled_name_of_the_document_in_another_script():
    text = _m("d1", 0, "Дж. Хеллман")
    cited = _cited("d1", 100, "Hellman J. S.")
    other_doc = _cited("d2", 100, "Hellman J. S.")
    other_letters = _cited("d1", 200, "Hellman P.")
    r = resolve([], [text, cited, other_doc, other_letters])
    assert _entity(r, cited) == _entity(r, text) == _entity(r, other_doc) is not None
    assert _entity(r, other_letters) is None  # other initials, a surname sounding alike


def test_a_short_cited_surname_with_two_agreeing_initials_is_the_person_sounding_alike():
    """"Sivintseva, O.V." (a transliterated reference) and «О.В.Сивицеваның» (the body,
    misprinted): four consonants, one apart, but two initials agree, so one person; one
    initial would not be enough for so short a surname."""
    from kg.model import REFERENCE_SOURCE, Article, Mention, Span
    from kg.resolve import resolve
    article = Article("d", "t", 1, Span(0, 100), Span(0, 100))
    body = Mention("d", 10, 25, "О.В.Сивицеваның", "PERSON", "kk", "О.В.Сивицева", "kazkg-kk/0.1:rule")
    two = Mention("d", 300, 316, "Sivintseva, O.V.", "PERSON", "en", "Sivintseva, O.V.", REFERENCE_SOURCE)
    r = resolve([article], [body, two])
    assert r.mentions[("d", 300, 316, "PERSON")] == r.mentions[("d", 10, 25, "PERSON")]
    one = Mention("d", 400, 414, "Sivintseva, O.", "PERSON", "en", "Sivintseva, O.", REFERENCE_SOURCE)
    r = resolve([article], [body, one])
    assert r.mentions.get(("d", 400, 414, "PERSON")) != r.mentions[("d", 10, 25, "PERSON")]
