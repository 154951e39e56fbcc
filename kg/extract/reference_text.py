"""Names inside reference entries: the laws, institutions, programs and places their titles
name («Қазақстан Республикасының Қылмыстық кодексі. [Электрондық ресурс]», «Сформирован новый
состав Общественного совета при МНЭ», "Open Government in Kazakhstan").

Each entry is read by its language's extractor as a paragraph of its own, and a name is kept
only if the catalogue or a gazetteer knows it: an entry is often the one place a name is
written in another language (an English title of a law the body names in Kazakh), and an
unknown name there would split one thing into two nodes. Persons are left out: an entry's persons are mostly its authors, whom the reference list already records
(``dcterms:creator`` of the cited work), and a cited author's name in another script would
split one person. The mentions carry the reference-list extractor name, so they are no
subjects of the article (:mod:`kg.rdf.mapping`).

The place of publication ("Paris: OECD") is a place the entry names too; nothing inside a
link is a name. A list printed twice (as written, then transliterated or translated) names the
same things in entry N of both: a law, program or institution that is the only one of its
kind in both entries takes the first printing's name («Тұрмыстағы әйелдің азаматтығы туралы
Конвенция» and "Convention on the Nationality of Married Women" are one act).

>>> tail = ("References\\n1. Open Government in Kazakhstan. Paris: OECD, 2017. <https://x.kz/UN>\\n"
...         "2. Smart cities. Washington, DC, 2022. - 40 p.\\n")
>>> [(m.text, m.label) for m in reference_text_mentions("d", 0, tail, use_model=False)]
[('Kazakhstan', 'GPE'), ('Paris', 'GPE_SUB'), ('OECD', 'ORG'), ('Washington', 'GPE_SUB')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.lexicon.catalog import lookup_act, lookup_institution
from kg.lexicon.countries import lookup_country
from kg.lexicon.places import lookup_place
from kg.model import REFERENCE_SOURCE, Mention

__all__ = ["reference_text_mentions"]

_LINK = re.compile(r"<[^<>\n]*>|https?://\S+|www\.\S+|doi:\S+", re.IGNORECASE)
#: Labels read from reference entries.
LABELS = frozenset({"ORG", "LAW", "PROGRAM", "GPE", "GPE_SUB"})


def _known(m: Mention) -> bool:
    """Does the catalogue or a gazetteer know the name ``m`` gives?"""
    lookup = {"ORG": lookup_institution, "LAW": lookup_act, "PROGRAM": lookup_act,
              "GPE": lookup_country, "GPE_SUB": lookup_place}[m.label]
    return any(lookup(name, m.lang) is not None for name in {m.canonical, m.text} if name)


def reference_text_mentions(document_id: str, offset: int, tail: str,
                            use_model: bool = True) -> tuple[Mention, ...]:
    """Mentions (offsets into the document: ``tail`` starts at ``offset``) in the entries of
    the reference list ``tail``, one paragraph per line."""
    from kg.extract import extract_text  # deferred: the extractors load models

    lines = tail.split("\n")
    spaced = "\n\n".join(lines)
    found = extract_text(spaced, document_id, (), use_model)
    starts_spaced, starts_tail, s, t = [], [], 0, 0
    for line in lines:
        starts_spaced.append(s)
        starts_tail.append(t)
        s += len(line) + 2
        t += len(line) + 1
    links = [(k.start(), k.end()) for k in _LINK.finditer(spaced)]
    by_line: dict[int, list[Mention]] = {}
    i = 0
    for m in found:
        while i + 1 < len(lines) and starts_spaced[i + 1] <= m.start:
            i += 1
        if m.label not in LABELS or any(s <= m.start < e for s, e in links) or not _known(m):
            continue
        shift = offset + starts_tail[i] - starts_spaced[i]
        by_line.setdefault(i, []).append(replace(m.shifted(shift), extractor=REFERENCE_SOURCE))
    return tuple(m for i in sorted(by_line) for m in _named_as_first(lines, by_line)[i])


_NUMBER = re.compile(r"^\s*\[?(\d{1,3})\]?\s*[.)]?\s+")
#: Labels whose name a twin entry takes from the first printing.
TWIN_LABELS = frozenset({"ORG", "LAW", "PROGRAM"})


def _named_as_first(lines: list[str], by_line: dict[int, list[Mention]]) -> dict[int, list[Mention]]:
    """The mentions of each line, those of a twin entry renamed after the first printing."""
    first: dict[int, int] = {}  # entry number -> line of its first printing
    out: dict[int, list[Mention]] = {}
    for i in sorted(set(by_line) | {j for j, line in enumerate(lines) if _NUMBER.match(line)}):
        number = _NUMBER.match(lines[i])
        n = int(number.group(1)) if number else None
        ms = by_line.get(i, [])
        if n is not None and n in first and first[n] in by_line:
            ms = [_as_first(m, ms, by_line[first[n]]) for m in ms]
        elif n is not None:
            first.setdefault(n, i)
        if ms:
            out[i] = ms
    return out


def _as_first(m: Mention, twin: list[Mention], printed: list[Mention]) -> Mention:
    """``m`` named as the one mention of its label in the first printing, if each is alone."""
    if m.label not in TWIN_LABELS or sum(t.label == m.label for t in twin) != 1:
        return m
    same = [p for p in printed if p.label == m.label]
    if len(same) != 1 or same[0].lang == m.lang:
        return m
    return replace(m, canonical=same[0].canonical, lang=same[0].lang)
