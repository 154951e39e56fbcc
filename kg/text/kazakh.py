"""A small spaCy ``Language`` for Kazakh (``lang = "kk"``), tuned to KazNERD tokenisation.

Differences from spaCy's multi-language (``xx``) rules:

* hyphenated words stay whole (``Қасым-Жомарт``, ``128-інші``, ``ЕҚЫҰ-дағы``), as in KazNERD;
* an initial glued to a surname is split after its period (``А.Садырбаевтың`` -> ``А.`` +
  ``Садырбаевтың``);
* ``PREFIX`` is the first four lowercased characters (a rough stem for an agglutinative
  language) and ``SUFFIX`` the last three; the NER model's embeddings use both.

Importing this module registers the language, so ``spacy.blank("kk")`` and
``spacy.load(path)`` of a ``kk`` pipeline work afterwards.

>>> import kg.text.kazakh, spacy
>>> [t.text for t in spacy.blank("kk")("А.Садырбаевтың «Қасым-Жомарт» еңбегі.")]
['А.', 'Садырбаевтың', '«', 'Қасым-Жомарт', '»', 'еңбегі', '.']
"""

from __future__ import annotations

from spacy.attrs import PREFIX, SUFFIX
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)
from spacy.lang.punctuation import TOKENIZER_PREFIXES
from spacy.language import BaseDefaults, Language
from spacy.util import registry

import kg.text.kk_stem  # noqa: F401  (registers the NER model's "kk_stem" component)

PREFIX_LEN = 4
SUFFIX_LEN = 3

# spaCy's Cyrillic classes lack a few Kazakh letters (ғ, қ, ұ and capitals).
_KK_LOWER = "әғқңөұүһі"
_KK_UPPER = "ӘҒҚҢӨҰҮҺІ"
LOWER = ALPHA_LOWER + _KK_LOWER
UPPER = ALPHA_UPPER + _KK_UPPER
LETTER = ALPHA + _KK_LOWER + _KK_UPPER

# "%-ке", "%-ы": KazNERD keeps the case ending on the percent sign, so "%" is no prefix.
_PREFIXES: list[str] = [p for p in TOKENIZER_PREFIXES if p != "%"]

_SUFFIXES: list[str] = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + ["—", "–"]
    + [
        r"(?<=[0-9])\+",
        r"(?<=[0-9])%",
        rf"(?<=[0-9])(?:{CURRENCY})",
        rf"(?<=[0-9])(?:{UNITS})",
        rf"(?<=[0-9{LOWER}%²\-\+{PUNCT}(?:{CONCAT_QUOTES})])\.",
        rf"(?<=[{UPPER}][{UPPER}])\.",
    ]
)

# Infixes: like spaCy's defaults but without the intra-word hyphen rule, plus two
# empty (zero-width) splits: after an initial glued to a name ("А.Садырбаевтың") and
# between a number and a percent sign with a case ending ("30%-ы" -> "30" + "%-ы").
_INFIXES: list[str] = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        rf"(?<=[{UPPER}]\.)(?=[{UPPER}][{LOWER}])",
        r"(?<=[0-9])(?=%-)",
        r"(?<=[0-9])[+\-\*^](?=[0-9-])",
        rf"(?<=[{LOWER}{CONCAT_QUOTES}])\.(?=[{UPPER}{CONCAT_QUOTES}])",
        rf"(?<=[{LETTER}]),(?=[{LETTER}])",
        rf"(?<=[{LETTER}0-9])[:<>=/](?=[{LETTER}])",
    ]
)


def _prefix(text: str) -> str:
    return text[:PREFIX_LEN].lower()


def _suffix(text: str) -> str:
    return text[-SUFFIX_LEN:].lower()


class KazakhDefaults(BaseDefaults):
    """Tokeniser rules and lexical attributes for :class:`Kazakh`."""

    prefixes = _PREFIXES
    suffixes = _SUFFIXES
    infixes = _INFIXES
    lex_attr_getters = {PREFIX: _prefix, SUFFIX: _suffix}
    writing_system = {"direction": "ltr", "has_case": True, "has_letters": True}


@registry.languages("kk")
class Kazakh(Language):
    """spaCy language class for Kazakh (Cyrillic script)."""

    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh", "KazakhDefaults"]
