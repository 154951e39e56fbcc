"""Numbered acts: a decree or resolution named by its issuer, its date and its number.

«Қазақстан Республикасы Үкіметінің 2021 жылғы 30 қарашадағы № 860 қаулысы», «Постановление
Правительства Республики Казахстан от 30 ноября 2021 года № 860», "Decree of the Government
of the Republic of Kazakhstan dated November 30, 2021 No. 860" and a reference list's
transliteration «Qazaqstan Respublikasy Ükimetiniñ … № 860 qaulysy» are one act: one country,
one issuer, one year, one number. :func:`act_number` reads these from a designation, in any of
the three languages or their Latin transliterations; the act's entity is keyed by them
(:attr:`ActNumber.key`), so the wording, the language and the inflection do not matter.
:func:`find_numbered_acts` finds designations in English, Kazakh, Russian and transliterated
text (the English extractor and the reference lists use it).

>>> act_number("Қазақстан Республикасы Үкіметінің 2021 жылғы 30 қарашадағы № 860 қаулысы")
ActNumber(country='kz', issuer='government', year='2021', number='860')
>>> act_number("Decree of the Government of the Republic of Kazakhstan dated November 30, 2021 No. 860").key
'kz-government-2021-no-860'
>>> act_number("Ukaz Prezidenta Respubliki Kazahstan ot 18 avgusta 2021 goda № 639").key
'kz-president-2021-no-639'
>>> act_number("Закон Республики Казахстан от 19 мая 2015 года № 314-V") is None  # a law has a title
True
>>> [text for _, _, text in find_numbered_acts("approved by the Resolution of the Government of "
...     "the Republic of Kazakhstan dated May 31, 2023 No. 426.")]
['Resolution of the Government of the Republic of Kazakhstan dated May 31, 2023 No. 426']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.lexicon.countries import lookup_country

__all__ = ["ActNumber", "act_number", "find_numbered_acts"]


@dataclass(frozen=True)
class ActNumber:
    """What identifies a numbered act: its country (ISO code), issuer, year and number."""

    country: str
    issuer: str
    year: str
    number: str

    @property
    def key(self) -> str:
        """The act's entity key: ``kz-government-2021-no-860``."""
        return f"{self.country}-{self.issuer}-{self.year}-no-{self.number}"

    def labels(self) -> dict[str, str]:
        """Its name in kk, ru and en, for Kazakhstan's acts (``{}`` for another country's).

        >>> ActNumber("kz", "president", "2021", "639").labels()["en"]
        'Decree of the President of the Republic of Kazakhstan No. 639 (2021)'
        """
        names = _LABELS.get((self.country, self.issuer), {})
        return {lang: name.format(year=self.year, number=self.number) for lang, name in names.items()}


#: (country, issuer) -> language -> the name of its numbered acts.
_LABELS: dict[tuple[str, str], dict[str, str]] = {
    ("kz", "government"): {
        "kk": "Қазақстан Республикасы Үкіметінің {year} жылғы № {number} қаулысы",
        "ru": "Постановление Правительства Республики Казахстан № {number} ({year})",
        "en": "Resolution of the Government of the Republic of Kazakhstan No. {number} ({year})"},
    ("kz", "president"): {
        "kk": "Қазақстан Республикасы Президентінің {year} жылғы № {number} Жарлығы",
        "ru": "Указ Президента Республики Казахстан № {number} ({year})",
        "en": "Decree of the President of the Republic of Kazakhstan No. {number} ({year})"},
}


#: Issuer -> the stems that name it, in kk, ru, en and their transliterations.
ISSUERS: dict[str, str] = {
    "government": r"үкімет|правительств|government|[üu]kimet|pravitel|cabinet\s+of\s+ministers"
                  r"|кабинет\w*\s+министр|kabinet\w*\s+ministr",
    "president": r"президент|president|prezident",
}
#: The words that make a designation a decree or resolution (not a law, which has a title).
_ACT = re.compile(
    r"(?i)қаулы|жарлы[ғқ]|постановлени|указ|распоряжени|decree|resolution|qauly|zharly|jarly"
    r"|postanovleni|ukaz\b|rasporjazheni|rasporyazheni")
_ISSUER = {name: re.compile(rf"(?i){stems}") for name, stems in ISSUERS.items()}
_NUMBER = re.compile(r"(?:№|\bNo\.?|\bN)\s*(\d{1,5})(?!\d|[.,]\d)")
_YEAR = re.compile(r"(?<!\d)(19[4-9]\d|20\d\d)(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")


def act_number(designation: str) -> ActNumber | None:
    """The country, issuer, year and number a decree's or resolution's designation gives, or
    None when it lacks one of them (or its issuer is neither a government nor a president)."""
    if not _ACT.search(designation):
        return None
    issuer = min(((found.start(), name) for name, rx in _ISSUER.items()
                  if (found := rx.search(designation))), default=None)
    number, year = _NUMBER.search(designation), _YEAR.search(designation)
    country = _country(designation)
    if issuer is None or number is None or year is None or country is None:
        return None
    return ActNumber(country, issuer[1], year.group(1), number.group(1))


def _country(text: str) -> str | None:
    for word in _WORD.findall(text):
        if not word[:1].isupper():
            continue
        found = lookup_country(word) or _latin_country(word)
        if found is not None:
            return found.iso2.lower()
    return None


def _latin_country(word: str):
    if not word.isascii():
        return None
    from kg.text.ru_latin import cyrillic_from_latin  # deferred: pymorphy3, for Latin words only

    cyrillic = cyrillic_from_latin(word)
    return lookup_country(cyrillic.capitalize(), "ru") if cyrillic else None


_OWNER = r"(?:the\s+)?(?:Republic\s+of\s+)?[A-Z][a-z]+"
_DATE_EN = (r"(?:dated\s+|of\s+)?(?:\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}"
            r"|\d{1,2}\.\d{1,2}\.\d{4})")
_NO = r"(?:No\.?|№|N)\s*\d{1,5}(?:-[A-ZА-Я]{1,4})?"
_KK_LOW = "а-яёәіңғүұқөһ"
_TRANSLIT_DATE = r"\d{4}\s+j[yı]l[gğ][yı]\s+\d{1,2}\s+[a-zäöüğşıñ]+"
#: Designations in English, Kazakh and Russian and in the Latin transliterations of the
#: last two (reference lists); Kazakhstan's acts only in Cyrillic.
_DESIGNATIONS = re.compile(
    rf"(?:[Dd]ecree|[Rr]esolution)\s+of\s+the\s+(?:[Gg]overnment|[Pp]resident|[Cc]abinet\s+of\s+[Mm]inisters)\s+of\s+"
    rf"{_OWNER}(?:,?\s+{_DATE_EN},?\s+{_NO}|,?\s+{_NO},?\s+{_DATE_EN})"
    rf"|[QK]azaqstan\s+Respublikasy(?:ny[ñn])?\s+(?:[ÜU]kimetini[ñn]|Prezidentini[ñn])\s+"
    rf"{_TRANSLIT_DATE}\s+{_NO}\s+(?:[Qq]aulys[yı]\w*|[Zz]harlyg[yı]\w*|[Jj]arly[gğ][yı]\w*)"
    rf"|(?:Ukaz|Postanovlenie)\s+(?:Prezidenta|Pravitel['’ʹ]?stva)\s+Respubliki\s+Kaza[kh]{{1,2}}stan"
    rf"\s+ot\s+\d{{1,2}}\s+[a-z]+\s+\d{{4}}\s+(?:g\.|goda)\s+{_NO}"
    rf"|(?:Қазақстан\s+Республикасы(?:ның)?\s+|ҚР\s+)(?:Үкіметінің|Президентінің)\s+\d{{4}}\s+"
    rf"жылғы\s+\d{{1,2}}\s+[{_KK_LOW}]+\s+{_NO}\s+(?:[Ққ]аулы|[Жж]арлы[ғқ])[{_KK_LOW}]*"
    rf"|(?:Постановлени[еяю]м?|Указ(?:ом|а)?)\s+(?:Правительства|Президента)\s+(?:Республики\s+"
    rf"Казахстан|РК)\s+от\s+\d{{1,2}}\s+[а-я]+\s+\d{{4}}\s+(?:г\.|года)\s+{_NO}")


def find_numbered_acts(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, designation)`` of the numbered decrees and resolutions in ``text`` that
    :func:`act_number` reads."""
    for m in _DESIGNATIONS.finditer(text):
        if act_number(m.group()) is not None:
            yield m.start(), m.end(), m.group()
