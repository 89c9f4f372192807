"""Part of a job on the other core: a forked child computes it and sends the result back pickled.

A cold run (no cache) spends most of its time reading check-ins and rendering the notes their
links point into, file by file, independently: on a machine with two cores a child forked once the
files are read can take part of that work while the parent does the rest. The child inherits
everything it needs (the files' bytes, the plan's settings) from the fork, so only its result
crosses the pipe.

Whenever forking is not safe or not possible (no `os.fork`, one core, other threads running), or
the child fails in any way (a crash, a signal, a result that does not unpickle), `result()` says
so with None and the caller does the work itself: the answer never depends on whether it forked.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    # A fork copies only the calling thread: a lock another thread holds (the import lock, a
    # logging lock) would stay locked in the child forever.
    return hasattr(os, "fork") and _cores() > 1 and threading.active_count() == 1


def spare_core() -> bool:
    """Whether a core is idle right now. Splitting work that a single process would do anyway pays only
    then: on a busy machine the child and the parent take turns on the same cores, and the split's own
    cost (some files read twice, results sent back) is lost. Linux says how many tasks are runnable at
    this moment (this process among them, and children of ours, which are not someone else's load);
    elsewhere the last minute's load average stands in."""
    cores = _cores()
    if cores < 2:
        return False
    running = _running()
    if running is not None:
        return running - len(_LIVE) < cores
    try:
        return os.getloadavg()[0] < cores - 0.5
    except (AttributeError, OSError):  # no load average on this system: assume the machine is ours
        return True


def _running() -> int | None:
    """Tasks runnable now, machine-wide (the fourth field of /proc/loadavg: `running/total`)."""
    try:
        with open("/proc/loadavg", "rb") as handle:
            return int(handle.read().split()[3].split(b"/")[0])
    except (OSError, ValueError, IndexError):
        return None


# Children forked by this process and not reaped yet.
_LIVE: set[int] = set()


def fork() -> int:
    """`os.fork()`, with Ctrl-C held back until each side has set itself up: an interrupt landing in
    the child before it takes over would otherwise run the parent's cleanup there (stopping the
    parent's own helpers). In the child, Ctrl-C then ends it quietly; the parent reports it."""
    for stream in (sys.stdout, sys.stderr):  # else the child could write the parent's buffered output again
        stream.flush()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        raise
    if pid == 0:  # pragma: no cover - the child
        _LIVE.clear()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    else:
        _LIVE.add(pid)
    signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return pid


def reap(pid: int) -> int:
    """Wait for a child of ours; its wait status."""
    try:
        _, status = os.waitpid(pid, 0)
    finally:
        _LIVE.discard(pid)
    return status


def stop(pid: int, *fds: int) -> None:
    """Kill a child (if it still runs), reap it, and close our ends of its pipes."""
    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        reap(pid)
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def read_all(fd: int, deadline: float | None = None) -> bytes | None:
    """Everything written to the pipe `fd` until its writer closes it (and close ours); None when
    `deadline` (a `time.monotonic()` value) passes first."""
    import selectors
    import time

    chunks: list[bytes] = []
    with os.fdopen(fd, "rb", buffering=0) as pipe, selectors.DefaultSelector() as waiting:
        waiting.register(pipe, selectors.EVENT_READ)
        while True:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and (left <= 0 or not waiting.select(left)):
                return None
            chunk = pipe.read(1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def unpickled(payload: bytes | None) -> Any:
    """What our own child sent through a pipe only we hold, or None when it sent nothing whole."""
    import pickle

    if not payload:
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # a truncated payload
        return None


# A child that has sent nothing whole after this long is stuck (it should take a second at most):
# it is stopped and the parent does the work itself.
PATIENCE = 300.0


class Part(Generic[T]):
    """`function()` running in a forked child; `result()` collects it."""

    def __init__(self, pid: int, fd: int) -> None:
        self._pid, self._fd = pid, fd
        self._done = False

    @classmethod
    def start(cls, function: Callable[[], T]) -> Part[T] | None:
        """Fork a child that runs `function()`, or None when this process should not fork."""
        if not can_fork():
            return None
        read, write = os.pipe()
        try:
            pid = fork()
        except OSError:  # out of processes or memory: do it here
            os.close(read)
            os.close(write)
            return None
        if pid == 0:  # pragma: no cover - the child; its results are compared with the parent's in tests
            os.close(read)
            _child(write, function)
        os.close(write)
        return cls(pid, read)

    def result(self) -> T | None:
        """The child's result, or None if it failed or got stuck (the caller then does its part)."""
        import time

        if self._done:
            return None
        fd, self._fd = self._fd, -1  # read_all owns it from here, and closes it whatever happens
        try:
            payload = read_all(fd, time.monotonic() + PATIENCE)
        except BaseException:
            self.close()
            raise
        if payload is None:  # stuck: stopped, and done here instead
            self.close()
            return None
        self._done = True
        status = reap(self._pid)
        found: T | None = unpickled(payload) if status == 0 else None
        return found

    def close(self) -> None:
        """Stop a child whose result is not wanted any more, and reap it."""
        if not self._done:
            self._done = True
            stop(self._pid, *([self._fd] if self._fd >= 0 else []))


def _child(fd: int, function: Callable[[], object]) -> None:  # pragma: no cover - runs in the child
    import pickle

    status = 1
    try:
        payload = pickle.dumps(function(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
        status = 0
    finally:
        os._exit(status)  # never the parent's cleanup, atexit handlers or test runner
