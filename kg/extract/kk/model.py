"""The shipped Kazakh NER pipeline (``kg/models/kk_ner``): loading it, and its spans as candidates.

spaCy and the model are loaded on first call only, then cached. The model's spans are
cleaned before they become candidates: trimmed, capitalised, checked against the gazetteers.

>>> MODEL_DIR.name
'kk_ner'
>>> [(c.label, c.canonical) for c in find_by_model("Ол Алматыда тұрады.", [(3, 11, "GPE")])]
[('GPE_SUB', 'Алматы')]

Example (loads the model, ~1 s)::

    >>> nlp = load_kk_ner()                                              # doctest: +SKIP
    >>> [(e.text, e.label_) for e in nlp("Қасым-Жомарт Тоқаев Астанаға келді.").ents]  # doctest: +SKIP
    [('Қасым-Жомарт Тоқаев', 'PERSON'), ('Астанаға', 'GPE')]
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.extract.kk.heads import ORG_HEADS
from kg.extract.kk.rules import CAP, LOW
from kg.extract.spans import Candidate, SentenceStart, sentence_initial
from kg.lexicon.countries import lookup_country
from kg.lexicon.people import lookup_person, people
from kg.lexicon.places import lookup_place
from kg.text.kk_morph import normalize_kk

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_DIR", "extract_entities", "find_by_model", "given_names", "load_kk_ner", "model_spans_batch"]

MODEL_DIR: Path = Path(__file__).resolve().parents[2] / "models" / "kk_ner"
MODEL_LABELS = {
    "PERSON": "PERSON", "ORGANISATION": "ORG", "GPE": "GPE", "LOCATION": "GPE_SUB",
    "LAW": "LAW", "PROJECT": "PROGRAM", "POSITION": "POSITION",
}
ModelSpan = tuple[int, int, str]


@lru_cache(maxsize=4)
def load_kk_ner(path: str | None = None) -> "Language":
    """Load (once) the Kazakh NER pipeline from ``path`` or the shipped ``MODEL_DIR``."""
    import spacy  # deferred: loads spaCy

    import kg.text.kazakh  # noqa: F401  (deferred: loads spaCy; registers the "kk" language)

    target = Path(path) if path else MODEL_DIR
    if not (target / "meta.json").exists():
        raise FileNotFoundError(f"no spaCy pipeline at {target}")
    return spacy.load(target)


def extract_entities(text: str) -> list[tuple[str, str, int, int]]:
    """``(text, label, start_char, end_char)`` for each entity the shipped model finds."""
    doc = load_kk_ner()(text)
    return [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]


def model_spans_batch(texts: list[str]) -> list[list[ModelSpan]]:
    """The NER model's raw ``(start, end, label)`` spans for many texts (batched, fast)."""
    if not texts or not (MODEL_DIR / "meta.json").exists():
        return [[] for _ in texts]
    nlp = load_kk_ner()
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for batch in _batches(texts) for doc in nlp.pipe(batch, batch_size=len(batch))]


#: Characters of text per model batch at most: the model's memory grows with a batch's tokens.
BATCH_CHARS = 100_000


def _batches(texts: list[str], size: int = 64, chars: int = BATCH_CHARS) -> list[list[str]]:
    """Consecutive groups of at most ``size`` texts and (unless one alone) ``chars`` characters.

    >>> [len(b) for b in _batches(["a" * 60, "b" * 60, "c"], chars=100)]
    [1, 2]
    """
    batches: list[list[str]] = []
    total = chars + 1
    for text in texts:
        if total + len(text) > chars or len(batches[-1]) >= size:
            batches.append([])
            total = 0
        batches[-1].append(text)
        total += len(text)
    return batches


def find_by_model(text: str, spans: list[ModelSpan]) -> list[Candidate]:
    """The model's spans of ``text`` that look like names (source ``ner``)."""
    out = []
    for ent_start, ent_end, ent_label in spans:
        cleaned = _clean_model_span(text, ent_start, ent_end, MODEL_LABELS.get(ent_label))
        if cleaned is None:
            continue
        start, end, label = cleaned
        source = "ner"
        if label == "GPE_SUB" and ent_label == "GPE" and not _place_support(text, start, end):
            source = UNSUPPORTED_PLACE  # a town the model calls GPE (Қосшы, Ростовқа)
        out.append(Candidate(start, end, label, source, _nominative(text[start:end])))
    return out


@lru_cache(maxsize=65536)
def _nominative(surface: str) -> str:
    """:func:`normalize_kk`, remembered: the model finds the same names again and again."""
    return normalize_kk(surface)


#: The source of a model GPE no gazetteer or designator knows: a town the model names, kept
#: (KazNERD's GPE covers towns), but, unlike a gazetteer place, open to the surname check.
UNSUPPORTED_PLACE = "ner-place"


def _place_support(text: str, start: int, end: int) -> bool:
    surface = text[start:end]
    return (lookup_country(surface, "kk") is not None or lookup_place(surface, "kk") is not None
            or _DESIGNATOR.match(text, end) is not None)


_ORG_END = re.compile(rf"(?:{'|'.join(ORG_HEADS)})[{LOW}]*$|^[{CAP}A-Z0-9«\"“]")
#: Institution head words in any case (``орталықтың``, ``орталықтан``, ``одақ``): the stems
#: before the consonant alternation (орталық/орталығ).
ORG_STEMS = (
    "университет", "институт", "министрлі", "агентті", "комитет", "орталы", "одақ", "одағ",
    "академия", "банк", "кеңес", "ұйым", "парламент", "мәжіліс", "сенат", "әкімді", "сот",
    "палата", "қауымдасты", "бірлесті", "колледж", "басқарма", "департамент", "үкімет",
    "әкімшілі", "баспа", "комиссия", "холдинг", "корпорация", "компания", "қозғалыс", "бюро",
    "кітапхана", "мектеп", "мектеб", "факультет", "телеарна", "теледидар", "газет", "радиосы",
    "ассамблея", "елшілі", "қоры", "қорын", "қорына", "партия", "биржа", "альянс",
)
_ORG_STEM_END = re.compile(rf"^(?:{'|'.join(ORG_STEMS)})[{LOW}]*$", re.I)
_LATIN_ORG_END = re.compile(
    r"\b(?:Programme|Program|International|Organi[sz]ation|Bank|Fund|Agency|Institute|University|"
    r"Council|Hub|Foundation|Lab|Centre|Center|Group|Holding|Agroholding|Association|Union|"
    r"Nations|Committee|Commission|Forum|Company|Corporation|Inc|Ltd)$")
_DESIGNATOR = re.compile(r"\s+(?:облыс|аудан|қала|ауыл|кент|өңір)[{LOW}]*".replace("{LOW}", LOW))
_PROGRAM_CUE = re.compile(r"[«\"“]|бағдарлама|стратегия|тұжырымдама|жоба|мақсат|көмек|бастама",
                          re.I)
#: A model GPE the gazetteers do not know stays as a town when it is one or two capitalised
#: words, not in the genitive (a scholar the model misreads: Кейнстің, Падданың).
_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
_TOWN_SHAPE = re.compile(rf"[{CAP}][{LOW}-]+(?:\s+[{CAP}][{LOW}-]+)?")
#: Case endings that say "to, in, from, of (a place)": Ростовқа, Каталониядағы, Шэньчжэндегі.
_PLACE_CASE = re.compile(
    rf"(?:[ғқ]а|[гк]е|[дт]а|[дт]е|[дтн]ан|[дтн]ен|[дт]ағы|[дт]егі|нда|нде|ндағы|ндегі)\Z")
#: A list of names and the designator they share: Жаушықұм, Айдаркөл және Жоласар елді мекендері.
_LISTED_PLACE = re.compile(
    rf"(?:\s*(?:,|және|мен)\s*[{CAP}][{LOW}-]+)*\s+(?:елді\s+мекен|облыс|аудан|қала|ауыл|кент)")


def _town(text: str, start: int, end: int) -> bool:
    """A model GPE no gazetteer knows is kept as a town when it is shaped like one and
    said as a place: in a place case, or in a list before a shared designator. In
    journal text a bare or genitive one is more often a scholar (Тейлор, Кейнстің).

    >>> _town("Ұшақ Ростовқа ұшты", 5, 13), _town("Тейлор айтқан", 0, 6)
    (True, False)
    """
    surface = text[start:end]
    if not _TOWN_SHAPE.fullmatch(surface) or surface.endswith(_GENITIVE):
        return False
    return _PLACE_CASE.search(surface) is not None or _LISTED_PLACE.match(text, end) is not None
#: Program cues around a model span: quotes around all of it («Қамқор», « Жас ана »), a named
#: year (Жастар жылы) or a program-like head right after it (« Жусан » операциясы).
_OPEN_QUOTE = re.compile(r"[«\"“] ?\Z")
_CLOSE_QUOTE = re.compile(r" ?[»\"”]")
_PROGRAM_AFTER = re.compile(
    rf"\s?[»\"”]?\s+(?:операция|саясат|бағдарлама|жоба|бастама|акция|байқау)[{LOW}]*")
_NAMED_YEAR = re.compile(rf"\s[Жж]ыл(?:ы|ын|ына|ында|ының)?\Z")


def _program_context(text: str, start: int, end: int) -> bool:
    """True if the text around a model PROGRAM span says it is one.

    >>> _program_context("« Жас ана » бағдарламасы", 2, 9), _program_context("Ол келді", 0, 2)
    (True, False)
    """
    quoted = (_OPEN_QUOTE.search(text, max(0, start - 2), start) is not None
              and _CLOSE_QUOTE.match(text, end) is not None)
    return (quoted or _PROGRAM_AFTER.match(text, end) is not None
            or _NAMED_YEAR.search(text, start, end) is not None)


# After ``. ! ? :`` and any white space (line breaks too), or at the start of the text.
_SENTENCE_START = SentenceStart(re.compile(r"(?:\A|[.!?:])\s*\Z"))


def _clean_model_span(text: str, start: int, end: int,
                      label: str | None) -> tuple[int, int, str] | None:
    """Model spans that look like names: trimmed, capitalised, checked against gazetteers.

    >>> _clean_model_span("қытай тілінде", 0, 5, "GPE") is None
    True
    """
    if label is None:
        return None
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "»\"”"):
        end -= 1
    surface = text[start:end]
    words = surface.split()
    if not words or not (surface[0].isupper() or surface[0] in "«\"“" or surface[0].isdigit()):
        return None
    if label == "PERSON" and (len(words) > 4 or not words[-1][:1].isupper()):
        return None
    if label == "PERSON" and _LATIN_ORG_END.search(surface):
        label = "ORG"  # United Nations Development Programme, Transparency International
    if label == "POSITION":  # "… министрлігінің" ending a position gives the institution
        if len(words) < 2 or not _ORG_STEM_END.search(words[-1]):
            return None
        label = "ORG"
    if label == "ORG" and not (_ORG_END.search(words[-1]) or _ORG_STEM_END.search(words[-1])
                               or len(words) == 1):
        return None
    if label == "ORG" and _platform(text, surface, end):
        return None  # Facebook-та, Twitter-дегі: a website, which is not annotated
    if label == "ORG" and _given_name_first(words):
        label = "PERSON"  # Карл Поланьи: a given name and a surname, no institution's head
    if label == "PROGRAM" and not (_PROGRAM_CUE.search(surface) or _program_context(text, start, end)):
        return None
    if label in ("GPE", "GPE_SUB"):
        if lookup_country(surface, "kk") is not None:
            label = "GPE"
        elif lookup_place(surface, "kk") is not None or _DESIGNATOR.match(text, end):
            label = "GPE_SUB"
        elif len(words) <= 3 and lookup_person(normalize_kk(surface)) is not None:
            label = "PERSON"  # a catalogued writer the model took for a place: Шәкәрімнің
        elif label == "GPE" and _town(text, start, end):
            label = "GPE_SUB"  # a town the model knows, said as a place (Ростовқа, Ақтоғайда): kept
        else:
            return None  # a LOCATION without gazetteer or designator support: Африкада, Олимп
    if label == "ORG":  # keep the quotes of “Қазақтелеком”, « Хабар »
        m = _OPEN_QUOTE.search(text, max(0, start - 2), start)
        n = _CLOSE_QUOTE.match(text, end)
        if m is not None and n is not None:
            start, end = m.start(), n.end()
    return start, end, label


#: Social networks and messengers: in running text they are websites («Facebook-та», "on
#: Facebook"), not institutions, unless a company head word follows («Facebook компаниясы»).
_PLATFORMS = re.compile(
    r"(?:Facebook|Twitter|Instagram|YouTube|TikTok|Telegram|WhatsApp|LinkedIn|ВКонтакте|VK)"
    rf"(?:-[{LOW}]+)?")
_COMPANY_AFTER = re.compile(rf"\s+(?:компания|корпорация|холдинг)[{LOW}]*")


def _platform(text: str, surface: str, end: int) -> bool:
    """True if ``surface`` is a social network used as a website.

    >>> _platform("Facebook-та жазды", "Facebook-та", 11), _platform("Meta компаниясы", "Meta", 4)
    (True, False)
    """
    return _PLATFORMS.fullmatch(surface) is not None and _COMPANY_AFTER.match(text, end) is None


def _given_name_first(words: list[str]) -> bool:
    """Two or three capitalised words, none an institution's head, the first a given name of
    someone in the people list: a person's name.

    >>> _given_name_first(["Карл", "Поланьи"]), _given_name_first(["Карл", "Маркс", "қоры"])
    (True, False)
    """
    return (1 < len(words) <= 3 and words[0] in given_names()
            and all(w[:1].isupper() and not _ORG_STEM_END.search(w) for w in words[1:]))


@cache
def given_names() -> frozenset[str]:
    """The given names (first words of two-word names or longer) in the people list."""
    return frozenset(name.split()[0] for entry in people() for name in entry.surfaces()
                     if len(name.split()) > 1 and not name.split()[0].endswith("."))

