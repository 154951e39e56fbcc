"""Spelling-insensitive keys of names, and cleaning of names for labels and keys.

>>> name_key("Гүлнар Қонақбаева") == name_key("Gulnar Kunakbayeva") == name_key("Гульнар Кунакбаева")
True
>>> surname_key("Н.Ә. Назарбаев") == name_key("Назарбаев")
True
>>> is_partial("Н.Ә. Назарбаев"), is_partial("Нұрсұлтан Назарбаев")
(True, False)
>>> plain_name("«Нұрлы жол» ")
'Нұрлы жол'
"""

from __future__ import annotations

import re

from kg.text.translit import latin

_FOLDS = (("kh", "h"), ("gh", "g"), ("zh", "j"), ("sh", "s"), ("ch", "c"), ("yu", "u"),
          ("ya", "a"), ("iy", "i"), ("y", "i"), ("q", "k"), ("ts", "c"), ("ss", "s"),
          ("ь", ""), ("'", ""))


def name_key(name: str) -> str:
    """A key that is equal for one personal name written in Kazakh, Russian or Latin script."""
    s = latin(name).lower()
    for src, dst in _FOLDS:
        s = s.replace(src, dst)
    s = re.sub(r"[^a-z ]", "", s)
    s = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", s)
    s = re.sub(r"([aeiou])\1+", r"\1", s)
    return " ".join(sorted(w.replace("o", "a").replace("u", "a") for w in s.split()))


def surname_key(name: str) -> str:
    """The :func:`name_key` of the last word of a name (its surname)."""
    words = [w for w in re.split(r"[\s.]+", name) if len(w) > 1]
    return name_key(words[-1]) if words else ""


def is_partial(name: str) -> bool:
    """A surname alone, or initials with a surname."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    return len(words) == 1 or all(w.endswith(".") or len(w) == 1 for w in words[:-1])


def plain_name(name: str) -> str:
    """A name without quotation marks, runs of spaces or edge punctuation."""
    return re.sub(r"\s+", " ", re.sub(r"[«»“”„\"]", "", name)).strip(" .,")
