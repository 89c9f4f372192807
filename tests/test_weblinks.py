"""`studylog validate --external` against a local HTTP server on 127.0.0.1 serving each case."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from conftest import run_cli, write_repo
from studylog.check.weblinks import WebOptions, check_web_links
from studylog.diagnostics import Span

FAST = {"timeout": 0.5, "budget": 20.0, "backoff": 0.01, "retries": 2}


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)


def check(urls: list[str], tmp_path: Path, **options: object) -> list[tuple[str, str, str]]:
    cited = {url: [Span(f"checkins/{i}.yaml", 4, 5)] for i, url in enumerate(urls)}
    settings = {**FAST, "cache_path": tmp_path / "cache.json", **options}
    found = check_web_links(cited, WebOptions(**settings))  # type: ignore[arg-type]
    return [(d.path, d.code, d.severity.value) for d in found]


def sequence(*responses: Response) -> Iterator[Response]:
    yield from responses
    while True:
        yield responses[-1]


def serve_sequence(httpserver: HTTPServer, uri: str, *responses: Response) -> None:
    replies = sequence(*responses)
    httpserver.expect_request(uri).respond_with_handler(lambda _request: next(replies))


def test_each_answer_a_server_can_give(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/ok").respond_with_data("fine")
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    httpserver.expect_request("/removed").respond_with_data("", status=410)
    httpserver.expect_request("/head-refused", method="HEAD").respond_with_data("", status=405)
    httpserver.expect_request("/head-refused", method="GET").respond_with_data("fine")
    httpserver.expect_request("/moved").respond_with_data("", status=301, headers={"Location": "/ok"})
    httpserver.expect_request("/moved-to-nowhere").respond_with_data("", status=302, headers={"Location": "/gone"})
    serve_sequence(httpserver, "/busy-once", Response("", 503), Response("fine", 200))
    serve_sequence(httpserver, "/busy", Response("", 503))
    serve_sequence(httpserver, "/slow-down", Response("", 429, {"Retry-After": "0"}), Response("fine", 200))
    serve_sequence(httpserver, "/rate-limited", Response("", 429, {"Retry-After": "3600"}))
    httpserver.expect_request("/login").respond_with_data("", status=403)
    urls = [httpserver.url_for(p) for p in ("ok", "gone", "removed", "head-refused", "moved", "moved-to-nowhere")]
    urls += [httpserver.url_for(p) for p in ("busy-once", "busy", "slow-down", "rate-limited", "login")]
    assert sorted(check(urls, tmp_path)) == [
        ("checkins/1.yaml", "link-dead", "error"),
        ("checkins/10.yaml", "link-unverified", "warning"),
        ("checkins/2.yaml", "link-dead", "error"),
        ("checkins/5.yaml", "link-dead", "error"),
        ("checkins/7.yaml", "link-unverified", "warning"),
        ("checkins/9.yaml", "link-unverified", "warning"),
    ]
    busy = [r for r, _ in httpserver.log if r.path == "/busy"]
    assert len(busy) == 3  # the first try and two retries, then a warning instead of a failure


def test_a_timeout_is_a_warning_after_retries(httpserver: HTTPServer, tmp_path: Path) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(1.0)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    assert check([httpserver.url_for("/slow")], tmp_path, retries=1, timeout=0.2) == [
        ("checkins/0.yaml", "link-unverified", "warning")
    ]


def test_a_host_that_does_not_exist_is_an_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = socket.getaddrinfo

    def resolve(host: str, *args: object, **kwargs: object) -> object:
        if host == "no-such-host.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    found = check_web_links(
        {"https://no-such-host.invalid/x": [Span("checkins/a.yaml", 4, 5)]},
        WebOptions(cache_path=None, **FAST),  # type: ignore[arg-type]
    )
    assert [(d.code, d.severity.value, d.message) for d in found] == [
        ("link-dead", "error", "`https://no-such-host.invalid/x`: the host no-such-host.invalid does not exist")
    ]


def test_successes_are_cached_and_failures_are_not(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/ok").respond_with_data("fine")
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    urls = [httpserver.url_for("/ok"), httpserver.url_for("/gone")]
    assert len(check(urls, tmp_path)) == 1
    first = len(httpserver.log)
    assert len(check(urls, tmp_path)) == 1
    assert [r.path for r, _ in httpserver.log[first:]] == ["/gone", "/gone"]  # HEAD then GET; /ok came from the cache
    cached = json.loads((tmp_path / "cache.json").read_text(encoding="utf-8"))
    assert list(cached) == [urls[0]]


def test_old_cache_entries_expire(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/ok").respond_with_data("fine")
    url = httpserver.url_for("/ok")
    (tmp_path / "cache.json").write_text(json.dumps({url: time.time() - 8 * 24 * 3600}), encoding="utf-8")
    check([url], tmp_path)
    assert len(httpserver.log) == 1


def test_ignore_patterns_and_the_time_budget(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    url = httpserver.url_for("/gone")
    assert check([url], tmp_path, ignore=(httpserver.url_for("/*"),)) == []
    assert check([url], tmp_path, budget=0.0) == [("checkins/0.yaml", "link-unverified", "warning")]
    assert httpserver.log == []


def test_no_more_than_two_requests_per_host_at_once(httpserver: HTTPServer, tmp_path: Path) -> None:
    import threading

    active = 0
    peak = 0
    lock = threading.Lock()

    def counted(_request: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.05)
        with lock:
            active -= 1
        return Response("fine")

    httpserver.expect_request("/page").respond_with_handler(counted)
    urls = [httpserver.url_for(f"/page?n={i}") for i in range(8)]
    assert check(urls, tmp_path, workers=8) == []
    assert peak <= 2 and len(httpserver.log) == 8


def test_validate_external_end_to_end(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/paper").respond_with_data("fine")
    httpserver.expect_request("/blog").respond_with_data("", status=404)
    plan = (Path(__file__).parent / "data/plan.yaml").read_text(encoding="utf-8")
    checkin = (
        "date: 2026-01-05\nstatus: done\nlinks:\n"
        f"  - {httpserver.url_for('/paper')}\n  - url: {httpserver.url_for('/blog')}\n    title: 博客\n"
    )
    write_repo(tmp_path / "repo", {"plan.yaml": plan, "checkins/2026-01-05.yaml": checkin})
    base = ["validate", str(tmp_path / "repo"), "--today", "2026-01-05", "--link-cache", str(tmp_path / "c.json")]
    assert run_cli(*base).returncode == 0  # without --external nothing goes to the network
    assert httpserver.log == []
    result = run_cli(*base, "--external")
    assert result.returncode == 1
    assert result.stdout.startswith(
        f"checkins/2026-01-05.yaml:5:10: error[link-dead]: `{httpserver.url_for('/blog')}` is gone (404 NOT FOUND)"
    )


def test_a_server_that_trickles_bytes_cannot_outlast_the_budget(tmp_path: Path) -> None:
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def trickle() -> None:
        while not stop.is_set():
            try:
                listener.settimeout(0.2)
                conn, _ = listener.accept()
            except OSError:
                continue

            def drip(conn: socket.socket = conn) -> None:
                with conn:
                    for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 200:
                        if stop.is_set():
                            return
                        conn.sendall(bytes([byte]))
                        time.sleep(0.1)

            threading.Thread(target=drip, daemon=True).start()

    threading.Thread(target=trickle, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/slow"
    started = time.monotonic()
    try:
        found = check([url], tmp_path, timeout=10.0, budget=0.5, retries=2)
    finally:
        stop.set()
    assert time.monotonic() - started < 2.5  # the budget, not the server, decides (the server drips for 20 s)
    assert found == [("checkins/0.yaml", "link-unverified", "warning")]
    listener.close()


def test_redirects_are_followed_only_to_web_addresses(httpserver: HTTPServer, tmp_path: Path) -> None:
    ftp = socket.socket()
    ftp.bind(("127.0.0.1", 0))
    ftp.listen(1)
    ftp.setblocking(False)
    target = f"ftp://127.0.0.1:{ftp.getsockname()[1]}/secret"
    httpserver.expect_request("/to-ftp").respond_with_data("", status=302, headers={"Location": target})
    cited = {httpserver.url_for("/to-ftp"): [Span("checkins/0.yaml", 4, 5)]}
    found = check_web_links(cited, WebOptions(cache_path=None, **FAST))  # type: ignore[arg-type]
    assert [(d.code, d.severity.value) for d in found] == [("link-unverified", "warning")]
    assert "not followed" in found[0].message
    with pytest.raises(BlockingIOError):
        ftp.accept()  # nobody connected to the ftp address
    ftp.close()
