"""The studylog bot: the few GitHub API calls the workflows make, through PyGithub.

One pull-request comment, found by a hidden marker and edited in place; one reminder issue,
opened or updated while today's check-in is missing and closed when it arrives; one pull
request for a protected branch. Every action has a dry run that only says what it would do.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studylog.errors import ApiError, ProblemsFound, UsageError
from studylog.i18n import t
from studylog.render.summary import COMMENT_MARKER

if TYPE_CHECKING:
    from github.Repository import Repository

REMINDER_MARKER = "<!-- studylog:reminder -->"
DEFAULT_API = "https://api.github.com"


@dataclass(frozen=True)
class Action:
    verb: str  # created | updated | closed | nothing
    what: str
    url: str = ""

    def __str__(self) -> str:
        return f"{self.verb} {self.what}" + (f" ({self.url})" if self.url else "")


def _explain(exc: Any, doing: str, permission: str) -> ApiError:
    status = getattr(exc, "status", None)
    data = getattr(exc, "data", None)
    detail = data.get("message", "") if isinstance(data, dict) else ""
    if status in (401, 403):
        return ApiError(t("api-refused", doing=doing, status=f"{status} {detail}", permission=permission))
    if status == 404:
        return ApiError(t("api-404", doing=doing))
    return ApiError(t("api-failed", doing=doing, status=f"{status} {detail or exc}"))


class Bot:
    def __init__(self, repository: Repository | None, name: str, *, dry_run: bool = False) -> None:
        self.repo = repository
        self.name = name
        self.dry_run = dry_run

    @classmethod
    def from_environment(cls, *, dry_run: bool = False, base_url: str | None = None) -> Bot:
        name = os.environ.get("GITHUB_REPOSITORY", "")
        token = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
        if dry_run and not token:
            return cls(None, name or "OWNER/REPO", dry_run=True)
        if not name or "/" not in name:
            raise UsageError(t("api-no-repository"))
        if not token:
            raise UsageError(t("api-no-token"))
        from github import Auth, Github

        client = Github(
            auth=Auth.Token(token),
            base_url=base_url or os.environ.get("GITHUB_API_URL", DEFAULT_API),
            retry=None,
            seconds_between_requests=None,
            seconds_between_writes=None,
            timeout=30,
        )
        return cls(client.get_repo(name, lazy=True), name, dry_run=dry_run)

    def _call(self, doing: str, permission: str, call: Any) -> Any:
        from github import GithubException

        try:
            return call()
        except GithubException as exc:
            raise _explain(exc, doing, permission) from None

    def _write(self, verb: str, what: str, doing: str, permission: str, call: Any) -> Action:
        """Do a write, or in a dry run only say what it would be."""
        if self.dry_run:
            return Action(f"would have {verb}", what)
        result = self._call(doing, permission, call)
        return Action(verb, what, getattr(result, "html_url", "") or "")

    def upsert_comment(
        self, number: int, body: str, *, marker: str = COMMENT_MARKER, permission: str = "pull-requests"
    ) -> Action:
        """One comment per pull request (or issue): edit ours, found by its marker, if it is there, else create it."""
        body = body if marker in body else f"{marker}\n{body}"
        what = f"the studylog comment on #{number}"
        if self.repo is None:
            return Action("would have created or updated", what)
        repo = self.repo
        issue = self._call(f"read #{number}", permission, lambda: repo.get_issue(number))
        comments = self._call("read comments", permission, lambda: list(issue.get_comments()))
        ours = next((c for c in comments if marker in (c.body or "")), None)
        if ours is None:
            return self._write("created", what, "comment", permission, lambda: issue.create_comment(body))
        if ours.body == body:
            return Action("left unchanged", what, ours.html_url)
        action = self._write("updated", what, "edit the comment", permission, lambda: ours.edit(body))
        return Action(action.verb, what, ours.html_url)

    def close_issue(self, number: int) -> Action:
        what = f"issue #{number}"
        if self.repo is None:
            return Action("would have closed", what)
        repo = self.repo
        issue = self._call(f"read #{number}", "issues", lambda: repo.get_issue(number))
        if issue.state == "closed":
            return Action("left closed", what, issue.html_url)
        action = self._write(
            "closed", what, "close the issue", "issues", lambda: issue.edit(state="closed", state_reason="completed")
        )
        return Action(action.verb, what, issue.html_url)

    def reopen_issue(self, number: int) -> Action:
        """An edit that breaks a check-in reopens its issue, so the problems are seen."""
        what = f"issue #{number}"
        if self.repo is None:
            return Action("would have reopened", what)
        repo = self.repo
        issue = self._call(f"read #{number}", "issues", lambda: repo.get_issue(number))
        if issue.state == "open":
            return Action("left open", what, issue.html_url)
        action = self._write("reopened", what, "reopen the issue", "issues", lambda: issue.edit(state="open"))
        return Action(action.verb, what, issue.html_url)

    def _open_reminder(self) -> Any:
        assert self.repo is not None
        repo = self.repo
        issues = self._call("list issues", "issues", lambda: list(repo.get_issues(state="open")))
        return next((i for i in issues if REMINDER_MARKER in (i.body or "") and i.pull_request is None), None)

    def remind(self, title: str, body: str) -> Action:
        body = f"{REMINDER_MARKER}\n{body}"
        if self.repo is None:
            return Action("would have opened or updated", f"the reminder “{title}”")
        repo = self.repo
        existing = self._open_reminder()
        if existing is None:
            return self._write(
                "opened", f"the reminder “{title}”", "open a reminder issue", "issues",
                lambda: repo.create_issue(title=title, body=body),
            )  # fmt: skip
        what = f"reminder #{existing.number}"
        if existing.title == title and existing.body == body:
            return Action("left unchanged", what, existing.html_url)
        action = self._write(
            "updated", what, "update the reminder", "issues", lambda: existing.edit(title=title, body=body)
        )
        return Action(action.verb, what, existing.html_url)

    def close_reminder(self, note: str) -> Action:
        if self.repo is None:
            return Action("would have closed", "the open reminder, if any")
        existing = self._open_reminder()
        if existing is None:
            return Action("found nothing to close:", "no reminder is open")
        what = f"reminder #{existing.number}"

        def close() -> None:
            existing.create_comment(note)
            existing.edit(state="closed")

        action = self._write("closed", what, "close the reminder", "issues", close)
        return Action(action.verb, what, existing.html_url)

    def open_pull_request(self, head: str, base: str, title: str, body: str) -> Action:
        what = f"the pull request {head} → {base}"
        if self.repo is None:
            return Action("would have opened or updated", what)
        repo = self.repo
        owner = self.name.split("/")[0]
        pulls = self._call(
            "list pull requests", "pull-requests", lambda: list(repo.get_pulls(state="open", head=f"{owner}:{head}"))
        )
        if pulls:
            return Action("updated", what, pulls[0].html_url)  # the push already updated it
        return self._write(
            "opened", what, "open a pull request", "pull-requests",
            lambda: repo.create_pull(title=title, body=body, head=head, base=base),
        )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# the commands


def send_reminder(root: Path, today: dt.date | None, *, close_only: bool = False, dry_run: bool = False) -> str:
    """`studylog remind`: open or update the reminder while today's check-in is missing, close it
    when it arrives (or nothing is planned). Returns what was done, for the learner to read."""
    from studylog.check.repository import load_repository
    from studylog.progress import snapshot_of
    from studylog.render.summary import reminder_closing_note, reminder_issue

    result = load_repository(root, today)
    snapshot = snapshot_of(result, today)
    if snapshot is None or result.repository is None:
        raise ProblemsFound(t("remind-has-errors"), result.errors)
    locale = result.repository.plan.locale
    bot = Bot.from_environment(dry_run=dry_run)
    if snapshot.today_checked_in or snapshot.today_rest_day or not snapshot.today_planned:
        if not snapshot.today_checked_in and close_only:
            return f"no check-in yet for {snapshot.as_of}; leaving any reminder open"
        return f"✓ {bot.close_reminder(reminder_closing_note(snapshot, locale))}"
    if close_only:
        return f"no check-in yet for {snapshot.as_of}; leaving any reminder open"
    return f"✓ {bot.remind(*reminder_issue(snapshot, locale))}"


@dataclass(frozen=True)
class Commented:
    body: str  # the comment as posted (or, in a dry run, as it would be)
    action: Action
    has_errors: bool  # the pull request's files have errors: the check fails


def comment_on_pull_request(
    root: Path, today: dt.date | None, number: int, base: str | None = None, *, dry_run: bool = False
) -> Commented:
    """`studylog bot comment`: upsert the pull request's comment with the problems found and the
    progress it brings (before: the repository without the check-ins it adds or changes)."""
    from studylog.check.repository import load_repository
    from studylog.progress import snapshot_of, without_checkins
    from studylog.publish.git import changed_checkins
    from studylog.render.summary import pr_comment

    result = load_repository(root, today, links=True)
    after = snapshot_of(result, today)
    before = None
    if after is not None and result.repository is not None:
        base = base or f"origin/{os.environ.get('GITHUB_BASE_REF') or 'main'}"
        before = without_checkins(result.repository, changed_checkins(root, base), after.as_of)
    body = pr_comment(result.diagnostics, before, after)
    action = Bot.from_environment(dry_run=dry_run).upsert_comment(number, body)
    return Commented(body, action, bool(result.errors))
