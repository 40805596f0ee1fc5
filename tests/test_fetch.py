"""The safe fetcher: refusals happen before any connection; redirects are re-checked."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from warwire import __version__
from warwire.errors import FetchRefused, InputError
from warwire.fetch import blocked_reason, fetch_url

_REAL_CONNECT = socket.socket.connect
_REAL_CONNECT_EX = socket.socket.connect_ex


@pytest.fixture(autouse=True)
def connections(monkeypatch: pytest.MonkeyPatch) -> list:
    """Record every socket connect; never let one leave loopback (a bug must not reach 10.x)."""
    seen: list = []

    def guarded(real):
        def connect(self, address):
            seen.append(address)
            host = address[0] if isinstance(address, tuple) else address
            if host not in ("127.0.0.1", "::1"):
                raise AssertionError(f"test tried to connect to {address!r}")
            return real(self, address)

        return connect

    monkeypatch.setattr(socket.socket, "connect", guarded(_REAL_CONNECT))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(_REAL_CONNECT_EX))
    return seen


class _Handler(http.server.BaseHTTPRequestHandler):
    big = b"x" * 5000
    agents: list[str] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):  # noqa: N802 - http.server API
        type(self).agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/page":
            body = b"<html><body><p>Government forces shelled the town.</p></body></html>"
            self._send(200, body, "text/html; charset=utf-8")
        elif self.path == "/to-private":
            self.send_response(302)
            self.send_header("Location", "http://10.0.0.1/x")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-page":
            self.send_response(301)
            self.send_header("Location", "/page")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, self.big, "text/plain")
        elif self.path == "/big-chunked":
            # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.close_connection = True
            for _ in range(5):
                self.wfile.write(b"y" * 1000)
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://10.0.0.1/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://[::ffff:10.0.0.1]/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://192.168.1.1:8080/",
    ],
)
def test_private_addresses_refused_without_connecting(url: str, connections: list) -> None:
    with pytest.raises(FetchRefused):
        fetch_url(url)
    assert connections == []


@pytest.mark.parametrize("url", ["ftp://example.com/file.txt", "file:///etc/passwd", "gopher://x/"])
def test_other_schemes_refused(url: str, connections: list) -> None:
    with pytest.raises(FetchRefused, match="only http and https"):
        fetch_url(url)
    assert connections == []


def test_blocked_reason_classifies_addresses() -> None:
    assert blocked_reason("127.0.0.1") == "loopback"
    assert blocked_reason("10.1.2.3") == "private"
    assert blocked_reason("100.64.0.1") == "shared address space (CGNAT)"
    assert blocked_reason("169.254.169.254") == "link-local"
    assert blocked_reason("::ffff:127.0.0.1").startswith("loopback")
    assert blocked_reason("64:ff9b::a00:1").startswith("private")  # NAT64 of 10.0.0.1
    assert blocked_reason("fd00::1") == "private"
    assert blocked_reason("93.184.216.34") is None
    assert blocked_reason("2606:4700::1111") is None


def test_fetch_local_page_when_private_allowed(server: str, connections: list) -> None:
    _Handler.agents.clear()
    result = fetch_url(server + "/page", allow_private=True)
    assert result.status == 200
    assert result.content_type == "text/html"
    assert result.charset == "utf-8"
    assert b"Government forces shelled the town." in result.body
    assert result.url == server + "/page"
    assert _Handler.agents == [f"warwire/{__version__}"]
    assert connections and all(addr[0] == "127.0.0.1" for addr in connections)


def test_loopback_refused_by_default_even_when_running(server: str, connections: list) -> None:
    with pytest.raises(FetchRefused, match="loopback"):
        fetch_url(server + "/page")
    assert connections == []


def test_relative_redirect_followed(server: str) -> None:
    result = fetch_url(server + "/to-page", allow_private=True)
    assert result.url == server + "/page"
    assert b"shelled" in result.body


def test_redirect_to_private_address_refused(server: str, connections: list) -> None:
    with pytest.raises(FetchRefused, match="10.0.0.1"):
        fetch_url(server + "/to-private", allowed_hosts=frozenset({"127.0.0.1"}))
    assert connections, "the first hop to the exempted loopback host should have connected"
    assert all(addr[0] == "127.0.0.1" for addr in connections)


def test_too_many_redirects(server: str) -> None:
    with pytest.raises(InputError, match="too many redirects"):
        fetch_url(server + "/loop", allow_private=True, max_redirects=3)


def test_body_over_cap_refused(server: str) -> None:
    with pytest.raises(InputError, match="too large"):
        fetch_url(server + "/big", allow_private=True, max_bytes=1000)
    with pytest.raises(InputError, match="too large"):
        fetch_url(server + "/big-chunked", allow_private=True, max_bytes=1000)
    assert len(fetch_url(server + "/big", allow_private=True, max_bytes=5000).body) == 5000


def test_http_error_status(server: str) -> None:
    with pytest.raises(InputError, match=r"^HTTP 404 for http://127\.0\.0\.1:\d+/missing$"):
        fetch_url(server + "/missing", allow_private=True)


def test_unresolvable_host_fails_fast() -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="cannot resolve host") as info:
        fetch_url("http://nonexistent.invalid/")
    assert not isinstance(info.value, FetchRefused)
    assert time.monotonic() - start < 2.0
    assert "\n" not in str(info.value)


def test_connection_refused_is_one_line_input_error() -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    with pytest.raises(InputError) as info:
        fetch_url(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2)
    assert not isinstance(info.value, FetchRefused)
    assert str(info.value).startswith(f"cannot fetch http://127.0.0.1:{port}/")
    assert "\n" not in str(info.value)


def test_connected_peer_is_rechecked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: even if the name checks passed, a loopback peer is refused after connect."""
    import warwire.fetch as fetch

    monkeypatch.setattr(fetch, "_check_addresses", lambda host, infos, policy: None)
    with pytest.raises(FetchRefused, match="connected to 127.0.0.1"):
        fetch_url(server + "/page")
