"""`studylog publish`: build, commit only the generated files as the Actions bot, push — and
when someone pushed first, take their branch, rebuild on it and try again (a bounded number
of times, with backoff). Works with any git remote, a local bare repository as well as GitHub.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from studylog.errors import GitError, MarkerError, ProblemsFound, UsageError
from studylog.i18n import t
from studylog.layout import CHECKIN_DIR, README, REPORTS, is_generated_path
from studylog.write.build import build_repository

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


def current_branch(root: Path) -> str:
    result = git(root, "symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if result.returncode == 0:
        return result.stdout.strip()
    for name in ("GITHUB_HEAD_REF", "GITHUB_REF_NAME"):
        if os.environ.get(name):
            return os.environ[name]
    raise UsageError(t("git-detached"))


def changed_files(root: Path, paths: tuple[str, ...] = GENERATED) -> list[str]:
    """Changed, new and deleted files under `paths`, untracked ones included (porcelain v1, -z)."""
    out = git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", *paths).stdout
    entries = [e for e in out.split("\0") if e]
    return sorted(e[3:] for e in entries if len(e) > 3)


def _dirty_outside_generated(root: Path) -> list[str]:
    out = git(root, "status", "--porcelain", "-z", "--untracked-files=no").stdout
    return sorted(e[3:] for e in out.split("\0") if len(e) > 3 and not is_generated_path(e[3:]))


def _readme_edited_by_hand(root: Path) -> bool:
    """Uncommitted README changes outside the generated section (those inside are ours to redo)."""
    from studylog.write.readme import splice

    if not changed_files(root, (README,)):
        return False
    committed = subprocess.run(["git", "show", f"HEAD:{README}"], cwd=root, capture_output=True, check=False)
    try:
        current = (root / README).read_bytes().decode("utf-8")  # bytes: CRLF must stay CRLF here
        return committed.returncode != 0 or splice(committed.stdout.decode("utf-8"), "") != splice(current, "")
    except (OSError, UnicodeDecodeError, MarkerError):
        return True


def _classify_push_failure(stderr: str) -> str:
    text = stderr.lower()
    if "403" in text or "permission to" in text or "denied to" in text or "write access" in text:
        return "permission"
    if "protected branch" in text or "gh006" in text or "gh013" in text:
        return "protected"
    # Someone pushed first: either git saw it ("fetch first"), or both pushes reached the remote at
    # the same moment and the loser's ref update failed ("cannot lock ref").
    races = ("fetch first", "non-fast-forward", "[rejected]", "stale info", "cannot lock ref", "failed to update ref")
    if any(sign in text for sign in races):
        return "race"
    return "other"


def _build(root: Path, today: dt.date | None) -> None:
    from studylog.diagnostics import format_text

    result, report = build_repository(root, today)
    if report is None:
        raise ProblemsFound(
            t("publish-has-errors", errors=t("cli.n-errors", n=len(result.errors))) + "\n" + format_text(result.errors)
        )


def publish(
    root: Path,
    options: PublishOptions,
    *,
    before_push: Callable[[int], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Published:
    dirty = _dirty_outside_generated(root)
    if dirty:
        raise UsageError(t("publish-dirty", paths=", ".join(dirty[:5])))
    if _readme_edited_by_hand(root):
        raise UsageError(t("publish-readme-edited"))
    branch = options.branch or current_branch(root)
    target = options.target or branch
    remote_ref = f"{options.remote}/{target}"
    if options.if_figures_changed:
        from studylog.publish.freshness import why_stale

        if why_stale(root, options.today) is None:
            return Published(None, 0, (), remote_ref, skipped="only the date would change")
    wait = options.backoff
    for attempt in range(1, options.attempts + 1):
        _build(root, options.today)
        files = tuple(changed_files(root))
        if options.dry_run:
            return Published(None, attempt, files, remote_ref)
        commit = None
        if files:
            git(root, "add", "-A", "--", *GENERATED)
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
        reason = _classify_push_failure(pushed.stderr + pushed.stdout)
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

    base = options.branch or current_branch(root)
    action = Bot.from_environment().open_pull_request(
        options.target, base, "studylog: update the dashboard", "Generated by `studylog publish --via-branch`."
    )
    return replace(done, pull_request=str(action))


def changed_checkins(root: Path, base: str) -> set[str]:
    """The check-ins this branch adds, changes or renames since it left `base` (`git diff base...HEAD`)."""
    diff = git(root, "diff", "--name-only", "--diff-filter=AMR", f"{base}...HEAD", "--", CHECKIN_DIR, check=False)
    if diff.returncode != 0:
        raise UsageError(t("git-cannot-compare", base=base, output=(diff.stderr or diff.stdout).strip()))
    return {line.strip() for line in diff.stdout.splitlines() if line.strip()}


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
        reason = _classify_push_failure(pushed.stderr + pushed.stdout)
        if reason == "permission":
            raise GitError(t("push-refused-permission", ref=f"{remote}/{branch}"))
        if reason != "race":
            raise GitError(t("push-failed", ref=f"{remote}/{branch}", output=pushed.stderr.strip()[:300]))
        git(root, "fetch", "--quiet", remote, f"refs/heads/{branch}")
        git(root, "reset", "--quiet", "--hard", "FETCH_HEAD")  # theirs; `make` runs again on top
    raise GitError(t("push-gave-up", n=attempts, ref=f"{remote}/{branch}"))
