"""Checking in from a phone: an issue made with `.github/ISSUE_TEMPLATE/checkin.yml` becomes a check-in.

The issue body is untrusted text. It is read from the event file GitHub writes (never from a
workflow expression), split into the form's sections as data, and reaches the check-in only
through `start.checkin` (which quotes every value it writes). Nothing of it is executed, and
nothing of it is printed to the job log, where a line starting with `::` would be a command.

Only the repository owner and the logins in plan.yaml's `checkin_users` may check in this way;
anyone else's issue is ignored without a word. A check-in issue is recognised by its form's
first heading; other issues are ignored too.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from studylog.clock import today_in
from studylog.errors import CheckinRefused, UsageError
from studylog.i18n import Lang, t, using
from studylog.model import Locale, parse_status
from studylog.start.checkin import CheckinUpdate, record, root_relative

if TYPE_CHECKING:
    from studylog.start.checkin import Recorded

# commit_and_push from publish.git, passed in by the CLI: start and publish import neither each other.
Pusher = Callable[[Path, Callable[[], tuple[list[str], str]]], str]


class IssueBot(Protocol):
    """What checking in from an issue needs of the GitHub API (publish.bot.Bot has it)."""

    def upsert_comment(self, number: int, body: str, *, marker: str = ..., permission: str = ...) -> object: ...
    def close_issue(self, number: int) -> object: ...
    def reopen_issue(self, number: int) -> object: ...


# The form's labels (each `### label` heading in the issue body) → field. The template must use
# exactly these labels; a test keeps the two in step.
FIELDS = {
    "日期 Date": "date",
    "状态 Status": "status",
    "学习时长（小时） Hours": "hours",
    "完成的学习项 Items done": "done",
    "今天做了什么 What I did": "message",
    "遇到的问题 Problem": "problem",
    "解决方法 Solution": "solution",
    "代码与笔记链接 Links": "links",
    "复习过的问题 Reviewed": "reviewed",
    "备注 Notes": "notes",
}
NO_RESPONSE = "_No response_"
_HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.M)
_SPLIT = re.compile(r"[\s,，、;；]+")
TRUSTED = ("OWNER", "MEMBER", "COLLABORATOR")


@dataclass(frozen=True)
class IssueEvent:
    action: str
    number: int
    author: str
    association: str
    owner: str
    body: str
    created_at: dt.datetime
    is_pull_request: bool

    @classmethod
    def read(cls, path: Path) -> IssueEvent:
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            issue = payload["issue"]
            created = dt.datetime.fromisoformat(str(issue.get("created_at") or "").replace("Z", "+00:00"))
            return cls(
                action=str(payload.get("action", "")),
                number=int(issue["number"]),
                author=str(issue["user"]["login"]),
                association=str(issue.get("author_association", "")),
                owner=str(payload["repository"]["owner"]["login"]),
                body=str(issue.get("body") or ""),
                created_at=created if created.tzinfo else created.replace(tzinfo=dt.UTC),
                is_pull_request=bool(issue.get("pull_request")),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UsageError(t("issue.bad-event", path=path, error=exc)) from None


def sections(body: str) -> dict[str, str]:
    """The form's answers by field name; an empty answer is ''. Unknown headings are kept in the text above them."""
    found: dict[str, str] = {}
    marks = list(_HEADING.finditer(body.replace("\r\n", "\n")))
    text = body.replace("\r\n", "\n")
    for index, mark in enumerate(marks):
        name = FIELDS.get(mark.group(1).strip())
        if name is None:
            continue
        end = next((m.start() for m in marks[index + 1 :] if m.group(1).strip() in FIELDS), len(text))
        answer = text[mark.end() : end].strip()
        found[name] = "" if answer == NO_RESPONSE else answer
    return found


def is_checkin_form(body: str) -> bool:
    return "date" in sections(body) and "status" in sections(body)


def update_from(
    answers: dict[str, str], created: dt.datetime, timezone: str, locale: Locale, day_starts_at: dt.time = dt.time(0)
) -> CheckinUpdate:
    """The check-in the form describes; refused with one message per bad answer, in the plan's language
    (the issue comment is written in the dashboard's language, as the form is)."""
    with using(Lang(locale.value)):
        return _update_from(answers, created, timezone, day_starts_at)


def _update_from(answers: dict[str, str], created: dt.datetime, timezone: str, day_starts_at: dt.time) -> CheckinUpdate:
    problems: list[str] = []
    # "today" is the day the issue was opened, there, and by the plan's clock: at 01:30 with
    # `day_starts_at: "04:00"` it is still the day before (as `studylog checkin` and validation count it).
    day = today_in(timezone, created, day_starts_at)
    if answers.get("date"):
        try:
            day = dt.date.fromisoformat(answers["date"].strip())
        except ValueError:
            problems.append(t("issue.form-date", value=_short(answers["date"])))
    status = parse_status(answers.get("status") or "done")
    if status is None:
        problems.append(t("issue.form-status", value=_short(answers["status"])))
    hours = None
    if answers.get("hours"):
        try:
            hours = float(answers["hours"].strip())
        except ValueError:
            hours = -1.0
        if not 0 <= hours <= 24:
            problems.append(t("issue.form-hours", value=_short(answers["hours"])))
    problem, solution = answers.get("problem", ""), answers.get("solution", "")
    if solution and not problem:
        problems.append(t("issue.form-solution"))
    if problems:
        raise CheckinRefused("\n".join(problems))
    lines = [line.strip().removeprefix("- ").strip() for line in answers.get("message", "").splitlines()]
    return CheckinUpdate(
        day=day,
        status=status,
        hours=hours,
        done=tuple(i for i in _SPLIT.split(answers.get("done", "")) if i),
        messages=tuple(line for line in lines if line),
        problems=((problem, solution),) if problem else (),
        links=tuple(
            root_relative(x.strip().removeprefix("- ").strip())
            for x in answers.get("links", "").splitlines()
            if x.strip()
        ),
        reviewed=tuple(i for i in _SPLIT.split(answers.get("reviewed", "")) if i),
        notes=answers.get("notes", ""),
    )


# Which form field wrote each key of the check-in, so a problem is shown where the learner typed it.
_KEY_FIELD = {"date": "date", "status": "status", "hours": "hours", "items": "done", "done": "message",
              "problems": "problem", "links": "links", "reviewed": "reviewed", "notes": "notes"}  # fmt: skip
_KEY_LINE = re.compile(r"^([A-Za-z_]+):")


def form_fields_by_line(text: str) -> dict[int, str]:
    """1-based line of the check-in text → 「label」 of the form field its top-level key came from."""
    labels = {name: label for label, name in FIELDS.items()}
    found: dict[int, str] = {}
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY_LINE.match(line)
        if match:
            current = _KEY_FIELD.get(match.group(1), "")
        if current:
            found[number] = f"「{labels[current]}」"
    return found


def _short(value: str) -> str:
    one = " ".join(value.split())
    return (one[:60] + "…") if len(one) > 60 else one


@dataclass
class Outcome:
    verb: str  # ignored | refused | checked-in
    number: int = 0
    why: str = ""
    path: str = ""
    commit: str = ""
    actions: list[str] = field(default_factory=list)

    def report(self) -> list[str]:
        """Lines for the job log: nothing the issue said, only what studylog did."""
        if self.verb == "ignored":
            return [t("issue.ignored", number=self.number, why=self.why)]
        lines = [f"  {action}" for action in self.actions]
        if self.verb == "refused":
            return [*lines, t("issue.refused", number=self.number, why=self.why)]
        return [*lines, t("issue.checked-in", number=self.number, path=self.path, commit=self.commit[:12])]


def checkin_issue_from_event(root: Path, event_path: Path | None, bot: IssueBot, push: Pusher) -> Outcome:
    """`studylog bot checkin-issue`: the event GitHub wrote ($GITHUB_EVENT_PATH) → a check-in, a comment.

    After a check-in, `checked-in=true` goes to $GITHUB_OUTPUT so the workflow rebuilds the dashboard.
    """
    import os

    path = event_path or (Path(os.environ["GITHUB_EVENT_PATH"]) if os.environ.get("GITHUB_EVENT_PATH") else None)
    if path is None:
        raise UsageError(t("issue.no-event"))
    event = IssueEvent.read(path)
    outcome = checkin_from_issue(root, event, bot, push)
    outcome.number = event.number
    if outcome.verb == "checked-in" and os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as output:
            output.write("checked-in=true\n")
    return outcome


def allowed(event: IssueEvent, users: tuple[str, ...]) -> bool:
    """The owner, or a login the plan names who also has write access to the repository."""
    author = event.author.casefold()
    if author == event.owner.casefold():
        return True
    return author in {u.casefold() for u in users} and event.association in TRUSTED


def checkin_from_issue(root: Path, event: IssueEvent, bot: IssueBot, push: Pusher) -> Outcome:
    """Turn one `issues` event into a committed, pushed check-in, a comment and a closed issue."""
    from studylog.check.repository import load_repository
    from studylog.render.reply import CHECKIN_MARKER, refused

    if event.action not in ("opened", "edited", "reopened") or event.is_pull_request:
        return Outcome("ignored", why=t("issue.why-action", action=event.action))
    if not is_checkin_form(event.body):
        return Outcome("ignored", why=t("issue.why-not-form"))
    loaded = load_repository(root, history=False)
    if loaded.repository is None:
        raise UsageError(t("issue.plan-errors"))
    plan = loaded.repository.plan
    if not allowed(event, plan.checkin_users):
        return Outcome("ignored", why=t("issue.why-author"))
    try:
        update = update_from(sections(event.body), event.created_at, plan.timezone, plan.locale, plan.day_starts_at)
        done: list[Recorded] = []

        def make() -> tuple[list[str], str]:
            done.append(record(root, update, local=False, markdown_out=True))
            message = (
                f"check-in {update.day} from #{event.number}\n\n"
                f"Co-authored-by: {event.author} <{event.author}@users.noreply.github.com>"
            )
            return [done[-1].merged.path], message

        commit = push(root, make)
        recorded = done[-1]
    except CheckinRefused as exc:
        where = form_fields_by_line(exc.candidate)
        comment = refused(plan.locale, exc.diagnostics, "" if exc.diagnostics else str(exc), where)
        actions = [str(bot.upsert_comment(event.number, comment, marker=CHECKIN_MARKER, permission="issues"))]
        actions.append(str(bot.reopen_issue(event.number)))
        return Outcome("refused", why=t("doctor.n-problems", n=len(exc.diagnostics) or 1), actions=actions)
    reply = recorded.reply + f"\n<sub>#{event.number} → `{recorded.merged.path}` ({commit[:12]})</sub>\n"
    actions = [str(bot.upsert_comment(event.number, reply, marker=CHECKIN_MARKER, permission="issues"))]
    actions.append(str(bot.close_issue(event.number)))
    return Outcome("checked-in", path=recorded.merged.path, commit=commit, actions=actions)
