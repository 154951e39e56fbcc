"""Language identification for paragraphs: Kazakh, Russian or English.

Kazakh-specific letters are a strong signal; lingua (restricted to the three
languages) decides the Cyrillic paragraphs that have none of them.

>>> detect_language("Қазақстан Республикасының Конституциясы")
'kk'
>>> detect_language("The Constitution of the Republic of Kazakhstan")
'en'
"""

from __future__ import annotations

import re
from functools import lru_cache

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LATIN = re.compile(r"[a-zA-Z]")


@lru_cache(maxsize=1)
def _detector():  # pragma: no cover - trivial factory
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH
    ).build()


def detect_language(text: str, default: str = "kk") -> str:
    """Return ``kk``, ``ru`` or ``en`` for a paragraph (``default`` if it has no letters)."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == 0 and latin == 0:
        return default
    if latin > cyrillic:
        return "en"
    kazakh = sum(1 for ch in text if ch in KAZAKH_LETTERS)
    if kazakh / cyrillic >= 0.015 and kazakh >= 2:
        return "kk"
    if cyrillic < 12:
        return "kk" if kazakh else "ru"
    from lingua import Language

    guess = _detector().detect_language_of(text)
    return {Language.KAZAKH: "kk", Language.ENGLISH: "en"}.get(guess, "ru")
