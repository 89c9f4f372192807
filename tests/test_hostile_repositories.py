"""Whole repositories built from hostile text in every field, built as a learner builds them.

For each: no traceback; README bytes outside the markers identical; every generated file parses
(Markdown rendered by cmark-gfm and loaded in Chromium, HTML loaded in Chromium, SVG as XML,
the manifest as JSON) with no live script and no element the learner wrote; and no file outside
README's section and reports/ changed (the learner's own file under reports/ included).

A few examples in the normal suite; `STUDYLOG_HOSTILE_MINUTES=10` keeps generating for that long
(and prints how many repositories it built).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import re
import stat
import subprocess
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cmarkgfm
import pytest
import yaml
from cmarkgfm.cmark import Options
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Dialog, Page

from studylog.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.git, pytest.mark.slow]

START, END = "<!-- studylog:start -->", "<!-- studylog:end -->"
# Every element a payload writes carries `data-pwn`; one in the DOM is an element the learner wrote.
PAYLOADS = [
    "<script data-pwn>alert(1)</script>",
    "<img data-pwn src=x onerror=alert(2)>",
    "<svg data-pwn onload=alert(3)>",
    '<a data-pwn href="javascript:alert(4)">x</a>',
    "<iframe data-pwn src=javascript:alert(5)></iframe>",
    "<b data-pwn>bold</b>",
    "<details data-pwn open ontoggle=alert(6)>",
    "[link](javascript:alert(7))",
    "![img](javascript:alert(8))",
    "<javascript:alert(9)>",
    "[x]: javascript:alert(10)",
    "`code` ``two`` ```",
    "| a | b |\n|---|---|",
    "- list\n# heading\n> quote\n1. one",
    "***bold*** _it_ ~~del~~ $$x$$",
    "@octocat #1 GH-1",
    START,
    END,
    "<!-- studylog:notes:end -->",
    "<!--",
    "-->",
    "]]><![CDATA[",
    "{{ 7*7 }} {% raw %}",
    "\n::warning file=README.md::forged\n",
    "https://en.wikipedia.org/wiki/Adam_(optimizer)",
    "https://x.org/a_b~c*d|e$f`g\\h[i]j<k>l&amp;",
    "www.example.com/a_b_c.",
    "\\",
    "&lt;script&gt; &#60;b&#62;",
    "\u202eevil\u202c",
    "打卡 周复盘 阶段验收",
    "\r\n\t",
    "bell \x07 and \x14",
    "<style data-pwn>*{display:none}</style>",
]
# Control characters XML cannot hold are refused at load (a located error, nothing written); they
# come from one payload only, so that most repositories are valid and get built and checked.
printable = st.characters(blacklist_categories=("Cs", "Cc"))
texts = st.one_of(
    st.text(printable, max_size=25),
    st.sampled_from(PAYLOADS),
    st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(printable, max_size=8)), min_size=2, max_size=4).map(
        " ".join
    ),
)
# README text may hold a marker, but never on a line of its own (that would be a second marker).
readme_texts = texts.filter(lambda s: not {START, END} & {line.strip() for line in s.splitlines()})
# Ids: anything the plan format allows (no spaces, none of / # ? : , [ ] { }).
id_chars = st.sampled_from([*list("ab1_-.`|<>&*~$@!'\"()%;=+\\"), "打", "卡"])
ids = st.text(id_chars, min_size=1, max_size=6)
urls = st.one_of(
    st.sampled_from(["https://example.com/", "http://a.b.org/x?y=1&z=2#f", "https://x.org/(a)_b"]),
    st.text(st.sampled_from([*list("ab_~*$|()[]`'<>&%#?=."), "中"]), max_size=12).map(
        lambda s: "https://example.com/" + s
    ),
)


def chart_safe(text: str) -> str:
    # `$` in chart titles still crashes matplotlib's mathtext (issue 17 item 16, fixed by the charts
    # rework, issue 20): until it lands, it is kept out of the two fields charts draw.
    return text.replace("$", "＄")


@st.composite
def repositories(draw: st.DrawFn) -> dict[str, Any]:
    all_ids = draw(st.lists(ids, min_size=24, max_size=24))
    all_ids = [f"{ident}{n}" for n, ident in enumerate(all_ids)]
    taken = iter(all_ids)
    phases, items = [], []
    for _ in range(draw(st.integers(1, 2))):
        weeks = []
        for _ in range(draw(st.integers(1, 2))):
            week_items = []
            for day in sorted(draw(st.lists(st.integers(1, 7), min_size=1, max_size=2, unique=True))):
                item: dict[str, Any] = {"id": next(taken), "title": draw(texts), "day": day}
                if draw(st.booleans()):
                    item["note"] = draw(texts)
                if draw(st.booleans()):
                    item["tasks"] = [{"id": next(taken), "title": draw(texts)}]
                items.append(item["id"])
                week_items.append(item)
            weeks.append({"id": next(taken), "title": draw(texts), "items": week_items})
        phases.append({"id": next(taken), "title": chart_safe(draw(texts)), "goal": draw(texts), "weeks": weeks})
    plan: dict[str, Any] = {
        "title": draw(texts),
        "learner": draw(texts),
        "description": draw(texts),
        "start": dt.date(2026, 1, 5),
        "timezone": "Asia/Shanghai",
        "locale": draw(st.sampled_from(["zh-CN", "en"])),
        "phases": phases,
    }
    if draw(st.booleans()):
        plan["milestones"] = [{"id": "ms", "title": chart_safe(draw(texts)), "covers": [phases[0]["id"]]}]
    checkins = {}
    for day in draw(st.lists(st.integers(5, 18), min_size=1, max_size=3, unique=True)):
        date = dt.date(2026, 1, day)
        link = draw(st.one_of(urls, st.builds(lambda u, t: {"url": u, "title": t}, urls, texts)))
        checkin: dict[str, Any] = {
            "date": date,
            "status": draw(st.sampled_from(["done", "in-progress", "not-done"])),
            "hours": draw(st.integers(0, 8)),
            "items": draw(st.lists(st.sampled_from(items), max_size=2, unique=True)),
            "task": draw(texts),
            "problems": [{"problem": draw(texts.filter(str.strip)), "solution": draw(texts)}],
            "links": [link, {"url": "/docs/notes.md#heading", "title": draw(texts)}],
            "done": [draw(texts)],
            "insights": [draw(texts)],
            "next": [draw(texts)],
            "resources": [draw(texts)],
            "notes": draw(texts),
        }
        checkins[f"checkins/2026/{date}.yaml"] = checkin
    # The learner's text around the markers is hostile, but the README stays one with valid markers:
    # a marker line of its own, or a `<!--` left open to swallow the real start marker, is a README
    # the build rightly refuses (exit 2, "no studylog markers" or "more than once"; test_ownership
    # covers those), which made this test fail about once in seven runs. The `-->` line closes a
    # comment the text opened (and is plain text when none is open); the fence quotes a marker.
    readme_before = draw(readme_texts) + "\n\n-->\n\n```\n" + START + "\n```\n\n"
    readme_after = "\n" + draw(readme_texts) + "\n"
    return {"plan": plan, "checkins": checkins, "before": readme_before, "after": readme_after}


def dump(value: Any) -> bytes:
    return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).encode("utf-8")


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(".git/") or rel == ".git" or path.is_dir():
            continue
        found[rel] = (path.read_bytes(), stat.S_IMODE(path.lstat().st_mode))
    return found


CHECK_DOM = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name === 'data-pwn' || name.startsWith('on')) bad.push(el.tagName + ' ' + name);
      if (['href', 'src', 'srcset', 'action', 'formaction'].includes(name)) {
        const v = a.value.trim().toLowerCase().replace(/[\\s\\u0000-\\u001f]/g, '');
        if (/^(javascript|data|vbscript|file):/.test(v)) bad.push(el.tagName + ' ' + name + '=' + a.value);
      }
    }
    if (['IFRAME', 'OBJECT', 'EMBED', 'SVG', 'FORM', 'BASE', 'LINK'].includes(el.tagName.toUpperCase()))
      bad.push(el.tagName);
  }
  return {bad, scripts: document.querySelectorAll('script').length, pwned: window.__pwned || 0};
}"""


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    page.add_init_script("window.alert = window.confirm = window.prompt = () => { window.__pwned = 1 }")
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else route.continue_())
    yield page
    assert dialogs == []
    context.close()


def check_in_chromium(page: Page, rel: str, html: str | None, url: str | None, own_scripts: int) -> None:
    if url is not None:
        page.goto(url)
    else:
        page.set_content(html or "")
    found = page.evaluate(CHECK_DOM)
    assert found["bad"] == [], (rel, found["bad"])
    assert found["pwned"] == 0, rel
    assert found["scripts"] == own_scripts, (rel, found["scripts"])


def build_and_check(page: Page, tmp: Path, repo: dict[str, Any]) -> str:
    root = tmp / "repo"
    files = {"plan.yaml": dump(repo["plan"]), "docs/notes.md": b"# Notes\n\n## heading\n", "reports/mine.md": b"mine\n"}
    files |= {path: dump(content) for path, content in repo["checkins"].items()}
    readme = (repo["before"] + START + "\nold\n" + END + repo["after"]).encode("utf-8")
    files["README.md"] = readme
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    before = snapshot(root)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["build", str(root), "--today", "2026-01-20"])
    assert code in (0, 1), (code, err.getvalue()[-2000:])
    after = snapshot(root)
    outside = {k: v for k, v in before.items() if k != "README.md" and not k.startswith("reports/")}
    assert {k for k in after if k not in before and not k.startswith("reports/")} == set()
    for rel, value in outside.items():
        assert after.get(rel) == value, rel
    assert after["reports/mine.md"] == before["reports/mine.md"]
    new_readme = (root / "README.md").read_bytes()
    head = (repo["before"] + START + "\n").encode("utf-8")
    tail = (END + repo["after"]).encode("utf-8")
    assert new_readme.startswith(head) and new_readme.endswith(tail)
    if code == 1:
        assert after == before  # errors: nothing written
        print(out.getvalue()[:300])
        return "invalid"
    for path in sorted((root / "reports").rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() or rel == "reports/mine.md":
            continue
        data = path.read_bytes()
        if rel.endswith(".md"):
            html = cmarkgfm.github_flavored_markdown_to_html(data.decode("utf-8"), options=Options.CMARK_OPT_UNSAFE)
            check_in_chromium(page, rel, html, None, 0)
        elif rel.endswith(".html"):
            check_in_chromium(page, rel, None, path.as_uri(), len(re.findall(rb"<script\b", data)))
            assert data.count(b"<script") == 1, rel  # studylog's own filter script, nothing else
        elif rel.endswith(".svg"):
            tree = ET.fromstring(data)
            for element in tree.iter():
                tag = element.tag.rsplit("}", 1)[-1]
                assert tag not in ("script", "foreignObject"), rel
                assert not [a for a in element.attrib if a.rsplit("}", 1)[-1].lower().startswith("on")], rel
        elif rel.endswith(".json"):
            json.loads(data)
    section = new_readme[len(head) : len(new_readme) - len(tail)].decode("utf-8")  # text outside is the learner's
    readme_html = cmarkgfm.github_flavored_markdown_to_html(section, options=Options.CMARK_OPT_UNSAFE)
    check_in_chromium(page, "README.md", readme_html, None, 0)
    return "built"


MINUTES = float(os.environ.get("STUDYLOG_HOSTILE_MINUTES", "0"))
EXAMPLES = 4 if not MINUTES else 25


def test_hostile_repositories_build_safely(page: Page, tmp_path_factory: pytest.TempPathFactory) -> None:
    counts = {"built": 0, "invalid": 0}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        # Shrinking a whole repository takes many minutes; the unshrunk example is readable enough.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
    @given(repositories())
    def one(repo: dict[str, Any]) -> None:
        counts[build_and_check(page, tmp_path_factory.mktemp("hostile"), repo)] += 1

    stop = time.monotonic() + MINUTES * 60
    one()
    while time.monotonic() < stop:
        one()
    print(f"\nhostile repositories: {counts['built']} built and checked, {counts['invalid']} refused as invalid")
    assert counts["built"] > 0
