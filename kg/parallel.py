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

    def __init__(self, submit: Callable[..., Any], started: Callable[[], int] = lambda: 0,
                 start: Callable[[], None] = lambda: None) -> None:
        self._submit = submit
        self._started = started
        self._start = start

    def start(self) -> None:
        """Start the local workers now rather than at the first ``submit`` (their warm-up
        then overlaps what the caller does before it has work for them); serially or on a
        cluster, nothing."""
        self._start()

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
        yield Mapper(pool.submit, lambda: pool.started, pool.start)
    finally:
        pool.close()


def apart(fn: Callable[..., R], *args: Any) -> Fed:
    """Start ``fn(*args)`` in one new process; ``result()`` of the returned :class:`Fed`
    waits for it and returns its value (or raises its error).

    The process is a fresh interpreter (``python -c``, not a fork, and not multiprocessing's
    spawn, which imports the caller's main script again): it holds only what it imports and
    is given, so a large parent's memory is neither shared nor counted twice, and it dies
    with this process (as the pool's workers). ``fn`` and ``args`` travel pickled: ``fn``
    must be a module-level function.

    >>> apart(divmod, 7, 2).result()
    (3, 1)
    """
    return Fed(fn, args, fed=False)


def fed_apart(fn: Callable[..., R], *args: Any) -> Fed:
    """Start ``fn(receive, *args)`` in one new process (as :func:`apart`); ``receive()`` there
    returns what :meth:`Fed.send` sends here, then ``None`` once :meth:`Fed.close` is called,
    which returns ``fn``'s value (or raises its error).

    >>> fed = fed_apart(_total)
    >>> fed.send(2); fed.send(3); fed.close()
    5
    """
    return Fed(fn, args, fed=True)


class Fed:
    """A process started by :func:`apart` or :func:`fed_apart`, and the pipe to it."""

    def __init__(self, fn: Callable[..., Any], args: tuple, fed: bool) -> None:
        import pickle  # deferred: only a large build starts one
        import subprocess

        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
        self._process = subprocess.Popen(
            [sys.executable, "-c", "from kg.parallel import _serve; _serve()", str(os.getpid())],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self._pickle, self._fed = pickle, fed
        pickle.dump((fn, args, fed), self._process.stdin)
        self._process.stdin.flush()
        if not fed:
            self._process.stdin.close()

    def send(self, item: Any) -> None:
        self._pickle.dump(item, self._process.stdin)
        self._process.stdin.flush()

    def close(self) -> Any:
        """Tell the process there is no more (if it is fed); wait for it; return its value."""
        try:
            if self._fed:
                self._pickle.dump(None, self._process.stdin)
                self._process.stdin.close()
            status, value = self._pickle.load(self._process.stdout)
        except (EOFError, OSError, self._pickle.UnpicklingError) as err:  # it died
            raise RuntimeError(f"a helper process ended without a result ({err!r})") from None
        finally:
            self._process.stdout.close()
            self._process.wait()
        if status == "error":
            raise value
        return value

    result = close  # the name of a future's

    def abort(self) -> None:
        """End the process now (the build failed meanwhile)."""
        self._process.kill()
        self._process.wait()
        for pipe in (self._process.stdin, self._process.stdout):
            try:
                pipe.close()
            except OSError:
                pass


def _serve() -> None:
    """The helper process's side of :class:`Fed`: read the call, run it, write the outcome."""
    import pickle

    _start_worker(int(sys.argv[1]), None)  # dies with the build
    source = sys.stdin.buffer
    sink = os.fdopen(os.dup(1), "wb")  # the outcome's own line: anything printed goes to stderr
    os.dup2(2, 1)
    fn, args, fed = pickle.load(source)
    try:
        value = fn((lambda: pickle.load(source)), *args) if fed else fn(*args)
        outcome = ("ok", value)
    except Exception as err:  # noqa: BLE001 - sent back, raised again by Fed.close
        outcome = ("error", err)
    try:
        data = pickle.dumps(outcome)
    except Exception as err:  # noqa: BLE001 - an error that cannot be pickled: its text
        data = pickle.dumps(("error", RuntimeError(f"{type(err).__name__}: {outcome[1]}")))
    sink.write(data)
    sink.flush()


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

    def start(self) -> None:
        """Start every worker (and its warm-up) now, if not yet started."""
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor
            from functools import partial

            start = partial(_start_worker, os.getpid(), self._warm_up)
            self._pool = ProcessPoolExecutor(max_workers=self._workers, initializer=start)
            for _ in range(self._workers):
                self._pool.submit(int)
            self.started = self._workers

    def submit(self, fn: Callable[[T], R], item: T):
        self.start()
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
