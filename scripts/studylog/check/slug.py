"""Heading anchors exactly as GitHub makes them: a port of the github-slugger rule.

github-slugger (https://github.com/Flet/github-slugger, ISC) lower-cases the heading text,
removes every character in the Unicode categories below except alphabetic ones, keeps `-`
and turns each plain space into `-`. Repeated slugs get `-1`, `-2`, … and a generated slug
that collides with an earlier one is bumped again (the collision loop).
"""

from __future__ import annotations

import unicodedata

# General categories github-slugger strips: other numbers, punctuation but `-`, every symbol,
# control, format, private use, unassigned, and separators but the plain space.
_STRIPPED = frozenset(
    {"No", "Pe", "Pf", "Pi", "Ps", "Po", "Pd", "Sm", "Sc", "Sk", "So", "Cc", "Co", "Cf", "Cn", "Zs", "Zl", "Zp"}
)

# Symbols that Unicode also calls alphabetic (circled and squared Latin letters): kept.
_ALPHABETIC_SYMBOLS = frozenset(
    code
    for low, high in ((0x24B6, 0x24E9), (0x1F130, 0x1F149), (0x1F150, 0x1F169), (0x1F170, 0x1F189))
    for code in range(low, high + 1)
)
_KEPT_ANYWAY = _ALPHABETIC_SYMBOLS | {ord(" "), ord("-")}


class _Table(dict[int, int | None]):
    """A `str.translate` table that decides each code point once: kept (maps to itself) or dropped."""

    def __missing__(self, code: int) -> int | None:
        kept = code in _KEPT_ANYWAY or unicodedata.category(chr(code)) not in _STRIPPED
        value = self[code] = code if kept else None
        return value


_TABLE = _Table()


def slug(text: str) -> str:
    """The anchor of one heading, without de-duplication."""
    return text.lower().translate(_TABLE).replace(" ", "-")


class Slugger:
    """Slugs for the headings of one document, in order: duplicates get numbered suffixes."""

    def __init__(self) -> None:
        self._occurrences: dict[str, int] = {}

    def slug(self, text: str) -> str:
        original = result = slug(text)
        while result in self._occurrences:
            self._occurrences[original] += 1
            result = f"{original}-{self._occurrences[original]}"
        self._occurrences[result] = 0
        return result
