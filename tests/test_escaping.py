"""Learner text escaped for the context it lands in (issue 17, items 12, 13, 26): a phase review's
heading, code spans in tables, terminal and workflow-command output, bare URLs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from conftest import run_cli, write_repo
from studylog.diagnostics import Diagnostic, Severity, format_text
from studylog.render import markdown


def render(text: str) -> str:
    # Unsafe: as GitHub Pages' and local previewers do, raw HTML passes; only our escaping protects.
    html: str = cmarkgfm.github_flavored_markdown_to_html(text, options=Options.CMARK_OPT_UNSAFE)
    return html


@pytest.fixture
def learner(tmp_path: Path, fixture_plan: str) -> Path:
    plan = fixture_plan.replace("title: 基础\n", 'title: "<img src=x onerror=alert(1)> [go](javascript:alert(2))"\n')
    plan = plan.replace("{id: w1d2, title: SVD, day: 2}", "{id: 'w1`d2|x', title: SVD, day: 2}")
    return write_repo(
        tmp_path / "repo",
        {
            "plan.yaml": plan,
            "README.md": "<!-- studylog:start -->\n<!-- studylog:end -->\n",
            "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\nproblems:\n"
            "  - problem: see https://en.wikipedia.org/wiki/Adam_(optimizer) and https://x.org/a~b*c*$d|e\n"
            "    solution: www.example.com/a_b_c.",
            "checkins/2026/2026-01-06.yaml": "date: 2026-01-06\nstatus: done\nitems: [w1d1]\n",
        },
    )


def test_a_phase_title_cannot_inject_html_or_links_into_its_review(learner: Path) -> None:
    result = run_cli("build", str(learner), "--today", "2026-01-08")
    assert result.returncode == 0, result.stderr
    review = render((learner / "reports/phases/p1.md").read_text(encoding="utf-8"))
    heading = re.search(r"<h1>(.*?)</h1>", review, re.S)
    assert heading and "&lt;img src=x onerror=alert(1)&gt;" in heading.group(1)
    assert "<img" not in review and "javascript:" not in re.sub(r"&lt;.*?&gt;|\[go\]\(javascript", "", review)
    assert 'href="javascript' not in review


def test_ids_with_backticks_and_pipes_stay_in_their_cell(learner: Path) -> None:
    assert run_cli("build", str(learner), "--today", "2026-01-08").returncode == 0
    review = render((learner / "reports/phases/p1.md").read_text(encoding="utf-8"))
    rows = re.findall(r"<tr>(.*?)</tr>", review, re.S)
    row = next(r for r in rows if "SVD" in r)
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    assert len(cells) == 3 and cells[0] == "<code>w1`d2|x</code>"
    weekly = render((learner / "reports/weekly/w1.md").read_text(encoding="utf-8"))
    assert "<code>w1`d2|x</code>" in weekly


def test_bare_urls_are_links_to_exactly_what_was_written(learner: Path) -> None:
    assert run_cli("build", str(learner), "--today", "2026-01-08").returncode == 0
    page = render((learner / "README.md").read_text(encoding="utf-8"))
    assert 'href="https://en.wikipedia.org/wiki/Adam_(optimizer)"' in page
    assert 'href="http://www.example.com/a_b_c"' in page
    assert 'href="https://x.org/a~b*c*%24d%7Ce"' in page
    assert "%5C" not in page


@pytest.mark.parametrize(
    ("value", "href"),
    [
        ("https://pytorch.org/docs/stable/generated/torch.nn.functional.scaled_dot_product_attention.html#torch-nn",
         "https://pytorch.org/docs/stable/generated/torch.nn.functional.scaled_dot_product_attention.html#torch-nn"),
        ("(see https://en.wikipedia.org/wiki/Adam_(optimizer))", "https://en.wikipedia.org/wiki/Adam_(optimizer)"),
        ("https://a.org/x?q=1&r=2.", "https://a.org/x?q=1&amp;r=2"),
        ("*https://a.org/x_y*", "https://a.org/x_y"),
    ],
)  # fmt: skip
def test_bare_urls_in_text_and_in_cells(value: str, href: str) -> None:
    for rendered in (render(markdown.text(value)), render(f"| a |\n|---|\n| {markdown.cell(value)} |\n")):
        assert f'href="{href}"' in rendered, rendered


def test_a_crafted_key_cannot_print_a_workflow_command(learner: Path) -> None:
    write_repo(
        learner,
        {"checkins/2026/2026-01-07.yaml": 'date: 2026-01-07\nstatus: done\n"x\\n::warning file=a::forged": 1\n'},
    )
    for args in (
        ["init", "-q", "-b", "main"],
        ["add", "-A"],
        ["-c", "user.name=l", "-c", "user.email=l@l", "commit", "-qm", "a"],
    ):
        subprocess.run(["git", *args], cwd=learner, check=True, capture_output=True)
    for command in ("status", "publish", "remind"):
        result = run_cli(command, str(learner), "--today", "2026-01-08", env={"GITHUB_TOKEN": "", "GH_TOKEN": ""})
        assert result.returncode != 0
        lines = (result.stdout + result.stderr).splitlines()
        assert not [line for line in lines if line.startswith("::")], (command, lines)
        assert "x\\n::warning" in result.stdout + result.stderr


def test_the_text_format_escapes_every_line_break() -> None:
    d = Diagnostic("a\rb.yaml", 1, 1, "unknown-key", Severity.ERROR, "m\n::error::x\u2028y", "h\r\n::warning::z")
    out = format_text([d])
    assert out.count("\n") == 2 and "\r" not in out and "\u2028" not in out
