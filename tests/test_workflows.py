"""The workflows and action.yml keep the promises actionlint and zizmor cannot see."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import REPO_ROOT

WORKFLOWS = sorted((REPO_ROOT / ".github/workflows").glob("*.yml"))
SHA = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def steps(document: dict[Any, Any]) -> list[dict[str, Any]]:
    if "runs" in document:
        return list(document["runs"]["steps"])
    return [step for job in document["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("path", [*WORKFLOWS, REPO_ROOT / "action.yml"], ids=lambda p: p.name)
def test_actions_are_pinned_and_run_steps_interpolate_nothing(path: Path) -> None:
    for step in steps(load(path)):
        if "uses" in step:
            assert SHA.match(step["uses"]), step["uses"]
        if "run" in step:
            assert "${{" not in step["run"], step["run"]  # values come in through `env:`


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {}  # nothing by default; each job asks for what it uses
    for name, job in workflow["jobs"].items():
        granted = job["permissions"]
        checks_out = any("actions/checkout" in s.get("uses", "") for s in job["steps"])
        assert granted.get("contents") in (("read", "write") if checks_out else (None,)), name
        writes = {k for k, v in granted.items() if v == "write"}
        pushes = any("studylog publish" in s.get("run", "") or "git push" in s.get("run", "") for s in job["steps"])
        assert ("contents" in writes) == pushes, name
        for step in job["steps"]:
            if "actions/checkout" in step.get("uses", ""):
                assert step["with"]["persist-credentials"] is False, name


def test_triggers() -> None:
    check, publish, remind = (load(REPO_ROOT / f".github/workflows/{n}.yml") for n in ("check", "publish", "remind"))
    triggers: dict[str, Any] = {
        name: doc.get(True, doc.get("on")) for name, doc in (("check", check), ("publish", publish), ("remind", remind))
    }
    assert set(triggers["check"]) == {"push", "pull_request"}  # never pull_request_target
    assert "workflow_dispatch" in triggers["publish"] and "branches" not in triggers["publish"]["push"]
    # The default branch, whatever its name, never a hard-coded main.
    assert "github.ref_name == github.event.repository.default_branch" in publish["jobs"]["publish"]["if"]
    assert "refs/heads/main" not in "".join(p.read_text(encoding="utf-8") for p in WORKFLOWS)
    # What GitHub may disable after 60 days (the schedule) holds neither validate nor the push-triggered publish.
    assert set(triggers["remind"]) == {"schedule", "workflow_dispatch"}
    assert publish["concurrency"]["cancel-in-progress"] is False
    assert triggers["remind"]["schedule"] == [{"cron": "0 13 * * *"}]  # 21:00 in Asia/Shanghai, the plan's zone
    assert "github.event.pull_request.head.repo.full_name == github.repository" in check["jobs"]["comment"]["if"]
