"""Kazakh entity extraction: rules first, then the country gazetteer, then the trained NER.

Precedence is explicit: a rule span (laws, programs, institutions) wins over a
gazetteer country, which wins over the statistical model; an overlapping
lower-precedence span is dropped. Spans keep their Kazakh suffixes; the
canonical form drops them (``Қазақстанның`` -> ``Қазақстан``).

>>> [(m.text, m.label, m.canonical) for m in extract_kk("«Білім туралы» Заңына сәйкес", use_model=False)]
[('«Білім туралы» Заңына', 'LAW', '«Білім туралы» Заңы')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.model import Mention
from kg.text.kk_morph import normalize_kk
from kg.extract.kk.rules import CAP, LOW, ORG_HEADS, find_kk

EXTRACTOR = "kazkg-kk/0.1"
MODEL_LABELS = {
    "PERSON": "PERSON", "ORGANISATION": "ORG", "GPE": "GPE", "LOCATION": "GPE_SUB",
    "LAW": "LAW", "PROJECT": "PROGRAM",
}
_CANDIDATE = re.compile(
    rf"[{CAP}A-Z][{CAP}{LOW}A-Za-z]*(?:-[{CAP}{LOW}]+)?(?:\s+[{CAP}][{CAP}{LOW}]*(?:-[{LOW}]+)?){{0,2}}"
)


def extract_kk(text: str, document_id: str = "", use_model: bool = True,
               model_spans: list[tuple[int, int, str]] | None = None) -> tuple[Mention, ...]:
    """Mentions in one Kazakh paragraph, offsets into ``text``.

    ``model_spans`` are the NER model's ``(start, end, label)`` for ``text`` when the caller
    ran the model in a batch (:func:`model_spans_batch`); otherwise the model runs here.
    """
    chosen: list[Mention] = [
        Mention(document_id, m.start, m.end, m.text, m.label, "kk", m.canonical, f"{EXTRACTOR}:rule")
        for m in find_kk(text)
    ]
    _add(chosen, _countries(text, document_id))
    _add(chosen, _places(text, document_id))
    _add(chosen, _catalogued_names(text, document_id))
    if use_model:
        spans = model_spans if model_spans is not None else model_spans_batch([text])[0]
        _add(chosen, _model(text, document_id, spans))
    return tuple(sorted(chosen, key=lambda m: m.start))


def _add(chosen: list[Mention], candidates: Iterable[Mention]) -> None:
    for m in candidates:
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)


def _countries(text: str, document_id: str) -> list[Mention]:
    from kg.lexicon.countries import lookup_country

    return _gazetteer_mentions(text, document_id, lookup_country, "GPE")


def _places(text: str, document_id: str) -> list[Mention]:
    from kg.lexicon.places import lookup_place

    return _gazetteer_mentions(text, document_id, lookup_place, "GPE_SUB")


def _gazetteer_mentions(text: str, document_id: str, lookup, label: str) -> list[Mention]:
    """The longest run of capitalised words (up to three) that ``lookup`` knows, per candidate.

    Offsets come from the words' own positions, so a name broken over lines keeps exact offsets.
    """
    out: list[Mention] = []
    for m in _CANDIDATE.finditer(text):
        words = list(re.finditer(r"\S+", m.group()))
        for n in range(len(words), 0, -1):
            start, end = m.start(), m.start() + words[n - 1].end()
            found = lookup(" ".join(w.group() for w in words[:n]), "kk")
            if found is not None:
                surface = text[start:end]
                out.append(Mention(document_id, start, end, surface, label, "kk",
                                   found.names.get("kk") or normalize_kk(surface),
                                   f"{EXTRACTOR}:gazetteer"))
                break
    return out


_QUOTED = re.compile(r"«[^«»\n]{2,80}»")
_ACT_LABELS = {"law": "LAW", "code": "LAW", "constitution": "LAW", "treaty": "LAW"}


def _catalogued_names(text: str, document_id: str) -> list[Mention]:
    """A bare quoted name the catalogue knows («Нұрлы жол») is a program or a law."""
    from kg.lexicon.catalog import lookup_act

    out = []
    for m in _QUOTED.finditer(text):
        entry = lookup_act(m.group(), "kk")
        if entry is not None:
            out.append(Mention(document_id, m.start(), m.end(), m.group(),
                               _ACT_LABELS.get(entry.kind, "PROGRAM"), "kk", m.group(),
                               f"{EXTRACTOR}:catalogue"))
    return out


def model_spans_batch(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """The NER model's raw ``(start, end, label)`` spans for many texts (batched, fast)."""
    from kg.extract.kk.model import MODEL_DIR, load_kk_ner

    if not texts or not (MODEL_DIR / "meta.json").exists():
        return [[] for _ in texts]
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in load_kk_ner().pipe(texts, batch_size=64)]


def _model(text: str, document_id: str, spans: list[tuple[int, int, str]]) -> list[Mention]:
    out = []
    for ent_start, ent_end, ent_label in spans:
        cleaned = _clean_model_span(text, ent_start, ent_end, MODEL_LABELS.get(ent_label))
        if cleaned is None:
            continue
        start, end, label = cleaned
        surface = text[start:end]
        out.append(Mention(document_id, start, end, surface, label, "kk",
                           normalize_kk(surface), f"{EXTRACTOR}:ner"))
    return out


_ORG_END = re.compile(rf"(?:{'|'.join(ORG_HEADS)})[{LOW}]*$|^[{CAP}A-Z0-9«\"“]")
_PROGRAM_CUE = re.compile(r"[«\"“]|бағдарлама|стратегия|тұжырымдама|жоба|мақсат", re.I)


def _clean_model_span(text: str, start: int, end: int, label: str | None):
    """Model spans that look like names: trimmed, capitalised, checked against gazetteers.

    >>> _clean_model_span("қытай тілінде", 0, 5, "GPE") is None
    True
    """
    if label is None:
        return None
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "»\"”"):
        end -= 1
    surface = text[start:end]
    words = surface.split()
    if not words or not (surface[0].isupper() or surface[0] in "«\"“" or surface[0].isdigit()):
        return None
    if label == "PERSON" and (len(words) > 4 or not words[-1][:1].isupper()):
        return None
    if label == "ORG" and not (_ORG_END.search(words[-1]) or len(words) == 1):
        return None
    if label == "PROGRAM" and not _PROGRAM_CUE.search(surface):
        return None
    if label in ("GPE", "GPE_SUB"):
        from kg.lexicon.countries import lookup_country
        from kg.lexicon.places import lookup_place

        if lookup_country(surface, "kk") is not None:
            label = "GPE"
        elif lookup_place(surface, "kk") is not None:
            label = "GPE_SUB"
        elif surface.isupper() or (len(words) == 1 and _sentence_start(text, start)):
            return None  # acronyms and sentence-initial words the gazetteers do not know
        else:
            label = "GPE_SUB"
    if label == "ORG" and start > 0 and text[start - 1] in "«\"“" and end < len(text) \
            and text[end] in "»\"”":
        start, end = start - 1, end + 1  # keep the quotes of “Қазақтелеком”
    return start, end, label


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before.endswith((".", "!", "?", ":", "\n"))
