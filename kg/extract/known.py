"""Is a mention's name one the catalogue, a gazetteer or the people list knows? Names read
where a thing is often written in another language than elsewhere (reference entries,
abstracts in other languages) are kept only then, so that one thing does not become two.

>>> from kg.model import Mention
>>> is_known(Mention("d", 0, 10, "Kazakhstan", "GPE", "en", "Kazakhstan"))
True
>>> is_known(Mention("d", 0, 20, "Ministry of Happiness", "ORG", "en", "Ministry of Happiness"))
False

A constitution, government or parliament («Конституции», "the Constitution") is known too:
resolution gives it its country from its words or its article, else drops it.

>>> is_known(Mention("d", 0, 11, "Конституции", "LAW", "ru", "Конституция"))
True
"""

from __future__ import annotations

from kg.lexicon.catalog import lookup_act, lookup_institution
from kg.lexicon.countries import lookup_country
from kg.lexicon.national import match_national
from kg.lexicon.people import lookup_person
from kg.lexicon.places import lookup_place
from kg.model import Mention

__all__ = ["is_known"]

#: The table that knows each label's names.
LOOKUPS = {"ORG": lambda name, lang: (lookup_institution(name, lang) or lookup_act(name, lang)
                                       or match_national(name, lang)),
           "LAW": lambda name, lang: lookup_act(name, lang) or match_national(name, lang),
           "PROGRAM": lookup_act,
           "GPE": lookup_country, "GPE_SUB": lookup_place,
           "PERSON": lambda name, lang: lookup_person(name)}


def is_known(m: Mention) -> bool:
    """True if a table knows the name ``m`` gives (its canonical form or its text); an
    institution-tagged acronym of a catalogued program ("TSA") counts, as resolution makes
    it the program."""
    lookup = LOOKUPS.get(m.label)
    return lookup is not None and any(lookup(name, m.lang) is not None
                                      for name in {m.canonical, m.text} if name)
