"""Read a corpus: paths in, documents and their articles out, problems collected.

>>> from kg.corpus import demo_corpus_path
>>> demo_corpus_path().name
'demo'
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.codec import decode, encode
from kg.fsutil import code_stamp, write_atomic
from kg.ingest import iter_sources, read_capped, read_file
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


def parse_file(path: Path, cache_dir: Path | None = None,
               used: set[str] | None = None) -> ParsedDocument | Problem:
    """Read and segment one file; a Problem naming the file instead of any exception.

    With ``cache_dir`` a document parsed before (the same bytes at the same path, by the same
    code: see :func:`parsed_key`) is read from there instead, and a new one is saved there;
    its key is added to ``used`` (see :func:`prune_parsed`).
    """
    key = parsed_key(path, cache_dir)
    if key is not None and used is not None:
        used.add(key)
    if key is not None:
        cached = _load_parsed(cache_dir, key)
        if cached is not None:
            return cached
    parsed = _parse_file(path)
    if key is not None and isinstance(parsed, ParsedDocument):
        _save_parsed(cache_dir, key, parsed)
    return parsed


#: Where parsed documents are cached, under the build's cache folder.
PARSED = "parsed"


def parsed_key(path: Path, cache_dir: Path | None) -> str | None:
    """The cache key of a file's parse: its bytes, its path and the code that parses it
    (:func:`code_stamp`); ``None`` without a cache or when the file cannot be read (the parse
    reports why)."""
    if cache_dir is None:
        return None
    data = read_capped(path)
    if isinstance(data, Problem):
        return None
    digest = hashlib.sha256(data)
    digest.update(b"\0" + str(path).encode("utf-8", "surrogateescape") + b"\0" + code_stamp().encode())
    return digest.hexdigest()[:32]


def _load_parsed(cache_dir: Path, key: str) -> ParsedDocument | None:
    path = cache_dir / PARSED / f"{key}.json"
    try:
        return decode(ParsedDocument, json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError):  # a damaged cache entry is a miss
        return None


def _save_parsed(cache_dir: Path, key: str, parsed: ParsedDocument) -> None:
    write_atomic(cache_dir / PARSED / f"{key}.json",
                 json.dumps(encode(parsed), ensure_ascii=False, separators=(",", ":")))


def prune_parsed(cache_dir: Path | None, keep: Iterable[str]) -> None:
    """Remove the cached parses not in ``keep`` (files gone, changed, or parsed by other code)."""
    if cache_dir is None or not (cache_dir / PARSED).is_dir():
        return
    names = {f"{k}.json" for k in keep}
    for file in (cache_dir / PARSED).iterdir():
        if file.name not in names:
            file.unlink(missing_ok=True)


def _parse_file(path: Path) -> ParsedDocument | Problem:
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
