"""warwire watch: RSS/Atom feeds from a loopback server (allowed in these tests only)."""

from __future__ import annotations

import http.server
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from email.utils import formatdate

import pytest

from warwire.store import open_store
from warwire.watch import Watcher, fetch_feed, parse_feed

LOOPBACK = {"127.0.0.1"}

STORIES = {
    "a1": ("Government forces shell Khan Sheikhoun",
           "Syrian government forces shelled Khan Sheikhoun in Idlib province on Monday, killing "
           "four civilians, a war monitor said. Residents said several houses were destroyed."),
    "a2": ("Gunmen attack quarry near Mandera",
           "Al-Shabaab gunmen attacked a quarry camp outside Mandera in northeastern Kenya on "
           "Tuesday, killing twelve workers, police said."),
    "a3": ("Protesters tear-gassed in Nairobi",
           "Police fired tear gas at hundreds of protesters in Nairobi on Wednesday, witnesses said. "
           "The protesters were demanding lower food prices."),
}


def page(key: str, outlet: str = "Example Daily") -> bytes:
    title, body = STORIES[key]
    paras = "".join(f"<p>{s.strip()}.</p>" for s in body.split(". ") if s.strip(". "))
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='{outlet}'>"
        f"<meta name='date' content='2023-03-0{key[-1]}'></head><body><article><h1>{title}</h1>"
        f"{paras}</article></body></html>"
    ).encode()


def rss(base: str, keys: list[str], title: str = "Example Daily - Conflict") -> bytes:
    items = "".join(
        f"<item><title>{STORIES[k][0]}</title><link>{base}/{k}.html</link><guid>{base}/{k}</guid>"
        f"<pubDate>{formatdate(1677628800 + 86400 * int(k[-1]), usegmt=True)}</pubDate></item>"
        for k in reversed(keys)  # newest first, as feeds do
    )
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title>"
            f"<link>{base}/</link>{items}</channel></rss>").encode()


def atom(base: str, keys: list[str]) -> bytes:
    entries = "".join(
        f"<entry><title>{STORIES[k][0]}</title><link href='/atom/{k}.html'/><id>urn:x:{k}</id>"
        f"<updated>2023-03-0{k[-1]}T10:00:00Z</updated></entry>"
        for k in keys
    )
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            f"<title>Other Wire</title><id>urn:x</id><updated>2023-03-03T10:00:00Z</updated>"
            f"{entries}</feed>").encode()


class Server:
    """Feeds and pages on 127.0.0.1 with ETag support, request log and switchable failures."""

    def __init__(self) -> None:
        self.feeds: dict[str, tuple[bytes, str]] = {}
        self.pages: dict[str, bytes] = {}
        self.status: dict[str, int] = {}
        self.hits: Counter[str] = Counter()
        self.conditional: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                outer.hits[self.path] += 1
                if self.path in outer.status:
                    self.send_response(outer.status[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.path in outer.feeds:
                    body, ctype = outer.feeds[self.path]
                    etag = '"%d"' % hash(body)
                    if self.headers.get("If-None-Match"):
                        outer.conditional.append(self.path)
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.end_headers()
                        return
                    self._send(body, ctype, etag)
                elif self.path in outer.pages:
                    self._send(outer.pages[self.path], "text/html; charset=utf-8")
                else:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()

            def _send(self, body, ctype, etag=None):
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if etag:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", formatdate(usegmt=True))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    for k in STORIES:
        s.pages[f"/{k}.html"] = page(k)
        s.pages[f"/atom/{k}.html"] = page(k, outlet="Other Wire")
    s.feeds["/rss.xml"] = (rss(s.base, ["a1", "a2"]), "application/rss+xml")
    s.feeds["/atom.xml"] = (atom(s.base, ["a3"]), "application/atom+xml")
    yield s
    s.close()


class Clock:
    def __init__(self, t: float = 1_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t


def test_parse_rss_and_atom(server):
    title, items = parse_feed(rss(server.base, ["a1", "a2"]), server.base + "/rss.xml")
    assert title == "Example Daily - Conflict"
    assert [i.link for i in items] == [f"{server.base}/a2.html", f"{server.base}/a1.html"]
    assert items[1].id == f"{server.base}/a1" and str(items[1].published) == "2023-03-02"
    _, items = parse_feed(atom(server.base, ["a3"]), server.base + "/atom.xml")
    assert items[0].link == f"{server.base}/atom/a3.html" and items[0].id == "urn:x:a3"
    with pytest.raises(Exception, match="not an RSS/Atom feed"):
        parse_feed(b"<html><body>hello</body></html>", server.base + "/x")


def test_loopback_feed_refused_unless_allowed(server, tmp_path):
    from warwire.errors import FetchRefused

    with pytest.raises(FetchRefused, match="loopback"):
        fetch_feed(server.base + "/rss.xml")
    assert server.hits["/rss.xml"] == 0  # refused before connecting
    assert fetch_feed(server.base + "/rss.xml", allowed_hosts=LOOPBACK).body.startswith(b"<?xml")


def test_new_items_stored_once_with_conditional_polls_across_restarts(server, tmp_path):
    db = tmp_path / "w.db"
    feeds = [server.base + "/rss.xml", server.base + "/atom.xml"]
    clock = Clock()
    with open_store(db) as store:
        w = Watcher(store, feeds, interval=60, allowed_hosts=LOOPBACK, clock=clock)
        first = w.poll_due()
        assert [(r.status, r.items, r.new, r.stored) for r in first] == [("ok", 2, 2, 2), ("ok", 1, 1, 1)]
        arts = {a.url: a for a in store.articles()}
        assert set(arts) == {f"{server.base}/a1.html", f"{server.base}/a2.html", f"{server.base}/atom/a3.html"}
        a1 = arts[f"{server.base}/a1.html"]
        assert a1.source == "Example Daily" and str(a1.published) == "2023-03-02"
        assert any(e.location and e.location.name == "Khan Shaykhun" for e in store.iter_events())
        # stored in publication order (the feed lists the newest first)
        assert [a.url for a in store.articles()][:2] == [f"{server.base}/a1.html", f"{server.base}/a2.html"]
        assert w.poll_due() == []  # nothing due before the interval
        clock.t += 61
        again = w.poll_due()
        assert [r.status for r in again] == ["not_modified", "not_modified"]
    assert server.hits["/a1.html"] == 1 and server.conditional == ["/rss.xml", "/atom.xml"]

    # a restart: validators and seen items come from the store; a new item is fetched alone
    server.feeds["/rss.xml"] = (rss(server.base, ["a1", "a2", "a3"]), "application/rss+xml")
    with open_store(db) as store:
        w = Watcher(store, feeds, interval=60, allowed_hosts=LOOPBACK, clock=clock)
        res = w.poll_due()
        assert [(r.status, r.new) for r in res] == [("ok", 1), ("not_modified", 0)]
        # the same wire story from a second outlet: stored as a republished copy (store.add)
        assert (res[0].stored, res[0].copies) == (1, 1)
        assert store.feed_item(feeds[0], f"{server.base}/a3")["article_id"]
    assert server.hits["/a1.html"] == 1 and server.hits["/a3.html"] == 1
    assert server.conditional.count("/atom.xml") == 2


def test_failing_feed_backs_off_and_recovers(server, tmp_path):
    url = server.base + "/rss.xml"
    server.status["/rss.xml"] = 503
    clock = Clock()
    with open_store(tmp_path / "w.db") as store:
        w = Watcher(store, [url], interval=60, max_backoff=300, allowed_hosts=LOOPBACK, clock=clock)
        waits = []
        for _ in range(5):
            (r,) = w.poll_due()
            assert r.status == "error" and "HTTP 503" in r.error
            waits.append(r.next_poll - clock.t)
            assert w.poll_due() == []  # not due yet
            clock.t = r.next_poll
        assert waits == [60, 120, 240, 300, 300]
        assert store.feed_state(url)["failures"] == 5
        # a restarted watcher keeps the back-off of a failing feed
        clock.t -= 1
        assert Watcher(store, [url], interval=60, allowed_hosts=LOOPBACK, clock=clock).poll_due() == []
        clock.t += 1
        del server.status["/rss.xml"]
        (r,) = w.poll_due()
        assert r.status == "ok" and r.stored == 2
        state = store.feed_state(url)
        assert state["failures"] == 0 and state["last_error"] is None


def test_failing_item_retried_then_given_up(server, tmp_path):
    url = server.base + "/rss.xml"
    server.status["/a2.html"] = 500
    clock = Clock()
    with open_store(tmp_path / "w.db") as store:
        w = Watcher(store, [url], interval=10, max_attempts=2, allowed_hosts=LOOPBACK, clock=clock)
        (r,) = w.poll_due()
        assert (r.stored, r.errors) == (1, 1)
        server.feeds["/rss.xml"] = (rss(server.base, ["a1", "a2", "a3"]), "application/rss+xml")
        clock.t += 11
        (r,) = w.poll_due()
        assert (r.new, r.stored, r.errors) == (2, 1, 1)  # a3 new, a2 retried
        server.feeds["/rss.xml"] = (rss(server.base, ["a2", "a3"]), "application/rss+xml")
        clock.t += 11
        (r,) = w.poll_due()
        assert r.new == 0  # a2 failed twice: given up
        assert server.hits["/a2.html"] == 2
        assert [e["name"] for e in store.errors()] == [f"{server.base}/a2.html"] * 2
        item = store.feed_item(url, f"{server.base}/a2")
        assert item["attempts"] == 2 and "HTTP 500" in item["error"]


def test_item_pointing_at_a_private_address_is_refused_not_fetched(server, tmp_path):
    url = server.base + "/rss.xml"
    body = rss(server.base, ["a1"]).replace(f"{server.base}/a1.html".encode(), b"http://10.0.0.1/x")
    server.feeds["/rss.xml"] = (body, "application/rss+xml")
    with open_store(tmp_path / "w.db") as store:
        (r,) = Watcher(store, [url], allowed_hosts=LOOPBACK).poll_due()
        assert r.errors == 1
        assert "10.0.0.1" in store.feed_item(url, f"{server.base}/a1")["error"]


def test_watch_command_stops_cleanly_on_sigterm_and_sigint(server, tmp_path):
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "warwire.cli", "watch", server.base + "/rss.xml",
           server.base + "/atom.xml", "--db", str(db), "--interval", "1", "--allow-host", "127.0.0.1"]
    for sig in (signal.SIGTERM, signal.SIGINT):
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and server.hits["/rss.xml"] < 2 + (sig == signal.SIGINT) * 2:
                time.sleep(0.1)
            p.send_signal(sig)
            out, err = p.communicate(timeout=30)
        finally:
            if p.poll() is None:
                p.kill()
        assert p.returncode == 0, err
        assert f"{signal.Signals(sig).name} received" in err and err.rstrip().endswith("watch: stopped")
        assert "Traceback" not in err
    assert "rss.xml: not modified" in err and "new:" not in err  # the restart re-read nothing
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM feed_items").fetchone()[0] == 3


def test_watch_command_refuses_loopback_without_permission(server, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "warwire.cli", "watch", server.base + "/rss.xml", "--db",
         str(tmp_path / "w.db"), "--once"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0
    assert "refusing to fetch from 127.0.0.1" in proc.stderr and server.hits["/rss.xml"] == 0
