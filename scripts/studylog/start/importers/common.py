"""What every import shape shares: the result type, dates in all their spellings, statuses,
Markdown table cells, links, and the builder that assembles a plan and its check-ins.

A shape module only has to find its rows; this module turns rows into plan items and
check-ins the same way for every shape, so a new shape is one module and its fixtures.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from studylog.clock import MAX_YEAR, MIN_YEAR
from studylog.i18n import t
from studylog.model import Status, parse_status

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, order=True)
class Note:
    """Something the import could not map, or a choice it made: with the source line (0: the file)."""

    line: int
    message: str

    def __str__(self) -> str:
        return t("import.at-line", line=self.line, message=self.message) if self.line else self.message


@dataclass(frozen=True)
class Options:
    start: dt.date | None = None  # --start: the plan's first day
    timezone: str | None = None


@dataclass(frozen=True)
class Detection:
    """How sure a shape is that the document is one of its own, and why (or why not)."""

    score: float  # 0: not this shape; 1: certainly this shape; in between: it came close
    reason: str


@dataclass
class Imported:
    shape: str
    plan: dict[str, Any]
    checkins: dict[dt.date, dict[str, Any]]
    notes: list[Note] = field(default_factory=list)
    rows: int = 0  # rows, entries or tasks read
    reason: str = ""  # why the shape was recognised

    @property
    def items(self) -> int:
        return sum(len(w["items"]) for p in self.plan.get("phases", []) for w in p["weeks"])


class Shape(Protocol):
    """One kind of hand-kept tracker: detect it, then read it into a plan and check-ins."""

    name: str  # stable, kebab-case; what a learner calls it is the catalog's `import.shape.<name>`
    example: str  # one line of the shape, as a learner writes it

    def detect(self, text: str) -> Detection: ...

    def read(self, text: str, options: Options, today: dt.date) -> Imported: ...


# ---------------------------------------------------------------------------------------------
# dates


@dataclass(frozen=True)
class MonthHint:
    """A placeholder date like `2026-02-XX`: the month is known, the day is not."""

    year: int
    month: int

    def holds(self, day: dt.date) -> bool:
        return (day.year, day.month) == (self.year, self.month)

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}-XX"


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_NUMERIC = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?!\d)")
_PLACEHOLDER = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*[Xx?？]{1,2}")
_MONTH_DAY_ZH = re.compile(r"(?<![\d年.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_ENGLISH_MDY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
_ENGLISH_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)


@dataclass(frozen=True)
class DateFound:
    date: dt.date | None  # None: spelled like a date but no such day (February 30), or no year
    text: str  # as written
    month_day: tuple[int, int] | None = None  # a month and day written without a year, none given

    def following(self, previous: dt.date) -> dt.date | None:
        """A month and day written without a year, after a row dated `previous`: the first such day
        from `previous` on when it is within two months (a year's turn), else the nearest such day
        (out of order, for the caller to report); None when no such day is within half a year
        (February 29 far from a leap year)."""
        days = self._around(previous)
        after = [d for d in days if 0 <= (d - previous).days <= 62]
        return after[0] if after else self.nearest(previous)

    def nearest(self, reference: dt.date) -> dt.date | None:
        """A month and day written without a year, in the year that puts it nearest `reference`, if
        that is within half a year."""
        days = sorted(self._around(reference), key=lambda d: abs((d - reference).days))
        return days[0] if days and abs((days[0] - reference).days) <= 183 else None

    def _around(self, reference: dt.date) -> list[dt.date]:
        """The month and day in the year of `reference` and the years either side, where they exist."""
        if self.month_day is None:
            return []
        month, day = self.month_day
        found = []
        for year in (reference.year - 1, reference.year, reference.year + 1):
            with contextlib.suppress(ValueError):  # no such day that year, or no such year
                found.append(dt.date(year, month, day))
        return found


def find_date(text: str, year: int | None = None, *, after: dt.date | None = None) -> DateFound | None:
    """The first date in `text`, in any spelling a tracker uses: 2026-01-05, 2025.12.1, 2025/12/1,
    2025年12月29日, 12月1日 (year from context), November 10, 2018, Nov 10th, 10 November 2018.

    A date written without a year takes it from `after` (the row above's date, or the start): the
    first such day from it on, so `1月1日` after `12月31日` is in the next year; one that would be most
    of a year later is the nearest such day instead (out of order, for the caller to report). Else
    from `year`; else it has none (`month_day`)."""
    candidates: list[tuple[int, str, int | None, int, int]] = []
    for match in _NUMERIC.finditer(text):
        candidates.append(
            (match.start(), match.group(0), int(match.group(1)), int(match.group(2)), int(match.group(3)))
        )
    for match in _MONTH_DAY_ZH.finditer(text):
        candidates.append((match.start(), match.group(0), None, int(match.group(1)), int(match.group(2))))
    for match in _ENGLISH_MDY.finditer(text):
        y = int(match.group(3)) if match.group(3) else None
        candidates.append((match.start(), match.group(0), y, MONTHS[match.group(1).lower()], int(match.group(2))))
    for match in _ENGLISH_DMY.finditer(text):
        candidates.append(
            (match.start(), match.group(0), int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
        )
    if not candidates:
        return None
    _, written, y, month, day = min(candidates, key=lambda c: c[0])
    if y is not None and not MIN_YEAR <= y <= MAX_YEAR:  # a slip (0226, 20266), and no day's arithmetic overflows
        return DateFound(None, written.strip())
    if y is None:
        yearless = DateFound(None, written.strip(), (month, day) if 1 <= month <= 12 and 1 <= day <= 31 else None)
        if after is not None:
            return DateFound(yearless.following(after), written.strip())
        if year is None:
            return yearless
        y = year
    try:
        return DateFound(dt.date(y, month, day), written.strip())
    except ValueError:
        return DateFound(None, written.strip())


def find_month_hint(text: str) -> MonthHint | None:
    match = _PLACEHOLDER.search(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return MonthHint(int(match.group(1)), int(match.group(2)))
    return None


# ---------------------------------------------------------------------------------------------
# statuses

# Tick marks and boxes trackers use beyond the words `parse_status` knows.
_BOXES = {"☐": Status.NOT_DONE, "□": Status.NOT_DONE, "[ ]": Status.NOT_DONE, "[x]": Status.DONE, "✓": Status.DONE}


def status_of(text: str) -> Status | None:
    """A cell's status: `✅`, `☑`, `☐`, `✅ 已完成`, `done`, `[x]` …; None when it says none we know."""
    plain = strip_markup(text).strip()
    if plain.casefold() in _BOXES:
        return _BOXES[plain.casefold()]
    found = parse_status(plain)
    if found is None and plain:
        # a symbol followed by a remark: "✅ 提前完成" — the symbol decides
        head = plain.split(maxsplit=1)[0]
        found = parse_status(head) if head != plain else None
        found = found or _BOXES.get(head)
    return found


# ---------------------------------------------------------------------------------------------
# Markdown


def split_row(line: str) -> list[str]:
    """The cells of a GFM table row; `\\|` is a pipe inside a cell."""
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in body:
        if escaped:
            current.append(char if char == "|" else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    cells.append("".join(current).strip() + ("\\" if escaped else ""))
    return cells


def is_separator(cells: list[str]) -> bool:
    return bool(cells) and all(re.fullmatch(r":?-{2,}:?", c.replace(" ", "")) for c in cells if c)


def strip_markup(text: str) -> str:
    """Cell text without bold/italic markers; HTML line breaks become newlines."""
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    return text.strip()


def column_names(table: Table, columns: dict[str, int]) -> str:
    """The headers of the columns found, in the table's order, for saying what was recognised."""
    return t("word.list-comma").join(table.header[i] for i in sorted(columns.values()))


def tracker_locale(text: str) -> str:
    """The plan's language for a tracker in `text`: Chinese when it has any Chinese in it, else English."""
    return "zh-CN" if _HAN.search(text) else "en"


def document_title(lines: list[str], default: str = "Imported plan") -> str:
    """The tracker's `# Title`, the plan's title."""
    return next((line[2:].strip() for line in lines if line.startswith("# ")), default)


def one_line(text: str) -> str:
    return " ".join(strip_markup(text).split())


@dataclass(frozen=True)
class TableRow:
    line: int
    cells: list[str]


@dataclass(frozen=True)
class Table:
    line: int  # of the header
    header: list[str]
    rows: list[TableRow]
    heading: str  # the nearest heading above it ("" for none)
    heading_line: int


def tables(text: str) -> Iterator[Table]:
    """Every GFM table (a header row followed by a separator row), with the heading above it."""
    lines = text.splitlines()
    heading, heading_line = "", 0
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("#"):
            heading, heading_line = line.lstrip("#").strip(), index + 1
        nxt = lines[index + 1] if index + 1 < len(lines) else ""
        if line.lstrip().startswith("|") and nxt.lstrip().startswith("|") and is_separator(split_row(nxt)):
            header = [one_line(c) for c in split_row(line)]
            rows = []
            index += 2
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                rows.append(TableRow(index + 1, split_row(lines[index])))
                index += 1
            yield Table(index - len(rows) - 1, header, rows, heading, heading_line)
            continue
        index += 1


def leftovers(lines: list[str], used: set[int]) -> list[Note]:
    """Text the import did not use, one note per section: nothing goes unmentioned."""
    notes: list[Note] = []
    heading, first, count, heading_used = "", 0, 0, True

    def flush() -> None:
        if count or not heading_used:
            if not heading:
                message = t("import.leftover-outside", n=count or 1)
            elif heading_used:
                message = t("import.leftover-under", n=count or 1, heading=heading)
            else:
                message = t("import.leftover-heading", n=count or 1, heading=heading)
            notes.append(Note(first, message))

    for number, line in enumerate(lines, 1):
        if line.startswith("#"):
            flush()
            heading, first, count, heading_used = line.strip(), number, 0, number in used
            continue
        if number in used or not line.strip() or set(line.strip()) <= set("-*_"):
            continue
        if count == 0 and (heading_used or not heading):
            first = number
        count += 1
    flush()
    return notes


def find_columns(header: list[str], names: dict[str, tuple[str, ...]]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = one_line(name).casefold()
        for column, spellings in names.items():
            if key in spellings and column not in found:
                found[column] = index
                break
    return found


_LINK = re.compile(
    r"\[([^\]]*)\]\(([^)\s]+)\)"
    r"|(https?://[^\s<>()，、]+|(?<![\w/])/?[\w.~%\-\u4e00-\u9fff]+(?:/[\w.~%\-\u4e00-\u9fff]+)*\.\w+(?:#[^\s,，、]+)?)"
)
_PLACEHOLDER_LINK = re.compile(r"^\[[^\]]*\]$")  # `[你的GitHub仓库链接]`: a blank to fill in


def links_in(text: str) -> list[dict[str, str] | str]:
    """Every link a cell or line cites, as written: `[title](target)`, a bare URL or a file path."""
    found: list[dict[str, str] | str] = []
    for match in _LINK.finditer(strip_markup(text).replace("`", " ")):
        if match.group(2):
            target, title = match.group(2), match.group(1).strip()
            found.append({"url": target, "title": title} if title and title != target else target)
        elif match.group(3):
            found.append(match.group(3).rstrip(".,;:"))
    return found


def link_target(link: dict[str, str] | str) -> str:
    return link["url"] if isinstance(link, dict) else link
