"""Institutions: comma lists split, adjectives, bare head nouns and indices dropped.

* «ЮНКТАД, ПРООН, Британ Кеңесі» is three institutions: an ``ORG`` span holding commas is
  split where every part looks like a name (an acronym or a capitalised word);
* a one-word adjective is not an institution («Лоббистік», «Әкімшілік», «Государственный»);
* a bare head noun is not one either ("Agency", "the Council", «Министрлігі», «Агентство»),
  unless the paragraph names an institution with that head ("the Council" after "the Council
  of Europe"); the national bodies (Government, Parliament, Үкімет …) are left to the
  resolver, which reads their country from the context;
* an index is not an institution (EGDI, LOSI, "E-Government Development Index"), nor is the
  name an index is called after («Ұлттық Кедейлік Әдістеме» Индексі);
* a body that every organisation has, named by common words only and no owner, is not one
  institution («Атқарушы комитеті», «Республикалық палатасы», "Secretariat of the Council");
* the model's Cyrillic span of common words without any institution head is a concept;
  so is a Kazakh or Russian model's Latin span of common English words ("Big Data",
  "Creating Nurturing Environments"), the institutions of that shape being catalogued
  ("Transparency International", "Human Rights Watch");
* a span without a head that ends on a catalogued person is that person («Қытайдың Конфуций»);
* a plural head names a class of bodies, not one («сараптамалық талдау орталықтары»,
  «азаматтық қоғам институттары», "Kazakh universities"), and neither does a plural acronym
  (LDCs, NGOs), unless the name is quoted;
* an acronym the paragraph defines by a common noun phrase is no name: "small island developing
  States (SIDS)", "amalgamated territorial communities (ATC)";
* a country in the nominative before an international body is the sentence's subject, not part
  of the name: «Қазақстан Біріккен Ұлттар Ұйымына мүше болды» is a country and the UN.

Catalogued institutions are always kept.

>>> from kg.extract.filters.context import FilterContext
>>> text = "ЮНКТАД, ПРООН, Британ Кеңесі және Лоббистік the Agency"
>>> found = [Candidate(0, 28, "ORG", "rule", text[:28]), Candidate(34, 43, "ORG", "ner"),
...          Candidate(44, 54, "ORG", "head")]
>>> [(text[c.start:c.end], c.canonical) for c in filter_institutions(FilterContext(text, "kk"), found)]
[('ЮНКТАД', 'ЮНКТАД'), ('ПРООН', 'ПРООН'), ('Британ Кеңесі', 'Британ Кеңесі')]
>>> text = "«Ұлттар баспасы» ЮНЕСКО қозғалысы"
>>> [c.canonical for c in filter_institutions(FilterContext(text, "kk"), [Candidate(0, 33, "ORG", "rule")])]
['Ұлттар баспасы', 'ЮНЕСКО қозғалысы']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from kg.extract.filters.context import FilterContext, confirmed, surface, words
from kg.extract.spans import Candidate, is_acronym
from kg.lexicon.catalog import lookup_institution
from kg.lexicon.common import is_common_word
from kg.lexicon.countries import lookup_country
from kg.lexicon.people import lookup_person
from kg.text.kk_morph import normalize_kk, split_suffix, strip_possessive
from kg.text.names import FUNCTION_WORDS, initials
from kg.text.org_names import nominative_org

__all__ = ["BARE_HEADS", "filter_institutions", "head_word", "name_words", "split_list"]

#: Head nouns (lower-case stems) that alone name no institution.
BARE_HEADS = (
    "agency", "council", "ministry", "university", "committee", "commission", "institute", "academy", "bank", "fund", "center", "centre", "department",
    "office", "court", "assembly", "association", "union", "organization", "organisation",
    "party", "foundation", "service", "administration", "authority", "board", "secretariat",
    "агенттіг", "кеңес", "министрлі", "университет", "комитет", "комиссия", "институт", "академия", "орталы", "қор", "банк", "ұйым", "департамент",
    "басқарма", "әкімдік", "әкімшілі", "сот", "палата", "одақ", "одағ", "партия",
    "агентств", "совет", "министерств", "центр", "фонд", "организаци", "союз",
    "ведомств", "управлени", "мемлекет", "государств", "state", "баспа", "қозғалыс",
    "publisher", "movement",
)
_ARTICLES = frozenset({"the", "a", "an"})
#: Indices and ratings named by acronyms.
INDEX_ACRONYMS = frozenset("EGDI EGD LOSI OSI TII HCI EPI EPART HDI GII GCI CPI EPI DESI".split())
#: Acronyms of common nouns, no institution's: agro-industrial complex, GDP, small and
#: medium business, NGOs («АӨК саласында жұмыс істеуі үшін»).
COMMON_ACRONYMS = frozenset("АӨК АПК ЖІӨ ВВП ШОБ МСБ ҮЕҰ НПО НКО".split())
_NO_INSTITUTION = INDEX_ACRONYMS | COMMON_ACRONYMS
_INDEX_END = re.compile(r"(?:Index|Indices|индекс\w*|Индекс\w*)\W*$")
_INDEX_NEXT = re.compile(r"[»\"”]?\s*(?:Index|Indices|[Ии]ндекс)")
#: Heads of bodies that belong to an owner (a committee, a chamber, a secretariat …).
OWNED_HEADS = (
    "committee", "secretariat", "office", "department", "board", "chamber", "presidium",
    "комитет", "хатшылы", "палата", "басқарма", "департамент", "бөлім", "үкімет", "төралқа",
    "секретариат", "департамент", "отдел", "управлени", "правительств", "президиум",
)
_ADJECTIVE = re.compile(
    r"(?:лық|лік|дық|дік|тық|тік|ский|ская|ское|ские|ный|ная|ное|ные|ской|ного|ical|ian)$")
_NAMEISH = re.compile(r"^[«\"“]?(?:[^\W\d_]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


def _is_bare_head(text: str) -> bool:
    ws = [w.lower() for w in words(text) if w.lower() not in _ARTICLES]
    return bool(ws) and all(w.startswith(BARE_HEADS) for w in ws)


def _is_adjective(text: str) -> bool:
    ws = words(text)
    return len(ws) == 1 and not ws[0].isupper() and _ADJECTIVE.search(ws[0].lower()) is not None


_NAME_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_RU_ADJECTIVE = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ской|ском)$")


def name_words(text: str) -> list[str]:
    """The words of a name, without articles or figures."""
    return [w for w in _NAME_WORD.findall(text) if w.lower() not in _ARTICLES]


def _head_en(ws: list[str]) -> str:
    lowered = [w.lower() for w in ws]
    return ws[lowered.index("of") - 1] if "of" in lowered[1:] else ws[-1]


def _head_ru(ws: list[str]) -> str:
    return next((w for w in ws if not _RU_ADJECTIVE.search(w.lower())), ws[-1])


def _head_kk(ws: list[str]) -> str:
    return split_suffix(ws[-1])[0]


_HEAD_OF = {"en": _head_en, "ru": _head_ru, "kk": _head_kk}


def head_word(name: str, lang: str) -> str:
    """The lower-case head noun of an institution's name (``""`` if it has no word): the word
    before "of" in English, the first noun in Russian, the last word, without its case ending,
    in Kazakh.

    >>> head_word("Council of Europe", "en"), head_word("Еуропа Кеңесінің", "kk")
    ('council', 'кеңесі')
    >>> head_word("Европейский союз", "ru")
    'союз'
    """
    ws = name_words(name)
    return _HEAD_OF.get(lang, _head_en)(ws).lower() if ws else ""


_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
_KK_PLURAL = re.compile(r"(?:лар|лер|дар|дер|тар|тер)$")
_EN_PLURAL = (("ies", "y"), ("es", ""), ("s", ""))


def _plural_head(word: str, lang: str) -> bool:
    """Is ``word`` (the head of a name) the plural of a head noun («орталықтарымен», "Centres")?"""
    low = word.lower()
    if lang == "kk":
        stem = split_suffix(low)[0]
        stem = strip_possessive(stem) or stem
        plural = _KK_PLURAL.search(stem)
        return plural is not None and stem[:plural.start()].startswith(BARE_HEADS)
    if lang == "en":
        return any(low.endswith(end) and (low[:len(low) - len(end)] + add) in BARE_HEADS
                   for end, add in _EN_PLURAL)
    return False


def _is_plural(text: str, lang: str) -> bool:
    """A class of bodies: a plural acronym, or an unquoted name whose head is plural."""
    if _PLURAL_ACRONYM.fullmatch(text):
        return True
    head = head_word(text, lang)
    return bool(head) and not any(q in text for q in "«\"“") and _plural_head(head, lang)


_OPEN = re.compile(r"\(\s*$")


def _defined_as_common(ctx: FilterContext, cand: Candidate) -> bool:
    """Is ``cand`` an acronym in brackets after its spelled-out form, written in lower case?
    (The words are those :func:`kg.text.names.initials` spells, function words skipped.)"""
    text = surface(ctx, cand)
    letters = "".join(c for c in text.rstrip("s") if c.isalpha())
    before = ctx.text[max(0, cand.start - 200):cand.start]
    bracket = _OPEN.search(before)
    if not (is_acronym(text) and bracket):
        return False
    spelled = [w for w in words(before[:bracket.start()]) if w.lower() not in FUNCTION_WORDS]
    spelled = spelled[-len(letters):]
    return (len(spelled) == len(letters) and initials(" ".join(spelled)) == letters.upper()
            and spelled[0][:1].islower())


def _owned_body(text: str, lang: str) -> bool:
    """Two common words naming a body of some owner («Атқарушы комитеті», "Office of Mayor").

    >>> _owned_body("Атқарушы комитетінің", "kk"), _owned_body("Committee of Ministers", "en")
    (True, True)
    >>> _owned_body("Білім министрлігі", "kk"), _owned_body("Еуропа Кеңесі", "kk")
    (False, False)

    A Kazakh body of a group of people is one institution («Кәсіпкерлер палатасы»).

    >>> _owned_body("Кәсіпкерлер палатасы", "kk")
    False
    """
    ws = [w for w in name_words(text) if w.lower() not in FUNCTION_WORDS]
    if len(ws) != 2 or any(q in text for q in "«\"“") or any(w.isupper() for w in ws):
        return False
    if lang == "kk" and _KK_PLURAL.search(ws[0].lower()):
        return False
    return any(w.lower().startswith(OWNED_HEADS) for w in ws) and all(
        w.lower().startswith(OWNED_HEADS + BARE_HEADS) or is_common_word(w, lang) for w in ws)


_GENITIVE_BEFORE = re.compile(r"(?:ның|нің|дың|дің|тың|тің|ын|ін)\W*\s+$")


def _owner_before(ctx: FilterContext, cand: Candidate, org_ends: list[int]) -> bool:
    """Does an owner precede ``cand``: another institution ending right before it (only
    spaces between; ``org_ends``: the sorted ends of the paragraph's institution spans), or a
    genitive («… министрлігі Ғылым комитетінің», «… кеңесінің Атқарушы комитетінің»)?"""
    before = ctx.text[max(0, cand.start - 40):cand.start]
    gap = cand.start  # where the spaces before ``cand`` begin
    while gap > 0 and ctx.text[gap - 1].isspace():
        gap -= 1
    i = bisect_left(org_ends, gap)
    return _GENITIVE_BEFORE.search(before) is not None or (
        i < len(org_ends) and org_ends[i] <= cand.start)


#: Further words that make a name an institution's (a newspaper, a studio, a press …).
_MORE_HEADS = ("газет", "радио", "холдинг", "корпорац", "ассоциац", "киностуди", "телеарна",
               "журнал", "мектеп", "хаб", "бюро", "форум", "press", "books", "hub", "group",
               "company", "corporation", "network", "forum")
#: Every word that makes a name an institution's.
_ANY_HEAD = BARE_HEADS + OWNED_HEADS + _MORE_HEADS


def _headless(ws: list[str]) -> bool:
    """No word of ``ws`` is an institution's head word."""
    return not any(w.lower().startswith(_ANY_HEAD) for w in ws)


def _headless_concept(cand: Candidate, text: str, lang: str) -> bool:
    """A Cyrillic model span of common words, unquoted, without an institution head.

    >>> _headless_concept(Candidate(0, 15, "ORG", "ner"), "Сандық экономика", "kk")
    True
    >>> _headless_concept(Candidate(0, 26, "ORG", "ner"), "Transparency International", "kk")
    False
    """
    ws = [w for w in name_words(text) if w.lower() not in FUNCTION_WORDS]
    return (cand.source == "ner" and len(ws) >= 2 and not any(q in text for q in "«\"“")
            and not any(w.isupper() for w in ws) and _headless(ws)
            and not any(w.isascii() for w in ws) and all(is_common_word(w, lang) for w in ws))


def _english_phrase(cand: Candidate, text: str, lang: str) -> bool:
    """A Kazakh or Russian model's Latin span of common English words and no institution head:
    a phrase from an English title or quotation ("Creating Nurturing Environments", "Big
    Data", "Public Law"), or a lone gerund ("Strengthening"). Names of that shape that are
    institutions ("Transparency International", "Human Rights Watch") are catalogued, and
    catalogued spans never reach this test.

    >>> _english_phrase(Candidate(0, 8, "ORG", "ner"), "Big Data", "kk")
    True
    >>> _english_phrase(Candidate(0, 11, "ORG", "ner"), "Astana Hub", "kk")
    False
    """
    ws = [w for w in name_words(text) if w.lower() not in FUNCTION_WORDS]
    return (cand.source == "ner" and lang != "en" and bool(ws) and all(w.isascii() for w in ws)
            and not any(w.isupper() and len(w) > 1 for w in ws) and _headless(ws)
            and (len(ws) >= 2 or ws[0].lower().endswith("ing"))
            and all(is_common_word(w, "en") for w in ws))


def _person_at_end(ctx: FilterContext, cand: Candidate, text: str) -> Candidate | None:
    """The catalogued person a headless institution span ends with, as a person span.

    >>> from kg.extract.filters.context import FilterContext
    >>> t = "Қытайдың Конфуций, Лао Шэ"
    >>> c = _person_at_end(FilterContext(t, "kk"), Candidate(0, 17, "ORG", "ner"), t[:17])
    >>> t[c.start:c.end], c.label
    ('Конфуций', 'PERSON')
    """
    ws = text.split()
    if len(ws) < 2 or not _headless(ws):
        return None
    for n in (2, 1):
        tail = " ".join(ws[-n:])
        found = lookup_person(normalize_kk(tail) if ctx.lang == "kk" else tail)
        if found is not None and n < len(ws):
            start = cand.start + text.rindex(tail)
            return Candidate(start, start + len(tail), "PERSON", "catalogue",
                             found.names.get(ctx.lang) or tail)
    return None


def _owner_named(text: str, counts: Counter[str]) -> bool:
    """Is the owner a body another name of the paragraph gives in full ("the Secretariat of
    the Council" after "the Council of Europe")? ``counts``: the words of its institution names."""
    own = set() if _is_bare_head(text) else {w.lower() for w in words(text)}  # as counted
    return any(counts[w] > (w in own) and not w.startswith(OWNED_HEADS)
               for w in (x.lower() for x in name_words(text)) if w not in FUNCTION_WORDS)


def _names_an_index(ctx: FilterContext, cand: Candidate) -> bool:
    """Is ``cand`` followed by the word "index" (the name of an index, not an institution)?"""
    return _INDEX_NEXT.match(ctx.text, cand.end) is not None


def _anaphora(text: str, named: Counter[str]) -> bool:
    """A bare head («the Council») whose head word a fuller name of the paragraph has."""
    return all(w.lower() in named for w in words(text) if w.lower() not in _ARTICLES)


# «… орталығы» АҚ: a company's legal form is part of its name
_LEGAL_FORM = re.compile(r"(?:ЖШС|АҚ|ШҚ|ЖАҚ|ААҚ|ҰК|ТОО|АО|ЖК|ООО|ПАО|LLP|JSC|LLC|Ltd)(?:-\w+)?\W*")
# «Ұлттар баспасы» ЮНЕСКО қозғалысы: a quoted institution, then another name
_QUOTED_THEN = re.compile(r"([«\"“][^»\"”]+[»\"”])\s+(\S.*)", re.DOTALL)


def split_list(ctx: FilterContext, cand: Candidate) -> list[Candidate]:
    """The parts of a comma list ``cand`` (itself if it is not one); a quoted institution
    name followed by another name is two institutions."""
    text = surface(ctx, cand)
    m = _QUOTED_THEN.fullmatch(text)
    if m and words(m.group(1))[-1].lower().startswith(BARE_HEADS) and _NAMEISH.match(m.group(2)) \
            and not _LEGAL_FORM.fullmatch(m.group(2)):
        return [Candidate(cand.start + s, cand.start + e, cand.label, cand.source,
                          nominative_org(text[s:e].strip("«»\"“”"), ctx.lang), cand.priority,
                          cand.preference)
                for s, e in (m.span(1), m.span(2))]
    if "," not in text:
        return [cand]
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", text)]
    trimmed = []
    for s, e in parts:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        e -= len(piece) - len(piece.rstrip())
        trimmed.append((s, e))
    if any(e - s < 2 or not _NAMEISH.match(text[s:e]) for s, e in trimmed):
        return [cand]
    return [Candidate(cand.start + s, cand.start + e, cand.label, cand.source,
                      nominative_org(text[s:e], ctx.lang), cand.priority, cand.preference)
            for s, e in trimmed]


_FIRST_WORD = re.compile(r"(\S+)\s+")


def split_subject(ctx: FilterContext, cand: Candidate) -> list[Candidate]:
    """A Kazakh country in the nominative, then an international body: two mentions."""
    text = surface(ctx, cand)
    m = _FIRST_WORD.match(text)
    if ctx.lang != "kk" or m is None or split_suffix(m.group(1))[1]:
        return [cand]
    country = lookup_country(m.group(1), "kk")
    rest = text[m.end():]
    body = lookup_institution(normalize_kk(rest), "kk") if country is not None else None
    if body is None or body.kind != "international":
        return [cand]
    start = cand.start + m.end()
    return [Candidate(cand.start, cand.start + len(m.group(1)), "GPE", "gazetteer", m.group(1)),
            Candidate(start, cand.end, "ORG", cand.source, normalize_kk(rest), cand.priority,
                      cand.preference)]


def _named_heads(ctx: FilterContext, found: list[Candidate]) -> Counter[str]:
    """Lower-case words of the paragraph's institution names that are more than a head, each
    with the number of such names it is in (read as a set by :func:`_anaphora`)."""
    heads: Counter[str] = Counter()
    for cand in found:
        text = surface(ctx, cand)
        if cand.label == "ORG" and not _is_bare_head(text):
            heads.update({w.lower() for w in words(text)})
    return heads


def filter_institutions(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Split comma lists; drop adjectives, bare heads and indices unless catalogued."""
    named = _named_heads(ctx, found)
    org_ends = sorted(c.end for c in found if c.label == "ORG")
    out: list[Candidate] = []
    for cand in found:
        if cand.label != "ORG":
            out.append(cand)
            continue
        for part in (p for whole in split_list(ctx, cand) for p in split_subject(ctx, whole)):
            if part.label != "ORG":
                out.append(part)
                continue
            text = surface(ctx, part)
            person = None if confirmed(ctx, part) else _person_at_end(ctx, part, text)
            if person is not None:
                out.append(person)
            elif confirmed(ctx, part) and text not in _NO_INSTITUTION:
                out.append(part)
            elif not (_is_adjective(text) or text in _NO_INSTITUTION
                      or _INDEX_END.search(text)
                      or _is_plural(text, ctx.lang) or _defined_as_common(ctx, part)
                      or _owned_body(text, ctx.lang) and not _owner_before(ctx, part, org_ends)
                      and not _owner_named(text, named)
                      or _names_an_index(ctx, part) or _headless_concept(part, text, ctx.lang)
                      or _english_phrase(part, text, ctx.lang)
                      or (_is_bare_head(text) and not _anaphora(text, named))):
                out.append(part)
    return out
