"""Cleaning names for labels and keys.

>>> plain_name("«Нұрлы жол» ")
'Нұрлы жол'
"""

from __future__ import annotations

import re


def plain_name(name: str) -> str:
    """A name without quotation marks, runs of spaces or edge punctuation."""
    return re.sub(r"\s+", " ", re.sub(r"[«»“”„\"]", "", name)).strip(" .,")
