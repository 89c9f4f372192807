"""The JSON Schemas editors use agree with the loader: same keys at every level, and every valid
example validates against them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from conftest import DATA, REPO_ROOT
from studylog.load import files as load


def schema(name: str) -> dict[str, Any]:
    text = resources.files("studylog").joinpath("schemas", f"{name}.schema.json").read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def object_keys(node: dict[str, Any], root: dict[str, Any]) -> set[str]:
    """Property names of an object schema, following $ref and anyOf to the object form."""
    if "$ref" in node:
        return object_keys(root["definitions"][node["$ref"].rsplit("/", 1)[1]], root)
    for option in node.get("anyOf", []):
        if option.get("type") == "array":
            return object_keys(option["items"], root)
        if option.get("type") == "object":
            return set(option["properties"])
    if node.get("type") == "array":
        return object_keys(node["items"], root)
    return set(node.get("properties", {}))


PLAN_SCHEMA = schema("plan")
CHECKIN_SCHEMA = schema("checkin")


@pytest.mark.parametrize(
    ("node", "keys"),
    [
        (PLAN_SCHEMA, load.PLAN_KEYS),
        (PLAN_SCHEMA["definitions"]["phase"], load.PHASE_KEYS),
        (PLAN_SCHEMA["definitions"]["week"], load.WEEK_KEYS),
        (PLAN_SCHEMA["definitions"]["item"], load.ITEM_KEYS),
        (PLAN_SCHEMA["definitions"]["task"], load.TASK_KEYS),
        (PLAN_SCHEMA["definitions"]["milestone"], load.MILESTONE_KEYS),
    ],
    ids=["plan", "phase", "week", "item", "task", "milestone"],
)
def test_plan_schema_keys_match_the_loader(node: dict[str, Any], keys: frozenset[str]) -> None:
    assert object_keys(node, PLAN_SCHEMA) == set(keys)


@pytest.mark.parametrize(
    ("prop", "keys"),
    [
        (None, load.CHECKIN_KEYS),
        ("items", load.WORKED_ON_KEYS),
        ("problems", load.PROBLEM_KEYS),
        ("links", load.LINK_KEYS),
    ],
)
def test_checkin_schema_keys_match_the_loader(prop: str | None, keys: frozenset[str]) -> None:
    node = CHECKIN_SCHEMA if prop is None else CHECKIN_SCHEMA["properties"][prop]
    assert object_keys(node, CHECKIN_SCHEMA) == set(keys)


class _TextDates(yaml.SafeLoader):
    """Dates stay strings, as the YAML language server (YAML 1.2) sees them."""


def _as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", _as_text)


def as_editor_sees(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_TextDates)


VALID_PLANS = [*sorted((DATA / "valid" / "plan").glob("*.yaml")), REPO_ROOT / "plan.yaml"]
VALID_CHECKINS = sorted((DATA / "valid" / "checkin").glob("*.yaml")) + sorted((REPO_ROOT / "checkins").rglob("*.yaml"))


@pytest.mark.parametrize("path", VALID_PLANS, ids=lambda p: p.name)
def test_valid_plans_pass_the_schema(path: Path) -> None:
    errors = list(Draft7Validator(PLAN_SCHEMA).iter_errors(as_editor_sees(path)))
    assert errors == []


@pytest.mark.parametrize("path", VALID_CHECKINS, ids=lambda p: p.name)
def test_valid_checkins_pass_the_schema(path: Path) -> None:
    errors = list(Draft7Validator(CHECKIN_SCHEMA).iter_errors(as_editor_sees(path)))
    assert errors == []


def test_shipped_files_point_editors_at_the_schemas() -> None:
    files = [REPO_ROOT / "plan.yaml", *sorted((REPO_ROOT / "checkins").rglob("*.yaml"))]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), (path, target)


def test_schemas_are_valid_draft7() -> None:
    for found in (PLAN_SCHEMA, CHECKIN_SCHEMA):
        # Editors pick the draft from `$schema`; check_schema raises SchemaError on an invalid schema.
        assert found["$schema"] == "http://json-schema.org/draft-07/schema#"
        Draft7Validator.check_schema(found)
