"""Sorted runs of N-Quads on disk, merged lazily: a canonical order without holding the corpus.

Each named graph is written once, as its lines in code-point order (a *run*). The union of
all graphs in canonical order is a k-way merge of the runs, read line by line, so output
and memory do not grow with the number of documents held at once.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> a = write_run(d, "http://e/g1", ['<http://e/b> <http://e/p> "1" <http://e/g1> .\\n'])
>>> b = write_run(d, "http://e/g2", ['<http://e/a> <http://e/p> "2" <http://e/g2> .\\n',
...                                  '<http://e/b> <http://e/p> "1" <http://e/g2> .\\n'])
>>> [line.split()[2] for line in merged_lines([a, b])]
[b'"2"', b'"1"', b'"1"']
>>> [t.decode().split()[2] for t in union_triples([a, b])]
['"2"', '"1"']
>>> concatenate([a, b], d / "all.nq").read_bytes().count(b"\\n")
3
"""

from __future__ import annotations

import hashlib
import heapq
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from kg.fsutil import naming

#: Most runs read at once by one merge; more are merged in rounds (open-file limits).
FAN_IN = 64


@dataclass(frozen=True)
class Run:
    """The sorted N-Quads lines of one named graph, in a file."""

    graph: str
    path: Path
    lines: int


def write_run(folder: Path, graph: str, sorted_lines: Sequence[str]) -> Run:
    """Write already-sorted lines of ``graph`` to a new file under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(graph.encode("utf-8")).hexdigest()[:20] + ".nq"
    path = folder / name
    with naming(path), open(path, "wb") as fh:
        fh.writelines(line.encode("utf-8") for line in sorted_lines)
    return Run(graph, path, len(sorted_lines))


def by_graph(runs: Iterable[Run]) -> list[Run]:
    """Runs in the order of their graph IRIs (the order of TriG output)."""
    return sorted(runs, key=lambda r: r.graph)


def merged_lines(runs: Sequence[Run], fan_in: int = FAN_IN) -> Iterator[bytes]:
    """Every line of ``runs`` in byte order (= code-point order), duplicates kept.

    Intermediate rounds are written beside the first run (the output's file system).
    """
    runs = list(runs)
    if not runs:
        return
    with tempfile.TemporaryDirectory(prefix=".merge-", dir=runs[0].path.parent) as tmp:
        level = 0
        while len(runs) > fan_in:  # merge in rounds so few files are open at once
            merged: list[Run] = []
            for i in range(0, len(runs), fan_in):
                group = runs[i: i + fan_in]
                path = Path(tmp) / f"{level}-{i}.nq"
                with open(path, "wb") as out:
                    out.writelines(_merge(group))
                merged.append(Run(f"merge {level}-{i}", path, sum(r.lines for r in group)))
            runs, level = merged, level + 1
        yield from _merge(runs)


def _merge(runs: Sequence[Run]) -> Iterator[bytes]:
    with ExitStack() as stack:
        files = [stack.enter_context(open(r.path, "rb")) for r in runs]
        yield from heapq.merge(*files)


def triple_part(line: bytes) -> bytes:
    """The ``s p o`` of an N-Quads line (the graph and the final dot removed).

    >>> triple_part(b'<http://e/s> <http://e/p> "a <b>" <http://e/g> .\\n')
    b'<http://e/s> <http://e/p> "a <b>"'
    """
    return line[: line.rstrip().rfind(b" <")]


def union_triples(runs: Sequence[Run]) -> Iterator[bytes]:
    """N-Triples lines of the union of the graphs, sorted, each triple once.

    Lines that differ only in their graph are adjacent in byte order (a term is always
    followed by a space, the smallest character a line can continue with), so a
    triple is dropped when it equals the previous one.
    """
    previous = None
    for line in merged_lines(runs):
        triple = triple_part(line)
        if triple != previous:
            yield triple + b" .\n"
            previous = triple


def concatenate(runs: Sequence[Run], path: Path) -> Path:
    """Write ``runs`` one after another into the file ``path`` (copied in large blocks)."""
    with open(path, "wb") as out:
        for r in runs:
            with open(r.path, "rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 20)
    return path


def spill(lines: Iterable[bytes], path: Path) -> Path:
    """Write byte ``lines`` into the file ``path``."""
    with open(path, "wb") as out:
        out.writelines(lines)
    return path
