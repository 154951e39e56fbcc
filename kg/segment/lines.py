"""Lines of a document with their offsets and a markup-free reading.

The journals arrive as Markdown/HTML-ish conversions of PDFs. A :class:`Line`
keeps the raw text and offsets, plus ``text``: the line without emphasis,
headings, escapes and links, with superscript affiliation markers in every
form the files use (``¹²``, ``<sup>1</sup>``, ``^{1}``) rewritten as ``{1}``.

>>> clean_markup("**Асия Аккулиева¹,²** <sup>3</sup> a\\\\_b")
'Асия Аккулиева{1,2} {3} a_b'
>>> strip_markers("Name{1,2}")
'Name'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUP_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\s*[,،]\s*[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*")
_SUP_HTML = re.compile(r"<sup>\s*([\d,\s*]+?)\s*</sup>", re.I)
_SUP_TEX = re.compile(r"\^\{?\s*(\d+(?:\s*,\s*\d+)*)\s*\}?")
_MAILTO = re.compile(r"\[([^\]]*)\]\(mailto:[^)]*\)", re.I)
_LINK = re.compile(r"\[([^\]]+)\]\((?:https?|ftp)[^)]*\)")
_ANGLE_URL = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_TAGS = re.compile(r"</?(?:b|i|em|strong|u|span|p|br)\b[^>]*>", re.I)
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}|[*_]{1,3}(?![\w*])|\*+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
_ESCAPE = re.compile(r"\\+([_*\[\]()#.\-!`>])")
_MARKER = re.compile(r"\{(\d+(?:,\d+)*)\}")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


@dataclass(frozen=True)
class Line:
    """One line of a document: ``raw`` spans ``[start, end)``; ``text`` is cleaned."""

    index: int
    start: int
    end: int
    raw: str
    text: str

    @property
    def plain(self) -> str:
        """The cleaned text without affiliation markers."""
        return strip_markers(self.text)

    @property
    def blank(self) -> bool:
        return not self.text.strip(" -–—_*#|")


def split_lines(text: str) -> tuple[Line, ...]:
    """Cut ``text`` into :class:`Line` values.

    >>> [l.text for l in split_lines("## **Title**\\n\\n- item")]
    ['Title', '', '- item']
    """
    out: list[Line] = []
    pos = 0
    for i, raw in enumerate(text.split("\n")):
        out.append(Line(i, pos, pos + len(raw), raw, clean_markup(raw)))
        pos += len(raw) + 1
    return tuple(out)


def clean_markup(raw: str) -> str:
    """Remove Markdown/HTML decoration and normalise affiliation markers to ``{n}``."""
    s = _MAILTO.sub(r"\1", raw)
    s = _LINK.sub(r"\1", s)
    s = _ANGLE_URL.sub(r"\1", s)
    s = _SUP_HTML.sub(lambda m: "{" + _digits(m.group(1)) + "}", s)
    s = _SUP_RUN.sub(lambda m: "{" + _digits(m.group().translate(_SUPERSCRIPTS)) + "}", s)
    s = _SUP_TEX.sub(lambda m: "{" + _digits(m.group(1)) + "}", s)
    s = _TAGS.sub("", s)
    s = _HEADING.sub("", s)
    s = _ESCAPE.sub(r"\1", s)
    s = _EMPHASIS.sub("", s)
    s = s.replace("{}", "")
    return _SPACES.sub(" ", s).strip()


def _digits(s: str) -> str:
    return ",".join(re.findall(r"\d+", s))


def strip_markers(text: str) -> str:
    """Drop ``{n}`` markers and tidy the spaces they leave."""
    s = _MARKER.sub("", text)
    s = re.sub(r"\s+([,;.])", r"\1", s)
    return _SPACES.sub(" ", s).strip()


def markers_of(text: str) -> tuple[int, ...]:
    """The marker numbers in ``text``, in order.

    >>> markers_of("{1} text {2,3}")
    (1, 2, 3)
    """
    return tuple(int(n) for m in _MARKER.finditer(text) for n in m.group(1).split(","))


def leading_marker(text: str) -> tuple[int, ...]:
    """Marker numbers when ``text`` starts with one (an affiliation line)."""
    m = re.match(r"\s*\{(\d+(?:,\d+)*)\}", text)
    return tuple(int(n) for n in m.group(1).split(",")) if m else ()


def is_caps(text: str, min_words: int = 2) -> bool:
    """True for a line set in capitals (a title), ignoring digits and punctuation.

    >>> is_caps("ҚАЗАҚСТАН МЕН ҚЫТАЙ"), is_caps("Қазақстан мен Қытай")
    (True, False)
    """
    letters = [ch for ch in text if ch.isalpha()]
    words = [w for w in re.findall(r"\w+", text) if any(c.isalpha() for c in w)]
    if len(letters) < 6 or len(words) < min_words:
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 0.85 * len(letters)
