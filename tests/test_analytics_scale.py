"""Measures chosen by size: above the exact limit, closeness is estimated from a seeded sample
of sources (close to the exact values, exact for small components), Louvain is igraph's
multilevel algorithm (reproducible, a good partition), components come from igraph, and the
parameters recorded with the results say so; below the limit nothing changes."""

import random

import networkx as nx
import pytest

from kg.analytics import communities as comm
from kg.analytics.closeness import closeness, sampled
from kg.analytics.indexed import Indexed
from kg.analytics.measures import compute


def _big():
    """A 1,500-node network: a scale-free giant component, small islands and isolated nodes."""
    G = nx.barabasi_albert_graph(1400, 3, seed=3)
    for i in range(20):  # triangles
        a, b, c = 2000 + 3 * i, 2001 + 3 * i, 2002 + 3 * i
        G.add_edges_from([(a, b), (b, c), (a, c)])
    G.add_nodes_from(range(3000, 3040))
    for u, v, d in G.edges(data=True):
        d["weight"] = float(1 + (u + v) % 3)
    return G


def test_sampled_closeness_is_close_to_exact_and_exact_on_small_components():
    G = _big()
    exact = closeness(G)
    est = closeness(G, k=300, seed=5)
    giant = max(nx.connected_components(G), key=len)
    errors = sorted(abs(est[n] - exact[n]) / exact[n] for n in giant)
    assert errors[len(errors) // 2] < 0.02 and errors[-1] < 0.1
    small = [n for n in G if n not in giant]
    assert [est[n] for n in small] == pytest.approx([exact[n] for n in small], abs=1e-12)
    assert closeness(G, k=300, seed=5) == est and closeness(G, k=300, seed=6) != est


def test_sampled_closeness_falls_back_to_exact_where_no_source_lands():
    G = nx.disjoint_union(nx.path_graph(20), nx.path_graph(4))  # both components exceed k=3
    seed = next(s for s in range(100)  # a sample (as drawn) that misses the small path
                if all(i < 20 for i in random.Random(s).sample(list(range(24)), 3)))
    est = sampled(Indexed.of(G, weight=None), k=3, seed=seed).tolist()
    exact = list(closeness(G).values())
    assert est[20:] == pytest.approx(exact[20:], abs=1e-12)
    assert est[:20] != pytest.approx(exact[:20], abs=1e-12)


def test_multilevel_is_reproducible_and_finds_planted_communities():
    G = nx.planted_partition_graph(6, 40, 0.5, 0.01, seed=2)
    parts = comm.multilevel(G, seed=7)
    assert comm.multilevel(G, seed=7) == parts
    planted = {n: n // 40 for n in G}
    assert len(set(parts.values())) == 6
    assert all(len({parts[n] for n in G if planted[n] == g}) == 1 for g in range(6))


def test_components_from_igraph_number_as_networkx():
    G = _big()
    assert comm.components(G, net=Indexed.of(G)) == comm.components(G)


def test_large_networks_record_the_sample_and_the_implementation():
    big = compute(_big())
    p = big.parameters
    assert p["betweenness_centrality"]["k"] == 500 and p["betweenness_centrality"]["seed"] == 42
    assert p["closeness_centrality"] == {"k": 500, "seed": 42, "weight": None, "wf_improved": True}
    assert p["louvain_community"] == {"implementation": "igraph-multilevel", "resolution": 1.0,
                                      "seed": 42, "weight": "weight"}
    assert len(set(big.communities["louvain_community"].values())) > 20  # islands + giant's parts


def test_small_networks_keep_the_exact_measures():
    karate = nx.karate_club_graph()
    m = compute(karate)
    assert m.parameters["closeness_centrality"] == {"weight": None, "wf_improved": True}
    assert "implementation" not in m.parameters["louvain_community"]
    assert m.scores["closeness_centrality"] == pytest.approx(nx.closeness_centrality(karate))
    assert m.communities["louvain_community"] == comm.louvain(karate)
