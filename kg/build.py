"""``kg build``: read a corpus and write the output folder.

The output layout follows DESIGN.md; stages are added as the pipeline grows.
Every file is written atomically.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg import __version__
from kg.corpus import Corpus, read_corpus
from kg.fsutil import write_atomic
from kg.jsonio import article_to_dict


@dataclass(frozen=True)
class BuildReport:
    """What a build did: counts, timings (seconds) and problems."""

    out: Path
    corpus: Corpus
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        arts = self.corpus.articles
        return {
            "documents": len(self.corpus.parsed),
            "problems": len(self.corpus.problems),
            "articles": sum(1 for a in arts if a.has_header),
            "bodies_without_header": sum(1 for a in arts if not a.has_header),
            "authors": sum(len(a.authors) for a in arts),
            "references": sum(len(a.references) for a in arts),
        }


def build(
    paths: Iterable[str | Path], out: str | Path, on_file: Callable[[str], None] | None = None
) -> BuildReport:
    """Build everything for ``paths`` into ``out`` and return a report."""
    out = Path(out)
    started = time.perf_counter()
    corpus = read_corpus(paths, on_file)
    timings = {"parse": round(time.perf_counter() - started, 3)}
    articles = [article_to_dict(a) for a in corpus.articles]
    write_atomic(out / "articles.json", json.dumps(articles, ensure_ascii=False, indent=1))
    report = BuildReport(out, corpus, timings)
    write_atomic(out / "manifest.json", json.dumps(manifest(report), ensure_ascii=False, indent=1))
    return report


def manifest(report: BuildReport) -> dict:
    """The manifest: inputs with hashes, counts, timings and warnings."""
    return {
        "generator": f"kazkg {__version__}",
        "inputs": [
            {
                "source": p.document.source,
                "id": p.document.id,
                "encoding": p.document.encoding,
                "characters": len(p.document.text),
                "languages": list(p.document.langs),
                "articles": sum(1 for a in p.articles if a.has_header),
            }
            for p in report.corpus.parsed
        ],
        "counts": report.counts,
        "timings": report.timings,
        "warnings": [str(p) for p in report.corpus.problems],
    }
