"""A README as GitHub shows it: cmark-gfm's HTML in a GitHub-like stylesheet, opened in Chromium.

GitHub renders README Markdown with cmark-gfm and shows it in a column 1012 px wide on a desktop
(16 px of padding each side on a 414-px phone). Tests have no network, so the stylesheet is a
small stand-in kept in tests/data/github/markdown.css.
"""

from __future__ import annotations

from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options

STYLESHEET = Path(__file__).parent / "data" / "github" / "markdown.css"
EXTENSIONS = ["table", "autolink", "strikethrough", "tagfilter"]
DESKTOP = 1012
PHONE = 414


def to_html(markdown: str) -> str:
    # GitHub keeps <details>, <picture>, <source> and <img> in READMEs, so render raw HTML through.
    html: str = cmarkgfm.markdown_to_html_with_extensions(
        markdown, options=Options.CMARK_OPT_UNSAFE, extensions=EXTENSIONS
    )
    return html


def page(markdown: str, width: int, base: Path | None = None) -> str:
    """The README at a width; `base` is the folder its relative links and images resolve against."""
    padding = 0 if width >= DESKTOP else 16
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        + (f'<base href="{base.resolve().as_uri()}/">' if base else "")
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>"
        f"<style>.markdown-body {{ width: {width}px; padding: 0 {padding}px; }}</style>"
        f'</head><body><article class="markdown-body" id="readme">{to_html(markdown)}</article></body></html>'
    )


def write_page(markdown: str, folder: Path, width: int, target: Path) -> Path:
    """The page, written to `target`, with the README's relative image paths resolving in `folder`."""
    target.write_text(page(markdown, width, folder), encoding="utf-8")
    return target


def section(readme: str) -> str:
    start, end = "<!-- studylog:start -->", "<!-- studylog:end -->"
    return readme[readme.index(start) : readme.index(end) + len(end)]
