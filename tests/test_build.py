"""A real build of the demo corpus: files, determinism, incremental rebuild, store, exports."""

import json
import os
import shutil
import sqlite3
import subprocess
import sys

import psutil
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.build import TERMS_CACHE, Extraction, build
from kg.corpus import demo_corpus_path
from kg.extract.sources import INDEX
from kg.parallel import auto_workers
from kg.rebuild import RECORD, forget
from kg.validate import validate_file

from conftest import CORPUS


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    report = build([demo_corpus_path()], out)
    return out, report


@pytest.fixture
def big_corpus(tmp_path):
    """A copy of the real corpus (over the size that starts workers), made at run time."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder)
    for path in folder.iterdir():
        path.chmod(0o644)
    return folder


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=300)


def test_output_layout(built):
    out, report = built
    for name in ("graph.ttl", "graph.trig", "store", "articles.json", "manifest.json", "void.ttl",
                 "reports/merges.csv", "index.html", "networks/coauthorship.html",
                 "networks/coauthorship.gexf", "networks/coauthorship.graphml",
                 "reports/coauthorship.csv", "reports/entity-comention.csv"):
        assert (out / name).exists(), name
    counts = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert counts["articles"] == 4 and counts["mentions"] > 50
    assert counts["entities_country"] >= 3 and counts["entities_person"] >= 7


def test_void_description_counts_the_graph(built):
    out, report = built
    void = rdflib.Graph().parse(out / "void.ttl", format="turtle")
    triples = next(void.objects(None, rdflib.URIRef("http://rdfs.org/ns/void#triples")))
    assert int(triples) == report.triples == len(rdflib.Graph().parse(out / "graph.ttl"))


def test_graph_conforms_to_shapes(built):
    out, _ = built
    report = validate_file(out / "graph.ttl")
    assert report.conforms, report.violations[:5]


@pytest.mark.slow
def test_second_build_is_byte_identical(built, tmp_path):
    out, _ = built
    again = tmp_path / "again"
    env = dict(os.environ, PYTHONHASHSEED="7")
    result = subprocess.run([sys.executable, "-m", "kg", "build", "--out", str(again)],
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    for name in ("graph.ttl", "graph.trig", "reports/entity-comention.csv",
                 "networks/coauthorship.graphml"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name


@pytest.mark.slow
def test_parallel_and_dask_builds_equal_the_serial_one(built, tmp_path):
    distributed = pytest.importorskip("distributed")
    out, _ = built
    build([demo_corpus_path()], tmp_path / "workers", workers=2)
    assert (tmp_path / "workers" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None, host="127.0.0.1") as cluster:
        build([demo_corpus_path()], tmp_path / "dask", scheduler=cluster.scheduler_address)
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()


@pytest.mark.slow
def test_base_iri_is_configurable(tmp_path):
    result = kg("build", "--out", str(tmp_path / "o"), "--base", "http://example.org/kg/")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix person: <http://example.org/kg/person/> ." in text
    assert "w3id.org/kazkg/id/" not in text


def test_trig_has_one_graph_per_document(built):
    out, report = built
    ds = rdflib.Dataset()
    ds.parse(out / "graph.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    documents = {p.document.id for p in report.corpus.parsed}
    assert {n.rsplit("/", 1)[-1] for n in names if "/graph/document/" in n} == documents
    assert any(n.endswith("/graph/entities") for n in names)
    assert any(n.endswith("/graph/ontology") for n in names)
    assert any(n.endswith("/graph/analytics") for n in names)


def test_rebuild_after_adding_a_document_extracts_only_it(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(demo_corpus_path() / "lecture-notes.md", corpus)
    out = tmp_path / "out"
    build([corpus], out)
    cached = {p.name: p.stat().st_mtime_ns for p in (out / "cache").iterdir()
              if p.name not in (INDEX, TERMS_CACHE, RECORD) and p.is_file()}
    (corpus / "extra.md").write_text("Қазақстан мен Қытай ШЫҰ аясында ынтымақтасады.\n", encoding="utf-8")
    report = build([corpus], out)
    after = {p.name: p.stat().st_mtime_ns for p in (out / "cache").iterdir()
             if p.name not in (INDEX, TERMS_CACHE, RECORD) and p.is_file()}
    assert len(after) == len(cached) + 1
    assert all(after[name] == mtime for name, mtime in cached.items())
    assert (report.extraction.documents, report.extraction.workers) == (1, 0)


def _output_files(out) -> dict:
    """Every published file of a build that must not depend on how it was built (the
    manifest and VoID carry the build time; the store and the index are compared by content)."""
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
             if p.is_file() and p.parts[len(out.parts)] not in ("cache", "store")
             and p.name not in ("manifest.json", "void.ttl", "search.sqlite")}
    with sqlite3.connect(out / "search.sqlite") as db:
        files["search.sqlite (dump)"] = "\n".join(db.iterdump()).encode("utf-8")
    return files


def test_incremental_rebuild_equals_a_full_build(tmp_path):
    """A rebuild that reads parsed documents from the cache and adds one new document gives
    the same bytes as a build of the same files from scratch."""
    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus_path(), corpus)
    out = tmp_path / "out"
    build([corpus], out)
    (corpus / "extra.md").write_text("Қазақстан мен Қытай ШЫҰ аясында ынтымақтасады. "
                                     "Назарбаев университеті Астанада.\n", encoding="utf-8")
    build([corpus], out)
    fresh = tmp_path / "fresh"
    build([corpus], fresh)
    assert _output_files(out) == _output_files(fresh)


def test_store_and_serialisation_in_other_processes_give_the_same_output(built, tmp_path, monkeypatch):
    """A large build loads the store in a spawned process as the RDF runs are written,
    writes a large network's GEXF and GraphML in another while this one goes on, graph.ttl
    and graph.trig in another while this one writes the pages, and the search index in
    another beside the pages (all forced here for a small corpus): the same files and the
    same store."""
    import pyoxigraph as ox

    import kg.build
    import kg.parallel

    started = []
    monkeypatch.setattr(kg.build, "SERIALISE_APART", 0)
    monkeypatch.setattr(kg.build, "LOAD_APART", 0)
    monkeypatch.setattr(kg.build, "EXPORTS_APART", 0)  # every network's GEXF and GraphML
    monkeypatch.setattr(kg.build, "INDEX_APART", 0)
    monkeypatch.setattr(kg.build, "apart", lambda fn, *args: started.append(fn.__name__)
                        or kg.parallel.apart(fn, *args))
    monkeypatch.setattr(kg.build, "fed_apart", lambda fn, *args: started.append(fn.__name__)
                        or kg.parallel.fed_apart(fn, *args))
    out = tmp_path / "out"
    report = build([demo_corpus_path()], out)
    networks = len(report.analytics) // 3
    assert sorted(started) == ["load_received", "write_graph_files", *["write_heavy_exports"] * networks,
                               "write_index"]
    assert networks == 5 and (os.cpu_count() or 1) > 1
    assert _output_files(out) == _output_files(built[0])
    assert report.triples == built[1].triples

    def quads(store_dir):  # blank nodes (the ontology's lists) get new labels in every store
        every = list(ox.Store.read_only(str(store_dir)))
        return len(every), sorted(str(q) for q in every if not isinstance(q.subject, ox.BlankNode)
                                  and not isinstance(q.object, ox.BlankNode))

    assert quads(out / "store") == quads(built[0] / "store")
    assert not _helpers()  # each process exited once done


def _helpers() -> list:
    """This process's helper processes (:func:`kg.parallel.apart`) still alive."""
    found = []
    for p in psutil.Process().children(recursive=True):
        try:
            if "kg.parallel import _serve" in " ".join(p.cmdline()):
                found.append(p)
        except psutil.Error:
            pass
    return found


def test_exports_failing_in_their_helper_process_fail_the_build(tmp_path, monkeypatch):
    import kg.analytics
    import kg.build

    monkeypatch.setattr(kg.build, "EXPORTS_APART", 0)
    monkeypatch.setattr(kg.build, "write_heavy_exports", kg.analytics.to_csv)  # a wrong call: fails apart
    with pytest.raises(TypeError):
        build([demo_corpus_path()], tmp_path / "out")
    assert not _helpers()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["cache"]  # nothing published


def test_a_build_failing_beside_its_helper_processes_leaves_none_behind(tmp_path, monkeypatch):
    import kg.build

    def broken(*args, **kwargs):
        raise RuntimeError("pages failed")

    monkeypatch.setattr(kg.build, "SERIALISE_APART", 0)
    monkeypatch.setattr(kg.build, "LOAD_APART", 0)
    monkeypatch.setattr(kg.build, "EXPORTS_APART", 0)
    monkeypatch.setattr(kg.build, "INDEX_APART", 0)
    monkeypatch.setattr(kg.build, "write_pages", broken)  # while Turtle/TriG are being written
    with pytest.raises(RuntimeError, match="pages failed"):
        build([demo_corpus_path()], tmp_path / "out")
    assert not _helpers()
    assert not list(tmp_path.glob(".out.build-*"))  # the staging folder is gone
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["cache"]  # nothing published


def test_rebuild_reads_parsed_documents_from_the_cache(tmp_path, monkeypatch):
    import kg.corpus

    corpus = tmp_path / "corpus"
    shutil.copytree(demo_corpus_path(), corpus)
    out = tmp_path / "out"
    first = build([corpus], out)
    segmented = []
    real = kg.corpus.segment_document
    monkeypatch.setattr(kg.corpus, "segment_document",
                        lambda doc: segmented.append(doc.source) or real(doc))
    (corpus / "extra.md").write_text("Қазақстан мен Қытай.\n", encoding="utf-8")
    second = build([corpus], out)
    assert segmented == [str(corpus / "extra.md")]  # the others came from the cache
    assert [p for p in second.corpus.parsed if p.document.source != segmented[0]] == list(first.corpus.parsed)
    (corpus / "extra.md").write_text("Қазақстан мен Ресей.\n", encoding="utf-8")  # same path, new text
    build([corpus], out)
    assert segmented == [str(corpus / "extra.md")] * 2
    assert len(list((out / "cache" / "parsed").iterdir())) == 3  # the stale parse is gone


def test_rebuild_with_nothing_new_starts_no_workers(tmp_path):
    out = tmp_path / "out"
    first = build([demo_corpus_path()], out, workers=2)
    assert first.extraction.workers == 2 and first.extraction.documents == 2
    graph = (out / "graph.ttl").read_bytes()
    skipped = build([demo_corpus_path()], out, workers=2)  # nothing new: left as it is
    assert skipped.unchanged is not None and skipped.extraction == Extraction()
    forget(out)  # built again, every document from the cache
    again = build([demo_corpus_path()], out, workers=2)
    assert again.unchanged is None
    assert again.extraction == Extraction(documents=0, articles=0, workers=0)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["extraction"] == {"documents": 0, "articles": 0, "workers": 0}
    assert (out / "graph.ttl").read_bytes() == graph


def test_fully_cached_build_loads_no_model(tmp_path):
    out = tmp_path / "out"
    build([demo_corpus_path()], out, workers=1)
    forget(out)  # built again (not skipped), every document from the cache
    script = ("import sys; from kg.build import build; "
              f"r = build([{str(demo_corpus_path())!r}], {str(out)!r}, workers=1); "
              "print(r.extraction.documents, sorted(m for m in ('spacy', 'natasha', 'torch') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "0 []"


@pytest.mark.slow
def test_large_corpus_rebuild_with_one_small_new_document_stays_in_one_process(tmp_path, big_corpus):
    out = tmp_path / "out"
    first = build([big_corpus], out)  # workers=0: automatic
    assert first.extraction.workers == auto_workers(10**9)
    (big_corpus / "extra.md").write_text("Қазақстан мен Қытай ШЫҰ аясында ынтымақтасады.\n", encoding="utf-8")
    second = build([big_corpus], out)
    assert (second.extraction.documents, second.extraction.workers) == (1, 0)
    third = build([big_corpus], out)
    assert third.extraction == Extraction(0, 0, 0)
    assert (out / "graph.ttl").read_bytes() != b""


def test_query_cli_formats_and_errors(built):
    out, _ = built
    store = str(out / "store")
    q = ("SELECT ?iso WHERE { ?c a <http://schema.org/Country> ; "
         "<https://w3id.org/kazkg/ontology#isoCode> ?iso } ORDER BY ?iso")
    csv = kg("query", q, "--store", store, "--format", "csv")
    assert csv.returncode == 0, csv.stderr
    assert csv.stdout.splitlines()[0] == "iso" and "KZ" in csv.stdout.splitlines()
    as_json = json.loads(kg("query", q, "--store", store, "--format", "json").stdout)
    assert {b["iso"]["value"] for b in as_json["results"]["bindings"]} >= {"KZ"}
    bad = kg("query", "SELECT ?x WHERE {\n ?x ?y \n}", "--store", store)
    assert bad.returncode != 0 and "3:" in bad.stderr and bad.stderr.count("\n") == 1
    missing = kg("query", "SELECT * {}", "--store", str(out / "nope"))
    assert missing.returncode != 0 and "no store" in missing.stderr


@pytest.mark.slow
@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt"), ("trig", "trig"),
                                         ("nq", "nquads"), ("jsonld", "json-ld")])
def test_exports_parse_back(built, tmp_path, fmt, parser):
    out, _ = built
    target = tmp_path / f"export.{fmt}"
    result = kg("export", "--store", str(out / "store"), "--format", fmt, "--out", str(target))
    assert result.returncode == 0, result.stderr
    data = rdflib.Dataset() if fmt in ("trig", "nq", "jsonld") else rdflib.Graph()
    data.parse(target, format=parser)
    reference = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    union = rdflib.Graph()
    for s, p, o, *_ in (data.quads() if isinstance(data, rdflib.Dataset) else data):
        union.add((s, p, o))
    assert isomorphic(union, reference)


def test_validate_cli_reports_violation(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kg: <https://w3id.org/kazkg/ontology#> .\n"
                   "<http://x/c> a kg:Country ; kg:isoCode \"kz\" .\n", encoding="utf-8")
    result = kg("validate", str(bad))
    assert result.returncode != 0 and "violation" in result.stderr
