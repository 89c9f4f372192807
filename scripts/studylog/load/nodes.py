"""Typed reading of composed YAML nodes, reporting each mistake at its line and column.

Every reader returns the value, or None after recording a diagnostic. The caller decides what
a missing value means; a reader never raises on user input.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, TypeVar

from studylog.diagnostics import Diagnostic, Severity, Span
from studylog.load.yamlsrc import BOOL, FLOAT, INT, NULL, STR, TIMESTAMP, span_of

if TYPE_CHECKING:
    import yaml
else:
    from studylog.load.yamlsrc import yaml

T = TypeVar("T")
D = TypeVar("D", dt.date, dt.datetime)
MIN_YEAR, MAX_YEAR = 1900, 2999

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_KIND_NAMES = {
    STR: "text",
    INT: "a whole number",
    FLOAT: "a number",
    BOOL: "true/false",
    NULL: "nothing (null)",
    TIMESTAMP: "a date",
}


def closest(word: str, choices: Collection[str], n: int = 3) -> list[str]:
    """The choices nearest to a misspelled word, best first (used for every "did you mean")."""
    folded = {c.casefold(): c for c in choices}
    exact_case = folded.get(word.casefold())
    if exact_case is not None and exact_case != word:
        return [exact_case]
    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)


def did_you_mean(word: str, choices: Collection[str]) -> str:
    matches = closest(word, choices)
    if not matches:
        return ""
    return "did you mean " + " or ".join(f"`{m}`" for m in matches) + "?"


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping (`key: value` lines)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _KIND_NAMES.get(node.tag, "a value")


class NodeReader:
    """Reads one file's nodes and collects its diagnostics."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    # -- reporting -------------------------------------------------------------------------
    def span(self, node: yaml.Node) -> Span:
        return span_of(self.path, node)

    def error(self, node: yaml.Node | Span, code: str, message: str, hint: str = "") -> None:
        span = node if isinstance(node, Span) else self.span(node)
        self.diagnostics.append(Diagnostic.at(span, code, message, hint))

    def warning(self, node: yaml.Node | Span, code: str, message: str, hint: str = "") -> None:
        span = node if isinstance(node, Span) else self.span(node)
        self.diagnostics.append(Diagnostic.at(span, code, message, hint, Severity.WARNING))

    def wrong_type(self, node: yaml.Node, what: str, expected: str, hint: str = "") -> None:
        self.error(node, "wrong-type", f"`{what}` should be {expected}, not {describe(node)}", hint)

    # -- structure -------------------------------------------------------------------------
    def mapping(
        self, node: yaml.Node, what: str, allowed: Collection[str]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """Keys to (key node, value node); duplicate and unknown keys are reported and skipped."""
        if not isinstance(node, yaml.MappingNode):
            self.wrong_type(node, what, "a mapping (`key: value` lines)")
            return None
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == NULL:
                self.error(key_node, "wrong-type", f"a key in `{what}` must be a word")
                continue
            key = key_node.value
            if key == "<<":
                self.error(key_node, "unknown-key", "merge keys (`<<`) are not supported", "write the keys out")
                continue
            if key in result:
                first = self.span(result[key][0])
                self.error(
                    key_node,
                    "duplicate-key",
                    f"`{key}` appears twice in `{what}` (first at line {first.line})",
                    "YAML keeps only the last one; merge the two into one",
                )
                continue
            if key not in allowed:
                hint = did_you_mean(key, allowed) or "known keys: " + ", ".join(sorted(allowed))
                self.error(key_node, "unknown-key", f"unknown key `{key}` in `{what}`", hint)
                continue
            result[key] = (key_node, value_node)
        return result

    def sequence(self, node: yaml.Node, what: str, *, allow_single: bool = False) -> list[yaml.Node] | None:
        """The entries of a list; with allow_single, one scalar counts as a list of one."""
        if isinstance(node, yaml.SequenceNode):
            return list(node.value)
        if allow_single and isinstance(node, yaml.ScalarNode) and node.tag != NULL:
            return [node]
        if is_null(node):
            return []
        self.wrong_type(node, what, "a list (lines starting with `- `)")
        return None

    def each(
        self, fields: dict[str, tuple[yaml.Node, yaml.Node]], key: str, what: str, read: Callable[[yaml.Node], T | None]
    ) -> tuple[T, ...]:
        """What `read` makes of each entry of an optional list (one value counts as a list of one)."""
        if key not in fields:
            return ()
        entries = self.sequence(fields[key][1], what, allow_single=True) or []
        return tuple(value for value in map(read, entries) if value is not None)

    # -- scalars ---------------------------------------------------------------------------
    def _printable(self, node: yaml.Node, what: str, value: str) -> str | None:
        # A `"\x14"` escape gets past YAML's own check on raw control characters; such a character
        # cannot be written into an SVG or an XML file at all, and no learner means one.
        bad = _UNPRINTABLE.search(value)
        if bad is None:
            return value
        self.error(
            node,
            "yaml-syntax",
            f"`{what}` holds the control character U+{ord(bad.group()):04X}, which is not allowed in text",
            "delete it (it often comes along when text is pasted from a terminal)",
        )
        return None

    def text(self, node: yaml.Node, what: str) -> str | None:
        """A string. Words YAML 1.1 turns into something else (`no`, `on`, `1:30`, dates) must be quoted."""
        if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
            self.wrong_type(
                node,
                what,
                "text",
                "a `: ` (colon and space) inside text starts a new key; put the whole text in quotes",
            )
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.wrong_type(node, what, "text")
            return None
        if node.tag == STR or node.style in ("'", '"', "|", ">"):
            return self._printable(node, what, str(node.value))
        trap = implicit_trap(node)
        if trap:
            self.error(
                node,
                "yaml-implicit-type",
                f"`{what}: {node.value}` is read by YAML as {trap}, not as text",
                f'put it in quotes: `{what}: "{node.value}"`',
            )
            return None
        if node.tag in (INT, FLOAT):  # a plain number as text loses nothing: keep what was typed
            return str(node.value)
        if node.tag == NULL:
            return ""
        self.wrong_type(node, what, "text")
        return None

    def number(self, node: yaml.Node, what: str, *, hint: str = "") -> float | None:
        if isinstance(node, yaml.ScalarNode) and is_plain(node) and node.tag in (INT, FLOAT):
            if ":" in node.value:
                self.error(
                    node,
                    "yaml-implicit-type",
                    f"`{what}: {node.value}` is read by YAML 1.1 as a base-60 number "
                    f"({sexagesimal(node.value):g}), which is surely not what you meant",
                    hint or "write a decimal number, e.g. 1.5",
                )
                return None
            try:
                value = float(node.value.replace("_", ""))
            except ValueError:  # .inf, .nan, 0x10, 0o7: valid YAML, never a sensible amount
                value = float("nan")
            if (
                value != value
                or value in (float("inf"), float("-inf"))
                or "x" in node.value
                or "o" in node.value.lower()
            ):
                self.wrong_type(node, what, "a plain decimal number", hint)
                return None
            return value
        if isinstance(node, yaml.ScalarNode) and node.tag == STR and _is_number(node.value):
            self.wrong_type(node, what, "a number", f"remove the quotes: `{what}: {node.value}`")
            return None
        self.wrong_type(node, what, "a number", hint)
        return None

    def date(self, node: yaml.Node, what: str) -> dt.date | None:
        value = self._date_text(node, what)
        if value is None:
            return None
        parsed = parse_date(value)
        if parsed is None:
            self.invalid_date(node, what, value)
        return self._in_range(node, what, value, parsed)

    def date_or_datetime(self, node: yaml.Node, what: str) -> dt.date | dt.datetime | None:
        value = self._date_text(node, what)
        if value is None:
            return None
        parsed = parse_date(value)
        if parsed is not None:
            return self._in_range(node, what, value, parsed)
        try:
            moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            self.invalid_date(node, what, value)
            return None
        return self._in_range(node, what, value, moment)

    def _in_range(self, node: yaml.Node, what: str, value: str, parsed: D | None) -> D | None:
        # Plans add weeks and days to dates and convert between timezones; near the calendar's ends
        # that arithmetic overflows, so such dates are refused here, where they can be located.
        if parsed is None or MIN_YEAR <= parsed.year <= MAX_YEAR:
            return parsed
        self.error(
            node,
            "invalid-date",
            f"`{what}: {value}` is outside the years studylog works with ({MIN_YEAR}–{MAX_YEAR})",
            "check the year",
        )
        return None

    def _date_text(self, node: yaml.Node, what: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in (STR, TIMESTAMP):
            return str(node.value).strip()
        self.wrong_type(node, what, "a date like 2026-01-05")
        return None

    def invalid_date(self, node: yaml.Node, what: str, value: str) -> None:
        hint = "write the date as YYYY-MM-DD, e.g. 2026-01-05"
        if "X" in value.upper() and _DATE.fullmatch(value.upper().replace("X", "1")):
            hint = "replace the `XX` placeholder with the real day"
        self.error(node, "invalid-date", f"`{what}: {value}` is not a valid date", hint)

    def choice(self, node: yaml.Node, what: str, parse: Callable[[str], T | None], choices: str) -> T | None:
        if not isinstance(node, yaml.ScalarNode) or is_null(node):
            self.wrong_type(node, what, f"one of {choices}")
            return None
        value = parse(str(node.value))
        if value is None:
            self.error(
                node,
                f"invalid-{what.rsplit('.', 1)[-1].replace('_', '-')}",
                f"`{what}: {node.value}` is not one of {choices}",
                f'quote it if YAML changed it: `{what}: "{node.value}"`' if node.tag == BOOL else "",
            )
        return value

    def identifier(self, node: yaml.Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not ID_PATTERN.fullmatch(value):
            self.error(
                node,
                "invalid-id",
                f"`{value}` is not a usable id",
                "ids are letters, digits, `-`, `_` and `.`, with no spaces, e.g. `w1d3` or `l01-tokenization`",
            )
            return None
        return value

    def strings(self, node: yaml.Node, what: str) -> tuple[str, ...] | None:
        entries = self.sequence(node, what, allow_single=True)
        if entries is None:
            return None
        values = [self.text(entry, what) for entry in entries]
        return tuple(v for v in values if v)


# What XML 1.0 cannot hold: C0 controls other than tab and line breaks, U+FFFE/U+FFFF, surrogates.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
ID_PATTERN = re.compile(r"[^\s/#?:,\[\]{}]{1,80}")


def is_plain(node: yaml.ScalarNode) -> bool:
    # The pure-Python composer marks plain scalars with style None, libyaml's with "".
    return not node.style


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL and is_plain(node)


def implicit_trap(node: yaml.ScalarNode) -> str:
    """What YAML 1.1 silently made of an unquoted scalar that a learner meant as text."""
    if not is_plain(node):
        return ""
    if node.tag == BOOL:
        return f"the boolean {'true' if node.value.lower() in ('yes', 'y', 'on', 'true') else 'false'}"
    if node.tag == TIMESTAMP:
        return "a date"
    if node.tag in (INT, FLOAT) and ":" in node.value:
        return f"the base-60 number {sexagesimal(node.value):g}"
    return ""


def sexagesimal(value: str) -> float:
    sign = -1 if value.startswith("-") else 1
    total = 0.0
    for part in value.lstrip("+-").replace("_", "").split(":"):
        try:
            total = total * 60 + float(part)
        except ValueError:
            return 0.0
    return sign * total


def parse_date(value: str) -> dt.date | None:
    match = _DATE.fullmatch(value)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True
