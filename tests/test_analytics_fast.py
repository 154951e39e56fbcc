"""The fast analytics paths agree with networkx's reference implementations and with the
ElementTree/rdflib outputs they replaced: measures within 1e-6 on random graphs (weighted,
disconnected, single-node, empty), GEXF/GraphML and N-Triples byte for byte."""

import io
import json
import random
import re

import networkx as nx
import pytest
from networkx.algorithms import bipartite
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from kg.analytics import exports
from kg.analytics import networks as nw
from kg.analytics.betweenness import betweenness
from kg.analytics.closeness import closeness
from kg.analytics.eigenvector import eigenvector
from kg.analytics.indexed import Indexed
from kg.analytics.measures import compute
from kg.analytics.pagerank import pagerank
from kg.analytics.results import (
    NetworkResult,
    export_graph,
    export_rows,
    rounded,
    to_gexf,
    to_graphml,
    to_ntriples,
    write_gexf,
    write_gexf_pair,
    write_graphml,
)

BASE = "https://w3id.org/kazkg/id/"
TOL = 1e-6


def _weighted(G, seed):
    rng = random.Random(seed)
    for _, _, d in G.edges(data=True):
        d["weight"] = rng.choice([1.0, 2.0, 0.5, 3.25, rng.random() + 0.01])
    return G


def graphs():
    """Named test graphs: classic, random, weighted, disconnected, tiny and empty."""
    two_parts = nx.disjoint_union(nx.gnp_random_graph(25, 0.2, seed=4),
                                  nx.barabasi_albert_graph(30, 2, seed=5))
    two_parts.add_nodes_from([100, 101])  # isolated
    with_loop = nx.gnp_random_graph(20, 0.3, seed=6)
    with_loop.add_edge(3, 3)
    strings = nx.relabel_nodes(nx.gnp_random_graph(40, 0.15, seed=7), lambda n: f"http://e/n{n}")
    return {
        "karate": nx.karate_club_graph(),
        "random": nx.gnp_random_graph(60, 0.1, seed=1),
        "weighted": _weighted(nx.gnp_random_graph(50, 0.15, seed=2), 2),
        "weighted-disconnected": _weighted(two_parts, 3),
        "self-loop": with_loop,
        "strings": _weighted(strings, 8),
        "pair": nx.Graph([(0, 1)]),
        "edgeless": nx.empty_graph(4),
        "single-node": nx.empty_graph(1),
        "empty": nx.Graph(),
    }


GRAPHS = graphs()


def close(ours: dict, ref: dict, tol: float = TOL) -> None:
    assert list(ours) == list(ref)
    for n, expected in ref.items():
        assert ours[n] == pytest.approx(expected, abs=tol), n


@pytest.mark.parametrize("name", GRAPHS)
def test_betweenness_and_closeness_match_networkx(name):
    G = GRAPHS[name]
    close(betweenness(G), nx.betweenness_centrality(G, normalized=True))
    close(closeness(G), nx.closeness_centrality(G, wf_improved=True))
    net = Indexed.of(G)
    close(betweenness(G, net=net), nx.betweenness_centrality(G, normalized=True))


@pytest.mark.parametrize("name", ["karate", "random", "weighted-disconnected", "strings"])
@pytest.mark.parametrize("k", [2, 7, 20])
def test_sampled_betweenness_matches_networkx(name, k):
    G = GRAPHS[name]
    ref = nx.betweenness_centrality(G, k=k, normalized=True, seed=42)
    close(betweenness(G, k=k, seed=42), ref)


@pytest.mark.parametrize("name", GRAPHS)
def test_eigenvector_matches_networkx(name):
    G = GRAPHS[name]
    if G.number_of_edges() == 0:  # networkx fails or divides by zero; ours says 0
        assert eigenvector(G) == dict.fromkeys(G, 0.0)
        return
    ref = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-6, weight="weight")
    close(eigenvector(G), {n: max(0.0, s) for n, s in ref.items()})


def test_eigenvector_fails_to_converge_where_networkx_does():
    G = nx.path_graph(30)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(G, max_iter=3, tol=1e-12)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        eigenvector(G, max_iter=3, tol=1e-12)


@pytest.mark.parametrize("name", GRAPHS)
def test_pagerank_matches_networkx(name):
    G = GRAPHS[name]
    if not len(G):
        assert pagerank(G) == {}
        return
    close(pagerank(G), _pagerank_python(G, alpha=0.85, max_iter=100, tol=1e-6, weight="weight"))


@pytest.mark.parametrize("name", GRAPHS)
def test_compute_shares_one_conversion_and_keeps_every_measure(name):
    G = GRAPHS[name]
    m = compute(G)
    assert not m.warnings
    for measure, values in m.scores.items():
        assert list(values) == list(G), measure


def reference_project(incidence, newman=False):
    """The projection as it was: networkx's bipartite projections of the whole incidence."""
    nodes = sorted({n for members in incidence.values() for n in members})
    if not nodes:
        return nx.Graph()
    articles = sorted(incidence)
    index = {n: i for i, n in enumerate(nodes)}
    offset = len(nodes)
    B = nx.Graph()
    B.add_nodes_from(range(offset + len(articles)))
    B.add_edges_from((index[n], offset + j) for j, a in enumerate(articles)
                     for n in sorted(incidence[a]))
    counts = bipartite.weighted_projected_graph(B, range(offset))
    weights = (bipartite.collaboration_weighted_projected_graph(B, range(offset)) if newman
               else counts)
    G = nx.Graph()
    for i, n in enumerate(nodes):
        G.add_node(n, articles=tuple(articles[j - offset] for j in sorted(B[i])))
    for i, j in sorted((min(e), max(e)) for e in counts.edges()):
        G.add_edge(nodes[i], nodes[j], weight=float(weights[i][j]["weight"]),
                   articles=int(counts[i][j]["weight"]))
    return G


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("newman", [False, True])
def test_projection_is_unchanged(seed, newman):
    rng = random.Random(seed)
    pool = [f"http://e/n{i:03d}" for i in range(80)]
    incidence = {f"http://e/a{a:03d}": set(rng.sample(pool, rng.randint(1, 12)))
                 for a in range(60)}
    ours, ref = nw.project(incidence, newman=newman), reference_project(incidence, newman)
    assert list(ours.nodes(data=True)) == list(ref.nodes(data=True))
    assert list(ours.edges(data=True)) == list(ref.edges(data=True))  # same floats, same order


# --- writers -----------------------------------------------------------------------------------

HOSTILE = 'a<b> & "c"\n\tend'


def result(G, index=3, hostile=HOSTILE + "\r"):
    """A measured network with labels, types and edge counts like the real ones."""
    G = nx.relabel_nodes(G, {n: n if str(n).startswith("http") else f"http://e/{n}" for n in G})
    for i, (n, data) in enumerate(sorted(G.nodes(data=True))):
        labels = {"kk": f"т{i}", "en": hostile if i == 1 else f"n{i}"}
        if i % 3 == 0:
            labels = {}
        data.update(label=nw.display_label(labels, n), labels=labels,
                    type="person" if i % 2 else "country", articles=("http://e/A",) * (i % 4))
    for i, (_, _, d) in enumerate(G.edges(data=True)):
        d.setdefault("weight", 1.0 + (i % 3) / 3)
        d["articles"] = 1 + i % 5
        d["sentences"] = i % 2
    return NetworkResult(nw.NETWORKS[index], G, compute(G))


def networkx_gexf(r) -> bytes:
    buf = io.BytesIO()
    nx.write_gexf(export_graph(r), buf, encoding="utf-8")
    text = re.sub(r' lastmodifieddate="[^"]*"', "", buf.getvalue().decode("utf-8"))
    return text.replace(f"<creator>NetworkX {nx.__version__}</creator>",
                        f"<creator>{exports.CREATOR}</creator>").encode("utf-8")


def networkx_graphml(r) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml_xml(export_graph(r), buf, encoding="utf-8")
    return buf.getvalue()


@pytest.mark.parametrize("name", GRAPHS)
def test_gexf_and_graphml_are_networkx_documents_byte_for_byte(name):
    r = result(GRAPHS[name])
    assert exports.gexf(*export_rows(r)) == networkx_gexf(r)  # to_gexf adds viz and time
    assert to_graphml(r) == networkx_graphml(r)


@pytest.mark.parametrize("name", [*GRAPHS, "large"])
def test_streamed_files_equal_the_documents(name, tmp_path):
    G = GRAPHS[name] if name != "large" else _weighted(nx.gnm_random_graph(300, 5000, seed=3), 3)
    r = result(G)  # "large": more edges than a spill batch
    r.graph.graph["article_years"] = {"http://e/A": 2021}  # dated nodes and edges
    write_gexf(r, tmp_path / "a.gexf")
    write_gexf(r, tmp_path / "b.gexf", spells=True)
    write_graphml(r, tmp_path / "c.graphml")
    write_gexf_pair(r, tmp_path / "pair.gexf", tmp_path / "pair.dynamic.gexf")
    assert (tmp_path / "a.gexf").read_bytes() == to_gexf(r)
    assert (tmp_path / "b.gexf").read_bytes() == to_gexf(r, spells=True)
    assert (tmp_path / "c.graphml").read_bytes() == to_graphml(r)
    assert (tmp_path / "pair.gexf").read_bytes() == to_gexf(r)
    assert (tmp_path / "pair.dynamic.gexf").read_bytes() == to_gexf(r, spells=True)
    if name == "large":
        assert b"<spell " in to_gexf(r, spells=True) and b' start="2021"' in to_gexf(r)


@pytest.mark.parametrize("name", ["weighted-disconnected", "strings", "edgeless", "empty"])
def test_exports_read_back_with_every_attribute(name):
    r = result(GRAPHS[name], hostile=HOSTILE)  # XML readers turn a CR in text into LF
    H = export_graph(r)
    G = nx.read_graphml(io.BytesIO(to_graphml(r)))
    assert list(G.nodes(data=True)) == list(H.nodes(data=True))
    assert sorted(G.edges(data=True)) == sorted(H.edges(data=True))
    X = nx.read_gexf(io.BytesIO(to_gexf(r)))
    assert list(X) == list(H)
    for n, data in H.nodes(data=True):
        assert {k: x for k, x in X.nodes[n].items() if k != "viz"} == data
        assert set(X.nodes[n]["viz"]) == {"color", "size", "position"}
    for u, v, data in H.edges(data=True):
        assert {k: x for k, x in X[u][v].items() if k != "id"} == data


def test_writers_handle_odd_values_like_networkx():
    nodes = [("x", {"label": "X", "flag": True, "big": 1e300, "inf": float("inf"), "s": ""}),
             ("y", {"flag": False, "big": 2.5, "inf": 1.0, "s": "&"})]
    edges = [("x", "y", {"weight": 1, "n": 1}), ("x", "x", {})]
    G = nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    buf = io.BytesIO()
    nx.write_graphml_xml(G, buf)
    assert exports.graphml(nodes, edges) == buf.getvalue()
    buf = io.BytesIO()
    nx.write_gexf(G, buf)
    expected = re.sub(r' lastmodifieddate="[^"]*"', "", buf.getvalue().decode())
    expected = expected.replace(f"NetworkX {nx.__version__}", exports.CREATOR)
    assert exports.gexf(nodes, edges).decode() == expected
    with pytest.raises(TypeError):
        exports.graphml([("x", {"bad": [1]})], [])
    with pytest.raises(ValueError):
        exports.gexf([("x", {"viz": 1})], [])


def rdflib_ntriples(results, base) -> bytes:
    """The analytics N-Triples as they were made: an rdflib graph, serialised and sorted."""
    import hashlib

    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDF, RDFS, XSD

    from kg.iri import mint
    from kg.rdf.vocab import KG

    g = Graph()
    for r in results:
        net = URIRef(mint("network", r.name, base))
        g.add((net, RDF.type, KG.Network))
        for lang, title in r.spec.titles.items():
            g.add((net, RDFS.label, Literal(title, lang=lang)))
        measures = [(m, s, False) for m, s in r.measures.scores.items()]
        measures += [(m, p, True) for m, p in r.measures.communities.items()]
        for measure, values, is_partition in measures:
            params = Literal(json.dumps(r.measures.parameters.get(measure, {}), sort_keys=True,
                                        separators=(",", ":")))
            for node, value in values.items():
                digest = hashlib.sha1(str(node).encode("utf-8")).hexdigest()[:16]
                res = URIRef(mint("analytics", f"{r.name}/{measure}/{digest}", base))
                g.add((res, RDF.type, KG.AnalyticsResult))
                g.add((res, KG.node, URIRef(str(node))))
                g.add((res, KG.measure, Literal(measure)))
                g.add((res, KG.network, net))
                g.add((res, KG.parameters, params))
                if is_partition:
                    g.add((res, KG.community, Literal(str(int(value)), datatype=XSD.integer)))
                else:
                    g.add((res, KG.score, Literal(repr(rounded(float(value))),
                                                  datatype=XSD.double)))
    text = g.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def test_ntriples_are_those_rdflib_wrote():
    spec = nw.NetworkSpec("odd", {"en": 'Quote " back \\ slash', "kk": "Жол\nбөлу\rCR"},
                          nw.coauthorship)
    results = [result(GRAPHS[name], i % 5) for i, name in enumerate(GRAPHS)]
    results.append(NetworkResult(spec, results[0].graph, results[0].measures))
    big = nx.Graph([("http://e/a", "http://e/b", {"weight": 1e-30}), ("http://e/b", "http://e/c")])
    results.append(NetworkResult(nw.NETWORKS[1], big, compute(big)))
    assert to_ntriples(results, BASE) == rdflib_ntriples(results, BASE)
    assert to_ntriples([], BASE) == b""


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_edge_rows_come_sorted_from_the_smaller_end(seed):
    """Edge rows are made node by node, yet come out as the sorted list of ``(u, v)`` with
    ``u <= v`` that the writers had when all rows were held (self-loops included)."""
    from kg.analytics.results import EdgeRows

    rng = random.Random(seed)
    G = nx.Graph()
    names = [f"http://e/{rng.choice('abcxyzАБ')}{i}" for i in range(60)]
    rng.shuffle(names)
    G.add_nodes_from(names)
    for _ in range(300):
        u, v = rng.choice(names), rng.choice(names)
        G.add_edge(u, v, weight=rng.choice([1.0, 2 / 3, 2.5]), articles=rng.randint(1, 4),
                   flag=True, note="x")
    expected = sorted((min(u, v), max(u, v), {"articles": d["articles"], "weight": rounded(d["weight"])})
                      for u, v, d in G.edges(data=True))
    rows = EdgeRows(G)
    assert list(rows) == expected and len(rows) == G.number_of_edges() and bool(rows)
    assert list(rows) == expected  # read again: made afresh
