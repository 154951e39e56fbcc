"""Names in an article's abstracts, which the body extraction never read.

The header of an article (title, authors, abstracts, keywords in up to three languages) lies
before its body. Its abstract paragraphs are found by their text (:attr:`Article.abstract`,
whose whitespace the parser normalised). The abstract in the body's language is read like the
body. The abstracts in the other languages are translations, so a name there is often the one
place an uncatalogued institution or program is spelt in that language: only names the
catalogue, a gazetteer or the people list knows are kept from them, as in reference entries
(:mod:`kg.extract.reference_text`), so no one thing becomes two nodes. The keyword lists are
read the same way (known names only): «Түйін сөздер: Қазақстан мен Қытай, …».

>>> header = "ТАҚЫРЫП\\n\\nАңдатпа. Мақалада Қазақстан мен Еуропалық Одақ қарастырылады.\\n\\n"
>>> header += "Abstract. The article studies Kazakhstan and the Ministry of Happiness."
>>> found = abstract_mentions("d", 100, header, {"kk": "Мақалада Қазақстан мен Еуропалық Одақ "
...     "қарастырылады.", "en": "The article studies Kazakhstan and the Ministry of Happiness."},
...     "kk", use_model=False)
>>> [(m.text, m.label, m.start - 100 == header.index(m.text)) for m in found]
[('Қазақстан', 'GPE', True), ('Еуропалық Одақ', 'ORG', True), ('Kazakhstan', 'GPE', True)]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.extract.known import is_known
from kg.ingest import split_paragraphs
from kg.model import Mention
from kg.segment.headers import is_keyword_list

__all__ = ["abstract_mentions", "abstract_spans", "keyword_spans"]

_SPACE = re.compile(r"[\s*_]+")
#: Characters of a paragraph's start that must occur in an abstract (or the other way round).
PROBE = 40


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def abstract_spans(header: str, abstracts: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """``(start, end, language)`` of the paragraphs of ``header`` that are an abstract.

    >>> header = "Title\\n\\nAbstract. The  article\\nstudies the reform of local government."
    >>> abstract_spans(header, {"en": "The article studies the reform of local government."})
    [(7, 69, 'en')]
    """
    probes = {lang: text for lang, text in ((lang, _norm(t)) for lang, t in abstracts.items())
              if len(text) >= PROBE}
    out = []
    for para in split_paragraphs(header):
        text = _norm(header[para.start:para.end])
        for lang, abstract in probes.items():
            if abstract[:PROBE] in text or len(text) >= PROBE and text[:PROBE] in abstract:
                out.append((para.start, para.end, lang))
                break
    return out


def abstract_mentions(document_id: str, offset: int, header: str, abstracts: Mapping[str, str],
                      body_lang: str, use_model: bool = True) -> tuple[Mention, ...]:
    """Mentions in the abstracts found in ``header`` (which starts at ``offset`` in its
    document); those of abstracts in another language than ``body_lang`` only if known."""
    from kg.extract import extract_text  # deferred: the extractors load models

    out: list[Mention] = []
    spans = abstract_spans(header, abstracts) + keyword_spans(header)
    for start, end, lang in sorted(spans):
        own = lang == body_lang  # the others keep known names only
        for m in extract_text(header[start:end], document_id, (), use_model):
            if own or is_known(m):
                out.append(m.shifted(offset + start))
    return tuple(out)


def keyword_spans(header: str) -> list[tuple[int, int, str]]:
    """``(start, end, "")`` of the keyword-list paragraphs of ``header`` (their names are kept
    only if known, as those of an abstract in another language).

    >>> keyword_spans("Title\\n\\n**Keywords:** Kazakhstan and China, culture")
    [(7, 50, '')]
    """
    return [(para.start, para.end, "") for para in split_paragraphs(header)
            if is_keyword_list(header[para.start:para.end])]
