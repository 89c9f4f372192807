"""The templates, compiled to Python ahead of time: a new process renders without compiling them.

Compiling the templates from source costs every new process about 0.15 s of CPU (Jinja's lexer,
parser and code generator, then Python's compiler): a tenth of a small build, paid again by every
build on a runner. `python -m studylog.render.compiled` writes them here as Jinja's own
precompiled modules (`Environment.compile_templates`, loaded by `jinja2.ModuleLoader`), a folder
for each environment (`md`: no escaping; `html`: autoescape), and `sources.json`: the Jinja
version and the hash of every template source they were compiled from. Python keeps their
bytecode in `__pycache__` like any module's, so loading them takes about 2 ms.

They are used only while `sources.json` matches the installed Jinja and the templates as they are
now; otherwise every template is compiled from source as before. A forgotten recompile costs time,
never a wrong page, and tests/test_compiled_templates.py fails until the folder is current.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

FOLDER = Path(__file__).resolve().parent
TEMPLATES = FOLDER.parent / "templates"
RECORD = "sources.json"
# autoescape → (folder, which templates that environment renders: its pages and the shared macros)
KINDS: dict[bool, tuple[str, Callable[[str], bool]]] = {
    False: ("md", lambda name: name.endswith(".md.j2") or name.startswith("_")),
    True: ("html", lambda name: name.endswith(".html.j2") or name.startswith("_")),
}


def record(templates: Path = TEMPLATES) -> dict[str, Any]:
    """What compiled modules are valid for: this Jinja, these template sources."""
    return {
        "jinja2": getattr(jinja2, "__version__", None),
        "templates": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(templates.glob("*.j2"))},
    }


@functools.cache
def current(folder: Path = FOLDER, templates: Path = TEMPLATES) -> bool:
    """Whether the compiled modules in `folder` were made from these templates by this Jinja."""
    try:
        recorded = json.loads((folder / RECORD).read_bytes())
    except (OSError, ValueError):
        return False
    now = record(templates)
    return now["jinja2"] is not None and recorded == now


def loader(autoescape: bool, source: jinja2.BaseLoader, folder: Path = FOLDER) -> jinja2.BaseLoader:
    """The compiled modules while they are current (a template without one still comes from
    `source`), else `source` alone."""
    if not current(folder):
        return source
    return jinja2.ChoiceLoader([jinja2.ModuleLoader(folder / KINDS[autoescape][0]), source])


def write(environment: Callable[[bool], jinja2.Environment], folder: Path = FOLDER) -> list[Path]:
    """Compile every template with `environment(autoescape)` (one with the source loader and the
    filters a build uses) into `folder`; return the files written. Old modules are removed first."""
    written = []
    for autoescape, (name, wanted) in KINDS.items():
        target = folder / name
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("tmpl_*.py"):
            old.unlink()
        environment(autoescape).compile_templates(target, filter_func=wanted, zip=None, ignore_errors=False)
        written += sorted(target.glob("tmpl_*.py"))
    (folder / RECORD).write_text(json.dumps(record(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    current.cache_clear()
    return [*written, folder / RECORD]


def main() -> None:
    from studylog.render import pages

    for path in write(pages.source_environment):
        print(path.relative_to(FOLDER.parent.parent.parent))
