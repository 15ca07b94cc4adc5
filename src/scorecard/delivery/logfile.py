"""The sent log as a file: read whatever is there without failing, and append
whole lines or nothing.

An append that was stopped (a killed send, a full disk) can leave a last line cut
short. That line is read as a warning, not an error: every line before it
records a message that was sent, and advice such as "restore it from git" would
throw away the lines of messages sent since the last commit. The next append
starts on a new line, and an append that fails half-way is cut back to where it
began.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

__all__ = ["BAD_LINE_HINT", "CUT_SHORT", "CUT_SHORT_HINT", "LogFileError", "append_lines",
           "cut_short", "read_text"]

CUT_SHORT = ("this line of the sent log was cut short (an append that was stopped half-way); "
             "it is ignored")
CUT_SHORT_HINT = ("The message it was written for may be sent again. Leave the line as it "
                  "is, or delete it; keep every other line.")
BAD_LINE_HINT = ("Correct that line by hand (git diff shows what changed since the log was "
                 "last committed); keep every other line: they record messages that were "
                 "sent, and restoring the file from git would lose those sent since.")


class LogFileError(Exception):
    """The sent log cannot be read at all; the text says why."""


def read_text(path: Path) -> str:
    """The log's text; bytes that are not UTF-8 are kept as escapes (a line holding
    them does not parse, and is reported at its line)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a folder, a device, a pipe: never read
            raise LogFileError("the sent log is not a file")
        data = path.read_bytes()
    except OSError as exc:
        raise LogFileError(f"the sent log cannot be read: {exc.strerror or exc}") from None
    return data.decode("utf-8", "surrogateescape")


def cut_short(line: str, error: ValueError) -> bool:
    """Whether ``line`` looks like the start of a line scorecard wrote, cut off: it
    opens as ours do, and JSON ran out of text (or of a string) before it closed."""
    if not line.startswith('{"sent": "'):
        return False
    message = str(getattr(error, "msg", error))
    position = getattr(error, "pos", -1)
    return position >= len(line.rstrip()) or message.startswith("Unterminated string")


def append_lines(path: Path, text: str) -> None:
    """Append ``text`` (whole lines) and sync it to disk. A last line cut short is
    ended first, so the new lines stand on their own. OSError when the lines cannot
    be written; the file is then cut back to what it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        size = os.fstat(fd).st_size
        data = text.encode("utf-8", "surrogateescape")
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)
