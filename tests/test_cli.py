"""The command line as a user runs it: a real subprocess, real files."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, corpus_file

ISSUE_TEXT = (Path(__file__).parent / "data" / "synthetic_issue.md").read_text(encoding="utf-8")


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300)


@pytest.mark.slow
def test_every_command_has_help_and_is_in_the_readme():
    top = kg("--help")
    assert top.returncode == 0
    listed = top.stdout.split("Commands:", 1)[1]  # click's plain help (no rich boxes)
    commands = re.findall(r"^  (\w[\w-]*)\s{2,}", listed, re.M)
    assert {"build", "articles"} <= set(commands)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in commands:
        assert kg(command, "--help").returncode == 0
        assert f"kg {command}" in readme, f"kg {command} is not documented in README.md"


def test_articles_json_contract(tmp_path):
    issue = tmp_path / "issue.md"
    issue.write_text(ISSUE_TEXT, encoding="utf-8")
    result = kg("articles", str(issue), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data) == 2
    first = data[0]
    assert set(first) >= {"source", "order", "title", "authors", "affiliations", "emails",
                          "orcids", "keywords", "doi", "references"}
    assert first["authors"][0] == {"kk": "Айгүл Серікова", "ru": "Айгуль Серикова",
                                   "en": "Aigul Serikova"}
    assert first["affiliations"][1]["author_index"] == [1]
    assert set(first["references"][0]) == {"text", "doi", "year"}
    assert list(first["keywords"]) == ["kk", "ru", "en"]


@pytest.mark.slow
def test_articles_reports_bad_file_and_keeps_going(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(ISSUE_TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    result = kg("articles", str(empty), str(good), str(binary))
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "empty.txt: empty file" in errors[0] and "blob.txt: binary" in errors[1]


def test_articles_all_bad_exits_nonzero(tmp_path):
    result = kg("articles", str(tmp_path / "missing.md"))
    assert result.returncode != 0
    assert "missing.md: no such file" in result.stderr


def test_articles_unknown_format_is_an_error(tmp_path):
    result = kg("articles", str(tmp_path), "--format", "xml")
    assert result.returncode != 0 and "unknown format" in result.stderr


@pytest.mark.slow
def test_articles_on_a_real_issue():
    result = kg("articles", str(corpus_file("002")))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 7


@pytest.mark.slow
def test_build_writes_manifest_and_skips_bad_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "issue.md").write_text(ISSUE_TEXT, encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    out = tmp_path / "out"
    result = kg("build", str(corpus), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "broken.txt" in result.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["articles"] == 2
    assert any("broken.txt" in w for w in manifest["warnings"])
    assert [i["source"].endswith("issue.md") for i in manifest["inputs"]] == [True]
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.slow
def test_build_default_demo_corpus(tmp_path):
    result = kg("build", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["articles"] >= 4
    assert manifest["warnings"] == []


def test_query_runs_a_library_query_by_name_with_a_label_parameter(demo_build):
    store = str(demo_build / "store")
    result = kg("query", "coauthors", "--param", "person=Arman Beisenov", "--store", store, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Zhanar Kaliyeva" in result.stdout and "Dana Omarova" not in result.stdout
    bad = kg("query", "coauthors", "--param", "person=Nobody Atall", "--store", store)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1
    assert "no entity is labelled 'Nobody Atall'" in bad.stderr
