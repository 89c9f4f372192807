"""#100DaysOfCode logs, the most common learn-in-public format:

    ### Day 12: November 10, 2018
    **Today's Progress**: Fixed the canvas bug.
    **Thoughts:** CSS is getting easier.
    **Link to work:** [Calculator App](https://example.com)

Spelling varies from entry to entry (`Today’s progress:`, `**Thoughts**:`, `Link(s) to work`,
`R1D12`, a date after a dash, no date at all); every entry becomes a day of the plan and, when it
has a date, that day's check-in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from studylog.errors import ImportRefused
from studylog.i18n import t
from studylog.model import Status
from studylog.start.importers.assemble import PlanBuilder
from studylog.start.importers.common import (
    ONE_DAY,
    DateFound,
    Detection,
    Imported,
    Note,
    Options,
    document_title,
    find_date,
    leftovers,
    links_in,
    one_line,
)

name = "100-days-of-code"
example = "### Day 12: November 10, 2018  ➜  **Today's Progress**: … **Thoughts:** … **Link to work:** [app](https://…)"

_DAY_HEADING = re.compile(
    r"^#{1,6}\s*(?:\*\*)?\s*(?:(?:R(\d+)\s*D(\d+))|(?:Day|第)\s*(\d+)\s*天?)\b\s*(?:\*\*)?\s*[:：\-–—,.]?\s*(.*)$", re.I
)
# `**Today's Progress**:`, `**Today’s progress:**`, `Today's Progress -`, `**Thoughts**`, `**Link(s) to work:**`
_FIELD = re.compile(
    r"^\s*(?:[-*]\s+)?(?:\*\*|__)?\s*([A-Za-z’' ()]+?)\s*(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：]?|[:：])\s*(.*)$"
)
_KNOWN = {
    "today's progress": "progress",
    "todays progress": "progress",
    "progress": "progress",
    "today's progress and accomplishments": "progress",
    "thoughts": "thoughts",
    "thought": "thoughts",
    "reflection": "thoughts",
    "reflections": "thoughts",
    "link to work": "links",
    "links to work": "links",
    "link(s) to work": "links",
    "link": "links",
    "links": "links",
    "work": "links",
}
CHALLENGE_DAYS = 100
_ROUND_START = re.compile(r"^#{1,6}\s*(?:Round|R)\s*(\d+)\b", re.I)


@dataclass
class _Entry:
    line: int
    round: int
    day: int
    heading: str
    date: DateFound | None
    fields: dict[str, list[str]] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)
    other: list[tuple[int, str, str]] = field(default_factory=list)  # (line, label, text)
    loose: list[str] = field(default_factory=list)


def detect(text: str) -> Detection:
    headings = [m for line in text.splitlines() if (m := _DAY_HEADING.match(line.strip()))]
    progress = len(re.findall(r"today[’']?s\s+progress", text, re.I))
    if headings and progress:
        return Detection(0.95, t("import.days.found", headings=len(headings), fields=progress))
    if headings:
        return Detection(0.45, t("import.days.headings-only", n=len(headings)))
    if progress:
        return Detection(0.4, t("import.days.progress-only", n=progress))
    return Detection(0.0, t("import.days.none"))


def _label(raw: str) -> str:
    return " ".join(raw.replace("’", "'").lower().split())


def _entries(text: str, builder: PlanBuilder) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    key: str | None = None
    round_no = 1
    in_comment = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if "<!--" in line and "-->" not in line:
            in_comment = True
        if in_comment:
            in_comment = "-->" not in line
            continue
        if (round_match := _ROUND_START.match(line)) and not _DAY_HEADING.match(line):
            round_no = int(round_match.group(1))
            continue
        if match := _DAY_HEADING.match(line):
            day = int(match.group(2) or match.group(3))
            entry_round = int(match.group(1)) if match.group(1) else round_no
            found = find_date(match.group(4))  # `June 27` without a year: `read` places it after the entry above
            current = _Entry(number, entry_round, day, one_line(match.group(4)), found)
            entries.append(current)
            key = None
            continue
        if current is None or not line or line.startswith("#") or set(line) <= {"-", "*", "_"}:
            if line.startswith("#") and current is not None:
                current.other.append((number, "heading", line.lstrip("#").strip()))
            continue
        field_match = _FIELD.match(line)
        label = _label(field_match.group(1)) if field_match else ""
        if field_match and (label in _KNOWN or (line.startswith(("**", "__")) and len(label) <= 40)):
            key = _KNOWN.get(label)
            value = field_match.group(2).strip()
            if key is None:
                current.other.append((number, field_match.group(1).strip(), value))
                builder.notes.append(Note(number, t("import.no-field", label=field_match.group(1).strip())))
                key = "other"
                continue
            current.field_lines.setdefault(key, number)
            if value:
                current.fields.setdefault(key, []).append(value)
            continue
        if key == "other" and current.other:
            current.other.append((number, "", line))
        elif key:
            current.fields.setdefault(key, []).append(re.sub(r"^(?:[-*+]|\d+[.)])\s+", "", line))
        else:
            current.loose.append(line)
    return entries


def read(text: str, options: Options, today: dt.date) -> Imported:
    lines = text.splitlines()
    doc_title = document_title(lines, "#100DaysOfCode")
    builder = PlanBuilder(name, doc_title)
    entries = _entries(text, builder)
    usable: list[tuple[_Entry, dt.date | None]] = []
    seen: dict[tuple[int, int], int] = {}
    for entry in entries:
        if (entry.round, entry.day) in seen:
            builder.notes.append(
                Note(entry.line, t("import.days.again", day=entry.day, line=seen[(entry.round, entry.day)]))
            )
        seen.setdefault((entry.round, entry.day), entry.line)
        if entry.date is not None and entry.date.date is None and entry.date.month_day is None:
            builder.notes.append(Note(entry.line, t("import.days.no-such-day", text=entry.date.text)))
            continue
        if entry.day == 0 and "example" in entry.heading.lower():
            builder.notes.append(Note(entry.line, t("import.days.example")))
            continue
        usable.append((entry, entry.date.date if entry.date else None))
    if not usable:
        return Imported(name, {}, {}, sorted(builder.notes), 0)
    dated = [(e, d) for e, d in usable if d is not None]
    start = options.start
    if start is None and dated:
        first, first_date = dated[0]
        start = first_date - (first.day - 1) * ONE_DAY if first.day >= 1 else first_date
    yearless = [e for e, d in usable if d is None and e.date is not None and e.date.month_day is not None]
    if start is None and yearless:
        raise ImportRefused(t("import.days.no-year-start", text=yearless[0].date.text if yearless[0].date else ""))
    if start is None:
        raise ImportRefused(t("import.days.no-start"))
    previous: dt.date | None = None
    placed: list[dt.date] = []  # where the month-and-day-only dates went
    last = (1, 0)
    rounds: dict[int, dict[str, Any]] = {}
    weeks: dict[tuple[int, int], dict[str, Any]] = {}
    for entry, when in usable:
        if when is None and entry.date is not None and entry.date.month_day is not None:
            # No year written (the template's own `Day 1: June 27, Monday`): the first such day after
            # the entry above; the first entry's, the one nearest the start (within half a year).
            when = entry.date.following(previous + ONE_DAY) if previous else entry.date.nearest(start)
            placed += [when] if when else []
        date: dt.date = when or start + (max(entry.day, 1) - 1) * ONE_DAY
        if previous is not None and date <= previous:
            builder.notes.append(
                Note(entry.line, t("import.days.not-after", day=entry.day, date=date, previous=previous))
            )
            continue
        if entry.round not in rounds:
            rounds[entry.round] = builder.phase(
                f"Round {entry.round}" if len(set(e.round for e, _ in usable)) > 1 else "100 Days of Code"
            )
        week_no = (max(entry.day, 1) - 1) // 7 + 1
        week = weeks.get((entry.round, week_no))
        if week is None:
            week = builder.week(
                f"r{entry.round}w{week_no}" if entry.round > 1 else f"w{week_no}", f"Week {week_no}", date
            )
            weeks[(entry.round, week_no)] = week
        progress = " ".join(entry.fields.get("progress", []))
        item_title = f"Day {entry.day}"
        item = builder.item(
            week, f"r{entry.round}d{entry.day}" if entry.round > 1 else f"d{entry.day}", item_title, date=date
        )
        builder.rows += 1
        previous, last = date, (entry.round, entry.day)
        if when is None:
            builder.notes.append(Note(entry.line, t("import.days.undated", day=entry.day, date=date, n=entry.day - 1)))
        if date > today:
            builder.notes.append(Note(entry.line, t("import.days.future", day=entry.day, date=date)))
            continue
        fields: dict[str, Any] = {"task": " ".join(progress.split()) or entry.heading}
        thoughts = [one_line(t) for t in entry.fields.get("thoughts", []) if one_line(t)]
        if thoughts:
            fields["insights"] = thoughts
        links = [link for text_line in entry.fields.get("links", []) for link in links_in(text_line)]
        if links:
            fields["links"] = links
        leftover = [one_line(t) for t in entry.fields.get("links", []) if not links_in(t) and one_line(t)]
        notes = [*(f"{label}: {value}" if label else value for _, label, value in entry.other), *entry.loose, *leftover]
        if notes:
            fields["notes"] = "\n".join(n for n in notes if n)
        if not progress and not thoughts and not links:
            builder.notes.append(Note(entry.line, t("import.days.empty", day=entry.day)))
        builder.checkin(date, entry.line, Status.DONE, items=[item["id"]], **fields)
    if placed:
        first = next(e for e in yearless if e.date is not None)
        builder.notes.append(
            Note(
                first.line,
                t("import.days.no-year", n=len(placed), text=first.date.text if first.date else "", date=placed[0]),
            )
        )
    builder.notes += leftovers(lines, _used(text, entries))
    if previous is not None and last[1] < CHALLENGE_DAYS:
        _plan_the_rest(builder, weeks, last, previous)
    return builder.finish(start, locale="en", reason=detect(text).reason)


def _used(text: str, entries: list[_Entry]) -> set[int]:
    """Lines an entry holds (each keeps what it does not map in `notes`), the title, and HTML comments."""
    lines = text.splitlines()
    used = set(range(entries[0].line, len(lines) + 1)) if entries else set()
    used |= {n for n, line in enumerate(lines, 1) if line.startswith("# ")}
    for comment in re.finditer(r"<!--.*?-->", text, re.S):
        first = text.count("\n", 0, comment.start()) + 1
        used |= set(range(first, first + comment.group(0).count("\n") + 1))
    return used


def _plan_the_rest(
    builder: PlanBuilder, weeks: dict[tuple[int, int], dict[str, Any]], last: tuple[int, int], last_date: dt.date
) -> None:
    """The challenge is 100 days: the days not logged yet are planned one a day after the last entry."""
    round_no, last_day = last
    for day in range(last_day + 1, CHALLENGE_DAYS + 1):
        date = last_date + (day - last_day) * ONE_DAY
        week_no = (day - 1) // 7 + 1
        week = weeks.get((round_no, week_no))
        if week is None:
            week = builder.week(f"r{round_no}w{week_no}" if round_no > 1 else f"w{week_no}", f"Week {week_no}", date)
            weeks[(round_no, week_no)] = week
        builder.item(week, f"r{round_no}d{day}" if round_no > 1 else f"d{day}", f"Day {day}", date=date)
    builder.notes.append(
        Note(0, t("import.days.rest-planned", first=last_day + 1, last=CHALLENGE_DAYS, date=last_date + ONE_DAY))
    )
