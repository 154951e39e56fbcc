"""The notebook API (``kg.api``): opening builds, plain-value results, parameters, the library."""

from __future__ import annotations

import builtins
import json
import re
from dataclasses import FrozenInstanceError
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.api import (
    IRI,
    Build,
    bind_parameters,
    describe,
    open_build,
    query_library,
    query_text,
    sparql_term,
    to_python,
)
from kg.store import write_store

ID = "https://w3id.org/kazkg/id/"
KG = "https://w3id.org/kazkg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"

# Two articles by one author and a co-author, shaped as the builder emits them.
TURTLE = f"""
@prefix kg: <{KG}> .
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <{XSD}> .
<{ID}person/a> a kg:Person ; rdfs:label "Ainur"@en, "Айнұр"@kk ; kg:orcid "0000-0002-1825-0097" .
<{ID}person/b> a kg:Person ; rdfs:label "Бекзат"@kk .
<{ID}article/1> a kg:Article ; schema:name "One"@en ; schema:author <{ID}person/a>, <{ID}person/b> ;
    kg:hasAuthorship <{ID}authorship/1-1>, <{ID}authorship/1-2> .
<{ID}article/2> a kg:Article ; schema:name "Екі"@kk ; schema:author <{ID}person/a> ;
    kg:hasAuthorship <{ID}authorship/2-1> .
<{ID}authorship/1-1> a kg:Authorship ; kg:authorshipPerson <{ID}person/a> ;
    kg:authorshipArticle <{ID}article/1> ; kg:authorPosition 1 .
<{ID}authorship/1-2> a kg:Authorship ; kg:authorshipPerson <{ID}person/b> ;
    kg:authorshipArticle <{ID}article/1> ; kg:authorPosition 2 .
<{ID}authorship/2-1> a kg:Authorship ; kg:authorshipPerson <{ID}person/a> ;
    kg:authorshipArticle <{ID}article/2> ; kg:authorPosition 1 .
<{ID}x> <{ID}score> "2.5"^^xsd:decimal ; <{ID}flag> true ; <{ID}day> "2025-01-02"^^xsd:date .
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A build folder holding a small store and a manifest (no corpus needed)."""
    out = tmp_path_factory.mktemp("api") / "output"
    out.mkdir()
    graph = ox.NamedNode(f"{ID}graph/document/test")
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
             for t in ox.parse(TURTLE.encode("utf-8"), format=ox.RdfFormat.TURTLE)]
    write_store(out / "store", ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
    (out / "manifest.json").write_text(json.dumps({"counts": {"articles": 2}}), encoding="utf-8")
    return out


def test_open_build_reads_the_manifest_and_is_frozen(built):
    b = open_build(built)
    assert isinstance(b, Build) and b.store == built / "store"
    assert b.manifest["counts"]["articles"] == 2
    with pytest.raises(FrozenInstanceError):
        b.path = Path("elsewhere")  # type: ignore[misc]
    assert open_build(built / "store").path == built  # the store folder itself is accepted too


def test_open_build_without_a_store_says_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError, match="kg build"):
        open_build(tmp_path / "nothing")


def test_query_returns_plain_python_values(built):
    rows = open_build(built).query(
        f"SELECT ?s ?score ?flag ?day ?missing WHERE {{ ?s <{ID}score> ?score ; <{ID}flag> ?flag ;"
        f" <{ID}day> ?day OPTIONAL {{ ?s <{ID}nothing> ?missing }} }}")
    assert rows == [{"s": f"{ID}x", "score": 2.5, "flag": True, "day": "2025-01-02", "missing": None}]
    positions = open_build(built).query(f"SELECT ?p WHERE {{ ?a <{KG}authorPosition> ?p }} ORDER BY ?p")
    assert [r["p"] for r in positions] == [1, 1, 2] and all(type(r["p"]) is int for r in positions)


def test_query_ask_and_construct(built):
    b = open_build(built)
    assert b.query("ASK { ?s ?p ?o }") == [{"boolean": True}]
    triples = b.query(f"CONSTRUCT {{ ?p <{ID}name> ?l }} WHERE {{ <{ID}person/b> <http://www.w3.org/2000/01/rdf-schema#label> ?l BIND(<{ID}person/b> AS ?p) }}")
    assert triples == [{"subject": f"{ID}person/b", "predicate": f"{ID}name", "object": "Бекзат"}]


def test_query_reads_rq_files(built, tmp_path):
    rq = tmp_path / "count.rq"
    rq.write_text("# title: count\nSELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }\n", encoding="utf-8")
    b = open_build(built)
    assert b.query(rq) == b.query(str(rq)) == [{"n": 7}]
    with pytest.raises(FileNotFoundError):
        b.query(str(tmp_path / "missing.rq"))


def test_a_long_one_line_query_is_not_taken_for_a_file_name(built):
    sparql = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 # " + "x" * 400
    assert len(open_build(built).query(sparql)) == 1


def test_library_queries_run_by_name_with_parameters(built):
    b = open_build(built)
    library = b.queries()
    assert len(library) >= 16 and all(p.suffix == ".rq" and p.is_file() for p in library.values())
    rows = b.run("coauthors", person=IRI(f"{ID}person/a"))
    assert [(r["name"], r["jointArticles"], r["exampleTitle"]) for r in rows] == [("Бекзат", 1, "One")]
    assert b.run("coauthors", person=IRI(f"{ID}person/b"))[0]["name"] == "Ainur"  # en label first
    assert b.run("coauthors", person="бекзат") == b.run("coauthors", person=IRI(f"{ID}person/b"))
    productivity = {r["name"]: (r["articles"], r["firstAuthor"]) for r in b.run("author-productivity")}
    assert productivity == {"Ainur": (2, 2), "Бекзат": (1, 0)}
    assert [r["orcid"] for r in b.run("authors-with-orcid")] == ["0000-0002-1825-0097"]


def test_run_rejects_unknown_queries_and_parameters(built):
    b = open_build(built)
    with pytest.raises(KeyError, match="no query"):
        b.run("no-such-query")
    with pytest.raises(ValueError, match="no parameter"):
        b.run("coauthors", author=IRI(f"{ID}person/a"))


def test_query_errors_are_clear(built):
    from kg.store import QueryError

    with pytest.raises(QueryError, match="syntax"):
        open_build(built).query("SELECT WHERE {")


def test_dataframe(built):
    pandas = pytest.importorskip("pandas")
    frame = open_build(built).dataframe(
        f"SELECT ?p ?position WHERE {{ ?a <{KG}authorshipPerson> ?p ; <{KG}authorPosition> ?position }} ORDER BY ?position ?p")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["p", "position"] and list(frame["position"]) == [1, 1, 2]
    empty = open_build(built).dataframe(f"SELECT ?x ?y WHERE {{ ?x <{ID}none> ?y }}")
    assert list(empty.columns) == ["x", "y"] and len(empty) == 0


def test_dataframe_without_pandas_explains(built, monkeypatch):
    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="pip install pandas"):
        open_build(built).dataframe("SELECT ?s WHERE { ?s ?p ?o }")


def test_bind_parameters_replaces_only_the_named_default():
    sparql = 'SELECT * WHERE { VALUES ?a { 1 } VALUES ?b { "x" } }'
    assert bind_parameters(sparql, {"b": 'say "hi"'}) == 'SELECT * WHERE { VALUES ?a { 1 } VALUES ?b { "say \\"hi\\"" } }'
    assert bind_parameters(sparql, {}) == sparql
    with pytest.raises(ValueError):
        bind_parameters(sparql, {"c": 1})


def test_sparql_terms():
    assert sparql_term(-3) == "-3" and sparql_term(False) == "false"
    assert sparql_term(1e-5) == "1e-05" and sparql_term(float("inf")) == f'"INF"^^<{XSD}double>'
    assert sparql_term("Қазақстан\n") == '"Қазақстан\\n"'
    assert sparql_term(ox.Literal("kk", language="kk")) == '"kk"@kk'
    with pytest.raises(ValueError):
        IRI("not an iri")
    with pytest.raises(TypeError):
        sparql_term([1, 2])


def test_to_python():
    assert to_python(None) is None
    assert to_python(ox.BlankNode("b1")) == "_:b1"
    assert to_python(ox.Literal("7", datatype=ox.NamedNode(XSD + "nonNegativeInteger"))) == 7
    assert to_python(ox.Literal("1E3", datatype=ox.NamedNode(XSD + "double"))) == 1000.0
    assert to_python(ox.Literal("0", datatype=ox.NamedNode(XSD + "boolean"))) is False
    assert to_python(ox.Literal("oops", datatype=ox.NamedNode(XSD + "integer"))) == "oops"


def test_query_text():
    assert query_text("ASK {}") == "ASK {}"
    with pytest.raises(FileNotFoundError):
        query_text("nowhere.rq")


def test_describe_reads_headers_with_continuations(tmp_path):
    rq = tmp_path / "demo-query.rq"
    rq.write_text("# title: A title\n# description: first part\n#   second part\n"
                  "# parameter: ?top : integer = 5 — how many,\n#   at most\n# a plain comment\nSELECT * {}\n",
                  encoding="utf-8")
    info = describe(rq)
    assert (info.name, info.title, info.description) == ("demo-query", "A title", "first part second part")
    assert [(p.name, p.type, p.default, p.doc) for p in info.parameters] == [
        ("top", "integer", "5", "how many, at most")]
    assert set(query_library(tmp_path)) == {"demo-query"}
    rq.write_text("# title: T\n# parameter: ?top — how many\nSELECT * {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="demo-query.rq: bad parameter line"):
        describe(rq)
    rq.write_text("# title: T\n# parameter: ?top : number = 5 — how many\nSELECT * {}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown type 'number'"):
        describe(rq)


def test_networks_as_networkx_and_pyvis(tmp_path):
    from network_sample import SAMPLE, E

    out = tmp_path / "output"
    out.mkdir()
    write_store(out / "store", ox.serialize(ox.parse(SAMPLE.encode("utf-8"),
                                                     format=ox.RdfFormat.TURTLE),
                                            format=ox.RdfFormat.N_TRIPLES))
    b = open_build(out)
    assert "coauthorship" in b.networks()
    G = b.network("coauthorship")
    a, bb = E + "P1", E + "P2"
    assert G.has_edge(a, bb) and G.nodes[a]["label"] == "Асель Нұрова"
    assert G.nodes[a]["years"] == (2019, 2021) and G[a][bb]["years"] == (2019,)
    for key in ("pagerank", "louvain_community", "community_name", "colour", "size", "x", "y"):
        assert key in G.nodes[a]
    net = b.pyvis("coauthorship")
    assert {n["id"] for n in net.nodes} == set(G)
    node = next(n for n in net.nodes if n["id"] == a)
    assert node["color"] == G.nodes[a]["colour"] and node["size"] == G.nodes[a]["size"]
    assert (node["x"], node["y"]) == (G.nodes[a]["x"], G.nodes[a]["y"])
    page = net.generate_html(notebook=True)
    assert "vis-network" in page or "vis.Network" in page
    fetched = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""")
    assert not fetched.search(page)  # offline: vis-network inlined, no Bootstrap CDN
    net.write_html(str(tmp_path / "net.html"))
    assert not fetched.search((tmp_path / "net.html").read_text("utf-8"))
    with pytest.raises(KeyError):
        b.network("nope")
