"""Check the links a check-in cites the way GitHub will resolve them.

`/x` is the repository root and `x`, `../x` are relative to the check-in file. A file exists
when git tracks it, with exactly that letter case, whatever the disk says; a folder exists
when it holds tracked files. `#anchor` must be one of the file's heading slugs or explicit
anchors; `#L10` and `#L10-L20` must fit in a code file. Nothing may resolve outside the
repository. Web links are collected here and checked by `weblinks` only when asked.
"""

from __future__ import annotations

import contextlib
import hashlib
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from studylog import safepath
from studylog.cache import JsonCache
from studylog.check.anchors import MARKDOWN_SUFFIXES, Anchors, markdown_anchors
from studylog.diagnostics import Diagnostic, Severity, Span
from studylog.errors import UnsafePath
from studylog.i18n import t
from studylog.linkpath import Problem, Target, is_web, resolve
from studylog.load.tracked import TrackedFiles
from studylog.model import Link, Repository

_LINE_ANCHOR = re.compile(r"L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?")
_MAX_SUGGESTIONS = 3
_MAX_READ = 16 * 1024 * 1024  # a linked note is read up to here for its headings and lines
# First folders of absolute paths on a learner's computer; a repository rarely has them at its root.
_OS_FOLDERS = frozenset({"home", "Users", "tmp", "var", "etc", "mnt", "root", "private", "Volumes"})


def _is_anchor_entry(value: Any) -> bool:
    """[headings, explicit anchors], both lists of strings: anything else is rebuilt, never trusted."""
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(part, list) and all(isinstance(s, str) for s in part) for part in value)
    )


class LinkChecker:
    """Checks repository links; parses each Markdown file once and counts each file's lines once."""

    def __init__(self, root: Path, tracked: TrackedFiles | None = None) -> None:
        self.root = root
        self._tracked = tracked
        self._anchors: dict[str, Anchors] = {}
        self._lines: dict[str, int] = {}
        # Rendering notes is the main cost of checking links left; a note's anchors depend only on
        # its bytes, so they are remembered across runs under the hash of those bytes.
        self.cache = JsonCache("anchors", root)
        self._reader = safepath.Reader(root)

    def close(self) -> None:
        """Close the folders opened to read notes and code files."""
        self._reader.close()

    @property
    def tracked(self) -> TrackedFiles:
        """What git tracks, asked on first need (a run whose links were all checked elsewhere never asks)."""
        if self._tracked is None:
            self._tracked = TrackedFiles(self.root)
        return self._tracked

    def anchors(self, path: str) -> Anchors:
        if path not in self._anchors:
            data = self._reader.read(path, _MAX_READ)[0]
            key = hashlib.sha256(data).hexdigest()
            cached = self.cache.get(key)
            if _is_anchor_entry(cached):
                found = Anchors(tuple(cached[0]), frozenset(cached[1]))
            else:
                found = markdown_anchors(data.decode("utf-8", errors="replace"))
                self.cache.put(key, [list(found.headings), sorted(found.explicit)])
            self._anchors[path] = found
        return self._anchors[path]

    def line_count(self, path: str) -> int:
        if path not in self._lines:
            data = self._reader.read(path, _MAX_READ)[0]
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
                t("link-symlink-out", target=written),
                t("hint.link-symlink-out"),
            )
        if not target.same_file and not self.tracked.exists(path):
            return self._missing(written, path)
        if not target.raw_fragment or path in self.tracked.dirs or path == "":
            return None
        try:
            return self._check_fragment(written, path, target.fragment)
        except UnsafePath as exc:
            return Problem("link-outside-repo", t("link-unsafe", link=written, error=str(exc)), t("hint.link-unsafe"))
        except OSError as exc:
            return Problem("link-missing-file", t("link-unreadable", link=written, error=exc.strerror or ""))

    def _missing(self, written: str, path: str) -> Problem:
        if path.split("/", 1)[0] in _OS_FOLDERS:
            return Problem(
                "link-outside-repo",
                t("link-computer-path", target=written),
                t("hint.link-in-repo"),
            )
        cases = self.tracked.other_case(path)
        if cases:
            return Problem(
                "link-wrong-case",
                t("link-wrong-case", path=path, other=cases[0]),
                t("hint.did-you-mean", choices=f"`/{cases[0]}`"),
            )
        why = self.tracked.why_missing(path)
        if why == "untracked":
            import shlex  # only this hint needs it

            return Problem(
                "link-untracked",
                t("link-untracked", path=path),
                t("hint.link-untracked", command=f"git add {shlex.quote(path)}"),
            )
        if why is not None:
            return Problem(
                "link-untracked",
                t("link-ignored", path=path, why=why),
                t("hint.link-ignored"),
            )
        similar = self.tracked.similar(path)
        hint = (
            t("hint.did-you-mean", choices=t("word.or").join(f"`/{s}`" for s in similar))
            if similar
            else t("hint.check-path")
        )
        if written.startswith(("/", "#")):
            return Problem("link-missing-file", t("link-missing-file", target=written), hint)
        # Relative links start at the check-in's folder, which surprises: say where it looked.
        return Problem("link-missing-file", t("link-missing-relative", target=written, path=path), hint)

    def _check_fragment(self, written: str, path: str, fragment: str) -> Problem | None:
        if posixpath.splitext(path)[1].lower() in MARKDOWN_SUFFIXES:
            return self._check_anchor(path, fragment)
        lines = _LINE_ANCHOR.fullmatch(fragment)
        if lines is None:
            return Problem(
                "link-bad-fragment",
                t("link-code-fragment", fragment=fragment, path=path),
                t("hint.link-code-fragment"),
            )
        first, last = int(lines.group(1)), int(lines.group(2) or lines.group(1))
        count = self.line_count(path)
        if first < 1 or last < first:
            return Problem("link-bad-line", t("link-not-range", fragment=fragment), t("hint.link-line-form"))
        if last > count:
            return Problem(
                "link-bad-line",
                t("link-past-end", n=count, fragment=fragment, path=path),
                t("hint.link-past-end"),
            )
        return None

    def _check_anchor(self, path: str, fragment: str) -> Problem | None:
        anchors = self.anchors(path)
        if fragment in anchors:
            return None
        if fragment.lower() in anchors:
            return Problem(
                "link-missing-anchor",
                t("link-anchor-case", fragment=fragment, path=path),
                t("hint.link-anchor-case", anchor=fragment.lower()),
            )
        if not anchors.all:
            return Problem(
                "link-missing-anchor", t("link-no-headings", fragment=fragment, path=path), t("hint.link-no-headings")
            )
        import difflib  # only a missing anchor is compared with the note's anchors

        close = difflib.get_close_matches(fragment, anchors.all, n=_MAX_SUGGESTIONS, cutoff=0.5)
        hint = (
            t("hint.did-you-mean", choices=t("word.or").join(f"`#{c}`" for c in close))
            if close
            else t(
                "hint.link-anchors",
                anchors=", ".join(f"`#{a}`" for a in anchors.all[:5]) + ("…" if len(anchors.all) > 5 else ""),
            )
        )
        return Problem("link-missing-anchor", t("link-not-heading", fragment=fragment, path=path), hint)


# What a link carried over from a hand-kept tracker may point at before the learner commits it.
NOT_YET_CODES = frozenset({"link-missing-file", "link-missing-anchor", "link-untracked"})


def not_yet(problem: Problem, source: str) -> Problem:
    """A link an imported check-in kept as the learner wrote it: a warning until the file is there."""
    return Problem(
        "link-not-yet",
        t("link-not-yet", message=problem.message, source=source),
        t("hint.link-not-yet"),
        Severity.WARNING,
    )


# The repository links of check-ins, checked: check-in path → (how many links it cites, the problems
# of those that have one, by their index).
Checked = dict[str, tuple[int, dict[int, Problem]]]


def check_each(checker: LinkChecker, cited: Iterable[tuple[str, Sequence[Link]]]) -> Checked:
    """Check the links of each (check-in path, its links); web links are left for `check_links` to collect."""
    checked: Checked = {}
    for path, links in cited:
        found = {n: p for n, x in enumerate(links) if not is_web(x.target) and (p := checker.check(x, path))}
        checked[path] = (len(links), found)
    return checked


def check_links(
    repository: Repository, root: Path, known: Checked | None = None, anchors: dict[str, Any] | None = None
) -> tuple[list[Diagnostic], dict[str, list[Span]]]:
    """Diagnostics for repository links, and the web links (with where they are cited) for later.

    `known` holds links already checked (by `check_each`, on the other core), and `anchors` the
    anchor cache entries used there: they are used, not made again."""
    with contextlib.closing(LinkChecker(root)) as checker:
        return _check_links(repository, checker, known or {}, anchors or {})


def _check_links(
    repository: Repository, checker: LinkChecker, known: Checked, anchors: dict[str, Any]
) -> tuple[list[Diagnostic], dict[str, list[Span]]]:
    for key, value in anchors.items():
        checker.cache.put(key, value)
    diagnostics: list[Diagnostic] = []
    web: dict[str, list[Span]] = defaultdict(list)
    imported = {c.path: c.imported for c in repository.checkins if c.imported}
    for checkin in repository.checkins:
        count, problems = known.get(checkin.path, (-1, {}))
        done = count == len(checkin.links)  # else (never, but cheap to be sure) it is checked here
        for index, link in enumerate(checkin.links):
            if is_web(link.target):
                web[link.target].append(link.span)
                continue
            problem = problems.get(index) if done else checker.check(link, checkin.path)
            if problem is not None and checkin.path in imported and problem.code in NOT_YET_CODES:
                problem = not_yet(problem, imported[checkin.path])
            if problem is not None:
                diagnostics.append(
                    Diagnostic.at(link.span, problem.code, problem.message, problem.hint, problem.severity)
                )
    checker.cache.save()
    return diagnostics, dict(web)
