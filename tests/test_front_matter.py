"""Names in an issue's front matter: the cover's and the contents' authors, known names of titles."""

from __future__ import annotations

from conftest import corpus_file
from kg.extract.front_matter import extract_front, front_mentions
from kg.extract_stage import front_task, issue_mentions
from kg.ingest import read_document
from kg.model import CONTENTS_SOURCE, Article, Author, Document, Span
from kg.rdf.mapping import document_graph
from kg.resolve import resolve
from kg.segment.articles import segment_document
from kg.segment.editors import EXTRACTOR as EDITOR


def test_contents_names_are_the_authors_and_title_words_are_no_one():
    doc = read_document(corpus_file("004"))
    articles = segment_document(doc)
    front = extract_front(front_task(doc, articles))
    found = issue_mentions(doc, articles) + front
    assert {m.extractor for m in front} == {CONTENTS_SOURCE}
    assert front and all(m.end <= min(a.span.start for a in articles if a.has_header) for m in front)
    assert all(doc.text[m.start:m.end] == m.text for m in front)
    r = resolve(articles, found, [doc])
    authors = {key for key in r.authors.values()}
    people = {m.text: r.mentions.get((m.document_id, m.start, m.end, m.label))
              for m in front if m.label == "PERSON"}
    kept = {text: key for text, key in people.items() if key is not None}
    # the kk, ru and en contents spell the authors three ways: each spelling is the author
    for spelling in ("Асия Аккулиева", "Assiya Akkuliyeva", "Бахытжан Бухарбаев", "Archil Chochia"):
        assert kept[spelling][1] in authors, spelling
    assert {key for _, key in kept.values()} <= authors  # no one else, and no new person
    assert not any(text.startswith("Қазақстан Республикас") for text in kept)
    labels = {(m.label, r.mentions.get((m.document_id, m.start, m.end, m.label))) for m in front}
    assert ("GPE", ("country", "cn")) in labels  # «Қытайдың саяси реформаларындағы …»


def test_editor_spans_are_not_read_again():
    front = "Бас редактор\n**Индира Рыстина,**\n\nМАЗМҰНЫ\n\n**Асия Аккулиева**\nҚытай туралы 7\n"
    start = front.index("Индира")
    found = front_mentions("d", front, [(start, start + len("Индира Рыстина"))])
    assert [m.text for m in found if m.label == "PERSON"] == ["Асия Аккулиева"]


def test_front_mentions_are_in_no_article_and_make_no_co_mentions():
    text = ("МАЗМҰНЫ\n\nАсия Аккулиева, Гүлхан Нұрадин\nҚытай мен Жапония 7\n\n"
            "Асия Аккулиева\nТАҚЫРЫП\n\nМәтін. Қытай мен Жапония туралы.\n")
    doc = Document("0123456789abcdef", "t.txt", text, "utf-8")
    body = text.index("Мәтін")
    article = Article(doc.id, "t.txt", 1, Span(text.index("Асия Аккулиева\nТАҚ"), len(text)),
                      Span(body, len(text)), title={"kk": "ТАҚЫРЫП"},
                      authors=(Author({"kk": "Асия Аккулиева"}),))
    mentions = front_mentions(doc.id, text[:article.span.start])
    r = resolve([article], mentions, [doc])
    lines = "\n".join(document_graph(doc, (article,), mentions, r).sorted())
    assert "kazkg-front/0.1:contents" in lines
    assert "coMentionedWith" not in lines and "mentionIn" not in lines
    assert EDITOR not in lines


def test_the_russian_editorial_list_gives_its_countries():
    """A board member's country in the Russian list («…, Ph.D (Япония)») is read as the Kazakh
    list's is (the rules alone found no Russian place before)."""
    front = ("РЕДАКЦИЯ АЛҚАСЫ\n\n- Уямо ТОМОХИКО** – Профессор Центра славянских исследований "
             "Университета Хоккайдо, Ph.D (Япония)\n- Уильям ФИЕРМАН** – Профессор университета "
             "Индиана, Ph.D (США)\n")
    got = [(m.text, m.label) for m in front_mentions("d", front)]
    assert ("Япония", "GPE") in got and ("США", "GPE") in got
