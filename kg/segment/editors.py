"""The editors an issue's front matter lists: chief editor, editorial board and team.

Two shapes are read, in the front matter only (before the first article):

* a role line, then the name on the next line: ``Бас редактор`` / ``**Индира Рыстина,**``
  (also Главный редактор, Editor-in-Chief, Шығаруға жауапты …);
* a list item naming a person before a dash: ``- Ерлан ҚАРИН** – төрағасы, …``, either under
  an editorial heading (Редакциялық кеңес, Редакционная коллегия, Editorial board …) or with
  the surname in capitals, as mastheads print it.

A name is given in its printed spelling span and as a canonical name with the capitals of
the surname undone («Ерлан Қарин»); its language is the heading's, else the script's.

>>> front = "Бас редактор\\n**Индира Рыстина,**\\n\\nEditorial team\\n- Almas ARZIKULOV** – Chief Editor"
>>> [(e.name, e.lang, e.role, front[e.start:e.end]) for e in editors(front)]
[('Индира Рыстина', 'kk', 'Бас редактор', 'Индира Рыстина'), ('Almas Arzikulov', 'en', 'Chief Editor', 'Almas ARZIKULOV')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Article, Document, Mention
from kg.text.lang import detect_language
from kg.text.names import name_key, parse_name

__all__ = ["EXTRACTOR", "Editor", "aligned_editors", "aligned_places", "editor_mentions", "editors",
           "front_matter_end"]

#: The ``extractor`` of masthead mentions.
EXTRACTOR = "kazkg-masthead/0.1:masthead"

#: Role lines followed by one name, by language.
_ROLES = {
    "kk": r"бас редактор|шығаруға жауапты|жауапты редактор|редактор",
    "ru": r"главный редактор|шеф-редактор|ответственный (?:за выпуск|редактор)",
    "en": r"editor-in-chief|chief editor|managing editor|executive editor",
}
#: Headings of editorial lists, by language.
_HEADINGS = {
    "kk": r"редакциялық\s+(?:кеңес|ұжым|алқа)\w*",
    "ru": r"редакционн\w+\s+(?:совет|коллеги)\w*",
    "en": r"(?:the\s+)?editorial\s+(?:board|team|council|committee)",
}
_LINE_END = r"[\s*:#,.]*$"
_ROLE_LINE = re.compile(
    r"(?im)^[\s#*]*(" + "|".join(f"(?P<{k}>{v})" for k, v in _ROLES.items()) + ")" + _LINE_END)
_HEADING = re.compile(
    r"(?im)^[\s#*]*(" + "|".join(f"(?P<{k}>{v})" for k, v in _HEADINGS.items()) + ")" + _LINE_END)
_WORD = r"[^\W\d_][\w’'\-]*\.?"
_NAME = rf"{_WORD}(?:[ \t]+{_WORD}){{1,2}}"
_ITEM = re.compile(rf"(?m)^[ \t]*[-•*][ \t]+\**(?P<name>{_NAME})\**,?[ \t]*[–—-][ \t]*(?P<role>[^,\n]*)")
_NEXT_NAME = re.compile(rf"\s*\n[\s*_]*(?P<name>{_NAME})[*_]*,?[*_]*[ \t]*(?:\n|$)")
_CAPS = re.compile(r"[^\W\d_]{2,}")
#: Where a list item's text ends: the next item, a heading, a blank line.
_ITEM_END = re.compile(r"\n[ \t]*(?:[-•*][ \t]|#|\n)|\n[ \t]*$")


@dataclass(frozen=True)
class Editor:
    """One person an issue lists as editor or board member, with the span of the name."""

    name: str
    start: int
    end: int
    lang: str
    role: str
    section: int = -1  # the editorial heading it is listed under (their order), -1 for none
    #: The whole text of a list item's post (over its wrapped lines), ``-1`` for a role line.
    role_start: int = -1
    role_end: int = -1


def _lang(match: re.Match[str]) -> str:
    return next(k for k, v in match.groupdict().items() if v and k in _ROLES)


def _canonical(name: str) -> str:
    """«Ерлан ҚАРИН» -> «Ерлан Қарин»."""
    return " ".join(w.capitalize() if _CAPS.fullmatch(w.replace("-", "")) and w.isupper() else w
                    for w in name.split())


def _person(name: str) -> bool:
    parsed = parse_name(name)
    return bool(parsed.surname) and bool(parsed.given or parsed.initials) \
        and all(w[0].isupper() for w in name.split())


def editors(front: str) -> tuple[Editor, ...]:
    """The editors ``front`` (an issue's front matter) lists, in text order."""
    found: dict[int, Editor] = {}
    for m in _ROLE_LINE.finditer(front):
        nxt = _NEXT_NAME.match(front, m.end())
        if nxt and _person(nxt.group("name")):
            s, e = nxt.span("name")
            found.setdefault(s, Editor(_canonical(front[s:e]), s, e, _lang(m), m.group(1).strip()))
    headings = [(h.start(), next(k for k, v in h.groupdict().items() if v)) for h in _HEADING.finditer(front)]
    for m in _ITEM.finditer(front):
        name = m.group("name")
        under = [(i, lang) for i, (pos, lang) in enumerate(headings) if pos < m.start()]
        capitals = any(w.isupper() and len(w) > 1 for w in name.split())
        if (under or capitals) and _person(name):
            s, e = m.span("name")
            section, lang = under[-1] if under else (-1, detect_language(name, guess=False))
            end = _ITEM_END.search(front, m.end())
            found.setdefault(s, Editor(_canonical(name), s, e, lang, m.group("role").strip(" *"), section,
                                       m.start("role"), end.start() if end else len(front)))
    return tuple(found[s] for s in sorted(found))


def aligned_editors(front: str) -> tuple[dict[str, str], ...]:
    """The editors of the same place in the kk, ru and en editorial lists, as one name per
    language: mastheads print each list in every language, in the same order, and names
    such as «Сон Юнхун» / "Song Yonghong" differ too much for spelling to join them.

    Lists are paired by their order within each language, and only where they have the same
    length and at least half of their places agree by spelling (a check on the pairing).

    >>> front = ("## Редакциялық кеңес\\n- Сон ЮНХУН** – профессор\\n- Ерлан ҚАРИН** – төраға\\n"
    ...          "## Editorial board\\n- Song YONGHONG** – Professor\\n- Yerlan KARIN** – Chairman\\n")
    >>> aligned_editors(front)
    ({'kk': 'Сон Юнхун', 'en': 'Song Yonghong'}, {'kk': 'Ерлан Қарин', 'en': 'Yerlan Karin'})
    """
    return tuple({e.lang: e.name for e in place} for place in aligned_places(front))


def aligned_places(front: str) -> tuple[tuple[Editor, ...], ...]:
    """The editors of each place of the kk/ru/en editorial lists (see :func:`aligned_editors`)."""
    lists: dict[str, dict[int, list[Editor]]] = {}
    for e in editors(front):
        if e.section >= 0:
            lists.setdefault(e.lang, {}).setdefault(e.section, []).append(e)
    per_lang = {lang: [found[k] for k in sorted(found)] for lang, found in lists.items()}
    if len(per_lang) < 2 or len({len(v) for v in per_lang.values()}) != 1:
        return ()
    out: list[tuple[Editor, ...]] = []
    for parallel in zip(*per_lang.values()):
        if len({len(lst) for lst in parallel}) != 1:
            continue
        places = list(zip(*parallel))
        agreeing = sum(len({name_key(e.name) for e in place}) < len(place) for place in places)
        if 2 * agreeing >= len(places):
            out += places
    return tuple(out)


def front_matter_end(articles: tuple[Article, ...]) -> int:
    """Where the first article with a header starts (0 when none has one)."""
    headed = [a.span.start for a in articles if a.has_header]
    return min(headed) if headed else 0


def editor_mentions(doc: Document, articles: tuple[Article, ...]) -> tuple[Mention, ...]:
    """The editors of ``doc``'s front matter as person mentions (extractor :data:`EXTRACTOR`)."""
    front = doc.text[:front_matter_end(articles)]
    return tuple(Mention(doc.id, e.start, e.end, front[e.start:e.end], "PERSON", e.lang, e.name, EXTRACTOR)
                 for e in editors(front))
