"""The precompiled templates (render/compiled): current, the same pages as the sources, and never
used once they are stale."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from conftest import DATA, run_cli, write_repo
from studylog.check.repository import load_repository
from studylog.progress import compute
from studylog.render import compiled, pages

REGENERATE = "python -m studylog.render.compiled"
AS_OF = dt.date(2026, 1, 8)


@pytest.fixture
def fresh_environments() -> Iterator[None]:
    """Environments made anew for the test (and again after it), whatever an earlier test cached."""
    pages._environment.cache_clear()
    compiled.current.cache_clear()
    yield
    pages._environment.cache_clear()
    compiled.current.cache_clear()


def test_the_committed_modules_are_what_the_templates_compile_to(tmp_path: Path) -> None:
    written = compiled.write(pages.source_environment, tmp_path)
    made = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in written}
    committed = {
        p.relative_to(compiled.FOLDER).as_posix(): p.read_bytes()
        for p in [*compiled.FOLDER.glob("*/tmpl_*.py"), compiled.FOLDER / compiled.RECORD]
    }
    assert made == committed, f"the templates changed: run `{REGENERATE}` and commit what it writes"
    assert compiled.current(), f"run `{REGENERATE}`"
    # Each environment has its own pages and the shared macros: md the Markdown, html the dashboard and print page.
    assert sum(name.startswith("md/") for name in made) == len(list(compiled.TEMPLATES.glob("*.md.j2"))) + 1
    assert sum(name.startswith("html/") for name in made) == len(list(compiled.TEMPLATES.glob("*.html.j2"))) + 1


@pytest.mark.usefixtures("fresh_environments")
def test_a_build_renders_the_same_bytes_from_compiled_modules_and_from_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = {"plan.yaml": (DATA / "plan.yaml").read_text(encoding="utf-8"), **_checkins()}
    trees = {}
    for way in ("compiled", "source"):
        if way == "source":
            monkeypatch.setattr(compiled, "loader", lambda autoescape, source: source)
            pages._environment.cache_clear()
        root = write_repo(tmp_path / way / "repo", files)
        assert run_cli("build", str(root), "--today", AS_OF.isoformat()).returncode == 0
        loader = pages._environment(True).loader
        assert isinstance(loader, jinja2.ChoiceLoader) == (way == "compiled")
        trees[way] = {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        loaded = load_repository(root, AS_OF).repository  # and the print page `export --pdf` prints
        assert loaded is not None
        trees[way]["print.html"] = pages.render_print(loaded, compute(loaded, AS_OF)).encode("utf-8")
    assert trees["compiled"] == trees["source"]
    assert any(name.endswith("index.html") for name in trees["source"])


def test_modules_made_from_other_sources_or_by_another_jinja_are_not_used(tmp_path: Path) -> None:
    folder = tmp_path / "compiled"
    shutil.copytree(compiled.FOLDER, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py[co]"))
    templates = shutil.copytree(compiled.TEMPLATES, tmp_path / "templates")
    source = jinja2.FileSystemLoader(templates)
    assert compiled.current(folder, templates)
    assert compiled.loader(True, source, folder) is not source

    (templates / "weekly.md.j2").write_text("edited by hand\n", encoding="utf-8")
    assert not compiled.current.__wrapped__(folder, templates)
    (templates / "weekly.md.j2").write_bytes((compiled.TEMPLATES / "weekly.md.j2").read_bytes())
    assert compiled.current.__wrapped__(folder, templates)

    record = json.loads((folder / compiled.RECORD).read_text(encoding="utf-8"))
    (folder / compiled.RECORD).write_text(json.dumps({**record, "jinja2": "2.11.3"}), encoding="utf-8")
    assert not compiled.current.__wrapped__(folder, templates)
    (folder / compiled.RECORD).write_text("{not json", encoding="utf-8")
    assert not compiled.current.__wrapped__(folder, templates)
    (folder / compiled.RECORD).unlink()
    assert not compiled.current.__wrapped__(folder, templates)


def _checkins() -> dict[str, str]:
    """Three days, their insights holding markup that the HTML page must escape and Markdown must not."""
    return {
        f"checkins/2026/2026-01-0{day}.yaml": (
            f"date: 2026-01-0{day}\nstatus: done\nhours: 2\ninsights: ['<b>第{day}天</b> & x']\n"
        )
        for day in (5, 6, 7)
    }
