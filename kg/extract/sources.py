"""Which input files the extraction cache already holds, known before they are parsed.

The cache is keyed by a document's content hash, known only once the file is read. To size
the worker pool before parsing (no workers when nothing, or only a little, is new), each build
notes every file's size, modification time and document id in ``cache/sources.json``; a file
whose size and time still match, and whose document's cache entry is of this version, counts
as cached. The note only steers the pool's size: whether a document is extracted is still
decided by its content hash.

>>> import tempfile
>>> from pathlib import Path
>>> d = Path(tempfile.mkdtemp()); f = d / "a.txt"; _ = f.write_text("x")
>>> save_sources(d / "cache", {f: "abc"})
>>> (d / "cache" / "abc.json").write_text('{"version": "' + CACHE_VERSION + '", "mentions": []}') > 0
True
>>> read_sources(d / "cache").cached(f), read_sources(d / "cache").cached(d / "b.txt")
(True, False)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract.tasks import CACHE_VERSION
from kg.fsutil import write_atomic

INDEX = "sources.json"
_HEAD = f'{{"version": "{CACHE_VERSION}"'.encode()


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


@dataclass(frozen=True)
class Sources:
    """The noted files of a cache folder: path -> (size, mtime in ns, document id)."""

    cache_dir: Path | None
    entries: dict[str, tuple[int, int, str]] = field(default_factory=dict)

    def cached(self, path: Path) -> bool:
        """Is ``path`` unchanged since it was noted, with its mentions cached by this version?"""
        entry = self.entries.get(str(path.resolve()))
        if self.cache_dir is None or entry is None or _stamp(path) != entry[:2]:
            return False
        try:
            with open(self.cache_dir / f"{entry[2]}.json", "rb") as f:
                return f.read(len(_HEAD)) == _HEAD
        except OSError:
            return False


def read_sources(cache_dir: Path | None) -> Sources:
    """The noted files of ``cache_dir`` (none if it has no readable note)."""
    if cache_dir is None:
        return Sources(None)
    try:
        raw = json.loads((cache_dir / INDEX).read_text(encoding="utf-8"))
        return Sources(cache_dir, {k: (int(v[0]), int(v[1]), str(v[2])) for k, v in raw.items()})
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return Sources(cache_dir)


def save_sources(cache_dir: Path | None, documents: dict[Path, str]) -> None:
    """Note each file of ``documents`` (path -> document id) with its size and time."""
    if cache_dir is None:
        return
    entries = {}
    for path, doc_id in documents.items():
        stamp = _stamp(path)
        if stamp is not None:
            entries[str(path.resolve())] = [*stamp, doc_id]
    write_atomic(cache_dir / INDEX, json.dumps(entries, ensure_ascii=False, sort_keys=True))
