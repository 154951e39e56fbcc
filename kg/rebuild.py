"""Skip a build whose inputs, settings and code are those of the output already there.

A build records, after publishing, a digest of everything its output depends on (each input
file's path and bytes, the base IRI, the entity-pages switch, the thesaurus's path and bytes,
the code and tables of ``kg`` and its ontology, the Python version and every installed
distribution's version) in ``OUT/cache/build-digest.json``, with the SHA-256 of the
manifest it published. The next build of the same output computes the digest first: when it
is the recorded one, the manifest is the recorded one and the output is complete, nothing
would change and the build is skipped (a file that cannot be read, or a folder's file that is
not an input, gives no digest: such a build always runs and reports it). The record is
removed before any other build starts writing, so a build that fails or is killed leaves no
record that could describe an output it did not write.

>>> import tempfile; from pathlib import Path
>>> folder = Path(tempfile.mkdtemp()); (folder / "a.txt").write_text("text")
4
>>> d = input_digest([folder / "a.txt"], base="b", pages=False, thesaurus=None)
>>> d == input_digest([folder / "a.txt"], base="b", pages=False, thesaurus=None), len(d)
(True, 64)
>>> d == input_digest([folder / "a.txt"], base="b", pages=True, thesaurus=None)
False
>>> unchanged(folder / "out", d) is None
True
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from kg import __version__
from kg.fsutil import write_atomic
from kg.ingest import MAX_BYTES
from kg.rdf.ontology import ontology_dir

#: The record of the last published build, in the output's cache folder.
RECORD = "build-digest.json"

#: What a complete output holds (``entities`` too when entity pages were asked for).
OUTPUTS = ("manifest.json", "graph.ttl", "graph.trig", "articles.json", "void.ttl",
           "index.html", "search.sqlite", "store", "networks", "reports")


def input_digest(sources: Iterable, base: str, pages: bool, thesaurus: str | Path | None) -> str | None:
    """The SHA-256 of everything a build's output depends on; ``None`` when a source is not
    a readable file (a problem a build must report again)."""
    digest = hashlib.sha256()
    digest.update(json.dumps([base, bool(pages), _environment()]).encode())
    if thesaurus is not None:
        if not _add_file(digest, Path(thesaurus)):
            return None
    for source in sources:
        if not isinstance(source, Path) or not _add_file(digest, source):
            return None
    return digest.hexdigest()


def unchanged(out: Path, digest: str | None) -> dict | None:
    """The manifest of ``out`` if its last build had the inputs of ``digest`` and its output
    is complete and unchanged since; otherwise ``None``."""
    if digest is None:
        return None
    try:
        record = json.loads((out / "cache" / RECORD).read_text(encoding="utf-8"))
        text = (out / "manifest.json").read_bytes()
    except (OSError, ValueError):
        return None
    if record.get("inputs") != digest or record.get("manifest") != hashlib.sha256(text).hexdigest():
        return None
    manifest = json.loads(text)
    wanted = OUTPUTS + (("entities",) if record.get("pages") else ())
    if not all((out / name).exists() for name in wanted):
        return None
    return manifest


def forget(out: Path) -> None:
    """Remove the record (before a build writes anything)."""
    try:
        (out / "cache" / RECORD).unlink()
    except FileNotFoundError:
        pass


def remember(out: Path, digest: str | None, pages: bool) -> None:
    """Record ``digest`` for the output just published at ``out``."""
    if digest is None or not (out / "cache").is_dir():
        return
    manifest = hashlib.sha256((out / "manifest.json").read_bytes()).hexdigest()
    write_atomic(out / "cache" / RECORD,
                 json.dumps({"inputs": digest, "manifest": manifest, "pages": bool(pages)}))


def _add_file(digest, path: Path) -> bool:
    """Add a regular file's path, size and content digest (read a block at a time); False for
    anything else (a FIFO or device would block the read or never end) and for a file ingest
    refuses as too large (:data:`kg.ingest.MAX_BYTES`): the build reports it."""
    content, size = hashlib.sha256(), 0
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return False  # special, or too large to read: refused by ingest, named by the build
        with path.open("rb") as f:
            while block := f.read(1 << 20):
                content.update(block)
                size += len(block)
    except OSError:
        return False
    digest.update(f"{path}\0{size}\0".encode("utf-8", "surrogateescape"))
    digest.update(content.digest())
    return True


@lru_cache(maxsize=1)
def _environment() -> list:
    """The code (name, size and time of every file of ``kg`` and its ontology, models
    included), the interpreter and the installed distributions' versions."""
    from importlib import metadata  # deferred: only a rebuild's check needs it

    files = []
    for root in (Path(__file__).resolve().parent, Path(str(ontology_dir()))):
        for file in sorted(root.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                st = file.stat()
                files.append([str(file.relative_to(root)), st.st_size, st.st_mtime_ns])
    dists = sorted({f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()})
    return [__version__, sys.version, os.name, files, dists]
