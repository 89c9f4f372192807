"""What a learner reads right after checking in (terminal or issue comment), in the plan's language.

The day's progress — streak (and the strict one when back-fills differ), the phase and overall
percent, what is next in the plan, problems due for review — or, when the check-in was refused,
its located problems. Learner text is escaped for Markdown; mentions cannot ping anyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from studylog.diagnostics import Diagnostic
from studylog.model import Locale, Repository, Status
from studylog.progress import Snapshot
from studylog.render import markdown

CHECKIN_MARKER = "<!-- studylog:checkin -->"

_WORDS = {
    Locale.ZH_CN: {
        "recorded": "✅ {day} 打卡已记录：`{path}`",
        "created": "新建",
        "updated": "已合并",
        "unchanged": "内容没有变化",
        "streak": "🔥 连续打卡 {n} 天",
        "strict": "（不含补卡 {n} 天）",
        "phase": "📍 {phase} {percent}% · 总进度 {overall}%",
        "next": "⏭ 下一项：`{id}` {title}（{date}）",
        "all_done": "🎉 计划中的学习项都完成了",
        "due": "🔁 今天该复习的问题：",
        "refused": "❌ 这次打卡没有保存：发现 {n} 个问题。修改 issue 后会自动重新检查。",
        "refused_one": "❌ 这次打卡没有保存：发现 {n} 个问题。修改 issue 后会自动重新检查。",
        "location": "第 {line} 行第 {col} 列",
        "backfill": "🕰 这是补卡：补卡计入进度，但不延长严格连续打卡。",
        "open": "（",
        "close": "）",
        "colon": "：",
        "separator": "；",
        "dash": " —— ",
    },
    Locale.EN: {
        "recorded": "✅ Check-in for {day} recorded: `{path}`",
        "created": "created",
        "updated": "merged",
        "unchanged": "nothing new",
        "streak": "🔥 streak {n} days",
        "strict": " (without back-fills: {n})",
        "phase": "📍 {phase} {percent}% · overall {overall}%",
        "next": "⏭ next: `{id}` {title} ({date})",
        "all_done": "🎉 every planned item is done",
        "due": "🔁 due for review today:",
        "refused": "❌ This check-in was not saved: {n} problems. Edit the issue and it is checked again.",
        "refused_one": "❌ This check-in was not saved: {n} problem. Edit the issue and it is checked again.",
        "location": "line {line}, column {col}",
        "backfill": "🕰 This is a back-fill: it counts toward progress, not toward the strict streak.",
        "open": " (",
        "close": ")",
        "colon": ": ",
        "separator": "; ",
        "dash": " — ",
    },
}


def _num(value: float) -> str:
    return f"{value:g}"


def next_item(repository: Repository, snapshot: Snapshot) -> tuple[str, str, dt.date] | None:
    """The first item planned after the as-of date that is not done yet, else the first one not done."""
    state = {i.id: i.state for i in snapshot.items}
    pending = [i for i in repository.plan.items if state.get(i.id) is not Status.DONE]
    later = [i for i in pending if i.start > snapshot.as_of]
    chosen = (later or pending)[:1]
    return (chosen[0].id, chosen[0].title, chosen[0].start) if chosen else None


def day_progress(
    repository: Repository,
    snapshot: Snapshot,
    path: str,
    changes: Sequence[str],
    created: bool,
    *,
    markdown_out: bool = True,
) -> str:
    """Lines for a check-in just written: Markdown for a comment, or plain text for a terminal."""
    words = _WORDS[repository.plan.locale]
    _safe = _markdown_safe if markdown_out else _plain
    what = words["created"] if created else (words["updated"] if changes else words["unchanged"])
    detail = words["separator"].join(changes[:8]) + (" …" if len(changes) > 8 else "")
    lines = [
        words["recorded"].format(day=snapshot.as_of, path=path) + words["open"] + what
        + (words["colon"] + _safe(detail) if detail else "") + words["close"]
    ]  # fmt: skip
    streak = words["streak"].format(n=snapshot.streak_current)
    if snapshot.streak_strict != snapshot.streak_current:
        streak += words["strict"].format(n=snapshot.streak_strict)
    lines.append(streak)
    row = next((r for r in reversed(snapshot.checkins) if r.path == path), None)
    titles = {p.id: p.title for p in repository.plan.phases}
    if row is not None and row.phase and row.phase_percent is not None:
        lines.append(
            words["phase"].format(
                phase=_safe(titles[row.phase]), percent=_num(row.phase_percent),
                overall=_num(snapshot.overall_percent),
            )
        )  # fmt: skip
    if row is not None and row.backfill:
        lines.append(words["backfill"])
    upcoming = next_item(repository, snapshot)
    if upcoming:
        ident, title, date = upcoming
        lines.append(words["next"].format(id=ident, title=_safe(title), date=date))
    else:
        lines.append(words["all_done"])
    due = snapshot.reviews_due
    if due:
        lines.append(words["due"])
        lines += [f"- `{r.id}` {_safe(r.problem)} → {_safe(r.solution)}" for r in due[:10]]
    if not markdown_out:
        return "\n".join(line.replace("`", "") for line in lines) + "\n"
    # two trailing spaces: a line break inside one Markdown paragraph
    body = "\n".join(line if line.startswith("- ") else f"{line}  " for line in lines[1:])
    return f"{lines[0]}\n\n{body}\n"


def refused(
    locale: Locale, diagnostics: Sequence[Diagnostic], message: str = "", where: Mapping[int, str] | None = None
) -> str:
    """The located problems of a refused check-in, for the issue comment; `where` names a line's form field."""
    words = _WORDS[locale]
    count = len(diagnostics) or len([line for line in message.splitlines() if line.strip()]) or 1
    lines = [words["refused_one" if count == 1 else "refused"].format(n=count), ""]
    if message and not diagnostics:
        lines += [f"- {_safe(line)}" for line in message.splitlines() if line.strip()]
    for d in diagnostics[:30]:
        place = (where or {}).get(d.line) or words["location"].format(line=d.line, col=d.column)
        hint = words["dash"] + _safe(d.hint) if d.hint else ""
        lines.append(f"- {place} · `{d.code}`{words['colon']}{_safe(d.message)}{hint}")
    return "\n".join(lines) + "\n"


def review_reminder(snapshot: Snapshot, labels: Mapping[str, str]) -> str:
    """The 避坑复习 part of the evening reminder issue: each problem due, with its solution."""
    due = snapshot.reviews_due
    if not due:
        return ""
    lines = [f"\n### {labels['reminder_reviews']}\n"]
    lines += [f"- `{r.id}` {_safe(r.problem)} → {_safe(r.solution)}" for r in due[:20]]
    return "\n".join(lines) + f"\n\n{labels['reminder_reviewed_howto']}\n"


def _markdown_safe(value: str) -> str:
    """Learner text for an issue or comment: Markdown-escaped, and no @mention pings anyone."""
    return markdown.text(value).replace("@", "@\u200b")


_safe = _markdown_safe


def _plain(value: str) -> str:
    """Learner text for a terminal: one line."""
    return " ".join(value.split())
