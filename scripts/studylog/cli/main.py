"""The `studylog` command: each handler parses, calls one library function, prints its result and
returns the exit code; `main` is the one place errors become a message and an exit code.

Exit codes (studylog.errors): 0 clean, 1 problems in the learner's files, 2 usage or configuration,
3 git, 4 GitHub API, 70 a bug in studylog. Heavy modules are imported inside the command that needs
them, so `studylog --help` stays fast.
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
from studylog.errors import EXIT_BUG, EXIT_INTERRUPTED, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, ISSUES_URL, StudylogError

if TYPE_CHECKING:
    from studylog.start.scaffold import Written


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
    parser.add_argument(
        "--debug", action="store_true", help="on an unexpected error, print the full traceback (for a bug report)"
    )
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
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write it (default: exports/journey-AS_OF.pdf, outside the committed reports/)",
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
    publish.add_argument(
        "--if-figures-changed",
        action="store_true",
        help="for the evening run: publish only when a figure changed since the last build, not only the date",
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
        help="set up a repository (or finish one): plan, checkins/, README markers, workflows, .gitignore",
        description="Set up a study repository: plan.yaml from a built-in curriculum starting today in your "
        "timezone, checkins/, schemas for editors, README markers (appended; existing text untouched), "
        ".gitignore, .github/workflows/studylog.yml and studylog-evening.yml, and `git init` outside a "
        "repository. Where a plan exists, only what is missing is added; --force starts a new plan and "
        "keeps the old one beside it.",
    )
    _add_path(init)
    init.add_argument(
        "--template",
        choices=("llm-12-weeks", "cs336", "blank"),
        default="llm-12-weeks",
        help="the curriculum: the 12-week LLM plan, Stanford CS336, or a blank skeleton (default: llm-12-weeks)",
    )
    init.add_argument(
        "--start",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the plan's first day, every date moves with it (default: today)",
    )
    init.add_argument(
        "--timezone",
        metavar="TZ",
        help="your IANA timezone, e.g. Europe/Berlin (default: the machine's: TZ, /etc/localtime)",
    )
    init.add_argument(
        "--locale",
        choices=("zh-CN", "en"),
        help="the dashboard's language (default: from LANG: zh-CN for zh_*, else en)",
    )
    init.add_argument("--hours", type=float, metavar="H", help="hours you plan a day (default: the template's)")
    init.add_argument(
        "--action",
        metavar="OWNER/REPO@SHA",
        help="the studylog action the workflows use (default: from the installed package's metadata)",
    )
    init.add_argument(
        "--force",
        action="store_true",
        help="start a new plan even though one exists (the old one is kept as plan.yaml.N.bak)",
    )
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
        description="Read a Markdown tracker — a summary table (周次, 日期, 完成状态, 核心任务, …), a 打卡 table "
        "with 周 and 天 columns, a phase/week/lecture tracker, a #100DaysOfCode log or a `- [x]` task-list plan — "
        "check the result, and write plan.yaml and one check-in per day. Reports everything it could not map.",
    )
    importer.add_argument("file", type=Path, metavar="FILE.md", help="the tracker to read")
    _add_path(importer)
    importer.add_argument(
        "--start", type=_date, metavar="YYYY-MM-DD", help="the plan's first day; resolves dates like 2026-01-XX"
    )
    importer.add_argument("--timezone", metavar="TZ", help="the plan's IANA timezone (default: Asia/Shanghai)")
    importer.add_argument(
        "--force", action="store_true", help="replace existing plan.yaml and check-ins (the old ones are backed up)"
    )
    importer.add_argument("--dry-run", action="store_true", help="show what would be written; write nothing")
    importer.set_defaults(handler=_cmd_import)

    doctor = commands.add_parser(
        "doctor",
        help="check the setup end to end and say what to fix",
        description="Check the plan and check-ins, the README markers, the workflows (action reference, default "
        "branch, the evening reminder in your local time), git and its remote, the timezone, and the fonts "
        "and Chromium the PDF export needs. Exit 1 when something will not work.",
    )
    _add_path(doctor)
    doctor.set_defaults(handler=_cmd_doctor)

    setup = commands.add_parser(
        "setup",
        help="turn a copy of the studylog template into your own (run by the setup workflow)",
        description="In a repository made with GitHub's 'Use this template': replace the demo data that is still "
        "as copied with your plan, an empty checkins/ and a README with markers. Files you added or changed are "
        "kept; running it again keeps every check-in and keeps the previous plan beside the new one.",
    )
    _add_path(setup)
    setup.add_argument("--template", choices=("llm-12-weeks", "cs336", "blank"), default="llm-12-weeks",
                       help="the curriculum (default: llm-12-weeks)")  # fmt: skip
    setup.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help="the plan's first day (default: today)")
    setup.add_argument("--timezone", metavar="TZ", default="Asia/Shanghai", help="your IANA timezone")
    setup.add_argument("--locale", choices=("zh-CN", "en"), default="zh-CN", help="the dashboard's language")
    setup.add_argument("--hours", type=float, metavar="H", help="hours you plan a day (default: the template's)")
    setup.set_defaults(handler=_cmd_setup)
    return parser


def _say(line: str) -> None:
    print(line, file=sys.stderr)


def _cmd_init(args: argparse.Namespace) -> int:
    from studylog.start.scaffold import init

    done = init(
        args.path, args.template, args.start, args.timezone,
        action=args.action, force=args.force, locale=args.locale, hours=args.hours,
    )  # fmt: skip
    _print_written(done)
    _say("✓ ready: check in with `studylog new`, then `studylog build`; `studylog doctor` checks the setup")
    return EXIT_OK


def _print_written(done: Written) -> None:
    for path in done.created:
        _say(f"  created {path}")
    for path in done.kept:
        _say(f"  kept    {path}")
    for note in done.notes:
        _say(f"  note: {note}")


def _cmd_doctor(args: argparse.Namespace) -> int:
    from studylog.start.doctor import PROBLEM, diagnose, format_findings

    findings = diagnose(args.path)
    sys.stdout.write(format_findings(findings))
    return EXIT_PROBLEMS if any(f.level == PROBLEM for f in findings) else EXIT_OK


def _cmd_setup(args: argparse.Namespace) -> int:
    from studylog.start.template import template_setup

    _print_written(template_setup(args.path, args.template, args.start, args.timezone, args.locale, args.hours))
    _say("✓ set up: `studylog build`, then commit")
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from studylog.diagnostics import format_text
    from studylog.start.scaffold import edit_checkin, write_checkin

    written = write_checkin(args.path, args.date)
    _say(f"✓ wrote {written.path} — {written.day}: {written.planned}")
    if not args.edit:
        return EXIT_OK
    problems = edit_checkin(args.path, written)
    if problems:
        sys.stdout.write(format_text(problems))
        return EXIT_PROBLEMS if any(d.is_error for d in problems) else EXIT_OK
    _say(f"✓ {written.path} is valid")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from studylog.start.importers.apply import import_file
    from studylog.start.importers.common import Options
    from studylog.start.scaffold import complete_setup

    options = Options(start=args.start, timezone=args.timezone)
    outcome = import_file(args.file, args.path, options, force=args.force, dry_run=args.dry_run)
    for line in outcome.summary():
        _say(line)
    if not outcome.dry_run:
        # Like init: markers, schemas, workflows, so `build` works next (no git init: it would flag
        # every imported link to a file not yet committed).
        _print_written(complete_setup(args.path, git=False))
        _say("✓ the imported files are valid: run `studylog status` and `studylog build`")
    return EXIT_OK


def _cmd_publish(args: argparse.Namespace) -> int:
    from studylog.publish.git import PublishOptions, publish_dashboard

    options = PublishOptions(
        args.remote, args.branch, args.via_branch, max(1, args.attempts), max(0.0, args.backoff), args.today,
        args.dry_run, args.if_figures_changed,
    )  # fmt: skip
    done = publish_dashboard(args.path, options)
    if done.skipped:
        _say(f"✓ nothing to publish: {done.skipped}; {done.remote_ref} stays as it is")
    elif args.dry_run:
        listed = "".join(f"\n  {f}" for f in done.files) or " nothing"
        _say(f"dry run: would commit and push to {done.remote_ref}:{listed}")
    elif done.commit is None:
        _say(f"✓ nothing new to publish; {done.remote_ref} is current")
    else:
        _say(f"✓ published {done.commit[:12]} to {done.remote_ref} ({len(done.files)} files, attempt {done.attempts})")
    if done.pull_request:
        _say(f"✓ {done.pull_request}")
    return EXIT_OK


def _cmd_remind(args: argparse.Namespace) -> int:
    from studylog.publish.bot import send_reminder

    _say(send_reminder(args.path, args.today, close_only=args.close_only, dry_run=args.dry_run))
    return EXIT_OK


def _cmd_bot_comment(args: argparse.Namespace) -> int:
    from studylog.publish.bot import comment_on_pull_request

    done = comment_on_pull_request(args.path, args.today, args.pr, args.base, dry_run=args.dry_run)
    if args.dry_run:
        sys.stdout.write(done.body)
    _say(f"✓ {done.action}")
    return EXIT_PROBLEMS if done.has_errors else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from studylog.write.export import export_pdf

    output, as_of = export_pdf(args.path, args.today, args.output)
    _say(f"✓ wrote {output} (as of {as_of})")
    return EXIT_OK


def _output_format(given: str | None = None) -> str:
    return given or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")


def _cmd_build(args: argparse.Namespace) -> int:
    from studylog.diagnostics import FORMATTERS
    from studylog.write.build import build_repository

    result, report = build_repository(args.path, args.today, check=args.check)
    sys.stdout.write(FORMATTERS[_output_format()](result.diagnostics))
    sys.stdout.flush()
    if report is None:
        _say(f"✗ {len(result.errors)} error(s): nothing was written; fix them first (see above)")
        return EXIT_PROBLEMS
    if args.check:
        problems = [f"  {p}: differs from a rebuild" for p in report.stale]
        problems += [f"  {p}: generated but no longer produced" for p in report.leftover]
        problems += [f"  {p}: dated after the recorded as-of date {report.as_of}" for p in report.newer_checkins]
        if problems:
            _say(f"✗ outputs are stale (as of {report.as_of}); run `studylog build` and commit:")
            _say("\n".join(problems[:20] + (["  …"] if len(problems) > 20 else [])))
            return EXIT_PROBLEMS
        _say(f"✓ outputs are up to date (as of {report.as_of})")
        return EXIT_OK
    changed = len(report.written) + len(report.removed)
    _say(
        f"✓ built as of {report.as_of}: {len(report.written)} written, {len(report.removed)} removed, "
        f"{report.unchanged} unchanged" + ("" if changed else " — nothing to commit")
    )
    for path in report.written:
        _say(f"  wrote {path}")
    for path in report.removed:
        _say(f"  removed {path}")
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    from studylog.render.report import status_report

    sys.stdout.write(status_report(args.path, args.today, args.format))
    return EXIT_OK


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _cmd_validate(args: argparse.Namespace) -> int:
    from studylog.check.repository import validate
    from studylog.diagnostics import FORMATTERS

    web = None
    if args.external:
        from studylog.check.weblinks import WebOptions, default_cache_path

        cache = None if str(args.link_cache).lower() == "none" else (args.link_cache or default_cache_path())
        web = WebOptions(budget=args.link_budget, cache_path=cache, ignore=tuple(args.ignore))
    fmt = _output_format(args.format)
    result = validate(args.path, args.today, web=web)
    sys.stdout.write(FORMATTERS[fmt](result.diagnostics))
    if args.summary is not None:
        from studylog.render.summary import validation_summary

        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(validation_summary(result, args.today))
    sys.stdout.flush()
    errors = len(result.errors)
    warnings = len(result.diagnostics) - errors
    if fmt != "json":
        if errors:
            _say(f"✗ {_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(result.files, 'file')}")
        else:
            checkins = len(result.repository.checkins) if result.repository else 0
            _say(
                f"✓ plan.yaml and {_plural(checkins, 'check-in')} are valid"
                + (f" ({_plural(warnings, 'warning')})" if warnings else "")
            )
    return EXIT_PROBLEMS if errors else EXIT_OK


def _report_bug(debug: bool) -> int:
    """An exception nobody expected is a bug in studylog, never the learner's fault: say so, briefly."""
    if debug:
        import traceback

        traceback.print_exc()
    exc = sys.exc_info()[1]
    _say(
        f"studylog: internal error ({type(exc).__name__}: {exc}).\n"
        f"This is a bug in studylog {__version__}; please report it at {ISSUES_URL} "
        "with the command you ran" + ("." if debug else " and the output of the same command with --debug.")
    )
    return EXIT_BUG


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if isinstance(getattr(args, "path", None), Path) and args.command not in ("init", "import", "doctor", "setup"):
            from studylog.check.repository import find_root

            args.path = find_root(args.path)  # from checkins/2026/ too, as git finds .git
        return handler(args)
    except StudylogError as exc:
        if exc.diagnostics:
            from studylog.diagnostics import format_text

            sys.stdout.flush()
            sys.stderr.write(format_text(exc.diagnostics))
        _say(f"studylog: error: {exc}")
        return exc.exit_code
    except OSError as exc:  # unreadable files, full disk: the learner's environment, not a bug
        _say(f"studylog: error: {exc.filename or ''}: {exc.strerror or exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("studylog: interrupted")
        return EXIT_INTERRUPTED
    except Exception:
        return _report_bug(args.debug)
