"""The pieces Russian names are made of, read off a paragraph's tokens.

:class:`Phrases` finds, around a head noun, the agreeing adjectives before it, the genitive
tail after it (``Министерство иностранных дел``), a country qualifier (``Республики
Казахстан``) and quoted titles (``«О языках»``); :mod:`kg.extract.ru.rules` builds names of them.

>>> p = Phrases("Министерство образования и науки Республики Казахстан")
>>> end = p.gen_tail(1, org=True)
>>> [t.text for t in p.toks[1:end]]
['образования', 'и', 'науки', 'Республики', 'Казахстан']
"""

from __future__ import annotations

import bisect
import re

from kg.extract.ru.morph import adjective_lemma, analyse, has_case, is_adjective, is_country
from kg.extract.ru.words import (
    ACRONYMS, GENERIC_ACRONYMS, NOT_NAME_ADJECTIVES, is_capitalised, tokenize,
)
from kg.extract.spans import is_acronym

__all__ = ["Phrases", "QUOTE"]

QUOTE = re.compile(
    r"«(?:[^«»\n]|«[^«»\n]*»){1,200}»|\"[^\"\n]{1,200}\"|“[^”\n]{1,200}”|„[^“”\n]{1,200}[“”]"
)
_SPACE_QUOTE = re.compile(rf"\s*({QUOTE.pattern})")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|и\s|или\s)\s*")
_NAMED_AFTER = re.compile(r"\.?\s*(?:[А-ЯЁA-Z]\.\s*){0,3}[А-ЯЁA-Zа-яё][\w-]*")  # имени …


class Phrases:
    """The tokens of one paragraph, and the phrases that can be read off them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.starts = [t.start for t in self.toks]

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.starts, pos)

    def modifiers(self, h: int, head_cases: frozenset[str], org: bool) -> int:
        """Index of the first of up to three agreeing adjectives before token ``h``."""
        first = h
        while first > 0 and h - first < 3:
            tok = self.toks[first - 1]
            if self.text[tok.end:self.toks[first].start].strip():
                break
            w = analyse(tok.text.lower())
            if not is_adjective(tok.text) or not (w.cases & head_cases):
                break
            if adjective_lemma(tok.text) in NOT_NAME_ADJECTIVES:
                break
            first -= 1
        if org:  # lower-case leading adjectives are descriptions, not part of the name
            while first < h and not is_capitalised(self.toks[first].text):
                first += 1
        return first

    def gen_tail(self, j: int, limit: int = 9, org: bool = False) -> int:
        """Index after a genitive tail starting at token ``j`` (``j`` if there is none)."""
        toks, n, end, k = self.toks, len(self.toks), j, j
        while k < n and k - j < limit:
            if k > 0 and "\n" in self.text[toks[k - 1].end:toks[k].start]:
                break
            t = toks[k].text
            if org and t in ("имени", "им") and k + 1 < n:
                m = _NAMED_AFTER.match(self.text, toks[k].end)
                if m and any(c.isupper() for c in m.group()):
                    k = self.index_at(m.end())
                    end = k
                    continue
            if is_acronym(t, ACRONYMS) and t not in GENERIC_ACRONYMS:
                k += 1
                end = k
                continue
            if t[:1].isalpha() and self._genitive_word(k):
                k += 1
                end = k
                continue
            if t == "и" and k + 1 < n and self._genitive_word(k + 1) and end == k:
                k += 1
                continue
            if t == "," and end == k and self._comma_list(k):
                k += 1
                continue
            if org and t == "при" and k + 1 < n and is_capitalised(toks[k + 1].text) and has_case(
                    toks[k + 1].text, "loct"):
                k += 2
                end = k
                continue
            if org and t == "по" and k + 1 < n and toks[k + 1].text.islower() and (
                    has_case(toks[k + 1].text, "datv") or has_case(toks[k + 1].text, "loct")):
                k += 2
                end = k
                continue
            break
        return end

    def _genitive_word(self, k: int) -> bool:
        t = self.toks[k].text
        if not t[:1].isalpha() or len(t) == 1:
            return False
        w = analyse(t.lower())
        if is_capitalised(t):
            prev = self.toks[k - 1].text.lower() if k else ""
            if prev.startswith(("республик", "федерац")):
                return True  # ``Республики Казахстан``
            return "gent" in w.cases or not w.known
        if w.top_pos in ("NPRO", "PREP", "CONJ", "PRCL", "INFN", "ADVB", "GRND", "PRTS"):
            return False
        if adjective_lemma(t) in NOT_NAME_ADJECTIVES:
            return False
        return "gent" in w.cases

    def _comma_list(self, k: int) -> bool:
        """``образования, науки и спорта``: a comma inside a genitive list ending in ``и``."""
        for m in range(k + 1, min(k + 6, len(self.toks))):
            t = self.toks[m].text
            if t == "и":
                return m + 1 < len(self.toks) and self._genitive_word(m + 1)
            if not self._genitive_word(m) and t != ",":
                return False
        return False

    def qualifier(self, j: int) -> int:
        """Index after ``Республики Казахстан`` / ``РК`` / ``Российской Федерации`` at ``j``."""
        toks, n = self.toks, len(self.toks)
        if j >= n:
            return j
        t = toks[j].text
        if t in ("РК", "РФ", "КР", "КНР", "США", "СССР"):
            return j + 1
        if t.lower().startswith("республик") and j + 1 < n and is_capitalised(toks[j + 1].text):
            return j + 2
        if is_capitalised(t) and j + 1 < n and toks[j + 1].text.lower()[:8] in (
                "республи", "федераци"):
            return j + 2
        if is_capitalised(t) and "gent" in analyse(t.lower()).cases and is_country(t):
            return j + 1
        return j

    def quote_at(self, pos: int) -> re.Match[str] | None:
        """A quoted title at ``pos``; one starting in lower case (``«мягкой силы»``) is not."""
        m = _SPACE_QUOTE.match(self.text, pos)
        if m and not re.match(r"[«\"“„]+[\dA-ZА-ЯЁӘҒҚҢӨҰҮҺІ]", m.group(1)):
            return None
        return m

    def quote_list(self, pos: int) -> list[tuple[int, int]]:
        """Quoted names ``«A», «B» и «C»`` starting at ``pos`` (empty if none)."""
        out: list[tuple[int, int]] = []
        m = self.quote_at(pos)
        while m:
            out.append((m.start(1), m.end(1)))
            s = _LIST_SEPARATOR.match(self.text, m.end())
            m = self.quote_at(s.end()) if s else None
        return out
