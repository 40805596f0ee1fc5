"""Throughput and memory of `warwire extract --jsonl` next to raw spaCy `nlp.pipe`.

Both run as fresh processes on the same real news texts (GeoWebNews, from ../shared/eval), so
model loading is included in "wall s" and excluded in "words/s" (each process reports the time
of its processing phase).  Peak RSS is the process's maximum resident set.

    .venv/bin/python benchmarks/pipeline.py [--corpus GeoWebNews|LGL] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "geoparsing"

RAW_SPACY = r"""
import json, sys, time, resource
from warwire import nlp
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
pipe = nlp.load()
t = time.perf_counter()
n = sum(1 for _ in pipe.pipe(texts, batch_size=16))
dt = time.perf_counter() - t
print(json.dumps({"docs": n, "seconds": dt, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

WARWIRE_INPROCESS = r"""
import json, sys, time, resource
from warwire import ingest, nlp, pipeline
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
nlp.load()
articles = [ingest.from_record(r) for r in records]
pipeline.extract(articles[0])  # warm the gazetteer and knowledge base
pipeline.stage_times(reset=True)
t = time.perf_counter()
n = sum(1 for _ in pipeline.extract_many(articles, memory_zone=True))
dt = time.perf_counter() - t
print(json.dumps({"docs": n, "seconds": dt, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "stages": pipeline.stage_times().table()}))
"""


def load_texts(corpus: str, limit: int) -> list[str]:
    folder = EVAL / corpus
    files = sorted((p for p in folder.iterdir() if p.name.isdigit()), key=lambda p: int(p.name))
    return [p.read_text(encoding="utf-8", errors="replace") for p in files[:limit]]


def run(cmd: list[str]) -> tuple[float, str]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return time.perf_counter() - t, proc.stdout


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="GeoWebNews", choices=["GeoWebNews", "LGL"])
    ap.add_argument("--limit", type=int, default=200)
    args = ap.parse_args()
    if not EVAL.exists():
        sys.exit(f"evaluation data not found at {EVAL}")
    texts = load_texts(args.corpus, args.limit)
    words = sum(len(t.split()) for t in texts)
    py = sys.executable
    warwire_bin = str(Path(py).with_name("warwire"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / "batch.jsonl"
        with batch.open("w", encoding="utf-8") as fh:
            for i, t in enumerate(texts):
                fh.write(json.dumps({"id": f"{args.corpus}-{i}", "text": t, "published": "2019-01-01"}) + "\n")

        wall, out = run([py, "-c", RAW_SPACY, str(batch)])
        raw = json.loads(out)
        rows.append(("spaCy nlp.pipe (ceiling)", raw["docs"], wall, words / raw["seconds"], raw["rss_mb"]))

        wall, out = run([py, "-c", WARWIRE_INPROCESS, str(batch)])
        inproc = json.loads(out)
        rows.append(("warwire extract_many (in-process)", inproc["docs"], wall, words / inproc["seconds"], inproc["rss_mb"]))

        before = child_peak_mb()
        wall, out = run([warwire_bin, "extract", "--jsonl", str(batch)])
        lines = out.splitlines()
        errors = sum(1 for l in lines if '"error"' in l[:200])
        rss = max(child_peak_mb(), before)
        rows.append((f"warwire extract --jsonl (CLI, {errors} errors)", len(lines), wall, words / wall, rss))

    print(f"\n{args.corpus}: {len(texts)} documents, {words:,} words (whitespace tokens)\n")
    print(f"| {'system':<40} | {'docs':>5} | {'wall s':>7} | {'words/s':>9} | {'peak RSS MB':>11} |")
    print(f"|{'-' * 42}|{'-' * 7}|{'-' * 9}|{'-' * 11}|{'-' * 13}|")
    for name, docs, wall, wps, rss in rows:
        print(f"| {name:<40} | {docs:>5} | {wall:>7.1f} | {wps:>9,.0f} | {rss:>11.0f} |")
    print("\nwarwire extract_many, time per stage:")
    for stage, secs, share in inproc["stages"]:
        print(f"  {stage:10} {secs:7.2f}s {100 * share:5.1f}%")
    print("\nwords/s: processing phase only for the first two rows (model load excluded); whole")
    print("process wall time for the CLI row. RSS of the CLI row is the peak over all child processes.")


if __name__ == "__main__":
    main()
