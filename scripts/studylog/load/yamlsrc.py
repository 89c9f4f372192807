"""Reading a YAML file into a node tree that remembers where every value came from.

PyYAML's safe loader is used only as far as *composing* nodes: construction is ours, so that
each value keeps its file, line and column, duplicate keys are caught (PyYAML silently keeps
the last one), and YAML 1.1's surprises (`no` → false, `1:30` → 90) can be reported instead of
silently accepted.
"""

from __future__ import annotations

import functools
import importlib
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from studylog.diagnostics import Diagnostic, Span
from studylog.i18n import t


class _LazyModule:
    """A module imported on first use. PyYAML takes ~20 ms to import, and a run whose plan and
    check-ins all come from the cache (see `cache`) reads no YAML at all."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        value = getattr(self._module, attribute)
        # Remembered on the instance, so the next lookup (tens of thousands of `isinstance`
        # checks per run) is a plain attribute read that never reaches __getattr__.
        setattr(self, attribute, value)
        return value


if TYPE_CHECKING:
    import yaml
else:
    yaml = _LazyModule("yaml")


@functools.cache
def _loader_class() -> Any:
    # The C loader is several times faster; fall back to pure Python where libyaml is absent.
    base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
    resolver = yaml.resolver.Resolver()

    @functools.lru_cache(maxsize=4096)
    def implicit_tag(kind: Any, value: Any, implicit: Any) -> Any:
        return resolver.resolve(kind, value, implicit)  # type: ignore[no-untyped-call]

    class Loader(base):  # type: ignore[misc, valid-type]
        """libyaml's composer calls back into Python for every node; these callbacks are C-level:

        - `resolve` (a scalar's implicit tag) is remembered: keys and values such as `status`,
          `done` and `2` repeat in every check-in, and PyYAML resolves each with Python regexes;
        - the path resolvers are never used (PyYAML's `add_path_resolver`), so descending and
          ascending do nothing — through builtins that take the same arguments, not Python frames.
        """

        resolve = staticmethod(implicit_tag)
        descend_resolver = staticmethod(dict[Any, Any]().get)  # (parent, index) → ignored
        ascend_resolver = staticmethod(tuple)  # () → ignored

    return Loader


STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"

# More nodes than this, counting every alias expansion, is a file built to exhaust memory.
MAX_NODES = 50_000
# Deeper than this is no plan or check-in: libyaml's composer recurses once per level and crashes
# the process (SIGSEGV) around 25,000 levels, so depth is measured on tokens before composing.
MAX_DEPTH = 64


class Document(NamedTuple):
    path: str
    root: yaml.Node | None  # None: the file holds no document (empty, or only comments)


def span_of(path: str, node: yaml.Node) -> Span:
    mark = node.start_mark
    return Span(path, mark.line + 1, mark.column + 1)


def _offset_to_span(path: str, data: bytes, offset: int) -> Span:
    before = data[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return Span(path, line, column)


def decode(path: str, data: bytes, max_bytes: int) -> tuple[str | None, list[Diagnostic]]:
    """UTF-8 text of a file (a BOM and CRLF line ends are fine), or a located diagnostic."""
    if len(data) > max_bytes:
        return None, [
            Diagnostic.at(
                Span(path),
                "file-too-large",
                t("file-too-large", size=f"{len(data):,}", limit=f"{max_bytes:,}"),
                t("hint.file-too-large"),
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [
            Diagnostic.at(
                _offset_to_span(path, data, exc.start),
                "not-utf8",
                t("not-utf8", byte=f"0x{data[exc.start]:02x}"),
                t("hint.not-utf8"),
            )
        ]
    return text.replace("\r\n", "\n"), []


def compose(path: str, text: str) -> tuple[Document | None, list[Diagnostic]]:
    """Compose one YAML document into nodes; syntax errors become diagnostics."""
    loader = _loader_class()(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_error(path, text, exc)]
    except yaml.reader.ReaderError as exc:  # a control character: located by offset, not by mark
        before = text[: exc.position]
        span = Span(path, before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)  # C reader: int
        return None, [
            Diagnostic.at(
                span,
                "yaml-syntax",
                t("control-character", code=f"U+{code:04X}"),
                t("hint.control-character"),
            )
        ]
    except yaml.YAMLError as exc:  # pragma: no cover - every other error PyYAML raises is marked
        return None, [Diagnostic.at(Span(path), "yaml-syntax", t("yaml-error", error=exc))]
    finally:
        loader.dispose()
    return Document(path, root), []


def _syntax_error(path: str, text: str, exc: yaml.MarkedYAMLError) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    lines = text.split("\n")
    span = Span(path, *_inside(lines, mark.line, mark.column)) if mark else Span(path)
    problem = exc.problem or t("yaml-invalid")
    at = lines[mark.line][mark.column : mark.column + 1] if mark and mark.line < len(lines) else ""
    hint = ""
    if at == "\t":
        problem, hint = t("yaml-tab"), t("hint.yaml-tab")
    elif "expected a single document" in str(exc.context):
        problem, hint = t("yaml-two-documents"), t("hint.yaml-two-documents")
    elif exc.context and exc.context_mark and mark is not exc.context_mark:
        started = _inside(lines, exc.context_mark.line, exc.context_mark.column)[0]
        problem = t("yaml-context", problem=problem, context=exc.context, line=started)
        if "quoted scalar" in exc.context:
            problem, hint = t("yaml-unclosed-quote", line=started), t("hint.yaml-unclosed-quote", line=started)
    # The parser's words name where it got stuck; the learner's slip is often elsewhere, and common.
    from studylog.load.slips import explain  # its patterns take a few ms to compile; only errors need them

    return explain(path, text, Diagnostic.at(span, "yaml-syntax", t("yaml-syntax", problem=problem), hint))


def _inside(lines: list[str], line: int, column: int) -> tuple[int, int]:
    """A 0-based mark as a 1-based line and column inside the text.

    libyaml marks the end of a file without a final newline one line past it ("started on
    line 2" of a one-line file); the learner's editor has no such line, so point after the last
    character instead.
    """
    if line >= len(lines):
        return len(lines), len(lines[-1]) + 1
    return line + 1, column + 1


def count_nodes(root: yaml.Node) -> int | None:
    """Nodes in the tree with aliases expanded, or None if over MAX_NODES or recursive."""
    total = 0
    stack: list[tuple[yaml.Node, frozenset[int]]] = [(root, frozenset())]
    while stack:
        node, ancestors = stack.pop()
        total += 1
        if total > MAX_NODES or id(node) in ancestors:
            return None
        if isinstance(node, yaml.SequenceNode):
            inner = ancestors | {id(node)}
            stack.extend((child, inner) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            inner = ancestors | {id(node)}
            for key, value in node.value:
                stack.append((key, inner))
                stack.append((value, inner))
    return total


def _nesting(text: str) -> tuple[int, yaml.Mark | None]:
    """The deepest nesting of collections, from the scanner's tokens (which never recurse), and
    where it first went past MAX_DEPTH. Syntax errors are left for `compose` to report."""
    openers = (yaml.BlockSequenceStartToken, yaml.BlockMappingStartToken)
    flow_openers = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
    closers = (yaml.BlockEndToken, yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)
    depth = deepest = 0
    loader = _loader_class()(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, openers + flow_openers):
                depth += 1
                if depth > MAX_DEPTH:
                    return depth, token.start_mark
                deepest = max(deepest, depth)
            elif isinstance(token, closers):
                depth -= 1
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return deepest, None


def _depth_bound(text: str) -> int:
    """An upper bound on the nesting of collections, from characters alone.

    A nested block collection starts at least one column right of its parent's start (a sequence
    under a mapping key may share the key's column, hence twice), so block nesting is at most twice
    the longest line; flow nesting is at most the number of opening brackets.
    """
    if sum(text.count(c) for c in "[{-:?") <= MAX_DEPTH:  # every level needs one of these
        return MAX_DEPTH
    longest = max(map(len, text.split("\n")))
    return 2 * (longest + 1) + text.count("[") + text.count("{")


def _tree_depth(root: yaml.Node) -> tuple[int, yaml.Mark | None]:
    """The deepest nesting of a composed tree, level by level (each node once per level, so aliases
    neither loop nor multiply), and where it first went past MAX_DEPTH."""
    level = [root]
    depth = 0
    while level:
        collections = [n for n in level if isinstance(n, (yaml.SequenceNode, yaml.MappingNode))]
        if not collections:
            break
        depth += 1
        if depth > MAX_DEPTH:
            return depth, collections[0].start_mark
        seen: set[int] = set()
        level = []
        for node in collections:
            children = node.value if isinstance(node, yaml.SequenceNode) else [v for pair in node.value for v in pair]
            for child in children:
                if id(child) not in seen:
                    seen.add(id(child))
                    level.append(child)
    return depth, None


# Below this bound libyaml's recursive composer is safe, so the tree is composed first and its depth
# measured on the nodes; above it, on the scanner's tokens (slow: a Python call per token). The
# composer crashes the process between 22,000 and 25,000 levels (measured: `[` nested N deep, main
# thread, 8 MB stack); 12,000 keeps half of that in reserve and lets a plan of ~11,000 flow-mapping
# items (`- {id: …}`, thirty years of days) be composed directly.
_SAFE_TO_COMPOSE = 12_000


def _too_deep(path: str, mark: yaml.Mark) -> Diagnostic:
    return Diagnostic.at(
        Span(path, mark.line + 1, mark.column + 1),
        "yaml-too-complex",
        t("yaml-too-deep", depth=MAX_DEPTH),
        t("hint.yaml-too-deep", n=MAX_DEPTH),  # formatted, so `{{` is one brace
    )


def read_document(path: str, data: bytes, max_bytes: int) -> tuple[Document | None, list[Diagnostic]]:
    text, problems = decode(path, data, max_bytes)
    if text is None:
        return None, problems
    bound = _depth_bound(text)
    if bound > _SAFE_TO_COMPOSE:
        _, mark = _nesting(text)
        if mark is not None:
            return None, [_too_deep(path, mark)]
    doc, problems = compose(path, text)
    if doc is None or doc.root is None:
        return doc, problems
    if MAX_DEPTH < bound <= _SAFE_TO_COMPOSE:
        _, mark = _tree_depth(doc.root)
        if mark is not None:
            return None, [_too_deep(path, mark)]
    # Only aliases can blow a document up, and an alias needs an anchor (`&`): most files have none.
    if "&" in text and count_nodes(doc.root) is None:
        return None, [
            Diagnostic.at(
                span_of(path, doc.root),
                "yaml-too-complex",
                t("yaml-too-complex", limit=f"{MAX_NODES:,}"),
                t("hint.yaml-too-complex"),
            )
        ]
    return doc, []


def top_scalars(path: str, data: bytes, max_bytes: int) -> dict[str, Any]:
    """The top-level `key: value` pairs of a YAML mapping whose key and value are both scalars, as
    PyYAML's safe constructor reads them (`2026-01-05` a date), for reading a few facts of a file
    leniently. Whatever cannot be read is left out: a file that is not such a mapping (or too large,
    too deep, not YAML) gives {}, a value that is not what its form says (`2026-02-30`) is skipped.
    The checks that load the file properly say what is wrong with it."""
    document, _ = read_document(path, data, max_bytes)
    if document is None or not isinstance(document.root, yaml.MappingNode):
        return {}
    constructor = yaml.constructor.SafeConstructor()
    found: dict[str, Any] = {}
    for key, value in document.root.value:
        if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode):
            try:
                found.setdefault(str(constructor.construct_object(key)), constructor.construct_object(value))
            except (ValueError, OverflowError, KeyError, TypeError, yaml.YAMLError):  # `2026-02-30`, `!!bool maybe`
                continue
    return found
