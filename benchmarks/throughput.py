"""Throughput of warwire against the spaCy ceiling, with 1 and 2 workers and on Ray.

One run, the same real news texts (the geoparsing corpora's articles in ../shared/eval), one
table.  Every row runs in a fresh process so memory and caches do not leak between rows:

  spaCy nlp.pipe          the ceiling: the same pipeline (warwire's components) parsing only
  warwire extract         pipeline.extract_many in one process (parse + every warwire stage)
  batch local, 1 worker   `warwire batch` in-process, with store writes
  batch local, 2 workers  two spawned worker processes, one writer
  batch ray, 2 CPUs       a local Ray instance with 2 CPUs (2 actors), one writer

words/s counts the words of the cleaned article texts; the first two rows exclude model
loading and warm-up and also time a second pass over the same texts (every gazetteer layer
loaded: a long batch's steady state per core; the second row prints the time of each stage
from ``pipeline.stage_times`` for both passes), the batch rows are wall-clock from start to
summary (startup included) and also show the steady rate after the first result.  Then: store
write time per 1,000 articles when the store holds 10k and 100k events, and a cProfile of
``extract_many`` (top functions and time per module).

    .venv/bin/python benchmarks/throughput.py [--limit 200] [--corpus GeoWebNews] [--skip-ray]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "geoparsing"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load_records(corpus: str, limit: int) -> list[dict]:
    folder = EVAL / corpus
    files = sorted((p for p in folder.iterdir() if p.is_file()), key=lambda p: int(p.name) if p.name.isdigit() else p.name)
    out = []
    for p in files[:limit]:
        out.append({"id": f"{corpus}-{p.name}", "text": p.read_text(encoding="utf-8", errors="replace")})
    return out


def articles(records):
    from warwire import ingest

    return [ingest.from_text(r["text"], id=r["id"]) for r in records]


# --------------------------------------------------------------------------- rows (one per process)


def row_spacy(records) -> dict:
    from warwire import nlp

    arts = articles(records)
    texts = [a.text for a in arts if a.status == "ok"]
    pipe = nlp.load()
    list(pipe.pipe(texts[:5]))  # warm-up
    t = time.perf_counter()
    n = sum(1 for _ in pipe.pipe(texts, batch_size=16))
    dt = time.perf_counter() - t
    t = time.perf_counter()
    sum(1 for _ in pipe.pipe(texts, batch_size=16))  # second pass: the same texts again
    warm = time.perf_counter() - t
    words = sum(len(x.split()) for x in texts)
    return {"articles": n, "words": words, "seconds": dt, "seconds_warm": warm, "rss_mb": peak_rss_mb(),
            "components": pipe.pipe_names}


def row_extract(records) -> dict:
    from warwire import pipeline

    arts = articles(records)
    list(pipeline.extract_many(arts[:5]))  # warm-up: model, knowledge files, first gazetteer layers
    pipeline.stage_times(reset=True)
    t = time.perf_counter()
    # as the batch workers run it (spaCy memory zone per batch)
    docs = list(pipeline.extract_many(arts, batch_size=16, memory_zone=True))
    dt = time.perf_counter() - t
    stages = pipeline.stage_times(reset=True).table()
    # second pass: every gazetteer layer these texts need is loaded (a long batch's steady state)
    t = time.perf_counter()
    list(pipeline.extract_many(arts, batch_size=16, memory_zone=True))
    warm = time.perf_counter() - t
    words = sum(len(a.text.split()) for a in arts if a.status == "ok")
    return {"articles": len(docs), "words": words, "seconds": dt, "seconds_warm": warm, "rss_mb": peak_rss_mb(),
            "events": sum(len(d.events) for d in docs),
            "stages": stages, "stages_warm": pipeline.stage_times().table()}


def row_batch(records, engine: str, workers: int) -> dict:
    from warwire import batch

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        first: list[float] = []
        start = time.perf_counter()

        def progress(stats):
            if stats.items and not first:
                first.append((time.perf_counter() - start, stats.items, stats.words))

        stats = batch.run_batch(src, Path(tmp) / "s.db", workers=workers, engine=engine,
                                progress=progress)
        wall = time.perf_counter() - start
    t0, n0, w0 = first[0] if first else (0.0, 0, 0)
    steady = (stats.words - w0) / (wall - t0) if wall > t0 else 0.0
    return {"articles": stats.items, "words": stats.words, "seconds": wall,
            "steady_words_s": steady, "startup_s": t0, "events": stats.events,
            "errors": stats.errors, "write_s": stats.write_seconds,
            "worker_rss_mb": [v / 1024 for v in stats.worker_peak_rss_kb.values()],
            "rss_mb": peak_rss_mb()}


def row_profile(records, top: int = 20) -> dict:
    from warwire import pipeline

    arts = articles(records)
    list(pipeline.extract_many(arts[:5]))
    prof = cProfile.Profile()
    prof.enable()
    list(pipeline.extract_many(arts, batch_size=16))
    prof.disable()
    st = pstats.Stats(prof)
    total = sum(v[2] for v in st.stats.values())  # tottime
    modules: dict[str, float] = defaultdict(float)
    for (filename, _line, _fn), (_cc, _nc, tt, _ct, _callers) in st.stats.items():
        modules[_module(filename)] += tt
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    cum = io.StringIO()
    pstats.Stats(prof, stream=cum).sort_stats("cumulative").print_stats(25)
    return {"total_s": total, "modules": sorted(modules.items(), key=lambda kv: -kv[1])[:14],
            "top_tottime": _trim(buf.getvalue()), "top_cumulative": _trim(cum.getvalue())}


def _module(filename: str) -> str:
    if "/warwire/" in filename:
        return "warwire/" + filename.split("/warwire/", 1)[1]
    for lib in ("spacy", "thinc", "numpy", "pydantic", "ahocorasick", "rapidfuzz", "srsly"):
        if f"/{lib}/" in filename or filename.startswith(f"{lib}/"):
            return lib if lib not in ("thinc",) else "spacy (thinc)"
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins / C calls"
    return "other python (" + Path(filename).name + ")"


def _trim(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:])


# --------------------------------------------------------------------------- store writes


def synthetic_extraction(i: int, rng: random.Random, places, n_events: int):
    """A distinct article (random words: no republished-copy match) with ``n_events`` events."""
    import datetime as dt
    import hashlib

    from warwire.model import Article, Event, Extraction, Span
    from warwire.model import SUB_EVENT_TYPES

    words = [f"w{rng.randrange(50_000)}" for _ in range(250)]
    text = " ".join(words)
    art = Article(id=f"syn-{i}", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                  published=dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650)),
                  source=f"Outlet {rng.randrange(40)}", language="en")
    subs = list(SUB_EVENT_TYPES)
    events = []
    for k in range(n_events):
        sub = rng.choice(subs)
        place = rng.choice(places)
        date = art.published - dt.timedelta(days=rng.randrange(3))
        events.append(Event(
            id=f"ev-{i}-{k}", event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub, date=date,
            location=place, actor1=f"Actor {rng.randrange(200)}", fatalities=rng.randrange(5),
            evidence=[Span(start=0, end=5, text=text[:5])], sources=[art.source],
            article_ids=[art.id],
        ))
    return Extraction(article=art, events=events, places=[e.location for e in events])


def row_store(records, checkpoints=(10_000, 100_000), per_article: int = 20, measure: int = 1000) -> dict:
    """Seconds to add 1,000 articles (2 events each) once the store holds 10k / 100k events."""
    from warwire import pipeline
    from warwire.store import open_store

    from warwire.model import Place

    rng = random.Random(7)
    real = [p for d in pipeline.extract_many(articles(records[:60])) for p in d.places]
    # 2,000 distinct places around the real ones (events spread like a country-wide archive)
    places = []
    for i in range(2000):
        base = real[i % len(real)]
        lat = max(-89.0, min(89.0, base.lat + rng.uniform(-2, 2)))
        lon = max(-179.0, min(179.0, base.lon + rng.uniform(-2, 2)))
        places.append(Place(text=f"{base.name} {i}", start=0, end=5, name=f"{base.name} {i}",
                            gazetteer_id=f"bench:{i}", lat=lat, lon=lon,
                            feature_type="locality", country=base.country))
    out = {}
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.db") as store:
        i = 0
        events = 0
        fill_start = time.perf_counter()
        for target in checkpoints:
            while events < target:
                store.add(synthetic_extraction(i, rng, places, per_article))
                i += 1
                events += per_article
            t = time.perf_counter()
            for _ in range(measure):
                store.add(synthetic_extraction(i, rng, places, 2))
                i += 1
                events += 2
            out[target] = time.perf_counter() - t
        out["fill_s"] = time.perf_counter() - fill_start
        out["size_mb"] = os.path.getsize(Path(tmp) / "s.db") / 1e6
    return out


ROWS = {"spacy": row_spacy, "extract": row_extract, "profile": row_profile, "store": row_store}


def run_row(name: str, args) -> dict:
    """Run one row in a fresh process; return its JSON result."""
    cmd = [sys.executable, __file__, "--row", name, "--corpus", args.corpus, "--limit", str(args.limit),
           "--store-events", args.store_events, "--store-measure", str(args.store_measure)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"row {name} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="GeoWebNews", choices=["GeoWebNews", "LGL"])
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--skip-ray", action="store_true")
    ap.add_argument("--skip-store", action="store_true")
    ap.add_argument("--store-events", default="10000,100000",
                    help="stored-event counts at which writes are timed (default 10000,100000)")
    ap.add_argument("--store-measure", type=int, default=1000, help="articles timed at each count")
    ap.add_argument("--row", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not EVAL.is_dir():
        raise SystemExit(f"{EVAL} not found: the benchmark needs ../shared/eval")
    records = load_records(args.corpus, args.limit)
    if args.row:
        if args.row.startswith("batch-"):
            _, engine, workers = args.row.split("-")
            res = row_batch(records, engine, int(workers))
        elif args.row == "store":
            res = row_store(records, tuple(int(x) for x in args.store_events.split(",")),
                            measure=args.store_measure)
        else:
            res = ROWS[args.row](records)
        print(json.dumps(res, default=str))
        return

    print(f"corpus {args.corpus}: {len(records)} articles, {os.cpu_count()} CPUs, "
          f"Python {sys.version.split()[0]}, load average at start {os.getloadavg()[0]:.1f}", flush=True)
    rows = [("spacy", "spaCy nlp.pipe (ceiling), 1 process"), ("extract", "warwire extract_many, 1 process"),
            ("batch-local-1", "warwire batch local, 1 worker"), ("batch-local-2", "warwire batch local, 2 workers")]
    if not args.skip_ray:
        rows.append(("batch-ray-2", "warwire batch ray, 2 CPUs"))
    results = {}
    for key, label in rows:
        t = time.perf_counter()
        results[key] = run_row(key, args)
        print(f"  {label}: done in {time.perf_counter() - t:.0f}s", file=sys.stderr, flush=True)
    ceiling = results["spacy"]["words"] / results["spacy"]["seconds"]
    one = results["batch-local-1"]

    print()
    head = f"{'configuration':40} {'articles':>8} {'words':>8} {'seconds':>8} {'words/s':>8} {'x ceiling':>9} {'steady w/s':>10} {'peak RSS/worker MB':>19}"
    print(head)
    print("-" * len(head))
    for key, label in rows:
        r = results[key]
        wps = r["words"] / r["seconds"]
        rss = r.get("worker_rss_mb") or [r["rss_mb"]]
        steady = r.get("steady_words_s")
        print(f"{label:40} {r['articles']:>8} {r['words']:>8} {r['seconds']:>8.1f} {wps:>8.0f} "
              f"{wps / ceiling:>9.2f} {(f'{steady:.0f}' if steady else '-'):>10} "
              f"{' / '.join(f'{x:.0f}' for x in rss):>19}")
    two = results["batch-local-2"]
    print(f"\nscaling 1 -> 2 local workers: x{(two['words'] / two['seconds']) / (one['words'] / one['seconds']):.2f} wall,"
          f" x{two['steady_words_s'] / one['steady_words_s']:.2f} steady"
          f" (startup {one['startup_s']:.1f}s vs {two['startup_s']:.1f}s)")
    if "batch-ray-2" in results:
        r = results["batch-ray-2"]
        print(f"ray 2 CPUs vs local 2 workers: x{(r['words'] / r['seconds']) / (two['words'] / two['seconds']):.2f} wall,"
              f" startup {r['startup_s']:.1f}s")
    ex, sp = results["extract"], results["spacy"]
    print(f"extract vs ceiling per core (target >= 0.8): first pass {ex['words'] / ex['seconds'] / ceiling:.2f}"
          f" (gazetteer layers load as countries come up), second pass over the same texts "
          f"{sp['seconds_warm'] / ex['seconds_warm']:.2f} ({ex['words'] / ex['seconds_warm']:.0f} vs "
          f"{sp['words'] / sp['seconds_warm']:.0f} words/s); events found: {ex['events']}")
    for title, key, secs_key in (("first pass", "stages", "seconds"), ("second pass", "stages_warm", "seconds_warm")):
        print(f"\ntime per stage of warwire extract_many, {title} (no profiler; spaCy ceiling row: "
              f"{sp[secs_key]:.1f}s):")
        for stage, secs, share in ex[key]:
            print(f"  {stage:10} {secs:7.2f}s {100 * share:5.1f}%  ({1000 * secs / ex['articles']:.1f} ms/article)")

    if not args.skip_store:
        s = run_row("store", args)
        print(f"\nstore writes (SQLite, WAL; synthetic distinct articles with 2 events each, "
              f"2,000 places, 10 years; {args.store_measure} articles timed):")
        for n in args.store_events.split(","):
            per = s[n] / args.store_measure
            print(f"  {int(n):>7,} events stored: {per * 1000:8.1f} s per 1,000 articles ({per * 1000:.1f} ms/article)")
        print(f"  (whole row {s['fill_s']:.0f}s; store size {s['size_mb']:.0f} MB)")

    p = run_row("profile", args)
    print(f"\nprofile of extract_many ({p['total_s']:.1f}s own time), by module:")
    for mod, secs in p["modules"]:
        print(f"  {secs:7.2f}s {100 * secs / p['total_s']:5.1f}%  {mod}")
    print("\ntop functions by own time:")
    print(p["top_tottime"])
    print("\ntop functions by cumulative time:")
    print(p["top_cumulative"])


if __name__ == "__main__":
    main()
