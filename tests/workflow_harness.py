"""Run GitHub Actions workflows the way a runner would, without GitHub.

Each job's steps run in order in a fresh workspace with the environment a runner provides
(GITHUB_WORKSPACE, GITHUB_EVENT_PATH with the event payload, GITHUB_REF, GITHUB_OUTPUT,
GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH in a composite action, …) against a real local bare
remote. `${{ }}` expressions in `if:`, `env:` and `with:` are evaluated from the same contexts.

What is emulated, and why:
- `actions/checkout`: a real `git clone` of the bare remote, checked out at the event's ref.
- `actions/setup-python`: skipped; the current interpreter stands in for the runner's.
- "Install studylog" steps (`pip install …`): tests never reach a package index, so instead of
  installing, a `studylog` command on PATH runs the code the step would have installed (the
  workspace's `scripts/` for the repository's own workflows, the action's for the composite). Each
  such command is a real process, forked from an interpreter that has the third-party libraries
  imported already (tests/studylog_fork.py; `real_processes=True` starts `python -m studylog`).
- `uses:` of the studylog action (any `*/studylog@…` or `./`): its action.yml runs as a composite
  action from `action_path` (this checkout), with `with:` inputs and the action's defaults.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import studylog_fork

REPO_ROOT = Path(__file__).parent.parent
BOT = ("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com")


# --------------------------------------------------------------------------------------------
# expressions: the subset the workflows use (paths, literals, == != ! && ||, parentheses, calls)

_TOKEN = re.compile(r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||!|\(|\)|,)|"
                    r"(?P<name>[A-Za-z_][\w.\-\[\]'*]*))")  # fmt: skip


def _lookup(contexts: dict[str, Any], path: str) -> Any:
    value: Any = contexts
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


class _Parser:
    def __init__(self, text: str, contexts: dict[str, Any]) -> None:
        self.tokens: list[tuple[str, str]] = []
        position = 0
        while position < len(text.rstrip()):
            found = _TOKEN.match(text, position)
            assert found, f"cannot read expression {text!r} at {position}"
            kind = found.lastgroup or ""
            self.tokens.append((kind, found.group(kind)))
            position = found.end()
        self.contexts = contexts
        self.at = 0

    def peek(self) -> str | None:
        return self.tokens[self.at][1] if self.at < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        self.at += 1
        return self.tokens[self.at - 1]

    def parse(self) -> Any:
        value = self.either()
        assert self.peek() is None, f"unexpected {self.peek()!r}"
        return value

    def either(self) -> Any:
        value = self.both()
        while self.peek() == "||":
            self.take()
            other = self.both()
            value = value or other
        return value

    def both(self) -> Any:
        value = self.compare()
        while self.peek() == "&&":
            self.take()
            other = self.compare()
            value = value and other
        return value

    def compare(self) -> Any:
        value = self.unary()
        while self.peek() in ("==", "!="):
            op = self.take()[1]
            other = self.unary()
            equal = (str(value).lower() == str(other).lower()) if isinstance(value, str) else value == other
            value = equal if op == "==" else not equal
        return value

    def unary(self) -> Any:
        if self.peek() == "!":
            self.take()
            return not self.unary()
        if self.peek() == "(":
            self.take()
            value = self.either()
            assert self.take()[1] == ")"
            return value
        kind, text = self.take()
        if kind == "str":
            return text[1:-1].replace("''", "'")
        if kind == "num":
            return float(text)
        if text in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[text]
        if self.peek() == "(":
            self.take()
            args = []
            while self.peek() != ")":
                args.append(self.either())
                if self.peek() == ",":
                    self.take()
            self.take()
            return self.call(text, args)
        return _lookup(self.contexts, text)

    def call(self, name: str, args: list[Any]) -> Any:
        if name in ("success", "always"):
            return True
        if name in ("failure", "cancelled"):
            return False
        if name == "contains":  # an array holds an item equal to it (case-insensitive); a string, a substring
            if isinstance(args[0], list):
                return any(str(item).lower() == str(args[1]).lower() for item in args[0])
            return str(args[1]).lower() in str(args[0]).lower()
        if name == "fromJSON":
            return json.loads(str(args[0]))
        if name == "startsWith":
            return str(args[0]).lower().startswith(str(args[1]).lower())
        raise AssertionError(f"function {name}() is not emulated")


def evaluate(expression: str, contexts: dict[str, Any]) -> Any:
    return _Parser(expression, contexts).parse()


def substitute(text: Any, contexts: dict[str, Any]) -> str:
    def one(match: re.Match[str]) -> str:
        value = evaluate(match.group(1), contexts)
        return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)

    return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))


def condition(text: Any, contexts: dict[str, Any]) -> bool:
    if text is None:
        return True
    if isinstance(text, bool):
        return text
    stripped = str(text).strip()
    if stripped.startswith("${{") and stripped.endswith("}}"):
        stripped = stripped[3:-2]
    return bool(evaluate(stripped, contexts))


# --------------------------------------------------------------------------------------------
# the runner


@dataclass
class JobResult:
    name: str
    ran: bool
    ok: bool = True
    log: str = ""
    summary: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass
class Runner:
    remote: Path  # a bare repository: what `git clone` fetches, where pushes land
    scratch: Path
    repository: str = "learner/study"
    default_branch: str = "main"
    action_path: Path = REPO_ROOT
    api_url: str = "http://127.0.0.1:9"  # nothing listens there unless a test gives a fake API
    extra_env: dict[str, str] = field(default_factory=dict)
    runs: int = 0
    # Each `studylog` a step runs is a real process with the step's folder, environment and stdio.
    # By default it is a fork of a server that has imported the third-party libraries already
    # (tests/studylog_fork.py: it imports studylog from the step's PYTHONPATH like `python -m
    # studylog`, and falls back to exactly that when a fork could differ); True starts a fresh
    # `python -m studylog` for every command, as the runner does.
    real_processes: bool = False

    def event(self, name: str, payload: dict[str, Any]) -> dict[str, Any]:
        base = {
            "repository": {
                "full_name": self.repository,
                "name": self.repository.split("/")[1],
                "default_branch": self.default_branch,
                "is_template": False,
                "owner": {"login": self.repository.split("/")[0]},
            },
            "sender": {"login": self.repository.split("/")[0]},
        }
        return {**base, **payload}

    def run(
        self, workflow: Path, event_name: str, payload: dict[str, Any], ref: str, *, actor: str | None = None
    ) -> dict[str, JobResult]:
        self.runs += 1
        document = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        triggers = document.get(True, document.get("on"))
        assert event_name in triggers, f"{workflow.name} does not run on {event_name}"
        event = self.event(event_name, payload)
        sha = self._sha(ref, event)
        github = {
            "event_name": event_name,
            "event": event,
            "ref": ref,
            "ref_name": ref.rsplit("/", 1)[-1] if ref.startswith("refs/heads/") else ref.split("/")[2] + "/merge",
            "sha": sha,
            "repository": self.repository,
            "actor": actor or self.repository.split("/")[0],
            "token": "ghs_harness_token",
            "workflow": document.get("name", workflow.stem),
            "base_ref": event.get("pull_request", {}).get("base", {}).get("ref", ""),
            "head_ref": event.get("pull_request", {}).get("head", {}).get("ref", ""),
        }
        results: dict[str, JobResult] = {}
        for job_id, job in document["jobs"].items():
            needs = job.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            contexts = {"github": github, "inputs": event.get("inputs", {}), "needs": {}}
            if any(not (results[n].ran and results[n].ok) for n in needs) or not condition(job.get("if"), contexts):
                results[job_id] = JobResult(job_id, ran=False)
                continue
            results[job_id] = self._job(job_id, job, github, event, contexts)
        return results

    def _sha(self, ref: str, event: dict[str, Any]) -> str:
        if "pull_request" in event:
            return str(event["pull_request"]["head"]["sha"])
        return git(self.remote, "rev-parse", ref).strip()

    def _job(
        self, job_id: str, job: dict[str, Any], github: dict[str, Any], event: dict[str, Any], contexts: dict[str, Any]
    ) -> JobResult:
        home = self.scratch / f"run{self.runs}-{job_id}"
        workspace, temp = home / "workspace", home / "temp"
        workspace.mkdir(parents=True)
        temp.mkdir()
        event_path = temp / "event.json"
        event_path.write_text(json.dumps(event), encoding="utf-8")
        summary = temp / "summary.md"
        summary.touch()
        result = JobResult(job_id, ran=True)
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")},
            "CI": "true",
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_EVENT_NAME": github["event_name"],
            "GITHUB_EVENT_PATH": str(event_path),
            "GITHUB_REF": github["ref"],
            "GITHUB_REF_NAME": github["ref_name"],
            "GITHUB_SHA": github["sha"],
            "GITHUB_REPOSITORY": self.repository,
            "GITHUB_ACTOR": github["actor"],
            "GITHUB_BASE_REF": github["base_ref"],
            "GITHUB_HEAD_REF": github["head_ref"],
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_API_URL": self.api_url,
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_JOB": job_id,
            "RUNNER_TEMP": str(temp),
            "HOME": str(home),  # the runner's user: no global git identity
            **self.extra_env,
        }
        state = {"src": None}
        for index, step in enumerate(job["steps"]):
            ok = self._step(step, index, workspace, env, contexts, state, result, action_path=None)
            if not ok:
                result.ok = False
                break
        result.summary = summary.read_text(encoding="utf-8")
        return result

    def _step(
        self,
        step: dict[str, Any],
        index: int,
        workspace: Path,
        env: dict[str, str],
        contexts: dict[str, Any],
        state: dict[str, Any],
        result: JobResult,
        action_path: Path | None,
    ) -> bool:
        if not condition(step.get("if"), contexts):
            return True
        uses = step.get("uses")
        if uses is not None:
            with_ = {k: substitute(v, contexts) for k, v in (step.get("with") or {}).items()}
            if uses.startswith("actions/checkout@"):
                self._checkout(workspace, contexts["github"], with_)
                return True
            if uses.startswith("actions/setup-python@"):
                return True
            if uses.startswith("actions/cache@"):  # a runner's first run: a cache miss restores nothing
                assert with_.get("path") and with_.get("key"), "actions/cache needs a path and a key"
                return True
            if uses == "./" or re.match(r"^[\w.-]+/studylog@", uses):
                return self._composite(with_, workspace, env, contexts, state, result)
            raise AssertionError(f"the harness does not emulate `uses: {uses}`")
        script = str(step["run"])
        step_env = {**env, **{k: substitute(v, contexts) for k, v in (step.get("env") or {}).items()}}
        if action_path is not None:
            step_env["GITHUB_ACTION_PATH"] = str(action_path)
        if "pip install" in script:  # see the module docstring: run the code the step would install
            installed_from = action_path if action_path is not None else workspace
            state["src"] = str(installed_from / "scripts")
            return True
        shim = workspace.parent / "bin"
        shim.mkdir(exist_ok=True)
        step_env["PATH"] = f"{shim}{os.pathsep}{step_env['PATH']}"
        if state["src"]:
            step_env["PYTHONPATH"] = state["src"]
            if self.real_processes:
                real = f'#!/bin/sh\nexec "{sys.executable}" -m studylog "$@"\n'
                (shim / "studylog").write_text(real, encoding="utf-8")
                (shim / "studylog").chmod(0o755)
            else:  # a real process too, forked from an interpreter that has the libraries imported: studylog_fork.py
                studylog_fork.write_shim(shim / "studylog", step_env)
        else:
            step_env.pop("PYTHONPATH", None)  # not installed: `studylog` must fail as it would on a runner
            (shim / "studylog").unlink(missing_ok=True)
        output = workspace.parent / "temp" / f"output-{index}"
        output.touch()
        step_env["GITHUB_OUTPUT"] = str(output)
        shell = (
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c"] if step.get("shell") else ["bash", "-e", "-c"]
        )
        done = subprocess.run(
            [*shell, script], cwd=workspace, env=step_env, capture_output=True, text=True, check=False, timeout=300
        )
        result.log += f"$ {step.get('name', script[:60])}\n{done.stdout}{done.stderr}"
        for line in output.read_text(encoding="utf-8").splitlines():
            if "=" in line:
                key, value = line.split("=", 1)
                result.outputs[key] = value
        return done.returncode == 0

    def _checkout(self, workspace: Path, github: dict[str, Any], with_: dict[str, str]) -> None:
        git(workspace.parent, "clone", "--quiet", "--no-checkout", str(self.remote), str(workspace))
        ref = github["ref"]
        if ref.startswith("refs/heads/"):
            branch = ref.removeprefix("refs/heads/")
            git(workspace, "checkout", "--quiet", "--force", "-B", branch, f"refs/remotes/origin/{branch}")
        else:  # a pull request: the head commit, detached (GitHub checks out a merge commit)
            git(workspace, "fetch", "--quiet", "origin", github["sha"])
            git(workspace, "checkout", "--quiet", "--detach", github["sha"])

    def _composite(
        self,
        with_: dict[str, str],
        workspace: Path,
        env: dict[str, str],
        contexts: dict[str, Any],
        state: dict[str, Any],
        result: JobResult,
    ) -> bool:
        action = yaml.safe_load((self.action_path / "action.yml").read_text(encoding="utf-8"))
        inputs = {}
        for name, spec in action.get("inputs", {}).items():
            inputs[name] = with_.get(name, substitute(spec.get("default", ""), contexts))
        inner = {**contexts, "inputs": inputs, "github": {**contexts["github"], "action_path": str(self.action_path)}}
        for index, step in enumerate(action["runs"]["steps"]):
            if not self._step(step, 100 + index, workspace, env, inner, state, result, action_path=self.action_path):
                return False
        return True


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout


def push_commit(remote: Path, scratch: Path, branch: str, files: dict[str, str], message: str) -> str:
    """A learner's commit, made in a clone of `remote` and pushed: returns its SHA."""
    clone = scratch / f"learner-{abs(hash((message, tuple(files))))}"
    if not clone.exists():
        git(scratch, "clone", "--quiet", str(remote), str(clone))
    git(clone, "fetch", "--quiet", "origin")
    git(clone, "checkout", "--quiet", "-B", branch, f"origin/{branch}")
    for rel, text in files.items():
        path = clone / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(clone, "add", "-A")
    git(
        clone, "-c", "user.name=learner", "-c", "user.email=learner@example.invalid", "commit", "--quiet", "-m", message
    )
    git(clone, "push", "--quiet", "origin", f"HEAD:refs/heads/{branch}")
    return git(clone, "rev-parse", "HEAD").strip()
