"""The bot through PyGithub against a local HTTP server serving the REST endpoints it uses.

The server keeps issues and comments in memory like GitHub does, so a second run sees what the
first one created; each test asserts on the requests the server received.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import run_cli, write_repo
from studylog.publish.bot import BACKOFF, REMINDER_MARKER, Bot
from studylog.render.summary import COMMENT_MARKER

pytestmark = [pytest.mark.git]

REPO = "learner/study"
BOT = "github-actions[bot]"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


class FakeGitHub:
    """Issues, pull requests and comments of one repository, as GitHub's REST API serves them."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.base = server.url_for("").rstrip("/")
        self.issues: dict[int, dict[str, Any]] = {}
        self.comments: dict[int, dict[str, Any]] = {}
        self.refuse: dict[tuple[str, str], int] = {}  # (method, path pattern) → status
        self.requests: list[tuple[str, str, Any]] = []
        self.pulls: list[dict[str, Any]] = []
        # Answers served once each, before the normal ones: (method, path pattern, status, headers, body).
        self.script: list[tuple[str, str, int, dict[str, str], str]] = []
        self.login = BOT  # who the token writes as
        server.expect_request(re.compile(r"/repos/.*")).respond_with_handler(self.handle)
        # A workflow's GITHUB_TOKEN may not read /user, as on GitHub.
        server.expect_request("/user").respond_with_json({"message": "Resource not accessible by integration"}, 403)

    def user(self, login: str) -> dict[str, Any]:
        return {"login": login, "id": abs(hash(login)) % 10**6, "type": "Bot" if "[bot]" in login else "User"}

    def issue(
        self, number: int, title: str, body: str, *, pull: bool = False, author: str | None = None
    ) -> dict[str, Any]:
        url = f"{self.base}/repos/{REPO}/issues/{number}"
        data = {
            "id": 1000 + number,
            "number": number,
            "title": title,
            "body": body,
            "state": "open",
            "url": url,
            "html_url": f"https://github.com/{REPO}/issues/{number}",
            "comments_url": f"{url}/comments",
            "pull_request": {"url": url} if pull else None,
            "user": self.user(author or self.login),
        }
        self.issues[number] = data
        return data

    def _comment(self, issue: int, body: str, author: str | None = None) -> dict[str, Any]:
        ident = 5000 + len(self.comments)
        data = {
            "user": self.user(author or self.login),
            "id": ident,
            "body": body,
            "url": f"{self.base}/repos/{REPO}/issues/comments/{ident}",
            "html_url": f"https://github.com/{REPO}/issues/{issue}#issuecomment-{ident}",
            "issue": issue,
        }
        self.comments[ident] = data
        return data

    def handle(self, request: Request) -> Response:
        body: Any = json.loads(request.data) if request.data else None
        path = request.path
        self.requests.append((request.method, path, body))
        for i, (method, pattern, status, headers, text) in enumerate(self.script):
            if method == request.method and re.fullmatch(pattern, path):
                del self.script[i]
                return Response(text, status, headers=headers, content_type="application/json")
        for (method, pattern), status in self.refuse.items():
            if method == request.method and re.fullmatch(pattern, path):
                return Response(json.dumps({"message": "Resource not accessible by integration"}), status)
        prefix = f"/repos/{REPO}"
        if not path.startswith(prefix):
            return Response(json.dumps({"message": "Not Found"}), 404)
        rest = path[len(prefix) :]
        if request.method == "GET" and rest == "/issues":
            found = [i for i in self.issues.values() if i["state"] == request.args.get("state", "open")]
            return Response(json.dumps(found), 200, content_type="application/json")
        if request.method == "POST" and rest == "/issues":
            created = self.issue(len(self.issues) + 1, body["title"], body["body"])
            return Response(json.dumps(created), 201, content_type="application/json")
        if match := re.fullmatch(r"/issues/(\d+)", rest):
            number = int(match.group(1))
            if number not in self.issues:
                return Response(json.dumps({"message": "Not Found"}), 404)
            if request.method == "PATCH":
                self.issues[number].update(body)
            return Response(json.dumps(self.issues[number]), 200, content_type="application/json")
        if match := re.fullmatch(r"/issues/(\d+)/comments", rest):
            number = int(match.group(1))
            if request.method == "POST":
                return Response(json.dumps(self._comment(number, body["body"])), 201, content_type="application/json")
            found = [c for c in self.comments.values() if c["issue"] == number]
            return Response(json.dumps(found), 200, content_type="application/json")
        if rest == "/pulls" and request.method == "GET":
            head = request.args.get("head", "")
            found = [p for p in self.pulls if f"{REPO.split('/')[0]}:{p['head']['ref']}" == head]
            return Response(json.dumps(found), 200, content_type="application/json")
        if rest == "/pulls" and request.method == "POST":
            number = 100 + len(self.pulls)
            pull = {
                "number": number,
                "title": body["title"],
                "head": {"ref": body["head"]},
                "base": {"ref": body["base"]},
                "html_url": f"https://github.com/{REPO}/pull/{number}",
                "url": f"{self.base}/repos/{REPO}/pulls/{number}",
            }
            self.pulls.append(pull)
            return Response(json.dumps(pull), 201, content_type="application/json")
        if match := re.fullmatch(r"/issues/comments/(\d+)", rest):
            comment = self.comments[int(match.group(1))]
            comment.update(body)
            return Response(json.dumps(comment), 200, content_type="application/json")
        return Response(json.dumps({"message": "Not Found"}), 404)

    def writes(self) -> list[tuple[str, str]]:
        return [(method, path) for method, path, _ in self.requests if method != "GET"]


@pytest.fixture
def github(httpserver: HTTPServer) -> FakeGitHub:
    return FakeGitHub(httpserver)


def env(github: FakeGitHub, **extra: str) -> dict[str, str]:
    return {"GITHUB_API_URL": github.base, "GITHUB_TOKEN": "t0ken", "GITHUB_REPOSITORY": REPO, **extra}


@pytest.fixture
def learner(tmp_path: Path, fixture_plan: str) -> Path:
    root = write_repo(
        tmp_path / "repo",
        {"plan.yaml": fixture_plan, "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n"},
    )
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qm", "a"],
    ):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    subprocess.run(["git", "branch", "base"], cwd=root, check=True)
    write_repo(root, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nhours: 2\n"})
    for args in (["add", "-A"], ["-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qm", "b"]):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)
    return root


def comment(learner: Path, github: FakeGitHub, *extra: str) -> subprocess.CompletedProcess[str]:
    args = ("bot", "comment", str(learner), "--pr", "7", "--base", "base", "--today", "2026-01-06", *extra)
    return run_cli(*args, env=env(github))


def test_the_pull_request_comment_is_created_once_then_edited(learner: Path, github: FakeGitHub) -> None:
    github.issue(7, "Check-in 01-06", "", pull=True)
    first = comment(learner, github)
    assert first.returncode == 0, first.stderr
    assert github.writes() == [("POST", f"/repos/{REPO}/issues/7/comments")]
    posted = github.requests[-1][2]["body"]
    assert posted.startswith(COMMENT_MARKER) and "✅ No problems found." in posted
    assert "| 基础 | 20% → **40%** |" in posted and "1 → **2** days" in posted
    write_repo(learner, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: 好\n"})
    second = comment(learner, github)
    assert second.returncode == 1  # the check-in is broken now
    assert github.writes()[1:] == [("PATCH", f"/repos/{REPO}/issues/comments/5000")]
    edited = github.requests[-1][2]["body"]
    assert "`invalid-status`" in edited and len(github.comments) == 1
    third = comment(learner, github)
    assert "left unchanged" in third.stderr and len(github.writes()) == 2


def test_a_dry_run_writes_nothing(learner: Path, github: FakeGitHub) -> None:
    github.issue(7, "Check-in 01-06", "", pull=True)
    result = comment(learner, github, "--dry-run")
    assert result.returncode == 0 and "would have created" in result.stderr
    assert COMMENT_MARKER in result.stdout and github.writes() == []


def test_reminders_open_update_and_close(learner: Path, github: FakeGitHub) -> None:
    remind = ("remind", str(learner))
    opened = run_cli(*remind, "--today", "2026-01-07", env=env(github))
    assert opened.returncode == 0, opened.stderr
    assert github.writes() == [("POST", f"/repos/{REPO}/issues")]
    issue = github.issues[1]
    assert issue["title"] == "📅 2026-01-07 还没有打卡" and REMINDER_MARKER in issue["body"]
    assert "`w1d3` 概率论" in issue["body"] and "当前连续打卡 2 天" in issue["body"]
    again = run_cli(*remind, "--today", "2026-01-08", env=env(github))
    assert again.returncode == 0 and github.writes()[-1] == ("PATCH", f"/repos/{REPO}/issues/1")
    assert github.issues[1]["title"] == "📅 2026-01-08 还没有打卡" and len(github.issues) == 1
    write_repo(learner, {"checkins/2026/2026-01-08.yaml": "date: 2026-01-08\nstatus: done\n"})
    closed = run_cli(*remind, "--today", "2026-01-08", "--close-only", env=env(github))
    assert closed.returncode == 0, closed.stderr
    assert github.writes()[-2:] == [("POST", f"/repos/{REPO}/issues/1/comments"), ("PATCH", f"/repos/{REPO}/issues/1")]
    assert github.issues[1]["state"] == "closed"


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (403, "GitHub refused to comment (403 Resource not accessible by integration). Give the job "
         "`permissions: pull-requests: write`"),
        (404, "GitHub answered 404 when trying to comment: check GITHUB_REPOSITORY"),
    ],
)  # fmt: skip
def test_refusals_become_clear_messages(learner: Path, github: FakeGitHub, status: int, expected: str) -> None:
    github.issue(7, "Check-in", "", pull=True)
    github.refuse[("POST", rf"/repos/{REPO}/issues/7/comments")] = status
    result = comment(learner, github)
    assert result.returncode == 4 and expected in result.stderr and "Traceback" not in result.stderr  # ApiError


def test_a_missing_repository_is_a_clear_404(learner: Path, github: FakeGitHub) -> None:
    result = run_cli("remind", str(learner), "--today", "2026-01-07", env=env(github, GITHUB_REPOSITORY="nobody/none"))
    assert result.returncode == 4 and "404 when trying to list issues" in result.stderr


@pytest.mark.parametrize("name", ["../../x", "a/..", "a/b/c", "a/b?x=1", "-a/b"])
def test_a_repository_name_that_is_not_owner_slash_repo_is_refused_before_any_request(
    learner: Path, github: FakeGitHub, name: str
) -> None:
    result = run_cli("remind", str(learner), "--today", "2026-01-07", env=env(github, GITHUB_REPOSITORY=name))
    assert result.returncode == 2 and f"GITHUB_REPOSITORY is {name!r}, not OWNER/REPO" in result.stderr, result.stderr
    assert github.requests == []


def test_an_enterprise_managed_users_repository_is_asked_for(learner: Path, github: FakeGitHub) -> None:
    """EMU owners have `_` in their name (`octocat_acme`): a name GitHub gives, so the request is made."""
    env_ = env(github, GITHUB_REPOSITORY="octocat_acme/study")
    result = run_cli("remind", str(learner), "--today", "2026-01-07", env=env_)
    assert "not OWNER/REPO" not in result.stderr and github.requests, result.stderr


def test_without_a_token_the_message_says_how_to_pass_it(learner: Path, github: FakeGitHub) -> None:
    result = run_cli("remind", str(learner), "--today", "2026-01-07", env=env(github, GITHUB_TOKEN=""))
    assert result.returncode == 2 and "GITHUB_TOKEN is not set" in result.stderr  # configuration


@pytest.mark.slow
def test_a_protected_branch_gets_a_pull_request_instead(learner: Path, github: FakeGitHub, tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(bare)], check=True)
    (learner / "README.md").write_text("<!-- studylog:start -->\n<!-- studylog:end -->\n", encoding="utf-8")
    for args in (["add", "-A"], ["-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qm", "readme"]):
        subprocess.run(["git", *args], cwd=learner, check=True, capture_output=True)
    subprocess.run(["git", "remote", "add", "origin", str(bare)], cwd=learner, check=True)
    subprocess.run(["git", "push", "-q", "origin", "main"], cwd=learner, check=True)
    publish = ("publish", str(learner), "--today", "2026-01-08", "--via-branch", "studylog/dashboard")
    first = run_cli(*publish, env=env(github))
    assert first.returncode == 0, first.stderr
    assert "opened the pull request studylog/dashboard → main" in first.stderr
    assert github.writes() == [("POST", f"/repos/{REPO}/pulls")]
    assert github.requests[-1][2] == {
        "title": "studylog: update the dashboard",
        "body": "Generated by `studylog publish --via-branch`.",
        "head": "studylog/dashboard",
        "base": "main",
    }
    branches = subprocess.run(["git", "branch", "--list"], cwd=bare, capture_output=True, text=True).stdout
    assert "studylog/dashboard" in branches
    second = run_cli(*publish, env=env(github))
    assert second.returncode == 0 and "updated the pull request" in second.stderr and len(github.pulls) == 1


def test_an_outsiders_comment_with_the_marker_is_never_edited(learner: Path, github: FakeGitHub) -> None:
    github.issue(7, "Check-in 01-06", "", pull=True)
    github._comment(7, f"{COMMENT_MARKER}\n✅ No problems found. (trust me)", author="mallory")
    result = comment(learner, github)
    assert result.returncode == 0, result.stderr
    assert github.writes() == [("POST", f"/repos/{REPO}/issues/7/comments")]
    assert github.comments[5000]["body"].endswith("(trust me)") and len(github.comments) == 2
    again = comment(learner, github)  # its own comment is found and left as it is
    assert again.returncode == 0 and "left unchanged" in again.stderr and len(github.comments) == 2


def test_an_outsiders_issue_with_the_marker_is_never_rewritten_or_closed(learner: Path, github: FakeGitHub) -> None:
    github.issue(1, "my own issue", f"{REMINDER_MARKER}\nplease keep this open", author="mallory")
    result = run_cli("remind", str(learner), "--today", "2026-01-07", env=env(github))
    assert result.returncode == 0, result.stderr
    assert github.writes() == [("POST", f"/repos/{REPO}/issues")]
    write_repo(learner, {"checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\n"})
    closed = run_cli("remind", str(learner), "--today", "2026-01-07", "--close-only", env=env(github))
    assert closed.returncode == 0, closed.stderr
    assert github.issues[1]["state"] == "open" and github.issues[1]["title"] == "my own issue"
    assert github.issues[2]["state"] == "closed"


def test_ids_in_the_comment_mention_nobody(learner: Path, github: FakeGitHub) -> None:
    github.issue(7, "Check-in", "", pull=True)
    write_repo(
        learner, {"checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nitems: ['@octocat', '#1']\n"}
    )
    result = comment(learner, github)
    assert result.returncode == 1
    posted = github.requests[-1][2]["body"]
    assert "unknown-id" in posted
    assert not re.search(r"(?<![\w`])@octocat", posted) and not re.search(r"(?<![\w&])#1\b", posted)


def test_rate_limits_and_server_errors_are_retried(
    learner: Path, github: FakeGitHub, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bot's waits are recorded instead of slept (they were 4 s of the suite's wall time doing
    # nothing), which lets the test say how long each is: Retry-After, else the doubling backoff.
    waits: list[float] = []
    real = Bot.from_environment

    def recording(*, dry_run: bool = False, base_url: str | None = None) -> Bot:
        bot = real(dry_run=dry_run, base_url=base_url)
        bot.sleep = waits.append
        return bot

    monkeypatch.setattr(Bot, "from_environment", recording)
    github.issue(7, "Check-in", "", pull=True)
    comments = rf"/repos/{REPO}/issues/7/comments"
    github.script += [
        ("GET", comments, 429, {"Retry-After": "7"}, '{"message": "slow down"}'),
        ("GET", comments, 502, {}, '{"message": "Bad gateway"}'),
        ("POST", comments, 403, {"Retry-After": "3"}, '{"message": "You have exceeded a secondary rate limit"}'),
    ]
    result = comment(learner, github)
    assert result.returncode == 0, result.stderr
    assert [m for m, p, _ in github.requests if p.endswith("/comments")] == ["GET", "GET", "GET", "POST", "POST"]
    # 429: its Retry-After; the 502 that follows: the backoff, doubled after one wait; the 403: its Retry-After
    assert waits == [7.0, 2 * BACKOFF, 3.0]


def test_a_rate_limit_that_persists_is_not_called_a_permission_problem(learner: Path, github: FakeGitHub) -> None:
    github.issue(7, "Check-in", "", pull=True)
    limit = {"x-ratelimit-remaining": "0", "x-ratelimit-reset": "1"}
    github.script += [("GET", rf"/repos/{REPO}/issues/7/comments", 403, limit, '{"message": "API rate limit"}')] * 4
    result = comment(learner, github)
    assert result.returncode == 4 and "rate limit" in result.stderr and "permissions:" not in result.stderr
    assert "Traceback" not in result.stderr


def test_a_page_that_is_not_json_is_a_clear_error(learner: Path, github: FakeGitHub) -> None:
    github.issue(7, "Check-in", "", pull=True)
    github.script.append(("GET", rf"/repos/{REPO}/issues/7/comments", 200, {}, "<html>captive portal</html>"))
    result = comment(learner, github)
    assert result.returncode == 4 and "Traceback" not in result.stderr and "GitHub" in result.stderr
