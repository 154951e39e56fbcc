"""The parse-and-extract stage of ``kg build``: files parsed in input order, the articles of
each document not in the cache extracted by the workers meanwhile, results merged in input
order (:func:`parse_and_extract`).

>>> Extraction().workers
0
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.corpus import Corpus, ParsedDocument, collect, parse_file, prune_parsed
from kg.extract.front_matter import FrontTask, extract_front
from kg.extract.sources import read_sources, save_sources
from kg.extract.tasks import (
    article_tasks,
    cached_mentions,
    extract_article,
    merge_article_mentions,
    save_mentions,
    warm_up,
)
from kg.model import Article, Document, Mention, Problem
from kg.parallel import auto_workers, open_mapper
from kg.segment.editor_posts import post_mentions
from kg.segment.editors import editor_mentions, front_matter_end

__all__ = ["AHEAD", "ExtractProgress", "Extraction", "document_mentions", "front_task", "issue_mentions",
           "parse_and_extract"]


def issue_mentions(doc: Document, articles: tuple[Article, ...]) -> tuple[Mention, ...]:
    """The editors of ``doc``'s front matter and their posts (read on every build: the other
    names of the front matter are extracted with the articles, :func:`front_task`)."""
    return editor_mentions(doc, articles) + post_mentions(doc, articles)


def document_mentions(doc: Document, articles: tuple[Article, ...],
                      cache_dir: Path | None = None) -> tuple[Mention, ...]:
    """The mentions :func:`parse_and_extract` finds in ``doc``, in this process (cached): its
    articles' (offsets into ``doc.text``), then its front matter's."""
    mentions = cached_mentions(doc, cache_dir)
    if mentions is None:
        front = front_task(doc, articles)
        found = [extract_article(t) for t in article_tasks(doc, articles)]
        mentions = merge_article_mentions(found + ([extract_front(front)] if front else []))
        save_mentions(doc, mentions, cache_dir)
    return mentions


def front_task(doc: Document, articles: tuple[Article, ...]) -> FrontTask | None:
    """The front matter of ``doc`` outside its editorial lists, or None if it has none."""
    end = front_matter_end(articles)
    if end == 0:
        return None
    taken = tuple((m.start, m.end) for m in issue_mentions(doc, articles))
    return FrontTask(doc.id, doc.text[:end], taken)


@dataclass(frozen=True)
class Extraction:
    """What the extraction stage did: documents and articles extracted (not read from the
    cache) and worker processes started (0: none, or all in this process)."""

    documents: int = 0
    articles: int = 0
    workers: int = 0


@dataclass(frozen=True)
class ExtractProgress:
    """How far parsing and extraction are: documents parsed of all input files, articles
    extracted of those queued so far (articles of cached documents are not queued)."""

    parsed: int
    documents: int
    extracted: int
    queued: int


def parse_and_extract(sources: list, cache_dir: Path | None, workers: int = 1,
                      scheduler: str | None = None,
                      on_progress: Callable[[ExtractProgress], None] | None = None,
                      ) -> tuple[Corpus, dict[str, tuple[Mention, ...]], Extraction]:
    """Parse every file and extract the mentions of every article not in the cache.

    This process parses the files in input order and hands each document's articles to
    the workers at once (dearest first), so extraction overlaps parsing and the workers
    load their models meanwhile (``workers=0``: one per core when the input not yet in the
    cache is large enough, see :mod:`kg.extract.sources`; the pool starts at the first
    article to extract, so a build that finds everything cached starts none and loads no
    model; when the note of cached files, :mod:`kg.extract.sources`, names a file not
    extracted yet, the pool starts before the first file is parsed). Results are merged in
    input order: the outcome does not depend on the workers.
    """
    noted = read_sources(cache_dir)
    new = [s for s in sources if isinstance(s, Path) and not noted.cached(s)]
    if workers <= 0:
        workers = auto_workers(sum(_size(s) for s in new))
    found: dict[str, tuple[Mention, ...]] = {}
    used: set[str] = set()  # keys of the parsed-document cache
    articles = 0
    pending = []
    in_flight: list = []
    submitted: list = []

    def progress() -> None:
        if on_progress is not None:
            on_progress(ExtractProgress(len(results), len(sources),
                                        sum(f.done() for f in submitted), len(submitted)))

    with open_mapper(workers, scheduler, warm_up=warm_up) as pool:
        if new:  # files to extract: the workers load their models while the first is parsed
            pool.start()
        results = []
        for source in sources:
            in_flight = _wait_below(in_flight, AHEAD * max(1, workers), progress)
            parsed = source if not isinstance(source, Path) else parse_file(source, cache_dir, used)
            results.append(parsed)
            progress()
            if not isinstance(parsed, ParsedDocument) or parsed.document.id in found:
                continue
            doc = parsed.document
            cached = cached_mentions(doc, cache_dir)
            found[doc.id] = cached or ()  # also marks a duplicate document as seen
            if cached is not None:
                continue
            tasks = article_tasks(doc, parsed.articles)
            articles += len(tasks)
            order = sorted(range(len(tasks)), key=lambda i: -len(tasks[i].body))
            futures = {i: pool.submit(extract_article, tasks[i]) for i in order}
            front = front_task(doc, parsed.articles)
            if front is not None:
                futures[len(tasks)] = pool.submit(extract_front, front)
            in_flight.extend(futures.values())
            submitted.extend(futures.values())
            pending.append((doc, [futures[i] for i in sorted(futures)]))  # not the tasks' texts
        failed: dict[str, Problem] = {}
        for doc, futures in pending:
            try:
                found[doc.id] = merge_article_mentions([_result(f, progress) for f in futures])
            except Exception as err:  # noqa: BLE001 - one document's failure is reported, not fatal
                failed[doc.id] = Problem(doc.source, f"extraction failed ({type(err).__name__}: {err})")
                continue
            save_mentions(doc, found[doc.id], cache_dir)
        extraction = Extraction(len(pending), articles, pool.started)
    save_sources(cache_dir, {s: r.document.id for s, r in zip(sources, results)
                             if isinstance(s, Path) and isinstance(r, ParsedDocument)
                             and r.document.id not in failed})
    prune_parsed(cache_dir, used)
    if failed:
        results = [failed.get(r.document.id, r) if isinstance(r, ParsedDocument) else r for r in results]
    return collect(results), found, extraction


#: Articles queued per worker before the next file is parsed (keeps the queue, and the
#: article texts waiting in it, bounded however large the corpus).
AHEAD = 4


def _wait_below(futures: list, limit: int, on_poll: Callable[[], None],
                poll: float = 0.02) -> list:
    """The futures not done yet, once there are at most ``limit`` of them."""
    while True:
        futures = [f for f in futures if not f.done()]
        if len(futures) <= limit:
            return futures
        on_poll()
        time.sleep(poll)


def _result(future, on_done: Callable[[], None]):
    """``future.result()``, then ``on_done()`` (progress)."""
    value = future.result()
    on_done()
    return value


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
