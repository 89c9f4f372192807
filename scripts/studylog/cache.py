"""studylog's cache folder: results keyed by what they were computed from, safe to delete any time.

It lives outside the repository (`$STUDYLOG_CACHE_DIR`, else `$XDG_CACHE_HOME/studylog`, else
`~/.cache/studylog`), holds only JSON, and is written atomically. Entries are keyed by a hash
of their input, so a stale entry can never be used: a changed file simply gets a new key.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from studylog import __version__

MAX_ENTRIES = 20_000


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
                valid = isinstance(raw, dict) and raw.get("version") == __version__
                self._entries = dict(raw["entries"]) if valid and isinstance(raw.get("entries"), dict) else {}
            except (OSError, ValueError):
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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.path.parent, delete=False) as tmp:
                json.dump({"version": __version__, "entries": entries}, tmp, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp.name, self.path)
        except OSError:
            pass  # an unwritable cache only makes the next run slower
        self._dirty = False
