"""Russian rules: laws, programs and institutions around their head nouns, and known acronyms.

Laws, codes and treaties (``Закона Республики Казахстан «О …»``, ``Гражданский кодекс``,
``Конституции``), programs and strategies (``государственная программа «…»``, ``Стратегия
«Казахстан-2050»``, ``Цели устойчивого развития``), institutions with a common head noun
(``Министерство иностранных дел …``, ``Казахский национальный университет …``) and
well-known acronyms (``ООН``, ``ОБСЕ``). Rule spans have :data:`RULE` priority: they beat
any model span. For laws and programs only the head phrase is put into the nominative and
the quoted title kept.

>>> text = "согласно Закону «О языках»"
>>> [(text[c.start:c.end], c.label, c.canonical) for c in find_by_rules(text)]
[('Закону «О языках»', 'LAW', 'Закон «О языках»')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.ru.morph import (
    analyse, has_case, head_cases, head_lemmas, is_country, normalize, noun_lemmas,
)
from kg.extract.ru.phrases import QUOTE, Phrases
from kg.extract.ru.words import (
    ACRONYMS, LAW_HEADS, ORG_ACRONYMS, ORG_HEADS, ORG_QUOTE_HEADS, PROGRAM_HEADS,
    QUALIFIED_PROGRAM_HEADS, SENTENCE_START, STANDALONE_ORGS, WEAK_ORG_HEADS, capitalise,
    is_capitalised, unquote,
)
from kg.extract.spans import Candidate, is_acronym, sentence_initial

__all__ = ["RULE", "find_by_rules"]

#: Priority of a rule span (model spans have 0); rule and acronym spans are preferred to
#: equally long model spans.
RULE = 1

_MONTHS = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DATE_NUMBER = re.compile(
    rf"(?:\s+от\s+(?:\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}|\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}})"
    rf"(?:\s*(?:года|г\.))?)?(?:\s+(?:№|N)\s*[\w/-]+)?"
)
_YEAR_PHRASE = re.compile(
    r"\s+(?:до|на|в)\s+(?:\d{4}(?:\s*[-–—]\s*\d{4})?)\s*(?:года|годы|год|гг?\.)"
)
_IN_COUNTRY = re.compile(r"\s+в\s+Республике\s+Казахстан|\s+в\s+РК\b|\s+в\s+Казахстане")
_ACRONYM_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, ORG_ACRONYMS), key=len, reverse=True))
    + r")(?![\w])"
)
_LEGAL_FORM = r"(?:АО|ТОО|ОАО|ЗАО|ООО|ПАО|НАО|РГП|РГКП|ГКП|ОФ|ОЮЛ|РОО|ЧУ)"
_LEGAL_ORG = re.compile(
    rf"(?<![\w-]){_LEGAL_FORM}\s*(?:{QUOTE.pattern})|(?:{QUOTE.pattern})\s*{_LEGAL_FORM}(?![\w-])"
)
_SDG = re.compile(
    r"(?<![\w-])Цел(?:и|ей|ям|ями|ях)\s+устойчивого\s+развития(?![\w-])|(?<![\w-])ЦУР(?![\w-])"
)
_YEAR_NAMED = re.compile(r"«[А-ЯЁA-Z][\w-]*[-‑–]20\d\d»|(?<![\w-])[А-ЯЁ][а-яё]+[-‑]20\d\d(?![\w-])")
_STANDALONE_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(STANDALONE_ORGS)) + r")(?![\w-])")


def find_by_rules(text: str) -> list[Candidate]:
    """The rule spans of one paragraph, before overlap resolution (no model needed)."""
    return list(_Rules(text).candidates())


def _rule(start: int, end: int, label: str, canonical: str) -> Candidate:
    return Candidate(start, end, label, "rule", canonical, priority=RULE, preference=1)


def _acronym(start: int, end: int, label: str, canonical: str) -> Candidate:
    return Candidate(start, end, label, "acronym", canonical, preference=1)


class _Rules(Phrases):
    """The rule matcher over one paragraph."""

    def candidates(self) -> Iterator[Candidate]:
        yield from self._regex_candidates()
        for h, tok in enumerate(self.toks):
            if not tok.text[:1].isalpha():
                continue
            if tok.text.isupper() and len(tok.text) > 3:
                continue  # a heading in capitals: capitalisation says nothing there
            lemmas = head_lemmas(tok.text)
            if not lemmas:
                continue
            if lemmas & LAW_HEADS:
                yield from self._law(h, next(iter(lemmas & LAW_HEADS)))
            if lemmas & PROGRAM_HEADS:
                yield from self._program(h, next(iter(lemmas & PROGRAM_HEADS)))
            if lemmas & ORG_QUOTE_HEADS:
                yield from self._org(h, lemmas & ORG_QUOTE_HEADS)

    def _regex_candidates(self) -> Iterator[Candidate]:
        text = self.text
        for m in _ACRONYM_RE.finditer(text):
            yield _acronym(m.start(), m.end(), "ORG", m.group())
        for m in _STANDALONE_RE.finditer(text):
            if not sentence_initial(text, m.start(), SENTENCE_START):
                yield _acronym(m.start(), m.end(), "ORG", m.group())
        for m in _LEGAL_ORG.finditer(text):
            q = QUOTE.search(m.group())
            name = unquote(q.group()) if q else m.group()
            yield _rule(m.start(), m.end(), "ORG", name)
        for m in _SDG.finditer(text):
            canonical = "ЦУР" if m.group() == "ЦУР" else "Цели устойчивого развития"
            yield _rule(m.start(), m.end(), "PROGRAM", canonical)
        for m in _YEAR_NAMED.finditer(text):
            yield _rule(m.start(), m.end(), "PROGRAM", m.group())

    def _make(self, first: int, head: int, end_pos: int, label: str) -> Candidate:
        """Span from token ``first`` to ``end_pos``: modifiers+head inflected, rest kept."""
        start = self.toks[first].start
        head_end = self.toks[head].end
        phrase = normalize(self.text[start:head_end], "ORG")
        canonical = " ".join((phrase + self.text[head_end:end_pos]).split())
        if label in ("LAW", "PROGRAM"):
            canonical = capitalise(canonical)
        return _rule(start, end_pos, label, canonical)

    def _law(self, h: int, lemma: str) -> Iterator[Candidate]:
        toks, text = self.toks, self.text
        head = toks[h]
        if lemma == "конституция":
            if not is_capitalised(head.text):
                q = self.qualifier(h + 1)
                if q == h + 1:
                    return
            end = self.qualifier(h + 1)
            yield self._make(h, h, toks[end - 1].end if end > h + 1 else head.end, "LAW")
            return
        first = self.modifiers(h, head_cases(head.text, lemma), org=False)
        if lemma == "закон" and first == h and h > 0 and "проект" in head_lemmas(toks[h - 1].text):
            first = h - 1  # ``проекта Закона «О …»``: a draft law
        j = h + 1
        if lemma in ("указ", "постановление") and j < len(toks) and (
                noun_lemmas(toks[j].text) & {"президент", "правительство", "глава", "министр"}):
            j += 1
        j = self.qualifier(j)
        pos = toks[j - 1].end if j > h + 1 else head.end
        dn = _DATE_NUMBER.match(text, pos)
        dated = dn is not None and bool(dn.group())
        if dn is not None and dated:
            pos = dn.end()
        quotes = self.quote_list(pos)
        if len(quotes) > 1:  # ``законы «О …», «О …»``: only the names are spans
            for s, e in quotes:
                yield _rule(s, e, "LAW", f"{capitalise(lemma)} {text[s:e]}")
            return
        if quotes:
            yield self._make(first, h, quotes[0][1], "LAW")
            return
        if lemma in ("указ", "постановление"):
            if dated:
                yield self._make(first, h, pos, "LAW")
            return
        if lemma == "кодекс":
            end = self.qualifier(h + 1)
            if end < len(toks) and toks[end].text in ("о", "об"):
                end = max(end, self._about_tail(end))
            named = is_capitalised(toks[first].text) or end > h + 1
            if named and (first < h or end > h + 1):
                yield self._make(first, h, toks[end - 1].end if end > h + 1 else head.end, "LAW")
            return
        if is_capitalised(head.text) and first == h and h + 1 < len(toks) and toks[h + 1].text in (
                "о", "об"):
            end = self._about_tail(h + 1)
            if end > h + 2:
                yield self._make(first, h, toks[end - 1].end, "LAW")

    def _about_tail(self, k: int) -> int:
        """Index after ``о правах ребенка``: ``о``/``об`` + prepositional words + genitives."""
        m, end = k + 1, k
        while m < len(self.toks) and m - k < 8:
            t = self.toks[m].text
            if t == "и" and end == m and m + 1 < len(self.toks):
                m += 1
                continue
            if t.islower() and has_case(t, "loct") and analyse(t).top_pos not in ("PREP", "CONJ"):
                m += 1
                end = m
                continue
            break
        return k if end == k else self.gen_tail(end, limit=5)

    def _program(self, h: int, lemma: str) -> Iterator[Candidate]:
        toks, text = self.toks, self.text
        head = toks[h]
        first = self.modifiers(h, head_cases(head.text, lemma), org=False)
        if lemma in QUALIFIED_PROGRAM_HEADS and first == h and not is_capitalised(head.text):
            # bare ``проект``/``план``: only a parenthesised or quoted name after it
            yield from self._parenthesised(h)
            return
        tail = self.gen_tail(h + 1, limit=7)
        pos = toks[tail - 1].end if tail > h + 1 else head.end
        extra = _IN_COUNTRY.match(text, pos)
        pos = extra.end() if extra else pos
        year = _YEAR_PHRASE.match(text, pos)
        pos = year.end() if year else pos
        quotes = self.quote_list(pos)
        if len(quotes) > 1:
            for s, e in quotes:
                yield _rule(s, e, "PROGRAM", text[s:e])
            return
        if quotes and tail - h <= 4:
            yield self._make(first, h, quotes[0][1], "PROGRAM")
            return
        yield from self._parenthesised(h)
        proper = any(is_capitalised(t.text) or is_acronym(t.text, ACRONYMS) for t in toks[h + 1:tail])
        capital = is_capitalised(toks[first].text) and not sentence_initial(
            text, toks[first].start, SENTENCE_START)
        if tail > h + 1 and (year or extra or (capital and (proper or tail - h >= 2))):
            yield self._make(first, h, pos, "PROGRAM")

    def _parenthesised(self, h: int) -> Iterator[Candidate]:
        """``программ («А», АСП, «Б»)``: names listed in parentheses right after a head."""
        toks, text = self.toks, self.text
        for k in range(h + 1, min(h + 9, len(toks))):
            t = toks[k].text
            if t in ".!?;":
                return
            if t != "(":
                continue
            pos, found = toks[k].end, []
            item = re.compile(
                rf"\s*(?:({QUOTE.pattern})|({ACRONYMS.shape.pattern}))\s*(?:,|;|и\s)?")
            while (m := item.match(text, pos)) and m.end() > pos:
                g = 1 if m.group(1) else 2
                if g == 2 and not is_acronym(m.group(2), ACRONYMS):
                    return
                found.append((m.start(g), m.end(g)))
                pos = m.end()
            if found and text[pos:pos + 1] == ")" and any(text[s] in "«\"“„" for s, _ in found):
                for s, e in found:
                    yield _rule(s, e, "PROGRAM", text[s:e])
            return

    def _org(self, h: int, lemmas: frozenset[str]) -> Iterator[Candidate]:
        toks, text = self.toks, self.text
        head = toks[h]
        lemma = next(iter(sorted(lemmas)))
        first = self.modifiers(h, head_cases(head.text, lemma), org=True)
        tail = self.gen_tail(h + 1, org=True)
        pos = toks[tail - 1].end if tail > h + 1 else head.end
        quote = self.quote_at(pos) if tail - h <= 4 else None
        if quote and text[quote.start(1)] != "«" and tail == h + 1:
            quote = None
        end = quote.end(1) if quote else pos
        if not (lemmas & ORG_HEADS) and not quote:
            return
        named = is_capitalised(toks[first].text)
        if not named and not quote:
            return
        modified = first < h
        if not (modified or tail > h + 1 or quote):
            return
        if lemmas <= WEAK_ORG_HEADS and not (modified or quote) and (
                sentence_initial(text, head.start, SENTENCE_START)
                or tail == h + 2 and toks[h + 1].text.islower()
                and not is_acronym(toks[h + 1].text, ACRONYMS)):
            return
        cand = self._make(first, h, end, "ORG")
        canonical = capitalise(unquote(cand.canonical) if quote else cand.canonical)
        cand = _rule(cand.start, cand.end, "ORG", canonical)
        if is_country(text[cand.start:cand.end], cand.canonical):
            cand = _rule(cand.start, cand.end, "GPE", cand.canonical)
        yield cand
