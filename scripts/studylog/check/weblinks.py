"""Check http(s) links, politely: few requests per host, retries with backoff, a time budget.

Only `studylog validate --external` comes here. A dead page (404, 410) or a host that does not
exist is an error; anything that may pass by itself — rate limits, timeouts, server errors,
refusals — is a warning, so a flaky site never turns a learner's CI red. Successes are cached
in a file for a while so repeated CI runs skip what was just checked.
"""

from __future__ import annotations

import contextlib
import email.utils
import fnmatch
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from studylog import __version__
from studylog.cache import write_atomic
from studylog.diagnostics import Diagnostic, Severity, Span, sort_diagnostics
from studylog.i18n import t

USER_AGENT = f"studylog-link-check/{__version__} (+https://github.com/)"
_DEAD = frozenset({404, 410})
_RETRYABLE = frozenset({408, 425, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 60.0


def default_cache_path() -> Path:
    from studylog.cache import cache_dir

    return cache_dir() / "links.json"


@dataclass(frozen=True)
class WebOptions:
    timeout: float = 10.0  # seconds per request
    budget: float = 120.0  # seconds for the whole check; what is left unchecked is a warning
    per_host: int = 2
    workers: int = 8
    retries: int = 2
    backoff: float = 0.5  # first wait before a retry; doubles each time
    cache_path: Path | None = field(default_factory=default_cache_path)
    cache_max_age: float = 7 * 24 * 3600.0
    ignore: tuple[str, ...] = ()  # glob patterns matched against the whole URL


@dataclass(frozen=True)
class Outcome:
    ok: bool
    code: str = ""
    message: str = ""
    hint: str = ""
    severity: Severity = Severity.WARNING


_OK = Outcome(True)


class _Budget:
    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.deadline = clock() + seconds

    def left(self) -> float:
        return self.deadline - self.clock()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to another http(s) address: never to ftp:, file: or anything else."""

    def redirect_request(
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        scheme = urlsplit(newurl).scheme.lower()
        if scheme not in ("http", "https"):
            raise urllib.error.URLError(f"redirects to a {scheme or 'scheme-less'}: address, which is not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_WebOnlyRedirects)


def _open(url: str, method: str, timeout: float) -> int:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with _OPENER.open(request, timeout=timeout) as response:
        return int(response.status)


def _request(url: str, method: str, timeout: float) -> int:
    """One request that takes at most `timeout` seconds in all. A socket timeout alone does not
    bound it: a server sending one byte every few seconds never trips it. So the request runs in a
    daemon thread, and is abandoned (the process does not wait for it) when its time is up."""
    result: list[int | BaseException] = []

    def run() -> None:
        try:
            result.append(_open(url, method, timeout))
        except BaseException as exc:  # handed to the caller below
            result.append(exc)

    worker = threading.Thread(target=run, daemon=True, name="studylog-link-check")
    worker.start()
    worker.join(timeout)
    if not result:
        raise TimeoutError(f"no complete answer within {timeout:g} s")
    if isinstance(result[0], BaseException):
        raise result[0]
    return result[0]


def _is_dns_failure(error: urllib.error.URLError) -> bool:
    return isinstance(error.reason, socket.gaierror)


def _is_timeout(error: BaseException) -> bool:
    return isinstance(error, TimeoutError | socket.timeout) or (
        isinstance(error, urllib.error.URLError) and isinstance(error.reason, TimeoutError | socket.timeout)
    )


def check_url(url: str, options: WebOptions, budget: _Budget, sleep: Callable[[float], None] = time.sleep) -> Outcome:
    """One URL: HEAD, then GET when HEAD is refused; retry what may pass; classify the rest."""
    wait = options.backoff
    last = Outcome(False, "link-unverified", t("web-unchecked", url=url))
    for attempt in range(options.retries + 1):
        if budget.left() <= 0:
            return Outcome(False, "link-unverified", t("web-budget", url=url))
        timeout = max(0.1, min(options.timeout, budget.left()))
        try:
            try:
                _request(url, "HEAD", timeout)
            except urllib.error.HTTPError as head_error:
                if head_error.code == 429 or head_error.code in _RETRYABLE:
                    raise
                _request(url, "GET", timeout)  # many servers refuse or mishandle HEAD
            return _OK
        except urllib.error.HTTPError as error:
            if error.code in _DEAD:
                return Outcome(
                    False,
                    "link-dead",
                    t("web-gone", url=url, status=f"{error.code} {error.reason}"),
                    t("hint.web-gone"),
                    Severity.ERROR,
                )
            if error.code == 429:
                delay = _retry_after(error.headers.get("Retry-After")) if error.headers else None
                last = Outcome(False, "link-unverified", t("web-rate-limited", url=url))
                delay = wait if delay is None else delay
                if delay > _MAX_RETRY_AFTER or delay >= budget.left():
                    return last
                if attempt < options.retries:
                    sleep(delay)
                continue
            if error.code in _RETRYABLE:
                last = Outcome(
                    False, "link-unverified", t("web-answered", url=url, status=f"{error.code} {error.reason}")
                )
            else:
                return Outcome(
                    False, "link-unverified", t("web-refused", url=url, status=f"{error.code} {error.reason}")
                )
        except urllib.error.URLError as error:
            if _is_dns_failure(error):
                return Outcome(
                    False,
                    "link-dead",
                    t("web-no-host", url=url, host=urlsplit(url).hostname),
                    t("hint.web-no-host"),
                    Severity.ERROR,
                )
            reason = t("web-timed-out") if _is_timeout(error) else str(error.reason)
            last = Outcome(False, "link-unverified", t("web-failed", url=url, reason=reason))
        except (TimeoutError, OSError, ValueError) as error:
            reason = t("web-timed-out") if _is_timeout(error) else str(error)
            last = Outcome(False, "link-unverified", t("web-failed", url=url, reason=reason))
        if attempt < options.retries:
            sleep(min(wait, max(0.0, budget.left())))
            wait *= 2
    return last


class _Cache:
    """URL → when it last passed. Only successes are kept, and only for `max_age` seconds."""

    def __init__(self, path: Path | None, max_age: float, now: float) -> None:
        self.path = path
        self.entries: dict[str, float] = {}
        if path is None:
            return
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            raw = {}
        if isinstance(raw, dict):
            self.entries = {
                k: float(v) for k, v in raw.items() if isinstance(v, int | float) and 0 <= now - float(v) < max_age
            }

    def save(self) -> None:
        if self.path is None:
            return
        with contextlib.suppress(OSError):  # an unwritable cache only makes the next run slower
            write_atomic(self.path, json.dumps(self.entries, sort_keys=True, indent=0).encode("utf-8"))


def check_web_links(
    cited: Mapping[str, list[Span]],
    options: WebOptions,
    *,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> list[Diagnostic]:
    """Check every cited URL once; a problem is reported at each place the URL is cited."""
    cache = _Cache(options.cache_path, options.cache_max_age, time.time())
    urls = sorted(
        url
        for url in cited
        if url not in cache.entries and not any(fnmatch.fnmatchcase(url, p) for p in options.ignore)
    )
    budget = _Budget(options.budget, clock)
    hosts: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(options.per_host))
    for url in urls:  # create them all here: a defaultdict is not safe to grow from threads
        hosts[urlsplit(url).netloc.lower()]

    def run(url: str) -> Outcome:
        with hosts[urlsplit(url).netloc.lower()]:
            return check_url(url, options, budget, sleep)

    with ThreadPoolExecutor(max_workers=max(1, options.workers)) as pool:
        outcomes = dict(zip(urls, pool.map(run, urls), strict=True))
    now = time.time()
    diagnostics: list[Diagnostic] = []
    for url, outcome in outcomes.items():
        if outcome.ok:
            cache.entries[url] = now
            continue
        for span in cited[url]:
            diagnostics.append(Diagnostic.at(span, outcome.code, outcome.message, outcome.hint, outcome.severity))
    cache.save()
    return sort_diagnostics(diagnostics)
