"""An institute's name without the owners an affiliation prints with it.

Kazakh research institutes belong to a ministry's science committee, and affiliations say so
around the name, in acronyms or in full: «ҚР БҒМ ҒК Мемлекет тарихы институты»,
«Институт истории государства КН МОН РК», "Institute of State History of the KN of the
Ministry of Education and Science of the Republic of Kazakhstan". The catalogue knows the
institute by its own name, so its lookup tries the name with the owners cut
(:func:`without_owners`); the lookup still has to find the rest in the catalogue.

>>> without_owners("ҚР БҒМ ҒК Мемлекет тарихы институты")
'Мемлекет тарихы институты'
>>> without_owners("Институт истории государства КН МОН РК")
'Институт истории государства'
>>> without_owners("Institute of State History of the KN of the Ministry of Education and Science of the Republic of Kazakhstan")
'Institute of State History'
>>> without_owners("Институт философии Комитета науки Министерства науки и высшего образования РК")
'Институт философии'
>>> without_owners("Ministry of Education and Science of the Republic of Kazakhstan") is None
True
"""

from __future__ import annotations

import re

from kg.text.lang import CAPITALS

__all__ = ["without_owners"]

#: Two or more acronyms before the name («ҚР БҒМ ҒК …») or after it («… КН МОН РК»).
_LEADING = re.compile(rf"^(?:[{CAPITALS}]{{2,6}}\s+){{2,}}(?=[{CAPITALS}][^\W\d_]*[a-zа-яёәғқңөұүһі])")
_TRAILING = re.compile(rf"(?:\s+[{CAPITALS}]{{2,6}}){{2,}}$")
#: An owner chain spelt out after the name, down to a ministry.
_SPELT = re.compile(
    r"\s+(?:of\s+the\s+(?:[A-Z]{2,4}|Science\s+Committee|Committee\s+(?:of|for)\s+Science)"
    r"\s+(?:of\s+the\s+)?Ministry\b|Комитета\s+науки\s+Министерства\b).*$", re.IGNORECASE)


#: Kazakhstan's President as the owner of a body, before or after its name («ҚР Президенті
#: жанындағы ҚСЗИ», "KazISS under President of Kazakhstan", «КИСИ при Президенте РК»).
_PRESIDENT = re.compile(
    r"^(?:ҚР|Қазақстан\s+Республикасы(?:ның)?)\s+Президент(?:і|інің)\s+жанындағы\s+"
    r"|\s+under\s+(?:the\s+)?President\s+of\s+(?:the\s+Republic\s+of\s+)?Kazakhstan$"
    r"|\s+при\s+Президенте\s+(?:РК|Республики\s+Казахстан)$")


def without_owners(name: str) -> str | None:
    """``name`` without the owner acronyms or the spelt-out owner chain around it, or None
    when it has none (or nothing is left); a body of the President may be left as its acronym.

    >>> without_owners("KazISS under President of Kazakhstan"), without_owners("ҚР Президенті жанындағы ҚСЗИ-дің")
    ('KazISS', 'ҚСЗИ-дің')
    """
    plain = name.strip()
    bare = _PRESIDENT.sub("", plain)
    if bare != plain and " " not in bare and sum(ch.isupper() for ch in bare) >= 2:
        return bare
    cut = _SPELT.sub("", _TRAILING.sub("", _LEADING.sub("", plain)))
    return cut if cut != plain and len(cut.split()) >= 2 else None
