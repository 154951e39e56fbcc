"""What an issue's front matter (masthead) and running heads say about the issue itself:
journal title, ISSNs, volume, number, year and the journal's DOI prefix.

>>> issue_year("Қоғам & Дәуір\\n1/2026\\nҒЫЛЫМИ-САРАПТАМАЛЫҚ ЖУРНАЛ")
2026
>>> issue_year("**№ 1 (демо), 2025**")
2025
>>> issue_year("2004 жылдан бастап әр тоқсан сайын") is None
True
>>> m = read_masthead("# Demo Review\\nISSN 0317-8471 (print)\\neISSN 1050-124X\\nVol. 7, No. 2, 2024\\n"
...                   "doi.org/10.99999/DR")
>>> m.title, m.issns, m.volume, m.number, m.year, m.doi_prefix
('Demo Review', (('0317-8471', 'print'), ('1050-124X', 'online')), '7', '2', 2024, '10.99999')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_YEAR = r"((?:19|20)\d\d)"
_NUMBER_YEAR = (
    re.compile(r"(?:^|\s|\*)(\d{1,2})\s*/\s*" + _YEAR + r"(?!\d)"),  # 1/2026
    re.compile(r"(?:№|No\.?|Nr\.?|Issue)\s*(\d{1,3})[^\n\d]{0,3}(?:\([^)\n]{0,12}\))?[^\n\d]{0,5}?,?\s*"
               + _YEAR + r"(?!\d)", re.I),  # № 1 (89), 2026 · No. 2, 2024
)
_VOLUME = re.compile(r"(?<![\w.])(?:Vol\.?|Volume|Том|Т\.)\s*(\d{1,3})(?!\d)", re.I)
_ISSN = re.compile(r"(?i)\b([ep])?-?ISSN\s*[:\s]\s*(\d{4})\s*[-‐–]\s*(\d{3}[\dX])\b\s*(\([^)\n]{1,20}\))?")
_ONLINE = re.compile(r"(?i)online|электрон|onlain|e-?version")
_PRINT = re.compile(r"(?i)print|печат|баспа")
_DOI_PREFIX = re.compile(r"(?i)(?:doi\.org/|doi:?\s*)(10\.\d{4,9})(?:/|\b)")
_DESCRIPTOR = re.compile(r"(?i)журнал|journal|review|вестник|хабаршы")
_TITLE_LIKE = re.compile(r"[^\W\d_][^\n\d@]{1,58}[^\W\d_]")


@dataclass(frozen=True)
class Masthead:
    """An issue's bibliographic data; ``issns`` are ``(ISSN, medium)`` pairs (``print``,
    ``online`` or ``""``), each checked by its check digit."""

    title: str | None = None
    issns: tuple[tuple[str, str], ...] = ()
    volume: str | None = None
    number: str | None = None
    year: int | None = None
    doi_prefix: str | None = None

    def label(self, fallback: str) -> str:
        """``Title, vol. 7, № 2, 2024`` with what is known, else ``fallback``.

        >>> Masthead("Demo", number="2", year=2024).label("x.txt"), Masthead().label("x.txt")
        ('Demo, № 2, 2024', 'x.txt')
        """
        parts = [p for p in (self.title, self.volume and f"vol. {self.volume}",
                             self.number and f"№ {self.number}", self.year and str(self.year)) if p]
        return ", ".join(parts) if self.title or self.number else fallback


def issue_year(front_matter: str) -> int | None:
    """The year printed as ``1/2026`` or ``№ 1 (89), 2026`` in the front matter, if any."""
    return _number_year(front_matter)[1]


def _number_year(text: str) -> tuple[str | None, int | None]:
    for pattern in _NUMBER_YEAR:
        m = pattern.search(text)
        if m:
            return m.group(1), int(m.group(2))
    return None, None


def issn_valid(issn: str) -> bool:
    """Whether the ISSN's check digit is right.

    >>> issn_valid("0317-8471"), issn_valid("0317-8472")
    (True, False)
    """
    digits = issn.replace("-", "")
    total = sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1)))
    check = (11 - total % 11) % 11
    return digits[7].upper() == ("X" if check == 10 else str(check))


def issns(text: str) -> tuple[tuple[str, str], ...]:
    """Every valid ISSN in ``text`` with its medium, first mention first, each once."""
    found: dict[str, str] = {}
    for m in _ISSN.finditer(text):
        issn = f"{m.group(2)}-{m.group(3).upper()}"
        if not issn_valid(issn):
            continue
        note = (m.group(4) or "") + (m.group(1) or "")
        medium = ("online" if _ONLINE.search(note) or (m.group(1) or "").lower() == "e"
                  else "print" if _PRINT.search(note) or (m.group(1) or "").lower() == "p" else "")
        if not found.get(issn):
            found[issn] = medium
    return tuple(found.items())


def _clean(line: str) -> str:
    return " ".join(line.strip().strip("#*_ ").replace("**", "").split())


def journal_title(front_matter: str) -> str | None:
    """The journal's title: a top-level Markdown heading, else the title-like line just before a
    line describing the journal («ҒЫЛЫМИ ЖУРНАЛ», "scientific journal"), else a title-like
    line repeated in the front matter.

    >>> journal_title("Institute of Things\\nDemo Review\\nwww.demo.kz\\n3/2024\\nSCIENTIFIC JOURNAL")
    'Demo Review'
    """
    lines = [_clean(raw) for raw in front_matter.splitlines()]
    for raw, line in zip(front_matter.splitlines(), lines):
        if re.match(r"#\s", raw.strip()) and _TITLE_LIKE.fullmatch(line):
            return line
    for i, line in enumerate(lines):
        if _DESCRIPTOR.search(line) and line.upper() == line:  # a descriptor printed in capitals
            for before in reversed([x for x in lines[max(0, i - 6):i] if x]):
                if _TITLE_LIKE.fullmatch(before) and "www" not in before and before.upper() != before:
                    return before
    counts = Counter(line for line in lines if _TITLE_LIKE.fullmatch(line) and len(line.split()) <= 6)
    repeated = [line for line, n in counts.items() if n >= 2]
    return repeated[0] if repeated else None


def _running_heads(text: str, title: str | None) -> Iterable[str]:
    """Lines of the whole text that repeat the journal title next to an issue number."""
    if not title:
        return []
    lines = Counter(_clean(line) for line in text.splitlines() if title in line and len(line) < 120)
    return [line for line, n in lines.items() if n >= 2 and line != title]


def read_masthead(front_matter: str, text: str = "", article_dois: Iterable[str] = ()) -> Masthead:
    """The bibliographic data of an issue from its front matter; the number and year may also
    come from running heads in ``text`` (the whole issue), the DOI prefix from the articles'
    DOIs when the masthead prints none (all of them sharing one prefix)."""
    title = journal_title(front_matter)
    number, year = _number_year(front_matter)
    if year is None:
        for head in _running_heads(text, title):
            number, year = _number_year(head)
            if year is not None:
                break
    volume = _VOLUME.search(front_matter)
    prefix = _DOI_PREFIX.search(front_matter)
    prefixes = {d.split("/", 1)[0] for d in article_dois if d.startswith("10.")}
    doi_prefix = prefix.group(1) if prefix else (prefixes.pop() if len(prefixes) == 1 else None)
    return Masthead(title, issns(front_matter), volume.group(1) if volume else None, number, year, doi_prefix)
