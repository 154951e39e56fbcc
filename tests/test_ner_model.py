"""The shipped Kazakh NER model and tokeniser, on sentences written for these tests."""

from __future__ import annotations

import time

import pytest

from kg.extract.kk.model import MODEL_DIR, extract_entities, load_kk_ner

pytestmark = pytest.mark.skipif(
    not (MODEL_DIR / "meta.json").exists(), reason="kg/models/kk_ner not packaged"
)


@pytest.fixture(scope="module")
def nlp():
    t0 = time.perf_counter()
    model = load_kk_ner()
    assert time.perf_counter() - t0 < 10  # < 3 s on a quiet machine; slack for CI
    return model


def test_model_small_and_complete() -> None:
    files = {p.name for p in MODEL_DIR.rglob("*") if p.is_file()}
    assert {"meta.json", "config.cfg", "MODEL_CARD.md"} <= files
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 40_000_000


def test_pipeline_and_labels(nlp) -> None:
    assert nlp.lang == "kk"
    assert nlp.pipe_names == ["tok2vec", "ner"]
    labels = set(nlp.get_pipe("ner").labels)
    assert {"PERSON", "ORGANISATION", "GPE", "LAW", "PROJECT"} <= labels


def test_tokeniser(nlp) -> None:
    words = [t.text for t in nlp.tokenizer("А.Садырбаевтың еңбегі ЕҚЫҰ-дағы «Қасым-Жомарт» туралы.")]
    assert words == ["А.", "Садырбаевтың", "еңбегі", "ЕҚЫҰ-дағы", "«", "Қасым-Жомарт", "»", "туралы", "."]


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_person_and_gpe(nlp) -> None:
    ents = _labels(nlp, "Бүгін Қасым-Жомарт Тоқаев Қытайдың астанасы Бейжіңге ресми сапармен барды.")
    assert ents.get("Қасым-Жомарт Тоқаев") == "PERSON"
    assert "GPE" in ents.values()


def test_organisation(nlp) -> None:
    ents = _labels(nlp, "Мәжіліс депутаттары Ұлттық банктің басшысымен кездесті.")
    ents.update(_labels(nlp, "Қазақстан Республикасының Білім және ғылым министрлігі жаңа бұйрық шығарды."))
    assert "ORGANISATION" in ents.values()


def test_law(nlp) -> None:
    ents = _labels(nlp, "Депутаттар Қылмыстық кодекске өзгерістер енгізу туралы заң жобасын қарады.")
    ents.update(_labels(nlp, "Бұл мәселе Конституцияның қырық төртінші бабында айтылған."))
    assert "LAW" in ents.values()


def test_extract_entities_offsets(nlp) -> None:
    text = "Ерлан Қарин Алматыда баяндама жасады."
    found = extract_entities(text)
    assert found, "no entity found"
    for surface, _label, start, end in found:
        assert text[start:end] == surface


def test_loader_is_cached(nlp) -> None:
    assert load_kk_ner() is nlp
