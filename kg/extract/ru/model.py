"""Russian model spans: natasha's NER (slovnet news model, shipped in the PyPI package).

natasha finds PER/ORG/LOC spans; they are trimmed, filtered (headings in capitals, common
words, macro-regions, methods named after people) and relabelled with the gazetteers
(countries ``GPE``, other places ``GPE_SUB``). Person names go into the nominative, read
from their context by natasha's morphology tagger: ``Льва Мановича`` -> ``Лев Манович``.
The models load on first use (about 1 s).

>>> _person_canonical("Павлова И.В."), _person_canonical("И.В. Павловым")
('Павлова И.В.', 'И.В. Павлов')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from kg.extract.ru.morph import analyse, head_lemmas, is_country, normalize, noun_lemmas
from kg.extract.ru.words import (
    ACRONYMS, CITIES, EPONYM_CONTEXT, GENERIC_ACRONYMS, MACRO_REGIONS, ORG_ACRONYMS, ORG_HEADS,
    TITLES, split_words, tokenize,
)
from kg.extract.spans import Candidate, is_acronym

__all__ = ["find_by_model"]

_EDGE_JUNK = "*_#`'\"()[]{},.;:!?—–-  \n\t"


def _found(start: int, end: int, label: str, canonical: str) -> Candidate:
    return Candidate(start, end, label, "natasha", canonical)


@lru_cache(maxsize=1)
def _embedding() -> Any:
    from natasha import NewsEmbedding  # deferred: loads natasha's embeddings

    return NewsEmbedding()


@lru_cache(maxsize=1)
def _ner() -> Any:
    """natasha's news NER tagger, loaded once (about 1 s)."""
    from natasha import NewsNERTagger  # deferred: loads natasha

    return NewsNERTagger(_embedding())


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim markup and punctuation off a model span; cut it at a line that starts a new item."""
    nl = text.find("\n", start, end)
    if nl != -1:
        rest = text[nl + 1:end].lstrip()
        if not rest[:1].isalpha() or rest.isupper():
            end = nl
    while start < end and text[start] in _EDGE_JUNK:
        start += 1
    while end > start and text[end - 1] in _EDGE_JUNK:
        if text[end - 1] == "." and re.search(r"(?:^|[\s.])[А-ЯЁA-Z]\.$", text[start:end]):
            break  # keep the dot of a trailing initial
        end -= 1
    span = text[start:end]
    if span.count("«") != span.count("»"):
        return start, start
    return start, end


@lru_cache(maxsize=1)
def _morph_tagger() -> Any:
    """natasha's news morphology tagger, used on the words around person names only."""
    from natasha import NewsMorphTagger  # deferred: loads natasha

    return NewsMorphTagger(_embedding())


# A sentence ends at a line break or at ``.!?…`` + space + capital, but not after an initial
# (``Д. Е. Гринин``) or a short abbreviation (``им.``, ``г.``).
_SENTENCE_BREAK = re.compile(
    r"\n|(?<![\s.][А-ЯЁA-Z])(?<!\b[а-яё])(?<!\b[а-яё]{2})[.!?…]+\s+(?=[«\"(]?[А-ЯЁA-Z])"
)
_CAPITAL_WORD = re.compile(r"(?<![\w-])[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ][\w-]*")


def _needs_model(sentence: str) -> bool:
    """False for a sentence with no capitalised word that could start a name.

    Russian names are capitalised; a sentence whose only capital is its first word, a
    common word (``В статье …``), has nothing for the model to find.
    """
    for i, m in enumerate(_CAPITAL_WORD.finditer(sentence)):
        if i or sentence[:m.start()].strip(" \t*_#«\"(-–—•0123456789."):
            return True
        info = analyse(m.group().lower())
        if not info.known or info.name_like or info.geo or m.group().isupper():
            return True
    return False


def _ner_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """natasha's spans over the sentences that may hold a name, as paragraph offsets."""
    pieces, start = [], 0
    for m in [*_SENTENCE_BREAK.finditer(text), None]:
        end = m.end() if m else len(text)
        if text[start:end].strip() and _needs_model(text[start:end]):
            pieces.append((start, text[start:end]))
        start = end
    for (offset, _), markup in zip(pieces, _ner().map([p for _, p in pieces])):
        for span in markup.spans:
            yield offset + span.start, offset + span.stop, span.type


def find_by_model(text: str) -> list[Candidate]:
    """natasha's spans of one paragraph that look like names, in nominative (source ``natasha``)."""
    out = []
    for span_start, span_stop, kind in _ner_spans(text):
        start, end = _clean(text, span_start, span_stop)
        if end <= start:
            continue
        cand = _classify(text, start, end, kind)
        if cand is not None:
            out.append(cand)
    persons = [c for c in out if c.label == "PERSON"]
    if persons:
        nominative = _find_nominative(text, persons)
        out = [
            replace(c, canonical=_person_canonical(c.canonical)) if c.label == "PERSON"
            and c not in nominative else c
            for c in out
        ]
    return _initials_joined(text, out)


#: An initial the model tags as a name of its own: «Дж», «А» (before its full stop).
_LONE_INITIAL = re.compile(r"(?:Дж|[А-ЯЁA-Z])")


def _initials_joined(text: str, found: list[Candidate]) -> list[Candidate]:
    """A person that is only an initial joins the person right after its full stop («Дж. Ная»:
    natasha's «Дж» and «Ная» are one name); one with no name after it is no person.

    >>> text = "по мнению Дж. Ная, успех"
    >>> [(text[c.start:c.end], c.canonical) for c in _initials_joined(text, [
    ...     Candidate(10, 12, "PERSON", "natasha", "Дж"), Candidate(14, 17, "PERSON", "natasha", "Най")])]
    [('Дж. Ная', 'Дж. Най')]
    """
    out: list[Candidate] = []
    skip = set()
    for i, c in enumerate(found):
        if i in skip:
            continue
        if c.label == "PERSON" and _LONE_INITIAL.fullmatch(text[c.start:c.end]):
            after = next((j for j in range(i + 1, len(found)) if found[j].label == "PERSON"), None)
            if after is not None and re.fullmatch(r"\.\s?", text[c.end:found[after].start]):
                name = found[after]
                skip.add(after)
                out.append(replace(name, start=c.start,
                                   canonical=f"{text[c.start:c.end]}. {name.canonical or text[name.start:name.end]}"))
            continue  # an initial alone names no one
        out.append(c)
    return out


def _find_nominative(text: str, persons: list[Candidate]) -> set[Candidate]:
    """The person spans the morphology tagger reads as nominative, from their context.

    Context decides what the word alone cannot: ``Дина Кульбаева`` in an author list is a
    nominative feminine name, in ``работы Дина Кульбаева`` a genitive masculine one.
    """
    windows, firsts = [], []
    for cand in persons:
        left = split_words(text[max(0, cand.start - 40):cand.start])[-3:]
        inside = split_words(text[cand.start:cand.end])
        right = split_words(text[cand.end:cand.end + 30])[:2]
        windows.append(left + inside + right)
        firsts.append(len(left))
    out = set()
    for cand, markup, first in zip(persons, _morph_tagger().map(windows), firsts):
        inside = markup.tokens[first:first + len(split_words(text[cand.start:cand.end]))]
        if any(t.feats.get("Case") == "Nom" for t in inside if t.pos == "PROPN"):
            out.add(cand)
    return out


def _classify(text: str, start: int, end: int, kind: str) -> Candidate | None:
    """The candidate of natasha's ``kind`` (PER/ORG/LOC) span, or ``None`` if it is no name."""
    surface = text[start:end]
    words = surface.split()
    if surface in GENERIC_ACRONYMS or not any(c.isalpha() for c in surface):
        return None
    if kind == "PER":
        return _classify_person(text, start, end)
    letters = re.findall(r"[^\W\d_]+", surface)
    if all(w.isupper() for w in letters) and max(map(len, letters)) >= 5 and (
            surface not in ORG_ACRONYMS):
        # a heading in capitals: only countries are trusted
        if kind == "LOC" and is_country(surface):
            return _found(start, end, "GPE", normalize(surface.title(), "LOC").upper())
        return None
    if kind == "ORG":
        if is_country(surface):
            return _found(start, end, "GPE", normalize(surface, "LOC"))
        if len(words) == 1 and analyse(surface.lower()).known and not is_acronym(
                surface, ACRONYMS) and not head_lemmas(surface) & ORG_HEADS:
            return None  # ``Вестник``, ``Общество``: a common word, not a name
        if len(words) > 1 and all(w.islower() for w in words[1:]) and not any(
                head_lemmas(w) & ORG_HEADS for w in words):
            return None  # ``Государственная служба``: a description
        return _found(start, end, "ORG", normalize(surface, "ORG"))
    canonical = normalize(surface, "LOC")
    if is_country(surface, canonical):
        return _found(start, end, "GPE", canonical)
    if canonical.lower().replace("ё", "е") in MACRO_REGIONS:
        return None
    if "союз" in canonical.lower() or "сообществ" in canonical.lower():
        return _found(start, end, "ORG", canonical)
    if len(words) == 1:
        w = analyse(surface.lower())
        if w.pos & {"ADJF"} and not w.pos & {"NOUN"}:
            return None  # ``ЕВРОПЕЙСКАЯ``
        if w.known and not (w.geo or w.name_like) and surface[1:].islower():
            return None
    return _found(start, end, "GPE_SUB", canonical)


def _classify_person(text: str, start: int, end: int) -> Candidate | None:
    """A PER span without titles and glued-on words; a lone city or country is a place."""
    title = re.match(r"(?:([^\W\d_][\w-]*)\.?\s+)", text[start:end])
    while title and title.group(1).lower() in TITLES:
        start += title.end()
        title = re.match(r"(?:([^\W\d_][\w-]*)\.?\s+)", text[start:end])
    words = [t for t in tokenize(text[start:end]) if t.text[:1].isalpha()]
    # cut trailing common words glued on in reference lists (``Гринин Д. Е. Формации``)
    keep = len(words)
    while keep > 1 and len(words[keep - 2].text) == 1:  # only right after an initial
        w = words[keep - 1].text
        info = analyse(w.lower())
        if len(w) > 1 and info.known and not info.name_like and w[1:].islower():
            keep -= 1
            continue
        break
    if keep < len(words):
        end = start + words[keep - 1].end
        nxt = text[end:end + 1]
        if nxt == "." and len(words[keep - 1].text) == 1:
            end += 1
        words = words[:keep]
    surface = text[start:end]
    if len(words) == 1:
        w = words[0].text
        info = analyse(w.lower())
        if (info.geo and not info.name_like) or normalize(surface, "LOC") in CITIES:
            canonical = normalize(surface, "LOC")
            label = "GPE" if is_country(surface, canonical) else "GPE_SUB"
            return _found(start, end, label, canonical)
        if len(w) == 1 or (info.known and not info.name_like):
            return None  # ``Аннотация``
        before = re.findall(r"[^\W\d_]+", text[max(0, start - 30):start])
        if before and noun_lemmas(before[-1]) & EPONYM_CONTEXT:
            return None  # ``корреляции Спирмена``: a method, not a person
    return _found(start, end, "PERSON", surface)


_INITIAL = re.compile(r"(?:^|\s)[А-ЯЁA-Z]\.")
_OBLIQUE_SURNAME = re.compile(
    r"(?P<stem>[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын))(?P<end>ым|у|е|ой|ою|ым)$")


def _person_canonical(surface: str) -> str:
    """Nominative of a person's name; with initials only unambiguous case endings are undone.

    >>> _person_canonical("Павлова И.В."), _person_canonical("И.В. Павловым")
    ('Павлова И.В.', 'И.В. Павлов')
    """
    if not _INITIAL.search(surface):
        return _unknown_surnames(surface, normalize(surface, "PER"))
    out = []
    for word in surface.split():
        m = _OBLIQUE_SURNAME.fullmatch(word)
        if m:
            word = m["stem"] + ("а" if m["end"] in ("ой", "ою") else "")
        out.append(word)
    return " ".join(out)


def _unknown_surnames(old: str, new: str) -> str:
    """Undo a masculine genitive ``-а`` the analyser missed: ``Питер Слотердайка`` -> ``…дайк``.

    >>> _unknown_surnames("Питера Слотердайка", "Питер Слотердайка")
    'Питер Слотердайк'
    """
    before, after = old.split(), new.split()
    if len(before) != len(after) or len(before) < 2:
        return new
    first_old, first_new = before[0], after[0]
    if not (first_old == first_new + "а" or first_old[:-1] == first_new[:-1] and
            first_old.endswith("я") and first_new[-1:] in "ьй"):
        return new
    fixed = [after[0]] + [
        n[:-1] if o == n and re.search(r"[бвгджзклмнпрстфхцчшщ]а$", n) else n
        for o, n in zip(before[1:], after[1:])
    ]
    return " ".join(fixed)
