"""Institution chains: an unlinked chain joined, the catalogued parent of a unit kept too.

* "Association of [South East Asian Nations]": a Latin head word with "of" right before an
  institution span is part of it;
* «ҚР … агенттігі Ұлттық статистика бюросының» (the agency without its genitive ending) is
  one institution, the bureau, not the agency followed by a second name: two institution
  spans separated by one space, the first ending in a possessive head noun (агенттігі,
  министрлігі …), are joined;
* «Елбасы кітапханасының аналитикалық орталығы», «… министрлігі жанындағы Қоғамдық кеңес»,
  «ЮНЕСКО қозғалысы», "the American Foreign Policy Council's Central Asia-Caucasus
  Institute", «Общественный совет при Министерстве …»: the unit stays one mention, and
  its parent, when the catalogue knows it, becomes a second mention nested inside it
  (source ``parent``). The graph links the two (``org:subOrganizationOf``); the flat gold
  scheme of :mod:`kg.evaluate.gold` does not score nested mentions.

>>> from kg.extract.filters.context import FilterContext
>>> text = "Елбасы кітапханасының аналитикалық орталығы"
>>> out = join_and_nest(FilterContext(text, "kk"), [Candidate(0, len(text), "ORG", "rule")])
>>> [(text[c.start:c.end], c.source) for c in out]
[('Елбасы кітапханасының аналитикалық орталығы', 'rule'), ('Елбасы кітапханасының', 'parent')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from kg.extract.filters.context import FilterContext, surface
from kg.extract.filters.institution import BARE_HEADS
from kg.extract.spans import Candidate
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.countries import lookup_country
from kg.model import PARENT_SOURCE
from kg.text.org_names import nominative_org

__all__ = ["PARENT_SOURCE", "join_and_nest", "parent_spans"]


_WORD = re.compile(r"\S+")
_KK_GENITIVE = re.compile(r"(?:ның|нің|тың|тің|дың|дің)[»\"”]?$")
#: «… мемлекеттерінің»: a plural head names several bodies, never one parent.
_KK_PLURAL_GENITIVE = re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і)?(?:ның|нің|тың|тің|дың|дің)$")
_KK_POSSESSIVE_HEAD = re.compile(r"(?:сы|сі|ы|і)$")
_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}")
#: Links between a unit and its parent, by language: (pattern, which side names the parent).
_LINKS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "kk": ((re.compile(r"\s+жанындағы\s"), "before"),),          # «X жанындағы Y»
    "ru": ((re.compile(r"\s+при\s+"), "after"),),                 # «Y при X»
    "en": ((re.compile(r"['’]s\s"), "before"),                    # "X's Y"
           (re.compile(r"\s+of\s+the\s+"), "after"),             # "Y of the X"
           (re.compile(r"\s+of\s+(?!the\s)"), "after")),          # "Bulletin of KRSU"
}


def _ends(text: str, lang: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` offsets in ``text`` of spans that may name a parent institution."""
    for pattern, side in _LINKS.get(lang, ()):
        for m in pattern.finditer(text):
            yield (0, m.start()) if side == "before" else (m.end(), len(text))
    words = list(_WORD.finditer(text))
    for i, w in enumerate(words[:-1]):
        if lang == "kk" and _KK_GENITIVE.search(w.group(0)):
            yield 0, w.end()
        elif lang == "kk" and w.group(0).lower().startswith(BARE_HEADS) \
                and _KK_POSSESSIVE_HEAD.search(w.group(0)):  # «… министрлігі Ғылым комитеті»
            yield 0, w.end()
        if i == 0 and _ACRONYM.fullmatch(w.group(0).strip("«»\"“”")):
            yield 0, w.end()


def named_parent(piece: str, lang: str) -> bool:
    """A parent is named if the catalogue knows it or, in Kazakh, if it is a name of two or
    more words ending in an institution's head word in the genitive («… университетінің»).

    >>> named_parent("Қ.А.Яссауи атындағы Халықаралық қазақ-түрік университетінің", "kk")
    True
    >>> named_parent("Қазақстан Республикасының", "kk"), named_parent("Білім министрлігінің", "kk")
    (False, True)
    >>> named_parent("Оңтүстік-Шығыс Азия мемлекеттерінің", "kk")
    False
    """
    if lookup_institution(nominative_org(piece, lang), lang) is not None or lookup_institution(piece, lang) is not None:
        return True
    words = piece.split()
    return (lang == "kk" and len(words) >= 2 and words[0][:1].isupper()
            and bool(_KK_GENITIVE.search(words[-1])) and words[-1].lower().startswith(BARE_HEADS)
            and not _KK_PLURAL_GENITIVE.search(words[-1]))


def parent_spans(text: str, lang: str,
                 known: Callable[[str, str], bool] = named_parent) -> list[tuple[int, int]]:
    """Spans of ``text`` (one institution's name) that name a parent institution.

    >>> parent_spans("Қазақстан Республикасы Ұлттық экономика министрлігі жанындағы Қоғамдық кеңес", "kk")
    [(0, 51)]
    >>> parent_spans("Director's Office", "en")
    []
    >>> parent_spans("Қазақстан Республикасы Ғылым және жоғары білім министрлігі Ғылым комитеті", "kk")
    [(0, 58)]
    """
    found = set()
    for s, e in _ends(text, lang):
        piece = text[s:e].strip()
        if not piece or len(piece) == len(text.strip()):
            continue
        s += text[s:e].index(piece)
        e = s + len(piece)
        if known(piece, lang):
            found.add((s, e))
    return sorted(found)


def _joinable(ctx: FilterContext, a: Candidate, b: Candidate) -> bool:
    """«… агенттігі Ұлттық статистика бюросы»: ``a`` ends in a possessive head, one space, ``b``."""
    if ctx.lang != "kk" or a.label != "ORG" or b.label != "ORG" or ctx.text[a.end:b.start] != " ":
        return False
    last = surface(ctx, a).split()[-1].lower()
    b_words = surface(ctx, b).split()
    if lookup_country(b_words[0], "kk") is not None or lookup_country(" ".join(b_words[:2]), "kk"):
        return False  # «… орталығы Қазақстан Республикасының … институты»: two bodies side by side
    return last.startswith(BARE_HEADS) and bool(_KK_POSSESSIVE_HEAD.search(last)) and b_words[0][:1].isupper()


def _join(ctx: FilterContext, found: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """The spans with unlinked chains joined, and the catalogued first links of those chains."""
    out: list[Candidate] = []
    parents: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start, c.end)):
        if out and _joinable(ctx, out[-1], cand):
            a = out.pop()
            text = ctx.text[a.start:cand.end]
            if lookup_institution(surface(ctx, a), ctx.lang) is not None:
                parents.append(Candidate(a.start, a.end, "ORG", PARENT_SOURCE, a.canonical))
            known_unit = lookup_institution(surface(ctx, cand), ctx.lang) is not None
            name = cand.canonical or nominative_org(surface(ctx, cand), ctx.lang) if known_unit \
                else nominative_org(text, ctx.lang)  # the catalogue knows the bureau by its own name
            cand = Candidate(a.start, cand.end, "ORG", cand.source, name,
                             max(a.priority, cand.priority), max(a.preference, cand.preference))
        out.append(cand)
    return out, parents


_LATIN_HEAD_OF = re.compile(
    r"(?:Association|Organi[sz]ation|Union|Commonwealth|League|Bank|Council|Institute|Office|"
    r"Ministry|Agency|Academy|Federation|Conference|Court|Fund)\s+(?:of|for)\s+(?:the\s+)?$")


def _with_latin_head(ctx: FilterContext, cand: Candidate) -> Candidate:
    """"Association of [South East Asian Nations]": the head before the span belongs to it."""
    if cand.label != "ORG":
        return cand
    m = _LATIN_HEAD_OF.search(ctx.text, max(0, cand.start - 40), cand.start)
    if m is None or not ctx.text[cand.start:cand.start + 1].isupper():
        return cand
    return Candidate(m.start(), cand.end, "ORG", cand.source, ctx.text[m.start():cand.end],
                     cand.priority, cand.preference)


def join_and_nest(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Join unlinked chains, then add each institution's catalogued parent as a nested span."""
    found = [_with_latin_head(ctx, c) for c in found]
    out, nested = _join(ctx, found)
    taken = {(c.start, c.end) for c in out + nested}
    for cand in out:
        if cand.label != "ORG" or " " not in surface(ctx, cand).strip():
            continue
        for s, e in parent_spans(surface(ctx, cand), ctx.lang):
            span = (cand.start + s, cand.start + e)
            if span not in taken:
                taken.add(span)
                piece = ctx.text[span[0]:span[1]]
                nested.append(Candidate(*span, "ORG", PARENT_SOURCE, nominative_org(piece, ctx.lang)))
    return out + nested
