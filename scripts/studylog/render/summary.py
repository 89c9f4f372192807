"""Short Markdown reports for GitHub: the job summary of a check run, the pull-request comment and
the reminder issue."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studylog.diagnostics import Diagnostic, format_text
from studylog.i18n import t
from studylog.model import Locale
from studylog.progress import Snapshot, snapshot_of
from studylog.render import markdown
from studylog.render.labels import LABELS, label_format
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
        return [t("summary.no-problems")]
    errors = sum(d.is_error for d in diagnostics)
    counts = t(
        "summary.counts", errors=t("cli.n-errors", n=errors), warnings=t("cli.n-warnings", n=len(diagnostics) - errors)
    )
    lines = [f"**{counts}**", "", t("summary.table-head"), "|---|---|---|---|"]
    for d in diagnostics[:limit]:
        message = d.message + (f" — {d.hint}" if d.hint else "")
        lines.append(f"| {markdown.code_cell(d.path)} | {d.line} | `{d.code}` | {markdown.cell(message)} |")
    if len(diagnostics) > limit:
        lines.append(f"| … | | | {t('summary.more', n=len(diagnostics) - limit)} |")
    return lines


def _excerpts(diagnostics: Sequence[Diagnostic], root: Path | None, limit: int) -> list[str]:
    """Each problem as the terminal shows it (the line, a caret, the hint), in one collapsed block."""
    if root is None or not diagnostics:
        return []
    text = format_text(diagnostics[:limit], root)
    fence = "~" * max(3, 1 + max((len(run) for run in re.findall(r"~+", text)), default=0))
    return [
        "",
        f"<details><summary>{t('summary.excerpts')}</summary>",
        "",
        f"{fence}text",
        text.rstrip("\n"),
        fence,
        "",
        "</details>",
    ]


def _progress(before: Snapshot | None, after: Snapshot) -> list[str]:
    lines = [t("summary.progress-head-change" if before else "summary.progress-head"), "|---|---|"]
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
        t("summary.streak-change", before=before.streak_current, n=after.streak_current)
        if before and before.streak_current != after.streak_current
        else t("summary.streak", n=after.streak_current)
    )
    lines.append(t("summary.overall", overall=overall))
    lines += ["", t("summary.streak-line", streak=streak, as_of=after.as_of)]
    return lines


def _clip(text: str, limit: int) -> str:
    if len(text.encode("utf-8")) <= limit:
        return text
    clipped = text.encode("utf-8")[: limit - 200].decode("utf-8", "ignore")
    return clipped.rsplit("\n", 1)[0] + "\n\n" + t("summary.clipped") + "\n"


def job_summary(diagnostics: Sequence[Diagnostic], snapshot: Snapshot | None, root: Path | None = None) -> str:
    lines = ["## studylog", "", *_problems(diagnostics, MAX_LISTED), *_excerpts(diagnostics, root, MAX_LISTED)]
    if snapshot is not None:
        lines += ["", f"### {t('summary.progress')}", "", *_progress(None, snapshot)]
    return _clip("\n".join(lines) + "\n", SUMMARY_LIMIT)


def pr_comment(diagnostics: Sequence[Diagnostic], before: Snapshot | None, after: Snapshot | None) -> str:
    lines = [f"### {t('summary.check')}", "", *_problems(diagnostics, 50)]
    if after is not None:
        lines += ["", f"#### {t('summary.pr-progress')}", "", *_progress(before, after)]
    # Everything below the marker may hold learner text: nobody is notified and no issue is linked.
    return _clip(COMMENT_MARKER + "\n" + markdown.no_mentions("\n".join(lines)) + "\n", COMMENT_LIMIT)


def validation_summary(result: LoadResult, today: dt.date | None, root: Path | None = None) -> str:
    """The job summary of `studylog validate --summary`: the problems with their source lines, and progress."""
    return job_summary(result.diagnostics, snapshot_of(result, today), root)


def reminder_issue(snapshot: Snapshot, locale: Locale) -> tuple[str, str]:
    """(title, body) of the reminder issue for a planned day without a check-in yet."""
    labels = LABELS[locale]
    planned = "\n".join(f"- {markdown.code(ident)} {markdown.text(title)}" for ident, title in snapshot.today_planned)
    body = (
        f"### {labels['reminder_planned']}\n\n{planned}\n\n"
        f"{label_format(labels, 'reminder_streak', n=snapshot.streak_current)}\n\n{labels['reminder_howto']}\n"
    )
    body += review_reminder(snapshot, labels)  # 避坑复习 due today, with solutions
    return labels["reminder_title"].format(date=snapshot.as_of), body


def reminder_closing_note(snapshot: Snapshot, locale: Locale) -> str:
    """The comment that closes the reminder: checked in, or nothing planned today."""
    if snapshot.today_checked_in:
        return LABELS[locale]["reminder_closed"].format(date=snapshot.as_of)
    return t("summary.nothing-planned", date=snapshot.as_of)
