"""Local engines: in the calling process, or a pool of spawned worker processes."""

from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from . import WorkerLost
from .worker import ChunkResult, Item, WorkerOptions, init_worker, process_chunk

log = logging.getLogger(__name__)


class InlineEngine:
    """Runs chunks in the calling process, lazily (when their result is asked for)."""

    name = "local"
    workers = 1

    def __init__(self, options: WorkerOptions) -> None:
        self.options = options
        init_worker(watch_parent=False)

    def submit(self, chunk: list[Item]) -> list[Item]:
        return chunk

    def result(self, handle: list[Item]) -> ChunkResult:
        return process_chunk(handle, self.options)

    def restart(self) -> None:  # nothing can be lost in-process
        pass

    def close(self) -> None:
        pass


class ProcessEngine:
    """A pool of ``workers`` spawned processes, each with its own spaCy pipeline."""

    name = "local"

    def __init__(self, workers: int, options: WorkerOptions, log_level: int | None = None) -> None:
        self.workers = workers
        self.options = options
        self.log_level = log_level
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # spawn: workers start clean (no copied SQLite connection, no half-initialised threads)
        # and are children of this process, so they die with it (see worker.init_worker).  A
        # fork server would share the loaded model, but it outlives a batch killed by SIGKILL.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=init_worker,
            initargs=(True, self.log_level),
        )

    def submit(self, chunk: list[Item]) -> Future:
        try:
            return self._pool.submit(process_chunk, chunk, self.options)
        except BrokenProcessPool as exc:
            failed: Future = Future()
            failed.set_exception(exc)
            return failed

    def result(self, handle: Future) -> ChunkResult:
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            raise WorkerLost(f"a worker process died: {exc}") from exc

    def restart(self) -> None:
        log.warning("restarting the worker pool")
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._new_pool()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
