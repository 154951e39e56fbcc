"""Names in an issue's front matter outside its editorial lists: the cover's and the tables of
contents' author names, and the known names of the contents' titles and of the publisher.

The front matter repeats the issue in three languages («МАЗМҰНЫ», «СОДЕРЖАНИЕ», "CONTENTS"):
each article's authors, then its title. These are mentions (extractor :data:`SOURCE`) of
their document, in no article nor issue (they repeat the bylines and titles):

* every run of two or three capitalised words («Асия Аккулиева», "Svante E. Cornell") is a
  PERSON mention that resolution keeps only if it is a person the corpus has (an author,
  mostly; :mod:`kg.resolve.people`): a title's «Қазақстан Республикасындағы» names no one;
* the rules (no model) read the rest, and a country, place, institution, law or program is
  kept when the catalogue or a gazetteer knows it (:mod:`kg.extract.known`), as in reference
  entries: no unknown name of a masthead becomes a node.

>>> front = "МАЗМҰНЫ\\n\\n**Асия Аккулиева, Гүлхан Нұрадин**\\nҚытайдың саяси реформалары 7\\n"
>>> [(m.text, m.label) for m in front_mentions("d", front, use_model=False)]
[('Асия Аккулиева', 'PERSON'), ('Гүлхан Нұрадин', 'PERSON'), ('Қытайдың', 'GPE')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.extract.known import is_known
from kg.extract.spans import Coverage
from kg.model import CONTENTS_SOURCE, Mention
from kg.text.lang import CAPITALS, detect_language

__all__ = ["SOURCE", "FrontTask", "extract_front", "front_mentions"]

SOURCE = CONTENTS_SOURCE
_WORD = rf"[{CAPITALS}][^\W\d_]*(?:-[{CAPITALS}]?[^\W\d_]+)?"
#: Two or three capitalised words, one of them possibly an initial ("Svante E. Cornell").
_NAME = re.compile(rf"(?<![\w.-]){_WORD}(?:[ \t]+(?:[{CAPITALS}]\.[ \t]+)?{_WORD}){{1,2}}(?![\w-])")
#: Labels of the known names kept.
LABELS = frozenset({"ORG", "LAW", "PROGRAM", "GPE", "GPE_SUB"})


def front_mentions(document_id: str, front: str, taken: Iterable[tuple[int, int]] = (),
                   use_model: bool = False) -> tuple[Mention, ...]:
    """Mentions in the front matter ``front`` (offsets into it, which starts its document)
    outside the spans ``taken`` (the editors and their posts), in text order."""
    from kg.extract import extract_text  # deferred: the extractors load their tables

    covered = Coverage(taken)
    known = [replace(m, extractor=SOURCE)
             for m in extract_text(front, document_id, (), use_model)
             if m.label in LABELS and not covered.overlaps(m.start, m.end) and is_known(m)]
    covered = Coverage([*taken, *((m.start, m.end) for m in known)])
    names = [Mention(document_id, m.start(), m.end(), m.group(0), "PERSON",
                     detect_language(m.group(0), "kk", guess=False), m.group(0), SOURCE)
             for m in _NAME.finditer(front) if not covered.overlaps(m.start(), m.end())]
    return tuple(sorted(known + names, key=lambda m: (m.start, m.end)))


@dataclass(frozen=True)
class FrontTask:
    """A document's front matter (it starts the document) and the spans already read in it."""

    document_id: str
    front: str
    taken: tuple[tuple[int, int], ...] = ()


def extract_front(task: FrontTask) -> tuple[Mention, ...]:
    """:func:`front_mentions` of a task (what the extraction workers run)."""
    return front_mentions(task.document_id, task.front, task.taken)
