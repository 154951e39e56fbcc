"""A build's output folder: one build at a time, staged beside the old one, swapped in one step.

A build takes an exclusive lock (``.NAME.lock`` beside ``--out NAME``; a second build fails
at once), removes what killed builds left (``.NAME.build-*``), writes the complete new output
into a fresh ``.NAME.build-*`` folder beside the old one, then swaps the two folders in one
atomic step (``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, during which ``NAME`` is
briefly missing but never half-written), and deletes the old one. Readers see the old output
or the new one, whole. The extraction cache (``NAME/cache``) moves from the old output to the
new one.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "out"
>>> with staged_output(out) as stage:
...     _ = (stage / "graph.ttl").write_text("new")
>>> (out / "graph.ttl").read_text(), sorted(p.name for p in out.parent.iterdir())
('new', ['.out.lock', 'out'])
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.fsutil import Locked, exchange, exclusive_lock

#: Entries one of which a non-empty ``--out`` folder must hold to be replaced by a build.
OUTPUT_MARKS = ("manifest.json", "graph.ttl", "store", "cache")
#: Kept from the old output: the extraction cache.
CARRIED = ("cache",)


class OutputError(Exception):
    """The output folder cannot be built (another build holds it, it is not an output...)."""


@contextmanager
def staged_output(out: str | Path, inputs: Iterable[Path] = ()) -> Iterator[Path]:
    """A fresh folder to write the whole output into; it replaces ``out`` when the block ends.

    On an exception the staged folder is removed and ``out`` is left as it was.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        with exclusive_lock(out.parent / f".{out.name}.lock"):
            check_target(out, inputs)
            remove_stale(out)
            stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
            os.chmod(stage, 0o755)  # mkdtemp makes it private; the output is meant to be shared
            try:
                yield stage
                publish(stage, out)
            finally:
                shutil.rmtree(stage, ignore_errors=True)
    except Locked as err:
        raise OutputError(f"{out}: another build is writing this output folder right now "
                          f"(lock {err.filename}); wait for it or choose another --out") from None


def check_target(out: Path, inputs: Iterable[Path] = ()) -> None:
    """Refuse to replace a folder that is not a build output, or holds the inputs."""
    if out.is_symlink():
        raise OutputError(f"{out}: a symbolic link, which a build would replace; choose its target")
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder; choose another --out")
    names = {p.name for p in out.iterdir()}
    if names and not names & set(OUTPUT_MARKS):
        raise OutputError(f"{out}: not empty and not a kazkg output (no manifest.json); "
                          "a build replaces its --out folder as a whole: choose a new or empty folder")
    root = out.resolve()
    for path in inputs:
        resolved = Path(path).resolve()
        if resolved == root or root in resolved.parents:
            raise OutputError(f"{path}: an input inside --out {out}, which a build replaces; "
                              "move it or choose another --out")


def remove_stale(out: Path) -> None:
    """Delete the staging folders that killed builds left beside ``out`` (call under the lock)."""
    for stale in out.parent.glob(f".{out.name}.build-*"):
        shutil.rmtree(stale, ignore_errors=True)


def publish(stage: Path, out: Path) -> None:
    """Make ``stage`` the folder ``out`` in one step; the old output ends up at ``stage``."""
    if not out.exists():
        os.rename(stage, out)
        return
    for name in CARRIED:
        if (out / name).is_dir() and not (stage / name).exists():
            os.rename(out / name, stage / name)
    if exchange(stage, out):
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    os.rename(out, old / out.name)  # the one moment `out` is missing: never half-written
    os.rename(stage, out)
    os.rename(old, stage)  # removed by the caller with the rest of the stage
