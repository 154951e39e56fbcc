"""``kg export``: the union formats hold each triple once; Turtle and TriG use our prefixes."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import export, open_store, run_query

DISTINCT = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


def exported(store: Path, fmt: str) -> bytes:
    buf = io.BytesIO()
    export(store, fmt, buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def store(demo_build: Path) -> Path:
    return demo_build / "store"


def test_ntriples_line_count_is_the_number_of_distinct_triples(store: Path) -> None:
    distinct = int(next(iter(run_query(open_store(store), DISTINCT)))["n"].value)
    quads = sum(1 for _ in open_store(store))
    assert quads > distinct  # some triples are stated in several graphs
    lines = exported(store, "nt").decode().splitlines()
    assert len(lines) == len(set(lines)) == distinct


def test_turtle_uses_our_prefixes_and_holds_the_same_triples(store: Path, demo_build: Path) -> None:
    ttl = exported(store, "ttl")
    text = ttl.decode()
    for prefix in ("@prefix kg: <https://w3id.org/kazkg/ontology#>",
                   "@prefix country: <https://w3id.org/kazkg/id/country/>", "@prefix schema: <http://schema.org/>"):
        assert prefix in text
    assert "country:kz" in text and "kg:Country" in text
    triples = set(ox.parse(ttl, ox.RdfFormat.TURTLE))
    assert triples == set(ox.parse(exported(store, "nt"), ox.RdfFormat.N_TRIPLES))
    assert len(ttl) < 1.05 * (demo_build / "graph.ttl").stat().st_size
    assert "@prefix kg: <https://w3id.org/kazkg/ontology#>" in exported(store, "trig").decode()
