"""Run a function over many items serially, on local processes, or on a Dask cluster.

Extraction is embarrassingly parallel per article; results always come back in the order
of the inputs, so a parallel build writes the same ``graph.ttl`` as a serial one. Items
may carry a cost (e.g. their length): the dearest are started first, so one long article
does not finish alone at the end while the other workers idle.

>>> with open_mapper(workers=1) as run:
...     run.map(str.upper, ["x", "y"], costs=[1, 2]), run.submit(len, "abc").result(), run.started
(['X', 'Y'], 3, 0)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

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


class Mapper:
    """Runs functions on the workers of :func:`open_mapper`: ``submit`` one, or ``map`` many."""

    def __init__(self, submit: Callable[..., Any], started: Callable[[], int] = lambda: 0) -> None:
        self._submit = submit
        self._started = started

    @property
    def started(self) -> int:
        """How many worker processes were started so far (0: all ran in this process)."""
        return self._started()

    def submit(self, fn: Callable[[T], R], item: T):
        """Start ``fn(item)``; the returned future's ``result()`` waits for it."""
        return self._submit(fn, item)

    def map(self, fn: Callable[[T], R], items: Sequence[T],
            costs: Sequence[float] | None = None) -> list[R]:
        """``[fn(x) for x in items]``, the dearest started first, results in input order."""
        items = list(items)
        order = _dearest_first(len(items), costs)
        futures = {i: self.submit(fn, items[i]) for i in order}
        return [futures[i].result() for i in range(len(items))]


@contextmanager
def open_mapper(workers: int = 1, scheduler: str | None = None,
                warm_up: Callable[[], Any] | None = None) -> Iterator[Mapper]:
    """A :class:`Mapper` whose workers live until the block ends.

    ``scheduler`` is a Dask scheduler address (``tcp://host:port``); functions must then be
    importable on the workers (module-level, with ``functools.partial`` if needed).
    ``warm_up`` runs once in every local worker as it starts (e.g. to load a model
    while the caller does other work).
    """
    if scheduler:
        client = _dask_client(scheduler)
        try:
            yield Mapper(lambda fn, item: client.submit(fn, item, pure=False))
        finally:
            client.close()
        return
    if workers <= 1:
        yield Mapper(_Done.of)
        return
    pool = _LazyPool(workers, warm_up)
    try:
        yield Mapper(pool.submit, lambda: pool.started)
    finally:
        pool.close()


def apart(fn: Callable[..., R], *args: Any) -> Apart:
    """Start ``fn(*args)`` in one new process; ``result()`` of the returned :class:`Apart`
    waits for it.

    The process is spawned, not forked: it holds only what it imports and is given, so a
    large parent's memory is neither shared nor counted twice; like the pool's workers it
    dies with this process. ``fn`` must be importable (a module-level function).

    >>> apart(divmod, 7, 2).result()
    (3, 1)
    """
    import multiprocessing  # deferred: only a large build starts one
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=partial(_start_worker, os.getpid(), None))
    return Apart(pool, pool.submit(fn, *args))


class Apart:
    """The call :func:`apart` started: ``result()`` returns its value (or raises its error)
    once its process has exited."""

    def __init__(self, pool, future) -> None:
        self._pool, self._future = pool, future

    def result(self) -> Any:
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=True)


def fed_apart(fn: Callable[..., R], *args: Any) -> Fed:
    """Start ``fn(receive, *args)`` in one new (spawned) process that dies with this one;
    ``receive()`` there returns what :meth:`Fed.send` sends here, ``None`` once
    :meth:`Fed.close` is called, which then returns ``fn``'s value (or raises its error).

    >>> fed = fed_apart(_total)
    >>> fed.send(2); fed.send(3); fed.close()
    5
    """
    import multiprocessing  # deferred: only a large build starts one

    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(target=_run_fed, args=(os.getpid(), fn, theirs, args), daemon=True)
    process.start()
    theirs.close()
    return Fed(process, ours)


class Fed:
    """The process :func:`fed_apart` started, and the line to it."""

    def __init__(self, process, connection) -> None:
        self._process, self._connection = process, connection

    def send(self, item: Any) -> None:
        self._connection.send(item)

    def close(self) -> Any:
        """Tell the process there is no more; wait for it; its value, or its error raised."""
        try:
            self._connection.send(None)
            status, value = self._connection.recv()
        except (EOFError, OSError) as err:  # it died (killed, out of memory)
            raise RuntimeError(f"a helper process ended without a result ({err})") from None
        finally:
            self._process.join()
        if status == "error":
            raise value
        return value

    def abort(self) -> None:
        """End the process now (the build failed meanwhile)."""
        self._process.kill()
        self._process.join()


def _run_fed(parent: int, fn: Callable[..., Any], connection, args: tuple) -> None:
    _start_worker(parent, None)
    try:
        value = fn(connection.recv, *args)
    except Exception as err:  # noqa: BLE001 - sent back, raised again by Fed.close
        connection.send(("error", err))
    else:
        connection.send(("ok", value))


def _total(receive: Callable[[], Any]) -> Any:
    """The sum of what ``receive()`` gives until ``None`` (the example of :func:`fed_apart`)."""
    total = 0
    while (item := receive()) is not None:
        total += item
    return total


class _LazyPool:
    """A process pool started on the first ``submit`` (a fully cached build starts none).

    Closing does not wait for the workers to exit: every result has been collected by then,
    and their teardown (freeing models) overlaps the caller's next stage.
    """

    def __init__(self, workers: int, warm_up: Callable[[], Any] | None) -> None:
        self._workers, self._warm_up, self._pool = workers, warm_up, None
        self.started = 0

    def submit(self, fn: Callable[[T], R], item: T):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor
            from functools import partial

            start = partial(_start_worker, os.getpid(), self._warm_up)
            self._pool = ProcessPoolExecutor(max_workers=self._workers, initializer=start)
            for _ in range(self._workers):  # start every worker (and its warm-up) now
                self._pool.submit(int)
            self.started = self._workers
        return self._pool.submit(fn, item)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)


def _start_worker(parent: int, warm_up: Callable[[], Any] | None) -> None:
    """Tie a worker's life to its parent's, then warm it up.

    On Linux the kernel kills the worker when the parent dies (``PR_SET_PDEATHSIG``), even by
    ``kill -9``; everywhere a watchdog thread ends it once it has been orphaned.
    """
    _kill_on_parent_death()
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    import threading  # deferred: only workers need it

    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if warm_up is not None:
        warm_up()


def _kill_on_parent_death() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # deferred: Linux only
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog remains
        pass


def _watch_parent(parent: int, every: float = 1.0) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(1)


class _Done:
    """The already-computed result (or exception) of a serial ``submit``."""

    def __init__(self, value: Any, error: Exception | None = None) -> None:
        self._value, self._error = value, error

    @classmethod
    def of(cls, fn: Callable[[T], R], item: T) -> _Done:
        try:
            return cls(fn(item))
        except Exception as err:  # noqa: BLE001 - raised again by result(), as a future does
            return cls(None, err)

    def result(self) -> Any:
        if self._error is not None:
            raise self._error
        return self._value

    def done(self) -> bool:
        return True


def _dearest_first(n: int, costs: Sequence[float] | None) -> list[int]:
    """Indices in submission order: by decreasing cost, ties in input order.

    >>> _dearest_first(3, [1, 5, 5])
    [1, 2, 0]
    """
    if costs is None:
        return list(range(n))
    return sorted(range(n), key=lambda i: (-costs[i], i))


class DaskNotInstalled(ImportError):
    """A Dask scheduler was asked for, but the optional extra ``kazkg[distributed]`` is missing."""


def _dask_client(scheduler: str):
    try:
        from distributed import Client  # deferred: Dask is the optional extra kazkg[distributed]
    except ImportError as err:
        raise DaskNotInstalled(
            "--scheduler needs Dask, which is not installed: pip install 'kazkg[distributed]'"
        ) from err
    return Client(scheduler, timeout="30s")
