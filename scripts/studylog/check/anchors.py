"""The anchors a Markdown file has on GitHub: heading slugs and explicit `<a name>` / `id=` anchors.

The file is rendered by cmark-gfm (the `cmarkgfm` bindings), the C renderer GitHub itself uses,
so what counts as a heading (ATX or setext, not inside code blocks) is exactly what GitHub shows,
and the heading's rendered text — markup and images dropped, entities decoded — is exactly what
github-slugger turns into the anchor. It is also ~20× faster than a pure-Python parser, so
checking links needs no cache to be fast.
"""

from __future__ import annotations

import re

from studylog.check.slug import Slugger

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn"})

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
# An HTML start tag in the rendered output; raw HTML the learner wrote passes through unchanged,
# while `<` in text and code is escaped, so only real tags match.
_TAG = re.compile(r"""<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>""")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_ANCHOR_ATTRIBUTES = frozenset({"name", "id"})
_ANY_TAG = re.compile(r"<[^>]*>")


class Anchors:
    """A note's anchors: its heading slugs in document order (duplicates already numbered) and the
    names of its explicit anchors (`<a name>`, `id`). A plain class, not a dataclass: it is only
    asked what it holds, and a dataclass's generated methods cost every start that checks links."""

    __slots__ = ("_names", "explicit", "headings")

    def __init__(self, headings: tuple[str, ...], explicit: frozenset[str]) -> None:
        self.headings = headings
        self.explicit = explicit
        self._names = explicit | frozenset(headings)  # a note may have hundreds of headings, linked thousands of times

    def __contains__(self, anchor: object) -> bool:
        return anchor in self._names

    @property
    def all(self) -> tuple[str, ...]:
        return self.headings + tuple(sorted(self.explicit - set(self.headings)))


def _blank_front_matter(text: str) -> str:
    # Keep the line count so nothing shifts; GitHub shows front matter as a table, not headings.
    return _FRONT_MATTER.sub(lambda m: "\n" * m.group(0).count("\n"), text, count=1)


def render(text: str) -> str:
    """The file as GitHub renders it (GFM, raw HTML kept: explicit anchors live in it)."""
    import cmarkgfm  # ~2 ms; only a run that checks links needs it
    from cmarkgfm.cmark import Options

    rendered: str = cmarkgfm.github_flavored_markdown_to_html(
        _blank_front_matter(text), options=Options.CMARK_OPT_UNSAFE
    )
    return rendered


def _explicit(rendered: str) -> set[str]:
    from html import unescape

    found: set[str] = set()
    for tag in _TAG.finditer(rendered):
        for attribute in _ATTRIBUTE.finditer(tag.group(1)):
            if attribute.group(1).lower() in _ANCHOR_ATTRIBUTES:
                value = next((v for v in attribute.groups()[1:] if v is not None), None)
                if value is not None:
                    found.add(unescape(value))
    return found


def markdown_anchors(text: str) -> Anchors:
    from html import unescape  # with its entity table, ~1.5 ms: only a run that reads a note needs it

    rendered = render(text)
    slugger = Slugger()
    headings = [slugger.slug(unescape(_ANY_TAG.sub("", m.group(2)))) for m in _HEADING.finditer(rendered)]
    explicit = _explicit(rendered) if "<" in text else set()
    return Anchors(tuple(headings), frozenset(explicit))
