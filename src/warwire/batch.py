"""``warwire batch``: many articles through the pipeline in parallel, crash-safe and resumable.

Input is a JSON Lines file (as for ``extract --jsonl``), a folder of .txt/.html files, or ``-``
(JSON Lines on stdin).  Items are cut into chunks and sent to an engine (worker processes, or
Ray actors), each worker holding one spaCy pipeline and parsing its chunk with ``nlp.pipe``.
This process is the single writer: it takes chunk results back in input order and writes each
article with :meth:`Store.add` (one transaction per article, idempotent), then marks the item
done in ``batch_items``.  Killed at any point, the same command run again skips the items
already done and ends with the same store as an uninterrupted run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import os
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .engines import Engine, WorkerLost, make_engine
from .engines.worker import ChunkResult, Item, Outcome, WorkerOptions
from .errors import InputError

log = logging.getLogger(__name__)

#: File suffixes read from an input folder, and how.
FILE_KINDS = {".txt": "auto", ".text": "auto", ".html": "html", ".htm": "html", ".xhtml": "html"}
#: Chunk size (articles per task sent to a worker).
DEFAULT_CHUNK = 16


@dataclasses.dataclass
class BatchStats:
    """Running totals of a batch (also its final summary)."""

    total: int | None = None  # items in the input, when known
    items: int = 0  # items finished in this run (stored, duplicate or failed)
    skipped: int = 0  # items done by an earlier run of the same batch
    stored: int = 0
    duplicates: int = 0
    copies: int = 0  # stored as republished copies of stored articles
    errors: int = 0
    events: int = 0
    merged: int = 0  # events merged into events of other articles
    words: int = 0
    seconds: float = 0.0
    write_seconds: float = 0.0
    worker_peak_rss_kb: dict[int, int] = dataclasses.field(default_factory=dict)
    interrupted: bool = False
    engine: str = ""
    error_samples: list[str] = dataclasses.field(default_factory=list)

    @property
    def done(self) -> int:
        return self.items + self.skipped

    @property
    def rate(self) -> float:
        """Articles per second in this run."""
        return self.items / self.seconds if self.seconds > 0 else 0.0

    def eta(self) -> float | None:
        """Seconds left, when the total is known."""
        if self.total is None or self.rate <= 0:
            return None
        return max(self.total - self.done, 0) / self.rate

    def summary(self) -> str:
        """One-paragraph summary for the end of a batch."""
        peak = max(self.worker_peak_rss_kb.values(), default=0) / 1024
        parts = [
            (f"engine {self.engine}: " if self.engine else "") + f"{self.items} articles processed in {self.seconds:.1f}s ({self.rate:.2f}/s, "
            f"{self.words / self.seconds if self.seconds else 0:.0f} words/s)",
            f"{self.stored} stored ({self.copies} as republished copies), "
            f"{self.duplicates} already stored, {self.skipped} done by an earlier run, "
            f"{self.errors} errors",
            f"{self.events} events ({self.merged} merged into events of other articles)",
        ]
        if peak:
            parts.append(f"peak worker memory {peak:.0f} MB")
        if self.interrupted:
            parts.append("interrupted: run the same command again to resume")
        return "; ".join(parts)


# --------------------------------------------------------------------------- input


def item_key(kind: str, raw: bytes, published: str | None = None, source: str | None = None) -> str:
    """Key of an input item: its content and the options that change its extraction."""
    h = hashlib.sha256(json.dumps([kind, published, source]).encode())
    h.update(b"\0")
    h.update(raw)
    return h.hexdigest()[:32]


def iter_items(
    source: str | Path,
    *,
    published: dt.date | None = None,
    outlet: str | None = None,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    """Items of a batch input: a JSON Lines file, a folder of .txt/.html files, or ``-``.

    ``published``/``outlet`` are defaults for items that do not give their own.  Raises
    InputError when the input itself cannot be read; a bad line becomes an Item with ``error``.
    """
    pub = published.isoformat() if published else None
    if str(source) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _jsonl_items(stream, "<stdin>", pub, outlet)
        return
    path = Path(source)
    if path.is_dir():
        files = sorted(
            (p for p in path.rglob("*") if p.suffix.lower() in FILE_KINDS and p.is_file()),
            key=lambda p: str(p.relative_to(path)),
        )
        for index, f in enumerate(files):
            kind = FILE_KINDS[f.suffix.lower()]
            try:
                data = f.read_bytes()
            except OSError as exc:
                key = item_key("file-error", str(f).encode(), pub, outlet)
                yield Item(index, key, str(f), error=f"cannot read {f}: {exc.strerror or exc}")
                continue
            yield Item(index, item_key(kind, data, pub, outlet), str(f), data=data, kind=kind,
                       published=pub, source=outlet)
        return
    if not path.exists():
        raise InputError(f"no such file or folder: {path}")
    if path.suffix.lower() in FILE_KINDS:  # a single article
        data = path.read_bytes()
        kind = FILE_KINDS[path.suffix.lower()]
        yield Item(0, item_key(kind, data, pub, outlet), str(path), data=data, kind=kind,
                   published=pub, source=outlet)
        return
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    with fh:
        yield from _jsonl_items(fh, str(path), pub, outlet)


def _jsonl_items(stream: IO[bytes], name: str, pub: str | None, outlet: str | None) -> Iterator[Item]:
    from . import ingest

    lines: dict[int, bytes] = {}

    def remember(fh: IO[bytes]) -> Iterator[bytes]:
        for lineno, raw in enumerate(fh, 1):
            lines.clear()
            lines[lineno] = raw
            yield raw

    index = 0
    for lineno, record in ingest.read_jsonl(remember(stream)):
        raw = lines.get(lineno, b"")
        label = f"{name}:{lineno}"
        ident = record.get("id") if isinstance(record, dict) else _id_of(raw)
        if ident not in (None, ""):
            label += f" (id {ident})"
        if isinstance(record, Exception):
            error = str(record).removeprefix(f"line {lineno}: ")
            yield Item(index, item_key("jsonl-error", raw, pub, outlet), label, error=error)
        else:
            yield Item(index, item_key("jsonl", raw.strip(), pub, outlet), label, record=record,
                       published=pub, source=outlet)
        index += 1


def _id_of(raw: bytes) -> Any:
    """The ``id`` of a JSON Lines record that was refused, when it has one."""
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return record.get("id") if isinstance(record, dict) else None


def count_items(source: str | Path) -> int | None:
    """How many items :func:`iter_items` will yield (None for stdin)."""
    if str(source) == "-":
        return None
    path = Path(source)
    if path.is_dir():
        return sum(1 for p in path.rglob("*") if p.suffix.lower() in FILE_KINDS and p.is_file())
    if path.suffix.lower() in FILE_KINDS:
        return 1
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    except OSError:
        return None


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive chunks of ``size`` items."""
    buf: list[Item] = []
    for item in items:
        buf.append(item)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf


# --------------------------------------------------------------------------- single writer


@contextlib.contextmanager
def writer_lock(db: str | Path | None) -> Iterator[None]:
    """Hold ``<db>.lock`` exclusively: one batch/watch writer per store at a time.

    The kernel releases the lock when the process dies, even by SIGKILL.  Raises InputError
    when another process holds it.
    """
    if db is None or str(db) == ":memory:":
        yield
        return
    lock_path = Path(f"{db}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fh = lock_path.open("a+")
    try:
        try:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - Windows: SQLite's own locking still applies
            pass
        except OSError:
            raise InputError(
                f"{db}: another warwire batch or watch is writing to this store"
            ) from None
        yield
    finally:
        fh.close()


def run(
    items: Iterable[Item],
    store: Any,
    engine: Engine,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    total: int | None = None,
    progress: Callable[[BatchStats], None] | None = None,
    window: int | None = None,
    retry_errors: bool = False,
) -> BatchStats:
    """Extract ``items`` on ``engine`` and write them to ``store`` in input order.

    Items whose key is already in ``batch_items`` are skipped (resume; with ``retry_errors``
    only the ones that were stored, so failed items are tried again).  At most ``window``
    chunks (default: twice the workers) are in flight.  A worker that dies takes only its own
    items down: the pool is restarted, the chunk retried one item at a time, and an item that
    kills a worker twice is recorded as an error.  KeyboardInterrupt stops the batch with
    ``interrupted`` set (everything written so far stays, and is skipped on the next run).
    """
    stats = BatchStats(total=total, engine=f"{engine.name}, {engine.workers} worker{'s' if engine.workers != 1 else ''}")
    window = window or max(2 * engine.workers, 2)
    started = time.perf_counter()
    source = chunks(items, chunk_size)
    pending: deque[list[Any]] = deque()  # [chunk, handle, attempts]

    def fill() -> None:
        while len(pending) < window:
            chunk = next(source, None)
            if chunk is None:
                return
            done = store.batch_done([i.key for i in chunk], failed=not retry_errors)
            todo: list[Item] = []
            seen: set[str] = set()
            for item in chunk:
                if item.key in done or item.key in seen:
                    stats.skipped += 1
                else:
                    todo.append(item)
                    seen.add(item.key)
            if todo:
                pending.append([todo, engine.submit(todo), 0])

    last_report = 0.0
    try:
        fill()
        while pending:
            chunk, handle, attempts = pending[0]
            try:
                result = engine.result(handle)
            except WorkerLost as exc:
                log.warning("%s; retrying its items", exc)
                engine.restart()
                pending.popleft()
                rest = [entry[0] for entry in pending]
                pending.clear()
                if len(chunk) > 1 or attempts == 0:
                    for item in chunk:
                        pending.append([[item], engine.submit([item]), attempts + 1])
                else:
                    _write(store, [_lost(chunk[0], exc)], stats, retry_errors)
                for c in rest:
                    pending.append([c, engine.submit(c), 0])
                continue
            pending.popleft()
            _write_result(store, result, stats, retry_errors)
            fill()
            stats.seconds = time.perf_counter() - started
            if progress is not None and stats.seconds - last_report >= 0.5:
                last_report = stats.seconds
                progress(stats)
    except KeyboardInterrupt:
        stats.interrupted = True
        log.warning("batch interrupted")
    stats.seconds = time.perf_counter() - started
    if progress is not None:
        progress(stats)
    return stats


def _lost(item: Item, exc: BaseException) -> Outcome:
    return Outcome(item.index, item.key, item.name, error=f"worker died on this item: {exc}")


def _write_result(store: Any, result: ChunkResult, stats: BatchStats, retry_errors: bool) -> None:
    prev = stats.worker_peak_rss_kb.get(result.pid, 0)
    stats.worker_peak_rss_kb[result.pid] = max(prev, result.peak_rss_kb)
    _write(store, result.outcomes, stats, retry_errors)


def _write(store: Any, outcomes: list[Outcome], stats: BatchStats, retry_errors: bool) -> None:
    from .model import Extraction

    for out in outcomes:
        t0 = time.perf_counter()
        if store.batch_done([out.key], failed=not retry_errors):
            stats.skipped += 1  # the same item earlier in this input, written meanwhile
            continue
        article_id = None
        error = out.error
        if error is None and out.extraction is not None:
            try:
                extraction = Extraction.model_validate_json(out.extraction)
                res = store.add(extraction)
            except (sqlite3.Error, OSError):
                raise  # the store itself is failing: stop, the batch can be resumed
            except Exception as exc:
                log.exception("%s: storing failed", out.name)
                error = f"internal error while storing: {type(exc).__name__}: {exc}"
            else:
                article_id = res.article_id
                if res.added:
                    stats.stored += 1
                    stats.events += res.events
                    stats.merged += getattr(res, "merged", 0)
                    stats.copies += bool(getattr(res, "copy_of", None))
                else:
                    stats.duplicates += 1
                    article_id = res.duplicate_of or res.article_id
                stats.words += out.words
        if error is not None:
            stats.errors += 1
            if len(stats.error_samples) < 20:
                stats.error_samples.append(f"{out.name}: {error.splitlines()[0] if error else ''}")
            log.info("%s: %s", out.name, error)
        store.mark_batch_item(out.key, out.name, article_id=article_id, error=error)
        stats.items += 1
        stats.write_seconds += time.perf_counter() - t0


def run_batch(
    source: str | Path,
    db: str | Path | None,
    *,
    workers: int = 0,
    engine: str = "local",
    address: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    published: dt.date | None = None,
    outlet: str | None = None,
    allow_private: bool = False,
    allowed_hosts: Iterable[str] = (),
    progress: Callable[[BatchStats], None] | None = None,
    log_level: int | None = None,
    retry_errors: bool = False,
) -> BatchStats:
    """Run a whole batch: open the store (single writer), start the engine, write, report.

    ``workers`` <= 0 means one per CPU (local) or per cluster CPU (Ray).
    """
    from .store import open_store

    if engine == "local" and workers <= 0:
        workers = default_workers()
    options = WorkerOptions(
        allow_private=allow_private,
        allowed_hosts=frozenset(h.lower() for h in allowed_hosts),
    )
    total = count_items(source)
    if total:  # small batches: smaller chunks, so that every worker gets some
        chunk_size = max(1, min(chunk_size, -(-total // (4 * max(workers, 1)))))
    items = iter_items(source, published=published, outlet=outlet)
    with writer_lock(db), open_store(db) as store:
        eng = make_engine(engine, workers, options, address=address, log_level=log_level)
        try:
            return run(items, store, eng, chunk_size=chunk_size, total=total, progress=progress,
                       retry_errors=retry_errors)
        finally:
            eng.close()


def default_workers() -> int:
    """CPUs this process may use."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # pragma: no cover - not Linux
        return max(os.cpu_count() or 1, 1)


# --------------------------------------------------------------------------- progress


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "?"
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m" if h else f"{m}m{s:02d}s"


def progress_reporter(
    stream: IO[str], *, tty: bool | None = None, every: float = 5.0
) -> Callable[[BatchStats], None]:
    """A progress callback for :func:`run`: a bar on a terminal, a plain line every ``every`` s.

    Both show articles done, articles/s, ETA (when the total is known), errors and events.
    """
    tty = stream.isatty() if tty is None else tty
    state: dict[str, Any] = {"bar": None, "last": -every}

    def report(stats: BatchStats) -> None:
        finished = stats.done >= (stats.total or 0) and stats.total is not None
        if tty:
            from tqdm import tqdm

            bar = state["bar"]
            if bar is None:
                bar = state["bar"] = tqdm(total=stats.total, unit="art", file=stream,
                                          smoothing=0.1, dynamic_ncols=True)
            # the bar counts this run's work: items done by an earlier run leave the total
            if stats.total is not None:
                bar.total = max(stats.total - stats.skipped, stats.items)
            bar.n = stats.items
            bar.set_postfix(errors=stats.errors, events=stats.events, skipped=stats.skipped,
                            refresh=False)
            bar.refresh()
            if finished or stats.interrupted:
                bar.close()
            return
        if stats.seconds - state["last"] < every and not finished and not stats.interrupted:
            return
        state["last"] = stats.seconds
        of = f"/{stats.total}" if stats.total is not None else ""
        stream.write(
            f"batch: {stats.done}{of} articles, {stats.rate:.2f}/s, ETA {_duration(stats.eta())},"
            f" {stats.errors} errors, {stats.events} events\n"
        )
        stream.flush()

    return report


# --------------------------------------------------------------------------- comparing stores

#: Columns that record when something happened, not what: left out of :func:`canonical_dump`.
VOLATILE_COLUMNS = frozenset({"ingested_at", "created_at", "applied_at", "done_at", "seen_at", "polled_at"})


def canonical_dump(db: str | Path) -> dict[str, list[tuple]]:
    """Every row of every table of a store, sorted, without timestamp columns.

    Two stores with equal dumps hold the same articles, events (merges included), sources,
    places, actors, quotes, claims, figures, errors and bookkeeping.  Shadow tables of virtual
    tables are left out (their pages depend on history); the virtual tables' rows are kept.
    """
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        ).fetchall()
        virtual = [n for n, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
        # a virtual table (R*Tree, FTS) is compared by its content, not its shadow tables
        tables = [n for n, _ in rows if not any(n.startswith(v + "_") for v in virtual)]
        out: dict[str, list[tuple]] = {}
        for table in tables:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]  # noqa: S608
            keep = [c for c in cols if c not in VOLATILE_COLUMNS]
            sql = f"SELECT {', '.join(keep)} FROM {table}"  # noqa: S608
            rows = [tuple(r) for r in conn.execute(sql)]
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


__all__ = [
    "BatchStats",
    "canonical_dump",
    "chunks",
    "count_items",
    "default_workers",
    "item_key",
    "progress_reporter",
    "iter_items",
    "run",
    "run_batch",
    "writer_lock",
]
