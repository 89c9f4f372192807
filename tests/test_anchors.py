"""Heading and explicit anchors of a note, as GitHub renders it (cmark-gfm)."""

from __future__ import annotations

from studylog.check.anchors import markdown_anchors

NOTE = """\
---
title: front matter is not a heading
---
# 阶段1 笔记

## Day3 极大似然 vs 贝叶斯 `p(x|θ)` <b>粗体</b> &amp; ![图](a.png)

Setext heading
--------------

> ### Quoted heading

- ## Heading in a list

```
## Not a heading, inside a fence
<a name="in-code"></a>
```

    ## Not a heading, indented code

Text with <a name="inline-anchor"></a> and `<a id="in-a-code-span">`.

<div id='block-anchor'>html block</div>

[a link](https://example.com/x "title id=not-an-anchor")

## Repeat
## Repeat
"""


def test_headings_are_the_ones_github_renders_and_slugs_its_text() -> None:
    anchors = markdown_anchors(NOTE)
    assert anchors.headings == (
        "阶段1-笔记",
        "day3-极大似然-vs-贝叶斯-pxθ-粗体--",
        "setext-heading",
        "quoted-heading",
        "heading-in-a-list",
        "repeat",
        "repeat-1",
    )


def test_explicit_anchors_come_from_raw_html_only() -> None:
    assert markdown_anchors(NOTE).explicit == frozenset({"inline-anchor", "block-anchor"})


def test_a_note_without_headings_or_html() -> None:
    anchors = markdown_anchors("just text\n\n    code\n")
    assert anchors.headings == () and anchors.explicit == frozenset()
