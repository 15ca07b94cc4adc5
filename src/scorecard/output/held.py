"""Holding SIGTERM and SIGINT back while a publish moves files in.

Blocking the signals in the build's thread is not enough on its own: the kernel
hands a signal sent to the process to any thread that does not block it (the
worker threads a library keeps, such as polars' pool), and Python then runs the
handler in the main thread at once, in the middle of the moves. So while the
files move, the handlers are swapped as well: a signal that comes is noted, and
once the folder is whole again, each noted signal gets the handler it would have
had (the build's own, Python's KeyboardInterrupt for Ctrl-C, or the default
action, which ends the process).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

__all__ = ["signals_held"]

HELD = (signal.SIGTERM, signal.SIGINT)
# what signal.signal returns: a function, SIG_DFL or SIG_IGN, or None for a
# handler that was not set from Python (then the default is put back)
Handler = Callable[[int, FrameType | None], Any] | int | None


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT back while the block runs: they take effect once it
    is done. Outside the main thread (where handlers cannot be set) the signals
    are only blocked in this thread."""
    old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    if threading.current_thread() is not threading.main_thread():
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
        return
    noted: list[tuple[int, FrameType | None]] = []

    def note(signum: int, frame: FrameType | None) -> None:
        noted.append((signum, frame))

    previous: dict[int, Handler] = {int(s): signal.signal(s, note) for s in HELD}
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)  # blocked ones arrive: noted
        for s, handler in previous.items():
            signal.signal(s, signal.SIG_DFL if handler is None else handler)
        first: dict[int, FrameType | None] = {}
        for signum, frame in noted:  # each signal once, in the order they came
            first.setdefault(signum, frame)
        for signum, frame in first.items():
            _deliver(signum, frame, previous[signum])


def _deliver(signum: int, frame: FrameType | None, handler: Handler) -> None:
    """What ``signum`` would have done had it not been held back."""
    if callable(handler):
        handler(signum, frame)
    elif handler in (signal.SIG_DFL, None):
        os.kill(os.getpid(), signum)  # the default action, now that it is restored
