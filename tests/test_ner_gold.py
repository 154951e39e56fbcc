"""Extraction quality on the annotated real-journal samples (regression floors, not targets).

``ner_gold.jsonl`` was used while writing the rules; ``ner_heldout.jsonl`` only for measuring.
Figures are printed by ``python -m kg.evaluate.gold``; these floors catch regressions.
"""

from pathlib import Path

import pytest

from conftest import CORPUS
from kg.extract.en import extract_en
from kg.evaluate.gold import HEADLINE_LABELS, Scores, load_gold, score
from kg.extract.kk import extract_kk
from kg.extract.ru import extract_ru

EXTRACTORS = {"kk": extract_kk, "ru": extract_ru, "en": extract_en}

DATA = Path(__file__).parent / "data"


def _micro(name: str) -> float:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    paragraphs = load_gold(DATA / name, CORPUS)
    total = Scores()
    for para in paragraphs:
        found = EXTRACTORS[para.lang](para.text)
        total = total + score([(m.start, m.end, m.label) for m in found], para)
    return total.micro(list(HEADLINE_LABELS)).f1


@pytest.mark.slow
def test_development_sample_floor():
    assert _micro("ner_gold.jsonl") >= 0.88


def test_held_out_sample_floor():
    assert _micro("ner_heldout.jsonl") >= 0.78
