"""Short Markdown reports for GitHub: the job summary of a check run, the pull-request comment and
the reminder issue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from studylog.diagnostics import Diagnostic
from studylog.model import Locale
from studylog.progress import Snapshot, snapshot_of
from studylog.render import markdown
from studylog.render.labels import LABELS
from studylog.render.reply import review_reminder

if TYPE_CHECKING:
    from studylog.check.repository import LoadResult

COMMENT_MARKER = "<!-- studylog:pr-comment -->"
# GitHub refuses a step summary over 1 MiB and a comment over 65,536 characters: stay well below.
SUMMARY_LIMIT = 512 * 1024
COMMENT_LIMIT = 60_000
MAX_LISTED = 200


def _problems(diagnostics: Sequence[Diagnostic], limit: int) -> list[str]:
    if not diagnostics:
        return ["✅ No problems found."]
    errors = sum(d.is_error for d in diagnostics)
    lines = [
        f"**{errors} error(s), {len(diagnostics) - errors} warning(s)**",
        "",
        "| file | line | code | message |",
        "|---|---|---|---|",
    ]
    for d in diagnostics[:limit]:
        message = d.message + (f" — {d.hint}" if d.hint else "")
        lines.append(f"| `{d.path}` | {d.line} | `{d.code}` | {markdown.cell(message)} |")
    if len(diagnostics) > limit:
        lines.append(f"| … | | | {len(diagnostics) - limit} more, see the job log |")
    return lines


def _progress(before: Snapshot | None, after: Snapshot) -> list[str]:
    lines = ["| phase | " + ("before → after |" if before else "progress |"), "|---|---|"]
    old = {p.id: p.percent for p in before.phases} if before else {}
    for phase in after.phases:
        now = f"{phase.percent:g}%"
        cell = f"{old[phase.id]:g}% → **{now}**" if before and old.get(phase.id) != phase.percent else now
        lines.append(f"| {markdown.cell(phase.title)} | {cell} |")
    overall = (
        f"{before.overall_percent:g}% → **{after.overall_percent:g}%**"
        if before and before.overall_percent != after.overall_percent
        else f"{after.overall_percent:g}%"
    )
    streak = (
        f"{before.streak_current} → **{after.streak_current}** days"
        if before and before.streak_current != after.streak_current
        else f"{after.streak_current} days"
    )
    lines.append(f"| overall | {overall} |")
    lines += ["", f"🔥 streak: {streak} · as of {after.as_of}"]
    return lines


def _clip(text: str, limit: int) -> str:
    if len(text.encode("utf-8")) <= limit:
        return text
    clipped = text.encode("utf-8")[: limit - 200].decode("utf-8", "ignore")
    return clipped.rsplit("\n", 1)[0] + "\n\n… (cut to stay under GitHub's size limit; the job log has everything)\n"


def job_summary(diagnostics: Sequence[Diagnostic], snapshot: Snapshot | None) -> str:
    lines = ["## studylog", "", *_problems(diagnostics, MAX_LISTED)]
    if snapshot is not None:
        lines += ["", "### Progress", "", *_progress(None, snapshot)]
    return _clip("\n".join(lines) + "\n", SUMMARY_LIMIT)


def pr_comment(diagnostics: Sequence[Diagnostic], before: Snapshot | None, after: Snapshot | None) -> str:
    lines = [COMMENT_MARKER, "### studylog check", "", *_problems(diagnostics, 50)]
    if after is not None:
        lines += ["", "#### Progress this pull request brings", "", *_progress(before, after)]
    return _clip("\n".join(lines) + "\n", COMMENT_LIMIT)


def validation_summary(result: LoadResult, today: dt.date | None) -> str:
    """The job summary of `studylog validate --summary`: the problems, and progress when there are none."""
    return job_summary(result.diagnostics, snapshot_of(result, today))


def reminder_issue(snapshot: Snapshot, locale: Locale) -> tuple[str, str]:
    """(title, body) of the reminder issue for a planned day without a check-in yet."""
    labels = LABELS[locale]
    planned = "\n".join(f"- `{ident}` {title}" for ident, title in snapshot.today_planned)
    body = (
        f"### {labels['reminder_planned']}\n\n{planned}\n\n"
        f"{labels['reminder_streak'].format(n=snapshot.streak_current)}\n\n{labels['reminder_howto']}\n"
    )
    body += review_reminder(snapshot, labels)  # 避坑复习 due today, with solutions
    return labels["reminder_title"].format(date=snapshot.as_of), body


def reminder_closing_note(snapshot: Snapshot, locale: Locale) -> str:
    """The comment that closes the reminder: checked in, or nothing planned today."""
    if snapshot.today_checked_in:
        return LABELS[locale]["reminder_closed"].format(date=snapshot.as_of)
    return f"{snapshot.as_of}: nothing planned today."
