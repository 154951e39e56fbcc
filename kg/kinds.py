"""The one table of entity kinds and the one table of languages; everything else reads them.

Adding a kind is the ontology class, one :class:`Kind` row here and the extractor rules that
give its contract label; adding a language is one :class:`Language` row here, one extractor
package and one line of :data:`kg.extract.EXTRACTORS`.

>>> by_label("ORG").key
'institution'
>>> kind("law").ontology_class
'Law'
>>> LANGS
('kk', 'ru', 'en')
>>> [k.key for k in KINDS if k.comention]
['person', 'institution', 'country', 'law', 'program']
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The kazkg ontology's namespace (classes and properties).
ONTOLOGY = "https://w3id.org/kazkg/ontology#"
SCHEMA = "http://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class Kind:
    """One kind of entity.

    ``key`` names it in IRIs (``…/id/person/…``), reports and pages; ``label`` is its
    ``kg extract`` contract label (``None``: not found in running text); ``ontology_class``
    is its class in our ontology and ``aligned`` the full IRIs of the classes it is also
    typed with; ``colour`` its node colour in network pages; ``names`` what it is called in
    kk/ru/en; ``comention`` whether it is a node kind of the co-mention network.
    """

    key: str
    label: str | None
    ontology_class: str
    aligned: tuple[str, ...]
    colour: str
    names: dict[str, str] = field(default_factory=dict)
    comention: bool = True

    @property
    def class_iri(self) -> str:
        """The full IRI of :attr:`ontology_class`."""
        return ONTOLOGY + self.ontology_class


KINDS: tuple[Kind, ...] = (
    Kind("person", "PERSON", "Person", (SCHEMA + "Person",), "#4e79a7",
         {"kk": "Тұлға", "ru": "Персона", "en": "Person"}),
    Kind("institution", "ORG", "Institution", (SCHEMA + "Organization",), "#f28e2b",
         {"kk": "Ұйым", "ru": "Организация", "en": "Institution"}),
    Kind("country", "GPE", "Country", (SCHEMA + "Country",), "#59a14f",
         {"kk": "Ел", "ru": "Страна", "en": "Country"}),
    Kind("region", "GPE_SUB", "Region", (SCHEMA + "Place",), "#76b7b2",
         {"kk": "Өңір", "ru": "Регион", "en": "Region"}, comention=False),
    Kind("law", "LAW", "Law", (SCHEMA + "Legislation",), "#e15759",
         {"kk": "Заң", "ru": "Закон", "en": "Law"}),
    Kind("program", "PROGRAM", "Program", (), "#b07aa1",
         {"kk": "Бағдарлама", "ru": "Программа", "en": "Program"}),
    Kind("keyword", None, "Keyword", (SKOS + "Concept",), "#edc948",
         {"kk": "Түйін сөз", "ru": "Ключевое слово", "en": "Keyword"}, comention=False),
)


@dataclass(frozen=True)
class Language:
    """One language of the corpus.

    ``script`` is the ISO 15924 code of its script; ``lingua`` the name of its
    ``lingua.Language`` member (the detector's list); ``letters`` the letters that mark it
    among our languages of the same script (empty: none).
    """

    code: str
    names: dict[str, str]
    script: str
    lingua: str
    letters: str = ""


LANGUAGES: tuple[Language, ...] = (
    Language("kk", {"kk": "қазақша", "ru": "казахский", "en": "Kazakh"}, "Cyrl", "KAZAKH",
             "әғқңөұүһіӘҒҚҢӨҰҮҺІ"),
    Language("ru", {"kk": "орысша", "ru": "русский", "en": "Russian"}, "Cyrl", "RUSSIAN"),
    Language("en", {"kk": "ағылшынша", "ru": "английский", "en": "English"}, "Latn", "ENGLISH"),
)

#: Language codes in the order labels are preferred (Kazakh, Russian, English).
LANGS: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)



# The functions below read KINDS when called (a test may extend the table).

def kind(key: str) -> Kind:
    """The kind named ``key`` (``KeyError`` if there is none)."""
    for k in KINDS:
        if k.key == key:
            return k
    raise KeyError(key)


def by_label(label: str) -> Kind | None:
    """The kind of a contract label, or ``None`` for labels consumers ignore."""
    return next((k for k in KINDS if k.label == label), None)


def contract_labels() -> tuple[str, ...]:
    """The ``kg extract`` contract labels, in table order.

    >>> contract_labels()
    ('PERSON', 'ORG', 'GPE', 'GPE_SUB', 'LAW', 'PROGRAM')
    """
    return tuple(k.label for k in KINDS if k.label)
