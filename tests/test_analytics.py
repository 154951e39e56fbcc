"""Network analytics: measures on small classic graphs, SPARQL extraction from a hand-built
store, and the files of ``run_analytics`` (contents, escaping, determinism, SHACL)."""

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.analytics import networks as nw
from kg.analytics import run_analytics
from kg.pages import write_pages
from kg.analytics.betweenness import betweenness, sample_size
from kg.analytics.closeness import closeness
from kg.analytics.communities import components, louvain
from kg.analytics.degree import degree, weighted_degree
from kg.analytics.eigenvector import eigenvector
from kg.analytics.measures import PARTITIONS, SCORES, compute
from kg.analytics.pagerank import pagerank
from kg.analytics.results import NetworkResult, rounded, to_csv
from kg.pages.dashboard import index_page
from kg.validate import validate_graph
from kg.pages.network import network_page

BASE = "https://w3id.org/kazkg/id/"
E = "http://example.org/"
HOSTILE = "<img src=x onerror=alert(1)>"

# Four articles: A1 by P1, P2, P3; A2 by P1, P2; A3 by P3, P4; A4 by P5 alone.
SAMPLE = f"""
@prefix schema: <http://schema.org/> .
@prefix kg: <https://w3id.org/kazkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix e: <{E}> .

e:A1 a schema:ScholarlyArticle ; rdfs:label "Бірінші мақала"@kk , "First article"@en ;
    schema:author e:P1 , e:P2 , e:P3 ; schema:about e:K1 , e:K2 ;
    schema:mentions e:kz , e:law , e:prog , e:almaty .
e:A2 a schema:ScholarlyArticle ; rdfs:label "Вторая статья"@ru ;
    schema:author e:P1 , e:P2 ; schema:about e:K1 , e:K3 ; schema:mentions e:kz , e:law .
e:A3 a schema:ScholarlyArticle ; schema:author e:P3 , e:P4 .
e:A4 a schema:ScholarlyArticle ; schema:author e:P5 .

e:P1 a schema:Person , kg:Person ; schema:name "Асель Нұрова"@kk , "Asel Nurova"@en ;
    rdfs:label "Асель Нұрова"@kk , "Асель Нурова"@ru , "Asel Nurova"@en .
e:P2 a schema:Person , kg:Person ; rdfs:label "Ерлан Әлиев"@kk .
e:P3 a schema:Person , kg:Person ; rdfs:label "{HOSTILE}"@en .
e:P4 a schema:Person , kg:Person ; rdfs:label "Dana Omar"@en .
e:P5 a schema:Person , kg:Person ; rdfs:label "Solo Author"@en .

e:I1 a kg:Institution ; rdfs:label "ҚазҰУ"@kk ; kg:country e:kz .
e:I2 a kg:Institution ; rdfs:label "University of Cambridge"@en ; kg:country e:gb .
e:I3 a kg:Institution ; rdfs:label "Hacettepe"@en .
e:kz a kg:Country ; rdfs:label "Қазақстан"@kk , "Kazakhstan"@en .
e:gb a kg:Country ; rdfs:label "Ұлыбритания"@kk .
e:tr a kg:Country ; rdfs:label "Түркия"@kk .
e:law a kg:Law ; rdfs:label "Конституция"@kk .
e:prog a kg:Program ; rdfs:label "Цифрлық Қазақстан"@kk .
e:almaty a kg:Region ; rdfs:label "Алматы"@kk .
e:K1 a kg:Keyword ; rdfs:label "цифрландыру"@kk .
e:K2 a kg:Keyword ; rdfs:label "мемлекеттік басқару"@kk .
e:K3 a kg:Keyword ; rdfs:label "{HOSTILE}"@kk .

e:f1 a kg:AffiliationEvent ; kg:affiliationArticle e:A1 ; kg:affiliationPerson e:P1 ;
    kg:affiliationInstitution e:I1 ; kg:country e:kz .
e:f2 a kg:AffiliationEvent ; kg:affiliationArticle e:A1 ; kg:affiliationPerson e:P2 ;
    kg:affiliationInstitution e:I2 .
e:f3 a kg:AffiliationEvent ; kg:affiliationArticle e:A1 ; kg:affiliationPerson e:P3 ;
    kg:affiliationInstitution e:I1 ; kg:country e:kz .
e:f4 a kg:AffiliationEvent ; kg:affiliationArticle e:A2 ; kg:affiliationPerson e:P1 ;
    kg:affiliationInstitution e:I1 ; kg:country e:kz .
e:f5 a kg:AffiliationEvent ; kg:affiliationArticle e:A3 ; kg:affiliationPerson e:P3 ;
    kg:affiliationInstitution e:I3 ; kg:country e:tr .
e:f6 a kg:AffiliationEvent ; kg:affiliationArticle e:A3 ; kg:affiliationPerson e:P4 ;
    kg:affiliationInstitution e:I1 ; kg:country e:kz .

e:m1 a kg:Mention ; kg:mentionOf e:kz ; kg:mentionIn e:A1 ; kg:sentenceText "S1" .
e:m2 a kg:Mention ; kg:mentionOf e:law ; kg:mentionIn e:A1 ; kg:sentenceText "S1" .
e:m3 a kg:Mention ; kg:mentionOf e:prog ; kg:mentionIn e:A1 ; kg:sentenceText "S2" .
e:m4 a kg:Mention ; kg:mentionOf e:kz ; kg:mentionIn e:A2 ; kg:sentenceText "S1" .
e:m5 a kg:Mention ; kg:mentionOf e:law ; kg:mentionIn e:A2 ; kg:sentenceText "S3" .
e:m6 a kg:Mention ; kg:mentionOf e:almaty ; kg:mentionIn e:A1 ; kg:sentenceText "S1" .
"""


@pytest.fixture(scope="module")
def store():
    s = ox.Store()
    s.load(input=SAMPLE, format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(E + "g"))
    return s


@pytest.fixture(scope="module")
def karate():
    return nx.karate_club_graph()


def result_of(G, index=0):
    return NetworkResult(nw.NETWORKS[index], G, compute(G))


# --- measures on classic graphs ----------------------------------------------------------------

def test_degree_on_karate_and_star(karate):
    assert degree(karate)[33] == 17 and degree(karate)[0] == 16
    assert weighted_degree(karate)[0] == pytest.approx(sum(d["weight"] for d in karate[0].values()))
    assert degree(nx.star_graph(5)) == {0: 5, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1}


def test_path_measures():
    P = nx.path_graph(5)
    assert betweenness(P) == pytest.approx({0: 0, 1: 0.5, 2: 2 / 3, 3: 0.5, 4: 0})
    assert closeness(P)[2] == pytest.approx(4 / 6)
    assert components(P) == dict.fromkeys(range(5), 0)


def test_betweenness_and_closeness_match_networkx(karate):
    assert betweenness(karate) == pytest.approx(nx.betweenness_centrality(karate))
    assert closeness(karate) == pytest.approx(nx.closeness_centrality(karate))


def test_betweenness_is_sampled_and_seeded_on_large_graphs():
    G = nx.barabasi_albert_graph(1200, 2, seed=1)
    k = sample_size(G)
    assert k == 500 and sample_size(nx.path_graph(1000)) is None
    assert betweenness(G, k=k, seed=7) == betweenness(G, k=k, seed=7)
    params = compute(G).parameters["betweenness_centrality"]
    assert params["k"] == 500 and params["seed"] == 42


def test_pagerank_matches_the_google_matrix(karate):
    np = pytest.importorskip("numpy")
    G = karate.copy()
    G.add_node("isolated")
    ours = pagerank(G)
    matrix = nx.google_matrix(G, nodelist=list(G))
    values, vectors = np.linalg.eig(matrix.T)
    principal = np.abs(vectors[:, np.argmax(values.real)].real)
    principal /= principal.sum()
    assert [ours[n] for n in G] == pytest.approx(list(principal), abs=1e-5)
    assert sum(ours.values()) == pytest.approx(1.0)
    star = pagerank(nx.star_graph(4))
    assert star[0] == max(star.values())


def test_eigenvector_matches_networkx_and_copes(karate):
    assert eigenvector(karate) == pytest.approx(nx.eigenvector_centrality(karate, weight="weight"),
                                                abs=1e-5)
    star = eigenvector(nx.star_graph(3))
    assert star[0] > star[1] == star[2] == star[3]
    assert eigenvector(nx.empty_graph(3)) == {0: 0.0, 1: 0.0, 2: 0.0}
    two = eigenvector(nx.Graph([(0, 1), (1, 2), (1, 3), (4, 5)]))  # disconnected
    assert two[1] == max(two.values()) and all(v >= 0 for v in two.values())


def test_unconverged_eigenvector_is_left_out_with_a_warning(monkeypatch):
    from kg.analytics import eigenvector as eig

    monkeypatch.setattr(eig, "MAX_ITER", 1)
    real = eig.eigenvector
    monkeypatch.setattr(eig, "eigenvector", lambda G, **kw: real(G, max_iter=1, **kw))
    m = compute(nx.path_graph(6))
    assert "eigenvector_centrality" not in m.scores
    assert m.warnings and "eigenvector_centrality" in m.warnings[0]
    r = result_of(nx.path_graph(6))
    r = NetworkResult(r.spec, r.graph, m)
    header, first = list(csv.reader(io.StringIO(to_csv(r))))[:2]
    assert first[header.index("eigenvector_centrality")] == ""


def test_louvain_is_seeded_and_reproducible(karate):
    first = louvain(karate)
    assert louvain(karate) == first
    parts = [{n for n, c in first.items() if c == k} for k in sorted(set(first.values()))]
    assert len(parts) >= 3
    assert nx.community.modularity(karate, parts) > 0.38
    sizes = [len(p) for p in parts]
    assert sizes == sorted(sizes, reverse=True)  # ids by decreasing size


@pytest.mark.slow
def test_louvain_does_not_depend_on_string_hashing():
    code = ("import networkx as nx; from kg.analytics.communities import louvain;"
            "G = nx.relabel_nodes(nx.karate_club_graph(), lambda n: f'n{n}');"
            "print(sorted(louvain(G).items()))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout
            for seed in ("1", "2", "3")}
    assert len(outs) == 1


def test_components_are_numbered_by_size():
    assert components(nx.Graph([(0, 1), (2, 3), (3, 4)])) == {0: 1, 1: 1, 2: 0, 3: 0, 4: 0}


def test_compute_on_empty_and_edgeless_graphs():
    empty = compute(nx.Graph())
    assert all(values == {} for values in empty.scores.values()) and not empty.warnings
    lonely = compute(nx.empty_graph(2))
    assert lonely.scores["pagerank"] == {0: 0.5, 1: 0.5}
    assert set(lonely.communities["louvain_community"].values()) == {0, 1}


def test_rounding():
    assert rounded(1 / 3) == 0.333333 and rounded(123456789.0) == 123457000.0
    assert str(rounded(-0.0)) == "0.0"


# --- networks from SPARQL --------------------------------------------------------------------

def test_coauthorship_uses_newman_weights_and_keeps_every_author(store):
    G = nw.coauthorship(store)
    assert sorted(G) == [E + f"P{i}" for i in range(1, 6)]
    assert G[E + "P1"][E + "P2"] == {"weight": 1.5, "articles": 2}
    assert G[E + "P1"][E + "P3"] == {"weight": 0.5, "articles": 1}
    assert G[E + "P3"][E + "P4"]["weight"] == 1.0
    assert G.degree(E + "P5") == 0  # the single author is an isolated node
    p1 = G.nodes[E + "P1"]
    assert p1["label"] == "Асель Нұрова" and p1["labels"]["ru"] == "Асель Нурова"
    assert p1["type"] == "person" and p1["articles"] == (E + "A1", E + "A2")
    assert G.graph["article_titles"][E + "A1"] == {"en": "First article", "kk": "Бірінші мақала"}


def test_institution_and_country_collaboration(store):
    inst = nw.institution_collaboration(store)
    assert sorted((u[-2:], v[-2:], d["weight"]) for u, v, d in inst.edges(data=True)) == [
        ("I1", "I2", 1.0), ("I1", "I3", 1.0)]
    countries = nw.country_collaboration(store)
    # I2 has no printed country: its institution's country (gb) is used
    assert sorted(countries) == [E + "gb", E + "kz", E + "tr"]
    assert countries[E + "kz"][E + "gb"]["articles"] == 1
    assert countries.nodes[E + "kz"]["articles"] == (E + "A1", E + "A2", E + "A3")


def test_entity_comention_counts_articles_and_sentences(store):
    G = nw.entity_comention(store)
    assert sorted(G) == [E + "kz", E + "law", E + "prog"]  # regions are not in it
    assert G[E + "kz"][E + "law"] == {"weight": 2.0, "articles": 2, "sentences": 1}
    assert G[E + "kz"][E + "prog"]["sentences"] == 0
    assert {d for _, d in G.nodes(data="type")} == {"country", "law", "program"}
    with_regions = nw.entity_comention(store, kind_keys=("country", "region"))
    assert with_regions[E + "kz"][E + "almaty"]["sentences"] == 1


def test_keyword_cooccurrence(store):
    G = nw.keyword_cooccurrence(store)
    assert sorted((u[-2:], v[-2:]) for u, v in G.edges()) == [("K1", "K2"), ("K1", "K3")]
    assert G.nodes[E + "K3"]["label"] == HOSTILE


def test_networks_are_empty_without_data():
    empty = ox.Store()
    for spec in nw.NETWORKS:
        assert len(spec.build(empty)) == 0


# --- outputs -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def analysed(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("analytics")
    inputs = [{"source": "corpus/<b>issue</b>.txt", "id": "abc", "languages": ["kk", "ru"]}]
    report = run_analytics(store, out, BASE)
    return out, report, write_pages(report.results, out, inputs)


def test_run_analytics_writes_every_file(analysed):
    out, report, pages = analysed
    for spec in nw.NETWORKS:
        for path in (f"networks/{spec.name}.gexf", f"networks/{spec.name}.graphml",
                     f"reports/{spec.name}.csv"):
            assert (out / path).is_file(), path
            assert path in report.files
        assert (out / f"networks/{spec.name}.html").is_file()
        assert f"networks/{spec.name}.html" in pages
    assert (out / "index.html").is_file() and "index.html" in pages
    assert report.counts["coauthorship_nodes"] == 5
    assert report.counts["coauthorship_edges"] == 4
    assert report.counts["entity_comention_edges"] == 3
    assert report.networks[0].top[0][0] == E + "P3"  # the best-connected author


def test_csv_has_every_measure_and_a_stable_order(analysed):
    out, _, _ = analysed
    rows = list(csv.DictReader((out / "reports/coauthorship.csv").open(encoding="utf-8")))
    assert list(rows[0]) == ["iri", "label", "type", "label_kk", "label_ru", "label_en",
                             "articles", *SCORES, *PARTITIONS]
    assert len(rows) == 5
    ranks = [(-float(r["pagerank"]), r["iri"]) for r in rows]
    assert ranks == sorted(ranks)
    solo = next(r for r in rows if r["iri"] == E + "P5")
    assert solo["degree"] == "0" and solo["label"] == "Solo Author"
    assert all(float(r[m]) == rounded(float(r[m])) for r in rows for m in SCORES)


def test_analytics_rdf_conforms_and_has_one_result_per_node_and_measure(analysed):
    _, report, _ = analysed
    g = report.graph()
    assert validate_graph(g).conforms
    nodes = sum(n.nodes for n in report.networks)
    assert report.counts["analytics_results"] == nodes * (len(SCORES) + len(PARTITIONS))
    rows = list(g.query("""PREFIX kg: <https://w3id.org/kazkg/ontology#>
        SELECT ?score ?params WHERE { ?r kg:node <http://example.org/P1> ; kg:measure "pagerank" ;
        kg:network <https://w3id.org/kazkg/id/network/coauthorship> ; kg:score ?score ;
        kg:parameters ?params }"""))
    assert len(rows) == 1 and '"alpha":0.85' in str(rows[0][1])
    assert b"computedAt" not in report.ntriples


def test_exports_read_back(analysed):
    out, _, _ = analysed
    gexf = (out / "networks/coauthorship.gexf").read_text(encoding="utf-8")
    assert "lastmodifieddate" not in gexf and "Асель Нұрова" in gexf
    G = nx.read_gexf(out / "networks/coauthorship.gexf")
    assert G.number_of_nodes() == 5 and G.number_of_edges() == 4
    H = nx.read_graphml(out / "networks/entity-comention.graphml")
    assert H[E + "kz"][E + "law"]["sentences"] == 1
    assert H.nodes[E + "kz"]["pagerank"] > 0


@pytest.mark.slow
def test_outputs_are_byte_identical_across_runs_and_hash_seeds(store, analysed, tmp_path):
    out, report, pages = analysed
    again = run_analytics(store, tmp_path / "again", BASE)
    write_pages(again.results, tmp_path / "again",
                [{"source": "corpus/<b>issue</b>.txt", "id": "abc", "languages": ["kk", "ru"]}])
    assert again.ntriples == report.ntriples
    for path in report.files + pages:
        assert (tmp_path / "again" / path).read_bytes() == (out / path).read_bytes(), path
    code = (f"import pyoxigraph as ox, sys; from kg.analytics import run_analytics;"
            f"from kg.pages import write_pages;"
            f"s = ox.Store(); s.load(input=sys.stdin.read(), format=ox.RdfFormat.TURTLE);"
            f"write_pages(run_analytics(s, sys.argv[1], {BASE!r}).results, sys.argv[1], [])")
    for seed in ("0", "12345"):
        target = tmp_path / f"seed{seed}"
        subprocess.run([sys.executable, "-c", code, str(target)], input=SAMPLE, text=True,
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    for path in report.files + pages:
        if path != "index.html":  # its inputs differ
            assert (tmp_path / "seed0" / path).read_bytes() == (out / path).read_bytes(), path
            assert (tmp_path / "seed12345" / path).read_bytes() == (out / path).read_bytes()


def test_pages_escape_labels_and_load_nothing(analysed):
    out, _, _ = analysed
    for path in [*(out / "networks").glob("*.html"), out / "index.html"]:
        page = path.read_text(encoding="utf-8")
        assert "<img" not in page, path
        assert "<script src" not in page and "<link" not in page, path
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;issue&lt;/b&gt;" in index and "&lt;img src=x" in index
    for spec in nw.NETWORKS:
        assert f'href="networks/{spec.name}.html"' in index


def test_large_networks_show_the_top_nodes():
    G = nx.barabasi_albert_graph(420, 2, seed=3)
    G = nx.relabel_nodes(G, {n: f"{E}n{n:04d}" for n in G})
    for n, data in G.nodes(data=True):
        data.update(label=n[-5:], labels={"en": n[-5:]}, type="keyword", articles=())
    r = result_of(G, 4)
    page = network_page(r, top=300)
    assert "Showing the top 300 nodes by pagerank" in page
    assert page.count(f'"id": "{E}n') == 300
    best = r.ranked()[0]
    assert f'"id": "{best}"' in page


def test_dashboard_lists_inputs_and_top_nodes(store):
    G = nw.coauthorship(store)
    page = index_page([result_of(G)], [{"source": "a.txt", "languages": ["kk", "en"]}])
    assert "<td>a.txt</td><td>kk, en</td>" in page
    assert "Co-authorship" in page and "Бірлескен авторлық" in page
    assert page.count("<tr><td>1</td>") == 1


def test_page_of_an_empty_network_is_still_written(tmp_path):
    report = run_analytics(ox.Store(), tmp_path, BASE)
    write_pages(report.results, tmp_path, [])
    assert all(n.nodes == 0 for n in report.networks)
    assert "This network has no nodes." in Path(tmp_path / "networks/coauthorship.html").read_text(
        encoding="utf-8")


def test_layout_does_not_depend_on_insertion_order():
    from kg.analytics.layout import positions

    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("x", "y"), ("y", "z"), ("z", "x")]
    forward = nx.Graph()
    forward.add_edges_from(edges)
    backward = nx.Graph()
    backward.add_nodes_from(sorted(forward, reverse=True))
    backward.add_edges_from((v, u) for u, v in reversed(edges))
    assert positions(forward) == positions(backward)


def test_streamed_analytics_run_holds_the_same_triples(store, analysed, tmp_path):
    """With a run folder the analytics triples go to a sorted N-Quads run of the graph (each
    once), line for line the N-Triples of ``ntriples`` in that graph; counts agree."""
    _, report, _ = analysed
    graph = BASE + "graph/analytics"
    streamed = run_analytics(store, tmp_path / "out", BASE, run=(tmp_path / "runs", graph))
    assert streamed.ntriples == b"" and streamed.run.graph == graph
    lines = streamed.run.path.read_bytes().decode("utf-8").splitlines()
    expected = sorted(line[:-1] + f"<{graph}> ." for line in
                      report.ntriples.decode("utf-8").splitlines())
    assert lines == expected and streamed.run.lines == len(lines)
    assert streamed.counts == report.counts
    assert len(streamed.graph()) == len(report.graph())


def test_comention_sentences_are_those_the_query_finds(store):
    """The co-mention network takes its nodes' mention sentences from the rows it counts
    shared sentences with; they are what :func:`mention_sentences` queries."""
    from kg.analytics.articles import mention_sentences

    G = nw.entity_comention(store)
    assert G.graph["mention_sentences"] == mention_sentences(store, G)
    assert G.graph["mention_sentences"][E + "kz"] == [(E + "A1", "S1"), (E + "A2", "S1")]
