"""Typed reading of composed YAML nodes, reporting each mistake at its line and column.

Every reader returns the value, or None after recording a diagnostic. The caller decides what
a missing value means; a reader never raises on user input.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, TypeVar

from studylog.clock import MAX_YEAR, MIN_YEAR
from studylog.diagnostics import Diagnostic, Severity, Span
from studylog.i18n import t
from studylog.load.yamlsrc import BOOL, FLOAT, INT, NULL, STR, TIMESTAMP, span_of

if TYPE_CHECKING:
    import yaml
else:
    from studylog.load.yamlsrc import yaml

T = TypeVar("T")
D = TypeVar("D", dt.date, dt.datetime)

_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_KIND_NAMES = {
    STR: "kind.text",
    INT: "kind.int",
    FLOAT: "kind.float",
    BOOL: "kind.bool",
    NULL: "kind.null",
    TIMESTAMP: "kind.date",
}
# Keys a learner writes in Chinese → the key the format knows (English near-misses: `did_you_mean`).
KEY_ALIASES = {
    "问题": "problem",
    "遇到的问题": "problem",
    "解决": "solution",
    "解决方法": "solution",
    "解决方案": "solution",
    "日期": "date",
    "状态": "status",
    "完成状态": "status",
    "时长": "hours",
    "学习时长": "hours",
    "小时": "hours",
    "时间": "hours",
    "链接": "links",
    "代码": "links",
    "笔记": "notes",
    "备注": "notes",
    "任务": "task",
    "核心任务": "task",
    "收获": "insights",
    "心得": "insights",
    "下一步": "next",
    "明日计划": "next",
    "计划": "next",
    "资源": "resources",
    "资料": "resources",
    "完成": "done",
    "已完成": "done",
    "项目": "items",
    "学习项": "items",
    "标题": "title",
    "网址": "url",
    "地址": "url",
    "编号": "id",
}


def closest(word: str, choices: Collection[str], n: int = 3) -> list[str]:
    """The choices nearest to a misspelled word, best first (used for every "did you mean")."""
    folded = {c.casefold(): c for c in choices}
    exact_case = folded.get(word.casefold())
    if exact_case is not None and exact_case != word:
        return [exact_case]
    import difflib  # only a misspelling needs it

    return difflib.get_close_matches(word, list(choices), n=n, cutoff=0.6)


def did_you_mean(word: str, choices: Collection[str]) -> str:
    matches = closest(word, choices)
    if not matches:
        return ""
    return t("hint.did-you-mean", choices=t("word.or").join(f"`{m}`" for m in matches))


def key_hint(key: str, allowed: Collection[str]) -> str:
    """The fix for an unknown key: a Chinese or near-miss name → the key, else the closest keys."""
    if any(char in key for char in "：\u3000，“”"):
        fixed = key.replace("\u3000", "  ").replace("：", ": ").replace("，", ", ")
        return t("hint.full-width-key", fixed=fixed.strip())
    alias = KEY_ALIASES.get(key.strip().casefold())
    if alias in allowed:
        return t("hint.key-alias", key=key, alias=alias)
    if alias is not None and f"{alias}s" in allowed:  # `问题:` at the top is the list `problems:`
        return t("hint.key-alias-list", key=key, alias=f"{alias}s", entry=alias)
    return did_you_mean(key, allowed) or t("hint.known-keys", keys=", ".join(sorted(allowed)))


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return t("kind.mapping")
    if isinstance(node, yaml.SequenceNode):
        return t("kind.list")
    return t(_KIND_NAMES.get(node.tag, "kind.value"))


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
        self.error(node, "wrong-type", t("wrong-type", what=what, expected=expected, actual=describe(node)), hint)

    # -- structure -------------------------------------------------------------------------
    def mapping(
        self, node: yaml.Node, what: str, allowed: Collection[str]
    ) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
        """Keys to (key node, value node); duplicate and unknown keys are reported and skipped."""
        if not isinstance(node, yaml.MappingNode):
            self.wrong_type(node, what, t("kind.mapping"))
            return None
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == NULL:
                self.error(key_node, "wrong-type", t("key-not-word", what=what))
                continue
            key = key_node.value
            if key == "<<":
                self.error(key_node, "unknown-key", t("merge-key"), t("hint.merge-key"))
                continue
            if key in result:
                first = self.span(result[key][0])
                self.error(
                    key_node,
                    "duplicate-key",
                    t("duplicate-key", key=key, what=what, line=first.line),
                    t("hint.duplicate-key"),
                )
                continue
            if key not in allowed:
                if what in ("check-in", "plan"):  # a file's own keys: "in the check-in", not "in `check-in`"
                    file = t("word.the-checkin") if what == "check-in" else t("word.the-plan")
                    message = t("unknown-key-in", key=key, file=file)
                else:
                    message = t("unknown-key", key=key, what=what)
                self.error(key_node, "unknown-key", message, key_hint(key, allowed))
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
        self.wrong_type(node, what, t("kind.list-lines"))
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
            t("text-control-character", what=what, code=f"U+{ord(bad.group()):04X}"),
            t("hint.text-control-character"),
        )
        return None

    def text(self, node: yaml.Node, what: str) -> str | None:
        """A string. Words YAML 1.1 turns into something else (`no`, `on`, `1:30`, dates) must be quoted."""
        if isinstance(node, yaml.MappingNode) and len(node.value) == 1:
            self.wrong_type(node, what, t("kind.text"), t("hint.colon-in-text"))
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.wrong_type(node, what, t("kind.text"))
            return None
        if node.tag == STR or node.style in ("'", '"', "|", ">"):
            return self._printable(node, what, str(node.value))
        trap = implicit_trap(node)
        if trap:
            self.error(
                node,
                "yaml-implicit-type",
                t("implicit-type", what=what, value=node.value, trap=trap),
                t("hint.quote-it", what=what, value=node.value),
            )
            return None
        if node.tag in (INT, FLOAT):  # a plain number as text loses nothing: keep what was typed
            return str(node.value)
        if node.tag == NULL:
            return ""
        self.wrong_type(node, what, t("kind.text"))
        return None

    def number(self, node: yaml.Node, what: str, *, hint: str = "") -> float | None:
        if isinstance(node, yaml.ScalarNode) and is_plain(node) and node.tag in (INT, FLOAT):
            if ":" in node.value:
                self.error(
                    node,
                    "yaml-implicit-type",
                    t("sexagesimal", what=what, value=node.value, number=f"{sexagesimal(node.value):g}"),
                    hint or t("hint.decimal"),
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
                self.error(node, "wrong-type", t("not-a-plain-number", what=what, value=node.value), hint)
                return None
            return value
        if isinstance(node, yaml.ScalarNode) and node.tag == STR:
            typed = unicodedata.normalize("NFKC", str(node.value)).strip()  # `１.５`, `１．５`: full-width
            if typed != node.value and _is_number(typed) and typed.isascii():
                self.wrong_type(node, what, t("kind.float"), t("hint.ascii-number", what=what, value=typed))
                return None
            if node.style in ("'", '"') and _is_number(node.value):
                self.wrong_type(node, what, t("kind.float"), t("hint.unquote", what=what, value=node.value))
                return None
        amount = hours_in(str(node.value)) if isinstance(node, yaml.ScalarNode) else None
        if amount is not None:
            self.wrong_type(node, what, t("kind.float"), t("hint.hours-unit", what=what, value=f"{amount:g}"))
            return None
        self.wrong_type(node, what, t("kind.float"), hint)
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
            t("date-out-of-range", what=what, value=value, first=MIN_YEAR, last=MAX_YEAR),
            t("hint.date-out-of-range"),
        )
        return None

    def _date_text(self, node: yaml.Node, what: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in (STR, TIMESTAMP):
            return str(node.value).strip()
        self.wrong_type(node, what, t("kind.date-example"))
        return None

    def invalid_date(self, node: yaml.Node, what: str, value: str) -> None:
        hint = t("hint.date-format")
        if "X" in value.upper() and _DATE.fullmatch(value.upper().replace("X", "1")):
            hint = t("hint.date-placeholder")
        else:
            written = other_date(value)
            if written is not None:
                hint = t("hint.date-rewrite", what=what, date=written.isoformat())
            elif (match := _DATE.fullmatch(value)) is not None:
                hint = t("hint.date-no-such-day", year=match[1], month=int(match[2]), day=int(match[3]))
        self.error(node, "invalid-date", t("invalid-date", what=what, value=value), hint)

    def choice(
        self, node: yaml.Node, what: str, parse: Callable[[str], T | None], choices: str, code: str | None = None
    ) -> T | None:
        """One of `choices`, as `parse` reads it; else an `invalid-<what>` problem (or `code`)."""
        if not isinstance(node, yaml.ScalarNode) or is_null(node):
            self.wrong_type(node, what, t("one-of", choices=choices))
            return None
        value = parse(str(node.value))
        if value is None:
            self.error(
                node,
                code or f"invalid-{what.rsplit('.', 1)[-1].replace('_', '-')}",
                t("not-one-of", what=what, value=node.value, choices=choices),
                choice_hint(what, node.value),  # quoting would not help: the text was read, and is not a choice
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
                t("invalid-id", value=value),
                t("hint.full-width-comma", fixed=value.replace("，", ", ")) if "，" in value else t("hint.invalid-id"),
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
        return t("trap.bool", value="true" if node.value.lower() in ("yes", "y", "on", "true") else "false")
    if node.tag == TIMESTAMP:
        return t("kind.date")
    if node.tag in (INT, FLOAT) and ":" in node.value:
        return t("trap.base60", number=f"{sexagesimal(node.value):g}")
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


# `2h`, `1h30m`, `2小时`, `90min`, `1.5 小时`, `半小时`: an amount of time written with its unit.
_DURATION = re.compile(
    r"\s*(?:(?P<h>\d+(?:\.\d+)?)\s*(?:h|hr|hrs|hour|hours|小时|个小时|钟头|个钟头|时)\s*)?"
    r"(?:(?P<half>半)\s*)?"
    r"(?:(?P<m>\d+(?:\.\d+)?)\s*(?:m|min|mins|minute|minutes|分钟|分)\s*)?",
    re.IGNORECASE,
)


def hours_in(value: str) -> float | None:
    """The number of hours a text with units means (`1h30m` → 1.5, `90min` → 1.5), or None."""
    text = value.strip()
    if text in ("半小时", "半个小时"):
        return 0.5
    match = _DURATION.fullmatch(text)
    if not match or not (match["h"] or match["m"]):
        return None
    hours = float(match["h"] or 0) + (0.5 if match["half"] else 0) + float(match["m"] or 0) / 60
    return round(hours, 2)


_OTHER_DATE = re.compile(r"(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*日?")


def other_date(value: str) -> dt.date | None:
    """A date in a form learners write (`2026/11/16`, `2026.11.16`, `2026年11月16日`), or None."""
    match = _OTHER_DATE.fullmatch(value.strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


_STATUS_WORDS = {
    "done": (
        "完成了",
        "已完成",
        "做完了",
        "搞定",
        "搞定了",
        "已打卡",
        "打卡",
        "finished",
        "complete",
        "completed",
        "ok",
        "yes",
        "true",
    ),
    "in-progress": ("进行中", "还在做", "未完", "doing", "wip", "ongoing", "in progress", "inprogress", "partial"),
    "not-done": (
        "没做",
        "没完成",
        "未做",
        "没有完成",
        "skipped",
        "skip",
        "todo",
        "not done",
        "notdone",
        "undone",
        "no",
        "false",
    ),
}


# What a learner writes for a day with no study: a status here is told where rest days go; a tracker's
# row of it is imported as a rest day.
REST_WORDS = frozenset(
    {"休息", "休息日", "休息一天", "放假", "休", "rest", "rest day", "day off", "rest-day", "off day"}
)


def choice_hint(what: str, value: object) -> str:
    """For a status written in the learner's own words, the status it means."""
    if not what.endswith("status"):
        return ""
    word = str(value).strip().casefold()
    if word in REST_WORDS:
        return t("hint.status-rest", what=what)
    for status, words in _STATUS_WORDS.items():
        if word in words:
            return t("hint.status-word", what=what, status=status)
    return ""
