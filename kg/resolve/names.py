"""Cleaning names for labels and keys.

>>> plain_name("«Нұрлы жол» ")
'Нұрлы жол'
"""

from __future__ import annotations

import re
from collections import Counter

from kg.kinds import LANGS
from kg.lexicon.countries import lookup_country
from kg.text.kk_morph import normalize_kk, strip_possessive
from kg.text.names import parse_name, says_more_than_surname


def plain_name(name: str) -> str:
    """A name without quotation marks, runs of spaces or edge punctuation."""
    return re.sub(r"\s+", " ", re.sub(r"[«»“”„\"]", "", name)).strip(" .,")


def nominative_name(name: str, lang: str) -> str:
    """A name for a label: :func:`plain_name`, and a Kazakh name without its case ending.

    >>> nominative_name("ҚХР Мемлекеттік Кеңестің", "kk"), nominative_name("Twitter-дегі", "kk")
    ('ҚХР Мемлекеттік Кеңес', 'Twitter')
    """
    clean = plain_name(name)
    return normalize_kk(clean) if lang == "kk" else clean


#: Kazakh head nouns written two ways for one kind of body (lower case, nominative stem).
HEAD_SYNONYMS = {"теледидар": "телеарна"}
_LOCATIVE_ADJ = re.compile(r"(?:да|де|та|те|нда|нде)(?:ғы|гі)$")


def institution_form(name: str, lang: str) -> str:
    """The normal form that keys an institution the catalogue does not know.

    Country names take one spelling (ҚХР, Қытай Халық Республикасы, Қытайдың -> Қытай), and a
    Kazakh head word drops its case and possessive endings, so the forms of one name meet:

    >>> institution_form("ҚХР Мемлекеттік Кеңестің", "kk").lower()
    'қытай мемлекеттік кеңес'
    >>> institution_form("Қытай Халық Республикасы Мемлекеттік кеңесі", "kk")
    'Қытай Мемлекеттік кеңес'
    >>> institution_form("ҚХР-дағы Қазақстан Республикасының елшілігі", "kk")
    'Қазақстан Қытайдағы елшілік'

    Country words take one order (the embassy of Kazakhstan in China is written both
    «ҚР-ның ҚХР-дағы елшілігі» and «ҚХР-дағы ҚР елшілігі»), and a few Kazakh heads have one
    spelling (:data:`HEAD_SYNONYMS`: «Шыңжаң теледидары» is «Шыңжаң телеарнасы»).
    """
    words = name.split()
    out: list[str] = []
    countries: list[int] = []
    i = 0
    while i < len(words):
        for n in range(min(3, len(words) - i), 0, -1):
            piece = " ".join(words[i:i + n])
            country = lookup_country(piece, lang) if piece[:1].isupper() else None
            if country is not None and country.names.get(lang):
                suffix = "дағы" if _LOCATIVE_ADJ.search(words[i + n - 1]) else ""
                countries.append(len(out))
                out.append(country.names[lang] + suffix)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    for place, country_word in zip(countries, sorted(out[j] for j in countries), strict=True):
        out[place] = country_word
    if lang == "kk" and out and out[-1] == words[-1]:
        head = normalize_kk(out[-1])
        head = strip_possessive(head) or head
        out[-1] = HEAD_SYNONYMS.get(head.lower(), head)
    return " ".join(out)


def fuller_person_label(labels: dict[str, str],
                        aliases: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """A person's labels, with one that says more than a surname when only an alias does.

    A person met as «Браун» in the text and as "Braun V." in a reference entry is labelled
    "Braun V." in that entry's language (replacing a bare surname there), so every display that
    prefers a fuller name (:func:`kg.text.names.shown_name`) finds one.

    >>> fuller_person_label({"kk": "Браун"}, (("en", "Braun V."),))
    {'kk': 'Браун', 'en': 'Braun V.'}
    >>> fuller_person_label({"kk": "Ханна Арендт"}, (("en", "Arendt H."),))
    {'kk': 'Ханна Арендт'}
    """
    if any(says_more_than_surname(label) for label in labels.values()):
        return labels
    order = {lang: i for i, lang in enumerate(LANGS)}
    fuller = sorted((order.get(lang, len(order)), lang, name) for lang, name in aliases
                    if lang and says_more_than_surname(name))
    if not fuller:
        return labels
    _, lang, name = fuller[0]
    return {**labels, lang: name}


def usual_person_label(label: str, forms: list[str]) -> str:
    """A person's label in one language, spelt as most of the person's full names are: the
    surname most forms write, if the label's is not among the commonest («Нұргиса Кушерова»
    in one article header, «Нұргиса Кушеров» twice in the tables of contents).

    >>> usual_person_label("Нұргиса Кушерова", ["Нұргиса Кушерова", "Нұргиса Кушеров", "Нұрғиса Кушеров"])
    'Нұргиса Кушеров'
    >>> usual_person_label("Nurgisa Kuserov", ["Nurgisa Kuserov", "Nurgisa Kusherov"])
    'Nurgisa Kuserov'
    """
    full = [(f, parse_name(f)) for f in forms]
    full = [(f, p) for f, p in full if p.given and p.surname]
    counts = Counter(p.surname for _, p in full)
    own = parse_name(label)
    best = max(counts.values(), default=0)
    if counts[own.surname] == best:
        return label
    usual = [(f, p) for f, p in full if counts[p.surname] == best]
    return next((f for f, p in usual if p.given == own.given), min(f for f, _ in usual))
