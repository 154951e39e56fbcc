"""Entity extraction over whole texts: the paragraph's language picks the extractor.

>>> [(m.text, m.label, m.canonical) for m in extract_text("Қазақстанның Конституциясы", use_model=False)]
[('Қазақстанның', 'GPE', 'Қазақстан'), ('Конституциясы', 'LAW', 'Конституция')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.ingest import split_paragraphs
from kg.model import Mention



def extract_text(
    text: str, document_id: str = "", known_names: Iterable[str] = (), use_model: bool = True
) -> tuple[Mention, ...]:
    """Mentions in ``text`` (offsets are indices into ``text``), in order."""
    out: list[Mention] = []
    known = tuple(known_names)
    paragraphs = split_paragraphs(text)
    kazakh = [text[p.start:p.end] for p in paragraphs if p.lang not in ("ru", "en")]
    batched = iter(_kazakh_model_spans(kazakh) if use_model else [])
    for para in paragraphs:
        chunk = text[para.start: para.end]
        spans = next(batched, None) if use_model and para.lang not in ("ru", "en") else None
        for m in _extract(chunk, para.lang, document_id, known, use_model, spans):
            out.append(replace(m, start=m.start + para.start, end=m.end + para.start))
    return tuple(out)


def _kazakh_model_spans(chunks: list[str]):
    from kg.extract.kk import model_spans_batch

    return model_spans_batch(chunks)


def _extract(chunk: str, lang: str, document_id: str, known: tuple[str, ...], use_model: bool,
             spans=None):
    if lang == "ru":
        from kg.extract.ru import extract_ru

        return extract_ru(chunk, document_id)
    if lang == "en":
        from kg.extract.en import extract_en

        return extract_en(chunk, document_id, known)
    from kg.extract.kk import extract_kk

    return extract_kk(chunk, document_id, use_model=use_model, model_spans=spans)


def mention_to_dict(m: Mention) -> dict:
    """The ``kg extract`` JSON object of one mention."""
    return {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "lang": m.lang,
            "canonical": m.canonical}
