"""`studylog` commands as real processes, without paying for Python's start-up and imports each time.

The workflow and issue-form tests run each step's shell script under bash, and the `studylog` those
scripts call has to be a real process: its own working folder, environment, stdio and exit status,
its own `os._exit`, forks and signals. Started as `python -m studylog`, each such process spent
most of its time importing matplotlib, NumPy, Jinja2, PyGithub and the rest before doing anything
(0.6–0.8 s of CPU a build), and a test run starts about seventy of them.

So the `studylog` on such a test's PATH is a small client of a *fork server*: a Python started once
(per test worker and start-up environment) with those third-party libraries imported and nothing
else done. For each command the client sends its argument list, working folder, environment and
its stdin/stdout/stderr file descriptors; the server forks, and the child does what
`python -m studylog` would do from there: it sets `sys.path` as that interpreter would
(the working folder, PYTHONPATH's entries, then the installation's own), imports studylog *from
there* (never from the server: studylog is not imported before the fork), runs `studylog.__main__`
the way `-m` does (in a new `__main__` module), runs the exit handlers, flushes, and exits
(`python -c CODE` is served the same way). The client exits with the child's
status, or dies by its signal. What is real: bash, every other program, the process boundary, the
command line, the environment, the exit status and the code that runs. What is skipped: the
interpreter start and the import of the third-party libraries, which are the same files either way.

Where a fork could behave differently from a fresh interpreter, the child does not guess: it
execs the same command line (`python -m studylog ...`) itself, still a real process, just a slower
one. That is when the request's start-up environment differs from the server's (PYTHON* variables
other than PYTHONPATH, locale, TZ, TMPDIR, matplotlib's and XDG folders, the loader's LD_*), when a
PYTHONPATH entry is empty, when stdin, stdout or stderr is a terminal, or when the working folder
or a PYTHONPATH entry holds a module of the same name as one already imported (a fresh process
would import that one instead). If the server cannot be reached the client execs the command line
itself. A client killed while it waits does not stop its command (the tests' timeouts are only
reached when a test fails anyway).

Run as `python -I studylog_fork.py client SOCKET -m studylog ARGS...` (the shim; `-c CODE ARGS...`
works too) or `python studylog_fork.py serve SOCKET` (started by `command()` below). The client
imports only the standard library.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import struct
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import NoReturn

# What the server imports before it takes requests: the third-party libraries studylog's commands
# use (drawing, templates, Markdown, YAML, the GitHub client). Not studylog itself.
WARM = (
    "yaml",
    "numpy",
    "PIL.Image",
    "PIL.ImageFont",
    "matplotlib",
    "matplotlib.figure",
    "matplotlib.font_manager",
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_svg",
    "jinja2",
    "markupsafe",
    "markdown_it",
    "github",
)
_HEADER = struct.Struct("!Q")
_STATUS = struct.Struct("!i")


def _startup_relevant(name: str, environ: dict[str, str]) -> bool:
    """Variables a fresh interpreter (or a library at import) reads before studylog's code runs."""
    if name == "PYTHONPATH":
        return False  # handled: the child sets sys.path from it, as the interpreter would
    if name.startswith(("PYTHON", "LC_", "MPL", "XDG_", "LD_")) or name in ("LANG", "LANGUAGE", "TZ", "TMPDIR"):
        return True
    # matplotlib finds its configuration under HOME only when MPLCONFIGDIR does not say where.
    return name == "HOME" and "MPLCONFIGDIR" not in environ


def signature(environ: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in environ.items() if _startup_relevant(k, environ)))


def _original_environ() -> dict[str, str]:
    """The environment this process was started with, before Python's start-up changed anything
    (PEP 538 sets LC_CTYPE in a C locale): the kernel's copy of what execve was given."""
    with open("/proc/self/environ", "rb") as raw:
        items = raw.read().split(b"\0")
    return dict(os.fsdecode(item).split("=", 1) for item in items if b"=" in item)


# --------------------------------------------------------------------------------------------
# the client: the `studylog` on PATH


def _real(argv: list[str], env: dict[str, str]) -> NoReturn:
    os.execve(sys.executable, [sys.executable, *argv], env)


def client(path: str, argv: list[str]) -> NoReturn:
    """`argv`: what follows the interpreter on its command line (`-m studylog ARGS`, `-c CODE ARGS`)."""
    env = _original_environ()
    request = json.dumps({"argv": argv, "cwd": os.getcwd(), "env": env}).encode("ascii")
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        for fd in (0, 1, 2):
            os.fstat(fd)  # a closed stdio stream: let the interpreter decide what that means
        connection.connect(path)
    except OSError:
        _real(argv, env)
    socket.send_fds(connection, [_HEADER.pack(len(request))], [0, 1, 2])
    connection.sendall(request)
    status = b""
    while len(status) < _STATUS.size:
        chunk = connection.recv(_STATUS.size - len(status))
        if not chunk:
            os.write(2, b"studylog_fork: the server went away before the command finished\n")
            os._exit(70)
        status += chunk
    (code,) = _STATUS.unpack(status)
    if code < 0:  # killed by a signal: die by the same one, as the shell would see it
        import signal

        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
        code = 128 - code
    os._exit(code)


# --------------------------------------------------------------------------------------------
# the server


class _Server:
    def __init__(self) -> None:
        import importlib

        here = os.path.dirname(os.path.abspath(__file__))
        if sys.path and sys.path[0] == here:  # this script's folder: not on a fresh interpreter's path
            del sys.path[0]
        before = set(sys.modules)
        for name in WARM:
            with contextlib.suppress(ImportError):  # not installed here: a command that needs it fails itself
                importlib.import_module(name)
        assert "studylog" not in sys.modules, "the server must not import studylog: each command imports its own"
        loaded = set(sys.modules)
        self.names = {name.partition(".")[0] for name in loaded}
        self.warmed = {name.partition(".")[0] for name in loaded - before}
        self.launched = _original_environ()
        self.signature = signature(self.launched)
        # What Python's start-up added to the environment given (a coerced LC_CTYPE), added again
        # in each child whose request carries the same start-up environment.
        self.coerced = {k: v for k, v in os.environ.items() if self.launched.get(k) != v}
        self.base_path = list(sys.path)  # the installation's own entries, after PYTHONPATH's

    def serve(self, path: str) -> None:
        import select
        import signal

        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(path)
        listener.listen(64)
        wake_read, wake_write = os.pipe()
        os.set_blocking(wake_read, False)
        os.set_blocking(wake_write, False)
        signal.set_wakeup_fd(wake_write)
        signal.signal(signal.SIGCHLD, lambda *_: None)
        parent = os.getppid()
        waiting: dict[int, socket.socket] = {}
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        while os.getppid() == parent:  # the test worker that started this server is gone: stop
            ready, _, _ = select.select([listener.fileno(), wake_read], [], [], 1.0)
            if listener.fileno() in ready:
                connection, _ = listener.accept()
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    os.close(wake_read)
                    os.close(wake_write)
                    self.child(connection)
                waiting[pid] = connection
            if wake_read in ready:
                while True:
                    try:
                        if not os.read(wake_read, 512):
                            break
                    except BlockingIOError:
                        break
            while waiting:
                try:
                    pid, status = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break
                connection = waiting.pop(pid)
                with contextlib.suppress(OSError):  # the client was killed meanwhile
                    connection.sendall(_STATUS.pack(os.waitstatus_to_exitcode(status)))
                connection.close()

    def child(self, connection: socket.socket) -> NoReturn:  # pragma: no cover - runs in the fork
        import importlib
        import signal

        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        code = 70
        try:
            header, fds, _, _ = socket.recv_fds(connection, _HEADER.size, 3)
            while len(header) < _HEADER.size:
                chunk = connection.recv(_HEADER.size - len(header))
                if not chunk:
                    raise EOFError("the client went away")
                header += chunk
            (size,) = _HEADER.unpack(header)
            payload = b""
            while len(payload) < size:
                chunk = connection.recv(size - len(payload))
                if not chunk:
                    raise EOFError("the client went away")
                payload += chunk
            connection.close()
            for target, fd in enumerate(fds):
                if fd != target:
                    os.dup2(fd, target)
                    os.close(fd)
            request = json.loads(payload)
            argv: list[str] = request["argv"]
            cwd: str = request["cwd"]
            env: dict[str, str] = request["env"]
            os.chdir(cwd)
            entries = env["PYTHONPATH"].split(os.pathsep) if env.get("PYTHONPATH") else []
            entries = [entry if not entry or os.path.isabs(entry) else os.path.join(cwd, entry) for entry in entries]
            if (
                signature(env) != self.signature
                or len(argv) < 2
                or argv[0] not in ("-m", "-c")
                or "" in entries
                or any(os.isatty(fd) for fd in (0, 1, 2))  # a terminal: line buffering and colour decided at start
                or self._shadowed([cwd, *entries])
            ):
                _real(argv, env)
            os.environ.clear()
            os.environ.update(env)
            os.environ.update({k: v for k, v in self.coerced.items() if k not in env})
            # sys.path and sys.argv as the interpreter sets them for `-m` (the working folder) or `-c` ('')
            sys.path[:] = [cwd if argv[0] == "-m" else "", *entries, *self.base_path]
            importlib.invalidate_caches()
            sys.argv = [argv[0], *argv[2:]]
            sys.orig_argv = [sys.executable, *argv]
            code = _run_as_main(argv[0], argv[1])
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(code)

    def _shadowed(self, entries: list[str]) -> bool:
        """Whether a folder ahead of the installation's on sys.path holds a module the server already
        imported: a fresh interpreter would import that file instead of the one the server holds."""
        for entry in entries:
            try:
                names = os.listdir(entry)
            except OSError:
                continue
            for name in names:
                stem, dot, suffix = name.partition(".")
                if stem not in self.names:
                    continue
                if dot and suffix.rsplit(".", 1)[-1] in ("py", "pyc", "so"):
                    return True
                if not dot and os.path.isfile(os.path.join(entry, name, "__init__.py")):
                    return True
        return False


def _run_as_main(option: str, what: str) -> int:  # pragma: no cover - runs in the fork
    """`python -m MODULE` or `python -c CODE` from the point the interpreter hands over: run it in a
    new `__main__` module, then what the interpreter does at exit (wait for threads, exit handlers,
    flush stdio) and its status."""
    import atexit
    import builtins
    import runpy
    import threading
    import types

    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = builtins
    sys.modules["__main__"] = main
    code = 0
    try:
        if option == "-m":
            runpy._run_module_as_main(what)  # type: ignore[attr-defined]  # what `-m` calls
        else:
            exec(compile(what, "<string>", "exec"), main.__dict__)
    except SystemExit as stop:
        if stop.code is None:
            code = 0
        elif isinstance(stop.code, int):
            code = stop.code
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    except BaseException:
        sys.excepthook(*sys.exc_info())
        code = 1
    threading._shutdown()  # type: ignore[attr-defined]
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # what the interpreter reports for an unflushable stdout, and its status
            code = 120
    return code


# --------------------------------------------------------------------------------------------
# for the tests: one server per start-up environment, started when first needed, stopped at exit

_servers: dict[tuple[tuple[str, str], ...], str] = {}
_lock = threading.Lock()


def command(env: Mapping[str, str]) -> list[str]:
    """The command line of a `studylog` whose processes are forks of a server started with `env`'s
    start-up environment (started now if this worker has none yet)."""
    return [*python(env), "-m", "studylog"]


def python(env: Mapping[str, str]) -> list[str]:
    """What to run instead of `sys.executable` for `-m MODULE ...` or `-c CODE ...` with `env`."""
    environ = dict(env)
    key = signature(environ)
    with _lock:
        path = _servers.get(key)
        if path is None:
            path = _servers[key] = _start({k: v for k, v in environ.items() if k != "PYTHONPATH"})
    return [sys.executable, "-I", os.path.abspath(__file__), "client", path]


def write_shim(path: Path, env: Mapping[str, str]) -> Path:
    """An executable `studylog` at `path` for processes run with `env`."""
    import shlex

    line = " ".join(shlex.quote(part) for part in command(env))
    path.write_text(f'#!/bin/sh\nexec {line} "$@"\n', encoding="utf-8")
    path.chmod(0o755)
    return path


def _start(env: dict[str, str]) -> str:
    import atexit
    import shutil
    import subprocess
    import tempfile

    folder = tempfile.mkdtemp(prefix="studylog-fork-")
    path = os.path.join(folder, "socket")
    with open(os.path.join(folder, "server.log"), "wb") as log:
        server = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "serve", path],
            env=env, cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=log,
        )  # fmt: skip
    assert server.stdout is not None
    ready = server.stdout.readline()
    server.stdout.close()
    assert ready == b"ready\n", f"the studylog fork server did not start: {Path(log.name).read_text()}"

    def stop() -> None:
        server.kill()
        server.wait()
        shutil.rmtree(folder, ignore_errors=True)

    atexit.register(stop)
    return path


if __name__ == "__main__":
    if sys.argv[1] == "client":
        client(sys.argv[2], sys.argv[3:])
    _Server().serve(sys.argv[2])
