"""Russian normaliser for names: put a mention into the nominative with pymorphy3.

* Persons: every word goes to the nominative, all with one gender and case chosen jointly
  (``Льва Мановича`` -> ``Лев Манович``, ``Анны Ахматовой`` -> ``Анна Ахматова``); parses
  tagged Name/Surn/Patr weigh more. Initials, Latin words and Kazakh patronymics in
  ``-улы/-кызы`` stay as they are.
* Other names (organisations, places): the head noun (the first noun) and the adjectives
  before it go to the nominative, keeping the head's number; the tail stays as it is
  (``Министерством иностранных дел`` -> ``Министерство иностранных дел``).

The analyser is loaded on first use. Capitalisation and the choice of ``е``/``ё`` follow the
original.

>>> normalize_ru("Республики Казахстан", "LOC")
'Республика Казахстан'
>>> normalize_ru("Льва Мановича", "PER")
'Лев Манович'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer

__all__ = ["normalize_ru", "lemmas", "PERSON_LABELS"]

PERSON_LABELS = frozenset({"PER", "PERSON", "PERS"})

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_GENDERS = ("masc", "femn")
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_INITIAL = re.compile(r"(?:[А-ЯЁA-Z]\.)+")
_KAZAKH_PATRONYMIC = re.compile(r".*(?:улы|ұлы|кызы|қызы)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _analyzer() -> MorphAnalyzer:
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer()


@lru_cache(maxsize=65536)
def _parses(word: str) -> tuple[Any, ...]:
    return tuple(_analyzer().parse(word))


def lemmas(word: str) -> tuple[str, ...]:
    """The dictionary forms pymorphy3 proposes for one Russian word (lower case, best first).

    >>> lemmas("Казахстана")[0]
    'казахстан'
    """
    return tuple(dict.fromkeys(p.normal_form for p in _parses(word.lower())[:3]))


@dataclass(frozen=True)
class _Token:
    """A whitespace-separated piece of the mention; ``word`` is None if it is not inflected."""

    text: str
    word: str | None


def _tokens(text: str) -> list[_Token]:
    out = []
    for piece in text.split():
        inflectable = _CYRILLIC_WORD.fullmatch(piece) and not piece.isupper()
        out.append(_Token(piece, piece if inflectable else None))
    return out


def _restore(new: str, old: str) -> str:
    """``new`` with ``old``'s capitalisation (per hyphen part) and its ``е`` for ``ё``."""
    if "ё" not in old.lower():
        new = new.replace("ё", "е").replace("Ё", "Е")
    if old.isupper() and len(old) > 1:
        return new.upper()
    old_parts, new_parts = old.split("-"), new.split("-")
    if len(old_parts) != len(new_parts):
        return new[:1].upper() + new[1:] if old[:1].isupper() else new
    return "-".join(
        n[:1].upper() + n[1:] if o[:1].isupper() else n
        for o, n in zip(old_parts, new_parts, strict=True)
    )


def _inflect(parse: Any, grammemes: set[str], original: str) -> str:
    form = parse.inflect(grammemes)
    return original if form is None else _restore(form.word, original)


# --- persons ---------------------------------------------------------------------------------


def _person_score(parse: Any, gender: str, case: str) -> float:
    tag = parse.tag
    if tag.POS not in ("NOUN", "ADJF") or tag.case != case:
        return 0.0
    if tag.gender not in (gender, None) and "ms-f" not in tag:
        return 0.0
    if tag.number == "plur":
        return 0.0
    weight = 2.0 if _NAME_TAGS & set(tag.grammemes) else 1.0
    return float(parse.score) * weight


def _gender_votes(words: list[str]) -> tuple[str, ...]:
    """The gender the name words point to (one), or both when they say nothing.

    A word with a surname reading votes only with those readings, so ``Токаева`` counts as a
    surname and not as a (guessed) first name.
    """
    votes = dict.fromkeys(_GENDERS, 0.0)
    parts = [p for w in words for p in ([w] + w.split("-")[:-1] if "-" in w else [w])]
    for word in parts:
        named = [p for p in _parses(word) if _NAME_TAGS & set(p.tag.grammemes)]
        if any("Surn" in p.tag for p in named):
            named = [p for p in named if "Surn" in p.tag]
        for p in named:
            weight = 2.0 if p.is_known and "Surn" not in p.tag else 1.0
            for gender in _GENDERS:
                if p.tag.gender == gender or "ms-f" in p.tag:
                    votes[gender] += p.score * weight
    if votes["masc"] == votes["femn"]:
        return _GENDERS
    return (max(votes, key=lambda g: votes[g]),)


def _person_word(word: str) -> str:
    """The part of a person's word that inflects (the last part of ``Касым-Жомарта``)."""
    if "-" in word and not any(p.is_known for p in _parses(word)):
        return word.rsplit("-", 1)[1]
    return word


def _normalize_person(tokens: list[_Token]) -> str:
    words = [
        _person_word(t.word)
        for t in tokens
        if t.word and not _INITIAL.fullmatch(t.text) and not _KAZAKH_PATRONYMIC.fullmatch(t.word)
    ]
    if not words:
        return " ".join(t.text for t in tokens)
    best: tuple[float, str, str] = (0.0, "masc", "nomn")
    for gender in _gender_votes(words):
        for case in _CASES:
            total = sum(
                max((_person_score(p, gender, case) for p in _parses(w)), default=0.0)
                for w in words
            )
            if total > best[0]:
                best = (total, gender, case)
    _, gender, case = best
    out = []
    for token in tokens:
        if (
            token.word is None
            or _INITIAL.fullmatch(token.text)
            or _KAZAKH_PATRONYMIC.fullmatch(token.word)
        ):
            out.append(token.text)
            continue
        part = _person_word(token.word)
        scored = [(p, _person_score(p, gender, case)) for p in _parses(part)]
        parse, score = max(scored, key=lambda ps: ps[1])
        new = _inflect(parse, {"nomn"}, part) if score > 0 else part
        out.append(token.text[: len(token.text) - len(part)] + new)
    return " ".join(out)


# --- other names -----------------------------------------------------------------------------


def _is_noun(word: str) -> bool:
    parses = _parses(word)
    return bool(parses) and parses[0].tag.POS == "NOUN"


def _agrees(adjective: Any, noun: Any) -> bool:
    a, n = adjective.tag, noun.tag
    if a.POS not in ("ADJF", "PRTF") or a.case != n.case or a.number != n.number:
        return False
    return n.number == "plur" or a.gender == n.gender or n.gender is None


def _head_parse(head: str, modifiers: list[str]) -> tuple[Any, list[Any]] | None:
    """The head noun's parse (singular preferred) and an agreeing parse of each modifier."""
    nouns = [p for p in _parses(head) if p.tag.POS == "NOUN"]
    nouns.sort(key=lambda p: (p.tag.number != "sing", -p.score))
    for noun in nouns:
        agreeing = []
        for word in modifiers:
            match = next((a for a in _parses(word) if _agrees(a, noun)), None)
            if match is None:
                break
            agreeing.append(match)
        else:
            return noun, agreeing
    return (nouns[0], []) if nouns and not modifiers else None


def _normalize_phrase(tokens: list[_Token]) -> str:
    texts = [t.text for t in tokens]
    head = next((i for i, t in enumerate(tokens) if t.word and _is_noun(t.word)), None)
    if head is None:
        head = next(
            (
                i
                for i, t in enumerate(tokens)
                if t.word and any(p.tag.POS == "NOUN" for p in _parses(t.word))
            ),
            None,
        )
    if head is None or any(t.word is None for t in tokens[:head]):
        return " ".join(texts)
    modifiers = [t.word for t in tokens[:head] if t.word]
    found = _head_parse(tokens[head].word or "", modifiers)
    if found is None:
        return " ".join(texts)
    noun, adjectives = found
    if noun.tag.case == "nomn":
        return " ".join(texts)
    for i, adjective in enumerate(adjectives):
        texts[i] = _inflect(adjective, {"nomn"}, texts[i])
    texts[head] = _inflect(noun, {"nomn"}, texts[head])
    return " ".join(texts)


# --- public API ------------------------------------------------------------------------------


def normalize_ru(text: str, label: str = "") -> str:
    """The nominative of a Russian name; ``label`` PER/PERSON selects the person rules.

    >>> normalize_ru("Министерством иностранных дел", "ORG")
    'Министерство иностранных дел'
    >>> normalize_ru("Европейского союза", "ORG")
    'Европейский союз'
    """
    tokens = _tokens(text.strip())
    if not tokens or not any(t.word for t in tokens):
        return text.strip()
    if label.upper() in PERSON_LABELS:
        return _normalize_person(tokens)
    return _normalize_phrase(tokens)


_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def lemma_ru(word: str) -> tuple[str, bool]:
    """The dictionary form of a Russian word, and whether any of its parses is a proper name.

    >>> lemma_ru("конференции")
    ('конференция', False)
    >>> lemma_ru("Мановича")[1]
    True
    """
    parses = _parses(word.lower())
    if not parses:
        return word.lower(), False
    proper = any(_PROPER_TAGS & set(p.tag.grammemes) for p in _parses(word) + parses)
    return parses[0].normal_form, proper


@lru_cache(maxsize=65536)
def is_known_ru(word: str) -> bool:
    """True if pymorphy3's dictionary has ``word`` (lower case), not a guess from its ending.

    >>> is_known_ru("университета"), is_known_ru("университы")
    (True, False)
    """
    return _analyzer().word_is_known(word)
