"""The Ray engine: extraction as Ray actors that each hold a loaded spaCy pipeline.

The driver (the ``warwire batch`` process) submits chunks to an ``ActorPool`` and takes the
results back in submission order, so the store is written by one writer in input order exactly
as with the local engine.  Without an address a local Ray instance is started with ``workers``
CPUs; with ``--address auto`` or ``ray://head:10001`` an existing cluster is used (warwire must
be installed on its nodes, or shipped with a ``runtime_env``).
"""

from __future__ import annotations

import logging
import os
from typing import Any

from . import WorkerLost
from .worker import ChunkResult, Item, WorkerOptions, init_worker, process_chunk

log = logging.getLogger(__name__)


class _Extractor:
    """Actor body: one spaCy pipeline per actor process, loaded once."""

    def __init__(self, options: WorkerOptions, log_level: int | None) -> None:
        init_worker(watch_parent=False, log_level=log_level)
        self.options = options

    def process(self, chunk: list[Item]) -> ChunkResult:
        return process_chunk(chunk, self.options)


class RayEngine:
    """Runs chunks on Ray actors; results come back in submission order."""

    name = "ray"

    def __init__(
        self,
        workers: int,
        options: WorkerOptions,
        *,
        address: str | None = None,
        log_level: int | None = None,
    ) -> None:
        try:
            import ray
        except ImportError as exc:  # pragma: no cover - ray is in the test extra
            from ..errors import InputError

            raise InputError("the Ray engine needs ray: pip install 'warwire[ray]'") from exc
        self._ray = ray
        self.options = options
        self.log_level = log_level
        os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never phone home
        self._started_here = False
        if not ray.is_initialized():
            kwargs: dict[str, Any] = dict(
                include_dashboard=False, log_to_driver=log_level is not None and log_level <= logging.INFO,
                logging_level=logging.WARNING,
            )
            if address:
                ray.init(address=address, **kwargs)
            else:
                ray.init(num_cpus=max(workers, 1), **kwargs)
            self._started_here = True
        if workers <= 0:
            workers = max(int(ray.cluster_resources().get("CPU", 1)), 1)
        self.workers = workers
        self._actor_cls = ray.remote(num_cpus=1)(_Extractor)
        self._new_pool()

    def _new_pool(self) -> None:
        from ray.util import ActorPool

        self._actors = [
            self._actor_cls.remote(self.options, self.log_level) for _ in range(self.workers)
        ]
        self._pool = ActorPool(self._actors)
        self._next = 0  # submission counter
        self._taken = 0  # results taken
        self._cache: dict[int, ChunkResult] = {}

    def submit(self, chunk: list[Item]) -> int:
        self._pool.submit(lambda actor, c: actor.process.remote(c), chunk)
        ticket = self._next
        self._next += 1
        return ticket

    def result(self, handle: int) -> ChunkResult:
        if handle in self._cache:
            return self._cache.pop(handle)
        try:
            while self._taken <= handle:
                res = self._pool.get_next()  # in submission order
                self._cache[self._taken] = res
                self._taken += 1
        except self._ray.exceptions.RayActorError as exc:
            raise WorkerLost(f"a Ray actor died: {exc}") from exc
        return self._cache.pop(handle)

    def restart(self) -> None:
        log.warning("restarting the Ray actors")
        for actor in self._actors:
            self._ray.kill(actor)
        self._new_pool()

    def close(self) -> None:
        for actor in self._actors:
            self._ray.kill(actor)
        if self._started_here:
            self._ray.shutdown()
