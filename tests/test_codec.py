"""The JSON codec of the parse cache: a parsed document survives the round trip exactly, and a
damaged cache entry is a miss, never an error or code run."""

from __future__ import annotations

import json

import pytest

from kg.codec import decode, encode
from kg.corpus import PARSED, ParsedDocument, demo_corpus_path, parse_file, parsed_key


def test_a_parsed_demo_document_round_trips_exactly():
    path = sorted(demo_corpus_path().glob("*.md"))[0]
    parsed = parse_file(path)
    assert isinstance(parsed, ParsedDocument) and parsed.articles
    assert decode(ParsedDocument, json.loads(json.dumps(encode(parsed)))) == parsed


@pytest.mark.parametrize("content", ["not json", '{"document": 1}', "[]", '{"articles": []}'])
def test_a_damaged_parse_cache_entry_is_a_miss(tmp_path, content):
    path = sorted(demo_corpus_path().glob("*.md"))[0]
    cache = tmp_path / "cache"
    first = parse_file(path, cache)
    key = parsed_key(path, cache)
    entry = cache / PARSED / f"{key}.json"
    assert entry.is_file()
    entry.write_text(content, encoding="utf-8")
    assert parse_file(path, cache) == first
