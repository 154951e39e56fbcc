"""Entity extraction over whole texts: the paragraph's language picks the extractor.

>>> [(m.text, m.label, m.canonical) for m in extract_text("Қазақстанның Конституциясы", use_model=False)]
[('Қазақстанның', 'GPE', 'Қазақстан'), ('Конституциясы', 'LAW', 'Конституция')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from kg.ingest import split_paragraphs
from kg.model import Mention

CONTRACT_LABELS = ("PERSON", "ORG", "GPE", "GPE_SUB", "LAW", "PROGRAM")


def extract_text(
    text: str, document_id: str = "", known_names: Iterable[str] = (), use_model: bool = True
) -> tuple[Mention, ...]:
    """Mentions in ``text`` (offsets are indices into ``text``), in order."""
    out: list[Mention] = []
    known = tuple(known_names)
    for para in split_paragraphs(text):
        chunk = text[para.start: para.end]
        for m in _extract(chunk, para.lang, document_id, known, use_model):
            out.append(replace(m, start=m.start + para.start, end=m.end + para.start))
    return tuple(out)


def _extract(chunk: str, lang: str, document_id: str, known: tuple[str, ...], use_model: bool):
    if lang == "ru":
        from kg.nlp.ru_extract import extract_ru

        return extract_ru(chunk, document_id)
    if lang == "en":
        from kg.nlp.en_extract import extract_en

        return extract_en(chunk, document_id, known)
    from kg.nlp.kk_extract import extract_kk

    return extract_kk(chunk, document_id, use_model=use_model)


def mention_to_dict(m: Mention) -> dict:
    """The ``kg extract`` JSON object of one mention."""
    return {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "lang": m.lang,
            "canonical": m.canonical}
