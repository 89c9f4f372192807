"""Whatever bytes or YAML a learner commits, the loader answers with diagnostics, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, TODAY
from studylog.check.repository import load_repository
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


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    checkin, problems = parse_checkin("checkins/x.yaml", data, CONTEXT)
    assert checkin is not None or problems


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_arbitrary_text(text: str) -> None:
    parse_checkin("checkins/x.yaml", text.encode("utf-8", "surrogatepass"), CONTEXT)
    parse_plan("plan.yaml", text.encode("utf-8", "surrogatepass"))


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([*sorted(CHECKIN_KEYS), "extra"]), values, max_size=8))
def test_arbitrary_yaml_checkins(document: dict[str, object]) -> None:
    data = yaml.safe_dump(document, allow_unicode=True).encode()
    checkin, problems = parse_checkin("checkins/x.yaml", data, CONTEXT)
    assert checkin is not None or problems
    for d in problems:
        assert d.line >= 0 and d.column >= 0 and d.code and d.message


plan_keys = sorted(PLAN_KEYS | PHASE_KEYS | WEEK_KEYS | ITEM_KEYS | TASK_KEYS | MILESTONE_KEYS)


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
    parse_plan("plan.yaml", yaml.safe_dump(document, allow_unicode=True).encode())


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.binary(max_size=120), max_size=3))
def test_whole_repository_with_garbage_checkins(files: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "plan.yaml").write_bytes((DATA / "plan.yaml").read_bytes())
        (root / "checkins").mkdir()
        for i, data in enumerate(files):
            (root / "checkins" / f"{i}.yaml").write_bytes(data)
        load_repository(root, TODAY)
