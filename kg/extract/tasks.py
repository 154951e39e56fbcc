"""Mentions of parsed documents: one extraction task per article, cached per document.

Extraction is the expensive stage, so it is split into :class:`ArticleTask` s that any
worker can run (:func:`extract_article`), and the mentions of a whole document are cached
on disk by content hash and extractor version: a rebuild after adding one document only
extracts that document.

>>> from kg.model import Article, Document, Span
>>> text = "Қазақстан мен Ресей."
>>> doc = Document("d1", "x.txt", text, "utf-8", ("kk",))
>>> art = Article("d1", "x.txt", 1, Span(0, len(text)), Span(0, len(text)))
>>> tasks = article_tasks(doc, (art,))
>>> [m.text for m in merge_article_mentions([extract_article(t) for t in tasks])]
['Қазақстан', 'Ресей']
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from kg import __version__
from kg.extract import extract_text
from kg.extract.abstracts import abstract_mentions
from kg.extract.article_titles import title_mentions
from kg.extract.defined_names import with_defined_names
from kg.extract.reference_text import reference_text_mentions
from kg.extract.spans import Coverage
from kg.extract.reference_authors import cited_scholars, reference_author_mentions, reference_surnames
from kg.extract.references import link_citations, reference_mentions
from kg.fsutil import write_atomic
from kg.model import Article, Document, Mention
from kg.text.lang import detect_language

CACHE_VERSION = f"{__version__}-102"


@dataclass(frozen=True)
class ArticleTask:
    """The body of one article to extract from, and where it starts in its document."""

    document_id: str
    offset: int
    body: str
    known_authors: tuple[str, ...] = ()
    #: The text after the body (the reference list) and where it starts in the document.
    tail_offset: int = 0
    tail: str = ""
    #: The text before the body (title, authors, abstracts), where it starts, its abstracts.
    head_offset: int = 0
    head: str = ""
    abstracts: tuple[tuple[str, str], ...] = ()
    titles: tuple[tuple[str, str], ...] = ()


def article_tasks(doc: Document, articles: Sequence[Article]) -> list[ArticleTask]:
    """One task per article of ``doc``, in article order."""
    return [ArticleTask(doc.id, a.body.start, doc.text[a.body.start: a.body.end],
                        tuple(au.names["en"] for au in a.authors if "en" in au.names),
                        a.body.end, doc.text[a.body.end: a.span.end],
                        a.span.start, doc.text[a.span.start: a.body.start],
                        tuple(sorted(a.abstract.items())), tuple(sorted(a.title.items())))
            for a in articles]


def extract_article(task: ArticleTask) -> tuple[Mention, ...]:
    """Mentions in one article's header: its titles (:mod:`kg.extract.article_titles`) and
    abstracts (:mod:`kg.extract.abstracts`); in its body; then in its reference list: the laws
    and publishers it cites (:mod:`kg.extract.references`), its authors
    (:mod:`kg.extract.reference_authors`) and the other names its entries hold
    (:mod:`kg.extract.reference_text`). Offsets are into the whole document."""
    head = (title_mentions(task.document_id, task.head_offset, task.head, dict(task.titles))
            + abstract_mentions(task.document_id, task.head_offset, task.head,
                                dict(task.abstracts), detect_language(task.body[:4000])))
    body = tuple(m.shifted(task.offset) for m in with_defined_names(
        task.body, extract_text(task.body, task.document_id, list(task.known_authors))))
    cited = reference_mentions(task.document_id, task.tail_offset, task.tail)
    scholars = cited_scholars(task.document_id, task.offset, task.body, body,
                              reference_surnames(task.tail))
    taken = Coverage((c.start, c.end) for c in cited.mentions)
    authors = tuple(m for m in reference_author_mentions(task.document_id, task.tail_offset, task.tail)
                    if not taken.overlaps(m.start, m.end))
    taken = Coverage((c.start, c.end) for c in cited.mentions + authors)
    named = tuple(m for m in reference_text_mentions(task.document_id, task.tail_offset, task.tail,
                                                     use_model=False)
                  if not taken.overlaps(m.start, m.end))
    return (_in_order(head) + link_citations(task.body, task.offset, body, cited) + scholars
            + _in_order(cited.mentions + authors + named))


def _in_order(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    return tuple(sorted(mentions, key=lambda m: (m.start, m.end)))


def warm_up() -> None:
    """Load every extractor's models and tables (run once in each worker as it starts)."""
    extract_text("Қазақстан Республикасы Үкіметі. Россия и Казахстан. Kazakhstan and Russia.",
                 "warm-up", [])


def merge_article_mentions(found: Sequence[tuple[Mention, ...]]) -> tuple[Mention, ...]:
    """The mentions of a document from those of its article tasks, in task order."""
    return tuple(m for ms in found for m in ms)


def cached_mentions(doc: Document, cache_dir: Path | None) -> tuple[Mention, ...] | None:
    """The cached mentions of ``doc``, or ``None`` (no cache, other version, unreadable)."""
    if cache_dir is None:
        return None
    cache = cache_dir / f"{doc.id}.json"
    if not cache.exists():
        return None
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION:
            return None
        return tuple(Mention(**m) for m in data["mentions"])
    except (ValueError, TypeError, KeyError):  # a damaged cache file is just a miss
        return None


def save_mentions(doc: Document, mentions: tuple[Mention, ...], cache_dir: Path | None) -> None:
    """Cache the mentions of ``doc`` (atomically)."""
    if cache_dir is None:
        return
    payload = {"version": CACHE_VERSION, "mentions": [asdict(m) for m in mentions]}
    write_atomic(cache_dir / f"{doc.id}.json", json.dumps(payload, ensure_ascii=False))
