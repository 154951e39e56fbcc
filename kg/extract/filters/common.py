"""A span made only of common words is not a name («Лоббизм», «Кітап», «Жауап», «Конференция»).

Common words come from :mod:`kg.lexicon.common` (built from lower-case KazNERD and corpus
tokens). Countries and places the gazetteers know, catalogued names, well-known people and
the document's authors are kept whatever their words.

>>> from kg.extract.filters.context import FilterContext
>>> text = "Лоббизм. Біріншісі, Кітап пен Жауап. Конференция Назарбаев"
>>> found = [Candidate(m.start(), m.end(), "PERSON", "ner") for m in re.finditer(r"\\w+", text)]
>>> [text[c.start:c.end] for c in drop_common_words(FilterContext(text, "kk"), found)]
['Назарбаев']
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.filters.context import FilterContext, confirmed, surface, words
from kg.extract.spans import Candidate
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country

__all__ = ["all_common", "drop_common_words"]

#: Kinds whose names a common noun cannot make (laws and programs have their own filters).
KINDS = frozenset({"PERSON", "ORG", "GPE", "GPE_SUB"})


def all_common(text: str, lang: str) -> bool:
    """True if every word of ``text`` is a common word of ``lang`` (and there is one)."""
    ws = [w for w in words(text) if not re.fullmatch(r"[Tt]he|of|and|и|мен|және", w)]
    if not ws or any(w.isupper() and len(w) > 1 for w in ws):  # an acronym is a name
        return False
    return all(is_common_word(w, lang) for w in ws)


def _without_opening_word(ctx: FilterContext, cand: Candidate) -> Candidate:
    """«Мақала Қазақстан Республикасы … комитетінің»: a common word opening the sentence before
    a country's name is not part of the institution (whose name starts with the country).

    >>> text = "Мақала Қазақстан Республикасы Ғылым комитетінің қаржыландыруымен жазылды."
    >>> c = _without_opening_word(FilterContext(text, "kk"), Candidate(0, 47, "ORG", "ner"))
    >>> text[c.start:c.end]
    'Қазақстан Республикасы Ғылым комитетінің'
    >>> text = "Қаржыландыру: *Мақала Қазақстан Республикасы Ғылым комитетінің қаржыландыруымен"
    >>> c = _without_opening_word(FilterContext(text, "kk"), Candidate(15, 62, "ORG", "ner"))
    >>> text[c.start:c.end]
    'Қазақстан Республикасы Ғылым комитетінің'
    """
    text = surface(ctx, cand)
    first, _, rest = text.partition(" ")
    before = ctx.text[max(0, cand.start - 20):cand.start].rstrip(" *_«\"")
    opening = ctx.sentence_initial(cand.start) or not before or before[-1] in ".!?:;\n"
    if not opening or not is_common_word(first, ctx.lang) \
            or first.isupper() or lookup_country(" ".join(rest.split()[:2]), ctx.lang) is None \
            and lookup_country(rest.split()[0], ctx.lang) is None:
        return cand
    start = cand.start + len(first) + (len(text) - len(first) - len(rest))
    return replace(cand, start=start, canonical="")


_LABEL_AFTER = re.compile(r"\s*[.:]")


def _section_label(ctx: FilterContext, cand: Candidate) -> bool:
    """``Аңдатпа. Бұл мақалада …``: one word opening the paragraph, then a full stop or a
    colon, is the label of a section (abstract, keywords), not a person or a place.

    >>> text = "Аңдатпа. Мақалада Абай туралы айтылады."
    >>> _section_label(FilterContext(text, "kk"), Candidate(0, 7, "PERSON", "ner"))
    True
    """
    return (cand.label in ("PERSON", "GPE_SUB") and not ctx.text[:cand.start].strip(" *_#\n")
            and " " not in surface(ctx, cand) and _LABEL_AFTER.match(ctx.text, cand.end) is not None
            and not confirmed(ctx, cand))


_CAPS_WORD = re.compile(r"[^\W\d_]{2,}")


def _caps_heading(ctx: FilterContext, cand: Candidate) -> bool:
    """«МАЛ ШАРУАШЫЛЫҒЫ»: a common word in capitals next to another word in capitals is a
    heading, not an acronym.

    >>> text = "<b>МАЛ ШАРУАШЫЛЫҒЫ</b> және БҰҰ"
    >>> ctx = FilterContext(text, "kk")
    >>> _caps_heading(ctx, Candidate(3, 6, "ORG", "ner")), _caps_heading(ctx, Candidate(27, 30, "ORG", "ner"))
    (True, False)
    """
    text = surface(ctx, cand)
    if not (text.isupper() and " " not in text and is_common_word(text, ctx.lang)):
        return False
    before = ctx.text[max(0, cand.start - 40):cand.start].split()
    after = ctx.text[cand.end:cand.end + 40].split()
    return any(m is not None and m.group().isupper()
               for m in (_CAPS_WORD.search(w) for w in before[-1:] + after[:1]))


def drop_common_words(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Drop unconfirmed person and place spans made of common words only, a section label
    opening the paragraph («Аңдатпа.»), and one-word institutions that are a common word
    («Мемлекет», «Әкімшілік»); a longer institution name of common words keeps its head
    («Білім министрлігі»)."""
    out = []
    for cand in found:
        text = surface(ctx, cand)
        if _section_label(ctx, cand) or cand.label in KINDS and _caps_heading(ctx, cand) \
                and not confirmed(ctx, cand):
            continue
        if cand.label == "ORG" and len(words(text)) > 2:
            out.append(_without_opening_word(ctx, cand))
        elif cand.label not in KINDS or (cand.label == "ORG" and len(words(text)) > 1):
            out.append(cand)
        elif not all_common(text, ctx.lang) or confirmed(ctx, cand):
            out.append(cand)
    return out
