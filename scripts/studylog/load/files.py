"""Loading `plan.yaml` and `checkins/**/*.yaml` into the model, with every problem located.

The key sets below are the formats' single source of truth: the JSON Schemas under
`studylog/schemas/` are checked against them by a test.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from studylog import safepath
from studylog.diagnostics import Diagnostic, Severity, Span
from studylog.errors import UnsafePath
from studylog.i18n import t
from studylog.layout import CHECKIN_DIR
from studylog.load.nodes import KEY_ALIASES, NodeReader, did_you_mean, is_null, parse_date
from studylog.load.yamlsrc import read_document
from studylog.model import (
    WEEKDAYS,
    CheckIn,
    Item,
    ItemKind,
    Link,
    Locale,
    Milestone,
    Phase,
    Plan,
    Problem,
    Status,
    Task,
    Week,
    WorkedOn,
    parse_status,
)

if TYPE_CHECKING:
    import yaml
else:
    from studylog.load.yamlsrc import yaml

PLAN_KEYS = frozenset(
    {
        "title",
        "learner",
        "description",
        "start",
        "timezone",
        "locale",
        "hours_per_day",
        "rest_days",
        "day_starts_at",
        "view",
        "phases",
        "milestones",
        "review_intervals",
        "backfill_grace_hours",
        "reminder_hour",
        "checkin_users",
        "pages_url",
    }
)
PHASE_KEYS = frozenset({"id", "title", "goal", "weight", "weeks"})
WEEK_KEYS = frozenset({"id", "title", "start", "weight", "items"})
ITEM_KEYS = frozenset({"id", "title", "day", "date", "days", "weight", "kind", "note", "tasks"})
TASK_KEYS = frozenset({"id", "title", "weight", "note"})
MILESTONE_KEYS = frozenset({"id", "title", "due", "covers"})
CHECKIN_KEYS = frozenset(
    {
        "date",
        "status",
        "hours",
        "items",
        "credit",
        "task",
        "problems",
        "links",
        "done",
        "insights",
        "next",
        "resources",
        "notes",
        "imported",
        "reviewed",
    }
)
WORKED_ON_KEYS = frozenset({"id", "status"})
PROBLEM_KEYS = frozenset({"problem", "solution"})
LINK_KEYS = frozenset({"url", "title"})

MAX_PLAN_BYTES = 2 * 1024 * 1024
MAX_CHECKIN_BYTES = 256 * 1024
STATUS_CHOICES = "done, in-progress, not-done, ✅ 🔄 ❌, 完成 / 进行中 / 未完成"
VIEWS = ("auto", "days", "lectures")
_CLOCK = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")

_WEEKDAY_NAMES = (
    {name: i for i, name in enumerate(WEEKDAYS)}
    | {name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
    | {f"周{c}": i for i, c in enumerate("一二三四五六日")}
    | {f"星期{c}": i for i, c in enumerate("一二三四五六日")}
    | {"周天": 6, "星期天": 6}
)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")
_FILE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _parse_locale(value: str) -> Locale | None:
    aliases = {
        "zh-cn": Locale.ZH_CN,
        "zh": Locale.ZH_CN,
        "zh_cn": Locale.ZH_CN,
        "zh-hans": Locale.ZH_CN,
        "en": Locale.EN,
        "en-us": Locale.EN,
        "en-gb": Locale.EN,
    }
    return aliases.get(value.strip().casefold())


def _parse_kind(value: str) -> ItemKind | None:
    try:
        return ItemKind(value.strip().casefold())
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# plan.yaml


class _PlanReader(NodeReader):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.week_number = 0
        self.start = dt.date(2000, 1, 3)

    def weight(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], what: str) -> float | None:
        if "weight" not in fields:
            return None
        node = fields["weight"][1]
        value = self.number(node, f"{what}.weight")
        if value is not None and value < 0:
            self.error(
                node,
                "invalid-weight",
                t("negative-weight", value=f"{value:g}"),
                t("hint.weight"),
            )
            return None
        return value

    def required(
        self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str, owner: yaml.Node
    ) -> yaml.Node | None:
        if key in fields and not is_null(fields[key][1]):
            return fields[key][1]
        self.error(fields[key][0] if key in fields else owner, "missing-key", t("missing-key", what=what, key=key))
        return None

    def title(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], what: str, owner: yaml.Node) -> str:
        node = self.required(fields, "title", what, owner)
        return (self.text(node, f"{what}.title") or "") if node is not None else ""

    def ident(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], what: str, owner: yaml.Node) -> str | None:
        node = self.required(fields, "id", what, owner)
        return self.identifier(node, f"{what}.id") if node is not None else None

    def optional_text(self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str) -> str:
        if key not in fields:
            return ""
        return self.text(fields[key][1], f"{what}.{key}") or ""

    def children(
        self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str, owner: yaml.Node
    ) -> list[yaml.Node]:
        node = self.required(fields, key, what, owner)
        if node is None:
            return []
        entries = self.sequence(node, f"{what}.{key}") or []
        if not entries and not is_null(node) and isinstance(node, yaml.SequenceNode):
            self.error(node, "empty-list", t("empty-list", what=f"{what}.{key}"))
        return entries

    def task(self, node: yaml.Node) -> Task | None:
        fields = self.mapping(node, "task", TASK_KEYS)
        if fields is None:
            return None
        ident = self.ident(fields, "task", node)
        title = self.title(fields, "task", node)
        weight = self.weight(fields, "task")
        if ident is None:
            return None
        return Task(
            ident, title, 1.0 if weight is None else weight, self.span(node), self.optional_text(fields, "note", "task")
        )

    def item(self, node: yaml.Node, week_start: dt.date) -> Item | None:
        fields = self.mapping(node, "item", ITEM_KEYS)
        if fields is None:
            return None
        ident = self.ident(fields, "item", node)
        title = self.title(fields, "item", node)
        weight = self.weight(fields, "item")
        start, days = week_start, 7  # an undated item (a lecture) spans its week
        if "day" in fields and "date" in fields:
            self.error(fields["date"][0], "conflicting-keys", t("day-and-date"), t("hint.day-and-date"))
        elif "day" in fields:
            day = self.number(fields["day"][1], "item.day", hint=t("hint.day"))
            if day is not None and (day != int(day) or not 1 <= day <= 7):
                self.error(
                    fields["day"][1],
                    "invalid-day",
                    t("invalid-day", value=f"{day:g}"),
                    t("hint.invalid-day"),
                )
            elif day is not None:
                start, days = week_start + dt.timedelta(days=int(day) - 1), 1
        elif "date" in fields:
            date = self.date(fields["date"][1], "item.date")
            if date is not None:
                start, days = date, 1
        if "days" in fields:
            length = self.number(fields["days"][1], "item.days")
            if length is not None and (length != int(length) or length < 1 or length > 366):
                self.error(
                    fields["days"][1],
                    "invalid-days",
                    t("days-too-long" if length > 366 else "invalid-days", value=f"{length:g}"),
                    t("hint.days-too-long" if length > 366 else "hint.invalid-days"),
                )
            elif length is not None:
                days = int(length)
        kind = ItemKind.STUDY
        if "kind" in fields:
            kind = (
                self.choice(fields["kind"][1], "item.kind", _parse_kind, ", ".join(k.value for k in ItemKind))
                or ItemKind.STUDY
            )
        tasks = self.each(fields, "tasks", "item.tasks", self.task)
        if ident is None:
            return None
        return Item(
            ident,
            title,
            start,
            days,
            1.0 if weight is None else weight,
            kind,
            tasks,
            self.span(node),
            self.optional_text(fields, "note", "item"),
        )

    def week(self, node: yaml.Node) -> Week | None:
        fields = self.mapping(node, "week", WEEK_KEYS)
        self.week_number += 1
        if fields is None:
            return None
        ident = self.ident(fields, "week", node)
        title = self.optional_text(fields, "title", "week")
        weight = self.weight(fields, "week")
        start = self.start + dt.timedelta(weeks=self.week_number - 1)
        if "start" in fields:
            start = self.date(fields["start"][1], "week.start") or start
        items = tuple(
            i for i in (self.item(n, start) for n in self.children(fields, "items", "week", node)) if i is not None
        )
        if ident is None:
            return None
        return Week(ident, self.week_number, title, start, start + dt.timedelta(days=6), weight, items, self.span(node))

    def phase(self, node: yaml.Node) -> Phase | None:
        fields = self.mapping(node, "phase", PHASE_KEYS)
        if fields is None:
            return None
        ident = self.ident(fields, "phase", node)
        title = self.title(fields, "phase", node)
        weight = self.weight(fields, "phase")
        weeks = tuple(w for w in (self.week(n) for n in self.children(fields, "weeks", "phase", node)) if w is not None)
        if ident is None:
            return None
        return Phase(ident, title, weight, weeks, self.span(node), self.optional_text(fields, "goal", "phase"))

    def milestone(self, node: yaml.Node) -> Milestone | None:
        fields = self.mapping(node, "milestone", MILESTONE_KEYS)
        if fields is None:
            return None
        ident = self.ident(fields, "milestone", node)
        title = self.title(fields, "milestone", node)
        due = self.date(fields["due"][1], "milestone.due") if "due" in fields else None
        covers: tuple[str, ...] = ()
        if "covers" in fields:
            covers = self.strings(fields["covers"][1], "milestone.covers") or ()
        if not covers:
            self.error(
                fields["covers"][1] if "covers" in fields else node,
                "milestone-empty",
                t("milestone-empty", id=ident),
                t("hint.milestone-empty"),
            )
        if ident is None:
            return None
        # A milestone without a due date is due when its last covered item is planned to end;
        # resolved once the whole plan is known (see _resolve_due).
        return Milestone(ident, title, due or dt.date.min, covers, self.span(node))

    def rest_days(self, node: yaml.Node) -> tuple[frozenset[int], frozenset[dt.date]]:
        weekdays: set[int] = set()
        dates: set[dt.date] = set()
        for entry in self.sequence(node, "rest_days", allow_single=True) or []:
            if isinstance(entry, yaml.ScalarNode) and entry.tag == "tag:yaml.org,2002:timestamp":
                date = self.date(entry, "rest_days")
                if date:
                    dates.add(date)
                continue
            text = self.text(entry, "rest_days")
            if text is None:
                continue
            name = text.strip().casefold()
            date = parse_date(text.strip())
            if name in _WEEKDAY_NAMES:
                weekdays.add(_WEEKDAY_NAMES[name])
            elif date is not None:
                dates.add(date)
            else:
                self.error(
                    entry,
                    "invalid-rest-day",
                    t("invalid-rest-day", value=text),
                    did_you_mean(name, list(_WEEKDAY_NAMES)) or t("hint.rest-day"),
                )
        return frozenset(weekdays), frozenset(dates)


def _timezone(reader: NodeReader, node: yaml.Node) -> str:
    name = reader.text(node, "timezone")
    if not name:
        return "UTC"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        reader.error(
            node,
            "unknown-timezone",
            t("unknown-timezone", value=name),
            did_you_mean(name, available_timezones()) or t("hint.timezone"),
        )
        return "UTC"
    return name


def _parse_view(value: str) -> str | None:
    key = value.strip().casefold()
    return key if key in VIEWS else None


def _day_start(reader: NodeReader, node: yaml.Node) -> dt.time:
    """`day_starts_at: 04:00`. Read from the raw text: YAML 1.1 would turn an unquoted 04:00 into 240."""
    raw = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
    match = _CLOCK.fullmatch(raw)
    if match is None:
        reader.error(
            node,
            "invalid-time",
            t("invalid-day-start", value=raw),
            t("hint.day-start"),
        )
        return dt.time(0)
    return dt.time(int(match[1]), int(match[2]))


def parse_plan(path: str, data: bytes) -> tuple[Plan | None, list[Diagnostic]]:
    doc, problems = read_document(path, data, MAX_PLAN_BYTES)
    if doc is None:
        return None, problems
    reader = _PlanReader(path)
    if doc.root is None or is_null(doc.root):
        reader.error(Span(path, 1, 1), "empty-file", t("empty-plan"), t("hint.empty-plan"))
        return None, reader.diagnostics
    fields = reader.mapping(doc.root, "plan", PLAN_KEYS)
    if fields is None:
        return None, _explain_root(path, data, doc.root, reader.diagnostics)
    start_node = reader.required(fields, "start", "plan", doc.root)
    start = reader.date(start_node, "start") if start_node is not None else None
    if start is None:
        return None, reader.diagnostics
    reader.start = start
    locale = Locale.ZH_CN
    if "locale" in fields:
        locale = reader.choice(fields["locale"][1], "locale", _parse_locale, "zh-CN, en") or Locale.ZH_CN
    hours = None
    if "hours_per_day" in fields:
        hours = reader.number(fields["hours_per_day"][1], "hours_per_day")
        if hours is not None and not 0 < hours <= 24:
            reader.error(
                fields["hours_per_day"][1],
                "hours-out-of-range",
                t("hours-per-day-range", value=f"{hours:g}"),
                t("hint.hours-per-day-range"),
            )
            hours = None
    rest = reader.rest_days(fields["rest_days"][1]) if "rest_days" in fields else (frozenset(), frozenset())
    day_start = _day_start(reader, fields["day_starts_at"][1]) if "day_starts_at" in fields else dt.time(0)
    view = "auto"
    if "view" in fields:
        view = reader.choice(fields["view"][1], "view", _parse_view, ", ".join(VIEWS), "invalid-setting") or "auto"
    phases = tuple(
        p for p in (reader.phase(n) for n in reader.children(fields, "phases", "plan", doc.root)) if p is not None
    )
    milestones = reader.each(fields, "milestones", "milestones", reader.milestone)
    settings = _settings(reader, fields)
    plan = Plan(
        title=reader.title(fields, "plan", doc.root),
        learner=reader.optional_text(fields, "learner", "plan"),
        start=start,
        timezone=_timezone(reader, fields["timezone"][1]) if "timezone" in fields else "UTC",
        locale=locale,
        hours_per_day=hours,
        rest_weekdays=rest[0],
        rest_dates=rest[1],
        phases=phases,
        milestones=milestones,
        path=path,
        spans={key: reader.span(value) for key, (_, value) in fields.items()},
        **settings,
        day_starts_at=day_start,
        view=view,
    )
    plan = _resolve_due(plan)
    return plan, reader.diagnostics + check_plan(plan)


def _settings(reader: NodeReader, fields: dict[str, tuple[yaml.Node, yaml.Node]]) -> dict[str, Any]:
    """The optional settings of review, back-fill, calendar, issue check-ins and Pages."""
    found: dict[str, Any] = {}
    if "review_intervals" in fields:
        node = fields["review_intervals"][1]
        days = [reader.number(n, "review_intervals") for n in reader.sequence(node, "review_intervals") or []]
        if any(d is None for d in days):
            pass  # already reported
        elif not days or any(d != int(d) or not 1 <= d <= 366 for d in days if d is not None):
            reader.error(
                node,
                "invalid-setting",
                t("review-intervals"),
                t("hint.review-intervals"),
            )
        else:
            found["review_intervals"] = tuple(int(d) for d in days if d is not None)
    if "backfill_grace_hours" in fields:
        node = fields["backfill_grace_hours"][1]
        grace = reader.number(node, "backfill_grace_hours")
        if grace is not None and not 0 <= grace <= 72:
            reader.error(
                node, "invalid-setting", t("backfill-grace-range", value=f"{grace:g}"), t("hint.backfill-grace")
            )
        elif grace is not None:
            found["backfill_grace_hours"] = grace
    if "reminder_hour" in fields and not is_null(fields["reminder_hour"][1]):
        node = fields["reminder_hour"][1]
        hour = reader.number(node, "reminder_hour", hint=t("hint.reminder-hour"))
        if hour is not None and (hour != int(hour) or not 0 <= hour <= 23):
            reader.error(node, "invalid-setting", t("reminder-hour-range", value=f"{hour:g}"), t("hint.reminder-hour"))
        elif hour is not None:
            found["reminder_hour"] = int(hour)
    if "checkin_users" in fields:
        users = reader.strings(fields["checkin_users"][1], "checkin_users") or ()
        found["checkin_users"] = tuple(u.strip().lstrip("@") for u in users if u.strip())
    if "pages_url" in fields:
        node = fields["pages_url"][1]
        url = (reader.text(node, "pages_url") or "").strip()
        if url and not url.startswith("https://"):
            reader.error(
                node, "invalid-setting", t("pages-url-not-https", url=url), t("hint.pages-url"),
            )  # fmt: skip
        elif url:
            found["pages_url"] = url if url.endswith("/") else url + "/"
    return found


def _resolve_due(plan: Plan) -> Plan:
    ends: dict[str, dt.date] = {}
    for phase in plan.phases:
        ends[phase.id] = max((i.end for i in phase.items), default=plan.start)
        for week in phase.weeks:
            ends[week.id] = max((i.end for i in week.items), default=week.end)
            for item in week.items:
                ends[item.id] = item.end
                for task in item.tasks:
                    ends[task.id] = item.end
    milestones = tuple(
        m
        if m.due != dt.date.min
        else m._replace(due=max((ends.get(c, plan.start) for c in m.covers), default=plan.start))
        for m in plan.milestones
    )
    return plan._replace(milestones=milestones)


def check_plan(plan: Plan) -> list[Diagnostic]:
    """Consistency of a parsed plan: unique ids, chronological order, milestones that point somewhere."""
    problems: list[Diagnostic] = []
    seen: dict[str, Span] = {}
    spans: list[tuple[str, Span]] = []
    for phase in plan.phases:
        spans.append((phase.id, phase.span))
        for week in phase.weeks:
            spans.append((week.id, week.span))
            for item in week.items:
                spans.append((item.id, item.span))
                spans.extend((task.id, task.span) for task in item.tasks)
    spans.extend((m.id, m.span) for m in plan.milestones)
    for ident, span in spans:
        if ident in seen:
            problems.append(
                Diagnostic.at(
                    span,
                    "duplicate-id",
                    t("duplicate-id", id=ident, line=seen[ident].line),
                    t("hint.duplicate-id"),
                )
            )
        else:
            seen[ident] = span
    previous_week: Week | None = None
    previous_item: Item | None = None
    for week in plan.weeks:
        if previous_week is not None and week.start < previous_week.start:
            problems.append(
                Diagnostic.at(
                    week.span,
                    "out-of-order",
                    t(
                        "week-out-of-order",
                        id=week.id,
                        start=week.start,
                        previous=previous_week.id,
                        previous_start=previous_week.start,
                    ),
                    t("hint.week-out-of-order"),
                )
            )
        previous_week = week
        for item in week.items:
            if previous_item is not None and item.start < previous_item.start:
                problems.append(
                    Diagnostic.at(
                        item.span,
                        "out-of-order",
                        t(
                            "item-out-of-order",
                            id=item.id,
                            start=item.start,
                            previous=previous_item.id,
                            previous_start=previous_item.start,
                        ),
                        t("hint.item-out-of-order"),
                    )
                )
            previous_item = item
    known = {ident for ident, _ in plan.ids()}
    for milestone in plan.milestones:
        for ident in milestone.covers:
            if ident not in known:
                problems.append(
                    Diagnostic.at(
                        milestone.span,
                        "unknown-id",
                        t("milestone-unknown-cover", id=milestone.id, cover=ident),
                        did_you_mean(ident, known),
                    )
                )
    return problems


# --------------------------------------------------------------------------------------------
# check-ins


class CheckinContext(NamedTuple):
    """What a check-in is read against: the plan's timezone and ids, when the plan loaded."""

    timezone: str
    plan: Plan | None
    day_starts_at: dt.time = dt.time(0)


class _CheckinReader(NodeReader):
    def worked_on(self, node: yaml.Node, default: Status) -> WorkedOn | None:
        if isinstance(node, yaml.MappingNode):
            fields = self.mapping(node, "items[]", WORKED_ON_KEYS)
            if fields is None:
                return None
            if "id" not in fields:
                self.error(node, "missing-key", t("item-entry-needs-id"))
                return None
            ident = self.identifier(fields["id"][1], "items[].id")
            status = default
            if "status" in fields:
                status = self.choice(fields["status"][1], "items[].status", parse_status, STATUS_CHOICES) or default
            return WorkedOn(ident, status, self.span(fields["id"][1])) if ident else None
        ident = self.identifier(node, "items[]")
        return WorkedOn(ident, default, self.span(node)) if ident else None

    def problem(self, node: yaml.Node) -> Problem | None:
        if isinstance(node, yaml.ScalarNode):
            text = self.text(node, "problems[]")
            return Problem(text, "", self.span(node)) if text else None
        fields = self.mapping(node, "problems[]", PROBLEM_KEYS)
        if fields is None:
            return None
        problem = self.text(fields["problem"][1], "problem") if "problem" in fields else None
        solution = self.text(fields["solution"][1], "solution") or "" if "solution" in fields else ""
        if not problem:
            if "problem" not in fields or problem == "":
                self.error(
                    node,
                    "missing-key",
                    t("problem-needs-problem"),
                    t("hint.problem-needs-problem"),
                )
            return None
        return Problem(problem.strip(), solution.strip(), self.span(node))

    def link(self, node: yaml.Node) -> Link | None:
        if isinstance(node, yaml.MappingNode):
            fields = self.mapping(node, "links[]", LINK_KEYS)
            if fields is None:
                return None
            if "url" not in fields:
                self.error(node, "missing-key", t("link-needs-url"), t("hint.link-form"))
                return None
            target = self.text(fields["url"][1], "links[].url")
            title = self.text(fields["title"][1], "links[].title") or "" if "title" in fields else ""
            return Link(target.strip(), title, self.span(fields["url"][1])) if target else None
        target = self.text(node, "links[]")
        markdown = _MARKDOWN_LINK.fullmatch(target.strip()) if target else None
        if markdown is not None:
            title = f", title: {markdown[1]}" if markdown[1] else ""
            self.error(
                node, "wrong-type", t("markdown-link"), t("hint.rewrite-line", line=f"- {{url: {markdown[2]}{title}}}")
            )
            return None
        return Link(target.strip(), "", self.span(node)) if target and target.strip() else None


def _explain_root(path: str, data: bytes, root: yaml.Node, found: list[Diagnostic]) -> list[Diagnostic]:
    """A file YAML read as one text: most often a full-width `：` kept its lines from being keys."""
    if isinstance(root, yaml.ScalarNode):
        from studylog.load.slips import explain_root_text  # only a file that failed to read needs it

        slip = explain_root_text(path, data.decode("utf-8-sig", errors="replace").replace("\r\n", "\n"))
        if slip is not None:
            return [slip]
    return found


def _local_date(value: dt.date | dt.datetime, timezone: str, day_start: dt.time = dt.time(0)) -> dt.date:
    """The learner's day: a time before the plan's `day_starts_at` belongs to the day before."""
    if isinstance(value, dt.datetime):
        local = value.astimezone(ZoneInfo(timezone)) if value.tzinfo is not None else value
        shift = dt.timedelta(hours=day_start.hour, minutes=day_start.minute)
        return (local.replace(tzinfo=None) - shift).date()
    return value


def parse_checkin(path: str, data: bytes, context: CheckinContext) -> tuple[CheckIn | None, list[Diagnostic]]:
    checkin, problems = read_checkin(path, data, context.timezone, context.day_starts_at)
    if checkin is None:
        return None, problems
    completed, more = complete_checkin(checkin, context)
    return completed, problems + more


# A top-level `timezone:` / `day_starts_at:` line as most plans write it (plain or quoted, a comment after).
_GUESS_TIMEZONE = re.compile(rb"""^timezone:[ \t]+(["']?)([A-Za-z0-9_+\-/]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)
_GUESS_DAY_START = re.compile(rb"""^day_starts_at:[ \t]+(["']?)(\d\d?:\d\d)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def guess_context(plan: bytes) -> tuple[str, dt.time]:
    """The timezone and day start a plan most likely sets, from its text alone: for reading check-ins
    on the other core before the plan is parsed. Only a guess — the caller uses what was read with it
    only when the parsed plan says the same."""
    timezone = _GUESS_TIMEZONE.search(plan)
    day_start = _GUESS_DAY_START.search(plan)
    clock = _CLOCK.fullmatch(day_start[2].decode("ascii")) if day_start else None
    return (
        timezone[2].decode("ascii") if timezone else "UTC",
        dt.time(int(clock[1]), int(clock[2])) if clock else dt.time(0),
    )


def complete_checkin(checkin: CheckIn, context: CheckinContext) -> tuple[CheckIn, list[Diagnostic]]:
    """The plan's part of reading a check-in: the ids it names.

    A check-in without `items` names nothing: the progress engine credits it with the day's
    planned share of each item, never whole items.
    """
    return checkin, _check_checkin(checkin, context)


def read_checkin(
    path: str, data: bytes, timezone: str, day_start: dt.time = dt.time(0)
) -> tuple[CheckIn | None, list[Diagnostic]]:
    """A check-in as written, without the plan: what depends only on its bytes, path and timezone."""
    doc, problems = read_document(path, data, MAX_CHECKIN_BYTES)
    if doc is None:
        return None, problems
    reader = _CheckinReader(path)
    if doc.root is None or is_null(doc.root) or (isinstance(doc.root, yaml.MappingNode) and not doc.root.value):
        reader.error(
            Span(path, 1, 1),
            "empty-checkin",
            t("empty-checkin"),
            t("hint.empty-checkin"),
        )
        return None, reader.diagnostics
    fields = reader.mapping(doc.root, "check-in", CHECKIN_KEYS)
    if fields is None:
        return None, _explain_root(path, data, doc.root, reader.diagnostics)
    date_value = None
    if "date" in fields:
        date_value = reader.date_or_datetime(fields["date"][1], "date")
    elif not _aliased(doc.root, "date"):
        reader.error(
            Span(path, 1, 1),
            "missing-key",
            t("checkin-no-date"),
            t("hint.checkin-no-date"),
        )
    status = None
    if "status" in fields and is_null(fields["status"][1]):
        # `studylog new` leaves the status empty on purpose: an untouched stub must not count as done.
        reader.error(
            fields["status"][1],
            "status-not-chosen",
            t("status-not-chosen"),
            t("hint.status-not-chosen"),
        )
    elif "status" in fields:
        status = reader.choice(fields["status"][1], "status", parse_status, STATUS_CHOICES)
    elif not _aliased(doc.root, "status"):
        reader.error(
            Span(path, 1, 1),
            "missing-key",
            t("checkin-no-status"),
            t("hint.checkin-no-status"),
        )
    hours = None
    if "hours" in fields and not is_null(fields["hours"][1]):
        hours = reader.number(fields["hours"][1], "hours", hint=t("hint.hours"))
        if hours is not None and not 0 <= hours <= 24:
            reader.error(
                fields["hours"][1], "hours-out-of-range", t("hours-range", value=f"{hours:g}"), t("hint.hours-range")
            )
            hours = None
    if date_value is None or status is None:
        return None, reader.diagnostics
    date = _local_date(date_value, timezone, day_start)
    items = reader.each(fields, "items", "items", lambda entry: reader.worked_on(entry, status))
    credit = True
    if "credit" in fields:
        node = fields["credit"][1]
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            credit = str(node.value).casefold() in ("true", "yes", "on", "y")
        else:
            reader.wrong_type(node, "credit", t("kind.true-or-false"))
        if not credit and items:
            reader.error(
                fields["credit"][0],
                "conflicting-keys",
                t("credit-with-items"),
                t("hint.credit-with-items"),
            )

    def listed(key: str) -> tuple[str, ...]:
        return reader.strings(fields[key][1], key) or () if key in fields else ()

    checkin = CheckIn(
        path=path,
        date=date,
        status=status,
        hours=hours,
        items=items,
        items_given="items" in fields,
        credit=credit,
        summary=(reader.text(fields["task"][1], "task") or "").strip() if "task" in fields else "",
        problems=reader.each(fields, "problems", "problems", reader.problem),
        links=reader.each(fields, "links", "links", reader.link),
        done=listed("done"),
        insights=listed("insights"),
        next=listed("next"),
        resources=listed("resources"),
        notes=(reader.text(fields["notes"][1], "notes") or "") if "notes" in fields else "",
        span=Span(path, 1, 1),
        spans={key: reader.span(value) for key, (_, value) in fields.items()},
        imported=(reader.text(fields["imported"][1], "imported") or "") if "imported" in fields else "",
        reviewed=tuple(r.strip() for r in listed("reviewed") if r.strip()),
    )
    return checkin, reader.diagnostics


def _aliased(root: yaml.Node | None, key: str) -> bool:
    """Whether the file writes `key` under its Chinese name (`日期:` for `date:`): an unknown key already,
    whose hint names the key, so not also "no `date`"."""
    keys = [k.value for k, _ in root.value] if root is not None else []
    return any(isinstance(k, str) and KEY_ALIASES.get(k.strip().casefold()) == key for k in keys)


def _check_checkin(checkin: CheckIn, context: CheckinContext) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    name = posixpath.basename(checkin.path)
    match = _FILE_DATE.search(name)
    if match:
        try:
            named = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            named = None
        if named is None:
            message = t("file-name-not-a-date", name=match[0], date=checkin.date)
        else:
            message = t("date-mismatch", name=match[0], date=checkin.date)
        if named != checkin.date:
            problems.append(
                Diagnostic.at(
                    checkin.spans["date"],
                    "date-mismatch",
                    message,
                    t("hint.date-mismatch", date=checkin.date),
                )
            )
    plan = context.plan
    if plan is None:
        return problems
    kinds = plan.id_kinds
    for worked in checkin.items:
        kind = kinds.get(worked.id)
        if kind is None:
            hint = did_you_mean(worked.id, [i for i, k in kinds.items() if k in ("item", "task")])
            if "，" in worked.id:
                hint = t("hint.full-width-comma", fixed=worked.id.replace("，", ", "))
            titled = [item.id for item in plan.items if worked.id.casefold() in item.title.casefold()]
            if not hint and titled:
                hint = t("hint.id-in-title", value=worked.id, ids=", ".join(f"`{i}`" for i in titled[:3]))
            problems.append(
                Diagnostic.at(
                    worked.span,
                    "unknown-id",
                    t("unknown-item", value=worked.id, plan=plan.path),
                    hint or t("hint.unknown-item"),
                )
            )
        elif kind in ("phase", "week"):
            problems.append(
                Diagnostic.at(
                    worked.span,
                    "unknown-id",
                    t(f"item-is-{kind}", value=worked.id),
                    t(f"hint.item-is-{kind}"),
                )
            )
    if checkin.date < plan.start:
        problems.append(
            Diagnostic.at(
                checkin.spans["date"],
                "before-plan-start",
                t("before-plan-start", date=checkin.date, start=plan.start),
                t("hint.before-plan-start"),
                severity=Severity.WARNING,
            )
        )
    return problems


def _path_hint() -> str:
    return t("hint.unsafe-path")


def _printable(name: str) -> str:
    """A file name as text that can be printed: undecodable bytes (surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# The first line that says something (not blank, not a comment) of a file meant as a check-in.
_DATE_FIRST = re.compile(r"\A(?:\s*(?:#[^\n]*)?\n)*\s*(?:date|日期)\s*[:：]\s*['\"]?\d{4}-\d{1,2}-\d{1,2}")


def _meant_as_checkin(folder: str, name: str) -> str | None:
    """The name a file under checkins/ should have, when it was surely meant as a check-in but is not
    read for its name: `2026-11-29.yaml.txt` (Windows Notepad adds `.txt`), or a `.txt` file or one
    without an extension whose first line says `date: 2026-11-29`. None for anything else (notes kept
    beside the check-ins, hidden files, an editor's or a merge's leftovers such as `.yaml.orig`), and
    when a file of that name is there already: renaming would replace it."""
    lower = name.lower()
    if name.startswith("."):
        return None
    if lower.endswith((".yaml.txt", ".yml.txt")):
        renamed = name[: -len(".txt")]
    else:
        stem, extension = os.path.splitext(name)
        if extension.lower() not in ("", ".txt"):
            return None
        path = os.path.join(folder, name)
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):  # no link followed, no FIFO opened
                return None
            with open(path, "rb") as handle:
                head = handle.read(2048).decode("utf-8-sig", errors="replace")
        except OSError:
            return None
        if not _DATE_FIRST.match(head):
            return None
        renamed = f"{stem}.yaml"
    return None if os.path.lexists(os.path.join(folder, renamed)) else renamed


def checkin_paths(root: Path, problems: list[Diagnostic] | None = None) -> list[str]:
    """Every `*.yaml`/`*.yml` file under checkins/, as sorted root-relative POSIX paths.

    Folders that are symbolic links are followed while they stay inside the repository (and
    visited once); one that leads outside, and a file name that is not UTF-8, is reported in
    `problems` instead of silently vanishing.
    """
    found: list[str] = []
    report = problems if problems is not None else []
    seen: set[str] = set()
    real_root = os.path.realpath(root)
    for folder, dirs, names in os.walk(root / CHECKIN_DIR, followlinks=True):
        real = os.path.realpath(folder)
        rel = Path(folder).relative_to(root).as_posix()
        if real in seen or not (real == real_root or real.startswith(real_root + os.sep)):
            if real not in seen:
                report.append(
                    Diagnostic.at(
                        Span(_printable(rel)),
                        "unsafe-path",
                        t("unsafe-checkin-folder", path=_printable(rel)),
                        _path_hint(),
                    )
                )
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in names:
            if not name.lower().endswith((".yaml", ".yml")):
                renamed = _meant_as_checkin(folder, name)
                if renamed is not None:
                    where = _printable(f"{rel}/{name}")
                    report.append(
                        Diagnostic.at(
                            Span(where),
                            "checkin-not-read",
                            t("checkin-not-read"),
                            t("hint.checkin-not-read-txt", name=_printable(renamed))
                            if name.lower().endswith(".txt")
                            else t("hint.checkin-not-read", name=_printable(renamed)),
                            severity=Severity.WARNING,
                        )
                    )
                continue
            if not os.path.isfile(os.path.join(folder, name)):
                continue
            path = f"{rel}/{name}"
            try:
                path.encode("utf-8")
            except UnicodeEncodeError:
                report.append(
                    Diagnostic.at(
                        Span(_printable(path)),
                        "not-utf8",
                        t("file-name-not-utf8"),
                        t("hint.file-name-not-utf8"),
                    )
                )
                continue
            found.append(path)
    return sorted(found)


def read_source(root: Path, rel: str, limit: int) -> tuple[bytes | None, list[Diagnostic]]:
    """A plan or check-in's bytes, read only if it is a regular file inside the repository and at
    most `limit` bytes long (a huge file is never read whole); otherwise a located diagnostic."""
    try:
        outcome: tuple[bytes, int] | UnsafePath | OSError = safepath.read_bytes(root, rel, limit)
    except (UnsafePath, OSError) as exc:
        outcome = exc
    return _source(rel, limit, outcome)


def _source(
    rel: str, limit: int, outcome: tuple[bytes, int] | UnsafePath | OSError
) -> tuple[bytes | None, list[Diagnostic]]:
    if isinstance(outcome, UnsafePath):
        return None, [Diagnostic.at(Span(rel), "unsafe-path", str(outcome), _path_hint())]
    if isinstance(outcome, OSError):
        return None, [
            Diagnostic.at(
                Span(rel), "unsafe-path", t("file-unreadable", path=rel, error=outcome.strerror or ""), _path_hint()
            )
        ]
    data, size = outcome
    if size > limit or len(data) > limit:
        return None, [
            Diagnostic.at(
                Span(rel),
                "file-too-large",
                t("file-too-large", size=f"{max(size, len(data)):,}", limit=f"{limit:,}"),
                t("hint.file-too-large"),
            )
        ]
    return data, []


def iter_checkin_files(root: Path, problems: list[Diagnostic] | None = None) -> Iterable[tuple[str, bytes]]:
    """(path, bytes) of every check-in that may be read; the others are reported in `problems`."""
    report = problems if problems is not None else []
    for rel, outcome in safepath.read_each(root, checkin_paths(root, report), MAX_CHECKIN_BYTES):
        data, found = _source(rel, MAX_CHECKIN_BYTES, outcome)
        report.extend(found)
        if data is not None:
            yield rel, data
