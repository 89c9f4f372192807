"""The slips a learner typing Chinese makes in YAML, recognised where the parser only sees an error.

PyYAML reports where it got stuck, which is often a line after the slip and always in its own words
("mapping values are not allowed here"). Given the text and that raw diagnostic, `explain` looks for
the slip a learner most likely made — a full-width `：` from the input method, text with `: ` left
unquoted, a line indented off its siblings, a Markdown link in `links:` — and returns a diagnostic at
the slip with the exact rewrite. When nothing fits, the parser's diagnostic stands.
"""

from __future__ import annotations

import re

from studylog.diagnostics import Diagnostic, Span
from studylog.i18n import t

# Full-width characters an input method produces where YAML needs the ASCII one.
FULL_WIDTH = {"：": ":", "\u3000": " ", "，": ",", "“": '"', "”": '"', "‘": "'", "’": "'"}
_NAMES = {"：": "colon", "\u3000": "space", "，": "comma", "“": "quote", "”": "quote", "‘": "quote", "’": "quote"}

_KEY_FULL_COLON = re.compile(r"^(?P<lead>[ \t\u3000]*(?:-[ \u3000]+)?)(?P<key>[\w.\-\[\]]{1,40}?)[ \t]*：")
_KEY_FULL_SPACE = re.compile(r"^(?P<lead>[ \t\u3000]*(?:-[ \u3000]+)?)(?P<key>[\w.\-]{1,40}):\u3000")
_LEAD_FULL_SPACE = re.compile(r"^[ ]*\u3000")
_FLOW_COMMA = re.compile(r"^[ ]*(?:-[ ]+)?[\w.\-]+:[ ]*\[[^\]]*，")
_FULL_QUOTED = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?[\w.\-]+:[ ]+)(?P<open>[“‘])")
_KEY_VALUE = re.compile(r"^(?P<lead>[ ]*(?:-[ ]+)?)(?P<key>[\w.\-]+):[ ]+(?P<value>[^'\"\[{|>&*!#][^#]*?)[ ]*$")
_MARKDOWN_LINK = re.compile(r"^(?P<lead>[ ]*-[ ]+)\[(?P<title>[^\]]*)\]\((?P<url>[^)\s]*)\)[ ]*$")
_INDENT = re.compile(r"^(?P<spaces>[ ]*)(?P<dash>-[ ]+)?(?P<key>[^\s:#][^:#]*?):(?:[ ]|$)")


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def full_width(path: str, lines: list[str], upto: int) -> Diagnostic | None:
    """The full-width punctuation in YAML structure nearest above (or on) line `upto` (0-based)."""
    for index in range(min(upto, len(lines) - 1), -1, -1):
        found = _full_width_on(path, lines[index], index + 1)
        if found is not None:
            return found
    return None


def _full_width_on(path: str, line: str, number: int) -> Diagnostic | None:
    def at(column: int, char: str, fixed: str) -> Diagnostic:
        return Diagnostic.at(
            Span(path, number, column + 1),
            "full-width-punctuation",
            t(f"full-width-{_NAMES[char]}", char=char),
            t("hint.rewrite-line", line=fixed.strip()),
        )

    if match := _KEY_FULL_COLON.match(line):
        column = line.index("：", match.end("key"))
        rest = line[column + 1 :].lstrip(" \u3000")
        return at(column, "：", f"{match['lead']}{match['key']}: {rest}".replace("\u3000", " "))
    if match := _KEY_FULL_SPACE.match(line):
        column = match.end() - 1
        return at(column, "\u3000", line[:column] + " " + line[column + 1 :])
    if _LEAD_FULL_SPACE.match(line):
        column = line.index("\u3000")
        return at(column, "\u3000", line.replace("\u3000", "  ", 1))
    if _FLOW_COMMA.match(line):
        column = line.index("，")
        start = line.index("[")
        end = line.index("]", start) if "]" in line[start:] else len(line)
        return at(column, "，", line[:start] + line[start:end].replace("，", ", ") + line[end:])
    if match := _FULL_QUOTED.match(line):
        column = match.start("open")
        value = line[column:].strip()
        inner = value[1:-1] if value[-1:] in "”’" else value[1:]
        return at(column, match["open"], match["lead"] + _quote(inner))
    return None


def explain(path: str, text: str, raw: Diagnostic) -> Diagnostic:
    """The learner's slip behind a YAML syntax error `raw`, or `raw` when no known slip fits."""
    lines = text.split("\n")
    index = raw.line - 1
    if not 0 <= index < len(lines):
        return raw
    return (
        full_width(path, lines, index)
        or _markdown_link(path, lines, index)
        or _colon_in_text(path, lines, index, raw.column)
        or _indentation(path, lines, index)
        or raw
    )


def explain_root_text(path: str, text: str) -> Diagnostic | None:
    """A file YAML read as one long text, when a full-width `：` kept its lines from being keys."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        found = _full_width_on(path, line, index + 1)
        if found is not None:
            return found
    return None


def _markdown_link(path: str, lines: list[str], index: int) -> Diagnostic | None:
    match = _MARKDOWN_LINK.match(lines[index])
    if match is None:
        return None
    title = match["title"].strip()
    url = match["url"]
    rewrite = f"{match['lead']}{{url: {url}" + (f", title: {title}" if title else "") + "}"
    return Diagnostic.at(
        Span(path, index + 1, match.end("lead") + 1),
        "yaml-syntax",
        t("markdown-link"),
        t("hint.rewrite-line", line=rewrite.strip()),
    )


def _colon_in_text(path: str, lines: list[str], index: int, column: int) -> Diagnostic | None:
    match = _KEY_VALUE.match(lines[index])
    if match is None or ": " not in match["value"] + " ":
        return None
    inner = match["value"].find(": ")
    if inner < 0 or column - 1 < match.start("value"):
        return None
    return Diagnostic.at(
        Span(path, index + 1, match.start("value") + inner + 1),
        "yaml-syntax",
        t("colon-in-text", key=match["key"]),
        t("hint.rewrite-line", line=f"{match['lead']}{match['key']}: {_quote(match['value'])}".strip()),
    )


def _key_columns(line: str) -> tuple[int, ...]:
    """The columns where a key may start on `line`: its indentation, and after a `- `."""
    match = _INDENT.match(line)
    if match is None:
        return ()
    spaces = len(match["spaces"])
    return (spaces, spaces + len(match["dash"])) if match["dash"] else (spaces,)


def _indentation(path: str, lines: list[str], index: int) -> Diagnostic | None:
    """A key line whose indentation matches no line above it, compared with the nearest sibling."""
    for here in (index, index - 1):
        if here < 1 or not _key_columns(lines[here]):
            continue
        line = lines[here]
        own = len(line) - len(line.lstrip(" "))
        best: tuple[int, int, int] | None = None  # (distance, line index, column)
        for above in range(here - 1, -1, -1):
            columns = _key_columns(lines[above])
            if own in columns:
                break  # a line above starts at the same column: this line is not the one off
            for column in reversed(columns):  # on a tie, the key after `- ` is the sibling
                distance = abs(own - column)
                if 0 < distance <= 3 and (best is None or distance < best[0]):
                    best = (distance, above, column)
            if columns and min(columns) == 0:
                break
        else:
            above = -1
        if best is None:
            continue
        distance, sibling, column = best
        sibling_key = lines[sibling][column:].split(":", 1)[0]
        key = line.lstrip(" ").split(":", 1)[0]
        return Diagnostic.at(
            Span(path, here + 1, own + 1),
            "yaml-syntax",
            t(
                "indent-less" if own < column else "indent-more",
                n=distance,
                key=key,
                sibling=sibling_key,
                line=sibling + 1,
            ),
            t("hint.indent", column=column + 1, sibling=sibling_key),
        )
    return None
