"""`studylog checkin` and issue-form check-ins: write or update one day's check-in without typing YAML.

The learner's file is edited as text, never re-dumped: PyYAML's composer tells where each value
sits (line and column), and only those places change — a scalar is replaced, a list gets entries
appended after its last one. Comments, key order, quoting and blank lines stay as they were
(ruamel.yaml could round-trip too, but a new dependency for five kinds of edit is not worth it).

Merging a second check-in into a day's file: lists are united (an entry already there is not
added twice, so running the same update again changes nothing), a given `status`, `hours` or
`task` replaces the old value (the change is reported; the old value stays in git history),
notes are appended. Nothing already written is dropped.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studylog.cache import write_atomic
from studylog.diagnostics import Diagnostic
from studylog.errors import CheckinRefused
from studylog.i18n import Lang, t, using
from studylog.layout import checkin_path
from studylog.model import CheckIn, Repository, Status
from studylog.start.scaffold import new_checkin

if TYPE_CHECKING:
    import datetime as dt

    import yaml
else:
    from studylog.load.yamlsrc import yaml

STATUS_WORD = {Status.DONE: "done", Status.IN_PROGRESS: "in-progress", Status.NOT_DONE: "not-done"}
# Codes a local `studylog checkin` may leave behind: the linked file is written but not committed yet.
LOCAL_ONLY = frozenset({"link-untracked"})


@dataclass(frozen=True)
class CheckinUpdate:
    """What one `studylog checkin` or one issue adds to a day."""

    day: dt.date | None = None  # None: today in the plan's timezone
    status: Status | None = None
    hours: float | None = None
    done: tuple[str, ...] = ()  # item or task ids finished
    messages: tuple[str, ...] = ()  # 今日完成, in the learner's words
    problems: tuple[tuple[str, str], ...] = ()  # (problem, solution); solution "" while open
    links: tuple[str, ...] = ()
    reviewed: tuple[str, ...] = ()
    summary: str = ""  # 核心任务
    notes: str = ""


@dataclass(frozen=True)
class Change:
    """One thing a merge changed, said in the plan's language when the reply is written."""

    kind: str  # a catalog `change.<kind>`
    fields: tuple[tuple[str, str], ...] = ()

    def text(self) -> str:
        return t(f"change.{self.kind}").format(**dict(self.fields))


def _change(kind: str, **fields: object) -> Change:
    return Change(kind, tuple((k, str(v)) for k, v in fields.items()))


@dataclass
class Merged:
    path: str
    text: str
    created: bool
    changes: list[Change] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# emitting YAML text


def scalar(value: str | float) -> str:
    """One YAML scalar: plain when it reads back as the same string, else double-quoted (JSON's escapes are YAML's)."""
    if isinstance(value, float):
        return f"{value:g}"
    plain = value.strip() == value and value and "\n" not in value and " #" not in value and ": " not in value
    if plain and not re.match(r"[-?:,\[\]{}#&*!|>'\"%@`]", value):
        try:
            if yaml.safe_load(f"k: {value}") == {"k": value} and not re.fullmatch(r"[\d.:+-]+", value):
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def _problem_block(problem: str, solution: str) -> str:
    return f"- problem: {scalar(problem)}" + (f"\n  solution: {scalar(solution)}" if solution else "")


def _problem_flow(problem: str, solution: str) -> str:
    return "{problem: " + scalar(problem) + (", solution: " + scalar(solution) if solution else "") + "}"


# ---------------------------------------------------------------------------------------------
# editing the text in place


def _last_index(node: yaml.Node) -> int:
    """Where a value's own text ends (a block collection's end mark runs on over blank lines)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        return int(node.end_mark.index)
    children = node.value if isinstance(node, yaml.SequenceNode) else [v for _, v in node.value]
    return _last_index(children[-1]) if children else int(node.end_mark.index)


class _Editor:
    """Edits applied back to front, so earlier offsets stay valid."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.edits: list[tuple[int, int, str]] = []

    def replace(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, new))

    def insert_after_line(self, index: int, new: str) -> None:
        """Insert whole lines after the line holding `index` and any comment-only lines right below it."""
        end = self.text.find("\n", index)
        end = len(self.text) if end < 0 else end + 1
        while True:
            nxt = self.text.find("\n", end)
            line = self.text[end : (len(self.text) if nxt < 0 else nxt)]
            if not line.strip().startswith("#") or not line.strip():
                break
            end = len(self.text) if nxt < 0 else nxt + 1
        self.edits.append((end, end, new if self.text[:end].endswith("\n") or not end else "\n" + new))

    def append(self, new: str) -> None:
        self.edits.append((len(self.text), len(self.text), ("" if self.text.endswith("\n") else "\n") + new))

    def result(self) -> str:
        text = self.text
        # Back to front; of two edits at one place the earlier-made one must end up first.
        ordered = sorted(enumerate(self.edits), key=lambda e: (e[1][0], e[1][1], e[0]), reverse=True)
        for _, (start, end, new) in ordered:
            text = text[:start] + new + text[end:]
        return text


def _fields(root: yaml.Node) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    return {k.value: (k, v) for k, v in root.value if isinstance(k, yaml.ScalarNode)}


def _indent(entries: Sequence[str], prefix: str) -> str:
    return "".join(prefix + line + "\n" for entry in entries for line in entry.splitlines())


def _add_entries(
    editor: _Editor,
    fields: dict[str, Any],
    key: str,
    block: Sequence[str],
    flow: Sequence[str],
    *,
    prefer_flow: bool = False,
) -> None:
    """Append entries to a list value, in whichever form it is written; `block` entries are without indent."""
    if not block:
        return
    if key not in fields:
        editor.append(f"{key}: [{', '.join(flow)}]\n" if prefer_flow else f"{key}:\n{_indent(block, '  ')}")
        return
    keynode, value = fields[key]
    empty_flow = isinstance(value, yaml.SequenceNode) and value.flow_style and not value.value
    if isinstance(value, yaml.SequenceNode) and value.flow_style and value.value:
        editor.replace(_last_index(value.value[-1]), _last_index(value.value[-1]), ", " + ", ".join(flow))
    elif empty_flow and prefer_flow:
        editor.replace(value.start_mark.index, value.end_mark.index, f"[{', '.join(flow)}]")
    elif empty_flow or (isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null"):
        # `problems: []  # hint` becomes `problems:  # hint` with the entries below it
        editor.replace(value.start_mark.index, value.end_mark.index, "")
        editor.insert_after_line(keynode.start_mark.index, _indent(block, "  "))
    elif isinstance(value, yaml.SequenceNode):
        editor.insert_after_line(_last_index(value), _indent(block, " " * value.start_mark.column))
    else:  # a single text where a list may be: make it a list of the old and the new
        old = editor.text[value.start_mark.index : value.end_mark.index].strip()
        editor.replace(value.start_mark.index, value.end_mark.index, "[" + ", ".join([old, *flow]) + "]")


def _set_scalar(editor: _Editor, fields: dict[str, Any], key: str, new: str) -> None:
    if key not in fields:
        editor.append(f"{key}: {new}\n")
        return
    value = fields[key][1]
    tail = "\n" if isinstance(value, yaml.ScalarNode) and value.style in ("|", ">") else ""
    editor.replace(value.start_mark.index, value.end_mark.index, new + tail)


# ---------------------------------------------------------------------------------------------
# the merge


def merge_text(
    text: str, existing: CheckIn | None, planned: Sequence[str], update: CheckinUpdate
) -> tuple[str, list[Change]]:
    """The check-in text with `update` merged in, and what changed."""
    # A new file starts from `studylog new`'s stub, whose status line is left for the learner to choose
    # (with the choices in a comment): the command chooses it, done unless --status says — or in
    # progress when all it records is a review (what `studylog review` suggests): reviewing an old
    # problem is not the day's plan done, and must not earn its share.
    only_reviews = bool(update.reviewed) and not (
        update.done or update.messages or update.problems or update.links or update.summary or update.notes
    )
    first_status = Status.IN_PROGRESS if only_reviews else Status.DONE  # its hours are the review's own
    if existing is None:
        word = STATUS_WORD[update.status or first_status]
        text, found = re.subn(r"^status:[^\n]*$", f"status: {word}", text, count=1, flags=re.M)
        if not found:
            text = text.rstrip("\n") + f"\nstatus: {word}\n"
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise CheckinRefused(t("checkin.not-mapping"))
    fields = _fields(root)
    editor = _Editor(text)
    changes: list[Change] = []
    old_status = existing.status if existing else first_status
    status = update.status or old_status
    if update.status is not None and existing is not None and update.status is not existing.status:
        _set_scalar(editor, fields, "status", STATUS_WORD[update.status])
        changes.append(_change("status", old=STATUS_WORD[old_status], new=STATUS_WORD[update.status]))
    if update.hours is not None and (existing is None or existing.hours != update.hours):
        _set_scalar(editor, fields, "hours", scalar(float(update.hours)))
        old = existing.hours if existing else None
        changes.append(
            _change("hours-changed", old=f"{old:g}", new=f"{update.hours:g}")
            if old is not None
            else _change("hours", hours=f"{update.hours:g}")
        )
    if update.summary and (existing is None or existing.summary != update.summary):
        _set_scalar(editor, fields, "task", scalar(update.summary))
        changes.append(_change("task"))
    _merge_items(editor, fields, existing, planned, update, status, changes)
    known_done = set(existing.done) if existing else set()
    new_done = [m for m in dict.fromkeys(update.messages) if m not in known_done]
    _add_entries(editor, fields, "done", [f"- {scalar(m)}" for m in new_done], [scalar(m) for m in new_done])
    changes += [_change("done", message=m) for m in new_done]
    _merge_problems(editor, fields, existing, update, changes)
    known_links = {link.target for link in existing.links} if existing else set()
    links = [link for link in dict.fromkeys(update.links) if link not in known_links]
    _add_entries(
        editor, fields, "links", [f"- {scalar(x)}" for x in links], [scalar(x) for x in links], prefer_flow=True
    )
    changes += [_change("link", link=x) for x in links]
    seen = set(existing.reviewed) if existing else set()
    reviewed = [r for r in dict.fromkeys(update.reviewed) if r not in seen]
    _add_entries(
        editor,
        fields,
        "reviewed",
        [f"- {scalar(r)}" for r in reviewed],
        [scalar(r) for r in reviewed],
        prefer_flow=True,
    )
    changes += [_change("reviewed", id=r) for r in reviewed]
    notes = update.notes.strip()
    if notes and (existing is None or notes not in existing.notes):
        combined = f"{existing.notes.rstrip()}\n\n{notes}" if existing and existing.notes.strip() else notes
        _set_scalar(editor, fields, "notes", scalar(combined))
        changes.append(_change("notes"))
    return editor.result(), changes


def _merge_items(
    editor: _Editor,
    fields: dict[str, Any],
    existing: CheckIn | None,
    planned: Sequence[str],
    update: CheckinUpdate,
    status: Status,
    changes: list[Change],
) -> None:
    if not update.done:
        return
    if "items" not in fields or (existing is not None and not existing.items_given):
        # Without `items` a check-in means the plan's items of its day: keep saying so explicitly.
        listed = [] if existing is None else list(planned)
        ids = list(dict.fromkeys([*listed, *update.done]))
        entries = [i if status is Status.DONE or i not in update.done else f"{{id: {i}, status: done}}" for i in ids]
        line = "[" + ", ".join(entries) + "]"
        if "items" in fields:
            value = fields["items"][1]
            editor.replace(value.start_mark.index, value.end_mark.index, line)
        else:
            editor.append(f"items: {line}\n")
        changes += [_change("item-done", id=i) for i in update.done]
        return
    value = fields["items"][1]
    entries = value.value if isinstance(value, yaml.SequenceNode) else []
    by_id: dict[str, yaml.Node] = {}
    for entry in entries:
        if isinstance(entry, yaml.ScalarNode):
            by_id[str(entry.value)] = entry
        elif isinstance(entry, yaml.MappingNode):
            inner = _fields(entry)
            if "id" in inner:
                by_id[str(inner["id"][1].value)] = entry
    new: list[str] = []
    for ident in dict.fromkeys(update.done):
        node = by_id.get(ident)
        if node is None:
            new.append(ident)
            continue
        current = existing and next((w.status for w in existing.items if w.id == ident), None)
        if current is Status.DONE:
            continue
        changes.append(_change("item-now-done", id=ident))
        if isinstance(node, yaml.MappingNode) and "status" in _fields(node):
            inner_status = _fields(node)["status"][1]
            editor.replace(inner_status.start_mark.index, inner_status.end_mark.index, "done")
        elif isinstance(node, yaml.MappingNode):
            ident_node = _fields(node)["id"][1]
            editor.replace(ident_node.end_mark.index, ident_node.end_mark.index, ", status: done" if node.flow_style
                           else "\n" + " " * node.start_mark.column + "status: done")  # fmt: skip
        else:
            editor.replace(node.start_mark.index, node.end_mark.index, f"{{id: {ident}, status: done}}")
    flow = [i if status is Status.DONE else f"{{id: {i}, status: done}}" for i in new]
    block = [f"- {i}" if status is Status.DONE else f"- id: {i}\n  status: done" for i in new]
    if isinstance(value, yaml.ScalarNode) and value.tag != "tag:yaml.org,2002:null" and new:
        editor.replace(value.start_mark.index, value.end_mark.index, "[" + ", ".join([value.value, *flow]) + "]")
    else:
        _add_entries(editor, fields, "items", block, flow, prefer_flow=True)
    changes += [_change("item-done", id=i) for i in new]


def _merge_problems(
    editor: _Editor, fields: dict[str, Any], existing: CheckIn | None, update: CheckinUpdate, changes: list[Change]
) -> None:
    known = {(p.problem, p.solution) for p in existing.problems} if existing else set()
    open_ones = {p.problem for p in existing.problems if p.is_open} if existing else set()
    value = fields["problems"][1] if "problems" in fields else None
    nodes = value.value if isinstance(value, yaml.SequenceNode) else []
    new = []
    for problem, solution in dict.fromkeys(update.problems):
        if (problem, solution) in known or (not solution and problem in {p for p, _ in known}):
            continue
        if solution and problem in open_ones:
            # solving a problem recorded open earlier that day: give that entry its solution
            node = next(n for n, p in zip(nodes, existing.problems if existing else (), strict=False)
                        if p.problem == problem and p.is_open)  # fmt: skip
            if isinstance(node, yaml.MappingNode) and not node.flow_style:
                key = _fields(node)["problem"][0]
                editor.insert_after_line(
                    _last_index(node), " " * key.start_mark.column + f"solution: {scalar(solution)}\n"
                )
            else:
                editor.replace(node.start_mark.index, node.end_mark.index, _problem_flow(problem, solution))
            changes.append(_change("solved", problem=problem))
            continue
        new.append((problem, solution))
    block = [_problem_block(p, s) for p, s in new]
    _add_entries(editor, fields, "problems", block, [_problem_flow(p, s) for p, s in new])
    changes += [_change("problem", problem=p) for p, _ in new]


def prepare(root: Path, repository: Repository, update: CheckinUpdate) -> Merged:
    """The day's check-in with the update merged in (not written yet)."""
    assert update.day is not None
    existing = next((c for c in repository.checkins if c.date == update.day), None)
    planned = [i.id for i in repository.plan.items_on(update.day)]
    bom = crlf = False
    if existing is not None:
        rel = existing.path
        raw = (root / rel).read_bytes()
        bom, text = raw.startswith(b"\xef\xbb\xbf"), raw.decode("utf-8-sig")
        # Written back the way it came: a BOM kept, and CRLF on every line when every line had it
        # (Windows Notepad) — not a file of CRLF lines with LF ones added.
        crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
        text = text.replace("\r\n", "\n") if crlf else text
        created = False
    else:
        rel = checkin_path(update.day)
        if (root / rel).exists():  # on disk but not loadable: the learner must fix it first
            raise CheckinRefused(t("checkin.unreadable", path=rel))
        rel, text, _ = new_checkin(root, repository, update.day)
        # The template suggests the daily target and the planned items; say only what was told.
        if update.hours is None:
            text = re.sub(r"^hours: .*\n", "", text, flags=re.M)
        if update.done:
            text = re.sub(r"^items: .*$", "items: []", text, count=1, flags=re.M)
        created = True
    merged, changes = merge_text(text, existing, planned, update)
    merged = ("\ufeff" if bom else "") + (merged.replace("\n", "\r\n") if crlf else merged)
    return Merged(rel, merged, created, changes)


def write_checkin(
    root: Path, repository: Repository, update: CheckinUpdate, *, local: bool, today: dt.date
) -> tuple[Merged, list[Diagnostic]]:
    """Merge, write, validate as of `today`; on errors put the old bytes back and raise. `local`:
    untracked links may wait. (Validated as of the day it records, a check-in for a day still to
    come was written, and `validate` failed on it right after.)"""
    from studylog.check.repository import load_repository

    merged = prepare(root, repository, update)
    path = root / merged.path
    before = path.read_bytes() if path.exists() else None
    write_atomic(path, merged.text.encode("utf-8"))
    try:
        result = load_repository(root, today, links=True, history=False)
    except BaseException:
        _restore(path, before)
        raise
    found = [d for d in result.diagnostics if d.path == merged.path]
    blocking = [d for d in found if d.is_error and not (local and d.code in LOCAL_ONLY)]
    if blocking:
        _restore(path, before)
        raise CheckinRefused(
            t("checkin.would-break", path=merged.path, errors=t("cli.n-errors", n=len(blocking))), blocking, merged.text
        )
    return merged, found


def _restore(path: Path, before: bytes | None) -> None:
    if before is None:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, before)


def root_relative(link: str, folder: str | None = None) -> str:
    """`docs/a.md#x` typed at the repository root means `/docs/a.md#x` (a check-in's links start at its folder).

    With `folder` (where `studylog checkin` runs, relative to the repository root), a path starts
    there, as every path typed in a terminal does (and as the shell completes it): `notes.md` or
    `./notes.md` typed in `docs/` is `/docs/notes.md`. A URL, `/…` and `#…` stay as typed, and so
    does a path that would climb out of the repository (`../../docs/a.md`, written from the
    check-in's folder): validation reads it as the check-in's."""
    if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|[/#]", link):
        return link
    if folder is None:
        return link if link.startswith(".") else "/" + link
    path, mark, fragment = link.partition("#")
    path = path.replace("\\", "/")  # `.\notes.md`, as a Windows terminal completes it
    joined = posixpath.normpath(posixpath.join(folder, path))
    if joined == ".." or joined.startswith("../"):
        return link
    return "/" + ("" if joined == "." else joined) + mark + fragment


@dataclass(frozen=True)
class Recorded:
    merged: Merged
    diagnostics: list[Diagnostic]  # what is left in the file: warnings, and untracked links locally
    reply: str  # the day's progress: plain text for the terminal, Markdown for the issue comment


def record(
    root: Path, update: CheckinUpdate, *, local: bool = True, markdown_out: bool = False, folder: str | None = None
) -> Recorded:
    """Load the repository, merge `update` into its day's check-in, validate, and say where the day stands.
    `folder`: where the command runs, relative to `root` (links typed there start there)."""
    from dataclasses import replace as with_

    from studylog.check.repository import load_repository
    from studylog.clock import as_of
    from studylog.progress import compute
    from studylog.render.reply import day_progress

    result = load_repository(root, update.day, history=False)
    if result.repository is None:
        raise CheckinRefused(t("checkin.plan-errors"), result.errors)
    plan = result.repository.plan
    today = as_of(None, plan.timezone, plan.day_starts_at)  # before the plan's day start, still yesterday
    day = update.day or today
    update = with_(update, day=day, links=tuple(root_relative(link, folder) for link in update.links))
    plan_errors = [d for d in result.errors if d.path == plan.path]
    if plan_errors:
        raise CheckinRefused(t("checkin.plan-errors"), plan_errors)
    merged, found = write_checkin(root, result.repository, update, local=local, today=today)
    after = load_repository(root, day)
    assert after.repository is not None
    snapshot = compute(after.repository, day)
    with using(Lang(after.repository.plan.locale.value)):  # the reply speaks the plan's language
        changes = [change.text() for change in merged.changes]
    reply = day_progress(after.repository, snapshot, merged.path, changes, merged.created, markdown_out=markdown_out)
    return Recorded(merged, found, reply)
