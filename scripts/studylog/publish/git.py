"""`studylog publish`: build, commit only the generated files as the Actions bot, push — and
when someone pushed first, take their branch, rebuild on it and try again (a bounded number
of times, with backoff). Works with any git remote, a local bare repository as well as GitHub.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from studylog.errors import GitError, MarkerError, ProblemsFound, UsageError
from studylog.i18n import t
from studylog.layout import CHECKIN_DIR, MANIFEST, README, REPORTS, is_generated_path
from studylog.write.build import BuildReport, Manifest, build_repository

BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"
GENERATED = (README, REPORTS)


@dataclass(frozen=True)
class PublishOptions:
    remote: str = "origin"
    branch: str | None = None  # default: the current branch (or GITHUB_REF_NAME on a detached HEAD)
    target: str | None = None  # push here instead of `branch`, e.g. for a pull request
    attempts: int = 5
    backoff: float = 1.0  # seconds before the second attempt; doubles each time
    today: dt.date | None = None
    dry_run: bool = False
    if_figures_changed: bool = False  # the evening run: skip when a rebuild would change only the date


@dataclass(frozen=True)
class Published:
    commit: str | None  # None: nothing to publish
    attempts: int
    files: tuple[str, ...]
    remote_ref: str
    pull_request: str = ""  # with a target branch: what was done about the pull request
    skipped: str | None = None  # why nothing was built (--if-figures-changed and only the date moved)


def git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise GitError(t("git-failed", command=" ".join(args), output=(result.stderr or result.stdout).strip()))
    return result


def current_branch(root: Path, remote: str = "origin") -> str:
    """The branch to publish to: HEAD's, or on a detached HEAD the branch a push event ran for.

    A pull request's head or a tag is never a publishing target: pushing there would create a
    new branch named after it. And a branch taken from the environment must already exist.
    """
    result = git(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if result.returncode == 0:
        return result.stdout.strip()
    in_pull_request = bool(os.environ.get("GITHUB_HEAD_REF")) or os.environ.get("GITHUB_EVENT_NAME", "").startswith(
        "pull_request"
    )
    name = os.environ.get("GITHUB_REF_NAME", "")
    if in_pull_request or os.environ.get("GITHUB_REF_TYPE") != "branch" or not name:
        raise UsageError(t("git-detached"))
    listed = git(root, "ls-remote", "--exit-code", "--heads", remote, f"refs/heads/{name}", check=False)
    if listed.returncode != 0:
        raise UsageError(t("git-detached-no-branch", remote=remote, branch=name))
    return name


def _status(root: Path, *args: str) -> list[str]:
    """The files `git status --porcelain` lists, named from `root`: porcelain names them from the top
    of the repository, and the study folder may sit inside a larger one (`courses/cs336/`); a file
    outside the study folder gets a name starting with `../`."""
    out = git(root, "--literal-pathspecs", "status", "--porcelain", "-z", *args).stdout
    names = [entry[3:] for entry in out.split("\0") if len(entry) > 3]
    prefix = git(root, "rev-parse", "--show-prefix").stdout.strip().rstrip("/") if names else ""
    return sorted(posixpath.relpath(name, prefix) if prefix else name for name in names)


def changed_files(root: Path, paths: tuple[str, ...] = GENERATED) -> list[str]:
    """Changed, new and deleted files among `paths` (literal paths), untracked ones included."""
    if not paths:
        return []
    return _status(root, "--untracked-files=all", "--", *paths)


def owned_paths(root: Path, report: BuildReport) -> tuple[str, ...]:
    """Exactly what the build wrote or removed: the files in its manifest, the manifest, the README.
    An untracked file of the learner's under reports/ is never among them, so it is never committed."""
    from studylog.write.readme import locate_readme

    manifest = Manifest.read(root)
    return tuple(sorted({*manifest.files, MANIFEST, locate_readme(root), *report.removed}))


def _dirty_outside_generated(root: Path) -> list[str]:
    """Uncommitted changes anywhere in the repository but studylog's own files (a rebase after a race
    needs a clean work tree). The README studylog writes counts as its own whatever its letter case
    (`readme.md`); an edit outside its section is caught by `_readme_edited_by_hand`."""
    from studylog.write.readme import locate_readme

    try:
        readme = locate_readme(root)
    except MarkerError:
        readme = README
    return [name for name in _status(root, "--untracked-files=no") if not is_generated_path(name, readme)]


def _readme_edited_by_hand(root: Path) -> bool:
    """Uncommitted README changes outside the generated section (those inside are ours to redo)."""
    from studylog.write.readme import locate_readme, splice

    try:
        readme = locate_readme(root)
    except MarkerError:
        return False  # the build says why it will not write
    if not changed_files(root, (readme,)):
        return False
    # `./`: the README of the study folder, not the one at the top of a larger repository
    committed = subprocess.run(["git", "show", f"HEAD:./{readme}"], cwd=root, capture_output=True, check=False)
    try:
        current = (root / readme).read_bytes().decode("utf-8")  # bytes: CRLF must stay CRLF here
        return committed.returncode != 0 or splice(committed.stdout.decode("utf-8"), "") != splice(current, "")
    except (OSError, UnicodeDecodeError, MarkerError):
        return True


# `git push --porcelain` prints one line per ref: flag, tab, from:to, tab, summary (reason).
_REF_STATUS = re.compile(
    r"^(?P<flag>[ +\-*=!])\t(?P<refs>[^\t]*)\t(?P<summary>\[[a-z ]+\]|\S+)(?: \((?P<reason>.*)\))?$"
)
# What git itself says when the remote moved under us; the reasons of `[remote rejected]` that are
# a race are the ref-update failures of a remote that received two pushes at once.
_RACE_REJECTED = ("fetch first", "non-fast-forward", "stale info")
_RACE_REMOTE = ("cannot lock ref", "failed to update ref", "incorrect old value provided", "failed to lock")
# Structured lines of the remote and of git's HTTP transport (anchored, never a bare substring).
_PERMISSION_LINES = (
    re.compile(r"^remote: Permission to \S+ denied to \S+", re.MULTILINE),
    re.compile(r"^fatal: unable to access '[^']*': The requested URL returned error: 40[13]$", re.MULTILINE),
    re.compile(r"^ERROR: Permission to \S+ denied to \S+", re.MULTILINE),
)
_PROTECTED_LINES = re.compile(r"^remote: (?:error: )?GH0(?:06|13):", re.MULTILINE)


def classify_push_failure(returncode: int, stdout: str, stderr: str) -> str:
    """race | permission | protected | other, from git's exit status and its porcelain ref lines."""
    if returncode == 0:
        return "ok"
    statuses = [m for m in (_REF_STATUS.match(line) for line in stdout.splitlines()) if m and m["flag"] == "!"]
    if any(p.search(stderr) for p in _PERMISSION_LINES):
        return "permission"
    if _PROTECTED_LINES.search(stderr) or any(
        (m["reason"] or "") == "protected branch hook declined" for m in statuses
    ):
        return "protected"
    for status in statuses:
        reason = status["reason"] or ""
        if status["summary"] == "[rejected]" and reason in _RACE_REJECTED:
            return "race"
        if status["summary"] == "[remote rejected]" and reason.startswith(_RACE_REMOTE):
            return "race"
    return "other"


def _build(root: Path, today: dt.date | None, *, dry_run: bool = False) -> BuildReport:
    from studylog.diagnostics import format_text

    result, report = build_repository(root, today, dry_run=dry_run)
    if report is None:
        raise ProblemsFound(
            t("publish-has-errors", errors=t("cli.n-errors", n=len(result.errors))) + "\n" + format_text(result.errors)
        )
    return report


def publish(
    root: Path,
    options: PublishOptions,
    *,
    before_push: Callable[[int], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Published:
    if git(root, "rev-parse", "--is-inside-work-tree", check=False).stdout.strip() != "true":
        raise UsageError(t("publish-not-git", path=root))
    dirty = _dirty_outside_generated(root)
    if dirty:
        raise UsageError(t("publish-dirty", paths=", ".join(dirty[:5])))
    if _readme_edited_by_hand(root):
        raise UsageError(t("publish-readme-edited"))
    branch = options.branch or current_branch(root, options.remote)
    target = options.target or branch
    remote_ref = f"{options.remote}/{target}"
    if options.if_figures_changed:
        from studylog.publish.freshness import why_stale

        if why_stale(root, options.today) is None:
            return Published(None, 0, (), remote_ref, skipped="only the date would change")
    wait = options.backoff
    for attempt in range(1, options.attempts + 1):
        report = _build(root, options.today, dry_run=options.dry_run)
        if options.dry_run:  # nothing written: what a build would change
            return Published(None, attempt, tuple(sorted({*report.stale, *report.leftover})), remote_ref)
        owned = owned_paths(root, report)
        files = tuple(changed_files(root, owned))
        commit = None
        if files:
            git(root, "--literal-pathspecs", "add", "-A", "--", *owned)
            as_of = _recorded_as_of(root)
            git(
                root,
                "-c", f"user.name={BOT_NAME}",
                "-c", f"user.email={BOT_EMAIL}",
                "commit", "--quiet", "--no-verify",
                "-m", f"studylog: update dashboard (as of {as_of})",
            )  # fmt: skip
            commit = git(root, "rev-parse", "HEAD").stdout.strip()
        if before_push is not None:
            before_push(attempt)
        # A side branch (for a pull request) is studylog's own: it is replaced, never merged.
        force = ["--force"] if target != branch else []
        pushed = git(root, "push", "--porcelain", *force, options.remote, f"HEAD:refs/heads/{target}", check=False)
        if pushed.returncode == 0:
            return Published(commit, attempt, files, remote_ref)
        reason = classify_push_failure(pushed.returncode, pushed.stdout, pushed.stderr)
        if reason == "permission":
            raise GitError(t("push-refused-permission", ref=remote_ref))
        if reason == "protected":
            raise GitError(t("push-refused-protected", ref=remote_ref))
        if reason != "race":
            raise GitError(t("push-failed", ref=remote_ref, output=pushed.stderr.strip()))
        # Someone pushed first. Drop only our generated commit, take theirs, rebuild on top.
        if commit is not None:
            git(root, "reset", "--quiet", "--hard", f"{commit}~1")
        git(root, "fetch", "--quiet", options.remote, f"refs/heads/{target}")
        rebased = git(root, "rebase", "--quiet", "FETCH_HEAD", check=False)
        if rebased.returncode != 0:
            git(root, "rebase", "--abort", check=False)
            raise GitError(t("push-conflict", ref=remote_ref, output=rebased.stderr.strip()))
        if attempt < options.attempts:
            sleep(wait)
            wait *= 2
    raise GitError(t("push-gave-up", n=options.attempts, ref=remote_ref))


def _recorded_as_of(root: Path) -> str:
    from studylog.write.build import Manifest

    as_of = Manifest.read(root).as_of
    return as_of.isoformat() if as_of else "unknown"


def publish_dashboard(root: Path, options: PublishOptions) -> Published:
    """`studylog publish`: publish, and with a target branch (a protected branch's way round) open or
    update the pull request that brings it in (needs GITHUB_TOKEN)."""
    done = publish(root, options)
    if not options.target or options.dry_run:
        return done
    from studylog.publish.bot import Bot

    base = options.branch or current_branch(root, options.remote)
    action = Bot.from_environment().open_pull_request(
        options.target, base, "studylog: update the dashboard", "Generated by `studylog publish --via-branch`."
    )
    return replace(done, pull_request=str(action))


def changed_checkins(root: Path, base: str) -> set[str]:
    """The check-ins this branch adds, changes or renames since it left `base` (`git diff base...HEAD`)."""
    # -z: names as they are (`checkins/第一周/周一.yaml`), not quoted and escaped; --relative: named from
    # the study folder, which may sit inside a larger repository.
    diff = git(
        root, "diff", "--name-only", "-z", "--relative", "--diff-filter=AMR", f"{base}...HEAD", "--", CHECKIN_DIR,
        check=False,
    )  # fmt: skip
    if diff.returncode != 0:
        raise UsageError(t("git-cannot-compare", base=base, output=(diff.stderr or diff.stdout).strip()))
    return {name for name in diff.stdout.split("\0") if name}


def commit_and_push(
    root: Path, make: Callable[[], tuple[list[str], str]], *, remote: str = "origin", attempts: int = 5
) -> str:
    """Run `make` (it writes files and returns the paths to commit and the commit message), commit them
    as github-actions[bot] and push. When someone pushed first, take their branch and run `make` again
    on it, so nothing of theirs is lost. Returns the commit now at the remote's branch tip."""
    branch = current_branch(root)
    for _ in range(max(1, attempts)):
        paths, message = make()
        if paths and changed_files(root, tuple(paths)):
            git(root, "add", "--", *paths)
            git(
                root, "-c", f"user.name={BOT_NAME}", "-c", f"user.email={BOT_EMAIL}",
                "commit", "--quiet", "--no-verify", "-m", message,
            )  # fmt: skip
        commit = git(root, "rev-parse", "HEAD").stdout.strip()
        pushed = git(root, "push", "--porcelain", remote, f"HEAD:refs/heads/{branch}", check=False)
        if pushed.returncode == 0:
            return commit
        reason = classify_push_failure(pushed.returncode, pushed.stdout, pushed.stderr)
        if reason == "permission":
            raise GitError(t("push-refused-permission", ref=f"{remote}/{branch}"))
        if reason != "race":
            raise GitError(t("push-failed", ref=f"{remote}/{branch}", output=pushed.stderr.strip()[:300]))
        git(root, "fetch", "--quiet", remote, f"refs/heads/{branch}")
        git(root, "reset", "--quiet", "--hard", "FETCH_HEAD")  # theirs; `make` runs again on top
    raise GitError(t("push-gave-up", n=attempts, ref=f"{remote}/{branch}"))
