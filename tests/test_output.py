"""The output folder is never half-written: one build at a time, staged, swapped in one step.

A real ``kg build`` is killed (``kill -9``) at each stage, two builds race for one ``--out``,
a build runs out of file space: each time the output left is whole (the old one or the new
one), ``kg query`` and ``kg validate`` accept it, its manifest matches its graph, and no
worker process outlives the build.
"""

from __future__ import annotations

import json
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
import rdflib
from conftest import STAGE_LINE

from kg.build import EmptyInput, build
from kg.corpus import demo_corpus_path
from kg.fsutil import exclusive_lock
from kg.output import OutputError, staged_output

LECTURE = demo_corpus_path() / "lecture-notes.md"


def _kg(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          timeout=600, **kw)


def _start_build(out: Path, *paths: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, paths), "--out", str(out),
                             "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kw)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in ("manifest.json", "graph.ttl", "void.ttl")}


def assert_whole(out: Path, validate: bool = False) -> dict:
    """``out`` is one complete build: its parts agree, and the tools accept it."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert manifest["counts"]["triples"] == len(graph)
    assert manifest["built_at"] in (out / "void.ttl").read_text(encoding="utf-8")
    assert {"store", "index.html", "reports", "networks", "graph.trig"} <= {p.name for p in out.iterdir()}
    count = _kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", str(out / "store"),
                "--format", "csv")
    assert count.returncode == 0 and int(count.stdout.split()[1]) > 0, count.stderr
    if validate:
        checked = _kg("validate", str(out / "graph.ttl"))
        assert checked.returncode == 0, checked.stderr
    return manifest


def test_staged_output_replaces_the_folder_and_keeps_the_cache(tmp_path):
    out = tmp_path / "out"
    (out / "cache").mkdir(parents=True)
    (out / "cache" / "d.json").write_text("{}")
    (out / "manifest.json").write_text("old")
    (out / "stale.html").write_text("old")
    with staged_output(out) as stage:
        (stage / "manifest.json").write_text("new")
        assert (out / "manifest.json").read_text() == "old"  # nothing visible before the end
    assert sorted(p.name for p in out.iterdir()) == ["cache", "manifest.json"]
    assert (out / "manifest.json").read_text() == "new" and (out / "cache" / "d.json").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_a_failed_build_leaves_the_old_output_and_no_stage(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("old")
    with pytest.raises(ZeroDivisionError), staged_output(out) as stage:
        (stage / "manifest.json").write_text("new")
        1 / 0
    assert (out / "manifest.json").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "out"]


def test_a_second_build_fails_at_once_while_the_first_holds_the_lock(tmp_path):
    out = tmp_path / "out"
    with exclusive_lock(tmp_path / ".out.lock"):
        with pytest.raises(OutputError, match="another build is writing this output folder"):
            with staged_output(out):
                pass
    with staged_output(out):  # released with its holder
        pass


def test_stale_stages_of_killed_builds_are_removed(tmp_path):
    (tmp_path / ".out.build-abc" / "store").mkdir(parents=True)
    (tmp_path / ".other.build-abc").mkdir()
    with staged_output(tmp_path / "out"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.build-abc", ".out.lock", "out"]


def test_a_folder_that_is_not_an_output_is_never_replaced(tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.txt").write_text("precious")
    with pytest.raises(OutputError, match="not a kazkg output"):
        with staged_output(mine):
            pass
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("{}")
    with pytest.raises(OutputError, match="an input inside --out"):
        with staged_output(out, [out / "input.txt"]):
            pass
    assert (mine / "thesis.txt").read_text() == "precious"


@pytest.fixture(scope="module")
def old_output(tmp_path_factory) -> Path:
    """A finished build of the lecture notes (copied by each test that replaces it)."""
    out = tmp_path_factory.mktemp("old") / "out"
    result = _kg("build", str(LECTURE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


#: A file that appears in the staging folder at each stage (``None``: extraction, seen by
#: the worker processes appearing).
STAGES = {"extract": None, "rdf": ".runs", "store": "store", "analytics": "reports",
          "pages": "networks", "serialise": "graph.ttl", "publish": "manifest.json"}


@pytest.mark.slow
@pytest.mark.parametrize("stage", list(STAGES))
def test_kill_9_at_any_stage_leaves_a_whole_output_and_no_worker(tmp_path, old_output, stage):
    out = tmp_path / "out"
    shutil.copytree(old_output, out)
    before = _snapshot(out)
    build = _start_build(out, demo_corpus_path())
    parent = psutil.Process(build.pid)
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    while build.poll() is None and time.monotonic() < deadline:
        workers |= {p.pid for p in parent.children(recursive=True)}
        staged = list(tmp_path.glob(".out.build-*"))
        if STAGES[stage] is None and workers or staged and STAGES[stage] and (staged[0] / STAGES[stage]).exists():
            break
        time.sleep(0.01)
    build.send_signal(signal.SIGKILL)
    code = build.wait()  # publishing takes a moment: the kill may come just after it
    assert code == -signal.SIGKILL or stage == "publish" and code == 0, "ended before the stage"
    for pid in workers:  # the kernel kills them with their parent
        try:
            psutil.Process(pid).wait(timeout=10)
        except psutil.NoSuchProcess:
            pass
    assert not [pid for pid in workers if psutil.pid_exists(pid)
                and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
    if stage == "extract":
        assert workers, "no worker was seen"
    manifest = assert_whole(out, validate=stage in ("store", "publish"))
    if stage != "publish":  # killed before publishing: the old output, untouched
        assert _snapshot(out) == before
    assert manifest["inputs"]
    again = _kg("build", str(demo_corpus_path()), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert not list(tmp_path.glob(".out.build-*"))
    assert len(assert_whole(out)["inputs"]) == 2


@pytest.mark.slow
def test_two_concurrent_builds_one_fails_fast_with_a_clear_message(tmp_path, old_output):
    out = tmp_path / "out"
    shutil.copytree(old_output, out)
    first = _start_build(out, demo_corpus_path())
    while not list(tmp_path.glob(".out.build-*")) and first.poll() is None:
        time.sleep(0.01)
    second = _start_build(out, LECTURE)
    _, second_err = second.communicate(timeout=60)
    _, first_err = first.communicate(timeout=600)
    assert first.returncode == 0, first_err
    assert second.returncode == 1
    assert second_err.count("\n") == 1 and "another build is writing this output folder" in second_err
    assert len(assert_whole(out, validate=True)["inputs"]) == 2


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG


@pytest.mark.slow
def test_out_of_space_names_the_file_and_leaves_the_old_output(tmp_path, old_output):
    out = tmp_path / "out"
    shutil.copytree(old_output, out)
    before = _snapshot(out)
    result = _kg("build", str(demo_corpus_path()), "--out", str(out), preexec_fn=_limit_file_size)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if not STAGE_LINE.fullmatch(line)]
    assert len(errors) == 1 and errors[0].startswith("error: ")  # one line, after the stage timings
    assert "File too large" in result.stderr and f"{out} is unchanged" in result.stderr
    assert ".out.build-" in result.stderr  # the file that could not be written
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".out.build-*"))
    assert_whole(out)


def test_a_build_without_any_readable_document_publishes_nothing(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text("old")
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(EmptyInput, match="no readable document") as caught:
        build([tmp_path / "empty.txt"], out)
    assert [p.message for p in caught.value.problems] == ["empty file"]
    assert (out / "manifest.json").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.lock", "empty.txt", "out"]
