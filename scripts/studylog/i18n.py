"""The language studylog speaks to the learner, and the one way to say anything: `t(message_id)`.

Every sentence printed on a terminal comes from `studylog.messages.CATALOG` through `t`. The language
is chosen once per command (`choose`) and held in a context variable, so library code that builds a
diagnostic never passes a language around. Codes and JSON keys never go through here: they stay English.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from studylog.messages import CATALOG


class Lang(enum.Enum):
    EN = "en"
    ZH_CN = "zh-CN"


_current: ContextVar[Lang] = ContextVar("studylog_language", default=Lang.EN)


def parse_lang(value: str | None) -> Lang | None:
    """`zh-CN`, `zh_CN.UTF-8`, `zh`, `zh-Hans`, `en_US.UTF-8`, `en` → a language; anything else → None."""
    if not value:
        return None
    base = value.split(".", 1)[0].split("@", 1)[0].replace("_", "-").casefold()
    if base == "zh" or base.startswith(("zh-cn", "zh-hans", "zh-sg")):
        return Lang.ZH_CN
    if base == "en" or base.startswith("en-"):
        return Lang.EN
    return None


def choose(cli: str | None, environ: Mapping[str, str], plan_locale: str | None) -> Lang:
    """`--lang`, else STUDYLOG_LANG, else the plan's `locale`, else LC_ALL / LANG, else English."""
    for value in (cli, environ.get("STUDYLOG_LANG"), plan_locale, environ.get("LC_ALL"), environ.get("LANG")):
        lang = parse_lang(value)
        if lang is not None:
            return lang
    return Lang.EN


_LOCALE_LINE = re.compile(r"^locale:[ \t]*[\"']?([A-Za-z_-]+)", re.MULTILINE)


def declared_locale(root: Path) -> str | None:
    """The `locale:` plan.yaml declares, read without parsing the plan: it picks the language of
    every message, the plan's own diagnostics included, so it is needed before the plan is read
    (and before `--help` prints, which is why it lives here and not in the plan loader)."""
    try:
        head = (root / "plan.yaml").read_bytes()[:65536].decode("utf-8", errors="replace")
    except OSError:
        return None
    match = _LOCALE_LINE.search(head)
    return match[1] if match else None


def current() -> Lang:
    return _current.get()


def use(lang: Lang) -> None:
    """Set the language for the rest of this command (the CLI calls it once, before any work)."""
    _current.set(lang)


@contextmanager
def using(lang: Lang) -> Iterator[None]:
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def t(message_id: str, /, *, n: int | float | None = None, **params: object) -> str:
    """The message in the current language. `n` picks the English singular form when it is 1."""
    entry = CATALOG[message_id]
    if _current.get() is Lang.ZH_CN:
        template = entry.zh
    else:
        template = entry.en_one if n is not None and n == 1 and entry.en_one else entry.en
    return template.format(n=n, **params) if (params or n is not None) else template


def environ_lang() -> Lang:
    """The language the environment alone asks for (no `--lang`, no plan): for `--help`."""
    return choose(None, os.environ, None)
