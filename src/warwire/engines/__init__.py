"""Engines that run extraction workers: in-process, a local process pool, or a Ray cluster.

Every engine has the same small interface (:class:`Engine`): ``submit`` a chunk of items,
get its :class:`~warwire.engines.worker.ChunkResult` back with ``result`` (in any order the
caller likes; the batch runner asks in submission order), ``restart`` after a lost worker,
``close``.  Only the batch runner writes to the store.
"""

from __future__ import annotations

from typing import Any, Protocol

from .worker import ChunkResult, Item, Outcome, WorkerOptions


class WorkerLost(RuntimeError):
    """A worker process died (crash, OOM kill) while it held a chunk."""


class Engine(Protocol):
    """What the batch runner needs from an engine."""

    name: str
    workers: int

    def submit(self, chunk: list[Item]) -> Any: ...
    def result(self, handle: Any) -> ChunkResult: ...
    def restart(self) -> None: ...
    def close(self) -> None: ...


def make_engine(
    name: str,
    workers: int,
    options: WorkerOptions,
    *,
    address: str | None = None,
    log_level: int | None = None,
) -> Engine:
    """Build the engine called ``name`` ("local" or "ray") with ``workers`` workers.

    ``local`` with one worker runs in this process; with more, a pool of spawned processes.
    ``ray`` connects to ``address`` ("auto", "ray://host:10001", ...) or starts a local Ray
    instance with ``workers`` CPUs; ``workers`` <= 0 means one actor per CPU of the cluster.
    """
    if name == "local":
        from .local import InlineEngine, ProcessEngine

        if workers <= 1:
            return InlineEngine(options)
        return ProcessEngine(workers, options, log_level=log_level)
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(workers, options, address=address, log_level=log_level)
    raise ValueError(f"unknown engine {name!r} (local or ray)")


__all__ = [
    "ChunkResult",
    "Engine",
    "Item",
    "Outcome",
    "WorkerLost",
    "WorkerOptions",
    "make_engine",
]
