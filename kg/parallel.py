"""Run a function over many items serially, on local processes, or on a Dask cluster.

Extraction is embarrassingly parallel per article; results always come back in the order
of the inputs, so a parallel build writes the same ``graph.ttl`` as a serial one. Items
may carry a cost (e.g. their length): the dearest are started first, so one long article
does not finish alone at the end while the other workers idle.

>>> map_in_order(len, ["a", "bb", "ccc"])
[1, 2, 3]
>>> with open_mapper(workers=1) as run:
...     run(str.upper, ["x", "y"], costs=[1, 2])
['X', 'Y']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Mapper = Callable[..., list]

#: Below this many bytes of input, ``workers=0`` (automatic) stays in one process:
#: starting workers and loading a model in each costs more than it saves.
AUTO_MIN_BYTES = 256 * 1024


def auto_workers(total_bytes: int, cpus: int | None = None) -> int:
    """How many processes ``workers=0`` means for ``total_bytes`` of input.

    >>> auto_workers(10_000, cpus=8), auto_workers(50_000_000, cpus=2)
    (1, 2)
    """
    cpus = cpus or os.cpu_count() or 1
    return 1 if total_bytes < AUTO_MIN_BYTES else max(1, min(cpus, 8))


@contextmanager
def open_mapper(workers: int = 1, scheduler: str | None = None) -> Iterator[Mapper]:
    """A ``run(fn, items, costs=None) -> list`` that keeps its workers between calls.

    ``scheduler`` is a Dask scheduler address (``tcp://host:port``); ``fn`` must then be
    importable on the workers (a module-level function, with ``functools.partial`` if needed).
    """
    if scheduler:
        client = _dask_client(scheduler)
        try:
            yield lambda fn, items, costs=None: _dask_map(client, fn, items, costs)
        finally:
            client.close()
        return
    if workers <= 1:
        yield lambda fn, items, costs=None: [fn(x) for x in items]
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield lambda fn, items, costs=None: _pool_map(pool, fn, items, costs)


def map_in_order(fn: Callable[[T], R], items: Sequence[T], workers: int = 1,
                 scheduler: str | None = None) -> list[R]:
    """``[fn(x) for x in items]``, computed serially, on ``workers`` processes, or with Dask."""
    if not scheduler and (workers <= 1 or len(items) <= 1):
        return [fn(x) for x in items]
    with open_mapper(workers, scheduler) as run:
        return run(fn, items)


def _dearest_first(n: int, costs: Sequence[float] | None) -> list[int]:
    """Indices in submission order: by decreasing cost, ties in input order.

    >>> _dearest_first(3, [1, 5, 5])
    [1, 2, 0]
    """
    if costs is None:
        return list(range(n))
    return sorted(range(n), key=lambda i: (-costs[i], i))


def _pool_map(pool, fn, items: Sequence[Any], costs) -> list:
    items = list(items)
    if len(items) <= 1:
        return [fn(x) for x in items]
    order = _dearest_first(len(items), costs)
    futures = {i: pool.submit(fn, items[i]) for i in order}
    return [futures[i].result() for i in range(len(items))]


def _dask_client(scheduler: str):
    try:
        from distributed import Client
    except ImportError as err:  # pragma: no cover - depends on the install
        raise RuntimeError("--scheduler needs Dask: pip install 'dask[distributed]'") from err
    return Client(scheduler, timeout="30s")


def _dask_map(client, fn, items: Sequence[Any], costs) -> list:
    items = list(items)
    order = _dearest_first(len(items), costs)
    futures = client.map(fn, [items[i] for i in order], pure=False)
    results = client.gather(futures)
    out: list = [None] * len(items)
    for i, r in zip(order, results):
        out[i] = r
    return out
