"""Diagnostics: one value type for every problem found in a learner's files, and its formatters.

Checks return diagnostics as values; they never print and never exit. Formatting happens
once, at the edge (the CLI), in one of three shapes: text for a terminal, GitHub workflow
commands for annotations, and JSON for other tools.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


# Every code a diagnostic may carry. Codes are stable: tools and learners' CI filters rely on them.
CODES = frozenset(
    {
        "yaml-syntax",
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


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: sorts by file, then line, then column, then code."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a programming error, caught by the tests: register the code
            raise ValueError(f"unregistered diagnostic code {self.code!r}")

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


def format_text(diagnostics: Sequence[Diagnostic]) -> str:
    lines: list[str] = []
    for d in diagnostics:
        lines.append(f"{d.location()}: {d.severity.value}[{d.code}]: {d.message}")
        if d.hint:
            lines.append(f"  hint: {d.hint}")
    return "\n".join(lines) + ("\n" if lines else "")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic]) -> str:
    """GitHub workflow commands (`::error file=…,line=…::message`), escaped as the runner expects."""
    lines: list[str] = []
    for d in diagnostics:
        props = [f"file={_escape_property(d.path)}"]
        if d.line > 0:
            props.append(f"line={d.line}")
            props.append(f"col={max(d.column, 1)}")
        props.append(f"title={_escape_property(f'studylog {d.code}')}")
        message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
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


def format_json(diagnostics: Sequence[Diagnostic]) -> str:
    payload = {
        "errors": sum(d.is_error for d in diagnostics),
        "warnings": sum(not d.is_error for d in diagnostics),
        "diagnostics": [to_json_value(d) for d in diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": format_text, "github": format_github, "json": format_json}
