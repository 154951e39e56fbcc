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


#: Lines sorted in memory at once by :func:`sort_into_run` before they are spilled.
SORT_CHUNK = 250_000


def sort_into_run(folder: Path, graph: str, lines: Iterable[str],
                  chunk: int = SORT_CHUNK) -> Run:
    """Write ``lines`` (in any order, each ending with a newline) as the sorted run of
    ``graph``, each distinct line once (see :class:`SortedRun`).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> run = sort_into_run(d, "http://e/g", ["c\\n", "a\\n", "b\\n", "a\\n"], chunk=2)
    >>> run.path.read_text(), run.lines
    ('a\\nb\\nc\\n', 3)
    """
    sorter = SortedRun(folder, graph, chunk)
    sorter.extend(lines)
    return sorter.close()


class SortedRun:
    """The run of ``graph`` written from lines given in any order, a batch at a time:
    ``chunk`` lines are sorted in memory and spilled to disk, and :meth:`close` merges the
    spills (dropping repeated lines), so memory holds one chunk however many lines come.

    >>> import tempfile, pathlib
    >>> sorter = SortedRun(pathlib.Path(tempfile.mkdtemp()), "http://e/g", chunk=2)
    >>> sorter.extend(["b\\n", "c\\n"]); sorter.extend(["a\\n"])
    >>> sorter.close().path.read_text()
    'a\\nb\\nc\\n'
    """

    def __init__(self, folder: Path, graph: str, chunk: int = SORT_CHUNK) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder, self.graph, self.chunk = folder, graph, chunk
        self._tmp = tempfile.TemporaryDirectory(prefix=".sort-", dir=folder)
        self._spilled: list[Path] = []
        self._pending: list[str] = []

    def extend(self, lines: Iterable[str]) -> None:
        """Add ``lines`` (each ending with a newline)."""
        for line in lines:
            self._pending.append(line)
            if len(self._pending) >= self.chunk:
                self._spill()

    def _spill(self) -> None:
        self._spilled.append(_spill_sorted(self._pending,
                                           Path(self._tmp.name) / f"{len(self._spilled)}.nq"))
        self._pending = []

    def close(self) -> Run:
        """Write the run and remove the spills."""
        if self._spilled and self._pending:
            self._spill()
        path = self.folder / (hashlib.sha1(self.graph.encode("utf-8")).hexdigest()[:20] + ".nq")
        count = 0
        with self._tmp, ExitStack() as stack:
            files = [stack.enter_context(open(p, "rb")) for p in self._spilled]
            ordered = (heapq.merge(*files) if files
                       else (line.encode("utf-8") for line in sorted(self._pending)))
            with naming(path), open(path, "wb") as out:
                previous = None
                for line in ordered:
                    if line != previous:
                        out.write(line)
                        count += 1
                        previous = line
        self._pending = []
        return Run(self.graph, path, count)


def _spill_sorted(lines: list[str], path: Path) -> Path:
    lines.sort()
    with open(path, "wb") as out:
        out.writelines(line.encode("utf-8") for line in lines)
    return path


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
