"""Mentions of one parsed document, cached on disk by content hash and extractor version.

Extraction is the expensive stage, so a rebuild after adding one document only
extracts that document; resolution and RDF are cheap and redone for all.
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

from kg import __version__
from kg.extract import extract_text
from kg.fsutil import write_atomic
from kg.model import Article, Document, Mention

CACHE_VERSION = f"{__version__}-1"


def document_mentions(doc: Document, articles: tuple[Article, ...],
                      cache_dir: Path | None = None) -> tuple[Mention, ...]:
    """Mentions in the bodies of ``articles`` (offsets into ``doc.text``), cached."""
    cache = cache_dir / f"{doc.id}.json" if cache_dir else None
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
        if data.get("version") == CACHE_VERSION:
            return tuple(Mention(**m) for m in data["mentions"])
    found: list[Mention] = []
    for a in articles:
        body = doc.text[a.body.start: a.body.end]
        known = [au.names["en"] for au in a.authors if "en" in au.names]
        for m in extract_text(body, doc.id, known):
            found.append(replace(m, start=m.start + a.body.start, end=m.end + a.body.start))
    mentions = tuple(found)
    if cache is not None:
        payload = {"version": CACHE_VERSION, "mentions": [asdict(m) for m in mentions]}
        write_atomic(cache, json.dumps(payload, ensure_ascii=False))
    return mentions
