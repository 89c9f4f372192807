"""Diagnostics: one value type for every problem found in a learner's files, and its formatters.

Checks return diagnostics as values; they never print and never exit. Formatting happens
once, at the edge (the CLI), in one of three shapes: text for a terminal, GitHub workflow
commands for annotations, and JSON for other tools.
"""

from __future__ import annotations

import enum
import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from studylog.errors import UnsafePath as UnsafePathError
from studylog.i18n import t


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


# Every code a diagnostic may carry. Codes are stable: tools and learners' CI filters rely on them.
CODES = frozenset(
    {
        "yaml-syntax",
        "full-width-punctuation",
        "duplicate-key",
        "unknown-key",
        "missing-key",
        "wrong-type",
        "yaml-implicit-type",
        "invalid-date",
        "invalid-status",
        "invalid-locale",
        "invalid-kind",
        "hours-out-of-range",
        "date-mismatch",
        "duplicate-checkin",
        "future-date",
        "before-plan-start",
        "unknown-id",
        "invalid-id",
        "empty-checkin",
        "empty-file",
        "empty-list",
        "not-utf8",
        "file-too-large",
        "unsafe-path",
        "checkin-not-read",
        "yaml-too-complex",
        "duplicate-id",
        "out-of-order",
        "milestone-empty",
        "unknown-timezone",
        "invalid-day",
        "invalid-days",
        "invalid-weight",
        "invalid-rest-day",
        "conflicting-keys",
        "invalid-time",
        "status-not-chosen",
        "link-missing-file",
        "link-not-yet",
        "link-wrong-case",
        "link-untracked",
        "link-outside-repo",
        "link-bad-scheme",
        "link-missing-anchor",
        "link-bad-line",
        "link-bad-fragment",
        "link-dead",
        "link-unverified",
        "invalid-setting",
        "unknown-problem",
    }
)


class Span(NamedTuple):
    """Where a value came from: a path relative to the repository root, 1-based line and column.

    A named tuple rather than a dataclass: a year of check-ins makes tens of thousands of them.
    """

    path: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.column}"


class _DiagnosticValues(NamedTuple):
    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str = ""


class Diagnostic(_DiagnosticValues):
    """One problem: sorts by file, then line, then column, then code."""

    __slots__ = ()

    def __new__(
        cls, path: str, line: int, column: int, code: str, severity: Severity, message: str, hint: str = ""
    ) -> Diagnostic:
        if code not in CODES:  # a programming error, caught by the tests: register the code
            raise ValueError(f"unregistered diagnostic code {code!r}")
        return super().__new__(cls, path, line, column, code, severity, message, hint)

    @classmethod
    def at(
        cls,
        span: Span,
        code: str,
        message: str,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> Diagnostic:
        return cls(span.path, span.line, span.column, code, severity, message, hint)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        return str(Span(self.path, self.line, self.column))


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    # Severity is an Enum (not orderable); sort on its value instead.
    return sorted(
        set(diagnostics),
        key=lambda d: (d.path, d.line, d.column, d.code, d.severity.value, d.message, d.hint),
    )


# Control characters (line breaks above all) in learner text would let one diagnostic print a line
# of its own — in GitHub Actions a forged `::warning file=…::` command. Shown escaped instead.
_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]} | {
    0x0A: "\\n",
    0x0D: "\\r",
    0x09: "\\t",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
    0x85: "\\x85",
}


def one_line(value: str) -> str:
    """Text for one line of a terminal or log: every control character shown escaped."""
    return value.translate(_CONTROLS)


def display_width(text: str) -> int:
    """Terminal columns `text` takes: a CJK character (East Asian Wide or Fullwidth) takes two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _underline(line: str, column: int) -> str:
    """Spaces to `column`, then carets under the word (or the one punctuation mark) that starts there."""
    start = min(max(column - 1, 0), len(line))
    end = start + 1
    word = line[start:].split(" ", 1)[0]
    if start < len(line) and line[start] in "\"'" and len(line) > start + 1 and not line[start + 1].isspace():
        close = line.find(line[start], start + 1)  # a quoted value: all of it, quotes included
        end = close + 1 if close > start else len(line.rstrip())
    elif start < len(line) and (line[start] in "/." or "/" in word) and ": " not in line[start:]:
        # A path (a link): spaces and full-width punctuation are part of it, so the whole value up
        # to a comment, without its closing quote or bracket (`/code/第一天 代码/矩阵 特征值.py#L5`).
        value = line[start:].split(" #", 1)[0]
        if "[" in line[:start] or "{" in line[:start]:  # in a flow list, `,` ends a plain value (YAML says so)
            value = value.split(",", 1)[0]
        value = value.rstrip().rstrip("\"',]}").rstrip()
        end = start + max(len(value), 1)
    elif start < len(line) and (line[start].isalnum() or line[start] in "-_./#[(`~"):
        while end < len(line) and not line[end].isspace() and line[end] not in "：,，]}":
            if line[end] == ":" and line[end + 1 : end + 2] in ("", " "):  # `key: ` ends the key
                break
            end += 1
    marked = line[start:end] or " "
    return " " * display_width(line[:start]) + "^" * max(display_width(marked), 1)


# Terminal columns of a source line shown in an excerpt: a longer line (minified, pasted, or a
# hostile file's 30,000 `[`) is cut to this much around the column, with `...` where it was cut.
EXCERPT_COLUMNS = 100


def _clip(line: str, column: int) -> tuple[str, int]:
    """`line` cut to EXCERPT_COLUMNS (the `...` included) around `column`, a third of the room before
    it, and the column in what is left."""
    if display_width(line) <= EXCERPT_COLUMNS:
        return line, column
    room = EXCERPT_COLUMNS - 2 * len("...")
    at = min(max(column - 1, 0), len(line))
    start, end, width = at, at, 0
    while start > 0 and width + display_width(line[start - 1]) <= room // 3:
        start -= 1
        width += display_width(line[start])
    while end < len(line) and width + display_width(line[end]) <= room:
        width += display_width(line[end])
        end += 1
    head = "..." if start > 0 else ""
    tail = "..." if end < len(line) else ""
    return head + line[start:end] + tail, column - start + len(head)


def excerpt(line: str, number: int, column: int) -> list[str]:
    """`  3 | the line` and a caret line under its column, rustc-style (a long line cut around it)."""
    shown, column = _clip(line.replace("\t", " "), column)  # a tab is one column here, so the caret stays under it
    gutter = " " * len(str(number))
    return [f" {gutter} |", f" {number} | {shown}", f" {gutter} | {_underline(shown, column)}"]


# A source line is shown only from a file small enough to have been read (the loaders' limits).
MAX_EXCERPT_BYTES = 8 * 1024 * 1024


class _Sources:
    """The lines of each file a diagnostic points at, read once, only for excerpts."""

    def __init__(self, root: Path | None, texts: Mapping[str, str] | None = None) -> None:
        self.root = root
        self._lines: dict[str, list[str] | None] = {
            p: text.replace("\r\n", "\n").split("\n") for p, text in (texts or {}).items()
        }

    def line(self, path: str, number: int) -> str | None:
        if number <= 0 or (self.root is None and path not in self._lines):
            return None
        if path not in self._lines and self.root is not None:
            try:
                from studylog import safepath  # the excerpt never follows a link out of the repository

                data, size = safepath.read_bytes(self.root, path, limit=MAX_EXCERPT_BYTES)
                if size > MAX_EXCERPT_BYTES:
                    raise ValueError(path)
                text = data.decode("utf-8-sig")
                self._lines[path] = text.replace("\r\n", "\n").split("\n")
            except (OSError, UnicodeDecodeError, ValueError, UnsafePathError):
                self._lines[path] = None
        lines = self._lines[path]
        return lines[number - 1] if lines is not None and number <= len(lines) else None


def format_text(
    diagnostics: Sequence[Diagnostic], root: Path | None = None, texts: Mapping[str, str] | None = None
) -> str:
    """`path:line:col: error[code]: message`, the source line with a caret (when `root` is given), the hint.
    `texts`: files' text as the diagnostics saw it when it is not what is on disk (a refused check-in)."""
    sources = _Sources(root, texts)
    lines: list[str] = []
    for d in diagnostics:
        severity = t(f"severity.{d.severity.value}")
        lines.append(f"{one_line(d.location())}: {severity}[{d.code}]: {one_line(d.message)}")
        source = sources.line(d.path, d.line)
        source = None if source is None else one_line(source.replace("\t", " "))
        if source is not None:
            lines += excerpt(source, d.line, d.column)
        if d.hint:
            lines.append(t("hint.line", hint=one_line(d.hint)))
        if source is not None:
            lines.append("")
    return "\n".join(lines) + ("\n" if lines else "")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic], root: Path | None = None) -> str:
    """GitHub workflow commands (`::error file=…,line=…::message`), escaped as the runner expects."""
    lines: list[str] = []
    for d in diagnostics:
        props = [f"file={_escape_property(d.path)}"]
        if d.line > 0:
            props.append(f"line={d.line}")
            props.append(f"col={max(d.column, 1)}")
        props.append(f"title={_escape_property(f'studylog {d.code}')}")
        message = d.message + (f"\n{t('hint')}: {d.hint}" if d.hint else "")
        lines.append(f"::{d.severity.value} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_json_value(d: Diagnostic) -> dict[str, object]:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
    }


def format_json(diagnostics: Sequence[Diagnostic], root: Path | None = None) -> str:
    payload = {
        "errors": sum(d.is_error for d in diagnostics),
        "warnings": sum(not d.is_error for d in diagnostics),
        "diagnostics": [to_json_value(d) for d in diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[Sequence[Diagnostic], Path | None], str]] = {
    "text": format_text,
    "github": format_github,
    "json": format_json,
}
