"""Heading anchors as GitHub makes them.

`data/slug/github-slugger-fixtures.json` is taken from github-slugger's own `test/fixtures.json`
(https://github.com/Flet/github-slugger, ISC licence, commit 285fe87d). Every named fixture is
copied verbatim and in order, since duplicates depend on what came before. Of the per-Unicode-
category fixtures, the punctuation and separator ones are copied whole; Letter_Number,
Modifier_Symbol and Other_Symbol are shortened to a sample of their characters, with the
expected slugs computed from upstream's rule. Every other category is covered by the
exhaustive test further down, which checks each code point of the categories github-slugger strips.
"""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import DATA
from studylog.check.anchors import markdown_anchors
from studylog.check.slug import Slugger, slug

FIXTURES = json.loads((DATA / "slug/github-slugger-fixtures.json").read_text(encoding="utf-8"))


def test_github_sluggers_own_fixtures_in_order() -> None:
    slugger = Slugger()
    got = [(f["name"], slugger.slug(f["input"])) for f in FIXTURES]
    assert got == [(f["name"], f["expected"]) for f in FIXTURES]
    assert len(FIXTURES) == 52


@pytest.mark.slow
def test_every_code_point_of_a_stripped_category_is_removed() -> None:
    stripped = {
        "No",
        "Pe",
        "Pf",
        "Pi",
        "Ps",
        "Po",
        "Pd",
        "Sm",
        "Sc",
        "Sk",
        "So",
        "Cc",
        "Co",
        "Cf",
        "Cn",
        "Zs",
        "Zl",
        "Zp",
    }
    # Unicode calls these symbols alphabetic (circled and squared Latin letters): github-slugger keeps them.
    alphabetic = {*range(0x24B6, 0x24EA), *range(0x1F130, 0x1F14A), *range(0x1F150, 0x1F16A), *range(0x1F170, 0x1F18A)}
    dropped = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if code < 0xD800 or code > 0xDFFF  # lone surrogates cannot be in a heading
        if unicodedata.category(chr(code)) in stripped and code not in alphabetic and chr(code) not in " -"
    ]
    assert len(dropped) > 900_000  # unassigned and private-use code points are most of them
    # All of them in one heading (each is removed on its own, so together too); only if that fails,
    # one heading each, to name the ones kept.
    if slug(f"a{''.join(dropped)}b") != "ab":
        assert [hex(ord(char)) for char in dropped if slug(f"a{char}b") != "ab"] == []
    assert slug("Ⓐ 🅰") == "ⓐ-🅰"


def test_letters_marks_digits_of_every_script_are_kept() -> None:
    assert (
        slug("Ünïcödé ελληνικά русский 中文 日本語 한국어 हिन्दी ٣ ๓")
        == "ünïcödé-ελληνικά-русский-中文-日本語-한국어-हिन्दी-٣-๓"
    )


@given(st.text())
def test_a_slug_is_its_own_slug(text: str) -> None:
    once = slug(text)
    assert slug(once) == once
    assert " " not in once


def test_chinese_notes_headings() -> None:
    notes = """\
# 阶段1 笔记：基础夯实

## Day3 极大似然vs贝叶斯

## 第一步：安装（CUDA、驱动），再验证

## 问题 → 解决

## 🚀 周复盘 🎯

## Week 1 复盘

## Week 1 复盘

## Week 1 复盘

## 用 `torch.compile` 和 [Triton](https://triton-lang.org) 加速

## **粗体** 与 *斜体* 与 ~~删除~~

## 「引号」《书名》“双引号”——破折号……省略号

## Closing hashes ##

  ## Indented two spaces

    ## Indented four: a code block
"""
    assert markdown_anchors(notes).headings == (
        "阶段1-笔记基础夯实",
        "day3-极大似然vs贝叶斯",
        "第一步安装cuda驱动再验证",
        "问题--解决",
        "-周复盘-",
        "week-1-复盘",
        "week-1-复盘-1",
        "week-1-复盘-2",
        "用-torchcompile-和-triton-加速",
        "粗体-与-斜体-与-删除",
        "引号书名双引号破折号省略号",
        "closing-hashes",
        "indented-two-spaces",
    )


def test_explicit_anchors_and_html_headings() -> None:
    anchors = markdown_anchors('<a name="day-1"></a>\n\n# Title <a id=\'inline\'></a>\n\n<h2 id="raw">Raw</h2>\n')
    assert anchors.explicit == {"day-1", "inline", "raw"}
    assert anchors.headings == ("title-",)  # the space before the tag stays in the text, as on GitHub
    assert "raw" in anchors and "missing" not in anchors
