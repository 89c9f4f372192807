"""The `studylog` command: parse arguments, call the library, turn the result into an exit code.

Exit codes: 0 clean, 1 problems found in the learner's files, 2 usage or configuration error.
Heavy modules are imported inside the command that needs them, so `studylog --help` stays fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from studylog import __version__

if TYPE_CHECKING:
    from studylog.check.repository import LoadResult
    from studylog.progress import Snapshot

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-01-18") from None


def _add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", default=".", type=Path, help="the repository folder that holds plan.yaml (default: .)"
    )


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today", type=_date, metavar="YYYY-MM-DD", help="the as-of date (default: today in the plan's timezone)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="studylog",
        description="Track a study plan with one YAML check-in a day; validate, compute progress, "
        "and render the README dashboard.",
    )
    parser.add_argument("--version", action="version", version=f"studylog {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check plan.yaml and every check-in; exit 1 on problems",
        description="Check plan.yaml and every file under checkins/ and report each problem "
        "with its file, line and column.",
    )
    _add_path(validate)
    validate.add_argument(
        "--format",
        choices=("text", "github", "json"),
        help="output format (default: github when GITHUB_ACTIONS=true, else text)",
    )
    _add_today(validate)
    validate.add_argument(
        "--external", action="store_true", help="also check http(s) links over the network (off by default)"
    )
    validate.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="PATTERN",
        help="with --external: skip URLs matching this glob, e.g. 'https://example.com/*' (repeatable)",
    )
    validate.add_argument(
        "--link-budget",
        type=float,
        default=120.0,
        metavar="SECONDS",
        help="with --external: stop checking after this long; the rest are warnings (default: 120)",
    )
    validate.add_argument(
        "--link-cache",
        type=Path,
        metavar="PATH",
        help="with --external: where passing URLs are remembered for 7 days "
        "(default: ~/.cache/studylog/links.json; 'none' to disable)",
    )
    validate.add_argument(
        "--summary",
        type=Path,
        metavar="FILE",
        help='also append a Markdown summary (problems and progress) to FILE, e.g. "$GITHUB_STEP_SUMMARY"',
    )
    validate.set_defaults(handler=_cmd_validate)

    status = commands.add_parser(
        "status",
        help="progress, schedule, streak and today's task",
        description="Compute progress as of a date: today's task, streak, progress per phase, "
        "days ahead or behind, forecast finish, hours and milestones.",
    )
    _add_path(status)
    status.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    _add_today(status)
    status.set_defaults(handler=_cmd_status)
    build = commands.add_parser(
        "build",
        help="validate, then regenerate the README dashboard, charts and reports/",
        description="Validate everything (links too); if there are no errors, compute progress and write "
        "the README section between the studylog markers, charts, weekly and phase reviews, the problem log "
        "and reports/index.html. Only changed files are written.",
    )
    _add_path(build)
    _add_today(build)
    build.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the committed outputs differ from a rebuild for their recorded as-of date",
    )
    build.set_defaults(handler=_cmd_build)

    export = commands.add_parser(
        "export",
        help="the whole journey as one PDF (needs Chromium)",
        description="Write one PDF with the charts, the summary table, the journal, weekly and phase reviews "
        "and the problem log, printed by headless Chromium so Chinese text renders with the system's fonts.",
    )
    _add_path(export)
    _add_today(export)
    export.add_argument("--pdf", action="store_true", required=True, help="write a PDF (the only format)")
    export.add_argument(
        "--output", type=Path, metavar="FILE", help="where to write it (default: reports/journey-AS_OF.pdf)"
    )
    export.set_defaults(handler=_cmd_export)

    publish = commands.add_parser(
        "publish",
        help="build, commit the generated files as github-actions[bot] and push; retry on a race",
        description="Build, commit only README.md and reports/ as github-actions[bot], and push to the "
        "branch's remote. When the push is rejected because someone pushed first, take the remote branch, "
        "rebuild on it and try again, with backoff.",
    )
    _add_path(publish)
    _add_today(publish)
    publish.add_argument("--remote", default="origin", help="the git remote to push to (default: origin)")
    publish.add_argument("--branch", help="the branch to publish (default: the current one)")
    publish.add_argument(
        "--via-branch",
        metavar="NAME",
        help="for a protected branch: push to NAME instead and open a pull request (needs GITHUB_TOKEN)",
    )
    publish.add_argument("--attempts", type=int, default=5, help="pushes to try before giving up (default: 5)")
    publish.add_argument(
        "--backoff",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="wait before a retry; doubles each time (default: 1)",
    )
    publish.add_argument(
        "--dry-run", action="store_true", help="build and list what would be committed; no commit or push"
    )
    publish.set_defaults(handler=_cmd_publish)

    remind = commands.add_parser(
        "remind",
        help="open or update a reminder issue when today's check-in is missing; close it when it arrives",
        description="With GITHUB_TOKEN and GITHUB_REPOSITORY set (as in GitHub Actions): when today (in the "
        "plan's timezone) is a planned day without a check-in, open or update one reminder issue with today's "
        "task and the streak at stake; when the check-in is there, close it.",
    )
    _add_path(remind)
    _add_today(remind)
    remind.add_argument("--close-only", action="store_true", help="only close the reminder if today is checked in")
    remind.add_argument("--dry-run", action="store_true", help="print what would happen; change nothing")
    remind.set_defaults(handler=_cmd_remind)

    bot = commands.add_parser(
        "bot", help="GitHub actions of the studylog bot", description="GitHub actions of the bot."
    )
    bot_commands = bot.add_subparsers(dest="bot_command", metavar="ACTION", required=True)
    comment = bot_commands.add_parser(
        "comment",
        help="upsert the pull-request comment: problems found and the progress the PR brings",
        description="Create or update one comment on the pull request (found by a hidden marker) with the "
        "problems found and the progress the pull request would bring, before → after.",
    )
    _add_path(comment)
    _add_today(comment)
    comment.add_argument("--pr", type=int, required=True, metavar="NUMBER", help="the pull request number")
    comment.add_argument("--base", help="the base to compare with (default: origin/$GITHUB_BASE_REF)")
    comment.add_argument("--dry-run", action="store_true", help="print the comment; post nothing")
    comment.set_defaults(handler=_cmd_bot_comment)

    init = commands.add_parser(
        "init",
        help="set up a repository: plan.yaml from a curriculum, checkins/, README markers, a workflow",
        description="Set up a study repository: plan.yaml from a built-in curriculum, checkins/, schemas for "
        "editors, the README markers (appended; existing text untouched) and .github/workflows/studylog.yml. "
        "An existing plan is never replaced without --force.",
    )
    _add_path(init)
    init.add_argument(
        "--template",
        choices=("llm-12-weeks", "cs336", "blank"),
        default="llm-12-weeks",
        help="the curriculum: the 12-week LLM plan, Stanford CS336, or a blank skeleton (default: llm-12-weeks)",
    )
    init.add_argument(
        "--start", type=_date, metavar="YYYY-MM-DD", help="the plan's first day (every date moves with it)"
    )
    init.add_argument(
        "--timezone", metavar="TZ", help="your IANA timezone, e.g. Asia/Shanghai (default: the template's)"
    )
    init.add_argument(
        "--action",
        metavar="OWNER/REPO@SHA",
        help="the studylog action the workflow uses (default: a placeholder to edit)",
    )
    init.add_argument("--force", action="store_true", help="replace an existing plan.yaml")
    init.set_defaults(handler=_cmd_init)

    new = commands.add_parser(
        "new",
        help="write today's check-in, pre-filled from the plan",
        description="Write the check-in for today (in the plan's timezone) or --date at "
        "checkins/YYYY/YYYY-MM-DD.yaml, pre-filled with the plan's items, status and hours. Never overwrites.",
    )
    _add_path(new)
    new.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="the day (default: today in the plan's timezone)")
    new.add_argument("--edit", action="store_true", help="open the file in $VISUAL or $EDITOR, then check it")
    new.set_defaults(handler=_cmd_new)

    importer = commands.add_parser(
        "import",
        help="turn a hand-kept Markdown tracker into plan.yaml and check-ins",
        description="Read a Markdown tracker — a summary table (周次, 日期, 完成状态, 核心任务, …) or a "
        "phase/week/lecture tracker with task tables, milestones and a dated journal — and write plan.yaml "
        "and one check-in per day. Reports everything it could not map.",
    )
    importer.add_argument("file", type=Path, metavar="FILE.md", help="the tracker to read")
    _add_path(importer)
    importer.add_argument(
        "--start", type=_date, metavar="YYYY-MM-DD", help="the plan's first day; resolves dates like 2026-01-XX"
    )
    importer.add_argument("--timezone", metavar="TZ", help="the plan's IANA timezone (default: Asia/Shanghai)")
    importer.add_argument("--force", action="store_true", help="overwrite existing plan.yaml and check-ins")
    importer.set_defaults(handler=_cmd_import)
    return parser


def _cmd_init(args: argparse.Namespace) -> int:
    from studylog.start.scaffold import ACTION_PLACEHOLDER, ScaffoldError, init

    try:
        done = init(args.path, args.template, args.start, args.timezone, action=args.action, force=args.force)
    except ScaffoldError as exc:
        print(f"studylog: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in done.created:
        print(f"  created {path}", file=sys.stderr)
    for path in done.kept:
        print(f"  kept    {path} (already there)", file=sys.stderr)
    print("✓ ready: check in with `studylog new`, then `studylog build`", file=sys.stderr)
    if not args.action:
        print(
            f"  edit .github/workflows/studylog.yml: replace {ACTION_PLACEHOLDER} with the studylog action you use",
            file=sys.stderr,
        )
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    import shlex
    import subprocess

    from studylog.check.repository import find_root, load_repository, today_in
    from studylog.diagnostics import format_text
    from studylog.start.scaffold import ScaffoldError, new_checkin

    root = find_root(args.path)
    result = load_repository(root, args.date)
    if result.repository is None:
        sys.stdout.write(format_text(result.errors))
        print("✗ plan.yaml has errors: fix them first", file=sys.stderr)
        return EXIT_PROBLEMS
    day = args.date or today_in(result.repository.plan.timezone)
    try:
        rel, text, planned = new_checkin(root, result.repository, day)
    except ScaffoldError as exc:
        print(f"studylog: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    print(f"✓ wrote {rel} — {day}: {planned}", file=sys.stderr)
    if args.edit:
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        try:
            subprocess.run([*shlex.split(editor), str(path)], check=False)
        except OSError as exc:
            print(f"studylog: cannot start the editor {editor!r}: {exc}", file=sys.stderr)
            return EXIT_USAGE
        problems = [d for d in load_repository(root, day).diagnostics if d.path == rel]
        if problems:
            sys.stdout.write(format_text(problems))
            return EXIT_PROBLEMS if any(d.is_error for d in problems) else EXIT_OK
        print(f"✓ {rel} is valid", file=sys.stderr)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from studylog.check.repository import load_repository
    from studylog.diagnostics import format_text
    from studylog.start.importer import ImportError_, detect_and_import, keep_resolvable_links, plan_files

    try:
        text = args.file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        print(f"studylog: error: {args.file} is not UTF-8 text (byte {exc.start})", file=sys.stderr)
        return EXIT_USAGE
    try:
        imported = detect_and_import(text, args.start)
    except ImportError_ as exc:
        print(f"studylog: error: {args.file}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.timezone:
        imported.plan["timezone"] = args.timezone
    args.path.mkdir(parents=True, exist_ok=True)
    keep_resolvable_links(args.path, imported)
    files = plan_files(imported, args.file.name)
    existing = [rel for rel in files if (args.path / rel).exists()]
    if existing and not args.force:
        listed = ", ".join(existing[:5]) + (" …" if len(existing) > 5 else "")
        print(f"studylog: error: {listed} already exist; nothing was written (pass --force)", file=sys.stderr)
        return EXIT_USAGE
    for rel, content in files.items():
        target = args.path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    items = sum(len(w["items"]) for p in imported.plan["phases"] for w in p["weeks"])
    print(
        f"✓ imported {args.file}: {len(imported.plan['phases'])} phases, {items} items, "
        f"{len(imported.checkins)} check-ins from {imported.rows} rows",
        file=sys.stderr,
    )
    for line in imported.report:
        print(f"  note: {line}", file=sys.stderr)
    result = load_repository(args.path, None, links=True)
    if result.errors:
        sys.stdout.write(format_text(result.errors))
        print(f"✗ the imported files have {len(result.errors)} error(s); see above", file=sys.stderr)
        return EXIT_PROBLEMS
    print("✓ the imported files are valid: run `studylog status` and `studylog build`", file=sys.stderr)
    return EXIT_OK


def _cmd_publish(args: argparse.Namespace) -> int:
    from studylog.publish.git import PublishError, PublishOptions, publish

    target = args.via_branch
    options = PublishOptions(
        args.remote, args.branch, target, max(1, args.attempts), max(0.0, args.backoff), args.today, args.dry_run
    )
    try:
        done = publish(args.path, options)
    except PublishError as exc:
        print(f"studylog: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.dry_run:
        listed = "".join(f"\n  {f}" for f in done.files) or " nothing"
        print(f"dry run: would commit and push to {done.remote_ref}:{listed}", file=sys.stderr)
        return EXIT_OK
    if done.commit is None:
        print(f"✓ nothing new to publish; {done.remote_ref} is current", file=sys.stderr)
    else:
        print(
            f"✓ published {done.commit[:12]} to {done.remote_ref} ({len(done.files)} files, attempt {done.attempts})",
            file=sys.stderr,
        )
    if target:
        from studylog.publish.bot import Bot, BotError
        from studylog.publish.git import current_branch

        try:
            base = args.branch or current_branch(args.path)
            action = Bot.from_environment().open_pull_request(
                target, base, "studylog: update the dashboard", "Generated by `studylog publish --via-branch`."
            )
        except BotError as exc:
            print(f"studylog: error: {exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"✓ {action}", file=sys.stderr)
    return EXIT_OK


def _loaded(args: argparse.Namespace, *, links: bool = False) -> tuple[LoadResult, Snapshot | None]:
    """The repository and its snapshot as of --today; no snapshot when files have errors."""
    from studylog.check.repository import load_repository, today_in
    from studylog.progress import compute

    result = load_repository(args.path, args.today, links=links)
    if result.errors or result.repository is None:
        return result, None
    return result, compute(result.repository, args.today or today_in(result.repository.plan.timezone))


def _cmd_remind(args: argparse.Namespace) -> int:
    from studylog.diagnostics import format_text
    from studylog.publish.bot import Bot, BotError
    from studylog.render.labels import LABELS

    result, snapshot = _loaded(args)
    if snapshot is None or result.repository is None:
        sys.stdout.write(format_text(result.errors))
        print("✗ the repository has errors: no reminder sent", file=sys.stderr)
        return EXIT_PROBLEMS
    labels = LABELS[result.repository.plan.locale]
    try:
        bot = Bot.from_environment(dry_run=args.dry_run)
        if snapshot.today_checked_in:
            action = bot.close_reminder(labels["reminder_closed"].format(date=snapshot.as_of))
        elif args.close_only:
            print(f"no check-in yet for {snapshot.as_of}; leaving any reminder open", file=sys.stderr)
            return EXIT_OK
        elif snapshot.today_rest_day or not snapshot.today_planned:
            action = bot.close_reminder(f"{snapshot.as_of}: nothing planned today.")
        else:
            planned = "\n".join(f"- `{ident}` {title}" for ident, title in snapshot.today_planned)
            body = (
                f"### {labels['reminder_planned']}\n\n{planned}\n\n"
                f"{labels['reminder_streak'].format(n=snapshot.streak_current)}\n\n{labels['reminder_howto']}\n"
            )
            action = bot.remind(labels["reminder_title"].format(date=snapshot.as_of), body)
    except BotError as exc:
        print(f"studylog: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"✓ {action}", file=sys.stderr)
    return EXIT_OK


def _changed_checkins(root: Path, base: str) -> set[str]:
    import subprocess

    diff = subprocess.run(
        ["git", "diff", "--name-only", "--diff-filter=AMR", f"{base}...HEAD", "--", "checkins"],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if diff.returncode != 0:
        raise ValueError((diff.stderr or diff.stdout).strip())
    return {line.strip() for line in diff.stdout.splitlines() if line.strip()}


def _cmd_bot_comment(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from studylog.progress import compute
    from studylog.publish.bot import Bot, BotError
    from studylog.render.summary import pr_comment

    result, after = _loaded(args, links=True)
    before = None
    if after is not None and result.repository is not None:
        base = args.base or f"origin/{os.environ.get('GITHUB_BASE_REF') or 'main'}"
        try:
            changed = _changed_checkins(args.path, base)
        except ValueError as exc:
            print(f"studylog: error: cannot compare with {base}: {exc}", file=sys.stderr)
            return EXIT_USAGE
        repository = result.repository
        earlier = replace(repository, checkins=tuple(c for c in repository.checkins if c.path not in changed))
        before = compute(earlier, after.as_of)
    body = pr_comment(result.diagnostics, before, after)
    if args.dry_run:
        sys.stdout.write(body)
    try:
        action = Bot.from_environment(dry_run=args.dry_run).upsert_comment(args.pr, body)
    except BotError as exc:
        print(f"studylog: error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"✓ {action}", file=sys.stderr)
    return EXIT_PROBLEMS if result.errors else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from studylog.check.repository import load_repository, today_in
    from studylog.diagnostics import format_text
    from studylog.progress import compute
    from studylog.render.pages import render_print
    from studylog.write.export import ExportError, html_to_pdf

    result = load_repository(args.path, args.today, links=True)
    if result.errors or result.repository is None:
        sys.stdout.write(format_text(result.diagnostics))
        print(f"✗ {len(result.errors)} error(s): fix them first (see `studylog validate`)", file=sys.stderr)
        return EXIT_PROBLEMS
    repository = result.repository
    as_of = args.today or today_in(repository.plan.timezone)
    output = args.output or args.path / "reports" / f"journey-{as_of.isoformat()}.pdf"
    try:
        html_to_pdf(render_print(repository, compute(repository, as_of)), output)
    except ExportError as exc:
        print(f"studylog: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"✓ wrote {output} (as of {as_of})", file=sys.stderr)
    return EXIT_OK


def _cmd_build(args: argparse.Namespace) -> int:
    from studylog.diagnostics import FORMATTERS
    from studylog.write.build import BuildError, build_repository

    fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    try:
        result, report = build_repository(args.path, args.today, check=args.check)
    except BuildError as exc:
        print(f"studylog: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(FORMATTERS[fmt](result.diagnostics))
    sys.stdout.flush()
    if report is None:
        print(f"✗ {len(result.errors)} error(s): nothing was written; fix them first (see above)", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.check:
        problems = [f"  {p}: differs from a rebuild" for p in report.stale]
        problems += [f"  {p}: generated but no longer produced" for p in report.leftover]
        problems += [f"  {p}: dated after the recorded as-of date {report.as_of}" for p in report.newer_checkins]
        if problems:
            print(f"✗ outputs are stale (as of {report.as_of}); run `studylog build` and commit:", file=sys.stderr)
            print("\n".join(problems[:20] + (["  …"] if len(problems) > 20 else [])), file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"✓ outputs are up to date (as of {report.as_of})", file=sys.stderr)
        return EXIT_OK
    changed = len(report.written) + len(report.removed)
    print(
        f"✓ built as of {report.as_of}: {len(report.written)} written, {len(report.removed)} removed, "
        f"{report.unchanged} unchanged" + ("" if changed else " — nothing to commit"),
        file=sys.stderr,
    )
    for path in report.written:
        print(f"  wrote {path}", file=sys.stderr)
    for path in report.removed:
        print(f"  removed {path}", file=sys.stderr)
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    from studylog.check.repository import load_repository, today_in
    from studylog.diagnostics import format_text
    from studylog.progress import compute
    from studylog.render.report import format_status_json, format_status_text

    result = load_repository(args.path, args.today)
    if result.errors:
        # Figures from files with errors would mislead: show the problems instead.
        sys.stdout.flush()
        sys.stderr.write(format_text(result.errors))
        print(f"✗ {len(result.errors)} error(s): fix them (see `studylog validate`) to see progress", file=sys.stderr)
        return EXIT_PROBLEMS
    assert result.repository is not None  # no errors means the plan loaded
    today = args.today or today_in(result.repository.plan.timezone)
    snapshot = compute(result.repository, today)
    sys.stdout.write(format_status_json(snapshot) if args.format == "json" else format_status_text(snapshot))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from studylog.check.repository import load_repository
    from studylog.diagnostics import FORMATTERS

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    result = load_repository(args.path, args.today, links=True)
    if args.external and result.web_links:
        result = _with_web_links(result, args)
    sys.stdout.write(FORMATTERS[fmt](result.diagnostics))
    if args.summary is not None:
        _append_summary(args, result)
    sys.stdout.flush()
    errors = len(result.errors)
    warnings = len(result.diagnostics) - errors
    if fmt != "json":
        checkins = len(result.repository.checkins) if result.repository else 0
        if errors:
            print(
                f"✗ {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
                f"in {result.files} file{'s' * (result.files != 1)}",
                file=sys.stderr,
            )
        else:
            print(
                f"✓ plan.yaml and {checkins} check-in{'s' * (checkins != 1)} are valid"
                + (f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else ""),
                file=sys.stderr,
            )
    return EXIT_PROBLEMS if errors else EXIT_OK


def _append_summary(args: argparse.Namespace, result: LoadResult) -> None:
    from studylog.check.repository import today_in
    from studylog.progress import compute
    from studylog.render.summary import job_summary

    snapshot = None
    if not result.errors and result.repository is not None:
        snapshot = compute(result.repository, args.today or today_in(result.repository.plan.timezone))
    with args.summary.open("a", encoding="utf-8") as handle:
        handle.write(job_summary(result.diagnostics, snapshot))


def _with_web_links(result: LoadResult, args: argparse.Namespace) -> LoadResult:
    from dataclasses import replace

    from studylog.check.weblinks import WebOptions, check_web_links, default_cache_path
    from studylog.diagnostics import sort_diagnostics

    cache = None if str(args.link_cache).lower() == "none" else (args.link_cache or default_cache_path())
    options = WebOptions(budget=args.link_budget, cache_path=cache, ignore=tuple(args.ignore))
    found = check_web_links(result.web_links, options)
    return replace(result, diagnostics=sort_diagnostics([*result.diagnostics, *found]))


def main(argv: Sequence[str] | None = None) -> int:
    from studylog.check.repository import ConfigurationError

    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return handler(args)
    except ConfigurationError as exc:
        print(f"studylog: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # unreadable files, full disk: the learner's environment, not a bug
        print(f"studylog: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
