"""Kazakh entity extraction: rules first, then the gazetteers, then the trained NER.

Precedence is explicit (:data:`LAYERS`): a rule span (laws, programs, institutions) wins over
a gazetteer country, which wins over a place, a catalogued name, then the statistical model;
an overlapping lower-precedence span is dropped. Exceptions respect the model
(:func:`_yielding`): a longer model name (``Астана Моторс``, ``Париж Хартиясына``) beats a
gazetteer hit or a one-word acronym rule inside it, a longer model institution beats a rule
cut short, a model person beats a generated town inside it (``Владимир Путинмен``), a model
law beats a rule law it extends by an article. An acronym in parentheses right after a law or
program (``… конвенциясы (UNCAC)``) takes its label throughout the paragraph. Spans keep their Kazakh suffixes; the
canonical form drops them (``Қазақстанның`` -> ``Қазақстан``).

>>> kk = KazakhExtractor(use_model=False)
>>> found = kk.extract(ParagraphText("«Білім туралы» Заңына сәйкес"))
>>> [(m.text, m.label, m.canonical) for m in found]
[('«Білім туралы» Заңына', 'LAW', '«Білім туралы» Заңы')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from kg.extract.base import BaseExtractor, ParagraphText
from kg.extract.filters.person import SURNAME_END
from kg.extract.kk.chinese import find_chinese_names
from kg.extract.kk.citations import (
    find_citations,
    find_coordinated_surnames,
    find_numbered_names,
)
from kg.extract.kk.gazetteer import (
    find_acronym_institutions,
    find_catalogued,
    find_countries,
    find_latin_catalogued,
    find_named_institutions,
    find_quoted_institutions,
    find_people,
    find_places,
)
from kg.extract.kk.listed import find_listed_authors
from kg.extract.kk.model import ModelSpan, find_by_model, given_names, model_spans_batch
from kg.extract.kk.names import name_span
from kg.extract.kk.rules import CAP, LOW, TITLES, find_kk
from kg.extract.kk.scholars import find_scholars
from kg.extract.kk.surnames import repeated_surnames
from kg.extract.kk.titles import find_titles, regions_by_context
from kg.extract.spans import (
    AcronymStyle,
    Candidate,
    acronym_definers,
    resolve_overlaps,
    spread_acronyms,
)
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.people import lookup_person
from kg.lexicon.places import lookup_place
from kg.model import Mention
from kg.text.kk_morph import normalize_kk

__all__ = ["KazakhExtractor", "find_rules"]


def find_rules(text: str) -> list[Candidate]:
    """Head-word rules, document titles, cited scholars, author-year citations, Chinese names
    and the authors opening reference-list entries (these first), the longest where they
    overlap; a program keeps the years that open its title (:func:`_dated`)."""
    return [_given_named(text, _dated(text, c)) for c in
            resolve_overlaps([*find_kk(text), *find_titles(text), *find_scholars(text),
                              *find_citations(text), *find_numbered_names(text), *find_chinese_names(text),
                              *find_coordinated_surnames(text),
                              *find_listed_authors(text)])]


_INITIAL_OPENS = re.compile(rf"[{CAP}]\.")
_WORD_BEFORE = re.compile(rf"([{CAP}][{LOW}]+)\s+\Z")


def _given_named(text: str, cand: Candidate) -> Candidate:
    """A person opened by an initial (``П. Бернс``) with the given name written before it, if
    the people list has that given name: ``Джон П. Бернс``.

    >>> text = "Бұл туралы Джон П. Бернс жазды"
    >>> c = _given_named(text, Candidate(16, 24, "PERSON", "rule", "П. Бернс"))
    >>> text[c.start:c.end], c.canonical
    ('Джон П. Бернс', 'Джон П. Бернс')
    """
    if cand.label != "PERSON" or not _INITIAL_OPENS.match(text, cand.start):
        return cand
    m = _WORD_BEFORE.search(text, max(0, cand.start - 30), cand.start)
    if m is None or m.group(1) not in given_names():
        return cand
    return replace(cand, start=m.start(1), canonical=f"{m.group(1)} {cand.canonical or text[cand.start:cand.end]}")


#: «2005-2007 жж. Қазақстан Республикасында «…» қалыптастырудың мемлекеттік бағдарламасы»:
#: the years (and where) before a program's title belong to it.
_YEARS_BEFORE = re.compile(
    r"(?<![\d–-])\d{4}\s*[-–]\s*\d{4}\s+(?:жылдары|жж\.)\s+"
    r"(?:(?:Қазақстан\s+Республикасында|ҚР-да|Қазақстанда)\s+)?\Z")


def _dated(text: str, cand: Candidate) -> Candidate:
    """``cand`` opened by the years of its program, if they stand right before it.

    >>> text = "Ол 2005-2007 жылдары «Ауыл» бағдарламасы аясында"
    >>> c = _dated(text, Candidate(21, 40, "PROGRAM", "rule", "«Ауыл» бағдарламасы"))
    >>> text[c.start:c.end]
    '2005-2007 жылдары «Ауыл» бағдарламасы'
    """
    if cand.label != "PROGRAM" or text[cand.end - 1] in "»\"”":
        return cand  # «Әділетті Қазақстан» alone: a name, not a dated program title
    m = _YEARS_BEFORE.search(text, max(0, cand.start - 80), cand.start)
    if m is None:
        return cand
    return replace(cand, start=m.start(),
                   canonical=" ".join(f"{text[m.start():cand.start]} {cand.canonical}".split()))


#: Units of an institution: «… агенттігінің Алматы облысы департаменті», «… Академиясының
#: директорлар кеңесінің Атқарушы комитеті», «… агенттігінің Ұлттық статистика бюросы».
_UNIT = re.compile(r"(?:департамент|басқарма|бөлім|филиал|факультет|кафедра|комитет|кеңес|бюро|"
                   r"комиссия|орталығ|институт)\w*$", re.I)
_GENITIVE_END = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
#: What may stand between an institution and its unit: nothing, or a lower-case body in the
#: genitive («Академиясының директорлар кеңесінің Атқарушы комитеті»).
_LINK = re.compile(rf"\s+(?:(?:[{LOW}]+\s+){{0,2}}[{LOW}]+(?:ның|нің|дың|дің|тың|тің)\s+)?")


def _chained(text: str, found: list[Candidate]) -> list[Candidate]:
    """Join an institution in the genitive and the unit of it that follows.

    >>> text = "Хатты Қаржы министрлігінің Алматы облысы департаменті жіберді."
    >>> found = [Candidate(6, 26, "ORG", "ner"), Candidate(27, 53, "ORG", "rule")]
    >>> [text[c.start:c.end] for c in _chained(text, found)]
    ['Қаржы министрлігінің Алматы облысы департаменті']
    >>> text = "Педиатрия Академиясының директорлар кеңесінің Атқарушы комитеті"
    >>> found = [Candidate(0, 23, "ORG", "rule"), Candidate(46, 63, "ORG", "rule")]
    >>> [text[c.start:c.end] for c in _chained(text, found)]
    ['Педиатрия Академиясының директорлар кеңесінің Атқарушы комитеті']
    """
    out: list[Candidate] = []
    for cand in found:
        prev = out[-1] if out else None
        if (prev is not None and prev.label == cand.label == "ORG"
                and _LINK.fullmatch(text, prev.end, cand.start) and "\n\n" not in text[prev.end:cand.start]
                and _GENITIVE_END.search(text, prev.start, prev.end)
                and _UNIT.search(text, cand.start, cand.end)):
            out[-1] = replace(cand, start=prev.start,
                              canonical=f"{text[prev.start:cand.start].strip()} {cand.canonical}")
            continue
        out.append(cand)
    return out


#: The candidate finders, highest precedence first (the model's spans come last).
LAYERS = (find_rules, find_countries, find_places, find_catalogued, find_acronym_institutions,
          find_named_institutions, find_quoted_institutions, find_latin_catalogued, find_people)

#: ``… конвенциясы (UNCAC)``, ``… көмек (АӘК)``: an acronym defined after a law or program.
KK_ACRONYM = AcronymStyle(
    shape=re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-Za-zА-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]{1,9}"),
    definition=re.compile(r"\s*\(\s*([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-Za-zА-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі]{1,9})\s*\)"),
    share=0.5, reach=12)
_NAMED_LABELS = frozenset({"ORG", "LAW", "PROGRAM"})


@dataclass(frozen=True)
class KazakhExtractor(BaseExtractor):
    """Kazakh paragraphs: rules, gazetteers and (unless ``use_model=False``) the NER model."""

    lang = "kk"
    version = "kazkg-kk/0.1"

    def extract(self, paragraph: ParagraphText) -> list[Mention]:
        """The mentions of one paragraph (runs the model on it alone)."""
        return self.extract_all([paragraph])[0]

    def extract_all(self, paragraphs: Sequence[ParagraphText]) -> list[list[Mention]]:
        """The mentions of each paragraph, the model run once over all of them (``nlp.pipe``)."""
        texts = [p.text for p in paragraphs]
        spans = model_spans_batch(texts) if self.use_model else [None] * len(texts)
        return [self._extract(p, s) for p, s in zip(paragraphs, spans)]

    def _extract(self, paragraph: ParagraphText, spans: list[ModelSpan] | None) -> list[Mention]:
        text = paragraph.text
        layers = [find(text) for find in LAYERS]
        if spans is not None:
            layers.append(find_by_model(text, spans))
        ranked = [replace(c, priority=-rank) for rank, layer in enumerate(layers) for c in layer]
        ranked = _nested_gazetteer(ranked)
        if spans is not None:
            ranked = _yielding(text, ranked, layers[-1])
        chosen = _quoted_again(text, [_quoted(text, c) for c in
                                      _chained(text, regions_by_context(text, resolve_overlaps(ranked)))])
        chosen = repeated_surnames(text, chosen)
        definers = acronym_definers(text, [c for c in chosen if c.label in _NAMED_LABELS], KK_ACRONYM)
        if definers:
            defined = {acronym: cand.label for acronym, cand in definers.items()}
            chosen = _spelt_out(text, spread_acronyms(text, chosen, defined, frozenset({"rule", "ner", "acronym"})),
                                definers)
        return [_named(text, m) for m in self.build_mentions(paragraph, chosen)]


def _spelt_out(text: str, chosen: list[Candidate], definers: dict[str, Candidate]) -> list[Candidate]:
    """An institution's acronym defined in brackets right after its name (``definers``:
    :func:`~kg.extract.spans.acronym_definers`) takes the name's canonical form in the
    paragraph, whatever its letters («Сиань шет тілдер университетінде (SUIE)»), so that both
    name one institution; laws and programs keep theirs (resolution joins them by their
    initials).

    >>> text = "Сиань университетінде (SUIE) оқыды. SUIE үлкен."
    >>> found = [Candidate(0, 21, "ORG", "rule", "Сиань университеті"), Candidate(23, 27, "ORG", "acronym", "SUIE"),
    ...          Candidate(36, 40, "ORG", "acronym", "SUIE")]
    >>> [c.canonical for c in _spelt_out(text, found, {"SUIE": found[0]})]
    ['Сиань университеті', 'Сиань университеті', 'Сиань университеті']
    """
    names = {acronym: cand.canonical or text[cand.start:cand.end]
             for acronym, cand in definers.items() if cand.label == "ORG"}
    return [replace(c, canonical=names[text[c.start:c.end]])
            if c.label == "ORG" and text[c.start:c.end] in names else c for c in chosen]


def _named(text: str, m: Mention) -> Mention:
    """``m`` with its name span (:func:`~kg.extract.kk.names.name_span`) where it has one."""
    found = name_span(text, m.start, m.end, m.label)
    return m if found is None else replace(m, name_start=found[0], name_end=found[1])


_OPENING, _CLOSING = "«“\"", "»”\""


def _quoted(text: str, cand: Candidate) -> Candidate:
    """An institution named exactly by the text inside quotes keeps the quotes (``«ССТV»``),
    as the rules' quoted institutions do.

    >>> text = "Ол «ССТV» арнасы"
    >>> c = _quoted(text, Candidate(4, 8, "ORG", "catalogue", "ССТV"))
    >>> text[c.start:c.end], c.canonical
    ('«ССТV»', 'ССТV')
    """
    if (cand.label == "ORG" and 0 < cand.start and cand.end < len(text)
            and text[cand.start - 1] in _OPENING and text[cand.end] in _CLOSING):
        return replace(cand, start=cand.start - 1, end=cand.end + 1)
    return cand


_QUOTED_NAME = re.compile(r"«[^«»\n]{2,80}»|“[^“”\n]{2,80}”")


def _quoted_again(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A quoted name that opens an institution, law or program (``“Қазақтелеком” АҚ-тың``,
    ``«Бизнестегі әйелдер» бағдарламасы``) has that label where it stands alone again in the
    paragraph (``Бүгінде “Қазақтелеком” …``), unless another span covers it there.

    >>> text = "“Тау” АҚ құрылды. Бүгінде “Тау” жұмыс істейді."
    >>> [text[c.start:c.end] for c in _quoted_again(text, [Candidate(0, 8, "ORG", "rule", "Тау")])]
    ['“Тау” АҚ', '“Тау”']
    """
    named = {}
    for c in chosen:
        m = _QUOTED_NAME.match(text, c.start)
        if c.label in _NAMED_LABELS and m is not None and m.end() < c.end and m.group()[1:2].isupper():
            named.setdefault(m.group(), c.label)
    if not named:
        return chosen
    # the model's «Жасыл аула» without its quotes: the quoted name again
    out = [replace(c, start=c.start - 1, end=c.end + 1, label=named[text[c.start - 1:c.end + 1]])
           if text[max(0, c.start - 1):c.end + 1] in named else c for c in chosen]
    for m in _QUOTED_NAME.finditer(text):
        label = named.get(m.group())
        if label and not any(c.start < m.end() and m.start() < c.end for c in out):
            out.append(Candidate(m.start(), m.end(), label, "rule",
                                 m.group()[1:-1] if label == "ORG" else m.group()))
    return sorted(out, key=lambda c: (c.start, c.end))


_LOOKUPS = frozenset({"gazetteer", "catalogue"})
#: An article, part or paragraph of a law: ``… кодекстің 106-бабы, 2-бөлігі``.
_ARTICLE = re.compile(r"\b(?:бап|баб|бөлі|тармақ|тармағ)")


def _nested_gazetteer(ranked: list[Candidate]) -> list[Candidate]:
    """Drop a gazetteer hit inside a longer gazetteer or catalogue hit: the country in
    ``Солтүстік Қазақстан`` (a region), in «Әділетті Қазақстан» (a program); and a rule's
    institution inside a longer catalogued one: the UN's «БҰҰ» in «БҰҰ Даму бағдарламасының»
    (UNDP, whose head word no institution rule knows).

    >>> kept = _nested_gazetteer([Candidate(0, 3, "ORG", "rule"), Candidate(0, 24, "ORG", "catalogue")])
    >>> [(c.start, c.end) for c in kept]
    [(0, 24)]
    """
    looked_up = [c for c in ranked if c.source in _LOOKUPS]
    catalogued = [c for c in looked_up if c.source == "catalogue" and c.label == "ORG"]
    return [c for c in ranked if not (c.source in _LOOKUPS and any(
        w.start <= c.start and c.end <= w.end and w.length > c.length for w in looked_up))
        and not (c.source == "rule" and c.label == "ORG" and any(
            w.start <= c.start and c.end <= w.end and w.length > c.length for w in catalogued))]


def _supported(text: str, cand: Candidate) -> bool:
    """A model span that may beat what it contains: a named institution, law or program, or
    a place the gazetteers know as a whole (``Шығыс Қазақстаннан``)."""
    if cand.label in _NAMED_LABELS:
        return True
    surface = text[cand.start:cand.end]
    return cand.label in ("GPE", "GPE_SUB") and (
        lookup_place(surface, "kk") is not None or lookup_country(surface, "kk") is not None)


def _person_not_place(text: str, cand: Candidate, people: list[Candidate]) -> bool:
    """A generated (not curated) town inside a model person: the given name of ``Владимир
    Путинмен``, ``Темірлан Сұлтанғазиев``; or the whole span, if the people list knows the
    name (``Абайдың``).

    >>> text = "Ол Владимир Путинмен сөйлесті"
    >>> town = Candidate(3, 11, "GPE_SUB", "gazetteer")
    >>> _person_not_place(text, town, [Candidate(3, 20, "PERSON", "ner")])
    True
    >>> text = "Ол Гонконг Диснейлендіне барды"
    >>> _person_not_place(text, Candidate(3, 10, "GPE_SUB", "gazetteer"), [Candidate(3, 24, "PERSON", "ner")])
    False
    """
    if cand.source != "gazetteer" or cand.label != "GPE_SUB":
        return False
    place = lookup_place(text[cand.start:cand.end], "kk")
    if place is None or place.curated:
        return False
    for m in people:
        if m.start == cand.start and m.end > cand.end and " " in text[cand.end:m.end]:
            last = normalize_kk(text[cand.end:m.end].split()[-1])  # «Гонконг Диснейленді» is no one
            return bool(SURNAME_END.search(last)) or lookup_person(text[m.start:m.end]) is not None
        if (m.start, m.end) == (cand.start, cand.end) and lookup_person(m.canonical) is not None:
            return True
    return False


_LETTERS_UP, _LETTERS_LOW = f"{CAP}A-Z", f"{LOW}a-z"
_GIVEN = re.compile(rf"[{_LETTERS_UP}][{_LETTERS_LOW}]+(?:\s+[{_LETTERS_UP}][{_LETTERS_LOW}]+)?\s+")


def _given_name_before(text: str, person: Candidate, rule: Candidate) -> bool:
    """``person`` (the model's) is ``rule`` (an initial and a surname) with one or two given
    names before it, none of them a title, a place or a common word.

    >>> text = "ғалымдар Мойра А. Силаги және Елбасы Н. Назарбаев"
    >>> _given_name_before(text, Candidate(9, 24, "PERSON", "ner"), Candidate(15, 24, "PERSON", "rule"))
    True
    >>> _given_name_before(text, Candidate(30, 49, "PERSON", "ner"), Candidate(37, 49, "PERSON", "rule"))
    False
    """
    if person.end != rule.end or not person.start < rule.start or "." not in text[rule.start:rule.end]:
        return False
    before = text[person.start:rule.start]
    return _GIVEN.fullmatch(before) is not None and not any(
        w in TITLES or is_common_word(w, "kk") or lookup_place(w, "kk") is not None
        or lookup_country(w, "kk") is not None for w in before.split())


def _yielding(text: str, ranked: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """Drop gazetteer hits and one-word rule acronyms inside a longer, supported model span,
    a town that a model person holds (:func:`_person_not_place`), a rule institution that a
    longer model institution with the same head contains, and a rule law whose article the
    model span adds (``Қылмыстық кодекстің 106-бабы``).

    >>> text = "Астана Моторс компаниясы"
    >>> city = Candidate(0, 6, "GPE_SUB", "gazetteer", priority=-2)
    >>> firm = Candidate(0, 13, "ORG", "ner", priority=-4)
    >>> _yielding(text, [city, firm], [firm]) == [firm]
    True
    """
    people = [m for m in model if m.label == "PERSON"]
    if people:
        ranked = [c for c in ranked if not _person_not_place(text, c, people)]
        # «Абай Естекбаев», «Қасым-Жомарт Тоқаев»: the model's full name holds the listed one
        ranked = [c for c in ranked if not (c.source == "catalogue" and c.label == "PERSON" and any(
            m.start <= c.start and c.end <= m.end and m.length > c.length for m in people))]
        # «Мойра А. Силаги»: the model's name adds the given name before a rule's initial
        ranked = [c for c in ranked if not (c.source == "rule" and c.label == "PERSON" and any(
            _given_name_before(text, m, c) for m in people))]
    wide = [m for m in model if _supported(text, m)]
    if not wide:
        return ranked

    def yields(c: Candidate) -> bool:
        if c.source == "rule":
            if c.label == "ORG" and any(  # «Ұлттар Ұйымының» inside «Біріккен Ұлттар Ұйымының»
                    m.label == "ORG" and m.start < c.start and m.end == c.end for m in wide):
                return True
            if c.label == "LAW" and any(  # «Қылмыстық кодекстің 106-бабы»: the article too
                    m.label == "LAW" and m.start == c.start and m.end > c.end
                    and _ARTICLE.search(text, c.end, m.end) for m in wide):
                return True
            if c.label not in ("ORG", "PERSON", "GPE_SUB") or " " in text[c.start:c.end].strip():
                return False
        elif c.source not in ("gazetteer", "catalogue"):
            return False
        return any(m.start <= c.start and c.end <= m.end and m.length > c.length for m in wide)

    return [c for c in ranked if not yields(c)]
