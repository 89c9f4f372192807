"""Drawing the charts on the other core while this one loads the repository and renders the pages.

The charts (matplotlib: its import and four drawings) are the larger half of a build's rendering
and share nothing with the templates. So a build of a repository with enough to draw forks once,
at its start: the child imports matplotlib while the parent reads and checks the files, then
waits; once the parent knows which charts are stale it sends the child their data through a pipe,
renders the Markdown and HTML pages meanwhile, and reads the drawings back. On this 2-core machine
a three-year build from clean took 2.0–2.3 s instead of 3.4–3.8 s drawing in place (alternating runs).

The bytes are the same either way: the child runs the very same drawing function the parent
would. Whenever forking is not safe or not possible (no `os.fork`, one core, other threads
running) or the child fails in any way, the parent draws the charts itself. A process's first build
draws ahead whatever the repository's size (the import is the larger part of drawing a small one:
a build of this repository's 14 check-ins from clean took 0.93 s instead of 1.23 s, medians of 24
alternating runs); later builds of small repositories draw in place, with the matplotlib that
process imported once, since a child would import it afresh every time.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from studylog.layout import CHECKIN_DIR
from studylog.othercore import can_fork, fork_with_pipes, read_all, reap, stop, unpickled

# Check-in files a repository must have before drawing ahead pays in a process that has built
# before (a library user, a test run): drawing in place, it imports matplotlib once and then pays
# only for the drawings, where a child would import it afresh for every build.
AHEAD_FROM_CHECKINS = 100
# Whether this process has yet to start drawing a build. Its first (a `studylog` command's only
# one) draws ahead whatever the repository's size: matplotlib's import, about half a second of CPU,
# is paid once either way, and the child pays it while this process loads and renders the pages.
_first = True


def _worth_it(root: Path) -> bool:
    global _first
    first, _first = _first, False
    return (first and "matplotlib.figure" not in sys.modules) or _enough_to_draw(root)


def _enough_to_draw(root: Path) -> bool:
    count = 0
    for _, _, names in os.walk(root / CHECKIN_DIR):
        count += len(names)
        if count >= AHEAD_FROM_CHECKINS:
            return True
    return False


class Drawer:
    """A forked child that warms up (imports matplotlib) at once, then runs one job it is sent."""

    def __init__(self, pid: int, jobs: int, results: int) -> None:
        self._pid, self._jobs, self._results = pid, jobs, results
        self._writer: threading.Thread | None = None
        self._done = False

    @classmethod
    def start(cls, root: Path, warm: Callable[[], object]) -> Drawer | None:
        if not can_fork() or not _worth_it(root):
            return None
        forked = fork_with_pipes(inbox=True)
        if forked is None:  # out of descriptors, processes or memory: the parent draws
            return None
        pid, results, jobs = forked
        if pid == 0:  # pragma: no cover - the child; its bytes are checked against the parent's in tests
            _child(jobs, results, warm)
        return cls(pid, jobs, results)

    def send(self, function: Callable[..., dict[str, bytes]], *args: Any) -> None:
        """Ask for `function(*args)`; written from a thread, so the parent never waits for the child's warm-up.
        Work that cannot be sent (it does not pickle) is simply not sent: the caller draws it."""
        try:
            payload = pickle.dumps((function, args))
        except Exception:
            return

        def write() -> None:
            with contextlib.suppress(OSError), os.fdopen(self._jobs, "wb") as pipe:
                pipe.write(payload)

        self._writer = threading.Thread(target=write, name="studylog-drawer", daemon=True)
        self._writer.start()

    def result(self) -> dict[str, bytes]:
        """What the child drew (path → bytes), or nothing if it failed or got stuck (it has not taken
        its job, or sent its drawings, within PATIENCE: it is stopped): the caller draws what is missing."""
        import time

        from studylog.othercore import PATIENCE

        if self._writer is None:
            return {}
        deadline = time.monotonic() + PATIENCE
        self._writer.join(PATIENCE)
        if self._writer.is_alive():  # the child has not taken its job: stopped (the write then fails, and ends)
            self.close()
            return {}
        results, self._results = self._results, -1  # read_all owns it from here, and closes it whatever happens
        payload = read_all(results, deadline)
        self._done = True
        if payload is None:  # nothing whole in time: stuck
            stop(self._pid)
            return {}
        status = reap(self._pid)
        drawn = unpickled(payload) if status == 0 else None  # none: draw here instead
        if not isinstance(drawn, dict):
            return {}
        return {path: data for path, data in drawn.items() if isinstance(data, bytes)}

    def close(self) -> None:
        """Stop a child that was never sent work (or whose work is no longer wanted), and reap it."""
        if not self._done:
            self._done = True
            fds = (self._results, self._jobs) if self._writer is None else (self._results,)
            stop(self._pid, *(fd for fd in fds if fd >= 0))


def _child(jobs: int, results: int, warm: Callable[[], object]) -> None:  # pragma: no cover - runs in the child
    status = 1
    try:
        # Speculative until the parent knows what is stale (nothing, on an unchanged repository): it
        # yields the cores to the load, which a build always needs, and to the load's own helper.
        with contextlib.suppress(OSError):
            os.nice(10)
        gc.enable()  # forked while the parent loads, with the collector paused there; this child draws
        warm()
        payload = read_all(jobs)
        if payload:
            function, args = pickle.loads(payload)
            drawn = pickle.dumps(function(*args))
            with os.fdopen(results, "wb") as pipe:
                pipe.write(drawn)
        status = 0
    finally:
        os._exit(status)  # never the parent's cleanup, atexit handlers or test runner
