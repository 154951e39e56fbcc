"""What the filters know about a paragraph, and the checks several of them share.

>>> ctx = FilterContext("Назарбаев келді. Кітап оқыды.", "kk")
>>> ctx.sentence_initial(17), ctx.sentence_initial(23)
(True, False)
>>> confirmed(ctx, Candidate(0, 9, "PERSON", "ner", "Назарбаев"))
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from kg.extract.spans import Candidate, sentence_initial
from kg.lexicon.catalog import lookup_act, lookup_institution
from kg.lexicon.countries import lookup_country
from kg.lexicon.people import lookup_person
from kg.lexicon.places import lookup_place
from kg.text.names import fold, name_key, parse_name
from kg.text.tables import table_lines

__all__ = ["FilterContext", "confirmed", "head_nearby", "surface", "words"]

#: Sources whose spans a gazetteer or catalogue already confirmed.
CONFIRMED_SOURCES = frozenset({"gazetteer", "catalogue"})
_WORDS = re.compile(r"[^\W_][^\s]*")


@dataclass(frozen=True)
class FilterContext:
    """One paragraph: its text, language and the person names known for its document."""

    text: str
    lang: str
    known_names: tuple[str, ...] = ()
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def tables(self) -> tuple[tuple[int, int], ...]:
        """Spans of the paragraph's table-like lines."""
        return tuple(table_lines(self.text))

    def in_table(self, cand: Candidate) -> bool:
        """True if ``cand`` lies on a table-like line."""
        return any(s <= cand.start and cand.end <= e for s, e in self.tables)

    def sentence_initial(self, pos: int) -> bool:
        """True if the word at ``pos`` opens a sentence, a line or a quotation."""
        return sentence_initial(self.text, pos) or self.text[max(0, pos - 1):pos] in ("«", "\"", "“")

    @cached_property
    def known_keys(self) -> frozenset[str]:
        """Phonetic keys of the known names and of their surnames."""
        keys = set()
        for name in self.known_names:
            keys.add(name_key(name))
            parsed = parse_name(name)
            if parsed.surname:
                keys.add(fold(parsed.surname))
        return frozenset(keys)


def surface(ctx: FilterContext, cand: Candidate) -> str:
    """The span's text."""
    return ctx.text[cand.start:cand.end]


def words(text: str) -> list[str]:
    """The words of ``text`` (quotes and punctuation at their edges removed)."""
    out = [w.strip("«»\"“”„'’.,;:()[]") for w in text.split()]
    return [w for w in out if w]


def head_nearby(ctx: FilterContext, cand: Candidate, heads: tuple[str, ...],
                window: int = 60) -> bool:
    """True if a word starting with one of ``heads`` stands near ``cand`` in its sentence
    (``законы «О торговле» и «О рекламе»``: the titles share the head).

    >>> text = "Ол «Білім туралы» және «Ғылым туралы» заңдарды атады."
    >>> head_nearby(FilterContext(text, "kk"), Candidate(3, 17, "LAW", "rule"), ("заң",))
    True
    """
    before = re.split(r"[.!?]\s", ctx.text[max(0, cand.start - window):cand.start])[-1]
    after = re.split(r"[.!?]\s", ctx.text[cand.end:cand.end + window])[0]
    return any(w.lower().startswith(heads) for w in words(before) + words(after))


def headed_elsewhere(ctx: FilterContext, cand: Candidate, heads: tuple[str, ...]) -> bool:
    """True if ``cand`` is a bare quoted name that stands before one of ``heads`` elsewhere in
    the paragraph (``«Жасыл аула» бағдарламасы … Кейін «Жасыл аула» кеңейтілді``).

    >>> text = "«Жасыл аула» бағдарламасы басталды. Кейін «Жасыл аула» кеңейтілді."
    >>> headed_elsewhere(FilterContext(text, "kk"), Candidate(42, 54, "PROGRAM", "rule"), ("бағдарлама",))
    True
    """
    name = surface(ctx, cand)
    if not (name[:1] in "«\"“„" and name[-1:] in "»\"”"):
        return False
    pos = ctx.text.find(name)
    while pos != -1:
        if pos != cand.start:
            after = words(ctx.text[pos + len(name):pos + len(name) + 60])[:3]
            if any(w.lower().startswith(heads) for w in after):
                return True
        pos = ctx.text.find(name, pos + 1)
    return False


def confirmed(ctx: FilterContext, cand: Candidate) -> bool:
    """True if a gazetteer, a catalogue, the people list or the known names vouch for ``cand``."""
    if cand.source in CONFIRMED_SOURCES:
        return True
    key = (cand.label, cand.start, cand.end)
    if key not in ctx._cache:
        ctx._cache[key] = _confirmed(ctx, cand)
    return ctx._cache[key]


def _confirmed(ctx: FilterContext, cand: Candidate) -> bool:
    names = {surface(ctx, cand), cand.canonical} - {""}
    lang = ctx.lang
    for name in names:
        if cand.label == "PERSON":
            if lookup_person(name) is not None or name_key(name) in ctx.known_keys:
                return True
            parsed = parse_name(name)
            if parsed.surname and not parsed.given and fold(parsed.surname) in ctx.known_keys:
                return True
        elif cand.label in ("GPE", "GPE_SUB"):
            if lookup_country(name, lang) is not None or lookup_place(name, lang) is not None:
                return True
        elif cand.label == "ORG":
            if lookup_institution(name, lang) is not None:
                return True
        elif cand.label in ("LAW", "PROGRAM"):
            if lookup_act(name, lang) is not None:
                return True
    return False
