"""Russian written in Latin letters, back in Cyrillic: a reference list gives each Russian
entry twice, as printed and transliterated ("Moscow: Nauka", "Innovacionnogo Evrazijskogo
universiteta"), and both must name one publisher or university.

The common schemes (GOST 7.79, BGN/PCGN, Library of Congress, the journals' own) are read
together: ``shch``/``sch`` щ, ``zh`` ж, ``kh`` х, ``ts``/``c`` ц, ``ch`` ч, ``sh`` ш, ``yu``/``ju``/``iu``
ю, ``ya``/``ja``/``ia`` я, ``j`` й, ``'`` ь, and ``y`` ы or й by its place. A name is taken back only if
every word becomes a word pymorphy3 knows, so English names stay English.

>>> cyrillic_from_latin("Innovacionnogo Evrazijskogo universiteta")
'инновационного евразийского университета'
>>> cyrillic_from_latin("Tomskogo gosudarstvennogo universiteta"), cyrillic_from_latin("Nauka")
('томского государственного университета', 'наука')
>>> cyrillic_from_latin("Free Press") is None, cyrillic_from_latin("Verso") is None
(True, True)

:func:`russian_name` is stricter (a Russian ending must show) and gives the name in the
nominative, as the Cyrillic entry would be keyed:

>>> russian_name("Innovacionnogo Evrazijskogo universiteta")
'Инновационный Евразийский университет'
>>> russian_name("Kazakhskogo natsional'nogo universiteta imeni al'-Farabi")
'Казахский национальный университет имени аль-Фараби'
>>> russian_name("Polity Press") is None, russian_name("Nauka") is None
(True, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["cyrillic_from_latin", "russian_name"]

#: Latin letter groups -> their Cyrillic readings, longest group first (tried in this order).
_GROUPS = (
    ("shch", ("щ",)), ("sch", ("щ",)), ("zh", ("ж",)), ("kh", ("х",)), ("ts", ("ц", "тс")),
    ("tc", ("ц",)), ("ch", ("ч",)), ("sh", ("ш",)), ("yu", ("ю",)), ("ju", ("ю",)),
    ("iu", ("ию", "ю")), ("ya", ("я",)), ("ja", ("я",)), ("ia", ("ия", "я")), ("yo", ("ё",)),
    ("jo", ("ё",)), ("yi", ("ый", "ий")), ("yj", ("ый", "ий")), ("iy", ("ий",)), ("ij", ("ий",)),
    ("ii", ("ии", "ий")), ("ie", ("ие", "ье")), ("a", ("а",)), ("b", ("б",)), ("v", ("в",)),
    ("w", ("в",)), ("g", ("г",)), ("d", ("д",)), ("e", ("е", "э")), ("z", ("з",)), ("i", ("и",)),
    ("j", ("й",)), ("k", ("к",)), ("l", ("л",)), ("m", ("м",)), ("n", ("н",)), ("o", ("о",)),
    ("p", ("п",)), ("r", ("р",)), ("s", ("с",)), ("t", ("т",)), ("u", ("у",)), ("f", ("ф",)),
    ("h", ("х",)), ("c", ("ц", "к")), ("y", ("ы", "й")), ("x", ("кс",)), ("'", ("ь",)),
    ("’", ("ь",)), ("ʹ", ("ь",)),
)
_MAX_READINGS = 64
_WORD = re.compile(r"[A-Za-z'’ʹ]+")
_LATIN_NAME = re.compile(r"[A-Za-z'’ʹ\s-]+")


def _readings(latin: str) -> list[str]:
    """The Cyrillic readings of one Latin word (several where the schemes disagree).

    >>> _readings("Rossii")
    ['россии', 'россий']
    """
    low = latin.lower()
    out, i = [""], 0
    while i < len(low):
        for src, dsts in _GROUPS:
            if low.startswith(src, i):
                out = [o + d for o in out for d in dsts][:_MAX_READINGS]
                i += len(src)
                break
        else:
            return []
    return out


@lru_cache(maxsize=4096)
def cyrillic_from_latin(name: str, proper_names: bool = False) -> str | None:
    """``name`` in Cyrillic (lower case) if it reads as Russian words, else None; with
    ``proper_names``, capitalised words the dictionary lacks are allowed when two words are
    known ("imeni al'-Farabi")."""
    if not _LATIN_NAME.fullmatch(name):
        return None
    from kg.text.ru_morph import is_known_ru  # deferred: loads pymorphy3

    out, known = [], 0
    for latin in _WORD.findall(name):
        readings = _readings(latin)
        reading = next((r for r in readings if is_known_ru(r)), None)
        known += reading is not None
        if reading is None and proper_names and latin[:1].isupper() and readings:
            reading = readings[0]
        if reading is None:
            return None
        out.append(reading)
    return " ".join(out) if out and (known == len(out) or known >= 2) else None


#: Endings only a Russian word shows in Latin letters (an adjective's or an abstract noun's).
_RUSSIAN_ENDING = re.compile(
    r"(?:ogo|ego|skii|skiy|skij|skaya|skaia|skoe|nyi|nyy|nyj|aya|aia|noe|stva|stvo|ii|iia|iya|"
    r"tsiya|tsiia|ciya|ykh|ikh)$", re.IGNORECASE)


def russian_name(latin: str) -> str | None:
    """A transliterated Russian name in Cyrillic and the nominative, capitals kept; None if
    ``latin`` does not read as Russian or shows no Russian ending."""
    if not any(_RUSSIAN_ENDING.search(w) for w in _WORD.findall(latin)):
        return None
    cyrillic = cyrillic_from_latin(latin, proper_names=True)
    if cyrillic is None:
        return None
    from kg.text.ru_morph import normalize_ru  # deferred: loads pymorphy3

    readings = iter(cyrillic.split())

    def cyrillic_word(m: re.Match[str]) -> str:
        word = next(readings)
        return word[:1].upper() + word[1:] if m.group()[:1].isupper() else word

    return normalize_ru(_WORD.sub(cyrillic_word, latin), "ORG")
