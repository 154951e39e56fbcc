"""One act written two ways: «Қазақстанның демографиялық даму тұжырымдамасы-2030» in a body
and «Қазақстан Республикасының 2030 жылға дейінгі демографиялық даму тұжырымдамасы» in a
reference list.

An uncatalogued law or program is keyed by its normalised name (:func:`.catalogued.named_key`),
so two wordings of one title make two nodes. :func:`title_key` reduces a title to what it says:
its words cut to a stem (a case ending or a plural does not count), a country written any way
one token, and the words that only frame a title dropped («Республикасының», «жылға дейінгі»,
«арналған», «до … года»); its years are kept apart, and a title with a year is another act
than the same title with another year (the 2030 and the 2050 strategies). Two titles are one
act when they say the same words with the same years.

>>> a = title_key("Қазақстанның демографиялық даму тұжырымдамасы-2030", "kk")
>>> b = title_key("Қазақстан Республикасының 2030 жылға дейінгі демографиялық даму тұжырымдамасы", "kk")
>>> a == b, sorted(a[0]), sorted(a[1])
(True, ['@kz', 'даму', 'демог', 'тұжыр'], ['2030'])
>>> title_key("Концепция демографического развития Казахстана до 2030 года", "ru") == title_key(
...     "Концепция демографического развития Казахстана до 2050 года", "ru")
False
>>> title_key("Мемлекеттік бағдарлама", "kk") is None  # too few words to say which act
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from kg.lexicon.countries import lookup_country

__all__ = ["MIN_WORDS", "TitleKey", "names_title", "title_key", "variant_groups"]

#: A title's words (stems, countries as ``@iso2``) and its years.
TitleKey = tuple[frozenset[str], frozenset[str]]

#: The fewest words (besides countries) a title needs before its wording may join another's.
MIN_WORDS = 3
_STEM = 5  # letters of a word compared: «тұжырымдамасы» / «тұжырымдама», «демографиялық»
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d{4}")
#: Stems of the words that frame a title in kk, ru and en and name nothing themselves.
_FRAME = frozenset(
    "респу жылға жылда жылғы дейін арнал және туралы года годы годов на до по и о об в "
    "repub for the of until to and on in year years".split())


def title_key(title: str, lang: str) -> TitleKey | None:
    """The words and years ``title`` says, or None when it has too few words to tell one act
    from another (``lang`` picks how a country name is read)."""
    words: set[str] = set()
    years: set[str] = set()
    for token in _WORD.findall(title):
        if token.isdigit():
            years.add(token)
            continue
        country = lookup_country(token, lang) if token[:1].isupper() else None
        if country is not None:
            words.add(f"@{country.iso2.lower()}")
            continue
        stem = token.casefold().replace("ё", "е")[:_STEM]
        if len(stem) > 1 and stem not in _FRAME:
            words.add(stem)
    if len([w for w in words if not w.startswith("@")]) < MIN_WORDS:
        return None
    return frozenset(words), frozenset(years)


def names_title(named: Iterable[tuple[str, str]]) -> TitleKey | None:
    """The title key of one thing written several ways (``(lang, name)`` pairs: its labels
    and printed forms): all must say the same words; the years are those any of them gives
    («… тұжырымдамасы» and «… тұжырымдамасы-2030»). None if the words disagree.

    >>> names_title([("kk", "Х демографиялық даму тұжырымдамасы"),
    ...              ("kk", "Х демографиялық даму тұжырымдамасы-2030")])[1]
    frozenset({'2030'})
    """
    titles = {t for lang, name in named if (t := title_key(name, lang)) is not None}
    if len({words for words, _ in titles}) != 1:
        return None
    return next(iter(titles))[0], frozenset(y for _, years in titles for y in years)


def variant_groups(names: Mapping[str, Iterable[tuple[str, str]]],
                   counts: Mapping[str, int]) -> list[tuple[str, tuple[str, ...]]]:
    """``(kept, others)`` for each group of keys whose names (``key -> (lang, name)``) give
    one :func:`names_title`; the key with more mentions stays (ties: the longer key, then the
    smaller). A key whose names say different words joins nothing.

    >>> variant_groups({"a": [("kk", "Х демографиялық даму тұжырымдамасы 2030")],
    ...                 "b": [("kk", "Х 2030 жылға дейінгі демографиялық даму тұжырымдамасы")],
    ...                 "c": [("kk", "Х 2050 жылға дейінгі демографиялық даму тұжырымдамасы")]},
    ...                {"a": 1, "b": 2})
    [('b', ('a',))]
    """
    by_title: dict[TitleKey, list[str]] = defaultdict(list)
    for key, named in sorted(names.items()):
        title = names_title(named)
        if title is not None:
            by_title[title].append(key)
    out = []
    for keys in by_title.values():
        if len(keys) > 1:
            kept, *others = sorted(keys, key=lambda k: (-counts.get(k, 0), -len(k), k))
            out.append((kept, tuple(sorted(others))))
    return sorted(out)
