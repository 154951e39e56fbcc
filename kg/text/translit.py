"""Transliteration of Kazakh and Russian Cyrillic into plain ASCII Latin.

>>> latin("Қазақстан")
'Qazaqstan'
>>> latin("Бақытжан Бұқарбай")
'Baqytzhan Buqarbai'
"""

from __future__ import annotations

from unidecode import unidecode

_KK_LATIN = str.maketrans({
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
    "Ә": "A", "Ғ": "Gh", "Қ": "Q", "Ң": "Ng", "Ө": "O", "Ұ": "U", "Ү": "U", "Һ": "H", "І": "I",
})


def latin(text: str) -> str:
    """Transliterate Kazakh/Russian to plain ASCII (Kazakh letters kept distinct).

    >>> latin("Қазақстан")
    'Qazaqstan'
    """
    return unidecode(text.translate(_KK_LATIN)).replace("'", "")
