"""Run a function over many items, in worker processes when asked to.

Used to render PDFs in parallel: each worker imports WeasyPrint and loads
fonts once (the initializer), then renders one document after another. Results
come back in the order of the items, so the output does not depend on how many
workers ran.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
_POOLS: list[Any] = []  # the pools running now, for stop_workers
R = TypeVar("R")


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def ordered_map(
    func: Callable[[T], R],
    items: Sequence[T],
    jobs: int,
    initializer: Callable[[], None] | None = None,
    *,
    recycle: int | None = None,
) -> Iterator[R]:
    """``func`` over ``items``, in order, with up to ``jobs`` worker processes.

    With one job (or one item) everything runs in this process, without the
    cost of starting workers. ``func`` and ``initializer`` must be module-level
    functions so that they can be sent to the workers.

    ``recycle``: replace a worker by a fresh one after it has handled this
    many items. A long-lived renderer gathers memory in its libraries' caches;
    recycling bounds it, at the cost of one ``initializer`` per ``recycle``
    items. With it, one job runs in a worker too when there are more items.
    """
    jobs = min(jobs, len(items))
    if jobs <= 1 and (recycle is None or len(items) <= recycle):
        if initializer is not None and items:
            initializer()
        yield from map(func, items)
        return
    # fork: workers start in milliseconds and share the imported modules.
    context = multiprocessing.get_context("fork")
    with context.Pool(
        processes=max(jobs, 1), initializer=_worker_start, initargs=(initializer,),
        maxtasksperchild=recycle,
    ) as pool:
        _POOLS.append(pool)
        try:
            yield from pool.imap(func, _as_iterable(items), chunksize=1)
        finally:
            _POOLS.remove(pool)


def _worker_start(initializer: Callable[[], None] | None) -> None:
    """A worker ends quietly: SIGTERM (from the pool, or sent to the whole process
    group) ends it at once, as by default, whatever handler the parent had; SIGINT
    (Ctrl-C on a terminal reaches every process) is left to the parent, which
    stops the pool. No worker prints a traceback for either."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if initializer is not None:
        initializer()


def _die_with_parent() -> None:
    """This worker ends within a fifth of a second of the build that made it, even
    when the build was killed by SIGKILL (a pool's workers otherwise wait for
    work forever, as orphans). A watching thread, not PR_SET_PDEATHSIG: that
    signal follows the thread that forked the worker, and the pool forks
    replacements from a thread of its own."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="scorecard-parent-watch", daemon=True).start()


def stop_workers() -> None:
    """Kill this process's workers at once and reap them (before it ends on SIGTERM).

    The pool's own thread would start new workers for the ones killed; it is
    told to stop first (CPython's pool has no public way to say so).

    Imports nothing unless a pool is running: SIGTERM may strike while the build
    is itself importing ``multiprocessing.pool``, and importing a half-imported
    module from the handler fails (a traceback and exit 1, not 143)."""
    if _POOLS:  # a pool exists, so its module is wholly imported
        from multiprocessing.pool import TERMINATE

        for pool in _POOLS:
            handler = getattr(pool, "_worker_handler", None)
            if handler is not None:
                handler._state = TERMINATE
        time.sleep(0.2)  # the thread looks every 0.1 s
    children = multiprocessing.active_children()
    for child in children:
        with contextlib.suppress(OSError):
            child.kill()
    for child in children:
        child.join(timeout=5)


def _as_iterable(items: Sequence[T]) -> Iterable[T]:
    return iter(items)
