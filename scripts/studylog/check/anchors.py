"""The anchors a Markdown file has on GitHub: heading slugs and explicit `<a name>` / `id=` anchors.

Headings come from a CommonMark parser (markdown-it-py), so ATX and setext headings count,
inline markup is reduced to its text, and nothing inside code blocks or front matter does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from studylog.check.slug import Slugger

if TYPE_CHECKING:  # markdown-it-py takes ~40 ms to import: only parsing needs it, not a cached run
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_EXPLICIT = re.compile(r"""<[a-z][^>]*?\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
# Inline tokens whose text GitHub keeps in a heading; markup, images and raw HTML add none.
_TEXT_TOKENS = frozenset({"text", "code_inline"})


@dataclass(frozen=True)
class Anchors:
    headings: tuple[str, ...]  # slugs in document order, duplicates already numbered
    explicit: frozenset[str]

    def __contains__(self, anchor: object) -> bool:
        return anchor in self.explicit or anchor in self.headings

    @property
    def all(self) -> tuple[str, ...]:
        return self.headings + tuple(sorted(self.explicit - set(self.headings)))


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # Block structure only: inline parsing is most of the cost, and only headings and lines
    # with raw HTML need it (see `_inline`).
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")


@cache
def _inline_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("strikethrough")


def _inline(source: str) -> list[Token]:
    return _inline_parser().parseInline(source)[0].children or []


def _blank_front_matter(text: str) -> str:
    # Keep the line count so nothing shifts; GitHub shows front matter as a table, not headings.
    return _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)


def _heading_text(children: list[Token]) -> str:
    return "".join(child.content for child in children if child.type in _TEXT_TOKENS)


def _explicit(html: str) -> set[str]:
    return {next(g for g in m.groups() if g is not None) for m in _EXPLICIT.finditer(html)}


def markdown_anchors(text: str) -> Anchors:
    tokens = _parser().parse(_blank_front_matter(text))
    slugger = Slugger()
    headings: list[str] = []
    explicit: set[str] = set()
    heading = False
    for token in tokens:
        if token.type == "html_block":
            explicit.update(_explicit(token.content))
        elif token.type == "inline" and (heading or "<" in token.content):
            children = _inline(token.content)
            if heading:
                headings.append(slugger.slug(_heading_text(children)))
            for child in children:
                if child.type == "html_inline":
                    explicit.update(_explicit(child.content))
        heading = token.type == "heading_open"
    return Anchors(tuple(headings), frozenset(explicit))
