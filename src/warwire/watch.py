"""``warwire watch``: poll RSS/Atom feeds and ingest every new item as it is published.

Each feed is fetched with a conditional GET (ETag / Last-Modified) through the same guarded
connection as :mod:`warwire.fetch` (private and loopback addresses refused unless allowed),
parsed with feedparser, and each item not seen before is fetched through the safe fetcher,
extracted and written with :meth:`Store.add` (where republished copies are recognised and
events merged across articles).  What was seen, the feeds' validators and their back-off live
in the store (``feeds``, ``feed_items``), so a restarted watcher carries on where it stopped.
A failing feed is polled less and less often (doubling up to ``max_backoff``); a failing item
is tried again on later polls, ``max_attempts`` times in all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urljoin

from .errors import DataError, FetchRefused, InputError, WarwireError

log = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
#: Largest feed document accepted (bytes).
MAX_FEED_BYTES = 10_000_000


@dataclasses.dataclass(frozen=True)
class FeedItem:
    """One entry of a feed."""

    id: str
    link: str | None
    title: str | None = None
    published: dt.date | None = None
    html: str | None = None  # content or summary, used when there is no link


@dataclasses.dataclass
class FeedResponse:
    """A fetched feed: ``body`` is None when the server answered 304 Not Modified."""

    url: str
    body: bytes | None
    etag: str | None = None
    modified: str | None = None
    content_type: str = ""


@dataclasses.dataclass
class PollResult:
    """What one poll of one feed did."""

    feed: str
    status: str = "ok"  # ok, not_modified, error
    items: int = 0  # entries in the feed
    new: int = 0  # entries tried this time
    stored: int = 0
    duplicates: int = 0
    copies: int = 0
    events: int = 0
    errors: int = 0
    error: str | None = None
    next_poll: float = 0.0

    def line(self) -> str:
        """One log line describing the poll."""
        if self.status == "error":
            wait = max(self.next_poll - time.time(), 0)
            return f"{self.feed}: failed ({self.error}); next try in {wait:.0f}s"
        if self.status == "not_modified":
            return f"{self.feed}: not modified"
        return (
            f"{self.feed}: {self.items} items, {self.new} new: {self.stored} stored "
            f"({self.copies} republished copies), {self.duplicates} already stored, "
            f"{self.errors} errors, {self.events} events"
        )


# --------------------------------------------------------------------------- fetching


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
    allow_private: bool = False,
    allowed_hosts: Iterable[str] = (),
    timeout: float = 10.0,
    max_redirects: int = 5,
) -> FeedResponse:
    """Conditional GET of a feed through warwire's guarded connections.

    Same refusals as :func:`warwire.fetch.fetch_url` (every hop's addresses checked before
    connecting and the connected peer after); sends If-None-Match / If-Modified-Since and
    returns ``body=None`` on 304.  Raises FetchRefused or InputError.
    """
    import urllib3
    from urllib3.exceptions import HTTPError as Urllib3Error

    from . import fetch

    policy = fetch._Policy(allow_private, frozenset(fetch._norm_host(h) for h in allowed_hosts))
    manager = fetch._pool_manager(policy)
    headers = {"User-Agent": fetch.USER_AGENT, "Accept": FEED_ACCEPT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    current = url
    try:
        for _hop in range(max_redirects + 1):
            fetch._check_url(current, policy, timeout)
            try:
                resp = manager.request(
                    "GET", current, headers=headers, redirect=False, retries=False,
                    preload_content=False, timeout=urllib3.Timeout(connect=timeout, read=timeout),
                )
            except InputError:
                raise
            except (Urllib3Error, OSError) as exc:
                raise InputError(f"cannot fetch {current}: {fetch._describe(exc)}") from None
            try:
                if resp.status in fetch.REDIRECT_STATUSES and resp.headers.get("Location"):
                    current = urljoin(current, resp.headers["Location"].strip())
                    continue
                if resp.status == 304:
                    return FeedResponse(current, None, etag, modified)
                if not 200 <= resp.status < 300:
                    raise InputError(f"HTTP {resp.status} for {current}")
                body = fetch._read_body(resp, current, MAX_FEED_BYTES, timeout)
                ctype, _charset = fetch._split_content_type(resp.headers.get("Content-Type", ""))
                return FeedResponse(
                    current, body, resp.headers.get("ETag"), resp.headers.get("Last-Modified"), ctype
                )
            finally:
                resp.close()
                resp.release_conn()
        raise InputError(f"too many redirects (more than {max_redirects}) from {url}")
    finally:
        manager.clear()


def parse_feed(body: bytes, url: str, content_type: str = "") -> tuple[str | None, list[FeedItem]]:
    """The title and items of an RSS/Atom document (feedparser; never touches the network)."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    doc = feedparser.parse(io.BytesIO(body), response_headers=headers)
    if not doc.entries and (doc.bozo or not doc.get("version")):
        reason = getattr(doc.get("bozo_exception"), "args", [""])[0] if doc.bozo else "no entries"
        raise InputError(f"{url}: not an RSS/Atom feed ({reason or 'unreadable'})")
    items = []
    for entry in doc.entries:
        link = entry.get("link") or None
        ident = entry.get("id") or link
        if not ident:
            basis = (entry.get("title", "") + "\n" + entry.get("summary", "")).encode()
            ident = "sha256:" + hashlib.sha256(basis).hexdigest()[:24]
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        content = entry.get("content") or []
        html = content[0].get("value") if content else entry.get("summary")
        items.append(
            FeedItem(
                id=str(ident),
                link=link,
                title=entry.get("title") or None,
                published=dt.date(*when[:3]) if when else None,
                html=html or None,
            )
        )
    return doc.feed.get("title") or None, items


# --------------------------------------------------------------------------- the watcher


class Watcher:
    """Polls feeds into a store; see the module docstring."""

    def __init__(
        self,
        store: Any,
        feeds: Iterable[str],
        *,
        interval: float = 300.0,
        allow_private: bool = False,
        allowed_hosts: Iterable[str] = (),
        max_backoff: float = 6 * 3600.0,
        max_attempts: int = 3,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
        on_poll: Callable[[PollResult], None] | None = None,
    ) -> None:
        self.store = store
        self.feeds = list(dict.fromkeys(feeds))
        self.interval = float(interval)
        self.allow_private = allow_private
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)
        self.max_backoff = max(float(max_backoff), self.interval)
        self.max_attempts = max_attempts
        self.timeout = timeout
        self.clock = clock
        self.on_poll = on_poll
        self._due: dict[str, float] = {}  # next poll of healthy feeds (this process)

    # ---- scheduling
    def next_poll(self, url: str) -> float:
        """When feed ``url`` is due (0: now).  A healthy feed is due at start; a failing one
        keeps its back-off across restarts."""
        state = self.store.feed_state(url)
        if not state or not state["failures"]:
            return self._due.get(url, 0.0)
        return float(state["next_poll"])

    def backoff(self, failures: int) -> float:
        """Seconds to wait after ``failures`` consecutive failures (doubling, capped)."""
        return min(self.interval * 2 ** max(failures - 1, 0), self.max_backoff)

    def poll_due(self, stop: threading.Event | None = None) -> list[PollResult]:
        """Poll every feed that is due now."""
        results = []
        for url in self.feeds:
            if stop is not None and stop.is_set():
                break
            if self.next_poll(url) <= self.clock():
                results.append(self.poll(url, stop))
        return results

    def run(self, stop: threading.Event, *, once: bool = False) -> None:
        """Poll until ``stop`` is set (``once``: one round of every feed, then return)."""
        while not stop.is_set():
            self.poll_due(stop)
            if once:
                return
            wake = min((self.next_poll(u) for u in self.feeds), default=self.clock() + self.interval)
            stop.wait(max(wake - self.clock(), 0.2))

    # ---- one feed
    def poll(self, url: str, stop: threading.Event | None = None) -> PollResult:
        """Fetch feed ``url`` and ingest its new items."""
        state = self.store.feed_state(url) or {}
        now = self.clock()
        result = PollResult(url)
        polled_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        try:
            resp = fetch_feed(
                url, etag=state.get("etag"), modified=state.get("modified"),
                allow_private=self.allow_private, allowed_hosts=self.allowed_hosts,
                timeout=self.timeout,
            )
            if resp.body is None:
                result.status = "not_modified"
                title, items = state.get("title"), []
            else:
                title, items = parse_feed(resp.body, resp.url, resp.content_type)
        except WarwireError as exc:
            if isinstance(exc, DataError):
                raise
            failures = int(state.get("failures") or 0) + 1
            result.status, result.error = "error", str(exc)
            result.next_poll = now + self.backoff(failures)
            self.store.save_feed_state(url, failures=failures, next_poll=result.next_poll,
                                       last_error=str(exc), polled_at=polled_at)
            log.warning("feed %s failed (%d in a row): %s", url, failures, exc)
            self._report(result)
            return result
        result.items = len(items)
        for item in reversed(items):  # feeds list the newest first: store in publication order
            if stop is not None and stop.is_set():
                break
            self._ingest_item(url, item, result)
        result.next_poll = now + self.interval
        self._due[url] = result.next_poll
        fields: dict[str, Any] = dict(failures=0, next_poll=result.next_poll, last_error=None,
                                      polled_at=polled_at, title=title)
        if resp.body is not None and not (stop is not None and stop.is_set()):
            # validators only once every item was handled, so a stop mid-feed re-reads it
            fields.update(etag=resp.etag, modified=resp.modified)
        self.store.save_feed_state(url, **fields)
        self._report(result)
        return result

    def _report(self, result: PollResult) -> None:
        log.info("%s", result.line())
        if self.on_poll is not None:
            self.on_poll(result)

    def _ingest_item(self, feed: str, item: FeedItem, result: PollResult) -> None:
        from . import ingest, pipeline

        seen = self.store.feed_item(feed, item.id)
        if seen is not None and (
            seen["article_id"] or seen["attempts"] >= self.max_attempts
            or (seen["error"] or "").startswith("refused:")
        ):
            return
        result.new += 1
        article_id = error = None
        try:
            if item.link:
                article = ingest.from_url(
                    item.link, allow_private=self.allow_private,
                    allowed_hosts=self.allowed_hosts, timeout=self.timeout,
                    published=item.published, title=item.title,
                )
            elif item.html:
                article = ingest.from_html(item.html, published=item.published, title=item.title)
            else:
                raise InputError("feed item has neither a link nor content")
            res = self.store.add(pipeline.extract(article))
        except DataError:
            raise
        except FetchRefused as exc:
            error = f"refused: {exc}"  # never retried
        except WarwireError as exc:
            error = str(exc)
        except Exception as exc:  # one bad page never stops the watcher
            log.warning("%s: internal error", item.link or item.id, exc_info=True)
            error = f"internal error: {type(exc).__name__}: {exc}"
        else:
            article_id = res.article_id if res.added else (res.duplicate_of or res.article_id)
            if res.added:
                result.stored += 1
                result.events += res.events
                result.copies += bool(getattr(res, "copy_of", None))
            else:
                result.duplicates += 1
        if error is not None:
            result.errors += 1
            log.warning("%s: %s", item.link or item.id, error)
        self.store.mark_feed_item(feed, item.id, item.link, article_id=article_id, error=error)


def watch(
    feeds: Iterable[str],
    db: Any,
    *,
    stop: threading.Event,
    once: bool = False,
    **options: Any,
) -> None:
    """Open the store (single writer) and run a :class:`Watcher` until ``stop`` is set."""
    from .batch import writer_lock
    from .store import open_store

    with writer_lock(db), open_store(db) as store:
        Watcher(store, feeds, **options).run(stop, once=once)


__all__ = ["FeedItem", "FeedResponse", "PollResult", "Watcher", "fetch_feed", "parse_feed", "watch"]
