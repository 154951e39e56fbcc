"""Entity extraction over whole texts: the paragraph's language picks the extractor.

:data:`EXTRACTORS` maps a language code to its extractor class (``module:Class``), imported
on first use, so importing this package loads no model. Adding a language is one package
``kg/extract/<code>/`` with a class satisfying :class:`~kg.extract.base.Extractor` (made with
``use_model=``, as :class:`~kg.extract.base.BaseExtractor` is), one line here and one row of
:data:`kg.kinds.LANGUAGES` (which the language detector reads).

>>> [(m.text, m.label, m.canonical) for m in extract_text("Қазақстанның Конституциясы", use_model=False)]
[('Қазақстанның', 'GPE', 'Қазақстан'), ('Конституциясы', 'LAW', 'Конституция')]
>>> extractor_for("ru").version
'kazkg-ru/0.1'
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from kg.extract.base import Extractor, ParagraphText
from kg.extract.spans import Coverage
from kg.ingest import split_paragraphs
from kg.model import Mention
from kg.text.bounds import mask_long_tokens
from kg.text.lang import detect_language, second_language

__all__ = ["EXTRACTORS", "extract_text", "extractor_for", "mention_to_dict"]

#: Language code -> ``module:Class`` of its extractor.
EXTRACTORS: dict[str, str] = {
    "kk": "kg.extract.kk:KazakhExtractor",
    "ru": "kg.extract.ru:RussianExtractor",
    "en": "kg.extract.en:EnglishExtractor",
}


def extractor_for(lang: str, use_model: bool = True) -> Extractor:
    """The extractor of ``lang`` (``KeyError`` if there is none).

    ``use_model=False``: rules and gazetteers only, no statistical model.
    """
    module, _, name = EXTRACTORS[lang].partition(":")
    return getattr(importlib.import_module(module), name)(use_model=use_model)


def extract_text(
    text: str, document_id: str = "", known_names: Iterable[str] = (), use_model: bool = True,
    language: Callable[[str], str] | None = None,
) -> tuple[Mention, ...]:
    """Mentions in ``text`` (offsets are indices into ``text``), in order.

    The paragraphs of one language go to its extractor together (the Kazakh model runs on
    them in batches); a paragraph in a language without an extractor has no mentions.
    ``language`` (a paragraph's text -> its code) replaces the usual detection.
    """
    known = tuple(known_names)
    paragraphs = split_paragraphs(text)
    by_lang: dict[str, list[int]] = {}
    second: dict[str, list[int]] = {}  # a second script's language (detected paragraphs only)
    for i, para in enumerate(paragraphs):
        body = text[para.start:para.end]
        lang = para.lang if language is None else language(body)
        by_lang.setdefault(lang, []).append(i)
        other = second_language(body, lang) if language is None else None
        if other is not None:
            second.setdefault(other, []).append(i)
    found: list[list[Mention]] = [[] for _ in paragraphs]
    for lang, indices in by_lang.items():
        for i, mentions in zip(indices, _extract(text, paragraphs, indices, lang, document_id, known, use_model)):
            found[i] = mentions
    for lang, indices in second.items():
        for i, mentions in zip(indices, _extract(text, paragraphs, indices, lang, document_id, known, use_model)):
            found[i] = _with_second(found[i], mentions, lang)
    return tuple(m.shifted(para.start) for para, mentions in zip(paragraphs, found) for m in mentions)


def _extract(text: str, paragraphs, indices: list[int], lang: str, document_id: str,
             known: tuple[str, ...], use_model: bool) -> list[list[Mention]]:
    """The mentions of the paragraphs ``indices`` by the extractor of ``lang`` (none if it has none)."""
    if lang not in EXTRACTORS:
        return [[] for _ in indices]
    chunks = [ParagraphText(mask_long_tokens(text[paragraphs[i].start:paragraphs[i].end]), document_id, known)
              for i in indices]
    return list(extractor_for(lang, use_model).extract_all(chunks))


def _with_second(first: list[Mention], second: list[Mention], lang: str) -> list[Mention]:
    """``first`` and the mentions of a paragraph's second language written in its script that
    overlap none of ``first``: the Kazakh name in «Дереккөз: Халықаралық электр байланысы
    одағы (International Telecommunication Union)», which the English extractor cannot read."""
    taken = Coverage((m.start, m.end) for m in first)
    own = [m for m in second if detect_language(m.text, lang, guess=False) == lang
           and not taken.overlaps(m.start, m.end)]
    return sorted([*first, *own], key=lambda m: (m.start, m.end))


def mention_to_dict(m: Mention) -> dict:
    """The ``kg extract`` JSON object of one mention (``name_start``/``name_end`` only where
    the name is narrower than the span)."""
    out = {"start": m.start, "end": m.end, "text": m.text, "label": m.label, "lang": m.lang,
           "canonical": m.canonical}
    if m.name_start is not None and m.name_end is not None:
        out["name_start"], out["name_end"] = m.name_start, m.name_end
    return out
