"""Deterministic IRIs minted from stable keys (never counters or blank nodes).

An IRI is ``{base}{kind}/{key}``; keys are ASCII slugs of names transliterated
from Kazakh, Russian or English, or content hashes for documents and mentions.

>>> slug("Бақытжан Бұқарбай")
'baqytzhan-buqarbai'
>>> slug("L.N. Gumilyov Eurasian National University")
'l-n-gumilyov-eurasian-national-university'
>>> mint("person", "baqytzhan-buqarbai")
'https://w3id.org/kazkg/id/person/baqytzhan-buqarbai'
"""

from __future__ import annotations

import hashlib
import re

from unidecode import unidecode

DEFAULT_BASE = "https://w3id.org/kazkg/id/"
_KK_LATIN = str.maketrans({
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "Ә": "A", "Ғ": "Gh", "Қ": "Q", "Ң": "Ng", "Ө": "O", "Ұ": "U", "Ү": "U", "Һ": "H", "І": "I",
})
MAX_SLUG = 80


def latin(text: str) -> str:
    """Transliterate Kazakh/Russian to plain ASCII (Kazakh letters kept distinct).

    >>> latin("Қазақстан")
    'Qazaqstan'
    """
    return unidecode(text.translate(_KK_LATIN)).replace("'", "")


def slug(text: str) -> str:
    """A lowercase ASCII key; long ones are cut and suffixed with a short hash."""
    s = re.sub(r"[^a-z0-9]+", "-", latin(text).lower()).strip("-")
    if len(s) > MAX_SLUG:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        s = s[:MAX_SLUG].rstrip("-") + "-" + digest
    return s or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def mint(kind: str, key: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a ``kind`` of thing with ``key`` under ``base``."""
    if not base.endswith(("/", "#")):
        base += "/"
    return f"{base}{kind}/{key}"
