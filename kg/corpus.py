"""Read a corpus: paths in, documents and their articles out, problems collected.

>>> from kg.corpus import demo_corpus_path
>>> demo_corpus_path().name
'demo'
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.ingest import iter_sources, read_document
from kg.model import Article, Document, Problem
from kg.segment import segment_document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParsedDocument:
    """A document with the articles found in it."""

    document: Document
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class Corpus:
    """Everything read from a set of paths, in input order."""

    parsed: tuple[ParsedDocument, ...]
    problems: tuple[Problem, ...]

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a for p in self.parsed for a in p.articles)


def demo_corpus_path() -> Path:
    """The folder of the embedded demo corpus shipped inside the package."""
    return Path(__file__).resolve().parent / "demo"


def read_corpus(
    paths: Iterable[str | Path], on_file: Callable[[str], None] | None = None
) -> Corpus:
    """Ingest and segment every file under ``paths``; bad files become problems."""
    parsed: list[ParsedDocument] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for source in iter_sources(paths):
        if isinstance(source, Problem):
            problems.append(source)
            continue
        if on_file:
            on_file(str(source))
        doc = read_document(source)
        if isinstance(doc, Problem):
            log.info("skipped %s", doc)
            problems.append(doc)
            continue
        if doc.id in seen:
            problems.append(Problem(doc.source, f"duplicate of an earlier file (content {doc.id}), skipped"))
            continue
        seen.add(doc.id)
        try:
            articles = segment_document(doc)
        except RecursionError:  # pragma: no cover - defensive: hostile nesting
            problems.append(Problem(doc.source, "could not be segmented"))
            continue
        log.info("%s: %d article(s)", doc.source, len(articles))
        parsed.append(ParsedDocument(doc, articles))
    return Corpus(tuple(parsed), tuple(problems))
