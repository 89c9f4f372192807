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
    from studylog.repo import LoadResult

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
    return parser


def _cmd_export(args: argparse.Namespace) -> int:
    from studylog.diagnostics import format_text
    from studylog.export import ExportError, html_to_pdf
    from studylog.progress import compute
    from studylog.render import render_print
    from studylog.repo import load_repository, today_in

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
    from studylog.build import BuildError, build_repository
    from studylog.diagnostics import FORMATTERS

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
    from studylog.diagnostics import format_text
    from studylog.progress import compute
    from studylog.repo import load_repository, today_in
    from studylog.report import format_status_json, format_status_text

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
    from studylog.diagnostics import FORMATTERS
    from studylog.repo import load_repository

    fmt = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    result = load_repository(args.path, args.today, links=True)
    if args.external and result.web_links:
        result = _with_web_links(result, args)
    sys.stdout.write(FORMATTERS[fmt](result.diagnostics))
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


def _with_web_links(result: LoadResult, args: argparse.Namespace) -> LoadResult:
    from dataclasses import replace

    from studylog.diagnostics import sort_diagnostics
    from studylog.weblinks import WebOptions, check_web_links, default_cache_path

    cache = None if str(args.link_cache).lower() == "none" else (args.link_cache or default_cache_path())
    options = WebOptions(budget=args.link_budget, cache_path=cache, ignore=tuple(args.ignore))
    found = check_web_links(result.web_links, options)
    return replace(result, diagnostics=sort_diagnostics([*result.diagnostics, *found]))


def main(argv: Sequence[str] | None = None) -> int:
    from studylog.repo import ConfigurationError

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
