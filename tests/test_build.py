"""`studylog build` as a learner runs it: what it writes, what it never touches, and `--check`."""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_module
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

import studylog_fork
from conftest import DATA, FORK_COUNTING, REPO_ROOT, copy_repo, run_cli, write_repo

HOSTILE = """\
date: 2026-01-06
status: in-progress
hours: 1.5
task: "Pipe | in the task, `code`, **bold**, [x](javascript:alert(1)) and $x^2$"
problems:
  - problem: "<script>alert('x')</script> and a | pipe\\nand a second line"
    solution: "1. not a list\\n# not a heading\\n- not a bullet"
  - problem: "still stuck on ~~this~~ <b>bold</b>"
links:
  - url: /notes/day 2 (draft).md#第一步安装cuda驱动
    title: "笔记 | draft"
  - https://example.com/a_(b)?q=1&r=2
"""


def tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


LEARNER_FILES: dict[str, str | bytes] = {
    "README.md": "# 我的学习 \\1 \\g<0>\r\n\r\nMy own words.\r\n\r\n<!-- studylog:start -->\r\nold\r\n"
    "<!-- studylog:end -->\r\n\r\nAfter, also mine.\r\n",
    "notes/day 2 (draft).md": "# 笔记\n\n## 第一步：安装（CUDA、驱动）\n",
    "checkins/2026/2026-01-05.yaml": "date: 2026-01-05\nstatus: done\nhours: 2\n",
    "checkins/2026/2026-01-06.yaml": HOSTILE,
}


@pytest.fixture
def learner(tmp_path: Path, fixture_plan: str) -> Path:
    return write_repo(tmp_path / "repo", {"plan.yaml": fixture_plan, **LEARNER_FILES})


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The learner's repository built once as of 2026-01-08, for tests that only read it."""
    root = write_repo(
        tmp_path_factory.mktemp("built") / "repo",
        {"plan.yaml": (DATA / "plan.yaml").read_text(encoding="utf-8"), **LEARNER_FILES},
    )
    cache = tmp_path_factory.mktemp("built-cache")
    result = run_cli("build", str(root), "--today", "2026-01-08", env={"STUDYLOG_CACHE_DIR": str(cache)})
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture
def built_copy(built: Path, tmp_path: Path) -> Path:
    """A private copy of the built repository, for a test that changes it."""
    return copy_repo(built, tmp_path / "repo")


def build(root: Path, *args: str) -> tuple[int, str]:
    result = run_cli("build", str(root), *args)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout + result.stderr


def test_build_writes_the_section_and_reports_and_is_idempotent(built_copy: Path) -> None:
    learner = built_copy
    first = tree(learner)
    assert {"reports/index.html", "reports/problems.md", "reports/weekly/w1.md", "reports/phases/p1.md"} <= set(first)
    assert {
        f"reports/charts/{n}{v}.svg" for n in ("burnup", "calendar", "phases", "hours") for v in ("", "-dark")
    } <= set(first)
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 0 and "nothing to commit" in out
    assert tree(learner) == first


def test_everything_outside_the_markers_is_kept_byte_for_byte(built: Path) -> None:
    before = str(LEARNER_FILES["README.md"]).encode()
    after = (built / "README.md").read_bytes()
    head, tail = before.split(b"<!-- studylog:start -->\r\n")[0], before.split(b"<!-- studylog:end -->")[1]
    assert after.startswith(head + b"<!-- studylog:start -->\r\n")
    assert after.endswith(b"<!-- studylog:end -->" + tail)
    assert b"\r\n" in after.split(b"<!-- studylog:start -->")[1] and b"\n" not in after.replace(b"\r\n", b"")


@pytest.mark.draws
def test_two_fresh_builds_give_identical_bytes(learner: Path, built: Path) -> None:
    # `built` was built in another folder with another cache: nothing may depend on either.
    assert build(learner, "--today", "2026-01-08")[0] == 0
    assert tree(learner) == tree(built)


@pytest.mark.slow
def test_check_passes_after_a_build_on_any_later_day_and_fails_after_a_new_checkin(built_copy: Path) -> None:
    learner = built_copy
    code, out = build(learner, "--check")
    assert code == 0 and "up to date (as of 2026-01-08)" in out
    write_repo(learner, {"checkins/2026/2026-01-09.yaml": "date: 2026-01-09\nstatus: done\n"})
    code, out = build(learner, "--check")
    assert code == 1
    assert "checkins/2026/2026-01-09.yaml: dated after the recorded as-of date 2026-01-08" in out
    write_repo(learner, {"checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\n"})
    (learner / "checkins/2026/2026-01-09.yaml").unlink()
    code, out = build(learner, "--check")
    assert code == 1 and "README.md: differs from a rebuild" in out and "reports/index.html" in out
    assert build(learner, "--today", "2026-01-08")[0] == 0
    assert build(learner, "--check")[0] == 0


@pytest.mark.parametrize(
    ("readme", "message"),
    [
        ("# Mine\n", "README.md has no studylog markers; put these two lines"),
        (
            "<!-- studylog:start -->\n",
            "only one marker, `<!-- studylog:start -->` (line 1): add `<!-- studylog:end -->` on a line of its own"
            " below it",
        ),
        (
            "<!-- studylog:start -->\n\n<!-- studylog: end -->\n",
            "README.md line 3 is `<!-- studylog: end -->`, not the marker: write it exactly `<!-- studylog:end -->`",
        ),
        (
            "<!-- Studylog：Start -->\n<!-- studylog:end -->\n",
            "README.md line 1 is `<!-- Studylog：Start -->`, not the marker: write it exactly"
            " `<!-- studylog:start -->`",
        ),
        (  # Windows Notepad's BOM hid a marker on line 1
            "\ufeff<!-- studylog: start -->\n<!-- studylog:end -->\n",
            "README.md line 1 is `<!-- studylog: start -->`, not the marker",
        ),
        (
            "<!-- studylog:end -->\n<!-- studylog:start -->\n",
            "markers are in the wrong order: `<!-- studylog:end -->` (line 1) comes before",
        ),
        (
            "<!-- studylog:start -->\n<!-- studylog:end -->\n<!-- studylog:start -->\n",
            "has `<!-- studylog:start -->` more than once (lines 1, 3); keep exactly one",
        ),
    ],
    ids=[
        "missing",
        "only-start",
        "near-miss-spaced",
        "near-miss-full-width",
        "bom-near-miss",
        "out-of-order",
        "duplicated",
    ],
)
def test_bad_markers_are_an_error_and_nothing_is_written(
    learner: Path, readme: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_: object) -> None:
        raise AssertionError("a README that cannot be spliced is refused before anything is rendered or drawn")

    monkeypatch.setattr("studylog.render.pages.prepare", never)
    (learner / "README.md").write_text(readme, encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 2 and message in out
    assert (learner / "README.md").read_text(encoding="utf-8") == readme
    assert not (learner / "reports").exists()
    if "studylog" in readme.lower():  # markers to mend: `init` says the same and touches nothing (no circle)
        init = run_cli("init", str(learner), "--template", "blank")
        assert init.returncode == 2 and message in init.stderr and "README.md: README.md" not in init.stderr
        assert "studylog init" not in out + init.stderr
        assert (learner / "README.md").read_text(encoding="utf-8") == readme


def test_a_readme_saved_with_a_bom_keeps_it_and_its_markers_are_found(learner: Path) -> None:
    """Windows Notepad starts the file with a BOM: a start marker on line 1 was not seen ("only one marker")."""
    readme = "\ufeff<!-- studylog:start -->\n<!-- studylog:end -->\n\n我的笔记\n"
    (learner / "README.md").write_text(readme, encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 0, out
    written = (learner / "README.md").read_text(encoding="utf-8")
    assert written.startswith("\ufeff<!-- studylog:start -->\n") and written.endswith(
        "<!-- studylog:end -->\n\n我的笔记\n"
    )
    section = written.split("<!-- studylog:start -->\n", 1)[1].split("<!-- studylog:end -->", 1)[0]
    assert "2026-01-08" in section  # the dashboard, as of the build's day, is in between


def test_markers_quoted_inside_a_line_are_not_markers(learner: Path) -> None:
    readme = (
        "Put `<!-- studylog:start -->` in your README:\n\n    <!-- studylog:start -->\n\n"
        "<!-- studylog:start -->\n<!-- studylog:end -->\n"
    )
    (learner / "README.md").write_text(readme, encoding="utf-8")
    assert build(learner, "--today", "2026-01-08")[0] == 0
    assert (learner / "README.md").read_text(encoding="utf-8").startswith(readme.split("\n\n")[0])


def test_a_repository_without_a_readme_gets_one(learner: Path) -> None:
    (learner / "README.md").unlink()
    assert build(learner, "--today", "2026-01-08")[0] == 0
    text = (learner / "README.md").read_text(encoding="utf-8")
    assert text.startswith("# repo\n\n<!-- studylog:start -->\n") and text.endswith("<!-- studylog:end -->\n")


def test_validation_errors_mean_nothing_is_written(learner: Path) -> None:
    write_repo(learner, {"checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\nlinks: [/nope.md]\n"})
    before = tree(learner)
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 1 and "link-missing-file" in out and "nothing was written" in out
    assert tree(learner) == before


def test_stale_generated_files_go_and_learner_files_stay(built_copy: Path) -> None:
    learner = built_copy
    write_repo(learner, {"reports/my-own-notes.md": "mine\n"})
    manifest = json.loads((learner / "reports/.studylog-manifest.json").read_text(encoding="utf-8"))
    assert manifest["as_of"] == "2026-01-08" and "reports/weekly/w1.md" in manifest["files"]
    # The learner renames a phase: its old review is stale and goes; their own file stays.
    plan = (learner / "plan.yaml").read_text(encoding="utf-8").replace("id: p1\n", "id: basics\n")
    plan = plan.replace("covers: [p1]", "covers: [basics]")
    (learner / "plan.yaml").write_text(plan, encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 0, out
    assert "removed reports/phases/p1.md" in out
    assert not (learner / "reports/phases/p1.md").exists() and (learner / "reports/phases/basics.md").exists()
    assert (learner / "reports/my-own-notes.md").read_text(encoding="utf-8") == "mine\n"


def test_a_file_studylog_did_not_write_is_never_overwritten(learner: Path) -> None:
    write_repo(learner, {"reports/problems.md": "my hand-kept problem log\n"})
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 2 and "reports/problems.md: exists but was not generated by studylog" in out
    assert (learner / "reports/problems.md").read_text(encoding="utf-8") == "my hand-kept problem log\n"


def test_the_learners_review_lines_survive_every_build(built_copy: Path) -> None:
    learner = built_copy
    review = learner / "reports/weekly/w1.md"
    text = review.read_text(encoding="utf-8")
    mine = "<!-- studylog:notes:start -->\n本周最大的收获：学会了 SVD。\n<!-- studylog:notes:end -->"
    review.write_text(
        re.sub(r"<!-- studylog:notes:start -->.*<!-- studylog:notes:end -->", mine, text, flags=re.S), "utf-8"
    )
    write_repo(learner, {"checkins/2026/2026-01-07.yaml": "date: 2026-01-07\nstatus: done\n"})
    assert build(learner, "--today", "2026-01-08")[0] == 0
    assert mine in review.read_text(encoding="utf-8")
    assert build(learner, "--check")[0] == 0


def test_review_lines_move_from_an_iso_week_review_to_the_plan_week(learner: Path) -> None:
    # Weekly reviews were once named by ISO week. A build that renames them carries the learner's
    # own lines over before the old generated file goes.
    assert build(learner, "--today", "2026-01-08")[0] == 0
    mine = "<!-- studylog:notes:start -->\n本周最大的收获：学会了 SVD。\n<!-- studylog:notes:end -->"
    new = learner / "reports/weekly/w1.md"
    old = learner / "reports/weekly/2026-W02.md"
    text = re.sub(
        r"<!-- studylog:notes:start -->.*<!-- studylog:notes:end -->", mine, new.read_text("utf-8"), flags=re.S
    )
    old.write_text(text, encoding="utf-8")
    new.unlink()
    manifest_path = learner / "reports/.studylog-manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    del manifest["files"]["reports/weekly/w1.md"]
    manifest["files"]["reports/weekly/2026-W02.md"] = {"sha256": hashlib.sha256(old.read_bytes()).hexdigest()}
    manifest["inputs"] = "older"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 0, out
    assert mine in new.read_text(encoding="utf-8") and not old.exists()
    assert not list(learner.rglob("*.orig*"))  # the words moved: not also kept aside in a second copy


def rendered_readme(root: Path) -> str:
    html: str = cmarkgfm.github_flavored_markdown_to_html(
        (root / "README.md").read_text(encoding="utf-8"), options=Options.CMARK_OPT_UNSAFE
    )
    return html


def cells(html: str) -> list[list[str]]:
    table = next(t for t in re.findall(r"<table>.*?</table>", html, re.S) if "核心任务" in t)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]]


def test_the_readme_renders_on_github_with_hostile_text_contained(built: Path) -> None:
    html = rendered_readme(built)
    rows = cells(html)
    # MM-DD with non-breaking hyphens: the year is in the phase header, and a date never wraps
    assert [r[0] for r in rows[:5]] == ["01‑05", "01‑06", "01‑07", "01‑08", "01‑10"]
    assert all(len(r) == 5 for r in rows)  # no pipe or newline added or lost a column
    _, status, task, problem, links = rows[1]
    assert status == "🔄"  # the emoji; its words are in the legend above the tables
    assert "🔄 进行中" in html
    assert task == "Pipe | in the task, `code`, **bold**, [x](javascript:alert(1)) and $x^2$"
    assert (
        "<script>" not in html
        and "&lt;script&gt;alert('x')&lt;/script&gt; and a | pipe<br>and a second line" in problem
    )
    assert "&lt;b&gt;bold&lt;/b&gt;" in problem and "<del>" not in problem
    assert " → 1. not a list<br># not a heading<br>- not a bullet" in problem  # escaped, still one cell
    hrefs = [unquote(html_module.unescape(h)) for h in re.findall(r'href="([^"]*)"', links)]
    assert hrefs == ["notes/day 2 (draft).md#第一步安装cuda驱动", "https://example.com/a_(b)?q=1&r=2"]
    assert ">笔记 | draft</a>" in links
    assert rows[2][1] == "⚠️" and rows[3][1] == "⬜"  # missed yesterday; today is still open


def test_every_image_in_the_readme_exists(built: Path) -> None:
    html = rendered_readme(built)
    sources = re.findall(r'(?:src|srcset)="([^"]+)"', html)
    assert len(sources) == 8
    assert all((built / s).is_file() for s in sources), sources
    assert all(re.search(r'<img alt="[^"]{10,}"', html) for _ in sources)


def test_every_relative_link_in_the_reports_resolves(built: Path) -> None:
    pages = [built / "README.md", *sorted((built / "reports").rglob("*.md"))]
    checked = 0
    for page in pages:
        html = cmarkgfm.github_flavored_markdown_to_html(page.read_text(encoding="utf-8"))
        for target in re.findall(r'href="([^"#]+)', html):
            if target.startswith("https://"):
                continue
            assert (page.parent / unquote(target)).exists(), (page, target)
            checked += 1
    assert checked > 10


def test_english_labels_follow_the_plans_locale(learner: Path) -> None:
    plan = (learner / "plan.yaml").read_text(encoding="utf-8").replace("locale: zh-CN", "locale: en")
    (learner / "plan.yaml").write_text(plan, encoding="utf-8")
    assert build(learner, "--today", "2026-01-08")[0] == 0
    html = rendered_readme(learner)
    assert "<th>Core task</th>" in html and "核心任务" not in html and "Problem → solution" in html


def test_the_repositorys_own_readme_is_current() -> None:
    result = run_cli("build", "--check", cwd=REPO_ROOT)
    assert result.returncode == 0, result.stderr
    assert "✓ outputs are up to date (as of 2026-01-18)" in result.stderr


def test_an_unchanged_build_skips_rendering_but_repairs_hand_edits(built_copy: Path) -> None:
    learner = built_copy
    first = tree(learner)
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 0 and "nothing to commit" in out
    (learner / "reports/problems.md").unlink()
    readme = (learner / "README.md").read_bytes()
    (learner / "README.md").write_bytes(readme.replace("🚧".encode(), b"X"))  # a hand edit inside the section
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 0 and "wrote reports/problems.md" in out and "wrote README.md" in out
    assert "note: text typed between README.md's studylog markers was written over" in out  # it was silent
    assert tree(learner) == first
    (learner / "reports/problems.md").unlink()
    assert "written over" not in build(learner, "--today", "2026-01-08")[1]  # a file rebuilt, no README edit
    assert build(learner, "--today", "2026-01-09")[0] == 0  # a new as-of date is a new input
    assert (
        json.loads((learner / "reports/.studylog-manifest.json").read_text(encoding="utf-8"))["as_of"] == "2026-01-09"
    )


def test_an_edit_outside_the_section_leaves_nothing_to_build(built_copy: Path) -> None:
    """The manifest remembers the whole README as written; once the learner edits their own part of it,
    the section itself is compared (and is unchanged): still nothing to render or write."""
    learner = built_copy
    readme = learner / "README.md"
    readme.write_bytes(readme.read_bytes() + "\n## 我的笔记\n\n今天读了论文。\n".encode())
    before = tree(learner)
    code, out = build(learner, "--today", "2026-01-08")
    assert code == 0 and "nothing to commit" in out
    assert tree(learner) == before
    manifest = json.loads((learner / "reports/.studylog-manifest.json").read_text(encoding="utf-8"))
    assert manifest["readme"] != hashlib.sha256(readme.read_bytes()).hexdigest()  # the learner's edit is theirs


def test_an_unchanged_readme_is_not_parsed_again(built_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte for byte what the last build wrote: its section is too, without a Markdown parse."""
    from studylog.write import build as building

    def parsed(readme: bytes | None) -> str | None:
        raise AssertionError("the README was parsed although it is as written")

    monkeypatch.setattr(building, "_section_sha", parsed)
    code, out = build(built_copy, "--today", "2026-01-08")
    assert code == 0 and "nothing to commit" in out


# -- drawing the charts ahead, in a child process -------------------------------------------------


_FORKING_BUILD = (
    FORK_COUNTING
    + """
import json, sys
from studylog.cli import main
from studylog.render import charts
from studylog.write import ahead

def broken():
    raise MemoryError

if sys.argv[2] != "first-build-only":  # else the first build draws ahead (a process's first), later ones in place
    ahead.AHEAD_FROM_CHECKINS = 1
if sys.argv[2] == "fails":  # the child dies before drawing anything: the parent draws it all itself
    charts.warm = broken
if sys.argv[2] == "hangs":  # the child never gets to its job: the parent stops it and draws it all itself
    import time
    from studylog import othercore
    othercore.PATIENCE = 0.3  # each of the two drawing builds waits this long for its child
    charts.warm = lambda: time.sleep(600)
if sys.argv[2] == "unsendable":  # work that does not pickle is not sent: the parent draws it
    send = ahead.Drawer.send
    ahead.Drawer.send = lambda self, function, *args: send(self, function, *args, lambda: None)
# Another day, then back: each draws (the as-of date is on the charts); the third has nothing to draw.
codes = [main(["build", sys.argv[1], "--today", day]) for day in ("2026-01-19", "2026-01-18", "2026-01-18")]
print(json.dumps({"codes": codes, "forks": len(forks), "reaped": len(reaped())}))
"""
)


def _own_data(root: Path) -> Path:
    """This repository's own plan and check-ins, unbuilt."""
    for part in ("checkins", "code", "docs"):
        shutil.copytree(REPO_ROOT / part, root / part)
    for name in ("plan.yaml", "README.md"):
        shutil.copy(REPO_ROOT / name, root / name)
    return root


@pytest.fixture(scope="module")
def drawn_in_place(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The repository's own data built from clean by a build that draws everything itself."""
    from studylog.write import ahead

    root = _own_data(tmp_path_factory.mktemp("in-place"))
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(ahead, "can_fork", lambda: False)
        assert run_cli("build", str(root), "--today", "2026-01-18").returncode == 0
    return tree(root)


@pytest.mark.draws
@pytest.mark.parametrize("child", ["draws", "fails", "hangs", "unsendable", "first-build-only"])
def test_charts_drawn_ahead_in_a_child_are_the_bytes_drawn_in_place(
    tmp_path: Path, child: str, drawn_in_place: dict[str, str]
) -> None:
    """The build forks to draw the charts while it loads and renders the pages: the files are the
    same bytes as a build that draws everything itself, a child that fails changes nothing but the
    time, a child that hangs is stopped after a while (PATIENCE), and no child outlives its build. A
    build whose files are those the last build was made from, on the same day, forks none. The
    forking build runs in a process of its own: one with other threads running never forks. A new
    process's first build draws ahead even for a small repository (it has matplotlib to import
    either way); its later builds of one draw in place."""
    forked = _own_data(tmp_path / "forked")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT / "scripts"), "STUDYLOG_CACHE_DIR": str(tmp_path / "cache")}
    # A process of its own: a fork of an interpreter with the libraries imported (tests/studylog_fork.py),
    # or, to see what a new process without matplotlib imported does, a new interpreter.
    python = [sys.executable] if child == "first-build-only" else studylog_fork.python(env)
    result = subprocess.run(
        [*python, "-c", _FORKING_BUILD, str(forked), child],
        capture_output=True, text=True, encoding="utf-8", check=False, env=env, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    forks = 1 if child == "first-build-only" else 2
    assert json.loads(result.stdout.splitlines()[-1]) == {"codes": [0, 0, 0], "forks": forks, "reaped": forks}
    assert tree(forked) == drawn_in_place
    assert len(list((forked / "reports/charts").glob("*.svg"))) >= 6


def test_a_build_foresees_that_nothing_will_change_only_when_the_files_and_day_are_the_last_builds(
    built_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether to start drawing on the other core is decided once the files are read: only files,
    as-of day and code identical to the last build's say "nothing to draw" (a wrong guess only
    costs time: the build then draws in place)."""
    from studylog.check.repository import _sources
    from studylog.load.files import iter_checkin_files
    from studylog.write import build as building

    def foresees(today: str) -> bool:
        plan = (built_copy / "plan.yaml").read_bytes()
        files = list(iter_checkin_files(built_copy, []))
        return building._likely_unchanged(built_copy, _sources(plan, files), plan, dt.date.fromisoformat(today))

    day = json.loads((built_copy / "reports/.studylog-manifest.json").read_text(encoding="utf-8"))["as_of"]
    assert foresees(day)
    for zone in (b"Asia/Beijing", b"/x", b"..", b"A" * 300):  # not a timezone: a guess never raises
        assert not building._likely_unchanged(built_copy, "any", b"timezone: " + zone + b"\n", None)
    assert not foresees("2026-02-01")  # another as-of date
    with monkeypatch.context() as upgraded:
        upgraded.setattr(building, "code_fingerprint", lambda: "another studylog")
        assert not foresees(day)
    checkin = next(iter(sorted((built_copy / "checkins").rglob("*.yaml"))))
    checkin.write_bytes(checkin.read_bytes() + b"# an edit\n")
    assert not foresees(day)
    checkin.write_bytes(checkin.read_bytes()[: -len(b"# an edit\n")])
    assert foresees(day)
    manifest = built_copy / "reports/.studylog-manifest.json"
    manifest.rename(built_copy.parent / "outside.json")
    manifest.symlink_to(built_copy.parent / "outside.json")  # out of the repository: the build refuses it later
    assert not foresees(day)
