"""Full-text search (``kg.search``): the index ``kg build`` writes, ``kg search``, inflected forms."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.search import index_path, match_expression, search, terms, write_index

ID = "https://w3id.org/kazkg/id/"


@pytest.fixture(scope="module")
def index(demo_build: Path) -> Path:
    path = index_path(demo_build / "store")
    assert path == demo_build / "search.sqlite" and path.is_file()  # written by kg build
    return path


def first(index: Path, query: str) -> str:
    found = search(index, query, 5)
    assert found, f"nothing found for {query!r}"
    return found[0].iri


@pytest.mark.parametrize("query", ["Қазақстанның", "Қазақстанда", "Казахстана", "Казахстане",
                                   "KAZAKHSTAN", "kazakhstan", "Kazakhstán", "қазақстан"])
def test_inflected_cased_and_accented_forms_find_kazakhstan(index: Path, query: str) -> None:
    assert f"{ID}country/kz" in [h.iri for h in search(index, query, 10)]


def test_labels_rank_first_and_each_iri_once(index: Path) -> None:
    assert first(index, "Қазақстанның") == f"{ID}country/kz"
    assert first(index, "Астанада") == f"{ID}region/astana"
    councils = [h.iri for h in search(index, "общественных советах", 3)]
    assert councils[0] == f"{ID}keyword/public-councils"  # the label that says just that
    assert any(iri.startswith(f"{ID}law/") for iri in councils)  # then the law on them
    hits = search(index, "Қазақстан", 50)
    assert len({h.iri for h in hits}) == len(hits)
    assert hits[0].label == "Kazakhstan" and hits[0].field == "label"


def test_every_word_must_match_and_sentences_are_searched(index: Path) -> None:
    assert search(index, "Қазақстан xyzzyq", 5) == []
    hits = search(index, "тәуелсіздік жылдары", 20)  # words found in a mention sentence only
    assert f"{ID}country/kz" in {h.iri for h in hits}
    assert all(h.field == "sentence" and "Тәуелсіздік жылдарында" in h.text for h in hits)
    assert search(index, "   ", 5) == [] and search(index, "«»", 5) == []


def test_prefix_search_completes_the_last_word(index: Path) -> None:
    assert search(index, "Қазақс", 10) == []  # a start of a word is no word
    assert search(index, "Қазақс", 3, prefix=True)[0].iri == f"{ID}country/kz"  # short labels first
    assert f"{ID}law/kz-constitution" in [h.iri for h in search(index, "Конститу", 10, prefix=True)]
    assert search(index, "Конституция xyzzy", 5, prefix=True) == []


def test_terms_fold_suffixes_and_scripts() -> None:
    assert terms("Қазақстанның") >= terms("Қазақстан")
    assert terms("Казахстана") & terms("Kazakhstan")
    assert match_expression('a" OR b') == '("a") AND ("ar") AND ("b")'  # no FTS syntax gets through


def test_index_is_deterministic(demo_build: Path, index: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite"
    write_index(demo_build / "store", again)
    assert search(again, "Қазақстанның", 20) == search(index, "Қазақстанның", 20)


def test_missing_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no search index"):
        search(tmp_path / "search.sqlite", "x")


def test_cli_search(demo_build: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "kg", "search", "Қазақстанның", "--store",
                          str(demo_build / "store"), "--format", "json", "--limit", "3"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    hits = json.loads(run.stdout)
    assert hits[0]["iri"] == f"{ID}country/kz" and len(hits) <= 3


def test_terms_cache_gives_the_same_index_and_is_rewritten(demo_build, tmp_path):
    """An index built with the terms remembered from the last build is the same as one built
    without them; a cache of other code or a damaged one is ignored."""
    import json
    import sqlite3

    from kg.search import TermsCache, terms_stamp

    def dump(path):
        with sqlite3.connect(path) as db:
            return list(db.iterdump())

    cache = tmp_path / "terms.json"
    plain = tmp_path / "plain.sqlite"
    write_index(demo_build / "store", plain)
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    write_index(demo_build / "store", first, cache)
    remembered = json.loads(cache.read_text(encoding="utf-8"))
    assert remembered["stamp"] == terms_stamp() and "Қазақстан" in remembered["terms"]
    write_index(demo_build / "store", second, cache)
    assert dump(plain) == dump(first) == dump(second)
    assert json.loads(cache.read_text(encoding="utf-8")) == remembered
    remembered["stamp"] = "other code"
    remembered["terms"]["Қазақстан"] = ["wrong"]
    cache.write_text(json.dumps(remembered), encoding="utf-8")
    assert TermsCache.read(cache).known == {}
    cache.write_text("{damaged", encoding="utf-8")
    assert TermsCache.read(cache).known == {}
