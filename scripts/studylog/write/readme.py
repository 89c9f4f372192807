"""The generated section of README.md: found between two marker lines, replaced, nothing else touched."""

from __future__ import annotations

import re

from studylog.errors import MarkerError
from studylog.i18n import t

START = "<!-- studylog:start -->"
END = "<!-- studylog:end -->"

# A marker counts only alone on its line and indented less than a code block (4 spaces), so
# writing about the markers in a README is safe.
_MARKER = re.compile(rf"^ {{0,3}}({re.escape(START)}|{re.escape(END)})[ \t]*\r?$", re.MULTILINE)


def _how_to() -> str:
    return t("readme-how-to", start=START, end=END)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def find_section(text: str) -> tuple[int, int]:
    """The span strictly between the end of the start marker line and the start of the end marker."""
    found = [(m.group(1), m) for m in _MARKER.finditer(text)]
    starts = [m for kind, m in found if kind == START]
    ends = [m for kind, m in found if kind == END]
    if not starts and not ends:
        raise MarkerError(t("readme-no-markers", how_to=_how_to()))
    for name, matches in ((START, starts), (END, ends)):
        if len(matches) > 1:
            lines = ", ".join(str(_line(text, m.start())) for m in matches)
            raise MarkerError(t("readme-marker-repeated", marker=name, lines=lines))
        if not matches:
            other = (starts or ends)[0]
            raise MarkerError(t("readme-one-marker", line=_line(text, other.start()), marker=name, how_to=_how_to()))
    start, end = starts[0], ends[0]
    if end.start() < start.start():
        raise MarkerError(
            t(
                "readme-marker-order",
                end=END,
                end_line=_line(text, end.start()),
                start=START,
                start_line=_line(text, start.start()),
            )
        )
    # The end marker comes later, so the start marker's line ends in a newline.
    return text.index("\n", start.end()) + 1, end.start()


def splice(text: str, section: str) -> str:
    """`text` with the generated section replaced by `section`; every other byte is kept."""
    begin, finish = find_section(text)
    newline = "\r\n" if text[:begin].endswith("\r\n") else "\n"
    body = section if section.endswith("\n") else section + "\n"
    if newline == "\r\n":
        body = body.replace("\n", "\r\n")
    return text[:begin] + body + text[finish:]


def new_readme(title: str, section: str) -> str:
    return f"# {title}\n\n{START}\n{section.rstrip(chr(10))}\n{END}\n"


def current_section(text: str) -> str:
    begin, finish = find_section(text)
    return text[begin:finish]
