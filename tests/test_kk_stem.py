"""The kk_stem component: the Kazakh NER model's stem feature (token.lemma_)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import spacy

import kg.text.kazakh  # noqa: F401  (registers "kk" and "kk_stem")
from kg.text.kk_stem import stem_of

ROOT = Path(__file__).resolve().parents[1]


def test_inflected_forms_share_a_stem() -> None:
    assert {stem_of(w) for w in ("Тоқаевтың", "Тоқаевқа", "Тоқаевтан", "Тоқаев")} == {"тоқаев"}
    assert {stem_of(w) for w in ("Қазақстанның", "Қазақстанда", "Қазақстан")} == {"қазақстан"}
    assert stem_of("АҚШ-тың") == "ақш"


def test_uninflected_and_non_words_are_kept() -> None:
    assert stem_of("Алматы") == "алматы"
    assert stem_of("«") == "«"
    assert stem_of("2024") == "2024"


def test_component_sets_lemma_on_every_token() -> None:
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_stem")
    doc = nlp("Ұлттар Ұйымының Бас Ассамблеясында сөйледі.")
    assert [t.lemma_ for t in doc][:4] == ["ұлттар", "ұйымы", "бас", "ассамблеясы"]
    assert all(t.lemma_ for t in doc)


def test_a_saved_pipeline_with_the_component_loads_in_a_fresh_process(tmp_path) -> None:
    nlp = spacy.blank("kk")
    nlp.add_pipe("kk_stem")
    nlp.to_disk(tmp_path / "p")
    code = ("import kg.text.kazakh, spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "print(nlp.pipe_names, [t.lemma_ for t in nlp('Астанаға келді')])")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p")], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['kk_stem'] ['астана', 'келді']"
