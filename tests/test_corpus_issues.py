"""The two real journal issues against a hand-made answer key.

The key (tests/data/corpus_truth.json) was made by reading the files; it keeps
counts and SHA-1 digests of names, titles and e-mails, never the text itself.
"""

import hashlib
import json
from pathlib import Path

import pytest

from conftest import corpus_file
from kg.ingest import read_document
from kg.segment import segment_document

TRUTH = json.loads((Path(__file__).parent / "data" / "corpus_truth.json").read_text(encoding="utf-8"))


def _sha(values) -> str:
    return hashlib.sha1("|".join(values).encode()).hexdigest()[:16]


@pytest.fixture(scope="module", params=sorted(TRUTH))
def issue(request):
    doc = read_document(corpus_file(request.param))
    return doc, segment_document(doc), TRUTH[request.param]


def test_every_article_found_and_nothing_else(issue):
    doc, articles, truth = issue
    assert len(articles) == len(truth)
    starts = [doc.text[: a.span.start].count("\n") + 1 for a in articles]
    assert starts == [t["start_line"] for t in truth]


def test_authors_in_each_language_match_printed_headers(issue):
    _, articles, truth = issue
    for article, t in zip(articles, truth):
        assert len(article.authors) == t["authors"], article.order
        for lang, digest in t["author_names_sha1"].items():
            names = [a.names[lang] for a in article.authors if lang in a.names]
            assert _sha(names) == digest, (article.order, lang, names)


def test_titles_in_each_language(issue):
    _, articles, truth = issue
    for article, t in zip(articles, truth):
        assert {k: _sha([v]) for k, v in article.title.items()} == t["title_sha1"], article.order


def test_emails_orcids_keywords_references(issue):
    _, articles, truth = issue
    for article, t in zip(articles, truth):
        assert _sha(article.emails) == t["emails_sha1"], article.order
        assert len(article.orcids) == t["orcids"]
        assert {k: len(v) for k, v in article.keywords.items()} == t["keywords"], article.order
        assert len(article.references) == t["references"], article.order


def test_affiliations_linked_to_authors(issue):
    _, articles, truth = issue
    for article, t in zip(articles, truth):
        # one Affiliation per institution: a printed affiliation naming two gives two
        printed = list(dict.fromkeys((f.author_index, f.text) for f in article.affiliations))
        assert len(printed) == t["affiliations"], article.order
        linked = [[i for i, (index, _) in enumerate(printed) if k in index]
                  for k in range(len(article.authors))]
        assert linked == t["author_affiliation"], article.order


def test_original_language_is_the_first_header(issue):
    _, articles, truth = issue
    assert [next(iter(a.abstract)) for a in articles] == [t["original_lang"] for t in truth]


def test_lecture_notes_are_one_body():
    doc = read_document(corpus_file("003"))
    (article,) = segment_document(doc)
    assert not article.has_header
    assert (article.body.start, article.body.end) == (0, len(doc.text))
