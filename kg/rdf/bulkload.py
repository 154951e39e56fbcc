"""Build the on-disk pyoxigraph store from N-Quads runs, then swap it into place.

The store is built beside its final place (``store.tmp``), queried there by the analytics
stage, and renamed over the old store only when everything else is written, so a failed
build never leaves a half-loaded store behind.

>>> import tempfile, pathlib
>>> from kg.rdf.runs import write_run
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> run = write_run(d / "runs", "http://e/g", ['<http://e/a> <http://e/p> "x" <http://e/g> .\\n'])
>>> store = load_store(d / "store.tmp", [run])
>>> len(store)
1
>>> del store
>>> publish_store(d / "store.tmp", d / "store")
>>> sorted(p.name for p in d.iterdir())
['runs', 'store']
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.rdf.runs import Run, concatenate


def load_store(path: Path, runs: Sequence[Run]) -> ox.Store:
    """A new store at ``path`` (anything there is removed), bulk-loaded from ``runs``."""
    path = Path(path)
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(path))
    add_runs(store, runs, path)
    return store


#: Quads per bulk-load call. Oxigraph's bulk loader buffers up to a million quads per
#: thread before writing, so loading in slices keeps memory flat however big the corpus.
SLICE = 200_000


def add_runs(store: ox.Store, runs: Sequence[Run], store_dir: Path,
             slice_size: int = SLICE) -> None:
    """Bulk-load more runs into ``store``, streamed, a slice of whole runs at a time.

    A run is never split (its blank-node labels stay in one load).
    """
    with tempfile.TemporaryDirectory(prefix=".load-", dir=Path(store_dir).parent) as tmp:
        for i, group in enumerate(_slices(runs, slice_size)):
            _load_group(store, group, Path(tmp) / f"{i}.nq")
    store.flush()


def load_received(receive: Callable[[], Run | None], path: Path, slice_size: int = SLICE) -> int:
    """:func:`load_store` from runs given one at a time by ``receive()`` until it gives
    ``None``, each slice (the same as :func:`add_runs`') loaded as soon as it is whole, so
    the loading keeps pace with the runs being written; the store is closed at the end.
    Returns the number of runs. Module-level: a build runs it in another process.

    >>> import tempfile, pathlib
    >>> from kg.rdf.runs import write_run
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> runs = iter([write_run(d / "runs", f"http://e/g{i}", [f'<http://e/a> <http://e/p> "{i}" <http://e/g{i}> .\\n'])
    ...              for i in range(3)] + [None])
    >>> load_received(lambda: next(runs), d / "store", slice_size=2), len(ox.Store.read_only(str(d / "store")))
    (3, 3)
    """
    path = Path(path)
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(path))
    group: list[Run] = []
    count = lines = 0
    with tempfile.TemporaryDirectory(prefix=".load-", dir=path.parent) as tmp:
        while (run := receive()) is not None:
            if group and lines + run.lines > slice_size:  # as _slices groups them
                _load_group(store, group, Path(tmp) / f"{count}.nq")
                group, lines = [], 0
            group.append(run)
            lines += run.lines
            count += 1
        if group:
            _load_group(store, group, Path(tmp) / f"{count}.nq")
    store.flush()
    del store  # closed: the build opens it again
    return count


def _load_group(store: ox.Store, group: list[Run], spare: Path) -> None:
    """Bulk-load a slice of whole runs (one file: a single run's, else ``spare``)."""
    path = group[0].path if len(group) == 1 else concatenate(group, spare)
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)


def add_run_in_slices(store: ox.Store, run: Run, store_dir: Path,
                      slice_size: int = SLICE) -> None:
    """Bulk-load one large run without blank nodes (the analytics graph) ``slice_size`` lines
    at a time, so the bulk loader never buffers all of it (a run with blank nodes must be
    loaded whole: :func:`add_runs`).

    >>> import tempfile, pathlib
    >>> from kg.rdf.runs import write_run
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> run = write_run(d / "runs", "http://e/g", [f'<http://e/a> <http://e/p> "{i}" <http://e/g> .\\n'
    ...                                            for i in range(5)])
    >>> store = ox.Store(); add_run_in_slices(store, run, d / "store", slice_size=2); len(store)
    5
    """
    with tempfile.TemporaryDirectory(prefix=".load-", dir=Path(store_dir).parent) as tmp:
        with open(run.path, "rb") as lines:
            while True:
                block = list(islice(lines, slice_size))
                if not block:
                    break
                if any(line.startswith(b"_:") or b"> _:" in line for line in block):
                    raise ValueError(f"{run.path}: blank nodes cannot be loaded in slices")
                part = Path(tmp) / "slice.nq"
                part.write_bytes(b"".join(block))
                store.bulk_load(path=str(part), format=ox.RdfFormat.N_QUADS)
    store.flush()


def _slices(runs: Sequence[Run], size: int) -> list[list[Run]]:
    """Consecutive groups of runs of about ``size`` lines (a bigger run stays alone).

    >>> from pathlib import Path
    >>> [[r.lines for r in g] for g in _slices([Run("g", Path("x"), n) for n in (3, 4, 9, 1)], 8)]
    [[3, 4], [9], [1]]
    """
    groups: list[list[Run]] = []
    lines = 0
    for run in runs:
        if groups and lines + run.lines <= size:
            groups[-1].append(run)
            lines += run.lines
        else:
            groups.append([run])
            lines = run.lines
    return groups


def publish_store(tmp: Path, final: Path) -> None:
    """Replace the store at ``final`` by the one at ``tmp`` (the store must be closed)."""
    tmp, final = Path(tmp), Path(final)
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
