"""The Ray engine (a local Ray instance with 2 CPUs) writes the same store as the local engine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


from warwire import batch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_batch import make_records, warwire_cmd, write_jsonl  # noqa: E402


def test_ray_is_installed():
    """The test extra installs ray: CI must never skip the engine comparison silently."""
    import ray  # noqa: F401


def test_ray_engine_store_equals_local_engine_store(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", make_records())
    total = batch.count_items(src)
    stores = {}
    for engine in ("local", "ray"):
        db = tmp_path / f"{engine}.db"
        proc = subprocess.run(
            warwire_cmd("batch", str(src), "--db", str(db), "--engine", engine, "--workers", "2",
                        "--chunk-size", "3", "--no-progress"),
            capture_output=True, text=True, timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        assert f"engine {engine}, 2 workers" in proc.stdout, proc.stdout
        assert f"{total} articles processed" in proc.stdout
        stores[engine] = batch.canonical_dump(db)
    local, ray_ = stores["local"], stores["ray"]
    assert len(local["articles"]) == total - 3 and len(local["events"]) >= 30
    for table in local:
        assert ray_[table] == local[table], f"table {table} differs between engines"


def test_ray_address_needs_the_ray_engine(tmp_path):
    proc = subprocess.run(
        warwire_cmd("batch", str(tmp_path), "--db", str(tmp_path / "x.db"), "--address", "auto"),
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2 and "--address needs --engine ray" in proc.stderr
