"""A build with nothing new (same inputs, settings and code, a complete output) is skipped."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

import kg.build as kg_build
from kg.build import build
from kg.corpus import demo_corpus_path
from kg.rebuild import RECORD, forget, input_digest, remember, unchanged


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(demo_corpus_path() / "lecture-notes.md", folder)
    return folder


def _stamps(out) -> dict:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*")
            if p.is_file() and "cache" not in p.relative_to(out).parts}


def test_nothing_new_is_skipped_and_anything_new_is_built(corpus, tmp_path):
    out = tmp_path / "out"
    first = build([corpus], out)
    assert first.unchanged is None and (out / "cache" / RECORD).is_file()
    stamps = _stamps(out)
    again = build([corpus], out)
    assert again.unchanged is not None and _stamps(out) == stamps  # not a byte written
    assert again.counts == first.counts
    # another base IRI, a changed input, an incomplete output: built again
    assert build([corpus], out, base="http://example.org/kg/").unchanged is None
    assert "http://example.org/kg/" in (out / "graph.ttl").read_text(encoding="utf-8")
    assert build([corpus], out).unchanged is None  # back to the default base
    with open(corpus / "lecture-notes.md", "a", encoding="utf-8") as f:
        f.write("\nҚазақстан мен Қытай ШЫҰ аясында ынтымақтасады.\n")
    assert build([corpus], out).unchanged is None
    (out / "search.sqlite").unlink()
    assert build([corpus], out).unchanged is None and (out / "search.sqlite").is_file()
    assert build([corpus], out).unchanged is not None


def test_a_changed_manifest_or_failed_build_leaves_no_skip(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([corpus], out)
    digest = input_digest([corpus / "lecture-notes.md"], kg_build.DEFAULT_BASE, False, None)
    assert unchanged(out, digest) is not None
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    (out / "manifest.json").write_text(json.dumps({**manifest, "generator": "x"}), encoding="utf-8")
    assert unchanged(out, digest) is None  # not the output the record describes
    remember(out, digest, pages=False)

    def fail(*args, **kwargs):
        raise RuntimeError("killed")

    monkeypatch.setattr(kg_build, "_build_into", fail)
    with pytest.raises(RuntimeError):
        build([corpus], out, base="http://example.org/kg/")
    assert not (out / "cache" / RECORD).exists()  # removed before the build wrote anything
    monkeypatch.undo()
    assert build([corpus], out).unchanged is None


def test_a_missing_input_is_never_skipped(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    missing = corpus / "gone.md"
    assert input_digest([corpus / "lecture-notes.md", missing], "b", False, None) is None
    forget(out)
    forget(out)  # no record: nothing to remove
    assert build([corpus], out).unchanged is None


def test_cli_says_nothing_new_and_repeats_the_problems(corpus, tmp_path):
    (corpus / "empty.md").write_text("", encoding="utf-8")  # a problem, the same every time
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-q"]
    first = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0 and "empty.md: empty file" in first.stderr
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("nothing new:") and "triples" in result.stdout
    warnings = [[line for line in r.stderr.splitlines() if line.startswith("warning:")] for r in (first, result)]
    assert warnings[0] == warnings[1] and len(warnings[0]) == 1  # the same warning


def test_a_special_file_among_the_inputs_gives_no_digest_and_is_never_read(tmp_path):
    import os
    import threading

    good = tmp_path / "good.txt"
    good.write_text("Қазақстан", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    os.symlink("/dev/zero", tmp_path / "zero.txt")  # reading it would never end
    for special in ("pipe.txt", "zero.txt"):
        found: list = []
        reader = threading.Thread(target=lambda: found.append(
            input_digest([good, tmp_path / special], "https://e/", False, None)), daemon=True)
        reader.start()
        reader.join(30)
        assert found == [None], special  # built every time; the build names the file
    assert input_digest([good], "https://e/", False, None) is not None
    from kg.ingest import MAX_BYTES

    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: ingest refuses it unread, so must the digest
    assert input_digest([good, huge], "https://e/", False, None) is None
