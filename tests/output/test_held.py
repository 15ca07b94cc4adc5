"""SIGTERM and SIGINT held back while a publish moves files in, even when other
threads (a library's pool) could take the signal: they take effect after."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from types import FrameType

import pytest

from scorecard.output.held import signals_held


@pytest.fixture
def other_thread() -> Iterator[None]:
    """A thread that does not block SIGTERM: the kernel may hand it the signal."""
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()


@pytest.fixture
def sigterm_noted() -> Iterator[list[str]]:
    seen: list[str] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        seen.append(signal.Signals(signum).name)

    previous = signal.signal(signal.SIGTERM, handler)
    yield seen
    signal.signal(signal.SIGTERM, previous)


def _send_and_wait(signum: int) -> None:
    os.kill(os.getpid(), signum)
    time.sleep(0.2)  # time for a handler to run here, were it to


def test_sigterm_waits_for_the_block_then_runs_its_handler_once(
        other_thread: None, sigterm_noted: list[str]) -> None:
    with signals_held():
        _send_and_wait(signal.SIGTERM)
        _send_and_wait(signal.SIGTERM)
        assert sigterm_noted == []  # not while the files move
    assert sigterm_noted == ["SIGTERM"]
    # the handler is the build's again
    _send_and_wait(signal.SIGTERM)
    assert sigterm_noted == ["SIGTERM", "SIGTERM"]


def test_ctrl_c_is_a_keyboard_interrupt_after_the_block(other_thread: None) -> None:
    done = []
    with pytest.raises(KeyboardInterrupt), signals_held():
        _send_and_wait(signal.SIGINT)
        done.append("moved")
    assert done == ["moved"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_an_ignored_signal_stays_ignored(other_thread: None) -> None:
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with signals_held():
            _send_and_wait(signal.SIGTERM)
        _send_and_wait(signal.SIGTERM)  # nothing happens: still ignored
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_outside_the_main_thread_the_signals_are_blocked_there_only(
        sigterm_noted: list[str]) -> None:
    errors: list[BaseException] = []
    blocked: list[bool] = []

    def publish() -> None:
        try:
            with signals_held():
                blocked.append(signal.SIGTERM in signal.pthread_sigmask(signal.SIG_BLOCK, []))
        except BaseException as error:
            errors.append(error)

    worker = threading.Thread(target=publish)
    worker.start()
    worker.join()
    assert errors == [] and blocked == [True]
    assert signal.getsignal(signal.SIGTERM) is not None  # the main thread's handler untouched
