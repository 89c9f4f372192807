"""Whatever bytes or YAML a learner commits, the loader answers with located diagnostics, never an exception.

Each test asserts what must hold for every input: a file that yields no value has an error saying
why; every problem names the file, a line inside it and a registered code; the same bytes give the
same answer; a warm cache gives what a cold load gave.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import DATA, TODAY
from studylog.check.repository import load_repository
from studylog.diagnostics import CODES, Diagnostic, Severity
from studylog.load.files import (
    CHECKIN_KEYS,
    ITEM_KEYS,
    MILESTONE_KEYS,
    PHASE_KEYS,
    PLAN_KEYS,
    TASK_KEYS,
    WEEK_KEYS,
    CheckinContext,
    parse_checkin,
    parse_plan,
)

PLAN, _ = parse_plan("plan.yaml", (DATA / "plan.yaml").read_bytes())
CONTEXT = CheckinContext("Asia/Shanghai", PLAN)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["no", "on", "1:30", "2026-01-05", "2026-02-30", "✅", "w1d1", "~", "0x1F", ".inf"]),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from([*sorted(CHECKIN_KEYS), "id", "status", "problem", "solution", "url", "x"]),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


def assert_located(problems: list[Diagnostic], path: str, data: bytes) -> None:
    """Every problem points into the file it is about, with a registered code and words to read."""
    text = data.decode("utf-8", "replace")
    # Lines as YAML counts them: NEL, LS and PS and a lone CR break lines too (GitHub
    # and most editors count only \n, so such a file's later lines are numbered differently there: a known gap).
    breaks = sum(text.count(c) for c in "\n\r\x85\u2028\u2029") - text.count("\r\n")
    lines = breaks + 1
    for d in problems:
        assert d.path == path, d
        assert d.code in CODES and d.message.strip(), d
        assert 0 <= d.line <= lines and d.column >= 0, (d, lines)
        assert (d.line == 0) == (d.column == 0), d  # 0:0 means "the whole file", never half a position


def has_error(problems: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in problems)


def check_checkin(data: bytes) -> tuple[Any, list[Diagnostic]]:
    checkin, problems = parse_checkin("checkins/x.yaml", data, CONTEXT)
    assert checkin is not None or has_error(problems), problems  # no value without an error saying why
    assert_located(problems, "checkins/x.yaml", data)
    assert parse_checkin("checkins/x.yaml", data, CONTEXT) == (checkin, problems)  # same bytes, same answer
    if checkin is not None:
        assert checkin.path == "checkins/x.yaml"
        assert all(w.id for w in checkin.items)
    return checkin, problems


def check_plan(data: bytes) -> None:
    plan, problems = parse_plan("plan.yaml", data)
    assert plan is not None or has_error(problems), problems
    assert_located(problems, "plan.yaml", data)
    assert parse_plan("plan.yaml", data) == (plan, problems)
    if plan is not None and not has_error(problems):
        ids = [i.id for i in plan.items]
        assert len(ids) == len(set(ids)), ids  # a valid plan names each item once
        assert all(i.days >= 1 and i.start >= plan.start for i in plan.items)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
@example(b"{")  # libyaml marks the end of a file without a final newline one line past it
@example(b"date: 2026-01-05\nstatus: [done")
@example("\x850".encode())  # NEL is a line break to YAML
def test_arbitrary_bytes(data: bytes) -> None:
    check_checkin(data)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_arbitrary_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    check_checkin(data)
    check_plan(data)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([*sorted(CHECKIN_KEYS), "extra"]), values, max_size=8))
def test_arbitrary_yaml_checkins(document: dict[str, object]) -> None:
    data = yaml.safe_dump(document, allow_unicode=True).encode()
    _, problems = check_checkin(data)
    if "extra" in document:  # a key studylog does not know is always pointed at, on its own line
        extra_line = (
            data.decode()
            .splitlines()
            .index(next(line for line in data.decode().splitlines() if line.startswith("extra:")))
            + 1
        )
        assert ("unknown-key", extra_line) in {(d.code, d.line) for d in problems}, problems
    if "date" not in document:
        assert has_error(problems)  # a check-in says which day it is


plan_keys = sorted(PLAN_KEYS | PHASE_KEYS | WEEK_KEYS | ITEM_KEYS | TASK_KEYS | MILESTONE_KEYS)


@pytest.mark.slow
@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(plan_keys),
        st.recursive(
            scalars,
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(plan_keys), inner, max_size=5),
            max_leaves=15,
        ),
        max_size=8,
    )
)
def test_arbitrary_yaml_plans(document: dict[str, object]) -> None:
    check_plan(yaml.safe_dump(document, allow_unicode=True).encode())


@pytest.mark.slow
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.binary(max_size=120), max_size=3))
def test_whole_repository_with_garbage_checkins(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "plan.yaml").write_bytes((DATA / "plan.yaml").read_bytes())
        (root / "checkins").mkdir()
        for i, data in enumerate(files):
            (root / "checkins" / f"{i}.yaml").write_bytes(data)
        cold = load_repository(root, TODAY)
        assert load_repository(root, TODAY) == cold  # the second load is served by the cache: same answer
        assert cold.repository is not None and cold.files == len(files) + 1
        loaded = {c.path for c in cold.repository.checkins}
        by_path = {d.path for d in cold.diagnostics if d.severity is Severity.ERROR}
        for i, data in enumerate(files):
            path = f"checkins/{i}.yaml"
            assert path in loaded or path in by_path, path  # each file is read, or an error says why not
            assert_located([d for d in cold.diagnostics if d.path == path], path, data)
        assert {d.path for d in cold.diagnostics} <= {f"checkins/{i}.yaml" for i in range(len(files))}
