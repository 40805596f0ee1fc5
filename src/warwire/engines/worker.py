"""What one extraction worker does, whatever engine runs it (in-process, a process pool, Ray).

A worker turns a chunk of :class:`Item` (raw JSON Lines records or file bytes) into
:class:`Outcome` (an extraction as JSON, or the error of that one item).  It loads the spaCy
pipeline once per process and parses each chunk with ``nlp.pipe`` through
:func:`warwire.pipeline.extract_many`.  Workers never touch the store: the batch runner is the
single writer.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import resource
import sys
import threading
import time
from typing import Any

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Item:
    """One input item of a batch.

    ``key`` identifies its content and options (resume skips keys already done); ``name``
    is what error messages call it (``file.jsonl:17`` or a file path).  Exactly one of
    ``record`` (a JSON Lines object), ``data`` (raw file bytes) or ``error`` (why the input
    line is unusable) is set.
    """

    index: int
    key: str
    name: str
    record: dict[str, Any] | None = None
    data: bytes | None = None
    kind: str = "auto"  # for ``data``: "auto", "text" or "html"
    published: str | None = None  # defaults (YYYY-MM-DD) for items that do not say
    source: str | None = None
    error: str | None = None


@dataclasses.dataclass(frozen=True)
class Outcome:
    """Result of one item: ``extraction`` (JSON of :class:`warwire.model.Extraction`) or ``error``."""

    index: int
    key: str
    name: str
    extraction: str | None = None
    error: str | None = None
    words: int = 0


@dataclasses.dataclass(frozen=True)
class ChunkResult:
    """Outcomes of one chunk, in item order, with the worker's pid and peak RSS (KiB)."""

    outcomes: list[Outcome]
    pid: int
    peak_rss_kb: int
    seconds: float


@dataclasses.dataclass(frozen=True)
class WorkerOptions:
    """Settings every worker needs."""

    allow_private: bool = False
    allowed_hosts: frozenset[str] = frozenset()
    nlp_batch_size: int = 16


def init_worker(watch_parent: bool = True, log_level: int | None = None) -> None:
    """Per-process setup: load the spaCy pipeline once; die with the parent process.

    A batch killed with SIGKILL cannot clean up, so each worker asks the kernel (Linux) to kill
    it when its parent dies, and a watchdog thread checks the parent elsewhere.
    """
    if log_level is not None:
        logging.basicConfig(level=log_level, format="%(levelname)s %(name)s: %(message)s",
                            stream=sys.stderr)
    if watch_parent:
        _die_with_parent()
    from .. import nlp

    started = time.perf_counter()
    nlp.load()
    log.debug("worker %d loaded spaCy in %.1fs", os.getpid(), time.perf_counter() - started)


def _die_with_parent() -> None:
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except OSError:  # pragma: no cover - not glibc
            log.debug("prctl unavailable", exc_info=True)
        if os.getppid() != parent:  # pragma: no cover - parent died before prctl
            os._exit(1)

    def watchdog() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watchdog, name="warwire-parent-watchdog", daemon=True).start()


def to_article(item: Item, options: WorkerOptions):  # -> Article
    """Ingest one item (a record, file bytes) into an Article; raises WarwireError."""
    from .. import ingest

    if item.record is not None:
        record = dict(item.record)
        if item.published and not record.get("published"):
            record["published"] = item.published
        if item.source and not record.get("source"):
            record["source"] = item.source
        return ingest.from_record(
            record, allow_private=options.allow_private, allowed_hosts=options.allowed_hosts
        )
    if item.data is not None:
        # a page's own date wins over the batch default
        article = ingest.from_bytes(
            item.data, name=item.name, kind=item.kind, source=item.source  # type: ignore[arg-type]
        )
        if article.published is None and item.published:
            article = article.model_copy(update={"published": dt.date.fromisoformat(item.published)})
        return article
    raise ValueError(f"{item.name}: item has neither record nor data")


def process_chunk(items: list[Item], options: WorkerOptions) -> ChunkResult:
    """Ingest and extract a chunk; every item gets an Outcome, a bad one its error."""
    from .. import pipeline
    from ..errors import DataError, WarwireError

    started = time.perf_counter()
    outcomes: dict[int, Outcome] = {}
    good: list[tuple[Item, Any]] = []
    for item in items:
        if item.error is not None:
            outcomes[item.index] = Outcome(item.index, item.key, item.name, error=item.error)
            continue
        try:
            good.append((item, to_article(item, options)))
        except DataError:
            raise  # broken knowledge files fail every item: stop the batch, do not mark items
        except WarwireError as exc:
            outcomes[item.index] = Outcome(item.index, item.key, item.name, error=str(exc))
        except Exception as exc:  # a bug on one input never stops the batch
            outcomes[item.index] = _internal(item, exc, "ingest")
    try:
        # a worker parses in one thread and lives long: free spaCy's per-batch strings
        docs = list(pipeline.extract_many([a for _, a in good], batch_size=options.nlp_batch_size,
                                          memory_zone=True))
    except DataError:
        raise
    except Exception:
        log.warning("chunk failed in nlp.pipe; extracting its %d articles one by one", len(good))
        docs = []
        for item, article in good:
            try:
                docs.append(pipeline.extract(article))
            except DataError:
                raise
            except Exception as exc:
                docs.append(exc)
    for (item, article), doc in zip(good, docs):
        if isinstance(doc, Exception):
            outcomes[item.index] = _internal(item, doc, "extraction")
            continue
        outcomes[item.index] = Outcome(
            item.index, item.key, item.name, extraction=doc.model_dump_json(),
            words=len(article.text.split()),
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # pragma: no cover - bytes there
        peak //= 1024
    return ChunkResult(
        [outcomes[i.index] for i in items], os.getpid(), int(peak), time.perf_counter() - started
    )


def _internal(item: Item, exc: BaseException, stage: str) -> Outcome:
    first = (str(exc).strip().splitlines() or [""])[0]
    log.warning("%s: %s failed: %s: %s", item.name, stage, type(exc).__name__, first)
    log.debug("%s: traceback", item.name, exc_info=exc)
    return Outcome(item.index, item.key, item.name,
                   error=f"internal error in {stage}: {type(exc).__name__}: {first}")
