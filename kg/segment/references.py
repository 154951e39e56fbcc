"""Reference lists: headings, entries, DOIs and years.

>>> is_reference_heading("ӘДЕБИЕТТЕР:"), is_reference_heading("Әдебиеттерге шолу")
(True, False)
>>> r = parse_reference("3. Laumulin M. Kazakhstan... Almaty, 2000. DOI: 10.1080/1474.2023.22")
>>> r.text, r.doi, r.year, r.authors
('Laumulin M. Kazakhstan... Almaty, 2000. DOI: 10.1080/1474.2023.22', '10.1080/1474.2023.22', 2000, ('Laumulin M.',))
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.model import Reference
from kg.segment.citation import split_citation
from kg.segment.lines import Line

_HEADING = re.compile(
    r"(?i)^(?:\d+\.?\s*)?(?:(?:пайдаланылған\s+)?әдебиеттер(?:\s+тізімі)?|"
    r"(?:список\s+)?(?:использованной\s+|использованных\s+источников\s+и\s+)?литератур[аы]|"
    r"список\s+использованных\s+источников|использованная\s+литература|"
    r"references?(?:\s+list)?|bibliography|literature|list\s+of\s+references)\s*[:.]?$"
)
_NUMBERED = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\s*[.)])\s*")
_BULLET = re.compile(r"^\s*[-•–]\s+")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>\])]+)", re.I)
_IGNORED_YEARS = re.compile(
    r"«[^»]*»|\w-\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}|(?i:accessed|дата обращения|қаралған күні)[^)]*"
)
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def is_reference_heading(text: str) -> bool:
    """True for a heading that opens a reference list."""
    return len(text) < 60 and bool(_HEADING.match(text.strip(" *#")))


def is_entry_start(line: Line) -> bool:
    """True when a raw line opens a numbered or bulleted list entry."""
    return bool(_NUMBERED.match(line.text) or _BULLET.match(line.raw))


def parse_entries(lines: Sequence[Line]) -> tuple[Reference, ...]:
    """Entries of one reference list (numbered, bulleted, or one per line)."""
    content = [line for line in lines if not line.blank]
    numbered = any(_NUMBERED.match(line.text) for line in content)
    bulleted = not numbered and any(_BULLET.match(line.raw) for line in content)
    entries: list[str] = []
    for line in content:
        starts = (_NUMBERED.match(line.text) if numbered
                  else _BULLET.match(line.raw) if bulleted else True)
        if starts or not entries:
            entries.append(line.text)
        else:  # a wrapped entry, possibly after a stray "-" bullet
            entries[-1] += " " + _BULLET.sub("", line.text)
    return tuple(parse_reference(e) for e in entries if len(e.strip()) > 3)


def parse_reference(text: str) -> Reference:
    """One entry with its numbering removed, its DOI, its (first plausible) year and its parts."""
    body = _BULLET.sub("", _NUMBERED.sub("", text, count=1), count=1).strip()
    doi_match = _DOI.search(body)
    doi = doi_match.group(1).rstrip(".,;") if doi_match else None
    return replace(split_citation(body), doi=doi, year=publication_year(_DOI.sub(" ", body)))


def publication_year(text: str) -> int | None:
    """The year in parentheses if any, else the first year outside quoted titles and dates.

    >>> publication_year("«Қазақстан-2050» стратегиясы. – Астана, 2012 (accessed: 04.12.2025)")
    2012
    """
    scrubbed = _IGNORED_YEARS.sub(" ", text)
    m = re.search(r"\((1[89]\d\d|20\d\d)[a-z]?\)", scrubbed)
    years = [m.group(1)] if m else _YEAR.findall(scrubbed)
    return int(years[0]) if years else None
