"""studylog's cache folder: results keyed by what they were computed from, safe to delete any time.

It lives outside the repository (`$STUDYLOG_CACHE_DIR`, else `$XDG_CACHE_HOME/studylog`, else
`~/.cache/studylog`), holds only JSON, and is written atomically. Entries are keyed by a hash
of their input, so a stale entry can never be used: a changed file simply gets a new key.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

MAX_ENTRIES = 20_000
_PACKAGE = Path(__file__).resolve().parent
# Libraries whose versions change what studylog computes or draws.
_SHAPING_LIBRARIES = ("PyYAML", "markdown-it-py", "Jinja2", "matplotlib")


@functools.cache
def code_fingerprint() -> str:
    """A hash of studylog's own code and data files and of the libraries that shape its output.

    Every cache entry and the build's "nothing changed" key carry it, so results computed by other
    code (an upgrade, a local edit, a different matplotlib) are never served.
    """
    from importlib import metadata

    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in {".py", ".j2", ".json", ".yaml", ".yml"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in _SHAPING_LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=?\0".encode())
    return digest.hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: readers see the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def cache_dir() -> Path:
    explicit = os.environ.get("STUDYLOG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "studylog"


class JsonCache:
    """key → JSON value, loaded on first use and saved once if anything was added."""

    def __init__(self, name: str) -> None:
        self.path = cache_dir() / f"{name}.json"
        self._entries: dict[str, Any] | None = None
        self._dirty = False

    def _load(self) -> dict[str, Any]:
        if self._entries is None:
            try:
                raw = json.loads(self.path.read_text(encoding="utf-8"))
                valid = isinstance(raw, dict) and raw.get("code") == code_fingerprint()
                self._entries = dict(raw["entries"]) if valid and isinstance(raw.get("entries"), dict) else {}
            except (OSError, ValueError, RecursionError):  # unreadable, not JSON, absurdly nested
                self._entries = {}
        return self._entries

    def get(self, key: str) -> Any:
        return self._load().get(key)

    def put(self, key: str, value: Any) -> None:
        self._load()[key] = value
        self._dirty = True

    def save(self) -> None:
        if not self._dirty or self._entries is None:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:  # keep the newest: dicts remember insertion order
            entries = dict(list(entries.items())[-MAX_ENTRIES:])
        payload = json.dumps(
            {"code": code_fingerprint(), "entries": entries}, ensure_ascii=False, separators=(",", ":")
        )
        with contextlib.suppress(OSError):  # an unwritable cache only makes the next run slower
            write_atomic(self.path, payload.encode("utf-8"))
        self._dirty = False
