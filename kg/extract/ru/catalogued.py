"""Catalogued programs and laws named in Russian in any case form, capitals or not.

The rules find a program by its head word and quoted title («государственной программы
«Цифровой Казахстан»»); a catalogued name written without either escapes them: «получающими
адресную социальную помощь (АСП)». Every Russian name of the catalogue's acts of two words or
more is indexed by its words' dictionary forms (:func:`kg.text.ru_morph.lemmas`), and a run of
words of the text whose forms give one of those names is a mention of it, the longest first; a
capitalised name needs its capital in the text too, and a bare title («О науке») is no name.

>>> [(c.label, c.canonical) for c in find_catalogued_acts("семьи, получающие адресную социальную помощь (АСП)")]
[('PROGRAM', 'адресная социальная помощь')]
>>> find_catalogued_acts("Новый курс реформ: социальная помощь семьям; о государственной службе")
[]
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.spans import Candidate
from kg.lexicon.catalog import PROGRAM_KINDS, legal_acts
from kg.text.ru_morph import lemmas

__all__ = ["find_catalogued_acts"]

SOURCE = "catalogue"
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_KAZAKH = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
#: The text before a sentence's first word.
_OPENING = re.compile(r"(?:\A|[.!?:]\s*|\n\s*)\Z")
#: The first words of a law's title, which without its quotes is an ordinary phrase.
_TITLE_OPENERS = frozenset({"о", "об", "обо"})
#: Word-form sets of the indexed names hold at most this many words.
_LONGEST = 6


def find_catalogued_acts(text: str) -> list[Candidate]:
    """Spans of ``text`` whose words are a catalogued act's Russian name, in any case form."""
    index = _index()
    words = list(_WORD.finditer(text))
    forms = [frozenset(lemmas(w.group(0))) for w in words]
    out: list[Candidate] = []
    i = 0
    while i < len(words):
        for n in range(min(_LONGEST, len(words) - i), 1, -1):
            if not _adjacent(text, words[i:i + n]):
                continue
            run = words[i:i + n]
            capital = run[0].group(0)[0].isupper() and not (  # «Новый курс реформ.» opening a
                _OPENING.search(text, 0, run[0].start()) and not any(w.group(0)[0].isupper() for w in run[1:]))
            hit = _match(index, forms[i:i + n], capital)  # sentence: a capital proves nothing
            if hit is not None:
                label, name = hit
                out.append(Candidate(words[i].start(), words[i + n - 1].end(), label, SOURCE, name))
                i += n
                break
        else:
            i += 1
    return out


def _adjacent(text: str, words: list[re.Match[str]]) -> bool:
    """Are ``words`` separated by spaces only (one phrase, not across punctuation)?"""
    return all(not text[a.end():b.start()].strip() for a, b in zip(words, words[1:]))


def _match(index: dict[int, list[tuple[tuple[str, ...], str, str]]],
           forms: list[frozenset[str]], capital: bool) -> tuple[str, str] | None:
    """``(label, name)`` of the indexed name whose lemmas each word's forms contain; a
    capitalised name only for a capitalised run («Новый курс» is the New Deal, a «новый
    курс» any new course)."""
    for lemma_seq, label, name in index.get(len(forms), ()):
        if (capital or not name[0].isupper()) \
                and all(lemma in found for lemma, found in zip(lemma_seq, forms)):
            return label, name
    return None


@lru_cache(maxsize=1)
def _index() -> dict[int, list[tuple[tuple[str, ...], str, str]]]:
    """Russian names of catalogued acts (two words or more, no quotes), by their word count."""
    out: dict[int, list[tuple[tuple[str, ...], str, str]]] = {}
    for entry in legal_acts():
        label = "PROGRAM" if entry.kind in PROGRAM_KINDS else "LAW"
        for name in sorted({entry.names.get("ru", ""), *entry.aliases}):
            words = _WORD.findall(name)
            if not (2 <= len(words) <= _LONGEST) or _KAZAKH.search(name) \
                    or " ".join(words) != " ".join(name.split()) \
                    or words[0].lower() in _TITLE_OPENERS or words[-1].lower() == "туралы":
                continue  # Latin, Kazakh, quoted or punctuated names are the other finders';
                # a bare title («О науке», «Сайлау туралы») is a phrase without its quotes
            seq = tuple(lemmas(w)[0] for w in words)
            out.setdefault(len(words), []).append((seq, label, name))
    return out
