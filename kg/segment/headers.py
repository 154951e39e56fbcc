"""Header blocks: the abstract/keywords markers and the name/title lines above them.

An article's header repeats in up to three languages; each repetition is a
:class:`Block`: names and title (the *head*), an abstract and a keyword list.

>>> from kg.segment.lines import split_lines
>>> lines = split_lines("Аңдатпа. Мақала.\\n\\nТүйін сөздер: саясат, мемлекет.")
>>> [(m.kind, m.lang) for m in find_markers(lines)]
[('abstract', 'kk'), ('keywords', 'kk')]
>>> parse_keywords("Keywords: *creative industries; Kazakhstan.*")
('creative industries', 'Kazakhstan')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.text.lang import detect_language
from kg.segment.lines import Line, is_caps
from kg.segment.people import parse_names

_ABSTRACT = re.compile(
    r"(?i)^(аңдатпа|андатпа|аннотация|abstract|annotation)\s*[.:—–-]?\s*(?=\S|$)"
)
_KEYWORDS = re.compile(
    r"(?i)^(түйін(?:ді)?\s+сөздер|түйінді\s+сөз|негізгі\s+сөздер|ключевые\s+слова|"
    r"key\s*-?\s*words)\s*[.:—–-]?\s*"
)
_MARKER_LANG = {"аң": "kk", "ан": "kk", "тү": "kk", "не": "kk", "кл": "ru"}


@dataclass(frozen=True)
class Marker:
    """A line opening an abstract or a keyword list."""

    line: int
    kind: str  # "abstract" | "keywords"
    lang: str


@dataclass(frozen=True)
class Head:
    """Names, title and the lines between them (affiliations) above an abstract."""

    names: tuple[tuple[str, tuple[int, ...]], ...]
    title: str
    other: tuple[Line, ...]
    first_line: int


def is_keyword_list(text: str) -> bool:
    """Does ``text`` (a paragraph, markup allowed) open with a keyword-list marker?

    >>> is_keyword_list("**Түйін сөздер:** саясат"), is_keyword_list("*Keywords:* policy"), is_keyword_list("Аңдатпа.")
    (True, True, False)
    """
    return bool(_KEYWORDS.match(text.lstrip(" *_#").replace("**", "").replace("*", "")))


def find_markers(lines: Sequence[Line]) -> list[Marker]:
    """Abstract and keyword markers, with the language their word implies."""
    found: list[Marker] = []
    for line in lines:
        for kind, pattern in (("abstract", _ABSTRACT), ("keywords", _KEYWORDS)):
            m = pattern.match(line.text)
            if m:
                word = m.group(1).lower()
                lang = "ru" if word.startswith("аннот") else _MARKER_LANG.get(word[:2], "en")
                found.append(Marker(line.index, kind, lang))
    return found


def marker_text(line: Line) -> str:
    """The text of a marker line after its label."""
    for pattern in (_ABSTRACT, _KEYWORDS):
        m = pattern.match(line.text)
        if m:
            return line.text[m.end():].strip()
    return line.text


def parse_keywords(text: str) -> tuple[str, ...]:
    """Split a keyword list on semicolons (if any) or commas."""
    line = _KEYWORDS.sub("", text.strip()).strip(" *.")
    parts = re.split(r"\s*;\s*", line) if ";" in line else re.split(r"\s*,\s*", line)
    return tuple(p.strip(" *.") for p in parts if p.strip(" *."))


def block_language(text: str, marker_lang: str) -> str:
    """Language of an abstract+keywords block: its content, else its marker word."""
    return detect_language(text, default=marker_lang) if len(text) > 40 else marker_lang


def parse_head(lines: Sequence[Line]) -> Head:
    """Split the lines above an abstract into names, title and the rest."""
    content = [part for line in lines if not line.blank for part in _split_names_title(line)]
    if not content:
        return Head((), "", (), -1)
    title_idx = _title_run(content)
    names: tuple[tuple[str, tuple[int, ...]], ...] = ()
    title = ""
    names_at = -1
    for i, line in enumerate(content[: (title_idx[0] if title_idx else len(content))]):
        joined = _join_wrapped(content, i)
        names = parse_names(joined[0])
        if names:
            names_at, last = i, joined[1]
            break
    if title_idx:
        title = " ".join(content[j].plain for j in title_idx)
    if names_at < 0:
        last = -1
    start_other = (last + 1) if names_at >= 0 else 0
    end_other = title_idx[0] if title_idx else len(content)
    other = tuple(content[start_other:end_other])
    if not title and other:
        title, other = other[-1].plain, other[:-1]
    first = content[names_at].index if names_at >= 0 else content[0].index
    return Head(names, _tidy_title(title), other, first)


def _join_wrapped(content: Sequence[Line], i: int) -> tuple[str, int]:
    """A name list may wrap over lines ending with a comma."""
    text, j = content[i].text, i
    while text.rstrip().endswith(",") and j + 1 < len(content) and not is_caps(content[j + 1].plain):
        j += 1
        text = text.rstrip() + " " + content[j].text
    return text, j


def _title_run(content: Sequence[Line]) -> list[int]:
    """Indexes of the last run of capitalised lines (the title), possibly empty."""
    run: list[int] = []
    for i in range(len(content) - 1, -1, -1):
        text = content[i].plain
        if is_caps(text, min_words=1) and not parse_names(content[i].text) and "@" not in text \
                and not re.search(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", text):
            run.insert(0, i)
        elif run:
            break
    return run if any(is_caps(content[i].plain) for i in run) else []


def _split_names_title(line: Line) -> tuple[Line, ...]:
    """``Name One, Name Two TITLE IN CAPITALS`` on one line becomes two lines."""
    words = line.text.split(" ")
    for k in range(1, min(len(words), 16)):
        tail = " ".join(words[k:])
        if words[k].isupper() and is_caps(tail):
            head = " ".join(words[:k]).rstrip(",")
            if parse_names(head):
                return (Line(line.index, line.start, line.end, line.raw, head),
                        Line(line.index, line.start, line.end, line.raw, tail))
    return (line,)


def _tidy_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" .")
