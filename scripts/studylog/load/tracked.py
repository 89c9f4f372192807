"""The files GitHub will serve for a repository: what git tracks (or, outside git, what is on disk)."""

from __future__ import annotations

import os
import posixpath
import subprocess
from collections import defaultdict
from pathlib import Path

from studylog.linkpath import folders

_MAX_SUGGESTIONS = 3


def in_git(root: Path) -> bool:
    """Whether git can find a repository for `root`: `GIT_DIR` is set, or `root` or a folder above it
    has a `.git` (git's own discovery, on the path as given and on the real path). Outside one,
    every git command can only fail, and each costs a process (~3 ms)."""
    if os.environ.get("GIT_DIR"):
        return True
    for start in {os.path.abspath(root), os.path.realpath(root)}:
        folder = start
        while True:
            if os.path.lexists(os.path.join(folder, ".git")):
                return True
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    return False


class TrackedFiles:
    """The files GitHub will serve: `git ls-files`, read once. Outside git, the files on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: set[str] = set()
        self.symlinks: set[str] = set()
        self.in_git = self._read_git()
        if not self.in_git:
            self._read_disk()
        self.dirs = {folder for f in self.files for folder in folders(f)}
        self._by_lower: dict[str, list[str]] = defaultdict(list)
        for name in sorted(self.files | self.dirs):
            self._by_lower[name.lower()].append(name)

    def _read_git(self) -> bool:
        if not in_git(self.root):
            return False
        try:
            listing = subprocess.run(
                ["git", "ls-files", "-z", "--stage"],
                cwd=self.root,
                capture_output=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            return False
        for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
            if not entry:
                continue
            meta, _, name = entry.partition("\t")
            self.files.add(name)
            if meta.startswith("120000"):
                self.symlinks.add(name)
        return True

    def _read_disk(self) -> None:
        for folder, dirs, names in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if d != ".git")
            rel = Path(folder).relative_to(self.root).as_posix()
            for name in names:
                path = name if rel == "." else f"{rel}/{name}"
                self.files.add(path)
                if Path(folder, name).is_symlink():
                    self.symlinks.add(path)

    def exists(self, path: str) -> bool:
        return path == "" or path in self.files or path in self.dirs

    def other_case(self, path: str) -> list[str]:
        return [p for p in self._by_lower.get(path.lower(), []) if p != path]

    def escapes_by_symlink(self, path: str) -> bool:
        if not self.symlinks or not any(c in self.symlinks for c in (path, *folders(path))):
            return False
        root = os.path.realpath(self.root)
        real = os.path.realpath(self.root / path)
        return real != root and not real.startswith(root + os.sep)

    def similar(self, path: str) -> list[str]:
        """Tracked paths that look like `path`: same folder first, then the same file name anywhere."""
        import difflib  # ~1.5 ms to import; only a missing file is compared with the tracked ones

        folder = posixpath.dirname(path)
        pool = [f for f in self.files if posixpath.dirname(f) == folder]
        found = difflib.get_close_matches(path, pool, n=_MAX_SUGGESTIONS, cutoff=0.6)
        if not found:
            name = posixpath.basename(path)
            found = sorted(f for f in self.files if posixpath.basename(f) == name)[:_MAX_SUGGESTIONS]
        return found

    def why_missing(self, path: str) -> str | None:
        """For a path git does not track: 'ignored by …' or 'untracked' when it is on disk."""
        if not self.in_git or not os.path.lexists(self.root / path):
            return None
        rule = subprocess.run(
            ["git", "check-ignore", "--verbose", "--no-index", "--", path],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=False,
        )
        if rule.returncode == 0:
            source, _, _ = rule.stdout.partition("\t")
            return f"ignored by git ({source.strip()})"
        return "untracked"
