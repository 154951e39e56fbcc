"""The table of kinds drives everything: a throwaway kind reaches RDF, SHACL, the networks and pages.

The recipe for a new kind is the ontology class, one row in ``kg/kinds.py`` and extractor rules
that produce its label. Here the row is added for the test's duration, the ontology class is
stated in the data (as the ontology file would), and the mentions stand in for the rules.
"""

from __future__ import annotations

import json
import re

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg import kinds
from kg.analytics import run_analytics
from kg.kinds import ONTOLOGY, Kind
from kg.model import Article, Document, Mention, Span
from kg.pages import write_pages
from kg.rdf.mapping import corpus_graphs
from kg.resolve import resolve
from kg.validate import validate_graph

DOC = "0123456789abcdef"
BASE = "https://w3id.org/kazkg/id/"
TREATY = Kind("treaty", "TREATY", "Treaty", ("http://schema.org/Legislation",), "#123456",
              {"kk": "Шарт", "ru": "Договор", "en": "Treaty"})
TEXT = "Қазақстан Пекин шартын қол қойды. Бұл шарт маңызды."


@pytest.fixture
def with_treaty(monkeypatch):
    monkeypatch.setattr(kinds, "KINDS", (*kinds.KINDS, TREATY))


def _corpus():
    doc = Document(DOC, "x.txt", TEXT, "utf-8")
    art = Article(DOC, "x.txt", 1, Span(0, len(TEXT)), Span(0, len(TEXT)),
                  title={"kk": "Шарттар"})
    mentions = (Mention(DOC, 0, 9, "Қазақстан", "GPE", "kk", "Қазақстан"),
                Mention(DOC, 10, 21, "Пекин шартын", "TREATY", "kk", "Пекин шарты"))
    return doc, art, mentions


def _lines(base: str = BASE) -> list[str]:
    doc, art, mentions = _corpus()
    resolution = resolve([art], mentions)
    return [line for g in corpus_graphs([(doc, (art,), mentions)], resolution, base)
            for line in g.sorted()]


def test_without_the_row_the_label_is_ignored():
    assert kinds.by_label("TREATY") is None
    assert not any("Treaty" in line for line in _lines())


def test_a_new_kind_reaches_rdf_with_its_classes(with_treaty):
    assert kinds.contract_labels()[-1] == "TREATY"
    lines = _lines()
    typed = [line for line in lines if f"<{ONTOLOGY}Treaty>" in line]
    assert typed and typed[0].startswith(f"<{BASE}treaty/")
    assert any(f"<{BASE}treaty/" in line and "<http://schema.org/Legislation>" in line
               for line in lines)


def test_a_new_kind_is_checked_by_the_shapes(with_treaty):
    nquads = "".join(_lines())
    subclass = (f"<{ONTOLOGY}Treaty> <http://www.w3.org/2000/01/rdf-schema#subClassOf> "
                f"<{ONTOLOGY}NamedEntity> .\n")
    data = Graph().parse(data=re.sub(r" <[^<>]+> \.$", " .", nquads, flags=re.M) + subclass,
                         format="nt")
    assert validate_graph(data).conforms
    unlabelled = [line for line in data.serialize(format="nt").splitlines()
                  if not ("/treaty/" in line.split(" ")[0] and "rdf-schema#label" in line)]
    report = validate_graph(Graph().parse(data="\n".join(unlabelled), format="nt"))
    assert not report.conforms
    assert any("/treaty/" in v.focus for v in report.violations)


def test_a_new_kind_reaches_the_networks_and_pages(with_treaty, tmp_path):
    store = ox.Store()
    store.load(input="".join(_lines()), format=ox.RdfFormat.N_QUADS)
    report = run_analytics(store, tmp_path, BASE)
    comention = next(r for r in report.results if r.name == "entity-comention")
    types = dict(comention.graph.nodes(data="type"))
    assert sorted(types.values()) == ["country", "treaty"]
    write_pages(report.results, tmp_path, [])
    page = (tmp_path / "networks" / "entity-comention.html").read_text(encoding="utf-8")
    payload = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>',
                                   page, re.S).group(1))
    assert payload["typeColours"]["treaty"] == "#123456"
    treaty = next(n for n in payload["nodes"] if n["kg"]["type"] == "treaty")
    assert treaty["color"] == "#123456"
