"""The message catalog: both languages for every entry, the same placeholders in each, every id
used exists, and no sentence a learner reads bypasses the catalog."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from studylog.i18n import Lang, choose, parse_lang, t, using
from studylog.messages import CATALOG

PACKAGE = REPO_ROOT / "scripts" / "studylog"
# Calls whose string arguments a learner reads: diagnostics, link problems, errors, terminal lines.
USER_FACING = {
    "at",
    "Diagnostic",
    "error",
    "warning",
    "wrong_type",
    "Problem",
    "Outcome",
    "UsageError",
    "ProblemsFound",
    "StudylogError",
    "GitError",
    "ApiError",
    "MarkerError",
    "print",
    "_say",
    "add_argument",
    "add_parser",
    "ArgumentParser",
    "ArgumentTypeError",
    "Finding",
    "CheckinRefused",
    # `studylog import`: what a recogniser saw, a note on a line of the tracker, a refusal
    "Detection",
    "Note",
    "note",
    "ImportRefused",
    # the bot: what it did, printed as `✓ {action}`
    "Action",
    "LookupError",
}
# Keywords and variables that carry a sentence for the learner, whatever the call or statement.
USER_FACING_NAMES = {"hint", "why", "help", "description", "message", "note", "planned", "fix"}
_CJK_PUNCTUATION = re.compile(r"[，。：；！？（）“”‘’、【】]")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _bilingual_problems(message_id: str) -> list[str]:
    entry = CATALOG[message_id]
    problems = []
    if not (entry.en.strip() and entry.zh.strip()):
        problems.append("a language is empty")
    if _fields(entry.zh) != _fields(entry.en):
        problems.append(f"placeholders differ: en {sorted(_fields(entry.en))}, zh {sorted(_fields(entry.zh))}")
    if entry.en_one and _fields(entry.en_one) != _fields(entry.en):
        problems.append("the English singular (en_one) has other placeholders")
    if "{n}" in entry.en and not entry.en_one and re.search(r"\{n\} \w+s\b", entry.en):
        problems.append("counts `{n}` things but has no English singular (en_one)")
    return problems


def _punctuation_problems(message_id: str) -> list[str]:
    entry = CATALOG[message_id]
    problems = []
    outside_code = [re.sub(r"`[^`]*`", "", text) for text in (entry.en, entry.en_one)]
    if any(_CJK_PUNCTUATION.search(text) for text in outside_code):
        problems.append("Chinese punctuation in the English")
    zh = re.sub(r"`[^`]*`|\{[^}]*\}|https?://\S+", "", entry.zh)
    # A Chinese sentence uses Chinese punctuation.
    if re.search(r"[\u4e00-\u9fff]", zh) and re.search(r"[;?!]|[\u4e00-\u9fff][,:(]|\)[\u4e00-\u9fff]", zh):
        problems.append(f"English sentence marks in the Chinese: {entry.zh!r}")
    return problems


# One test per rule over the whole catalogue (not one per entry: ~740 entries made pytest's own
# per-test cost most of the time), naming every entry that breaks it.
@pytest.mark.parametrize("rule", [_bilingual_problems, _punctuation_problems], ids=["placeholders", "punctuation"])
def test_every_catalog_entry(rule: Callable[[str], list[str]]) -> None:
    broken = {message_id: found for message_id in sorted(CATALOG) if (found := rule(message_id))}
    assert not broken, broken


def test_the_catalog_rules_find_what_they_look_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CATALOG, "test.bad", CATALOG["cli.n-errors"]._replace(zh="{x} 个错误!", en_one=""))
    assert _bilingual_problems("test.bad") == [
        "placeholders differ: en ['n'], zh ['x']",
        "counts `{n}` things but has no English singular (en_one)",
    ]
    assert _punctuation_problems("test.bad") == ["English sentence marks in the Chinese: '{x} 个错误!'"]
    monkeypatch.setitem(CATALOG, "test.bad", CATALOG["cli.n-errors"]._replace(en="{n} errors。"))
    assert _punctuation_problems("test.bad") == ["Chinese punctuation in the English"]


def test_plural_forms_in_english() -> None:
    with using(Lang.EN):
        assert t("cli.n-errors", n=1) == "1 error"
        assert t("cli.n-errors", n=2) == "2 errors"
        assert t("cli.n-errors", n=0) == "0 errors"
        assert t("status.behind", n=1) == "1 day behind"
    with using(Lang.ZH_CN):
        assert t("cli.n-errors", n=1) == "1 个错误"


def test_language_choice_order() -> None:
    assert choose("en", {"STUDYLOG_LANG": "zh-CN", "LANG": "zh_CN.UTF-8"}, "zh-CN") is Lang.EN
    assert choose(None, {"STUDYLOG_LANG": "zh-CN", "LANG": "en_US.UTF-8"}, "en") is Lang.ZH_CN
    assert choose(None, {"LANG": "en_US.UTF-8"}, "zh-CN") is Lang.ZH_CN
    assert choose(None, {"LANG": "zh_CN.UTF-8"}, None) is Lang.ZH_CN
    assert choose(None, {"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, None) is Lang.ZH_CN
    assert choose(None, {"LANG": "C.UTF-8"}, None) is Lang.EN
    assert choose(None, {}, None) is Lang.EN
    assert parse_lang("zh-Hans") is Lang.ZH_CN and parse_lang("fr_FR.UTF-8") is None


def _message_ids_used() -> tuple[set[str], set[str]]:
    """Message ids passed to `t(...)` as literals, and the prefixes of ids built with an f-string."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    literal.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    prefixes.add(str(first.values[0].value))
                elif isinstance(first, ast.IfExp):
                    literal |= {str(v.value) for v in (first.body, first.orelse) if isinstance(v, ast.Constant)}
                elif isinstance(first, ast.Call):  # t(_KIND_NAMES.get(...)): ids listed in a table
                    continue
    return literal, prefixes


def test_every_message_id_used_exists_and_every_entry_is_used() -> None:
    literal, prefixes = _message_ids_used()
    assert sorted(literal - set(CATALOG)) == []
    tables = {m for m in CATALOG if m.startswith("kind.")}  # looked up through _KIND_NAMES
    unused = {m for m in CATALOG if m not in literal and m not in tables and not m.startswith(tuple(prefixes))}
    assert sorted(unused) == []


def _has_words(node: ast.expr) -> str:
    parts = [node] if isinstance(node, ast.Constant) else list(getattr(node, "values", []))
    words = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
    return words if re.search(r"[A-Za-z]+ [A-Za-z]+|[\u4e00-\u9fff]", words) else ""


def _bypasses(path: Path) -> list[str]:
    """String literals with words in them (a space, or Chinese) handed straight to a user-facing call,
    passed as a user-facing keyword (`hint=`, `help=`, `why=` …) or assigned to such a variable."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in ("filterwarnings", "simplefilter"):  # a regular expression, not a sentence
                continue
            if name in USER_FACING:
                values = [*node.args, *(k.value for k in node.keywords)]
            else:
                values = [k.value for k in node.keywords if k.arg in USER_FACING_NAMES]
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(x, ast.Name) and x.id in USER_FACING_NAMES for x in targets) and node.value:
                values = [node.value.body, node.value.orelse] if isinstance(node.value, ast.IfExp) else [node.value]
        for value in values:
            words = _has_words(value)
            if words:
                found.append(f"{path.relative_to(PACKAGE)}:{value.lineno}: {words[:60]!r}")
    return found


def test_no_user_facing_sentence_bypasses_the_catalog() -> None:
    bypassing = [found for path in sorted(PACKAGE.rglob("*.py")) for found in _bypasses(path)]
    assert bypassing == []
