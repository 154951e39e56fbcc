"""Personal names across scripts: a phonetic key, and the parts of a name (initials, given, surname).

One person is written «Қасым-Жомарт Тоқаев», «Касым-Жомарт Токаев», «Kassym-Jomart Tokayev»,
«Қ.К. Тоқаев», «Tokayev K.»; these functions make such forms comparable.

>>> name_key("Гүлнар Қонақбаева") == name_key("Gulnar Kunakbayeva") == name_key("Гульнар Кунакбаева")
True
>>> p = parse_name("Н.Ә. Назарбаев")
>>> p.initials, p.given, p.surname
(('Н', 'Ә'), (), 'Назарбаев')
>>> parse_name("Нұрсұлтан Әбішұлы Назарбаев").given, parse_name("Нұрсұлтан Әбішұлы Назарбаев").patronymic
(('Нұрсұлтан',), 'Әбішұлы')
>>> parse_name("Tokayev K.").surname
'Tokayev'
>>> compatible(parse_name("Қ. Тоқаев"), parse_name("Kassym-Jomart Tokayev"))
True
>>> compatible(parse_name("Д. Назарбаева"), parse_name("Нұрсұлтан Назарбаев"))
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.text.translit import latin

_WORD = re.compile(r"[^\W\d_]+")
#: Words an acronym skips: «Конференция ООН по торговле и развитию» is КОТР.
FUNCTION_WORDS = frozenset(
    "of the and for on in at to by a an и в по для при на с о об және мен бен пен жөніндегі "
    "туралы үшін".split())


def initials(name: str) -> str:
    """The first letters of a name's words, function words skipped, in capitals.

    >>> initials("Конференция ООН по торговле и развитию"), initials("атаулы әлеуметтік көмек")
    ('КОТР', 'АӘК')
    """
    return "".join(w[0].upper() for w in _WORD.findall(name)
                   if w.lower() not in FUNCTION_WORDS)


_JOINED_INITIALS = re.compile(r"^((?:[^\W\d_]\.)+)(?=[^\W\d_]{2})")


def spaced_initials(name: str) -> str:
    """A name as a label: initials written against the surname get their space.

    >>> spaced_initials("О.В.Сивицева"), spaced_initials("К.Султанов"), spaced_initials("Sivintseva, O.V.")
    ('О.В. Сивицева', 'К. Султанов', 'Sivintseva, O.V.')
    """
    return _JOINED_INITIALS.sub(r"\1 ", name)


def shown_name(labels: dict[str, str], order: tuple[str, ...]) -> str | None:
    """The label to show for a person: the first in ``order`` that says more than a surname
    (a given name or initials), else the first; ``None`` if there is none.

    >>> shown_name({"kk": "Браун", "en": "Braun V."}, ("kk", "ru", "en"))
    'Braun V.'
    >>> shown_name({"kk": "Ханна Арендт", "en": "Hannah Arendt"}, ("kk", "ru", "en"))
    'Ханна Арендт'
    """
    present = [labels[lang] for lang in order if labels.get(lang)]
    return next((n for n in present if says_more_than_surname(n)), present[0] if present else None)


def says_more_than_surname(name: str) -> bool:
    """Does ``name`` hold a given name or initials besides one word?

    >>> says_more_than_surname("Braun V."), says_more_than_surname("О.В.Сивицева"), says_more_than_surname("Браун")
    (True, True, False)
    """
    return len(name.replace(".", ". ").split()) > 1


_FOLDS = (("kh", "h"), ("gh", "g"), ("dzh", "j"), ("zh", "j"), ("sh", "s"), ("ch", "c"),
          ("yu", "u"), ("ya", "a"), ("iy", "i"), ("y", "i"), ("q", "k"), ("ts", "c"), ("ss", "s"),
          ("ь", ""), ("'", ""))
_PATRONYMIC = re.compile(
    r"(?:ұлы|улы|ули|қызы|кызы|ович|евич|овна|евна|ична|uly|ovich|evich|ovna|evna|kyzy|qyzy)$",
    re.IGNORECASE)
# A name ending like a patronymic is a surname when it is the only other word («Нәбижан
# Мұқаметханұлы», «Лев Манович»), a patronymic between a given name and a surname.
_INITIAL = re.compile(r"^[^\W\d_](?:[^\W\d_])?\.$|^[^\W\d_]$")
# Feminine or genitive surname endings that fold to the masculine form (-ова -> -ов).
_FEMININE = re.compile(r"(?<=[ое]в|ин|ev|ov|in)[аa]$", re.IGNORECASE)
# A Russian genitive of a surname in -й after a vowel (Най -> «Дж. Ная», Гайдай -> Гайдая).
_GENITIVE_J = re.compile(r"(?<=[аеоуэ])я$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # names recur: resolution folds the same words again and again
def fold(word: str) -> str:
    """The phonetic fold of one word: Latin letters, digraphs and vowels collapsed.

    >>> fold("Тоқаев") == fold("Tokayev") == fold("Токаев"), fold("Yerlan") == fold("Ерлан")
    (True, True)
    >>> fold("William") == fold("Уильям")
    True
    """
    s = re.sub(r"^ye", "e", latin(word).lower())  # Yerlan is Ерлан
    for src, dst in _FOLDS:
        s = s.replace(src, dst)
    s = re.sub(r"[^a-z]", "", s.replace("w", "u"))  # William is Уильям
    s = re.sub(r"([b-df-hj-np-tv-z])\1+", r"\1", s)  # Fierman, Уильям: doubled consonants as one
    s = re.sub(r"(?<=[aeiou])i(?=[aeiou])", "", s)
    s = re.sub(r"([aeiou])\1+", r"\1", s)
    return s.replace("o", "a").replace("u", "a")


def name_key(name: str) -> str:
    """A key that is equal for one personal name written in Kazakh, Russian or Latin script.

    The words are folded and sorted, so the order (surname first or last) does not matter.
    """
    return " ".join(sorted(fold(w) for w in re.split(r"[\s.]+", name) if fold(w)))


@dataclass(frozen=True)
class PersonName:
    """A personal name split into its parts (any of which may be empty)."""

    given: tuple[str, ...]
    initials: tuple[str, ...]
    patronymic: str
    surname: str

    @property
    def full(self) -> bool:
        """A given name and a surname."""
        return bool(self.given and self.surname)

    @property
    def first_letters(self) -> tuple[str, ...]:
        """The first letters of the folded given names, then of the initials after them
        ("John P. Burns" is J. P.): a letter two scripts write as two (Дж/J, Zh/Ж, Kh/Х, Ye/Е)
        is one.

        >>> parse_name("Дж. Най").first_letters == parse_name("Joseph Nye").first_letters
        True
        >>> parse_name("Yerlan Karin").first_letters == parse_name("Ерлан Қарин").first_letters
        True
        >>> parse_name("Джон П. Бернс").first_letters == parse_name("Burns J.P.").first_letters
        True
        """
        return tuple(fold(x)[:1] for x in (*self.given, *self.initials) if fold(x))

    def surname_key(self, feminine_fold: bool = False) -> str:
        """The folded surname (``feminine_fold``: -ова/-ева/-ина read as -ов/-ев/-ин, and a
        Russian genitive -ая/-ея as -ай/-ей).

        >>> parse_name("Дж. Ная").surname_key(True) == parse_name("Джозеф Най").surname_key()
        True
        """
        surname = (_GENITIVE_J.sub("й", _FEMININE.sub("", self.surname)) if feminine_fold
                   else self.surname)
        return fold(surname)


def parse_name(name: str) -> PersonName:
    """Split a personal name into given names, initials, patronymic and surname.

    Initials may come before (``Н.Ә. Назарбаев``) or after (``Tokayev K.``) the surname, and
    a double given name gives hyphenated ones (``Токаев К.-Ж.``):

    >>> parse_name("Токаев К.-Ж.").initials, parse_name("Tokayev, K.-J.").surname
    (('К', 'Ж'), 'Tokayev')
    >>> parse_name("Нәбижан Мұқаметханұлы").surname, parse_name("Руслан Жеңісұлы Омаров").patronymic
    ('Мұқаметханұлы', 'Жеңісұлы')

    A word shaped like a patronymic is one only between a given name and a surname; beside a
    given name alone it is the surname (-ұлы, and -ович/-евич: «Лев Манович»):

    >>> parse_name("Лев Манович").surname, parse_name("Лев Николаевич Толстой").patronymic
    ('Манович', 'Николаевич')
    """
    spaced = re.sub(r"\.(?=\S)", ". ", re.sub(r"\.-(?=\w)", ". ", name.strip()))
    words = [w for w in spaced.split() if w.strip(".,")]
    initials = tuple(w.rstrip(".") for w in words if _INITIAL.match(w))
    rest = [w.strip(",") for w in words if not _INITIAL.match(w)]
    patronymic = next((w for w in rest[1:] if _PATRONYMIC.search(w) and len(rest) > 2), "")
    rest = [w for w in rest if w != patronymic]
    if not rest:
        return PersonName((), initials, patronymic, "")
    if initials and words and _INITIAL.match(words[-1]) and not _INITIAL.match(words[0]):
        surname, given = rest[0], tuple(rest[1:])  # "Tokayev K." / "Kasymova V.M."
    else:
        surname, given = rest[-1], tuple(rest[:-1])
    return PersonName(given, initials, patronymic, surname)


def compatible(a: PersonName, b: PersonName) -> bool:
    """Could ``a`` and ``b`` name the same person: same surname, agreeing initials or given names.

    A surname in a feminine or genitive form (-ова, -ева) matches the masculine one only when
    initials or given names agree.
    """
    if not a.surname or not b.surname:
        return False
    same = a.surname_key() == b.surname_key()
    if not same and a.surname_key(True) != b.surname_key(True):
        return False
    la, lb = a.first_letters, b.first_letters
    if not la or not lb:
        return same
    n = min(len(la), len(lb))
    if la[:n] != lb[:n]:
        return False
    if a.given and b.given:
        return fold(a.given[0]) == fold(b.given[0])
    return True
