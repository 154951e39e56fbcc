"""The institutions an issue's editorial board hold their posts at.

A board member's list item names a post and an institution over wrapped lines: ``- Уильям
ФИЕРМАН** – Индиана университетінің профессоры (АҚШ), Ph.D``. The institution is read with the
affiliation rules (:func:`kg.segment.affiliations.institutions_of`: job titles left out, a
Kazakh genitive put in the nominative; Russian names go to the nominative with pymorphy3) and
becomes an institution mention of the issue, spanning the name as printed.

The same place of the kk, ru and en lists is one person (:func:`kg.segment.editors.aligned_places`),
so where each language names exactly one institution for that person, those names are one
institution too (:func:`aligned_posts`): «Индиана университеті», «университет Индиана» and
"Indiana University" become one node with a label in each language.

>>> front = ("## Редакциялық кеңес\\n- Уильям ФИЕРМАН** – Индиана университетінің профессоры  \\n(АҚШ), Ph.D\\n"
...          "## Редакционный совет\\n- Уильям ФИЕРМАН** – профессор университета Индиана (США)\\n"
...          "## Editorial board\\n- William FIERMAN** – Professor at Indiana University (USA)\\n")
>>> [(p.name, p.lang, front[p.start:p.end]) for p in posts(front)]
[('Индиана университеті', 'kk', 'Индиана университетінің'), ('Университет Индиана', 'ru', 'университета Индиана'), ('Indiana University', 'en', 'Indiana University')]
>>> [sorted(g) for g in aligned_posts(front)]
[['en', 'kk', 'ru']]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicon.catalog import lookup_institution
from kg.model import Article, Document, Mention
from kg.segment.affiliations import institutions_of
from kg.segment.editors import EXTRACTOR, aligned_places, editors, front_matter_end
from kg.text.org_names import nominative_org

__all__ = ["Post", "aligned_posts", "post_mentions", "posts"]

_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_WORD_END = re.compile(r"[\w’'-]*")


@dataclass(frozen=True)
class Post:
    """One institution a board member's item names: its nominative name and printed span."""

    name: str
    start: int
    end: int
    lang: str
    editor_start: int


def posts(front: str) -> tuple[Post, ...]:
    """The institutions of the board members' posts in ``front``, in text order."""
    out: list[Post] = []
    for e in editors(front):
        if e.role_start < 0:
            continue
        flat, where = _flatten(front[e.role_start:e.role_end])
        for (s, f), name in _institutions(flat, e.lang):
            out.append(Post(name, e.role_start + where[s], e.role_start + where[f - 1] + 1, e.lang, e.start))
    return tuple(out)


def aligned_posts(front: str) -> tuple[dict[str, tuple[int, int]], ...]:
    """For each place of the aligned editorial lists where every language names an
    institution and one names exactly one: ``{lang: (start, end)}`` of the first institution
    each language names there (a post's institution comes first; a second is its parent)."""
    by_editor: dict[int, list[Post]] = {}
    for p in posts(front):
        by_editor.setdefault(p.editor_start, []).append(p)
    out = []
    for place in aligned_places(front):
        found = [by_editor.get(e.start, []) for e in place]
        if len(found) >= 2 and all(found) and any(len(f) == 1 for f in found):
            out.append({f[0].lang: (f[0].start, f[0].end) for f in found})
    return tuple(out)


def post_mentions(doc: Document, articles: tuple[Article, ...]) -> tuple[Mention, ...]:
    """The institutions of the board's posts in ``doc``'s front matter, as institution
    mentions of the issue (extractor :data:`kg.segment.editors.EXTRACTOR`)."""
    front = doc.text[:front_matter_end(articles)]
    return tuple(Mention(doc.id, p.start, p.end, front[p.start:p.end], "ORG", p.lang, p.name, EXTRACTOR)
                 for p in posts(front))


#: A Russian institution: adjectives, a head noun, then its tail up to the clause's end.
_RU_INSTITUTION = re.compile(
    r"(?:[А-ЯЁа-яё-]+(?:ого|его|ой|ей)\s+){0,3}(?:[Уу]ниверситет|[Ии]нститут|[Цц]ентр|[Аа]кадеми|"
    r"[Фф]онд|[Мм]инистерств|[Аа]гентств)\w*(?:\s+[^,;()\n–—]+)?"
)


def _institutions(flat: str, lang: str) -> list[tuple[tuple[int, int], str]]:
    """((start, end) in ``flat``, nominative name) of the institutions a post names, each as
    far as the catalogue knows it (:func:`_catalogued_extent`)."""
    out = []
    if lang == "ru":
        for m in _RU_INSTITUTION.finditer(flat):
            out.append(((m.start(), m.start() + len(m.group(0).rstrip())), _nominative(m.group(0), lang)))
    else:
        for name in institutions_of(flat):
            span = _locate(flat, name)
            if span is not None:
                out.append((span, _PAREN.sub("", name)))
    return [_catalogued_extent(flat, span, name, lang) for span, name in out]


def _nominative(name: str, lang: str) -> str:
    """``name`` as printed in a post, in the nominative (a Kazakh or Russian genitive).

    >>> _nominative("Института философии КН МНВО РК", "ru"), _nominative("дінтану институтының", "kk")
    ('Институт философии КН МНВО РК', 'дінтану институты')
    """
    name = nominative_org(name.strip(), lang)
    return name[:1].upper() + name[1:] if lang == "ru" else name


#: What may continue an institution's name in a post: a comma and more words («Института
#: философии, политологии и религиоведения КН МНВО РК»), or its owner ("KazISS under
#: President of Kazakhstan").
_CONTINUATION = re.compile(r",\s*[^,;()\n]+|\s+(?:under|при)\s+[^,;()\n]+")
_CONTINUATIONS = 3
#: The comma-separated words right before a name («Философия, » before «саясаттану және …»).
_BEFORE = re.compile(r"(?:^|(?<=[,;()–—])\s*)([^,;()\n–—]+),\s*$")
_CAPITAL_WORD = re.compile(r"(?<!\S)[^\W\d_a-zа-яёәғқңөұүһі]\S*")


def _catalogued_extent(flat: str, span: tuple[int, int], name: str, lang: str
                       ) -> tuple[tuple[int, int], str]:
    """The span and name of an institution, continued to the first longer name the catalogue
    knows: a name a comma cut («Института философии, политологии и …», «Философия, саясаттану
    және дінтану институты»), or a known one followed by its owner ("KazISS under President of
    Kazakhstan"); a longer name is put in the nominative (:func:`_nominative`).

    >>> flat = "директоры ҚР ҒЖБМ ҒК Философия, саясаттану және дінтану институтының директоры"
    >>> at = flat.index("саясаттану")
    >>> _catalogued_extent(flat, (at, at + 36), "саясаттану және дінтану институты", "kk")
    ((10, 68), 'ҚР ҒЖБМ ҒК Философия, саясаттану және дінтану институты')
    """
    known = lookup_institution(name)
    before = _BEFORE.search(flat, 0, span[0])
    starts = [before.start(1) + w.start() for w in _CAPITAL_WORD.finditer(before.group(1))] if before else []
    for start in starts:  # «ҚР ҒЖБМ ҒК Философия, саясаттану …», the longest the catalogue knows
        longer = lookup_institution(flat[start:span[1]])
        if longer is not None and (known is None or longer == known):
            span, name, known = (start, span[1]), _nominative(flat[start:span[1]], lang), longer
            break
    end = span[1]
    for _ in range(_CONTINUATIONS):
        more = _CONTINUATION.match(flat, end)
        if more is None or known is not None and more.group(0).startswith(","):
            break
        end = more.end()
        longer = lookup_institution(flat[span[0]:end])
        if longer is not None and (known is None or longer == known):
            return (span[0], end), _nominative(flat[span[0]:end], lang)
    return span, name


_PAREN = re.compile(r"\s*\([^()]*\)$")


def _flatten(text: str) -> tuple[str, list[int]]:
    """``text`` with each line break (and the spaces around it) as one space, and the offset
    in ``text`` of each character of the result."""
    flat: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _BREAK.finditer(text):
        flat.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        flat.append(" ")
        where.append(m.start())
        pos = m.end()
    flat.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(flat), where


def _locate(text: str, name: str) -> tuple[int, int] | None:
    """The span of ``name`` in ``text``, its last word as printed (a Kazakh genitive)."""
    bare = _PAREN.sub("", name).strip()
    at = text.find(bare)
    if at >= 0:
        return at, _WORD_END.match(text, at + len(bare)).end()
    head, _, last = bare.rpartition(" ")
    stem = last[: max(3, len(last) - 2)]
    at = text.find(f"{head} {stem}" if head else stem)
    if at < 0:
        return None
    word = _WORD_END.match(text, at + len(head) + (1 if head else 0))
    return at, word.end()
