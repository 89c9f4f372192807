"""studylog's cache folder: results keyed by what they were computed from, safe to delete any time.

It lives outside the repository (`$STUDYLOG_CACHE_DIR`, else `$XDG_CACHE_HOME/studylog`, else
`~/.cache/studylog`), holds only JSON, and is written atomically. Entries are keyed by a hash
of their input, so a stale entry can never be used: a changed file simply gets a new key.

Each repository has its own folder (`repos/<hash of its real path>/`), so a run reads only its
own repository's entries however many repositories share the machine. Both are bounded: a file
keeps its MAX_ENTRIES most recently used entries, the folder its MAX_REPOSITORIES most recently
written repositories.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

MAX_ENTRIES = 20_000
MAX_REPOSITORIES = 64
_PACKAGE = Path(__file__).resolve().parent
# Libraries whose versions change what studylog computes or draws.
_SHAPING_LIBRARIES = ("PyYAML", "cmarkgfm", "Jinja2", "matplotlib", "pillow")


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def _library_versions() -> dict[str, str]:
    """Installed distributions' versions from their metadata folder names on sys.path.

    The same answer as `importlib.metadata.version` for each library, read with one `listdir` per
    path entry: importing and walking importlib.metadata cost ~30 ms on every run.
    """
    wanted = {_normalized(name): name for name in _SHAPING_LIBRARIES}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            stem, dot, suffix = folder.rpartition(".")
            if not dot or suffix not in ("dist-info", "egg-info"):
                continue
            name, _, version = stem.partition("-")
            library = wanted.get(_normalized(name))
            if library is not None and library not in found:  # the first on sys.path is the one imported
                found[library] = version.partition("-")[0]
    return found


@functools.cache
def code_fingerprint() -> str:
    """A hash of studylog's own code and data files and of the libraries that shape its output.

    Every cache entry and the build's "nothing changed" key carry it, so results computed by other
    code (an upgrade, a local edit, a different matplotlib) are never served.
    """
    digest = hashlib.sha256()
    files = []
    for folder, dirs, names in os.walk(_PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        files += [os.path.join(folder, n) for n in names if n.endswith((".py", ".j2", ".json", ".yaml", ".yml"))]
    for path in sorted(files):
        with open(path, "rb") as handle:
            data = handle.read()
        digest.update(os.path.relpath(path, _PACKAGE).replace(os.sep, "/").encode() + b"\0" + data + b"\0")
    versions = _library_versions()
    for library in _SHAPING_LIBRARIES:
        digest.update(f"{library}={versions.get(library, '?')}\0".encode())
    return digest.hexdigest()


def temporary_beside(path: Path) -> tuple[int, Path]:
    """A new empty file in `path`'s folder, to write and then rename over `path`: its descriptor (open
    for writing) and its path. Its name is used by no one else and it is readable by us alone, as
    `tempfile.mkstemp` makes it — that module costs a run 5–7 ms to import, for this one call. Every
    file studylog writes atomically (caches, outputs, imports) starts here."""
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {path}")  # pragma: no cover - 48 random bits, 100 times


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def cache_dir() -> Path:
    explicit = os.environ.get("STUDYLOG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "studylog"


def repository_cache_dir(root: Path) -> Path:
    """The cache folder of the repository at `root` (the same folder however `root` is spelled)."""
    real = os.path.realpath(root)
    return cache_dir() / "repos" / hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _prune_repositories(keep: Path) -> None:
    """Drop the least recently written repository folders beyond MAX_REPOSITORIES (never `keep`)."""
    # Caches from before there was one folder per repository: every repository's entries in one
    # file, which made each run read all of them.
    for legacy in ("loaded.json", "anchors.json"):
        with contextlib.suppress(OSError):
            (keep.parent.parent / legacy).unlink()
    try:
        folders = [f for f in keep.parent.iterdir() if f.is_dir() and f != keep]
        folders.sort(key=lambda f: f.stat().st_mtime, reverse=True)
    except OSError:
        return
    for stale in folders[MAX_REPOSITORIES - 1 :]:
        import shutil  # ~6 ms to import (it loads the compression modules); pruning is rare

        shutil.rmtree(stale, ignore_errors=True)


# Compact, UTF-8 as it is; values are trees of plain lists and dicts made by studylog, never cyclic.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def encode(value: Any) -> str:
    """A cache value's JSON text, as `JsonCache.save` writes it."""
    return _ENCODER.encode(value)


class JsonCache:
    """key → JSON value for one repository, loaded on first use and saved once if anything was added.

    Entries used in this run move to the end when the file is saved, so trimming it to MAX_ENTRIES
    drops the ones unused the longest.
    """

    def __init__(self, name: str, root: Path) -> None:
        self.folder = repository_cache_dir(root)
        self.path = self.folder / f"{name}.json"
        self._entries: dict[str, Any] | None = None
        self._used: dict[str, None] = {}  # keys read or written this run, in order
        self._encoded: dict[str, str] = {}  # entries put with their JSON text already made
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._entries is None:
            try:
                raw = json.loads(self.path.read_bytes())
                valid = isinstance(raw, dict) and raw.get("code") == code_fingerprint()
                self._entries = dict(raw["entries"]) if valid and isinstance(raw.get("entries"), dict) else {}
            except (OSError, ValueError, RecursionError):  # unreadable, not JSON, absurdly nested
                self._entries = {}
        return self._entries

    def empty(self) -> bool:
        """Nothing usable is cached (no file yet, or one written by other code): a cold run."""
        return not self._load()

    def get(self, key: str) -> Any:
        value = self._load().get(key)
        if value is not None:
            self._used[key] = None
        return value

    def has(self, key: str) -> bool:
        """Whether `key` has an entry (without counting it as used)."""
        return key in self._load()

    def put(self, key: str, value: Any, encoded: str | None = None) -> None:
        """Add an entry; `encoded`, when given, is `encode(value)` made elsewhere (by a child, on the
        other core), written as it is."""
        self._load()[key] = value
        self._used[key] = None
        self._dirty = True
        if encoded is not None:
            self._encoded[key] = encoded
        else:
            self._encoded.pop(key, None)

    def touched(self) -> dict[str, Any]:
        """The entries read or written this run: what a forked child hands to the parent, which saves
        them (so they count as recently used there too)."""
        entries = self._entries or {}
        return {key: entries[key] for key in self._used if key in entries}

    def save(self) -> None:
        if not self._dirty or self._entries is None:
            return
        used = [key for key in self._used if key in self._entries]
        unused = [key for key in self._entries if key not in self._used]
        order = (unused + used)[-MAX_ENTRIES:]
        texts, entries = self._encoded, self._entries
        body = ",".join(f"{_ENCODER.encode(key)}:{texts.get(key) or encode(entries[key])}" for key in order)
        payload = f'{{"code":{_ENCODER.encode(code_fingerprint())},"entries":{{{body}}}}}'
        new_repository = not self.folder.exists()
        with contextlib.suppress(OSError):  # an unwritable cache only makes the next run slower
            write_atomic(self.path, payload.encode("utf-8"))
            if new_repository:
                _prune_repositories(self.folder)
        self._dirty = False
