"""CoNLL reader, deterministic split and exact-span evaluator (no model training)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate.conll import (
    Sentence,
    read_conll,
    split_key,
    split_of,
    split_sentences,
    tags_to_spans,
    write_conll,
)
from kg.evaluate.ner import LabelScore, evaluate_conll, format_table, score_spans

TINY = """\
Біз O
Алматыда B-GPE
тұрамыз O
. O

Ержан B-PERSON
Сапаров I-PERSON
« O
Болашақ B-PROJECT
» O
бағдарламасы O
туралы O
айтты O
. O

-DOCSTART- O

Білім B-LAW
туралы I-LAW
заңы I-LAW
қабылданды O
. O
"""


@pytest.fixture()
def tiny(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.conll"
    path.write_text(TINY, encoding="utf-8")
    return path


def test_read_conll(tiny: Path) -> None:
    sents = read_conll(tiny)
    assert len(sents) == 3
    assert sents[0].tokens == ("Біз", "Алматыда", "тұрамыз", ".")
    assert sents[1].entities() == (("PERSON", 0, 2), ("PROJECT", 3, 4))
    assert sents[2].entities() == (("LAW", 0, 3),)


def test_read_conll_rejects_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.conll"
    bad.write_text("жалғыз\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.conll:1"):
        read_conll(bad)


def test_write_roundtrip(tiny: Path, tmp_path: Path) -> None:
    sents = read_conll(tiny)
    out = tmp_path / "out.conll"
    write_conll(sents, out)
    assert read_conll(out) == sents


def test_tags_to_spans_lenient() -> None:
    assert tags_to_spans(["I-GPE", "I-GPE", "O", "B-LAW", "I-PERSON"]) == (
        ("GPE", 0, 2),
        ("LAW", 3, 4),
        ("PERSON", 4, 5),
    )
    assert tags_to_spans(["B-GPE", "B-GPE"]) == (("GPE", 0, 1), ("GPE", 1, 2))
    assert tags_to_spans([]) == ()


def _many() -> list[Sentence]:
    words = ["Астана", "қала", "жаңа", "заң", "бүгін", "ертең", "кеше", "жыл", "ел", "халық"]
    out = []
    for i in range(400):
        toks = tuple(words[(i * k) % len(words)] + str(k) * (i % 3) for k in range(1, 5)) + (f"w{i}",)
        out.append(Sentence(toks, ("O",) * len(toks)))
    return out


def test_split_deterministic_and_disjoint() -> None:
    sents = _many()
    a = split_sentences(sents)
    b = split_sentences(list(sents))
    assert a == b
    keys = {part: {split_key(s) for s in getattr(a, part)} for part in ("train", "dev", "test")}
    assert not keys["train"] & keys["dev"]
    assert not keys["train"] & keys["test"]
    assert not keys["dev"] & keys["test"]
    sizes = a.sizes()
    assert sum(sizes.values()) == len(sents)
    assert sizes["train"] > sizes["dev"] > 0 and sizes["test"] > 0
    assert split_sentences(sents, salt="other") != a


def test_split_keeps_number_variants_together() -> None:
    words = Sentence(("Кодекстің", "жүз", "жиырма", "сегізінші", "бабы", "."), ("O",) * 6)
    digits = Sentence(("Кодекстің", "128-інші", "бабы", "."), ("O",) * 4)
    assert split_key(words) == split_key(digits)
    for salt in ("a", "b", "c", "d"):
        assert split_of(words, salt=salt) == split_of(digits, salt=salt)


def test_score_spans_exact_match() -> None:
    gold = [[("PERSON", 0, 2), ("GPE", 3, 4)], [("LAW", 0, 3)]]
    pred = [[("PERSON", 0, 1), ("GPE", 3, 4)], [("LAW", 0, 3), ("GPE", 5, 6)]]
    r = score_spans(gold, pred)
    assert r.get("GPE") == LabelScore("GPE", tp=1, fp=1, fn=0)
    assert r.get("PERSON") == LabelScore("PERSON", tp=0, fp=1, fn=1)
    assert r.get("LAW").f1 == 1.0
    assert r.get("ORGANISATION").support == 0
    micro = r.micro(["PERSON", "LAW"])
    assert (micro.tp, micro.fp, micro.fn) == (1, 1, 1)
    assert r.micro().tp == 2


def test_evaluate_conll_with_rule_pipeline(tiny: Path) -> None:
    import spacy

    import kg.text.kazakh  # noqa: F401

    nlp = spacy.blank("kk")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "GPE", "pattern": "Алматыда"},
            {"label": "PERSON", "pattern": "Ержан"},  # too short: a miss and a false alarm
            {"label": "LAW", "pattern": [{"ORTH": "Білім"}, {"ORTH": "туралы"}, {"ORTH": "заңы"}]},
        ]
    )
    r = evaluate_conll(tiny, nlp)
    assert (r.sentences, r.tokens) == (3, 18)
    assert r.get("GPE").f1 == 1.0 and r.get("LAW").f1 == 1.0
    assert r.get("PERSON") == LabelScore("PERSON", 0, 1, 1)
    assert r.get("PROJECT") == LabelScore("PROJECT", 0, 0, 1)
    table = format_table(r)
    assert "micro (PER+ORG+GPE+LAW+PRO)" in table
    assert table.splitlines()[0].split() == ["label", "P", "R", "F1", "support"]
