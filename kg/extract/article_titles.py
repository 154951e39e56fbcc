"""Names in an article's titles («ҚЫТАЙДЫҢ САЯСИ РЕФОРМАЛАРЫНДАҒЫ …», "… IN CHINA'S POLITICAL
REFORMS"): what an article is about is often named first, and only, in its title.

Titles are mostly in capitals, where the extractors' capital-letter cues say nothing, so
their words are looked up directly: runs of one to three words (their case endings dropped)
that the country gazetteer, the curated places or the catalogue of institutions knows (an
institution by two words at least). Laws and programs are not looked for: a title's "Public
Councils" is the subject, not the law «On Public Councils». Nothing else is taken from a title.

>>> head = "ҚЫТАЙДЫҢ САЯСИ РЕФОРМАЛАРЫНДАҒЫ ЖАҢА\\nМЕНЕДЖМЕНТ\\n\\nELEMENTS OF REFORMS IN CHINA'S EUROPEAN UNION"
>>> titles = {"kk": "ҚЫТАЙДЫҢ САЯСИ РЕФОРМАЛАРЫНДАҒЫ ЖАҢА МЕНЕДЖМЕНТ",
...           "en": "ELEMENTS OF REFORMS IN CHINA'S EUROPEAN UNION"}
>>> [(m.text, m.label, m.canonical) for m in title_mentions("d", 0, head, titles)]
[('ҚЫТАЙДЫҢ', 'GPE', 'Қытай'), ('CHINA', 'GPE', 'China'), ('EUROPEAN UNION', 'ORG', 'European Union')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.lexicon.catalog import lookup_institution
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.model import Mention

__all__ = ["title_mentions"]

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’][Ss]$")
_ARTICLES = frozenset({"the", "a", "an"})


def _institution(text: str, lang: str) -> object:
    return lookup_institution(text, lang) if " " in text else None


def _curated_place(text: str, lang: str) -> object:
    place = lookup_place(text, lang)
    return place if place is not None and place.curated and not is_common_word(text, lang) else None


#: What a run of title words may name, in the order tried: (label, lookup).
_KINDS = (("GPE", lookup_country), ("ORG", _institution), ("GPE_SUB", _curated_place))
#: The extractor name of a title's mentions.
SOURCE = "kazkg-title/0.1:gazetteer"


def _title_span(head: str, title: str) -> tuple[int, int] | None:
    """Where ``title`` (its whitespace normalised by the parser) is in ``head``."""
    words = title.split()
    if not words:
        return None
    pattern = r"\s+".join(map(re.escape, words))
    m = re.search(pattern, head)
    return (m.start(), m.end()) if m else None


def _lookup(words: list[re.Match[str]], lang: str) -> tuple[str, str] | None:
    """``(label, canonical)`` of the run of title ``words``, if a table knows it."""
    text = " ".join(_POSSESSIVE.sub("", w.group()).capitalize() for w in words)
    for label, lookup in _KINDS:
        hit = lookup(text, lang)
        if hit is not None:
            return label, hit.names.get(lang) or hit.names.get("en") or text
    return None


def title_mentions(document_id: str, offset: int, head: str,
                   titles: Mapping[str, str]) -> tuple[Mention, ...]:
    """Known names in the article ``titles`` found in ``head`` (which starts at ``offset``)."""
    out: list[Mention] = []
    for lang, title in titles.items():
        span = _title_span(head, title)
        if span is None:
            continue
        words = list(_WORD.finditer(head, span[0], span[1]))
        i = 0
        while i < len(words):
            for n in (3, 2, 1):
                run = words[i:i + n]
                if len(run) < n or run[0].group().lower() in _ARTICLES \
                        or any("\n\n" in head[a.end():b.start()] for a, b in zip(run, run[1:])):
                    continue
                found = _lookup(run, lang)
                if found is not None:
                    start = run[0].start()
                    end = start + len(_POSSESSIVE.sub("", head[start:run[-1].end()]))
                    out.append(Mention(document_id, offset + start, offset + end, head[start:end],
                                       found[0], lang, found[1], SOURCE))
                    i += n
                    break
            else:
                i += 1
    return tuple(sorted(out, key=lambda m: (m.start, m.end)))
