"""The build's streaming parts: per-article extraction, sorted runs, merges, store loading."""

import random

import pyoxigraph as ox
import pytest

from kg.build import build, parse_and_extract
from kg.rdf.bulkload import add_runs, load_store, publish_store
from kg.corpus import demo_corpus_path, parse_file
from kg.ingest import iter_sources
from kg.extract.tasks import cached_mentions
from kg.extract_stage import document_mentions
from kg.parallel import _dearest_first, auto_workers, open_mapper
from kg.rdf.runs import merged_lines, union_triples, write_run
from kg.rdf.serialize import write_trig, write_turtle


def _lines(n, graph, seed):
    rng = random.Random(seed)
    return sorted({f'<http://e/s{rng.randrange(50)}> <http://e/p{rng.randrange(3)}> '
                   f'"{rng.choice(["a", "ab", "a b", "é", "ж"])}"@kk <{graph}> .\n'
                   for _ in range(n)})


def test_multi_round_merge_equals_one_sort(tmp_path):
    runs = [write_run(tmp_path, f"http://e/g{i}", _lines(40, f"http://e/g{i}", i)) for i in range(9)]
    everything = sorted(line.encode() for r in runs for line in r.path.read_text().splitlines(True))
    assert list(merged_lines(runs, fan_in=2)) == everything  # several rounds of merging
    assert not list(tmp_path.glob(".merge-*"))  # the rounds' files are gone
    triples = list(union_triples(runs))
    assert len(triples) == len(set(triples)) == len({line.rsplit(b" <", 1)[0] for line in everything})
    assert triples == sorted(triples)


def test_turtle_and_trig_from_runs_hold_the_same_graph(tmp_path):
    runs = [write_run(tmp_path / "runs", f"http://e/g{i}", _lines(30, f"http://e/g{i}", i))
            for i in range(3)]
    triples = write_turtle(runs, tmp_path / "g.ttl", {"e": "http://e/"})
    write_trig(runs, tmp_path / "g.trig", {"e": "http://e/"})
    ttl = set(ox.parse(path=str(tmp_path / "g.ttl")))
    trig = list(ox.parse(path=str(tmp_path / "g.trig")))
    assert triples == len(ttl) == len({(q.subject, q.predicate, q.object) for q in trig})
    assert {str(q.graph_name) for q in trig} == {f"<http://e/g{i}>" for i in range(3)}


def test_store_is_loaded_from_runs_and_swapped_in(tmp_path):
    run = write_run(tmp_path / "runs", "http://e/g", _lines(25, "http://e/g", 1))
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "stale").write_text("old")
    more = [write_run(tmp_path / "runs", f"http://e/h{i}", _lines(25, f"http://e/h{i}", i))
            for i in range(5)]
    store = load_store(tmp_path / "store.tmp", [run])
    assert len(store) == run.lines
    add_runs(store, more, tmp_path / "store.tmp", slice_size=40)  # several slices
    assert len(store) == run.lines + sum(r.lines for r in more)
    del store
    publish_store(tmp_path / "store.tmp", tmp_path / "store")
    assert not (tmp_path / "store" / "stale").exists()
    assert len(ox.Store.read_only(str(tmp_path / "store"))) == run.lines + sum(r.lines for r in more)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["runs", "store"]


def test_articles_extracted_apart_equal_the_whole_document(tmp_path):
    sources = list(iter_sources([demo_corpus_path()]))
    corpus, found, _ = parse_and_extract(sources, tmp_path / "cache", workers=2)
    for p in corpus.parsed:
        assert found[p.document.id] == document_mentions(p.document, p.articles)
        assert cached_mentions(p.document, tmp_path / "cache") == found[p.document.id]


def test_damaged_cache_file_is_a_miss(tmp_path):
    path = min(demo_corpus_path().iterdir())
    parsed = parse_file(path)
    document_mentions(parsed.document, parsed.articles, tmp_path)
    (tmp_path / f"{parsed.document.id}.json").write_text('{"version": ', encoding="utf-8")
    assert cached_mentions(parsed.document, tmp_path) is None
    assert document_mentions(parsed.document, parsed.articles, tmp_path)


def test_dearest_tasks_go_first_and_results_keep_input_order():
    assert _dearest_first(4, [3, 9, 1, 9]) == [1, 3, 0, 2]
    with open_mapper(workers=2) as run:
        assert run.map(abs, [-1, -5, 2, -7], costs=[1, 5, 2, 7]) == [1, 5, 2, 7]


def test_automatic_workers_stay_serial_for_small_inputs():
    assert auto_workers(1_000, cpus=4) == 1
    assert auto_workers(100_000_000, cpus=4) == 4
    assert auto_workers(100_000_000, cpus=64) == 8


def test_failed_build_leaves_no_temporary_files(tmp_path, monkeypatch):
    import kg.rdf.serialize

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(kg.rdf.serialize, "write_trig", broken)  # what write_graph_files calls
    out = tmp_path / "out"
    try:
        build([demo_corpus_path()], out)
    except RuntimeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the build should have failed")
    assert not [p for p in out.iterdir() if p.name.startswith(".build-")]
    assert not (out / "store").exists() and not (out / "store.tmp").exists()


def test_sorted_run_spills_chunks_and_keeps_each_line_once(tmp_path):
    """Lines in any order, repeated within and across spilled chunks, become the run of their
    graph in code-point (= UTF-8 byte) order, each once; no spill is left behind."""
    from kg.rdf.runs import SortedRun, sort_into_run

    rng = random.Random(3)
    words = ["<http://e/a>", "<http://e/б>", '"x"', '"Қазақ"', "<http://e/a/b>", '"\\u00e9"']
    lines = [" ".join(rng.choice(words) for _ in range(3)) + " <http://e/g> .\n"
             for _ in range(2000)]
    expected = "".join(sorted(set(lines))).encode("utf-8")
    for chunk in (1, 7, 500, 10**6):
        sorter = SortedRun(tmp_path / f"c{chunk}", "http://e/g", chunk)
        sorter.extend(lines[:1000])
        sorter.extend(iter(lines[1000:]))
        run = sorter.close()
        assert run.path.read_bytes() == expected and run.lines == len(set(lines))
        assert [p.name for p in (tmp_path / f"c{chunk}").iterdir()] == [run.path.name]
    assert sort_into_run(tmp_path / "empty", "http://e/g", []).path.read_bytes() == b""


def test_analytics_run_loads_in_slices_and_refuses_blank_nodes(tmp_path):
    from kg.rdf.bulkload import add_run_in_slices

    lines = _lines(500, "http://e/g", 9)
    run = write_run(tmp_path / "runs", "http://e/g", lines)
    store = ox.Store()
    add_run_in_slices(store, run, tmp_path / "store", slice_size=37)
    whole = ox.Store()
    whole.bulk_load(path=str(run.path), format=ox.RdfFormat.N_QUADS)
    assert set(store) == set(whole) and len(store) == len(lines)
    blank = write_run(tmp_path / "runs2", "http://e/h", ['_:b <http://e/p> "x" <http://e/h> .\n'])
    with pytest.raises(ValueError, match="blank nodes"):
        add_run_in_slices(ox.Store(), blank, tmp_path / "store2")
