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
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from studylog import __version__
from studylog.errors import (
    EXIT_BUG,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    ISSUES_URL,
    StudylogError,
    UsageError,
)
from studylog.i18n import Lang, choose, current, declared_locale, parse_lang, t, using
from studylog.layout import plan_folder

if TYPE_CHECKING:
    from studylog.start.scaffold import Written


def _date(value: str) -> dt.date:
    from studylog.clock import MAX_YEAR, MIN_YEAR

    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.not-a-date", value=value)) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(t("cli.date-out-of-range", value=value, first=MIN_YEAR, last=MAX_YEAR))
    return day


def _number(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.not-a-number", value=value)) from None


def _add_path(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", default=".", type=Path, help=t("help.path"))


def _add_today(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help=t("help.today"))


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it ($COLUMNS, then the terminal, else
    80), without importing shutil (and the compression modules it loads) on every command."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with its own words ("usage:") from the catalog."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, _columns() - 2 if width is None else width)

    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any], prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, t("help.usage") if prefix is None else prefix)

    def format_help(self) -> str:
        text = super().format_help()
        if current() is Lang.ZH_CN:  # argparse ends a section title with an English colon
            text = re.sub(r"^(\S[^\n]*?):$", r"\1：", text, flags=re.MULTILINE)
        return text


def _speak(parser: argparse.ArgumentParser) -> None:
    """argparse's fixed words (section titles, `-h`) in the chosen language, on every sub-parser too."""
    parser.formatter_class = _Formatter
    parser._positionals.title = t("help.positionals")
    parser._optionals.title = t("help.options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = t("help.help")
        elif isinstance(action, argparse._VersionAction):
            action.help = t("help.version")
        elif isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                _speak(sub)


def _argparse_words(message: str) -> str:
    """argparse's own words ("the following arguments are required", "invalid choice"), which it looks up
    through gettext, in the chosen language; a msgid not known here (a newer Python's) stays English."""
    if current() is not Lang.ZH_CN:
        return message
    words = {
        "usage: ": t("help.usage"),
        "positional arguments": t("help.positionals"),
        "options": t("help.options"),
        "show this help message and exit": t("help.help"),
        "%(prog)s: error: %(message)s\n": t("argparse.error"),
        "argument %(argument_name)s: %(message)s": t("argparse.argument"),
        "the following arguments are required: %s": t("argparse.required"),
        "unrecognized arguments: %s": t("argparse.unrecognized"),
        "invalid choice: %(value)r (choose from %(choices)s)": t("argparse.invalid-choice"),
        "invalid %(type)s value: %(value)r": t("argparse.invalid-value"),
        "expected one argument": t("argparse.expected-one"),
        "expected at most one argument": t("argparse.expected-at-most-one"),
        "expected at least one argument": t("argparse.expected-at-least-one"),
        "expected %s argument": t("argparse.expected-n", n=1),
        "expected %s arguments": t("argparse.expected-n", n=2),
        "ambiguous option: %(option)s could match %(matches)s": t("argparse.ambiguous"),
        "not allowed with argument %s": t("argparse.not-allowed-with"),
        "one of the arguments %s is required": t("argparse.one-required"),
        "ignored explicit argument %r": t("argparse.ignored-explicit"),
        "can't open '%(filename)s': %(error)s": t("argparse.cannot-open"),
    }
    return words.get(message, message)


def _argparse_plural(singular: str, plural: str, n: int) -> str:
    return _argparse_words(singular if n == 1 else plural)


@contextmanager
def _argparse_speaks() -> Iterator[None]:
    """While the parser is built and parses: argparse's gettext lookups (`argparse._`, `argparse.ngettext`,
    bound when argparse was imported) answer in the current language."""
    names = vars(argparse)
    saved = {name: names.get(name) for name in ("_", "ngettext")}
    names["_"], names["ngettext"] = _argparse_words, _argparse_plural
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                names.pop(name, None)
            else:
                names[name] = value


class _ProblemAction(argparse.Action):
    """--problem starts a (problem, solution) pair; --solution fills in the pair just before it."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, value: object, _: object = None
    ) -> None:
        pairs: list[tuple[str, str]] = list(getattr(namespace, self.dest) or [])
        if self.option_strings[0] == "--problem":
            pairs.append((str(value), ""))
        elif not pairs or pairs[-1][1]:
            parser.error(t("cli.solution-needs-problem"))
        else:
            pairs[-1] = (pairs[-1][0], str(value))
        setattr(namespace, self.dest, pairs)


def build_parser() -> argparse.ArgumentParser:
    parser = _build_parser()
    _speak(parser)
    return parser


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that lays out its help with `_Formatter`; its sub-parsers are `_Parser`s too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="studylog",
        description=t("help.description"),
    )
    parser.add_argument("--version", action="version", version=f"studylog {__version__}")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=t("help.lang"),
    )
    parser.add_argument("--debug", action="store_true", help=t("help.debug"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help=t("help.cmd.validate"),
        description=t("help.cmd.validate.description"),
    )
    _add_path(validate)
    validate.add_argument(
        "--format",
        choices=("text", "github", "json"),
        help=t("help.validate.format"),
    )
    _add_today(validate)
    validate.add_argument("--external", action="store_true", help=t("help.validate.external"))
    validate.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="PATTERN",
        help=t("help.validate.ignore"),
    )
    validate.add_argument(
        "--link-budget",
        type=_number,
        default=120.0,
        metavar="SECONDS",
        help=t("help.validate.link-budget"),
    )
    validate.add_argument(
        "--link-cache",
        type=Path,
        metavar="PATH",
        help=t("help.validate.link-cache"),
    )
    validate.add_argument(
        "--summary",
        type=Path,
        metavar="FILE",
        help=t("help.validate.summary"),
    )
    validate.set_defaults(handler=_cmd_validate)

    status = commands.add_parser(
        "status",
        help=t("help.cmd.status"),
        description=t("help.cmd.status.description"),
    )
    _add_path(status)
    status.add_argument("--format", choices=("text", "json"), default="text", help=t("help.status.format"))
    _add_today(status)
    status.set_defaults(handler=_cmd_status)
    build = commands.add_parser(
        "build",
        help=t("help.cmd.build"),
        description=t("help.cmd.build.description"),
    )
    _add_path(build)
    _add_today(build)
    build.add_argument(
        "--check",
        action="store_true",
        help=t("help.build.check"),
    )
    build.set_defaults(handler=_cmd_build)

    export = commands.add_parser(
        "export",
        help=t("help.cmd.export"),
        description=t("help.cmd.export.description"),
    )
    _add_path(export)
    _add_today(export)
    export.add_argument("--pdf", action="store_true", required=True, help=t("help.export.pdf"))
    export.add_argument("--output", type=Path, metavar="FILE", help=t("help.export.output"))
    export.set_defaults(handler=_cmd_export)

    publish = commands.add_parser(
        "publish",
        help=t("help.cmd.publish"),
        description=t("help.cmd.publish.description"),
    )
    _add_path(publish)
    _add_today(publish)
    publish.add_argument("--remote", default="origin", help=t("help.publish.remote"))
    publish.add_argument("--branch", help=t("help.publish.branch"))
    publish.add_argument(
        "--via-branch",
        metavar="NAME",
        help=t("help.publish.via-branch"),
    )
    publish.add_argument("--attempts", type=int, default=5, help=t("help.publish.attempts"))
    publish.add_argument(
        "--backoff",
        type=_number,
        default=1.0,
        metavar="SECONDS",
        help=t("help.publish.backoff"),
    )
    publish.add_argument("--dry-run", action="store_true", help=t("help.publish.dry-run"))
    publish.add_argument("--if-figures-changed", action="store_true", help=t("help.publish.if-figures-changed"))
    publish.set_defaults(handler=_cmd_publish)

    review = commands.add_parser(
        "review",
        help=t("help.cmd.review"),
        description=t("help.cmd.review.description"),
    )
    _add_path(review)
    _add_today(review)
    review.add_argument("--format", choices=("text", "json"), default="text", help=t("help.status.format"))
    review.set_defaults(handler=_cmd_review)

    remind = commands.add_parser(
        "remind",
        help=t("help.cmd.remind"),
        description=t("help.cmd.remind.description"),
    )
    _add_path(remind)
    _add_today(remind)
    remind.add_argument("--close-only", action="store_true", help=t("help.remind.close-only"))
    remind.add_argument("--dry-run", action="store_true", help=t("help.remind.dry-run"))
    remind.set_defaults(handler=_cmd_remind)

    bot = commands.add_parser("bot", help=t("help.cmd.bot"), description=t("help.cmd.bot.description"))
    bot_commands = bot.add_subparsers(dest="bot_command", metavar="ACTION", required=True)
    comment = bot_commands.add_parser(
        "comment", help=t("help.cmd.comment"), description=t("help.cmd.comment.description")
    )
    _add_path(comment)
    _add_today(comment)
    comment.add_argument("--pr", type=int, required=True, metavar="NUMBER", help=t("help.comment.pr"))
    comment.add_argument("--base", help=t("help.comment.base"))
    comment.add_argument("--dry-run", action="store_true", help=t("help.comment.dry-run"))
    comment.set_defaults(handler=_cmd_bot_comment)

    from_issue = bot_commands.add_parser(
        "checkin-issue",
        help=t("help.cmd.checkin-issue"),
        description=t("help.cmd.checkin-issue.description"),
    )
    _add_path(from_issue)
    from_issue.add_argument("--event", type=Path, metavar="FILE", help=t("help.checkin-issue.event"))
    from_issue.add_argument("--remote", default="origin", help=t("help.publish.remote"))
    from_issue.set_defaults(handler=_cmd_bot_checkin_issue)

    init = commands.add_parser(
        "init",
        help=t("help.cmd.init"),
        description=t("help.cmd.init.description"),
    )
    _add_path(init)
    init.add_argument(
        "--template",
        choices=("llm-12-weeks", "cs336", "blank"),
        default="llm-12-weeks",
        help=t("help.init.template"),
    )
    init.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help=t("help.init.start"))
    init.add_argument("--timezone", metavar="TZ", help=t("help.init.timezone"))
    init.add_argument(
        "--locale",
        choices=("zh-CN", "en"),
        help=t("help.init.locale"),
    )
    init.add_argument("--hours", type=_number, metavar="H", help=t("help.init.hours"))
    init.add_argument(
        "--action",
        metavar="OWNER/REPO@SHA",
        help=t("help.init.action"),
    )
    init.add_argument("--force", action="store_true", help=t("help.init.force"))
    init.set_defaults(handler=_cmd_init)

    new = commands.add_parser(
        "new",
        help=t("help.cmd.new"),
        description=t("help.cmd.new.description"),
    )
    _add_path(new)
    new.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help=t("help.new.date"))
    new.add_argument("--edit", action="store_true", help=t("help.new.edit"))
    new.set_defaults(handler=_cmd_new)

    checkin = commands.add_parser(
        "checkin",
        help=t("help.cmd.checkin"),
        description=t("help.cmd.checkin.description"),
    )
    _add_path(checkin)
    checkin.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help=t("help.new.date"))
    checkin.add_argument("--status", help=t("help.checkin.status"))
    checkin.add_argument("--hours", type=_number, help=t("help.checkin.hours"))
    checkin.add_argument("--done", action="append", default=[], metavar="ID", help=t("help.checkin.done"))
    checkin.add_argument("-m", "--message", action="append", default=[], help=t("help.checkin.message"))
    checkin.add_argument("--problem", action=_ProblemAction, default=[], help=t("help.checkin.problem"))
    checkin.add_argument(
        "--solution", action=_ProblemAction, dest="problem", metavar="SOLUTION", help=t("help.checkin.solution")
    )
    checkin.add_argument("--link", action="append", default=[], metavar="PATH", help=t("help.checkin.link"))
    checkin.add_argument(
        "--reviewed", action="append", default=[], metavar="YYYY-MM-DD#N", help=t("help.checkin.reviewed")
    )
    checkin.add_argument("--task", help=t("help.checkin.task"))
    checkin.add_argument("--note", help=t("help.checkin.note"))
    checkin.set_defaults(handler=_cmd_checkin)

    importer = commands.add_parser(
        "import",
        help=t("help.cmd.import"),
        description=t("help.cmd.import.description"),
    )
    importer.add_argument("file", type=Path, metavar="FILE.md", help=t("help.importer.file"))
    _add_path(importer)
    importer.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help=t("help.importer.start"))
    importer.add_argument("--timezone", metavar="TZ", help=t("help.importer.timezone"))
    importer.add_argument("--force", action="store_true", help=t("help.importer.force"))
    importer.add_argument("--dry-run", action="store_true", help=t("help.importer.dry-run"))
    importer.set_defaults(handler=_cmd_import)

    doctor = commands.add_parser(
        "doctor",
        help=t("help.cmd.doctor"),
        description=t("help.cmd.doctor.description"),
    )
    _add_path(doctor)
    doctor.set_defaults(handler=_cmd_doctor)

    setup = commands.add_parser(
        "setup",
        help=t("help.cmd.setup"),
        description=t("help.cmd.setup.description"),
    )
    _add_path(setup)
    setup.add_argument("--template", choices=("llm-12-weeks", "cs336", "blank"), default="llm-12-weeks",
                       help=t("help.init.template"))  # fmt: skip
    setup.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help=t("help.init.start"))
    setup.add_argument("--timezone", metavar="TZ", default="Asia/Shanghai", help=t("help.setup.timezone"))
    setup.add_argument("--locale", choices=("zh-CN", "en"), default="zh-CN", help=t("help.setup.locale"))
    setup.add_argument("--hours", type=_number, metavar="H", help=t("help.init.hours"))
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
    _say(t("cli.init-ready"))
    return EXIT_OK


def _print_written(done: Written) -> None:
    for path in done.created:
        _say(t("cli.created", path=path))
    for path in done.kept:
        _say(t("cli.kept", path=path))
    for note in done.notes:
        _say(t("cli.note", note=note))


def _cmd_doctor(args: argparse.Namespace) -> int:
    from studylog.start.doctor import PROBLEM, diagnose, format_findings

    findings = diagnose(args.path)
    sys.stdout.write(format_findings(findings))
    return EXIT_PROBLEMS if any(f.level == PROBLEM for f in findings) else EXIT_OK


def _cmd_setup(args: argparse.Namespace) -> int:
    from studylog.start.template import template_setup

    _print_written(template_setup(args.path, args.template, args.start, args.timezone, args.locale, args.hours))
    _say(t("cli.setup-done"))
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from studylog.diagnostics import format_text
    from studylog.start.scaffold import edit_checkin, write_checkin

    written = write_checkin(args.path, args.date)
    _say(t("cli.new-wrote", path=written.path, day=written.day, planned=written.planned))
    if not args.edit:
        return EXIT_OK
    problems = edit_checkin(args.path, written)
    if problems:
        sys.stdout.write(format_text(problems, args.path))
        return EXIT_PROBLEMS if any(d.is_error for d in problems) else EXIT_OK
    _say(t("cli.new-valid", path=written.path))
    return EXIT_OK


def _cmd_checkin(args: argparse.Namespace) -> int:
    from studylog.diagnostics import format_text
    from studylog.model import parse_status
    from studylog.start.checkin import CheckinUpdate, record

    status = parse_status(args.status) if args.status else None
    if args.status and status is None:
        _say(t("cli.error", error=t("cli.bad-status", status=args.status)))
        return EXIT_USAGE
    update = CheckinUpdate(
        args.date, status, args.hours, tuple(args.done), tuple(args.message), tuple(args.problem),
        tuple(args.link), tuple(args.reviewed), args.task or "", args.note or "",
    )  # fmt: skip
    here, root = Path.cwd().resolve(), args.path.resolve()
    folder = here.relative_to(root).as_posix() if here == root or root in here.parents else None
    done = record(args.path, update, folder=folder)
    sys.stdout.write(format_text(done.diagnostics))
    sys.stdout.write(done.reply)
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
        _say(t("cli.import-valid"))
    return EXIT_OK


def _cmd_publish(args: argparse.Namespace) -> int:
    from studylog.publish.git import PublishOptions, publish_dashboard

    options = PublishOptions(
        args.remote, args.branch, args.via_branch, max(1, args.attempts), max(0.0, args.backoff), args.today,
        args.dry_run, args.if_figures_changed,
    )  # fmt: skip
    done = publish_dashboard(args.path, options)
    if done.skipped:
        _say(t("cli.publish-skipped", reason=done.skipped, ref=done.remote_ref))
    elif args.dry_run:
        listed = "".join(f"\n  {f}" for f in done.files) or t("cli.nothing")
        _say(t("cli.publish-dry-run", ref=done.remote_ref, files=listed))
    elif done.commit is None:
        _say(t("cli.publish-nothing", ref=done.remote_ref))
    else:
        _say(
            t(
                "cli.published",
                commit=done.commit[:12],
                ref=done.remote_ref,
                files=t("cli.n-files", n=len(done.files)),
                attempt=done.attempts,
            )
        )
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


def _cmd_bot_checkin_issue(args: argparse.Namespace) -> int:
    from functools import partial

    from studylog.publish.bot import Bot
    from studylog.publish.git import commit_and_push
    from studylog.start.issueform import checkin_issue_from_event

    # Nothing the issue says is printed: in a job log a line starting with `::` is a workflow command.
    push = partial(commit_and_push, remote=args.remote)
    outcome = checkin_issue_from_event(args.path, args.event, Bot.from_environment(), push)
    for line in outcome.report():
        _say(line)
    return EXIT_PROBLEMS if outcome.verb == "refused" else EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from studylog.write.export import export_pdf

    output, as_of = export_pdf(args.path, args.today, args.output)
    _say(t("cli.export-wrote", path=output, as_of=as_of))
    return EXIT_OK


def _output_format(given: str | None = None) -> str:
    return given or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")


def _cmd_build(args: argparse.Namespace) -> int:
    from studylog.diagnostics import FORMATTERS
    from studylog.write.build import build_repository

    result, report = build_repository(args.path, args.today, check=args.check)
    sys.stdout.write(FORMATTERS[_output_format()](result.diagnostics, args.path))
    sys.stdout.flush()
    if report is None:
        _say(t("cli.build-errors", errors=t("cli.n-errors", n=len(result.errors))))
        return EXIT_PROBLEMS
    if args.check:
        problems = [t("cli.stale-differs", path=p) for p in report.stale]
        problems += [t("cli.stale-leftover", path=p) for p in report.leftover]
        problems += [t("cli.stale-newer", path=p, as_of=report.as_of) for p in report.newer_checkins]
        if problems:
            _say(t("cli.stale", as_of=report.as_of))
            _say("\n".join(problems[:20] + (["  …"] if len(problems) > 20 else [])))
            return EXIT_PROBLEMS
        _say(t("cli.up-to-date", as_of=report.as_of))
        return EXIT_OK
    changed = len(report.written) + len(report.removed)
    _say(
        t(
            "cli.built",
            as_of=report.as_of,
            written=len(report.written),
            removed=len(report.removed),
            unchanged=report.unchanged,
        )
        + ("" if changed else t("cli.nothing-to-commit"))
    )
    for path in report.written:
        _say(t("cli.wrote", path=path))
    for path in report.removed:
        _say(t("cli.removed", path=path))
    for moved in report.preserved:
        _say(t("cli.kept-unowned", path=moved))
    for moved in report.aside:
        _say(t("cli.kept-notes", path=moved))
    if report.resolved:
        shown = ", ".join(report.resolved[:3]) + (", …" if len(report.resolved) > 3 else "")
        _say(t("cli.conflicts-resolved", n=len(report.resolved), paths=shown))
    if report.section_edited:
        _say(t("cli.section-edited"))
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from studylog.render.report import review_report

    sys.stdout.write(review_report(args.path, args.today, args.format))
    return EXIT_OK


def _cmd_status(args: argparse.Namespace) -> int:
    from studylog.render.report import status_report

    sys.stdout.write(status_report(args.path, args.today, args.format))
    return EXIT_OK


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
    sys.stdout.write(FORMATTERS[fmt](result.diagnostics, args.path))
    if args.summary is not None:
        from studylog.render.summary import validation_summary

        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(validation_summary(result, args.today, args.path))
    sys.stdout.flush()
    errors = len(result.errors)
    warnings = len(result.diagnostics) - errors
    if fmt != "json":
        if errors:
            counts = [t("cli.n-errors", n=errors), t("cli.n-warnings", n=warnings), t("cli.n-files", n=result.files)]
            _say(t("cli.validate-failed", errors=counts[0], warnings=counts[1], files=counts[2]))
        else:
            checkins = len(result.repository.checkins) if result.repository else 0
            valid = t("cli.validate-ok", checkins=t("cli.n-checkins", n=checkins))
            _say(valid + (t("cli.with-warnings", warnings=t("cli.n-warnings", n=warnings)) if warnings else ""))
    return EXIT_PROBLEMS if errors else EXIT_OK


def _report_bug(debug: bool) -> int:
    """An exception nobody expected is a bug in studylog, never the learner's fault: say so, briefly."""
    if debug:
        import traceback

        traceback.print_exc()
    exc = sys.exc_info()[1]
    _say(
        t("cli.bug", error=f"{type(exc).__name__}: {exc}", version=__version__, url=ISSUES_URL)
        + (t("cli.bug-end") if debug else t("cli.bug-end-debug"))
    )
    return EXIT_BUG


def _choose_language(args: argparse.Namespace) -> Lang:
    if args.lang is not None and parse_lang(args.lang) is None:
        raise UsageError(t("cli.bad-lang", lang=args.lang))
    return choose(args.lang, os.environ, _declared_locale(getattr(args, "path", None)))


def _declared_locale(path: object) -> str | None:
    """The plan's `locale:`, found as the commands find the plan: in `path` or the nearest folder above
    it that has one (run from `checkins/2026/`, the learner still reads their plan's language)."""
    folder = plan_folder(path) if isinstance(path, Path) else None
    return declared_locale(folder) if folder is not None else None


def _language_for_help(argv: Sequence[str]) -> Lang:
    """The language of `--help` and usage errors, before the arguments are parsed: `--lang` if given,
    else the environment, else the plan in the current folder."""
    given = None
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            given = argv[index + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    return choose(given, os.environ, _declared_locale(Path(".")))


def run() -> NoReturn:
    """The `studylog` console script and `python -m studylog`: `main()`, then the exit a process needs
    (exit handlers run, the output written) without the interpreter's teardown, which frees every
    object one by one: ~4 ms of each command at a year of check-ins, for memory the system takes back
    anyway. (mypy exits the same way.) Threads the command started are waited for, as at a normal
    exit. `--help`, `--version` and usage errors exit from argparse, as before."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # closed by the caller (`studylog status >&-`): written nowhere, as asked
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - the process's own
    code = main()
    threading = sys.modules.get("threading")  # not imported: no thread was started
    if threading is not None:
        for thread in threading.enumerate():
            if thread is not threading.current_thread() and not thread.daemon:
                thread.join()
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:  # said already, in the command's language (`_run`), or stderr itself is gone
            code = code or EXIT_USAGE
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    help_lang = _language_for_help(argv)
    with using(help_lang), _argparse_speaks():
        parser = build_parser()
        args = parser.parse_args(argv)
    try:
        lang = _choose_language(args)
    except StudylogError as exc:
        _say(t("cli.error", error=exc))
        return exc.exit_code
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        with using(help_lang), _argparse_speaks():
            parser.print_help()
        return EXIT_USAGE
    with using(lang):  # for this command only: main() may run many times in one process (tests)
        return _run(handler, args)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        if isinstance(getattr(args, "path", None), Path) and args.command not in ("init", "import", "doctor", "setup"):
            from studylog.check.repository import find_root

            args.path = find_root(args.path)  # from checkins/2026/ too, as git finds .git
        code = handler(args)
        # Written here, in the command's language: output that cannot be written (a full disk, a
        # reader gone) is one located line and exit 2 — it ended in the interpreter's "Exception
        # ignored … OSError" and exit 120 when stdout was buffered.
        sys.stdout.flush()
        return code
    except StudylogError as exc:
        if exc.diagnostics:
            from studylog.diagnostics import format_text

            with suppress(OSError):
                sys.stdout.flush()
            root = getattr(args, "path", None)
            # A refused check-in was never written (or was put back): its lines are those it would have had.
            refused = getattr(exc, "candidate", "")
            texts = {d.path: refused for d in exc.diagnostics} if refused else None
            sys.stderr.write(format_text(exc.diagnostics, root if isinstance(root, Path) else None, texts))
        _say(t("cli.error", error=exc))
        return exc.exit_code
    except OSError as exc:  # unreadable files, full disk: the learner's environment, not a bug
        what = exc.strerror or str(exc)
        _say(t("cli.error", error=f"{exc.filename}: {what}" if exc.filename else what))
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say(t("cli.interrupted"))
        return EXIT_INTERRUPTED
    except Exception:
        return _report_bug(args.debug)
