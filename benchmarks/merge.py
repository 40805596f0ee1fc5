"""Measure cross-article event merging.

* **False merges** on ACLED's own rows (``../shared/eval/acled/*.csv``; evaluation only, nothing
  is copied).  ACLED rows are distinct events by definition; the hard set is every pair of rows
  on the same day in the same district (admin2) whose location or actors differ.
  Each row becomes a warwire Event (type, date, place with coordinates and precision, actors,
  fatalities, notes as evidence) and :func:`warwire.merge.compare_events` must not merge the pair.
  Pairs with identical coding (same day, place, type and actors) are counted apart: nothing in
  the coding can tell them apart.
* **Recall** on the must-merge rewrites in ``samples/rewrites/`` and ``tests/data/rewrites/``
  (our own retellings of sample reports): both reports are extracted and added to one store; a
  pair is merged when an event of the rewrite joined an event of the original.  A pair that
  did not merge is shown with its nearest miss (the event pair with the fewest vetoes).
* A few merged clusters with their explanations.
* ``--writes N``: store writes per second once the store holds N events (synthetic articles of
  one country-wide archive: random places, types, actors and dates; no text copies), i.e. the
  cost of the merge-candidate search as the store grows.

    .venv/bin/python benchmarks/merge.py [--no-rewrites] [--writes 10000 [--measure 300]]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ACLED = ROOT.parent / "shared" / "eval" / "acled"
REWRITES = [ROOT / "samples" / "rewrites", ROOT / "tests" / "data" / "rewrites"]
sys.path.insert(0, str(ROOT / "src"))

from warwire.merge import compare_events  # noqa: E402
from warwire.model import EVENT_TYPES, Event, Place, Span  # noqa: E402


def _date(value: str) -> dt.date:
    for fmt in ("%d-%m-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            pass
    raise ValueError(value)


def acled_event(row: dict[str, str], n: int) -> Event | None:
    """A warwire Event from one ACLED row (None for types outside the model)."""
    sub = row["sub_event_type"]
    if sub not in {s for subs in EVENT_TYPES.values() for s in subs}:
        return None
    split = lambda v: [x.strip() for x in v.split(";") if x.strip()]  # noqa: E731
    place = Place(text=row["location"], start=0, end=len(row["location"]), name=row["location"],
                  gazetteer_id=f"acled:{row['location']}|{row['latitude']}|{row['longitude']}",
                  lat=float(row["latitude"]), lon=float(row["longitude"]), feature_type="locality",
                  admin1=row["admin1"] or None, country=row.get("iso3", "")[:2] or None,
                  geo_precision=int(row["geo_precision"] or 1))
    notes = row["notes"]
    return Event(
        id=f"acled-{n}", event_type=row["event_type"], sub_event_type=sub, date=_date(row["event_date"]),
        time_precision=int(row["time_precision"] or 1), location=place,
        actor1=row["actor1"] or None, actor2=row["actor2"] or None,
        assoc_actor_1=split(row["assoc_actor_1"]), assoc_actor_2=split(row["assoc_actor_2"]),
        fatalities=int(row["fatalities"] or 0), evidence=[Span(start=0, end=len(notes), text=notes)],
    )


def acled_pairs() -> tuple[int, int, tuple[int, int], list[tuple[Event, Event, object]]]:
    """(hard pairs, false merges, (identical-coding pairs, of them merged), examples of false merges)."""
    hard = merged = identical = identical_merged = 0
    examples = []
    for path in sorted(ACLED.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        groups: dict[tuple[str, str, str], list[Event]] = defaultdict(list)
        for n, row in enumerate(rows):
            ev = acled_event(row, n)
            if ev is None:
                continue
            groups[(row["country"], row["admin1"], row["admin2"] or row["location"])].append(ev)
        for evs in groups.values():
            evs.sort(key=lambda e: e.date)
            for a, b in itertools.combinations(evs, 2):
                if a.date != b.date:
                    continue
                same_actors = {a.actor1, a.actor2, *a.assoc_actor_1, *a.assoc_actor_2} == \
                    {b.actor1, b.actor2, *b.assoc_actor_1, *b.assoc_actor_2}
                same_place = a.location.gazetteer_id == b.location.gazetteer_id
                if same_actors and same_place:
                    if a.sub_event_type == b.sub_event_type and a.date == b.date:
                        identical += 1
                        identical_merged += compare_events(a, b).merge
                        continue
                hard += 1
                d = compare_events(a, b)
                if d.merge:
                    merged += 1
                    if len(examples) < 5:
                        examples.append((a, b, d))
    return hard, merged, (identical, identical_merged), examples


def rewrite_pairs(show: int = 3) -> tuple[int, int, list[str]]:
    """(pairs, merged pairs, explanation lines)."""
    from warwire import ingest, pipeline
    from warwire.store import open_store

    pairs = merged = 0
    lines: list[str] = []
    for path in sorted(p for folder in REWRITES for p in folder.glob("*.txt")):
        head, body = path.read_text(encoding="utf-8").split("\n", 1)
        meta = dict(part.strip().split(": ", 1) for part in head.split("|"))
        other = (ROOT / meta["pair"]).resolve()
        if not other.exists():
            lines.append(f"  skipped {path.name}: {meta['pair']} not found")
            continue
        pairs += 1
        published = dt.date.fromisoformat(meta["published"])
        with open_store(":memory:") as store:
            original = pipeline.extract(ingest.load(str(other), published=published))
            store.add(original)
            rewrite = pipeline.extract(ingest.from_text(body, published=published, source=meta["source"]))
            result = store.add(rewrite)
            records = [r for r in store.merges() if r["kind"] == "event"]
            if result.merged:
                merged += 1
            for r in records[:show]:
                crit = r["explanation"]["criteria"]
                why = "; ".join(f"{k} {v['score']:.2f} ({v['reason']})" for k, v in crit.items())
                lines.append(f"  {path.name}: {r['event_id']} -> {r['into_event_id']} score {r['score']:.2f}"
                             f" [{r['explanation'].get('reason', '')}]\n      {why}")
            if not records:  # the nearest miss: the pair of events with the fewest vetoes, best score
                near = [(e, o, compare_events(e, o)) for e in rewrite.events for o in original.events]
                if near:
                    e, o, d = min(near, key=lambda t: (sum(c.veto for c in t[2].criteria.values()), -t[2].score))
                    lines.append(f"  {path.name}: NOT merged; nearest: {e.sub_event_type} @ "
                                 f"{e.location.name if e.location else '?'} vs {o.sub_event_type}: {d.summary()}")
                else:
                    lines.append(f"  {path.name}: NOT merged (no events)")
    return pairs, merged, lines


def synthetic_extraction(i: int, rng: random.Random, places: list[Place], n_events: int):
    """A distinct article (random words: never a copy) with ``n_events`` events of one archive."""
    import hashlib

    from warwire.model import SUB_EVENT_TYPES, Article, Extraction

    text = " ".join(f"w{rng.randrange(50_000)}" for _ in range(250))
    published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(365))
    art = Article(id=f"syn-{i}", text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                  published=published, source=f"Outlet {rng.randrange(40)}", language="en")
    subs = sorted(SUB_EVENT_TYPES)
    events = []
    for k in range(n_events):
        sub = rng.choice(subs)
        place = rng.choice(places)
        events.append(Event(
            id=f"ev-{i}-{k}", event_type=SUB_EVENT_TYPES[sub], sub_event_type=sub,
            date=published - dt.timedelta(days=rng.randrange(3)), location=place,
            actor1=f"Actor {rng.randrange(200)}", actor2=f"Actor {rng.randrange(200)}",
            fatalities=rng.randrange(5), evidence=[Span(start=0, end=len(text[:40]), text=text[:40])],
            sources=[art.source], article_ids=[art.id],
        ))
    return Extraction(article=art, events=events, places=[e.location for e in events])


def store_writes(n_events: int, measure: int, per_article: int = 20) -> dict[str, float]:
    """Articles (2 events each) written per second once the store holds ``n_events`` events.

    One country-wide archive: 2,000 places in a 600 x 600 km box, one year of dates.
    """
    from warwire.store import open_store

    rng = random.Random(7)
    places = []
    for n in range(2000):
        lat, lon = 34.0 + rng.uniform(0, 5.4), 36.0 + rng.uniform(0, 6.5)
        places.append(Place(text=f"Place {n}", start=0, end=7, name=f"Place {n}", gazetteer_id=f"bench:{n}",
                            lat=lat, lon=lon, feature_type="locality", country="SY",
                            geo_precision=rng.choice([1, 1, 1, 2, 3])))
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "w.db") as store:
        i = events = 0
        t = time.perf_counter()
        while events < n_events:
            store.add(synthetic_extraction(i, rng, places, per_article))
            i += 1
            events += per_article
        out["fill_s"] = time.perf_counter() - t
        t = time.perf_counter()
        merged = 0
        for _ in range(measure):
            merged += store.add(synthetic_extraction(i, rng, places, 2)).merged
            i += 1
        out["measure_s"] = time.perf_counter() - t
        out["articles_per_s"] = measure / out["measure_s"]
        out["merged"] = merged
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-rewrites", action="store_true")
    ap.add_argument("--no-acled", action="store_true")
    ap.add_argument("--writes", type=int, default=0, metavar="N",
                    help="also time store writes once the store holds N events")
    ap.add_argument("--measure", type=int, default=300, help="articles timed by --writes")
    args = ap.parse_args(argv)
    t0 = time.time()
    if args.writes:
        w = store_writes(args.writes, args.measure)
        print(f"| store writes at {args.writes:,} events | {args.measure} articles x 2 events |"
              f" {w['measure_s']:.1f} s | {w['articles_per_s']:.1f} articles/s"
              f" ({1000 / w['articles_per_s']:.0f} s per 1,000) | fill {w['fill_s']:.0f} s, {w['merged']} merged |")
        if args.no_acled and args.no_rewrites:
            return 0
    if args.no_acled:
        examples = []
    elif ACLED.is_dir():
        hard, false_merges, identical, examples = acled_pairs()
        rate = false_merges / hard if hard else 0.0
        print(f"ACLED must-not-merge pairs (same day, same district, place or actors differ): {hard}")
        print(f"identical-coding pairs set aside: {identical[0]} (merged: {identical[1]}; the coding cannot"
              " tell them apart, only their text)")
        print()
        print("| set | pairs | merged | rate | target |")
        print("|---|---|---|---|---|")
        print(f"| ACLED non-merge pairs | {hard} | {false_merges} | {rate:.2%} | < 1% |")
    else:
        print(f"no ACLED files at {ACLED}; skipping false-merge measurement")
        examples = []
    if not args.no_rewrites:
        pairs, merged, lines = rewrite_pairs()
        print(f"| must-merge rewrites | {pairs} | {merged} | {merged / pairs if pairs else 0:.0%} recall | - |")
        print("\nMerged clusters (rewrite -> original) with their explanations:")
        print("\n".join(lines))
    if examples:
        print("\nFalse merges on ACLED rows (first few):")
        for a, b, d in examples:
            print(f"  {a.date} {a.sub_event_type} @ {a.location.name} | {b.date} {b.sub_event_type} @ {b.location.name}: {d.summary()}")
    print(f"\n({time.time() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
