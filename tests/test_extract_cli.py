"""`kg extract` as a user runs it: text and jsonl input, stdin, offsets, errors."""

import json
import subprocess
import sys

import pytest

from conftest import corpus_file

KK = "Қазақстанның «Білім туралы» Заңына сәйкес ЕҰУ-да оқиды.\r\n\r\nАлматыда кездесу өтті."


def kg(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "kg", *args], input=stdin, capture_output=True,
                          timeout=300)


def test_text_from_stdin_offsets_index_the_raw_input():
    result = kg("extract", "-", stdin=KK.encode("utf-8"))
    assert result.returncode == 0, result.stderr.decode()
    mentions = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(m["text"], m["label"], m["canonical"]) for m in mentions] == [
        ("Қазақстанның", "GPE", "Қазақстан"),
        ("«Білім туралы» Заңына", "LAW", "«Білім туралы» Заңы"),
        ("ЕҰУ-да", "ORG", "ЕҰУ"),
        ("Алматыда", "GPE_SUB", "Алматы"),
    ]
    for m in mentions:
        assert KK[m["start"]:m["end"]] == m["text"]
        assert set(m) - {"name_start", "name_end"} == {"start", "end", "text", "label", "lang",
                                                      "canonical"}
    law = mentions[1]
    assert KK[law["name_start"]:law["name_end"]] == "Білім туралы"


@pytest.mark.slow
def test_jsonl_input_keeps_ids_and_order(tmp_path):
    lines = [{"id": "b", "text": "Ресейге сапар"}, {"id": "a", "text": "no entities here"},
             {"id": 3, "text": "Kazakhstan's constitution"}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    result = kg("extract", str(path), "--input-format", "jsonl", "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    out = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ["b", "a", 3]
    assert out[0]["mentions"][0]["canonical"] == "Ресей"
    assert out[1]["mentions"] == []
    assert any(m["text"] == "Kazakhstan" for m in out[2]["mentions"])


def test_bad_jsonl_line_is_a_one_line_error(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1, "text": "ok"}\n{"text": "no id"}\n', encoding="utf-8")
    result = kg("extract", str(path), "--input-format", "jsonl")
    assert result.returncode != 0
    err = result.stderr.decode().strip()
    assert "bad.jsonl:2" in err and err.count("\n") == 0


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 10)
    result = kg("extract", str(path))
    assert result.returncode != 0 and b"blob.bin" in result.stderr


@pytest.mark.slow
def test_offsets_on_a_real_issue():
    path = corpus_file("004")
    text = path.read_text(encoding="utf-8")
    result = kg("extract", str(path))
    assert result.returncode == 0, result.stderr.decode()
    mentions = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(mentions) > 500
    assert all(text[m["start"]:m["end"]] == m["text"] for m in mentions)
    assert {m["lang"] for m in mentions} == {"kk", "ru", "en"}


def test_eval_ner_prints_per_label_scores(tmp_path):
    conll = tmp_path / "tiny.conll"
    conll.write_text(
        "Қасым-Жомарт B-PERSON\nТоқаев I-PERSON\nАстанаға B-GPE\nкелді O\n. O\n\n"
        "Ресей B-GPE\nпен O\nҚытай B-GPE\nкездесті O\n. O\n", encoding="utf-8")
    result = kg("eval-ner", str(conll))
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "PERSON" in out and "GPE" in out and "F1" in out
    missing = kg("eval-ner", str(tmp_path / "none.conll"))
    assert missing.returncode != 0 and b"none.conll" in missing.stderr
