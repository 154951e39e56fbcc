"""Laws need a law head word with a title, or a name the catalogue knows.

A head word (заң, кодекс, жарлық, закон, указ, law, act, code, treaty ...) and a title: a
quoted name, «… туралы», «О …», "On …", or another capitalised word or a number. A constitution
needs no title (the resolver finds its country). Without a head word only a catalogued name
passes, or a quoted title whose head word stands near it (``законы «О торговле» и «О рекламе»``;
a quoted «… туралы» title unless a word naming a work follows it: «Өз өміріңді өзгерту
туралы» еңбегі is a book), and an acronym a definition gave the label (``LAA``).
«Конструктивизм», «Әкімшілік құқық» and «Константа» are not laws, and neither is a kind of
law written with an indefinite article ("the offer of a Free Trade Agreement (FTA)"; but "both
sides signed a Trade and Transit Agreement" is one), nor an unquoted span that opens with a
sentence adverb («Қазіргі таңда әлемнің 50-ден астам мемлекетімен … туралы келісімге»: the
sentence, not a title).

>>> from kg.extract.filters.context import FilterContext
>>> text = "Конструктивизм, Әкімшілік құқық, «Білім туралы» Заңы, Конституция, Еңбек кодексі"
>>> found = [Candidate(m.start(), m.end(), "LAW", "ner") for m in re.finditer(
...     r"Конструктивизм|Әкімшілік құқық|«Білім туралы» Заңы|Конституция|Еңбек кодексі", text)]
>>> [text[c.start:c.end] for c in filter_laws(FilterContext(text, "kk"), found)]
['«Білім туралы» Заңы', 'Конституция', 'Еңбек кодексі']
>>> text = "«Өз өміріңді өзгерту туралы» еңбегі; «Жергілікті басқару туралы» [3]"
>>> found = [Candidate(m.start(), m.end(), "LAW", "rule") for m in re.finditer(r"«[^»]+»", text)]
>>> [text[c.start:c.end] for c in filter_laws(FilterContext(text, "kk"), found)]
['«Жергілікті басқару туралы»']
"""

from __future__ import annotations

import re

from kg.extract.filters.context import (
    FilterContext,
    confirmed,
    head_nearby,
    headed_elsewhere,
    surface,
    words,
)
from kg.extract.spans import Candidate, is_acronym

__all__ = ["LAW_HEADS", "filter_laws", "law_shaped"]

#: Lower-case stems of law head words in kk, ru and en.
LAW_HEADS = (
    "заң", "кодекс", "конституц", "жарлы", "қаулы", "келісім", "конвенц", "декларац",
    "меморандум", "шарт", "хартия", "хартиясы", "ереже", "регламент", "протокол", "директив",
    "құжат", "хаттама", "қағида", "платформ",  # Копенгаген құжаты, a protocol, rules, a platform
    "закон", "указ", "постановлени", "соглашени", "договор", "пакт",
    "law", "act", "code", "constitution", "decree", "resolution", "agreement", "treaty",
    "convention", "declaration", "charter", "protocol", "directive", "regulation", "bill",
    "covenant", "accord", "pact",
)
_CONSTITUTION = re.compile(r"конституц|constitution|ата\s+заң", re.IGNORECASE)
_TITLE = re.compile(r"[«\"“„]|туралы|(?:^|\s)(?:о|об|on)\s|\d", re.IGNORECASE)
_QUOTED = re.compile(r"\W*[«\"“„].*[»\"”]\W*", re.DOTALL)
_GENERIC = re.compile(
    r"^(?:the|of|and|on|жаңа|new|draft|жобасы|проект|мемлекеттік|state|federal|national|ұлттық|"
    r"қазақстан|республикасы|республикасының|ҚР|РК)$", re.IGNORECASE)


def _has_head(word: str) -> bool:
    low = word.lower()
    return low.startswith(LAW_HEADS) and not (low.startswith("act") and low not in ("act", "acts"))


def law_shaped(text: str) -> bool:
    """True if ``text`` has a law head word and a title (or is a constitution).

    >>> law_shaped("Criminal Code"), law_shaped("Code"), law_shaped("Constitution")
    (True, False, True)
    """
    if _CONSTITUTION.search(text):
        return True
    ws = words(text)
    heads = [w for w in ws if _has_head(w)]
    if not heads:
        return False
    if _TITLE.search(text):
        return True
    return any(w[:1].isupper() and not _has_head(w) and not _GENERIC.match(w) for w in ws)


#: Words that open a sentence, never a title (lower case).
SENTENCE_ADVERBS = frozenset(
    "қазіргі қазір бүгінде сонымен сондай-ақ сонда осы бұл ол мұнда алайда дегенмен мысалы "
    "біріншіден екіншіден сондықтан кейін кейіннен ал бірақ "
    "сегодня сейчас также однако например поэтому today currently however also".split())


def _opens_with_adverb(text: str) -> bool:
    """An unquoted span whose first word is a sentence adverb.

    >>> _opens_with_adverb("Қазіргі таңда … туралы келісімі"), _opens_with_adverb("«Осы» туралы")
    (True, False)
    """
    ws = text.split()
    return bool(ws) and ws[0].lower() in SENTENCE_ADVERBS


def filter_laws(ctx: FilterContext, found: list[Candidate]) -> list[Candidate]:
    """Drop law spans without a head word and a title, kinds of law ("a Free Trade
    Agreement (FTA)") and spans opening with a sentence adverb, unless catalogued."""
    kinds_of_law = [c for c in found if c.label == "LAW" and not confirmed(ctx, c)
                    and _INDEFINITE.search(ctx.text[max(0, c.start - 4):c.start])
                    and not _ENACTED.search(ctx.text[max(0, c.start - 30):c.start])]
    return [c for c in found
            if c.label != "LAW" or c not in kinds_of_law and not _defines(ctx, kinds_of_law, c)
            and not (_opens_with_adverb(surface(ctx, c)) and not confirmed(ctx, c))
            and (law_shaped(surface(ctx, c)) or is_acronym(surface(ctx, c))
                 or _titled_near_head(ctx, c) or confirmed(ctx, c)
                 or headed_elsewhere(ctx, c, LAW_HEADS))]


#: An English indefinite article right before a span: "a Deep and Comprehensive Free Trade
#: Agreement" names a kind of treaty offered to many countries, not one treaty.
_INDEFINITE = re.compile(r"(?:^|\s)(?:[Aa]|[Aa]n)\s+$")
#: ... unless a verb says that one was made: "both sides signed a Trade and Transit Agreement".
_ENACTED = re.compile(r"\b(?:sign|conclud|ratif|adopt|pass|enact|enter)\w*\s+(?:into\s+)?(?:an?)\s+$")


def _defines(ctx: FilterContext, kinds_of_law: list[Candidate], cand: Candidate) -> bool:
    """Is ``cand`` the acronym given in brackets right after a kind of law ("(DCFTA)")?"""
    return is_acronym(surface(ctx, cand)) and any(
        re.fullmatch(r"\s*\(\s*", ctx.text[k.end:cand.start]) for k in kinds_of_law)


#: Words naming a work (a book, an article ...): «… туралы» еңбегі is a title, not a law.
WORK_NOUNS = ("еңбе", "кітаб", "кітап", "мақала", "монография", "роман", "трактат", "очерк",
              "шығарма", "баяндама", "эссе", "өлең", "повест", "книг", "стать", "work", "book",
              "essay", "article")


_CITED = re.compile(r"\s*\[\d")


def _titled_near_head(ctx: FilterContext, cand: Candidate) -> bool:
    """A bare quoted title whose head word stands nearby (``законы «О торговле» и …``), a
    Kazakh «… туралы» title not followed by a word naming a work, or an unquoted one followed
    by a citation (``… туралы [33]``)."""
    text = surface(ctx, cand)
    if _QUOTED.fullmatch(text) is None:
        # Ерлер мен әйелдердің … кепілдіктері туралы [32]: a cited Kazakh title in a list
        return text.endswith("туралы") and _CITED.match(ctx.text, cand.end) is not None
    if re.search(r"туралы\W*$", text):
        following = words(ctx.text[cand.end:cand.end + 40])[:1]
        return not (following and following[0].lower().startswith(WORK_NOUNS))
    return head_nearby(ctx, cand, LAW_HEADS)
