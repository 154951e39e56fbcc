"""A reference entry split into authors, title, container (journal or collection), volume,
issue and pages, for the three styles of our journals: GOST (``Title // Journal. – 2020. – № 3.
– С. 5–9.``), APA (``Surname, I. (2020). Title. *Journal*, 12(3), 5–9.``) and Harvard
(``Surname, I., 2020. Title. Journal, 12(3), pp. 5–9.``). What cannot be told apart stays out.

>>> c = split_citation("Omarov A.B., Lee K. Digital states // Demo Politics Review. – 2021. – № 4 (12). – С. 10–25.")
>>> c.authors, c.title, c.container, c.issue, c.pages
(('Omarov A.B.', 'Lee K.'), 'Digital states', 'Demo Politics Review', '4', '10–25')
>>> c = split_citation("Smith, J. A., & Brown, K. (2019). Local reforms in theory. *Demo Studies*, 31(2), 185–208.")
>>> c.authors, c.title, c.container, c.volume, c.issue, c.pages
(('Smith, J. A.', 'Brown, K.'), 'Local reforms in theory', 'Demo Studies', '31', '2', '185–208')
"""

from __future__ import annotations

import re

from kg.model import Reference
from kg.text.lang import CAPITALS

_SURNAME = rf"[{CAPITALS}][\w'’]+(?:-[{CAPITALS}]?[\w'’]+)?"
_INITIALS = rf"(?:[{CAPITALS}][a-zа-я]?\.\s?-?){{1,3}}"
_NAME = rf"(?:{_SURNAME},?\s+{_INITIALS}|{_INITIALS}\s?{_SURNAME})"
_SEP = r"\s*(?:,|;|&|\band\b|\bи\b|\bжәне\b)\s*(?:&\s*)?"
_AUTHORS = re.compile(rf"^(?:{_NAME})(?:{_SEP}{_NAME})*(?:,?\s*(?:et al\.|и др\.|т\.б\.))?")
_ONE = re.compile(_NAME)
_NOTE = re.compile(r"\s*\[(?:Текст|Мәтін|Text|Электрон\w*\s+ресурс|Electronic resource)\]\s*", re.I)
_APA = re.compile(r"^(?P<authors>.+?)\s*\((?P<year>(?:19|20)\d\d)[a-z]?\)\.?\s*(?P<rest>.+)$")
_HARVARD = re.compile(r"^(?P<authors>.+?),?\s+(?P<year>(?:19|20)\d\d)[a-z]?\.\s+(?P<rest>.+)$")
_VOL_ISSUE = re.compile(r"(?<![\d.])(\d{1,4})\s*\((\d{1,3}(?:\s*[-–/]\s*\d{1,3})?)\)")
_GOST_ISSUE = re.compile(r"(?:№\.?|\b[Nn]o\.?|\bIss\.)\s*(\d{1,3}(?:\s*[-–/]\s*\d{1,3})?)")
_GOST_VOLUME = re.compile(r"(?:Т\.|Том|Vol\.?|Volume)\s*(\d{1,4})", re.I)
_PAGES = re.compile(r"(?:\b[pP]{1,2}\.|\bС\.|\bБ\.|\bPages|\bс\.)\s*(\d{1,5}\s*[-–]\s*\d{1,5})")
_APA_PAGES = re.compile(r"\)\s*,?\s*(\d{1,5}\s*[-–]\s*\d{1,5})")
_ITALIC = re.compile(r"\*([^*]{3,200})\*")


def authors_of(text: str) -> tuple[tuple[str, ...], str]:
    """The author names leading ``text`` and what follows them.

    >>> authors_of("Сивинцева О.В., Титова С.Р. Институциональные условия")
    (('Сивинцева О.В.', 'Титова С.Р.'), 'Институциональные условия')
    >>> authors_of("Institutional change in Kazakhstan")
    ((), 'Institutional change in Kazakhstan')
    """
    m = _AUTHORS.match(text)
    if not m:
        return (), text
    names = tuple(" ".join(n.group(0).split()).rstrip(",") for n in _ONE.finditer(m.group(0)))
    return names, text[m.end():].lstrip(" .,:;")


def is_author_name(text: str) -> bool:
    """Is ``text`` a person's name as a reference prints it (surname and initials, in either
    order), not an organisation that :func:`split_citation` took for the authors?

    >>> is_author_name("Hale, H. E."), is_author_name("Ж.-П. Сартр"), is_author_name("ЮНИСЕФ Казахстан и БНС")
    (True, True, False)
    """
    return bool(_ONE.fullmatch(text))


def _sentence(text: str) -> tuple[str, str]:
    """The first sentence of ``text`` (to ``. `` outside quotes) and the rest."""
    depth = 0
    for i, ch in enumerate(text):
        depth += ch in "«“(" and 1 or 0
        depth -= ch in "»”)" and 1 or 0
        if ch in ".?!" and depth <= 0 and (i + 1 == len(text) or text[i + 1] == " ") \
                and not re.search(r"(?:\b\w|\b[A-Z][a-z])$", text[:i]):
            return text[: i + (ch != ".")].strip(), text[i + 1:].strip()
    return text.strip(), ""


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = _NOTE.sub(" ", text.replace("*", ""))
    text = " ".join(text.split()).strip(" .,:;–—-/")
    return text or None


_LINKS = re.compile(
    r"<?\b(?:https?://|www\.)\S+>?|\b(?:URL|Available at|Режим доступа)\s*:?|\bDOI:?\s*10\.\S+"
    r"|[(\[]\s*(?:accessed|date accessed|дата обращения|қаралған күні)[^)\]]*[)\]]", re.I)
_BOOK_END = re.compile(r"\s/\s|\s\[|\.\s[–—-]\s|\s[–—]\s")


def _strip(text: str) -> str:
    """``text`` without web addresses, DOIs, access dates, escapes and an opening bracket."""
    text = _LINKS.sub(" ", text.replace("\\", ""))
    return " ".join(text.split()).lstrip("[ ")


def _book_title(text: str) -> str:
    """A monograph's title: up to its statement of responsibility, note or imprint."""
    return _BOOK_END.split(text, maxsplit=1)[0]


def split_citation(text: str) -> Reference:
    """The entry ``text`` (numbering removed) with its authors, title, container, volume, issue
    and pages (its DOI and year are :mod:`kg.segment.references`' to add)."""
    entry, text = text, _strip(text)
    if "//" in text:  # GOST: description // container. – year. – № issue. – pages
        left, right = text.split("//", 1)
        names, title = authors_of(left.strip())
        container = re.split(r"\s[–—-]\s|\.\s[–—-]|,\s*(?:19|20)\d\d|\.\s*(?:19|20)\d\d", right, maxsplit=1)[0]
        issue_m, vol_m, pages_m = _GOST_ISSUE.search(right), _GOST_VOLUME.search(right), _PAGES.search(right)
        return Reference(entry, authors=names, title=_clean(_book_title(title)),
                         container=_clean(container), volume=vol_m and vol_m.group(1),
                         issue=_space(issue_m and issue_m.group(1)),
                         pages=_space(pages_m and pages_m.group(1)))
    m = _APA.match(text) or _HARVARD.match(text)
    if m:  # authors (year). title. container, volume(issue), pages
        names, left = authors_of(m.group("authors").strip())
        if not names or left.strip(" .,&"):
            one = m.group("authors").strip(" .,")
            names = (one,) if len(one.split()) <= 5 and not re.search(r"\d|[.:]\s", one) else ()
            m = m if names else None
    if m:
        rest = m.group("rest")
    else:
        names, rest = authors_of(text)
        if not names or _BOOK_END.search(rest):  # a document, law or book: its title alone
            return Reference(entry, authors=names, title=_clean(_book_title(rest)))
    title, after = _sentence(rest)
    italic = _ITALIC.match(after.strip())
    container = italic.group(1) if italic else re.split(r",\s*(?:\d|pp?\.|(?i:vol|no)\b)|\.\s", after, maxsplit=1)[0]
    vol_m = _VOL_ISSUE.search(after)
    volume, issue = (vol_m.group(1), vol_m.group(2)) if vol_m else (None, None)
    if not vol_m:  # "vol. 69, no. 1"
        vol_m, issue_m = _GOST_VOLUME.search(after), _GOST_ISSUE.search(after)
        volume, issue = vol_m and vol_m.group(1), issue_m and issue_m.group(1)
    pages_m = _PAGES.search(after) or _APA_PAGES.search(after)
    if not (italic or vol_m or pages_m):  # a publisher, a place: no container to speak of
        container = None
    return Reference(entry, authors=names, title=_clean(title), container=_clean(container),
                     volume=volume, issue=_space(issue), pages=_space(pages_m and pages_m.group(1)))


def _space(value: str | None) -> str | None:
    return re.sub(r"\s+", "", value) if value else None
