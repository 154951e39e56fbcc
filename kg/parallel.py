"""Run a per-document function locally, on N processes, or on a Dask cluster, in input order.

Extraction is embarrassingly parallel per document; results always come back in the
order of the inputs, so a parallel build writes the same ``graph.ttl`` as a serial one.

>>> map_in_order(len, ["a", "bb", "ccc"])
[1, 2, 3]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_in_order(fn: Callable[[T], R], items: Sequence[T], workers: int = 1,
                 scheduler: str | None = None) -> list[R]:
    """``[fn(x) for x in items]``, computed serially, on ``workers`` processes, or with Dask.

    ``scheduler`` is a Dask scheduler address (``tcp://host:port``); ``fn`` must then be
    importable on the workers (a module-level function, with ``functools.partial`` if needed).
    """
    if scheduler:
        return _dask_map(fn, items, scheduler)
    if workers <= 1 or len(items) <= 1:
        return [fn(x) for x in items]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items))


def _dask_map(fn, items, scheduler: str):
    try:
        from distributed import Client
    except ImportError as err:  # pragma: no cover - depends on the install
        raise RuntimeError("--scheduler needs Dask: pip install 'dask[distributed]'") from err
    with Client(scheduler, timeout="30s") as client:
        futures = client.map(fn, list(items), pure=False)
        return client.gather(futures)
