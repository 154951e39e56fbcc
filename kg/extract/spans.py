"""What every extractor shares: candidate spans, overlap resolution, sentence starts, acronyms.

A language proposes :class:`Candidate` spans (rules, gazetteers, a model), then
:func:`resolve_overlaps` keeps a non-overlapping set, like spaCy's ``filter_spans`` (longest
first, then earliest) but with an explicit ``priority`` that beats length: the Kazakh
"rules > gazetteers > model" precedence and the Russian "strong rules first" are data.

>>> law = Candidate(0, 22, "LAW", "rule", priority=1)
>>> place = Candidate(0, 9, "GPE", "gazetteer")
>>> person = Candidate(30, 40, "PERSON", "ner")
>>> [c.label for c in resolve_overlaps([place, person, law])]
['LAW', 'PERSON']
>>> is_acronym("OSCE"), is_acronym("McNutt"), is_acronym("XIV")
(True, False, False)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import accumulate
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

__all__ = [
    "ACRONYM", "SENTENCE_START", "AcronymStyle", "Candidate", "Coverage", "SentenceStart",
    "acronym_definers", "find_acronym_definitions", "is_acronym", "known_runs", "overlaps", "resolve_overlaps",
    "sentence_initial", "spread_acronyms",
]

T = TypeVar("T")


@dataclass(frozen=True)
class Candidate:
    """A proposed span of one paragraph, before overlaps are resolved.

    ``source`` names what found it and ends the mention's ``extractor`` string
    (``kazkg-kk/0.1:rule``). ``priority`` beats length (a rule over a gazetteer);
    ``preference`` breaks ties between equally long spans of one priority (an acronym
    over a model span). ``canonical`` is empty where the language computes it later.
    """

    start: int
    end: int
    label: str
    source: str
    canonical: str = ""
    priority: int = 0
    preference: int = 0

    @property
    def length(self) -> int:
        """Number of characters covered."""
        return self.end - self.start


class Coverage:
    """Spans ``(start, end)``, asked whether any shares a character with another span in
    O(log n) (a scan of every span for every question is quadratic on a hostile text).

    >>> cover = Coverage([(10, 20), (0, 3)])
    >>> cover.overlaps(18, 25), cover.overlaps(3, 10), cover.overlaps(2, 4)
    (True, False, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """True if a span starting before ``end`` reaches past ``start``."""
        before = bisect_left(self._starts, end)  # the spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start


def overlaps(a: Candidate, b: Candidate) -> bool:
    """True if the two spans share a character.

    >>> overlaps(Candidate(0, 5, "ORG", "x"), Candidate(5, 9, "ORG", "x"))
    False
    """
    return not (a.end <= b.start or a.start >= b.end)


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """A non-overlapping subset, in text order.

    Higher ``priority`` first, then longer spans, higher ``preference``, earlier start; a
    remaining tie goes to the candidate given first. Duplicates count once.

    >>> a, b = Candidate(0, 4, "GPE", "gazetteer"), Candidate(2, 9, "ORG", "ner")
    >>> resolve_overlaps([a, b]) == [b], resolve_overlaps([a, replace(b, priority=-1)]) == [a]
    (True, True)
    """
    order = sorted(dict.fromkeys(candidates),
                   key=lambda c: (-c.priority, -c.length, -c.preference, c.start))
    chosen: list[Candidate] = []
    for cand in order:
        if not any(overlaps(cand, c) for c in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


# --- sentence starts --------------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceStart:
    """What a language lets stand before the first word of a sentence.

    ``before`` is searched in the ``window`` characters before the word (all of them when
    ``window`` is ``None``) and must reach the word (end in ``\\Z`` or ``$``).
    """

    before: re.Pattern[str]
    window: int | None = None


#: After ``. ! ? : ;`` or a line break, spaces and tabs allowed; or at the start of the text.
SENTENCE_START = SentenceStart(re.compile(r"(?:\A|[.!?\n:;])[ \t]*\Z"))


def sentence_initial(text: str, pos: int, rule: SentenceStart = SENTENCE_START) -> bool:
    """True if the word at ``pos`` opens a sentence by ``rule``.

    >>> sentence_initial("Ол келді. Зерттеу", 10), sentence_initial("Ол келді Зерттеу", 9)
    (True, False)
    """
    start = 0 if rule.window is None else max(0, pos - rule.window)
    return rule.before.search(text, start, pos) is not None


# --- acronyms ---------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cheap cache key
class AcronymStyle:
    """How a language writes acronyms and defines them.

    A word is an acronym if ``shape`` matches all of it, it has two or more capitals making
    at least ``share`` of its characters, and ``exclude`` (Roman numerals, say) finds
    nothing in it. ``definition`` matches an acronym defined in parentheses right after a
    name (group 1), within ``reach`` characters (``None``: no limit).
    """

    shape: re.Pattern[str]
    definition: re.Pattern[str]
    share: float = 0.0
    exclude: re.Pattern[str] | None = None
    reach: int | None = None


#: Two or more capitals making half the word, no run of four lower-case letters, not a
#: Roman numeral: ``OSCE``, ``CoE``, ``KazISS``, ``SDGs`` (not ``McNutt``, ``XIV``).
ACRONYM = AcronymStyle(
    shape=re.compile(r"(?s).{2,}"),
    definition=re.compile(r"\s*\(\s*([A-Z][A-Za-z&]{1,9})\s*\)"),
    share=0.5,
    exclude=re.compile(r"\A[IVXLCDM]+\Z|[a-z]{4,}"),
)


@lru_cache(maxsize=65536)
def is_acronym(word: str, style: AcronymStyle = ACRONYM) -> bool:
    """True if ``word`` is an acronym by ``style``.

    >>> is_acronym("KazISS"), is_acronym("Kazakhstan")
    (True, False)
    """
    if not style.shape.fullmatch(word):
        return False
    capitals = sum(c.isupper() for c in word)
    if capitals < 2 or capitals < style.share * len(word):
        return False
    return style.exclude is None or not style.exclude.search(word)


def find_acronym_definitions(text: str, spans: Iterable[Candidate],
                             style: AcronymStyle = ACRONYM) -> dict[str, str]:
    """Acronyms defined right after a span (``Local Autonomy Act (LAA)``) -> its label.

    The first definition of an acronym counts; a span that is itself an acronym defines none,
    and neither does one in the same script whose first letter differs ("Travel For London
    (TFL)": London is not TFL).

    >>> text = "Local Autonomy Act (LAA) and the LAA; Travel For London (TFL)"
    >>> find_acronym_definitions(text, [Candidate(0, 18, "LAW", "head"), Candidate(49, 55, "GPE_SUB", "g")])
    {'LAA': 'LAW'}
    """
    return {acronym: cand.label for acronym, cand in acronym_definers(text, spans, style).items()}


def acronym_definers(text: str, spans: Iterable[Candidate],
                     style: AcronymStyle = ACRONYM) -> dict[str, Candidate]:
    """Acronyms defined right after a span -> that span (the first definition counts), as
    :func:`find_acronym_definitions` reads them.

    >>> text = "Local Autonomy Act (LAA) and the LAA"
    >>> acronym_definers(text, [Candidate(0, 18, "LAW", "head")])["LAA"].end
    18
    """
    definers: dict[str, Candidate] = {}
    for cand in spans:
        end = len(text) if style.reach is None else cand.end + style.reach
        m = style.definition.match(text, cand.end, end)
        name = text[cand.start:cand.end]
        if m and is_acronym(m.group(1), style) and not is_acronym(name, style) \
                and _may_abbreviate(m.group(1), name):
            definers.setdefault(m.group(1), cand)
    return definers


def _may_abbreviate(acronym: str, name: str) -> bool:
    """False if ``name`` is written in the acronym's script and starts with another letter."""
    first = re.sub(r"^(?:[Tt]he\s+)?\W*", "", name)[:1]
    if not first or first.isascii() != acronym[:1].isascii():
        return True
    return first.upper() == acronym[:1].upper()


def spread_acronyms(text: str, chosen: Iterable[Candidate], labels: Mapping[str, str],
                    relabel: frozenset[str]) -> list[Candidate]:
    """Give each acronym of ``labels`` its label throughout the paragraph, in text order.

    A chosen span whose text is such an acronym and whose ``source`` is in ``relabel`` takes
    the label (and the acronym as canonical form); every free occurrence becomes an
    ``acronym`` candidate.

    >>> text = "The LAA and LAA"
    >>> [(c.start, c.label) for c in spread_acronyms(text, [Candidate(4, 7, "ORG", "acronym")],
    ...                                              {"LAA": "LAW"}, frozenset({"acronym"}))]
    [(4, 'LAW'), (12, 'LAW')]
    """
    out = list(chosen)
    if not labels:
        return out
    for i, cand in enumerate(out):
        label = labels.get(text[cand.start:cand.end])
        if label is not None and label != cand.label and cand.source in relabel:
            out[i] = replace(cand, label=label, canonical=text[cand.start:cand.end])
    words = sorted(labels, key=lambda w: (-len(w), w))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
    for m in pattern.finditer(text):
        found = Candidate(m.start(), m.end(), labels[m.group()], "acronym", m.group())
        if not any(overlaps(found, c) for c in out):
            out.append(found)
    return sorted(out, key=lambda c: c.start)


def known_runs(runs: re.Pattern[str], text: str,
               know: Callable[[int, int, str], T | None]) -> Iterator[tuple[int, int, T]]:
    """``(start, end, found)`` of the longest word sequences ``know`` accepts in each match of
    ``runs`` (runs of capitalised words): from each word, the whole rest of the run first, then
    shorter; after a hit, on from the word after it («Біз Балқашта», "Professor Michel
    Foucault": a name may start at any word of the run). ``know`` gets the span and its words
    joined by single spaces, so a name broken over lines keeps exact offsets.

    >>> runs = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*")
    >>> names = {"Michel Foucault", "Paris"}
    >>> list(known_runs(runs, "Professor Michel Foucault in Paris",
    ...                 lambda s, e, words: words if words in names else None))
    [(10, 25, 'Michel Foucault'), (29, 34, 'Paris')]
    """
    for m in runs.finditer(text):
        words = list(re.finditer(r"\S+", m.group()))
        i = 0
        while i < len(words):
            for n in range(len(words), i, -1):
                start, end = m.start() + words[i].start(), m.start() + words[n - 1].end()
                found = know(start, end, " ".join(w.group() for w in words[i:n]))
                if found is not None:
                    yield start, end, found
                    i = n
                    break
            else:
                i += 1

