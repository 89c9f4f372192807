"""The house rules of ARCHITECTURE.md, checked on the source: imports flow down the pipeline, and
exception classes live only in errors.py."""

from __future__ import annotations

import ast
import builtins
from pathlib import Path

import pytest

from conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "scripts" / "studylog"
SHARED = {
    "__init__",
    "model",
    "diagnostics",
    "errors",
    "layout",
    "linkpath",
    "cache",
    "clock",
    "safepath",
    "othercore",
    "i18n",
    "messages",
}
# The pipeline, earliest first; a module may import its own stage and earlier ones only.
STAGES = ["shared", "load", "check", "progress", "render", "write", "publish", "start", "cli"]
# publish (git, GitHub) and start (init, new, import) are siblings: neither needs the other.
SIBLINGS = {("publish", "start"), ("start", "publish")}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts)


def stage_of(module: str) -> str:
    """`studylog.render.views` → `render`; the shared modules → `shared`; `__main__` runs the CLI."""
    parts = module.split(".")
    first = parts[1] if len(parts) > 1 else "__init__"
    if first == "__main__":
        return "cli"
    if first == "review":  # the spaced-review schedule: pure like progress.py, beside it
        return "progress"
    return "shared" if first in SHARED else first


def _imports(path: Path, module: str) -> list[tuple[str, int]]:
    """Every studylog module `path` imports, at any depth (function-level imports too), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            # `from studylog import render` imports the sub-package render
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names if target == "studylog"]
    return [(name, line) for name, line in found if name == "studylog" or name.startswith("studylog.")]


def _modules() -> list[tuple[Path, str]]:
    return sorted((path, _module_name(path)) for path in PACKAGE.rglob("*.py"))


def test_every_module_has_a_known_stage() -> None:
    unknown = {module: stage_of(module) for _, module in _modules() if stage_of(module) not in STAGES}
    assert unknown == {}, "add the new package to STAGES here and to ARCHITECTURE.md"


def test_the_walker_sees_function_level_imports() -> None:
    """A check that finds nothing passes trivially: make sure it sees imports inside functions."""
    build = PACKAGE / "write" / "build.py"
    seen = {name for name, _ in _imports(build, "studylog.write.build")}
    assert "studylog.check.repository" in seen  # imported inside build_repository()
    assert "studylog.render.pages" in seen
    assert stage_of("studylog.render.views") == "render" and stage_of("studylog.layout") == "shared"


def test_no_module_imports_a_later_stage() -> None:
    order = {stage: index for index, stage in enumerate(STAGES)}
    wrong = []
    for path, module in _modules():
        mine = stage_of(module)
        for name, line in _imports(path, module):
            theirs = stage_of(name)
            if theirs not in order:
                continue  # reported by test_every_module_has_a_known_stage
            if order[theirs] > order[mine] or (mine, theirs) in SIBLINGS:
                wrong.append(f"{path.relative_to(REPO_ROOT)}:{line}: {mine} imports {name} ({theirs})")
    assert wrong == []


def _exception_names() -> set[str]:
    names = {name for name, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)}
    errors = ast.parse((PACKAGE / "errors.py").read_text(encoding="utf-8"))
    return names | {node.name for node in ast.walk(errors) if isinstance(node, ast.ClassDef)}


def _base_name(base: ast.expr) -> str:
    if isinstance(base, ast.Attribute):
        return base.attr
    return base.id if isinstance(base, ast.Name) else ""


def test_only_errors_py_defines_exception_classes() -> None:
    exceptions = _exception_names()
    found = []
    for path, _ in _modules():
        if path == PACKAGE / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(_base_name(b) in exceptions for b in node.bases):
                found.append(f"{path.relative_to(REPO_ROOT)}:{node.lineno}: class {node.name}")
    assert found == [], "define exceptions in studylog/errors.py, under the base with the right exit code"


@pytest.mark.parametrize(
    "source",
    [
        "class Oops(Exception):\n    pass\n",
        "import builtins\nclass Oops(builtins.ValueError):\n    pass\n",
        "from studylog.errors import UsageError\nclass Oops(UsageError):\n    pass\n",
    ],
)
def test_the_exception_rule_catches_a_new_class(source: str) -> None:
    exceptions = _exception_names()
    classes = [n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef)]
    assert classes and all(any(_base_name(b) in exceptions for b in c.bases) for c in classes)


def test_every_error_carries_an_exit_code() -> None:
    from studylog import errors

    classes = [v for v in vars(errors).values() if isinstance(v, type) and issubclass(v, BaseException)]
    assert classes and all(issubclass(c, errors.StudylogError) and c.exit_code in (1, 2, 3, 4) for c in classes)
