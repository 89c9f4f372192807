"""Part of a job on the other core: a forked child computes it and sends the results back pickled,
each as soon as it is made (`Part.each`, `next()`); the parent may send it more work (`send`, the
child's `Inbox`).

A cold run (no cache) spends most of its time reading check-ins and rendering the notes their
links point into, file by file, independently: on a machine with two cores a child forked once the
files are read can take part of that work while the parent does the rest. The child inherits
everything it needs (the files' bytes, the plan's settings) from the fork, so only results and the
parent's later findings cross the pipes.

Whenever forking is not safe or not possible (no `os.fork`, one core, other threads running), or
the child fails in any way (a crash, a signal, a result that does not unpickle), `next()` says so
with None and the caller does the work itself: the answer never depends on whether it forked.
"""

from __future__ import annotations

import contextlib
import os
import signal
import struct
import sys
from collections.abc import Callable, Iterator
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
    # logging lock) would stay locked in the child forever. Without `threading` imported, no thread
    # was started through it (and importing it only to ask costs a millisecond of every start).
    threading = sys.modules.get("threading")
    return hasattr(os, "fork") and _cores() > 1 and (threading is None or threading.active_count() == 1)


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


def fork_with_pipes(*, inbox: bool) -> tuple[int, int, int] | None:
    """`fork()` with a pipe for what the child sends back and, with `inbox`, one for what the parent
    sends it (each made to hold a megabyte where Linux allows). Returns (pid, the results pipe's end,
    the inbox's end or -1): in the parent the end it reads and the end it writes, in the child (pid 0)
    the end it writes and the end it reads; each side's other ends are closed. None when out of
    descriptors, processes or memory: the caller does the work itself."""
    pipes: list[int] = []
    try:
        results_read, results_write = os.pipe()
        pipes += (results_read, results_write)
        inbox_read = inbox_write = -1
        if inbox:
            inbox_read, inbox_write = os.pipe()
            pipes += (inbox_read, inbox_write)
        for fd in (results_write, inbox_write):
            if fd >= 0:
                _widen(fd)
        pid = fork()
    except OSError:
        for fd in pipes:
            os.close(fd)
        return None
    mine = (results_write, inbox_read) if pid == 0 else (results_read, inbox_write)
    for fd in pipes:
        if fd not in mine:
            os.close(fd)
    return pid, *mine


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
    """A generator running in a forked child (`Part.each`), which sends each value as soon as it is
    made; `next()` collects them in order.

    Each value crosses the pipe as its length and its pickle: one that arrives whole is used whatever
    the child does next, and the pipe is made large enough (where Linux allows) that a child can send a
    value and go on working before the parent reads it."""

    def __init__(self, pid: int, fd: int, to_child: int = -1) -> None:
        self._pid, self._fd, self._to_child = pid, fd, to_child
        self._done = False
        self._unsent = bytearray()  # for the inbox, not yet taken by the pipe

    @classmethod
    def each(cls, values: Callable[[Inbox], Iterator[T]], *, inbox: bool = False) -> Part[T] | None:
        """Fork a child that sends every value `values(inbox)` yields, or None when this process should
        not fork. With `inbox`, the child can wait for what the parent sends it (`send`)."""
        if not can_fork():
            return None
        forked = fork_with_pipes(inbox=inbox)
        if forked is None:
            return None
        pid, results, to_or_from_parent = forked
        if pid == 0:  # pragma: no cover - the child; its results are compared with the parent's in tests
            _child(results, values, Inbox(to_or_from_parent))
        return cls(pid, results, to_or_from_parent)

    def send(self, value: object, *, wait: bool = True) -> bool:
        """Send `value` to the child's inbox (pickled); False when the child is gone or was not given one.

        With `wait=False` this never blocks: what the pipe cannot take now waits in this process and
        goes with the next `send` (a process that has not yet taken what its child is trying to write
        must not wait for that child to read)."""
        import pickle

        if self._done or self._to_child < 0:
            return False
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._unsent += _LENGTH.pack(len(payload)) + payload
        return self._write(wait)

    def flush(self) -> bool:
        """Send what earlier `send(..., wait=False)` calls left over, waiting for the child to take it."""
        return False if self._done or self._to_child < 0 else self._write(True)

    def _write(self, wait: bool) -> bool:
        """Write what is unsent: all of it (`wait`), or what the pipe takes now. A child that takes
        nothing for PATIENCE is stuck: it is stopped (its results are then None: the caller does the
        work), never waited for without end."""
        import time

        deadline = time.monotonic() + PATIENCE
        try:
            os.set_blocking(self._to_child, False)
            while self._unsent:
                try:
                    del self._unsent[: os.write(self._to_child, self._unsent)]
                except BlockingIOError:  # full for now
                    if not wait:
                        return True
                    if not _writable(self._to_child, deadline - time.monotonic()):
                        self.close()
                        return False
        except OSError:  # the child has ended (a broken pipe): its results say what it did
            self._unsent.clear()
            return False
        return True

    def next(self) -> T | None:
        """The child's next value, or None when it sent no more, failed or got stuck: the caller then
        does that part itself (and the child, if still running, is stopped)."""
        if self._done:
            return None
        try:
            found: T | None = _receive(self._fd)
        except BaseException:
            self.close()
            raise
        if found is None:
            self.close()
        return found

    def close(self) -> None:
        """Stop a child whose results are not wanted any more (or that has sent them all), and reap it."""
        if not self._done:
            self._done = True
            stop(self._pid, *(fd for fd in (self._fd, self._to_child) if fd >= 0))
            self._fd = self._to_child = -1


class Inbox:
    """What a child's parent sends it (`Part.send`), in order."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._poll: Any = None
        self._buffer = bytearray()  # what has come of values not yet taken
        self._ended = False

    def get(self) -> Any:
        """The parent's next value; None when it sent no more (or got stuck, or gave none)."""
        if self._fd < 0:
            return None
        import time

        deadline = time.monotonic() + PATIENCE
        while (missing := self._missing()) > 0:
            chunk = None if self._ended else _read_exactly(self._fd, missing, deadline)
            if chunk is None:
                return None
            self._buffer += chunk
        size = _LENGTH.size + _LENGTH.unpack_from(self._buffer)[0]
        payload = bytes(self._buffer[_LENGTH.size : size])
        del self._buffer[:size]
        return unpickled(payload)

    def ready(self) -> bool:
        """Whether `get()` can answer now without waiting: a whole value has come, or the end.

        A value the parent sent without waiting may cross the pipe in pieces, the rest following only
        with its next `send` — which may come after it has started waiting for this child. So what
        has come is taken and kept here, and `get()` is called only once a value is whole."""
        if self._fd < 0:
            return False
        import select

        if self._poll is None:  # poll, not select(): select fails on descriptors past 1023
            self._poll = select.poll()
            self._poll.register(self._fd, select.POLLIN)
        while self._missing() > 0 and not self._ended and self._poll.poll(0):
            chunk = os.read(self._fd, 1 << 20)
            self._buffer += chunk
            self._ended = not chunk
        return self._missing() <= 0 or self._ended

    def _missing(self) -> int:
        """How many more bytes the next value needs (its length first): 0 when it is whole."""
        if len(self._buffer) < _LENGTH.size:
            return _LENGTH.size - len(self._buffer)
        size: int = _LENGTH.unpack_from(self._buffer)[0]
        return _LENGTH.size + size - len(self._buffer)


_LENGTH = struct.Struct("!Q")  # each value crosses a pipe as its length, then its pickle


def _receive(fd: int) -> Any:
    """The next value sent through the pipe `fd`; None when the pipe ends first, nothing whole comes
    within PATIENCE, or it does not unpickle."""
    import time

    deadline = time.monotonic() + PATIENCE
    header = _read_exactly(fd, _LENGTH.size, deadline)
    return unpickled(_read_exactly(fd, _LENGTH.unpack(header)[0], deadline) if header else None)


def _writable(fd: int, timeout: float) -> bool:
    """Whether the pipe `fd` can take more within `timeout` seconds."""
    import select

    if timeout <= 0:
        return False
    waiting = select.poll()
    waiting.register(fd, select.POLLOUT)
    return bool(waiting.poll(timeout * 1000))


def _widen(fd: int) -> None:
    """Let the pipe hold a megabyte (Linux's default limit for anyone), not 64 KB: a child's first
    value (a few hundred check-ins as read) then fits while the parent is busy with its own share."""
    with contextlib.suppress(ImportError, AttributeError, OSError):
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)


def _read_exactly(fd: int, size: int, deadline: float) -> bytes | None:
    """`size` bytes from the pipe, or None when it ends first or `deadline` passes."""
    import selectors
    import time

    chunks: list[bytes] = []
    with selectors.DefaultSelector() as waiting:  # not select(): it fails on descriptors past 1023
        waiting.register(fd, selectors.EVENT_READ)
        while size > 0:
            left = deadline - time.monotonic()
            if left <= 0 or not waiting.select(left):
                return None
            chunk = os.read(fd, min(size, 1 << 20))
            if not chunk:
                return None
            chunks.append(chunk)
            size -= len(chunk)
    return b"".join(chunks)


def _child(fd: int, values: Callable[[Inbox], Iterator[object]], inbox: Inbox) -> None:  # pragma: no cover
    import pickle

    status = 1
    try:
        with os.fdopen(fd, "wb") as pipe:
            for value in values(inbox):
                payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                pipe.write(_LENGTH.pack(len(payload)) + payload)
                pipe.flush()
        status = 0
    finally:
        os._exit(status)  # never the parent's cleanup, atexit handlers or test runner
