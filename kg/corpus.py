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

from kg.ingest import iter_sources, read_file
from kg.model import Article, Document, Problem
from kg.segment import segment_document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParsedDocument:
    """A document with the articles found in it."""

    document: Document
    articles: tuple[Article, ...]
    notes: tuple[Problem, ...] = ()  # warnings about a document kept (e.g. a bad byte replaced)


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


def parse_file(path: Path) -> ParsedDocument | Problem:
    """Read and segment one file; a Problem naming the file instead of any exception."""
    try:
        doc, notes = read_file(path)
        if isinstance(doc, Problem):
            log.info("skipped %s", doc)
            return doc
        articles = segment_document(doc)
    except Exception as err:  # noqa: BLE001 - one bad file must not cost the build
        log.info("failed on %s", path, exc_info=True)
        return Problem(str(path), f"could not be read or segmented ({type(err).__name__}: {err})")
    log.info("%s: %d article(s)", doc.source, len(articles))
    return ParsedDocument(doc, articles, notes)


def read_corpus(
    paths: Iterable[str | Path], on_file: Callable[[str], None] | None = None
) -> Corpus:
    """Ingest and segment every file under ``paths``; bad files become problems."""
    sources = list(iter_sources(paths))
    results = []
    for source in sources:
        if isinstance(source, Path) and on_file:
            on_file(str(source))
        results.append(source if isinstance(source, Problem) else parse_file(source))
    return collect(results)


def collect(results: Iterable[ParsedDocument | Problem]) -> Corpus:
    """Documents in input order, duplicates (same content) reported and dropped."""
    parsed: list[ParsedDocument] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for result in results:
        if isinstance(result, Problem):
            problems.append(result)
        elif result.document.id in seen:
            problems.append(Problem(result.document.source,
                                    f"duplicate of an earlier file (content {result.document.id}), skipped"))
        else:
            seen.add(result.document.id)
            parsed.append(result)
            problems.extend(result.notes)
    return Corpus(tuple(parsed), tuple(problems))
