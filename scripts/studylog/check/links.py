"""Check the links a check-in cites the way GitHub will resolve them.

`/x` is the repository root and `x`, `../x` are relative to the check-in file. A file exists
when git tracks it, with exactly that letter case, whatever the disk says; a folder exists
when it holds tracked files. `#anchor` must be one of the file's heading slugs or explicit
anchors; `#L10` and `#L10-L20` must fit in a code file. Nothing may resolve outside the
repository. Web links are collected here and checked by `weblinks` only when asked.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import posixpath
import re
import shlex
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from studylog.cache import JsonCache
from studylog.check.anchors import MARKDOWN_SUFFIXES, Anchors, markdown_anchors
from studylog.diagnostics import Diagnostic, Severity, Span
from studylog.model import Link, Repository

WEB_SCHEMES = frozenset({"http", "https"})
_LINE_ANCHOR = re.compile(r"L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?")
_MAX_SUGGESTIONS = 3
# First folders of absolute paths on a learner's computer; a repository rarely has them at its root.
_OS_FOLDERS = frozenset({"home", "Users", "tmp", "var", "etc", "mnt", "root", "private", "Volumes"})


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class Target:
    """A link resolved inside the repository: a root-relative POSIX path ('' is the root)."""

    path: str
    fragment: str  # percent-decoded, without '#'
    raw_fragment: str
    same_file: bool = False  # a bare `#anchor`: the file holding the link, which surely exists


def is_web(target: str) -> bool:
    return urlsplit(target).scheme.lower() in WEB_SCHEMES


def resolve(target: str, source: str) -> Target | Problem:
    """Resolve `target` as written in the file `source` (root-relative), without touching disk."""
    if "\\" in target:
        return Problem("link-outside-repo", f"`{target}` contains a backslash", "write paths with `/`, as GitHub does")
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if len(scheme) == 1 or scheme == "file" or target.startswith("~"):
        return Problem(
            "link-outside-repo",
            f"`{target}` points at a file on your computer, which nobody on GitHub can open",
            "link to a file in this repository, e.g. `/code/week1/day1/task.py`",
        )
    if scheme:
        return Problem(
            "link-bad-scheme",
            f"`{scheme}:` links are not allowed; only http(s) links and paths in the repository",
            "use an https:// address or a path such as `/docs/notes.md#heading`",
        )
    if parts.netloc:
        return Problem("link-bad-scheme", f"`{target}` has no scheme", f"write it as `https:{target}`")
    path = unquote(parts.path)
    base = "" if path.startswith("/") else posixpath.dirname(source)
    joined = posixpath.normpath(posixpath.join("/", base, path.lstrip("/"))) if path else "/" + source
    if _escapes(base, path):
        return Problem(
            "link-outside-repo",
            f"`{target}` leads outside the repository",
            "links must stay inside the repository; `/` is its root",
        )
    return Target(joined.lstrip("/"), unquote(parts.fragment), parts.fragment, same_file=not path)


def _escapes(base: str, path: str) -> bool:
    depth = 0
    for part in [*(base.split("/") if base and not path.startswith("/") else []), *path.split("/")]:
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part not in ("", "."):
            depth += 1
    return False


def _folders(path: str) -> list[str]:
    """`a/b/c.md` → [`a/b`, `a`]."""
    parts = path.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts) - 1, 0, -1)]


class TrackedFiles:
    """The files GitHub will serve: `git ls-files`, read once. Outside git, the files on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: set[str] = set()
        self.symlinks: set[str] = set()
        self.in_git = self._read_git()
        if not self.in_git:
            self._read_disk()
        self.dirs = {folder for f in self.files for folder in _folders(f)}
        self._by_lower: dict[str, list[str]] = defaultdict(list)
        for name in sorted(self.files | self.dirs):
            self._by_lower[name.lower()].append(name)

    def _read_git(self) -> bool:
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
        if not self.symlinks or not any(c in self.symlinks for c in (path, *_folders(path))):
            return False
        root = os.path.realpath(self.root)
        real = os.path.realpath(self.root / path)
        return real != root and not real.startswith(root + os.sep)

    def similar(self, path: str) -> list[str]:
        """Tracked paths that look like `path`: same folder first, then the same file name anywhere."""
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


class LinkChecker:
    """Checks repository links; parses each Markdown file once and counts each file's lines once."""

    def __init__(self, root: Path, tracked: TrackedFiles | None = None) -> None:
        self.root = root
        self.tracked = tracked or TrackedFiles(root)
        self._anchors: dict[str, Anchors] = {}
        self._lines: dict[str, int] = {}
        # Parsing Markdown is most of the cost of checking links; a note's anchors depend only on
        # its bytes, so they are remembered across runs under the hash of those bytes.
        self.cache = JsonCache("anchors")

    def anchors(self, path: str) -> Anchors:
        if path not in self._anchors:
            data = (self.root / path).read_bytes()
            key = hashlib.sha256(data).hexdigest()
            cached = self.cache.get(key)
            if isinstance(cached, list) and len(cached) == 2:
                found = Anchors(tuple(cached[0]), frozenset(cached[1]))
            else:
                found = markdown_anchors(data.decode("utf-8", errors="replace"))
                self.cache.put(key, [list(found.headings), sorted(found.explicit)])
            self._anchors[path] = found
        return self._anchors[path]

    def line_count(self, path: str) -> int:
        if path not in self._lines:
            data = (self.root / path).read_bytes()
            self._lines[path] = data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
        return self._lines[path]

    def check(self, link: Link, source: str) -> Problem | None:
        resolved = resolve(link.target, source)
        if isinstance(resolved, Problem):
            return resolved
        return self._check_target(link.target, resolved)

    def _check_target(self, written: str, target: Target) -> Problem | None:
        path = target.path
        if self.tracked.escapes_by_symlink(path):
            return Problem(
                "link-outside-repo",
                f"`{written}` goes through a symbolic link that points outside the repository",
                "link to a real file in the repository",
            )
        if not target.same_file and not self.tracked.exists(path):
            return self._missing(written, path)
        if not target.raw_fragment or path in self.tracked.dirs or path == "":
            return None
        return self._check_fragment(written, path, target.fragment)

    def _missing(self, written: str, path: str) -> Problem:
        if path.split("/", 1)[0] in _OS_FOLDERS:
            return Problem(
                "link-outside-repo",
                f"`{written}` looks like a path on your computer; on GitHub `/` is the repository root",
                "link to the file's path inside the repository, e.g. `/code/week1/day1/task.py`",
            )
        cases = self.tracked.other_case(path)
        if cases:
            return Problem(
                "link-wrong-case",
                f"`/{path}` is not in the repository, but `/{cases[0]}` is: GitHub treats letter case as different",
                f"did you mean `/{cases[0]}`?",
            )
        why = self.tracked.why_missing(path)
        if why == "untracked":
            return Problem(
                "link-untracked",
                f"`/{path}` is on your disk but not committed, so it is missing on GitHub",
                f"commit it: `git add {shlex.quote(path)}`",
            )
        if why is not None:
            return Problem(
                "link-untracked",
                f"`/{path}` is {why}, so it is missing on GitHub",
                "remove the rule that ignores it, or link to a committed file",
            )
        similar = self.tracked.similar(path)
        hint = "did you mean " + " or ".join(f"`/{s}`" for s in similar) + "?" if similar else "check the path"
        return Problem("link-missing-file", f"`{written}` does not exist in the repository", hint)

    def _check_fragment(self, written: str, path: str, fragment: str) -> Problem | None:
        if PurePosixPath(path).suffix.lower() in MARKDOWN_SUFFIXES:
            return self._check_anchor(path, fragment)
        lines = _LINE_ANCHOR.fullmatch(fragment)
        if lines is None:
            return Problem(
                "link-bad-fragment",
                f"`#{fragment}`: /{path} has no headings; GitHub shows it as code",
                "a code file's only anchors are lines, like `#L10` or `#L10-L20`",
            )
        first, last = int(lines.group(1)), int(lines.group(2) or lines.group(1))
        count = self.line_count(path)
        if first < 1 or last < first:
            return Problem("link-bad-line", f"`#{fragment}` is not a line range", "write `#L10` or `#L10-L20`")
        if last > count:
            return Problem(
                "link-bad-line",
                f"`#{fragment}` is past the end of /{path}, which has {count} line{'s' * (count != 1)}",
                "update the line numbers to where the code is now",
            )
        return None

    def _check_anchor(self, path: str, fragment: str) -> Problem | None:
        anchors = self.anchors(path)
        if fragment in anchors:
            return None
        if fragment.lower() in anchors:
            return Problem(
                "link-missing-anchor",
                f"`#{fragment}` differs only in letter case from a heading in /{path}",
                f"GitHub's heading anchors are lower-case: use `#{fragment.lower()}`",
            )
        if not anchors.all:
            return Problem("link-missing-anchor", f"`#{fragment}`: /{path} has no headings", "link to the file itself")
        close = difflib.get_close_matches(fragment, anchors.all, n=_MAX_SUGGESTIONS, cutoff=0.5)
        hint = (
            "did you mean " + " or ".join(f"`#{c}`" for c in close) + "?"
            if close
            else "its anchors are "
            + ", ".join(f"`#{a}`" for a in anchors.all[:5])
            + ("…" if len(anchors.all) > 5 else "")
        )
        return Problem("link-missing-anchor", f"`#{fragment}` is not a heading in /{path}", hint)


def repository_links(repository: Repository) -> Iterable[tuple[Link, str]]:
    for checkin in repository.checkins:
        for link in checkin.links:
            yield link, checkin.path


def check_links(repository: Repository, root: Path) -> tuple[list[Diagnostic], dict[str, list[Span]]]:
    """Diagnostics for repository links, and the web links (with where they are cited) for later."""
    checker = LinkChecker(root)
    diagnostics: list[Diagnostic] = []
    web: dict[str, list[Span]] = defaultdict(list)
    for link, source in repository_links(repository):
        if is_web(link.target):
            web[link.target].append(link.span)
            continue
        problem = checker.check(link, source)
        if problem is not None:
            diagnostics.append(Diagnostic.at(link.span, problem.code, problem.message, problem.hint, problem.severity))
    checker.cache.save()
    return diagnostics, dict(web)
