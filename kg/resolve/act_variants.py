"""One act written two ways: «Қазақстанның демографиялық даму тұжырымдамасы-2030» in a body
and «Қазақстан Республикасының 2030 жылға дейінгі демографиялық даму тұжырымдамасы» in a
reference list.

An uncatalogued law or program is keyed by its normalised name (:func:`.catalogued.named_key`),
so two wordings of one title make two nodes. :func:`title_key` reduces a title to what it says:
its words cut to a stem (a case ending or a plural does not count), the words that only frame
a title dropped («Республикасының», «жылға дейінгі», «арналған», «бекіту туралы», «до … года»),
and apart from them its countries (written any way) and its years. Two titles are one act when
they say the same words and their countries and years agree: the same, or one title does not
say them (a body's «Отбасылық және гендерлік саясат тұжырымдамасы» and the entry's «Қазақстан
Республикасындағы 2030 жылға дейінгі отбасылық және гендерлік саясат бекіту туралы
тұжырымдамасы»). A title with one year is another act than the same title with another year
(the 2030 and the 2050 strategies), and a title that says neither joins only when all the
titles it could join agree with each other.

>>> a = title_key("Қазақстанның демографиялық даму тұжырымдамасы-2030", "kk")
>>> b = title_key("Қазақстан Республикасының 2030 жылға дейінгі демографиялық даму тұжырымдамасы", "kk")
>>> a == b, sorted(a.words), sorted(a.countries), sorted(a.years)
(True, ['даму', 'демог', 'тұжыр'], ['kz'], ['2030'])
>>> title_key("Концепция демографического развития Казахстана до 2030 года", "ru").agrees(
...     title_key("Концепция демографического развития Казахстана до 2050 года", "ru"))
False
>>> title_key("Мемлекеттік бағдарлама", "kk") is None  # too few words to say which act
True
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from kg.lexicon.countries import lookup_country

__all__ = ["MIN_WORDS", "Title", "agreeing", "names_title", "title_key", "variant_groups"]

#: The fewest words (besides countries and years) a title needs to tell one act from another.
MIN_WORDS = 3
_STEM = 5  # letters of a word compared: «тұжырымдамасы» / «тұжырымдама», «демографиялық»
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d{4}")
#: Stems of the words that frame a title in kk, ru and en and name nothing themselves.
_FRAME = frozenset(
    "респу жылға жылда жылғы дейін арнал және турал бекіт года годы годов на до по и о об в "
    "утвер repub for the of until to and on in year years appro".split())


@dataclass(frozen=True)
class Title:
    """What a title says: its word stems, the countries it names (ISO codes), its years."""

    words: frozenset[str]
    countries: frozenset[str]
    years: frozenset[str]

    def agrees(self, other: Title) -> bool:
        """The same words, and countries and years the same or left unsaid by one of them."""
        return self.words == other.words and all(
            not a or not b or a == b
            for a, b in ((self.countries, other.countries), (self.years, other.years)))


def title_key(title: str, lang: str) -> Title | None:
    """What ``title`` says, or None when it has too few words to tell one act from another
    (``lang`` picks how a country name is read)."""
    words: set[str] = set()
    countries: set[str] = set()
    years: set[str] = set()
    for token in _WORD.findall(title):
        if token.isdigit():
            years.add(token)
            continue
        country = lookup_country(token, lang) if token[:1].isupper() else None
        if country is not None:
            countries.add(country.iso2.lower())
            continue
        stem = token.casefold().replace("ё", "е")[:_STEM]
        if len(stem) > 1 and stem not in _FRAME:
            words.add(stem)
    if len(words) < MIN_WORDS:
        return None
    return Title(frozenset(words), frozenset(countries), frozenset(years))


def names_title(named: Iterable[tuple[str, str]]) -> Title | None:
    """The title of one thing written several ways (``(lang, name)`` pairs: its labels and
    printed forms): all must say the same words; the countries and years are those any of
    them gives («… тұжырымдамасы» and «… тұжырымдамасы-2030»). None if the words disagree.

    >>> sorted(names_title([("kk", "Х демографиялық даму тұжырымдамасы"),
    ...                     ("kk", "Х демографиялық даму тұжырымдамасы-2030")]).years)
    ['2030']
    """
    titles = {t for lang, name in named if (t := title_key(name, lang)) is not None}
    if len({t.words for t in titles}) != 1:
        return None
    return Title(next(iter(titles)).words, frozenset(c for t in titles for c in t.countries),
                 frozenset(y for t in titles for y in t.years))


def variant_groups(names: Mapping[str, Iterable[tuple[str, str]]],
                   counts: Mapping[str, int]) -> list[tuple[str, tuple[str, ...]]]:
    """``(kept, others)`` for each group of keys (``key -> (lang, name)`` pairs) whose titles
    say the same words and all agree with each other (:meth:`Title.agrees`); the key with more
    mentions stays (ties: the longer key, then the smaller). Of titles that do not all agree
    (one without a year beside the 2030 and the 2050 one), only equal ones join.

    >>> variant_groups({"a": [("kk", "Х демографиялық даму тұжырымдамасы")],
    ...                 "b": [("kk", "Х 2030 жылға дейінгі демографиялық даму тұжырымдамасы")],
    ...                 "c": [("kk", "Х 2050 жылға дейінгі демографиялық даму тұжырымдамасы")]},
    ...                {"a": 1, "b": 2})
    []
    >>> variant_groups({"a": [("kk", "Х демографиялық даму тұжырымдамасы")],
    ...                 "b": [("kk", "Х 2030 жылға дейінгі демографиялық даму тұжырымдамасы")]},
    ...                {"a": 1, "b": 2})
    [('b', ('a',))]
    """
    by_words: dict[frozenset[str], dict[str, Title]] = defaultdict(dict)
    for key, named in sorted(names.items()):
        title = names_title(named)
        if title is not None:
            by_words[title.words][key] = title
    groups: list[list[str]] = []
    for titles in by_words.values():
        keys = sorted(titles)
        if all(titles[a].agrees(titles[b]) for a in keys for b in keys):
            groups.append(keys)
            continue
        same: dict[Title, list[str]] = defaultdict(list)
        for key in keys:
            same[titles[key]].append(key)
        groups += same.values()
    out = []
    for keys in groups:
        if len(keys) > 1:
            kept, *others = sorted(keys, key=lambda k: (-counts.get(k, 0), -len(k), k))
            out.append((kept, tuple(sorted(others))))
    return sorted(out)


K = TypeVar("K", str, tuple[str, str])


def agreeing(title: Title, titles: Mapping[K, Title]) -> K | None:
    """The key of ``titles`` whose title agrees with ``title``, else None; of several, the
    smallest if they all agree with each other (:func:`variant_groups` will join them).

    >>> t = title_key("Х демографиялық даму тұжырымдамасы", "kk")
    >>> agreeing(t, {"a": title_key("Х 2030 жылға дейінгі демографиялық даму тұжырымдамасы", "kk")})
    'a'
    """
    found = [key for key, other in sorted(titles.items()) if title.agrees(other)]
    if found and all(titles[a].agrees(titles[b]) for a in found for b in found):
        return found[0]
    return None
