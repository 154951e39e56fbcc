"""Time, evidence, layout and the Gephi / VOSviewer files of the networks, on a dated sample."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from network_sample import E, sample_results


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("net")
    return out, sample_results(out)


def test_networks_carry_years_authors_and_sentences(built):
    _, results = built
    G = results["entity-comention"].graph
    assert G.graph["article_years"] == {E + "A1": 2019, E + "A2": 2021, E + "A3": 2023}
    assert G.graph["article_authors"][E + "A1"] == ["Асель Нұрова", "Ерлан Әлиев"]
    sentences = dict(G.graph["mention_sentences"])[E + "kz"]
    assert (E + "A2", "Қазақстан мен Ресей шекарасы.") in sentences


def test_gexf_has_viz_and_time_and_reads_back(built):
    out, results = built
    G = nx.read_gexf(out / "networks/entity-comention.gexf")
    assert G.graph["mode"] == "dynamic"
    kz = G.nodes[E + "kz"]
    assert (kz["start"], kz["end"]) == (2019, 2023)
    assert set(kz["viz"]) == {"color", "size", "position"}
    assert kz["viz"]["color"]["r"] in range(256) and kz["viz"]["size"] > 0
    x, y = results["entity-comention"].layout[E + "kz"]
    assert (kz["viz"]["position"]["x"], kz["viz"]["position"]["y"]) == (x, -y)
    edge = G[E + "kz"][E + "law"]
    assert (edge["start"], edge["end"]) == (2019, 2023)
    assert (G[E + "kz"][E + "ru"]["start"], G[E + "kz"][E + "ru"]["end"]) == (2021, 2021)


def test_dynamic_gexf_has_one_spell_per_year(built):
    out, _ = built
    G = nx.read_gexf(out / "networks/entity-comention.dynamic.gexf")
    assert G.nodes[E + "kz"]["spells"] == [(2019, 2019), (2021, 2021), (2023, 2023)]
    assert G.nodes[E + "ru"]["spells"] == [(2021, 2021)]
    assert G[E + "kz"][E + "law"]["spells"] == [(2019, 2019), (2023, 2023)]


def test_layout_is_seeded_and_separates_nodes(built):
    _, results = built
    from kg.analytics.layout import positions

    r = results["coauthorship"]
    assert positions(r.graph) == r.layout
    assert len(set(r.layout.values())) == len(r.graph)


def test_vosviewer_files_follow_the_manual(built):
    out, results = built
    rows = list(csv.reader(io.StringIO((out / "networks/coauthorship.vos-map.txt")
                                       .read_text("utf-8")), delimiter="\t"))
    assert rows[0] == ["id", "label", "url", "x", "y", "cluster", "weight<Links>",
                       "weight<Total link strength>", "weight<Documents>",
                       "score<Avg. pub. year>"]
    assert len(rows) == 1 + len(results["coauthorship"].graph)
    ids = {int(r[0]) for r in rows[1:]}
    assert min(int(r[5]) for r in rows[1:]) == 1  # clusters from 1
    network = (out / "networks/coauthorship.vos-network.txt").read_text("utf-8").splitlines()
    assert len(network) == results["coauthorship"].graph.number_of_edges()
    for line in network:
        a, b, strength = line.split("\t")
        assert int(a) in ids and int(b) in ids and float(strength) > 0


def test_reports_count_years_and_mentions(built):
    out, _ = built
    years = list(csv.DictReader(open(out / "reports/entity-comention-years.csv", encoding="utf-8")))
    assert [(r["year"], r["articles"]) for r in years] == [("2019", "1"), ("2021", "1"), ("2023", "1")]
    assert years[1]["nodes"] == "2"  # Қазақстан and Ресей in 2021
    rows = list(csv.DictReader(open(out / "reports/entity-comention-mentions-by-year.csv",
                                    encoding="utf-8")))
    ru = [r for r in rows if r["iri"] == E + "ru"]
    assert [(r["year"], r["sentences"]) for r in ru] == [("2021", "1")]
    assert float(ru[0]["lift"]) > 1  # Ресей is named only in 2021


def test_community_colours_differ_between_neighbours(built):
    _, results = built
    for r in results.values():
        look = r.look
        for u, v in r.graph.edges():
            cu, cv = look.community[u], look.community[v]
            if cu != cv and len(set(look.community_colour.values())) < 12:
                assert look.community_colour[cu] != look.community_colour[cv]
        assert all(look.community_name.values())
