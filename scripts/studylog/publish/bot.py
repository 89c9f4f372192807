"""The studylog bot: the few GitHub API calls the workflows make, through PyGithub.

One pull-request comment, found by a hidden marker and edited in place; one reminder issue,
opened or updated while today's check-in is missing and closed when it arrives; one pull
request for a protected branch. Every action has a dry run that only says what it would do.

Only what the bot's own identity wrote is ever edited or closed: anyone can paste the hidden
marker into a comment or issue. Calls that may pass by themselves (rate limits, 5xx, a dropped
connection) are retried with backoff, honouring `Retry-After`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections.abc import Callable, Mapping
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
# Who writes with a workflow's GITHUB_TOKEN. A personal token is asked for its own login instead;
# STUDYLOG_BOT_LOGIN names another identity (a GitHub App of one's own).
ACTIONS_LOGIN = "github-actions[bot]"
ATTEMPTS = 4
BACKOFF = 1.0  # seconds before the second attempt; doubles each time
MAX_WAIT = 60.0  # a longer Retry-After is not waited for: the error says when to try again


@dataclass(frozen=True)
class Action:
    """What the bot did (or would do) to what, said in the learner's language when printed."""

    verb: str  # a catalog `bot.did.<verb>`: created | updated | unchanged | would-created | …
    what: str  # already in the learner's language (`bot.what.…`)
    url: str = ""

    def __str__(self) -> str:
        return t(f"bot.did.{self.verb}", what=self.what) + (t("bot.url", url=self.url) if self.url else "")


def _header(exc: Any, name: str) -> str | None:
    headers: Mapping[str, str] = getattr(exc, "headers", None) or {}
    return next((str(v) for k, v in headers.items() if k.lower() == name), None)


def _rate_limited(exc: Any) -> bool:
    status = getattr(exc, "status", None)
    return status == 429 or (
        status == 403 and (_header(exc, "retry-after") is not None or _header(exc, "x-ratelimit-remaining") == "0")
    )


def retry_wait(exc: Any, backoff: float, now: float | None = None) -> float | None:
    """Seconds to wait before trying again, or None when trying again cannot help."""
    status = getattr(exc, "status", None)
    if _rate_limited(exc):
        after = _header(exc, "retry-after")
        if after is not None and after.strip().isdigit():
            return float(after.strip())
        reset = _header(exc, "x-ratelimit-reset")
        if reset is not None and reset.strip().isdigit():
            return max(0.0, float(reset.strip()) - (time.time() if now is None else now))
        return backoff
    if isinstance(status, int) and status >= 500:
        return backoff
    return None


def _explain(exc: Any, doing: str, permission: str) -> ApiError:
    status = getattr(exc, "status", None)
    data = getattr(exc, "data", None)
    detail = data.get("message", "") if isinstance(data, dict) else ""
    if _rate_limited(exc):
        after = _header(exc, "retry-after")
        return ApiError(
            t("api-rate-limited", doing=doing, status=f"{status} {detail}")
            + (t("api-retry-after", seconds=after) if after else "")
        )
    if status in (401, 403):
        return ApiError(t("api-refused", doing=doing, status=f"{status} {detail}", permission=permission))
    if status == 404:
        return ApiError(t("api-404", doing=doing))
    return ApiError(t("api-failed", doing=doing, status=f"{status} {detail or exc}"))


# GITHUB_REPOSITORY as GitHub names repositories: an owner of letters, digits and hyphens (and `_`
# for an Enterprise Managed User, `octocat_acme`), a name of those and `.`.
_REPOSITORY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,38}/[A-Za-z0-9._-]{1,100}")


class Bot:
    def __init__(
        self,
        repository: Repository | None,
        name: str,
        *,
        dry_run: bool = False,
        login: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        whoami: Callable[[], str] | None = None,
    ) -> None:
        self.repo = repository
        self.name = name
        self.dry_run = dry_run
        self.sleep = sleep
        self._login = login
        self._whoami = whoami

    @classmethod
    def from_environment(cls, *, dry_run: bool = False, base_url: str | None = None) -> Bot:
        name = os.environ.get("GITHUB_REPOSITORY", "")
        token = os.environ.get("GITHUB_TOKEN") or os.environ.get("GH_TOKEN")
        if dry_run and not token:
            return cls(None, name or "OWNER/REPO", dry_run=True)
        if not name or "/" not in name:
            raise UsageError(t("api-no-repository"))
        if not _REPOSITORY.fullmatch(name) or {".", ".."} & set(name.split("/")):
            raise UsageError(t("api-bad-repository", name=name))  # before it becomes part of a request's path
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
        login = os.environ.get("STUDYLOG_BOT_LOGIN") or None
        return cls(
            # Lazy: the repository is not fetched until something is asked of it (one request fewer).
            client.withLazy(True).get_repo(name),
            name,
            dry_run=dry_run,
            login=login,
            whoami=lambda: client.get_user().login,
        )

    @property
    def login(self) -> str:
        """The identity the token writes as: what the bot wrote carries it, an outsider's text does not."""
        if self._login is None:
            from github import GithubException

            whoami = self._whoami
            try:
                # A workflow's GITHUB_TOKEN may not read /user (403): it writes as github-actions[bot].
                self._login = self._call(t("bot.doing.whoami"), "contents", whoami) if whoami else ACTIONS_LOGIN
            except (ApiError, GithubException):
                self._login = ACTIONS_LOGIN
        return self._login

    def _mine(self, thing: Any) -> bool:
        user = getattr(thing, "user", None)
        return user is not None and getattr(user, "login", None) == self.login

    def _call(self, doing: str, permission: str, call: Any) -> Any:
        """One API call, tried again (with backoff and `Retry-After`) when trying again may help."""
        import requests
        from github import GithubException

        wait = BACKOFF
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return call()
            except GithubException as exc:
                delay = retry_wait(exc, wait)
                if delay is None or delay > MAX_WAIT or attempt == ATTEMPTS:
                    raise _explain(exc, doing, permission) from None
            except (requests.ConnectionError, requests.Timeout) as exc:
                if attempt == ATTEMPTS:
                    raise ApiError(t("api-unreachable", doing=doing, error=type(exc).__name__)) from None
                delay = wait
            except (ValueError, TypeError) as exc:  # a 200 that is not the JSON the API promises (a proxy page)
                raise ApiError(t("api-unreadable", doing=doing, error=str(exc))) from None
            self.sleep(delay)
            wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _write(self, verb: str, what: str, doing: str, permission: str, call: Any) -> Action:
        """Do a write, or in a dry run only say what it would be."""
        if self.dry_run:
            return Action(f"would-{verb}", what)
        result = self._call(doing, permission, call)
        return Action(verb, what, getattr(result, "html_url", "") or "")

    def upsert_comment(
        self, number: int, body: str, *, marker: str = COMMENT_MARKER, permission: str = "pull-requests"
    ) -> Action:
        """One comment per pull request (or issue): edit ours, found by its marker, if it is there, else create it."""
        body = body if marker in body else f"{marker}\n{body}"
        what = t("bot.what.comment", number=number)
        if self.repo is None:
            return Action("would-created-or-updated", what)
        repo = self.repo
        issue = self._call(t("bot.doing.read", number=number), permission, lambda: repo.get_issue(number))
        comments = self._call(t("bot.doing.read-comments"), permission, lambda: list(issue.get_comments()))
        ours = next((c for c in comments if marker in (c.body or "") and self._mine(c)), None)
        if ours is None:
            return self._write("created", what, t("bot.doing.comment"), permission, lambda: issue.create_comment(body))
        if ours.body == body:
            return Action("unchanged", what, ours.html_url)
        action = self._write("updated", what, t("bot.doing.edit-comment"), permission, lambda: ours.edit(body))
        return Action(action.verb, what, ours.html_url)

    def close_issue(self, number: int) -> Action:
        return self._set_state(number, "closed", ("would-closed", "left-closed", "closed", t("bot.doing.close-issue")))

    def reopen_issue(self, number: int) -> Action:
        """An edit that breaks a check-in reopens its issue, so the problems are seen."""
        return self._set_state(number, "open", ("would-reopened", "left-open", "reopened", t("bot.doing.reopen-issue")))

    def _set_state(self, number: int, state: str, words: tuple[str, str, str, str]) -> Action:
        would, left, done, doing = words
        what = t("bot.what.issue", number=number)
        if self.repo is None:
            return Action(would, what)
        repo = self.repo
        issue = self._call(t("bot.doing.read", number=number), "issues", lambda: repo.get_issue(number))
        if issue.state == state:
            return Action(left, what, issue.html_url)
        reason = {"state_reason": "completed"} if state == "closed" else {}
        action = self._write(done, what, doing, "issues", lambda: issue.edit(state=state, **reason))
        return Action(action.verb, what, issue.html_url)

    def _open_reminder(self) -> Any:
        assert self.repo is not None
        repo = self.repo
        issues = self._call(t("bot.doing.list-issues"), "issues", lambda: list(repo.get_issues(state="open")))
        return next(
            (i for i in issues if REMINDER_MARKER in (i.body or "") and i.pull_request is None and self._mine(i)), None
        )

    def remind(self, title: str, body: str) -> Action:
        body = f"{REMINDER_MARKER}\n{body}"
        if self.repo is None:
            return Action("would-opened-or-updated", t("bot.what.new-reminder", title=title))
        repo = self.repo
        existing = self._open_reminder()
        if existing is None:
            return self._write(
                "opened", t("bot.what.new-reminder", title=title), t("bot.doing.open-reminder"), "issues",
                lambda: repo.create_issue(title=title, body=body),
            )  # fmt: skip
        what = t("bot.what.reminder", number=existing.number)
        if existing.title == title and existing.body == body:
            return Action("unchanged", what, existing.html_url)
        action = self._write(
            "updated", what, t("bot.doing.update-reminder"), "issues", lambda: existing.edit(title=title, body=body)
        )
        return Action(action.verb, what, existing.html_url)

    def close_reminder(self, note: str) -> Action:
        if self.repo is None:
            return Action("would-closed", t("bot.what.any-reminder"))
        existing = self._open_reminder()
        if existing is None:
            return Action("nothing-to-close", t("bot.what.no-reminder"))
        what = t("bot.what.reminder", number=existing.number)

        def close() -> None:
            existing.create_comment(note)
            existing.edit(state="closed")

        action = self._write("closed", what, t("bot.doing.close-reminder"), "issues", close)
        return Action(action.verb, what, existing.html_url)

    def open_pull_request(self, head: str, base: str, title: str, body: str) -> Action:
        what = t("bot.what.pull-request", head=head, base=base)
        if self.repo is None:
            return Action("would-opened-or-updated", what)
        repo = self.repo
        owner = self.name.split("/")[0]
        pulls = self._call(
            t("bot.doing.list-pulls"),
            "pull-requests",
            lambda: list(repo.get_pulls(state="open", head=f"{owner}:{head}")),
        )
        if pulls:
            return Action("updated", what, pulls[0].html_url)  # the push already updated it
        return self._write(
            "opened", what, t("bot.doing.open-pull"), "pull-requests",
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
            return t("bot.no-checkin-yet", date=snapshot.as_of)
        return f"✓ {bot.close_reminder(reminder_closing_note(snapshot, locale))}"
    if close_only:
        return t("bot.no-checkin-yet", date=snapshot.as_of)
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
