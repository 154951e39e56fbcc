"""The embedded demo corpus against its answer key (tests/data/demo_truth.json)."""

import json
from pathlib import Path

import pytest

from kg.corpus import demo_corpus_path
from kg.ingest import read_document
from kg.segment import segment_document

TRUTH = json.loads((Path(__file__).parent / "data" / "demo_truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    return segment_document(read_document(demo_corpus_path() / "kogam-demo-2025-1.md"))


def test_article_count(articles):
    assert len(articles) == len(TRUTH)


@pytest.mark.parametrize("index", range(len(TRUTH)))
def test_article_matches_truth(articles, index):
    article, truth = articles[index], TRUTH[index]
    assert article.order == truth["order"]
    assert article.title == truth["title"]
    assert [a.names for a in article.authors] == truth["authors"]
    assert list(article.emails) == truth["emails"]
    assert list(article.orcids) == truth["orcids"]
    assert {k: list(v) for k, v in article.keywords.items()} == truth["keywords"]
    assert len(article.references) == truth["references"]
    assert [r.doi for r in article.references if r.doi] == truth["reference_dois"]
    assert [r.year for r in article.references] == truth["reference_years"]
    assert [{"author_index": list(f.author_index), "city": f.city, "country": f.country}
            for f in article.affiliations] == truth["affiliations"]


def test_lecture_notes_have_no_header():
    (article,) = segment_document(read_document(demo_corpus_path() / "lecture-notes.md"))
    assert not article.has_header and article.body.end > 1000
