"""English names found as runs of capitalised words: institutions, laws, programs, persons.

A run is classified by its head noun (``… University``, ``Ministry of …``, ``… Code``);
runs joined by ``of``, ``for``, ``and`` form one name where a head says so (``Ministry of
Foreign Affairs``, ``Freedom of Information Act``). A two- or three-word run with no head
is a person if it looks like ``First Last``. Headings in Title Case prove nothing.

>>> text = "The Ministry of Foreign Affairs met Donald Trump."
>>> [(text[c.start:c.end], c.label) for c in find_capitalised_names(text, [])]
[('Ministry of Foreign Affairs', 'ORG'), ('Donald Trump', 'PERSON')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.en.lexicon import (
    SENTENCE_START, classify_head, country_set, is_inside, is_name_like, is_person_pair,
    stop_words,
)
from kg.extract.en.rules import LIST, STRONG, WEAK
from kg.extract.en.words import (
    BARE_OK, CITIES, CONNECTORS, DEMONYMS, NOT_NAMES, ORG_PREFIXES, SINGLE_ORGS,
)
from kg.extract.spans import Candidate, is_acronym, sentence_initial
from kg.text.tokens import Token, regex_tokens

__all__ = ["find_capitalised_names"]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Z][a-z]+)?(?:[-‑][A-Za-z0-9]+)*|\S")


def _tokens(text: str) -> list[Token]:
    return regex_tokens(text, _TOKEN)


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper() and tok.text[:1].isalpha()


def _segments(text: str, toks: list[Token]) -> list[list[int]]:
    """Runs of capitalised tokens separated by single spaces (token indices)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, tok in enumerate(toks):
        if _capitalised(tok) and not (current and text[toks[current[-1]].end:tok.start] not in (
                " ", "\n")):
            if not current and tok.text.lower() in stop_words() and sentence_initial(
                    text, tok.start, SENTENCE_START):
                continue  # ``The``/``In`` opening a sentence
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = [i] if _capitalised(tok) else []
    if current:
        runs.append(current)
    return runs


def find_capitalised_names(text: str, headings: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Names made of capitalised runs, classified by their head noun (see the module)."""
    toks = _tokens(text)
    runs = _segments(text, toks)
    merged: list[tuple[list[int], bool]] = []  # (token indices, head-first structure)
    i = 0
    while i < len(runs):
        run, head_first = list(runs[i]), False
        while i + 1 < len(runs):
            gap = [toks[k].text for k in range(run[-1] + 1, runs[i + 1][0])]
            nxt = runs[i + 1]
            if not _joinable(text, toks, run, gap, nxt, head_first):
                break
            head_first = head_first or (gap[0] in CONNECTORS and gap[0] != "and"
                                        and _has_head(toks, run) is not None)
            run = run + list(range(run[-1] + 1, nxt[-1] + 1))
            i += 1
        merged.append((run, head_first))
        i += 1
    for run, head_first in merged:
        yield from _classify(text, toks, run, head_first, headings)


def _has_head(toks: list[Token], run: list[int]) -> str | None:
    for k in reversed(run):
        cls = classify_head(toks[k].text)
        if cls:
            return cls
    return None


def _joinable(text: str, toks: list[Token], run: list[int], gap: list[str], nxt: list[int],
              head_first: bool) -> bool:
    if not gap or len(gap) > 2 or (len(gap) == 2 and gap[1] != "the"):
        return False
    if any(text[toks[a].end:toks[a + 1].start] not in (" ", "\n")
           for a in range(run[-1], nxt[0])):
        return False
    word = gap[0]
    left, right = _has_head(toks, run), _has_head(toks, nxt)
    if word == "on":  # ``Committee on …``, but not ``the Venice Commission on the …``
        return len(run) == 1 and bool(left) or head_first
    if word in CONNECTORS and word != "in":
        if left or head_first:
            return True
        # ``Freedom of Information Act``: a law or program named head-last around ``of``
        surface = text[toks[run[0]].start:toks[run[-1]].end]
        return word in ("of", "for") and classify_head(toks[nxt[-1]].text) in ("LAW", "PROGRAM") \
            and surface not in country_set() and surface not in CITIES
    if word == "in":
        return (bool(left) or head_first) and toks[nxt[0]].text in (
            "Europe", "Asia", "Africa", "America", "Central", "the")
    if word == "and":
        right_surface = text[toks[nxt[0]].start:toks[nxt[-1]].end]
        if left and right or right_surface in country_set() or is_acronym(right_surface):
            return False
        if left:
            return head_first
        if right in ("LAW", "PROGRAM"):
            surface = text[toks[run[0]].start:toks[run[-1]].end]
            return surface not in country_set() and surface not in CITIES
    return False


def _classify(text: str, toks: list[Token], run: list[int], head_first: bool,
              headings: list[tuple[int, int]]) -> Iterator[Candidate]:
    words = [toks[k].text for k in run]
    start, end = toks[run[0]].start, toks[run[-1]].end
    surface = text[start:end]
    head = None
    if head_first:
        first_conn = next(j for j, w in enumerate(words) if w in CONNECTORS or w == "and")
        head = next((w for w in reversed(words[:first_conn]) if classify_head(w)), None)
    if head is None and classify_head(words[-1]):
        head = words[-1]
    if head is not None:
        label = classify_head(head)
        size = len(words)
        if surface in country_set():
            return
        if label == "PROGRAM" and head == "Programme" or label == "ORG" and head == "Programme":
            label = "ORG" if surface.startswith(ORG_PREFIXES) else "PROGRAM"
        if label == "PROGRAM" and all(w in NOT_NAMES or w in DEMONYMS for w in words):
            return  # ``State Programme`` with no name
        if head == "Constitution":
            yield Candidate(start, end, "LAW", "law", priority=STRONG)
            return
        if head in ("Law", "Decree", "Resolution", "Plan", "Project") and not (
                head == "Plan" and words[0] in ("National", "State") or
                head == "Project" and "National" in words):
            return  # unnamed unless quoted (handled by the quoted-title rules)
        if label == "ORG" and size == 1:
            before = text[max(0, start - 4):start]
            if head in SINGLE_ORGS and (re.search(r"\b[Tt]he\s$", before) or head in BARE_OK):
                yield Candidate(start, end, "ORG", "head", priority=LIST)
            return
        if size == 1 or is_inside(headings, start, end):
            return
        if label == "ORG" and head == "Government" and not head_first:
            return
        yield Candidate(start, end, label or "ORG", "head", priority=STRONG)
        return
    if head_first or not 2 <= len(words) <= 3 or is_inside(headings, start, end) or any(
            w in CONNECTORS or w == "and" for w in words):
        return
    if not all(is_name_like(w) for w in words) or not is_person_pair(words[0], words[-1]):
        return
    before = text[max(0, start - 4):start]
    if re.search(r"\b[Tt]he\s$", before) or re.search(r"[«\"“]\S*$", text[max(0, start - 1):start]):
        return
    yield Candidate(start, end, "PERSON", "name", priority=WEAK)
