"""Build the on-disk pyoxigraph store from N-Quads runs, then swap it into place.

The store is built beside its final place (``store.tmp``), queried there by the analytics
stage, and renamed over the old store only when everything else is written, so a failed
build never leaves a half-loaded store behind.

>>> import tempfile, pathlib
>>> from kg.runs import write_run
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
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from kg.runs import LineReader, Run, concatenated


def load_store(path: Path, runs: Sequence[Run]) -> ox.Store:
    """A new store at ``path`` (anything there is removed), bulk-loaded from ``runs``."""
    path = Path(path)
    shutil.rmtree(path, ignore_errors=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(path))
    add_runs(store, runs)
    return store


def add_runs(store: ox.Store, runs: Sequence[Run]) -> None:
    """Bulk-load more runs into ``store`` (streamed, never read whole into memory)."""
    if runs:
        store.bulk_load(LineReader(concatenated(runs)), format=ox.RdfFormat.N_QUADS)
        store.flush()


def publish_store(tmp: Path, final: Path) -> None:
    """Replace the store at ``final`` by the one at ``tmp`` (the store must be closed)."""
    tmp, final = Path(tmp), Path(final)
    old = final.with_name(final.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)
