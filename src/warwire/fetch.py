"""A careful URL fetcher: http(s) only, no private addresses, capped size, manual redirects.

Every hop is checked twice: the host's resolved addresses before anything is sent (a refused
address is never contacted), then the address the socket actually connected to (a defence against
DNS rebinding, done in a urllib3 connection subclass that resolves, checks and connects itself).
"""

from __future__ import annotations

import concurrent.futures
import ipaddress
import logging
import socket
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import NewConnectionError

from . import __version__
from .errors import FetchRefused, InputError

log = logging.getLogger(__name__)

USER_AGENT = f"warwire/{__version__}"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


@dataclass
class FetchResult:
    """The final response of a fetch (after redirects)."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Policy:
    allow_private: bool
    allowed_hosts: frozenset[str]

    def exempt(self, host: str) -> bool:
        return self.allow_private or _norm_host(host) in self.allowed_hosts


def _norm_host(host: str) -> str:
    return host.strip("[]").rstrip(".").lower()


def blocked_reason(ip: str) -> str | None:
    """Why warwire will not contact ``ip`` ("loopback", "private", ...); None if it is public."""
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(addr, ipaddress.IPv6Address):
        embedded: ipaddress.IPv4Address | None = None
        if addr.ipv4_mapped is not None:
            embedded = addr.ipv4_mapped
        elif addr.sixtofour is not None:
            embedded = addr.sixtofour
        elif addr.teredo is not None:
            embedded = addr.teredo[1]
        elif addr in _NAT64:
            embedded = ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
        if embedded is not None:
            inner = blocked_reason(str(embedded))
            if inner:
                return f"{inner} (embedded in IPv6)"
        if addr in _NAT64_LOCAL:
            return "local-use NAT64"
    if addr.is_unspecified:
        return "unspecified"
    if addr.is_loopback:
        return "loopback"
    if addr.is_link_local:
        return "link-local"
    if addr.is_multicast:
        return "multicast"
    if isinstance(addr, ipaddress.IPv4Address) and addr in _CGNAT:
        return "shared address space (CGNAT)"
    if addr.is_private:
        return "private"
    if addr.is_reserved:
        return "reserved"
    if not addr.is_global:
        return "not globally routable"
    return None


def _resolve(host: str, port: int, timeout: float) -> list[tuple]:
    """getaddrinfo with a time limit; InputError when the name does not resolve."""
    name = _norm_host(host)
    if name == "invalid" or name.endswith(".invalid"):
        raise InputError(f"cannot resolve host {host!r}: reserved .invalid name")
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        future = pool.submit(socket.getaddrinfo, name, port, 0, socket.SOCK_STREAM)
        infos = future.result(timeout=timeout)
    except concurrent.futures.TimeoutError:
        raise InputError(f"cannot resolve host {host!r}: DNS lookup timed out") from None
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise InputError(f"cannot resolve host {host!r}: {exc}") from None
    finally:
        pool.shutdown(wait=False)
    if not infos:
        raise InputError(f"cannot resolve host {host!r}: no addresses")
    return infos


def _check_addresses(host: str, infos: list[tuple], policy: _Policy) -> None:
    """Raise FetchRefused if any resolved address of ``host`` is not public."""
    if policy.exempt(host):
        return
    for info in infos:
        ip = info[4][0]
        reason = blocked_reason(ip)
        if reason:
            raise FetchRefused(f"refusing to fetch from {host}: address {ip} is {reason}")


class _GuardMixin:
    """Resolve, check and connect in one place, then verify the connected peer."""

    _policy = _Policy(False, frozenset())

    def _new_conn(self) -> socket.socket:  # type: ignore[override]
        host = self._dns_host  # type: ignore[attr-defined]
        port = self.port  # type: ignore[attr-defined]
        timeout = self.timeout  # type: ignore[attr-defined]
        timeout = timeout if isinstance(timeout, (int, float)) else None
        name = _norm_host(host)
        if not self._policy.exempt(name) and (name == "localhost" or name.endswith(".localhost")):
            raise FetchRefused(f"refusing to fetch from {host}: loopback name")
        infos = _resolve(host, port, timeout or 10.0)
        _check_addresses(host, infos, self._policy)
        last: OSError | None = None
        for family, socktype, proto, _canon, sockaddr in infos:
            sock = socket.socket(family, socktype, proto)
            try:
                sock.settimeout(timeout)
                for opt in self.socket_options or []:  # type: ignore[attr-defined]
                    sock.setsockopt(*opt)
                sock.connect(sockaddr)
            except OSError as exc:
                sock.close()
                last = exc
                continue
            peer = sock.getpeername()[0]
            reason = None if self._policy.exempt(host) else blocked_reason(peer)
            if reason:
                sock.close()
                raise FetchRefused(f"refusing to fetch from {host}: connected to {peer}, {reason}")
            return sock
        msg = f"Failed to establish a new connection: {last}"
        raise NewConnectionError(self, msg)  # type: ignore[arg-type]


class _GuardedHTTPConnection(_GuardMixin, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_GuardMixin, HTTPSConnection):
    pass


def _pool_manager(policy: _Policy) -> urllib3.PoolManager:
    http_conn = type("GuardedHTTPConnection", (_GuardedHTTPConnection,), {"_policy": policy})
    https_conn = type("GuardedHTTPSConnection", (_GuardedHTTPSConnection,), {"_policy": policy})
    http_pool = type(
        "GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}
    )
    https_pool = type(
        "GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}
    )
    manager = urllib3.PoolManager(num_pools=4, retries=False)
    manager.pool_classes_by_scheme = {"http": http_pool, "https": https_pool}
    return manager


def _describe(exc: BaseException) -> str:
    """A one-line reason for a network error (innermost cause, no traceback)."""
    inner: BaseException = exc
    while getattr(inner, "reason", None) is not None and isinstance(inner.reason, BaseException):
        inner = inner.reason
    text = str(inner).strip() or type(inner).__name__
    if ": " in text and text.startswith("<"):
        text = text.split(": ", 1)[1]
    return text.splitlines()[0][:200]


def _split_content_type(value: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in value.split(";")]
    ctype = parts[0].lower() if parts else ""
    charset = None
    for p in parts[1:]:
        key, _, val = p.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'").lower()
    return ctype, charset


def _check_url(url: str, policy: _Policy, timeout: float) -> tuple[str, int]:
    """Validate scheme and host of ``url`` and check its addresses; return (host, port)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InputError(f"invalid URL {url!r}: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchRefused(f"refusing to fetch {url!r}: only http and https URLs are fetched")
    host = parts.hostname
    if not host:
        raise InputError(f"invalid URL {url!r}: no host")
    port = port or (443 if scheme == "https" else 80)
    name = _norm_host(host)
    if not policy.exempt(name) and (name == "localhost" or name.endswith(".localhost")):
        raise FetchRefused(f"refusing to fetch from {host}: loopback name")
    infos = _resolve(host, port, timeout)
    _check_addresses(host, infos, policy)
    return host, port


def fetch_url(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = 10_000_000,
    timeout: float = 10.0,
    max_redirects: int = 5,
    allowed_hosts: frozenset[str] = frozenset(),
) -> FetchResult:
    """GET ``url`` safely and return the final response.

    Refuses (FetchRefused) non-http(s) URLs and hosts resolving to private, loopback, link-local,
    multicast, reserved or CGNAT addresses unless ``allow_private`` is true or the host is named in
    ``allowed_hosts`` (an exemption list).  Redirects are followed by hand, each hop re-checked.
    Network failures, non-2xx statuses and bodies over ``max_bytes`` raise InputError.
    """
    policy = _Policy(allow_private, frozenset(_norm_host(h) for h in allowed_hosts))
    manager = _pool_manager(policy)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "gzip, deflate",
    }
    current = url
    try:
        for hop in range(max_redirects + 1):
            _check_url(current, policy, timeout)
            log.debug("fetching %s (hop %d)", current, hop)
            try:
                resp = manager.request(
                    "GET",
                    current,
                    headers=headers,
                    redirect=False,
                    retries=False,
                    preload_content=False,
                    timeout=urllib3.Timeout(connect=timeout, read=timeout),
                )
            except InputError:
                raise
            except (Urllib3Error, OSError) as exc:
                raise InputError(f"cannot fetch {current}: {_describe(exc)}") from None
            try:
                if resp.status in REDIRECT_STATUSES and resp.headers.get("Location"):
                    target = urljoin(current, resp.headers["Location"].strip())
                    log.info("redirect %d: %s -> %s", resp.status, current, target)
                    current = target
                    continue
                if not 200 <= resp.status < 300:
                    raise InputError(f"HTTP {resp.status} for {current}")
                body = _read_body(resp, current, max_bytes, timeout)
                ctype, charset = _split_content_type(resp.headers.get("Content-Type", ""))
                return FetchResult(
                    url=current,
                    status=resp.status,
                    content_type=ctype,
                    charset=charset,
                    body=body,
                    headers={k.lower(): v for k, v in resp.headers.items()},
                )
            finally:
                resp.close()
                resp.release_conn()
        raise InputError(f"too many redirects (more than {max_redirects}) from {url}")
    finally:
        manager.clear()


def _read_body(resp: urllib3.BaseHTTPResponse, url: str, max_bytes: int, timeout: float) -> bytes:
    length = resp.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(f"response too large: {length} bytes from {url} (limit {max_bytes})")
    deadline = time.monotonic() + 3 * timeout
    buf = bytearray()
    try:
        for chunk in resp.stream(65536, decode_content=True):
            buf += chunk
            if len(buf) > max_bytes:
                raise InputError(f"response too large: over {max_bytes} bytes from {url}")
            if time.monotonic() > deadline:
                raise InputError(f"cannot fetch {url}: reading the body took over {3 * timeout:g}s")
    except InputError:
        raise
    except (Urllib3Error, OSError) as exc:
        raise InputError(f"cannot fetch {url}: {_describe(exc)}") from None
    return bytes(buf)
