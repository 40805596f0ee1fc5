"""The ``warwire`` command line.

Exit codes: 0 ok, 1 input error (one line on stderr), 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Optional

import typer

from . import __version__
from .errors import InputError, WarwireError

app = typer.Typer(
    help=(
        "warwire reads war reporting (text, HTML, a URL or a JSON Lines batch) and records what "
        "happened: ACLED-coded events with dates, geocoded places, actors, quotes, contested "
        "claims and figures, each with the text it was read from."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Build and search the offline gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

log = logging.getLogger("warwire")


def _fail(message: str) -> None:
    typer.echo(f"warwire: error: {message}", err=True)
    raise typer.Exit(1)


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@app.callback()
def _main(
    verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More log output (-vv: debug)."),
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if version:
        typer.echo(f"warwire {__version__}")
        raise typer.Exit(0)


@app.command()
def extract(
    source: Optional[str] = typer.Argument(
        None, help="A file (.txt or .html), an http(s) URL, or - for standard input."
    ),
    published: Optional[str] = typer.Option(
        None, help="Publication date YYYY-MM-DD; relative dates ('on Monday') resolve against it."
    ),
    fmt: str = typer.Option("json", "--format", "-f", help="json (one document) or text (a readable summary)."),
    jsonl: Optional[Path] = typer.Option(
        None,
        "--jsonl",
        help='Read a JSON Lines batch ({"id", "text"|"html"|"url", "published", "source"} per line) '
        "and print one JSON document per input line, in order.",
    ),
    outlet: Optional[str] = typer.Option(None, "--source", help="Name of the outlet the input comes from."),
    allow_private: bool = typer.Option(
        False, help="Allow URLs on private or loopback addresses (off by default)."
    ),
    model: Optional[Path] = typer.Option(
        None, help="A coder trained with `warwire train` to re-type events alongside the rules."
    ),
    country: Optional[list[str]] = typer.Option(
        None, "--country", help="ISO2 code of a country the input is about (repeatable), e.g. KE for a Kenyan feed."
    ),
) -> None:
    """Extract events, places, actors, quotes, claims and figures from one article."""
    from . import ingest, pipeline

    coder_model = _load_coder(model)

    if fmt not in ("json", "text"):
        raise typer.BadParameter("--format must be json or text")
    if jsonl is not None:
        if source is not None:
            raise typer.BadParameter("give either SOURCE or --jsonl, not both")
        _extract_jsonl(jsonl, allow_private, coder_model, _countries(country))
        return
    if source is None:
        raise typer.BadParameter("missing SOURCE (a path, a URL or -)")
    try:
        article = ingest.load(
            source, published=_parse_date(published), source=outlet, allow_private=allow_private
        )
        result = pipeline.extract(article, countries=_countries(country))
    except WarwireError as exc:
        _fail(str(exc))
        return
    _apply_coder(coder_model, result, _countries(country))
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=2))
    else:
        from .report import extraction_text

        typer.echo(extraction_text(result))


def _load_coder(path: Optional[Path]):
    if path is None:
        return None
    from .coder import load_model

    try:
        return load_model(path)
    except WarwireError as exc:
        _fail(str(exc))


def _apply_coder(model, result, countries: Sequence[str] = ()) -> None:
    if model is not None:
        from .coder import apply_model

        apply_model(model, result, countries)


def _countries(codes: Optional[list[str]]) -> list[str]:
    """Validated ISO2 codes from ``--country`` options."""
    from .gazetteer import default

    known = default().countries
    out = []
    for c in codes or []:
        if c.upper() not in known:
            raise typer.BadParameter(f"--country {c}: not an ISO 3166 alpha-2 code warwire knows")
        out.append(c.upper())
    return out


def _extract_jsonl(path: Path, allow_private: bool, coder_model=None, countries: Sequence[str] = ()) -> None:
    from . import ingest, pipeline

    if str(path) != "-" and not path.exists():
        _fail(f"{path}: no such file")
    records = list(ingest.read_jsonl(sys.stdin if str(path) == "-" else path))
    articles: list = []
    for lineno, item in records:
        if isinstance(item, Exception):
            articles.append((lineno, None, str(item)))
            continue
        try:
            articles.append((lineno, ingest.from_record(item, allow_private=allow_private), None))
        except WarwireError as exc:
            articles.append((lineno, None, str(exc)))
    good = [a for _, a, _ in articles if a is not None]
    results = iter(pipeline.extract_many(good, countries=countries))
    out = sys.stdout
    for lineno, article, error in articles:
        if article is None:
            out.write(json.dumps({"line": lineno, "error": error}) + "\n")
            continue
        try:
            doc = next(results)
            _apply_coder(coder_model, doc, countries)
            out.write(doc.model_dump_json() + "\n")
        except Exception as exc:  # one bad article never stops the batch
            log.exception("line %s failed", lineno)
            out.write(json.dumps({"line": lineno, "id": article.id, "error": f"internal error: {exc}"}) + "\n")
    out.flush()


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders of .txt/.html files, URLs, or -."),
    db: Optional[Path] = typer.Option(None, help="SQLite store (default: warwire.db in the user data dir)."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for all inputs."),
    outlet: Optional[str] = typer.Option(None, "--source", help="Outlet the inputs come from."),
    allow_private: bool = typer.Option(False, help="Allow URLs on private or loopback addresses."),
    model: Optional[Path] = typer.Option(None, help="A coder trained with `warwire train`."),
    country: Optional[list[str]] = typer.Option(
        None, "--country", help="ISO2 code of a country the input is about (repeatable), e.g. KE for a Kenyan feed."
    ),
) -> None:
    """Extract articles and store them (re-ingesting the same article is a no-op)."""
    from . import ingest as ingest_mod
    from . import pipeline
    from .store import open_store

    date = _parse_date(published)
    coder_model = _load_coder(model)
    countries = _countries(country)
    sources: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            sources += sorted(str(f) for f in path.iterdir() if f.suffix.lower() in (".txt", ".html", ".htm"))
        else:
            sources.append(p)
    failures = 0
    with open_store(db) as store:
        for src in sources:
            try:
                article = ingest_mod.load(src, published=date, source=outlet, allow_private=allow_private)
                extraction = pipeline.extract(article, countries=countries)
                _apply_coder(coder_model, extraction, countries)
                result = store.add(extraction)
            except WarwireError as exc:
                failures += 1
                store.record_error(src, str(exc))
                typer.echo(f"warwire: error: {src}: {exc}", err=True)
                continue
            state = "stored" if result.added else f"already stored ({result.duplicate_of or result.article_id})"
            typer.echo(f"{src}: {state}, {result.events} events")
    if failures:
        raise typer.Exit(1)


@app.command()
def export(
    db: Optional[Path] = typer.Option(None, help="SQLite store to read."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, acled-csv or geojson."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    start: Optional[str] = typer.Option(None, help="Only events on or after this date."),
    end: Optional[str] = typer.Option(None, help="Only events on or before this date."),
    event_type: Optional[str] = typer.Option(None, help="Only this ACLED event type."),
    country: Optional[str] = typer.Option(None, help="Only this country (ISO 3166-1 alpha-2)."),
) -> None:
    """Write the stored events as JSON Lines, an ACLED-style CSV, or GeoJSON."""
    from . import export as export_mod
    from .store import open_store

    if fmt not in ("jsonl", "acled-csv", "geojson"):
        raise typer.BadParameter("--format must be jsonl, acled-csv or geojson")
    if db is not None and not db.exists():
        _fail(f"{db}: no such store")
    filters = {
        k: v
        for k, v in dict(start=_parse_date(start), end=_parse_date(end), event_type=event_type, country=country).items()
        if v is not None
    }
    with open_store(db) as store:
        if output is None:
            n = export_mod.export(store, fmt, sys.stdout, **filters)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = export_mod.export(store, fmt, fh, **filters)
            typer.echo(f"wrote {n} events to {output}", err=True)


@app.command()
def summary(db: Optional[Path] = typer.Option(None, help="SQLite store to read.")) -> None:
    """Print the stored events as a table: date, type, place, actors, source."""
    from .report import events_table
    from .store import open_store

    if db is not None and not db.exists():
        _fail(f"{db}: no such store")
    with open_store(db) as store:
        typer.echo(events_table(list(store.iter_events())))
        counts = store.counts()
    typer.echo(", ".join(f"{v} {k}" for k, v in counts.items()))


@app.command()
def places(
    source: str = typer.Argument(..., help="Text to geoparse, or a path to a file."),
    country: Optional[list[str]] = typer.Option(
        None, "--country", help="ISO2 code of a country the text is about (repeatable), as for extract."
    ),
) -> None:
    """Show the toponyms of a text with coordinates and why each candidate was chosen.

    The text is parsed with spaCy first, so the reasons are those the extract pipeline sees.
    """
    from . import nlp
    from . import places as places_mod

    countries = _countries(country)
    path = Path(source)
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else source
    for line in places_mod.explain_places(text, nlp.parse(text), countries=countries):
        typer.echo(line)


@app.command()
def train(
    acled: Path = typer.Option(..., "--acled", help="Your ACLED export (CSV with notes and sub_event_type)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the model (joblib file)."),
) -> None:
    """Train an event-type coder on your own ACLED export; use it with --model."""
    from .coder import train as train_coder

    try:
        m = train_coder(acled, output)
    except WarwireError as exc:
        _fail(str(exc))
        return
    typer.echo(f"trained on {m.trained_on} notes ({len(m.classes)} sub-event types); wrote {output}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of an extraction document."""
    from .model import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@gazetteer_app.command("search")
def gazetteer_search(
    name: str = typer.Argument(..., help="Place name in any common spelling."),
    country: Optional[str] = typer.Option(None, help="ISO 3166-1 alpha-2 country code."),
    limit: int = typer.Option(20, min=1, max=500),
) -> None:
    """List gazetteer entries matching NAME with their variants."""
    from . import gazetteer

    for e in gazetteer.search(name, country=country, limit=limit):
        variants = ", ".join(list(e.variants)[:8])
        typer.echo(f"{e.id}\t{e.name}\t{e.lat:.4f},{e.lon:.4f}\t{e.feature_type}\t{e.admin1 or ''}\t{e.country}\t{variants}")


@gazetteer_app.command("import-wof")
def gazetteer_import_wof(
    path: Path = typer.Argument(..., help="Clone of a whosonfirst-data-admin-XX repository."),
    out: Optional[Path] = typer.Option(None, help="Output folder (default: the user gazetteer folder)."),
) -> None:
    """Import a Who's On First country repository into a gazetteer file."""
    from . import gazetteer

    try:
        written = gazetteer.import_wof(path, out or gazetteer.user_dir())
    except WarwireError as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {written}")


@gazetteer_app.command("import-geonames")
def gazetteer_import_geonames(
    file: Path = typer.Argument(..., help="A GeoNames country dump such as SY.txt."),
    out: Optional[Path] = typer.Option(None, help="Output folder (default: the user gazetteer folder)."),
) -> None:
    """Import a GeoNames country dump into a gazetteer file.

    For a country with a bundled village layer, the file supplements it: only the places
    the layer lacks are kept, with the layer's province names."""
    from . import gazetteer

    try:
        written = gazetteer.import_geonames(file, out or gazetteer.user_dir())
    except WarwireError as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {written}")


@app.command()
def batch(
    source: str = typer.Argument(
        ..., metavar="INPUT",
        help="A JSON Lines file (as for extract --jsonl), a folder of .txt/.html files, or - (JSON Lines on stdin).",
    ),
    db: Optional[Path] = typer.Option(None, help="SQLite store (default: warwire.db in the user data dir)."),
    workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (Ray: actors); 0 = one per CPU."),
    engine: str = typer.Option("local", help="local (worker processes) or ray."),
    address: Optional[str] = typer.Option(
        None, help="Ray cluster to use: auto or ray://HOST:10001 (default: start a local Ray instance)."
    ),
    chunk_size: int = typer.Option(16, min=1, help="Articles per task sent to a worker."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for items that give none."),
    outlet: Optional[str] = typer.Option(None, "--source", help="Outlet the inputs come from (records may give their own)."),
    allow_private: bool = typer.Option(False, help="Allow URLs on private or loopback addresses."),
    allow_host: list[str] = typer.Option([], help="A host exempt from the private-address check (repeatable)."),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress bar (default: on a terminal; plain lines otherwise)."
    ),
    strict: bool = typer.Option(False, help="Exit with status 1 when any item failed."),
    retry_errors: bool = typer.Option(False, help="Try again the items that failed in an earlier run."),
) -> None:
    """Extract and store many articles in parallel; killed, the same command resumes where it stopped."""
    from . import batch as batch_mod

    if engine not in ("local", "ray"):
        raise typer.BadParameter("--engine must be local or ray")
    if address and engine != "ray":
        raise typer.BadParameter("--address needs --engine ray")
    if workers < 0:
        raise typer.BadParameter("--workers must be 0 (one per CPU) or more")
    level = logging.getLogger().getEffectiveLevel()
    reporter = batch_mod.progress_reporter(sys.stderr, tty=sys.stderr.isatty() if progress is None else progress)
    try:
        stats = batch_mod.run_batch(
            source, db, workers=workers, engine=engine, address=address, chunk_size=chunk_size,
            published=_parse_date(published), outlet=outlet, allow_private=allow_private,
            allowed_hosts=allow_host, progress=reporter, log_level=level, retry_errors=retry_errors,
        )
    except WarwireError as exc:
        _fail(str(exc))
        return
    for line in stats.error_samples:
        typer.echo(f"warwire: error: {line}", err=True)
    if stats.errors > len(stats.error_samples):
        typer.echo(f"warwire: ... {stats.errors - len(stats.error_samples)} more errors in the store", err=True)
    typer.echo(stats.summary())
    if stats.interrupted:
        raise typer.Exit(130)
    if strict and stats.errors:
        raise typer.Exit(1)


@app.command()
def serve(
    db: Path = typer.Option(..., help="SQLite store to serve (see `warwire ingest`)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    create: bool = typer.Option(False, help="Create an empty store when DB does not exist."),
    cors_origin: Optional[list[str]] = typer.Option(
        None, help="Allow cross-origin requests from this origin (repeatable; default: none)."
    ),
    max_body_mb: float = typer.Option(5.0, min=0.001, help="Largest POST /articles body, in MB."),
    workers: int = typer.Option(1, min=1, max=64, help="Server processes (uvicorn workers)."),
) -> None:
    """Serve the HTTP API (/docs, /openapi.json) and the offline map page at /.

    Writes (POST /articles) are enabled only when WARWIRE_API_KEY is set.
    """
    import os

    from .api import serve as serve_api

    if not db.exists() and not create:
        _fail(f"{db}: no such store (fill one with `warwire ingest`, or pass --create)")
    writes = "enabled (WARWIRE_API_KEY)" if os.environ.get("WARWIRE_API_KEY") else "disabled (no WARWIRE_API_KEY)"
    typer.echo(f"warwire: serving {db} on http://{host}:{port}/ (API docs at /docs; writes {writes})", err=True)
    try:
        serve_api(db, host=host, port=port, workers=workers, cors_origins=cors_origin or None,
                  max_body=int(max_body_mb * 1_000_000))
    except WarwireError as exc:
        _fail(str(exc))


@app.command()
def merges(
    db: Optional[Path] = typer.Option(None, help="SQLite store to read."),
    all_: bool = typer.Option(False, "--all", help="Include merges that were undone."),
) -> None:
    """List merge decisions (republished copies and cross-article event merges) with their reasons."""
    from .store import open_store

    if db is not None and not db.exists():
        _fail(f"{db}: no such store")
    with open_store(db) as store:
        records = store.merges(include_undone=all_)
    for r in records:
        undone = f"  (undone {r['undone_at']})" if r["undone_at"] else ""
        if r["kind"] == "copy":
            x = r["explanation"]
            typer.echo(f"{r['id']}  copy of article {r['into_article_id']} ({x.get('outlet') or '?'}): "
                       f"Jaccard {x['jaccard']:.3f}, containment {x['containment']:.3f}, "
                       f"sources {len(x.get('events', []))} event(s){undone}")
        else:
            crit = r["explanation"]["criteria"]
            why = ", ".join(f"{k} {v['score']:.2f} ({v['reason']})" for k, v in crit.items())
            typer.echo(f"{r['id']}  {r['event_id']} -> {r['into_event_id']}  score {r['score']:.2f}: {why}{undone}")
    if not records:
        typer.echo("(no merges)")


@app.command()
def unmerge(
    target: str = typer.Argument(..., help="A merge id (m12), an event id, or a copy's article id (see `warwire merges`)."),
    db: Optional[Path] = typer.Option(None, help="SQLite store to change."),
) -> None:
    """Undo a merge: split an event from the one it was merged into, or make a copy an article again."""
    from .store import open_store

    if db is not None and not db.exists():
        _fail(f"{db}: no such store")
    with open_store(db) as store:
        done = store.unmerge(target)
    if not done:
        _fail(f"{target}: no active merge with this id, event id or copy id")
    for line in done:
        typer.echo(line)


@app.command()
def claims(
    db: Optional[Path] = typer.Option(None, help="SQLite store to read."),
    event: Optional[str] = typer.Option(None, help="Only this event id."),
    contested: bool = typer.Option(False, help="Only contested events."),
) -> None:
    """Each stored event with every source's claims side by side (all merged reports)."""
    from .store import open_store

    if db is not None and not db.exists():
        _fail(f"{db}: no such store")
    with open_store(db) as store:
        shown = 0
        for ev in store.iter_events():
            if (event and ev.id != event) or (contested and not ev.contested):
                continue
            shown += 1
            place = ev.location.name if ev.location else "?"
            flag = "  *contested*" if ev.contested else ""
            typer.echo(f"{ev.id}  {ev.date or '?'}  {ev.sub_event_type} at {place}  "
                       f"[{'; '.join(s for s in ev.sources if s)}]{flag}")
            for article_id, c in store.event_claims(ev.id):
                typer.echo(f"    {c.stance:<8} {c.aspect:<11} {c.claimant or '?'}: {c.proposition}  ({article_id})")
        if not shown:
            typer.echo("(no events)")


@app.command()
def control(
    place: str = typer.Argument(..., help="Place name in any common spelling, e.g. 'Khan Shaikhoun'."),
    db: Optional[Path] = typer.Option(None, help="SQLite store to read."),
    on: Optional[str] = typer.Option(None, help="Also say who held the place on this date (YYYY-MM-DD)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Territorial control timeline of a place: who held it, from when, on whose claim."""
    from . import control as control_mod
    from .store import open_store

    date = _parse_date(on)
    if fmt not in ("text", "json"):
        raise typer.BadParameter("--format must be text or json")
    if db is not None and not db.exists():
        _fail(f"{db}: no such store")
    with open_store(db) as store:
        where, entries = control_mod.timeline(store, place)
    if where is None:
        _fail(f"{place!r}: no such place in the store")
    if fmt == "json":
        doc = {"place": where.model_dump(mode="json", include={"name", "gazetteer_id", "lat", "lon", "admin1", "country"}),
               "timeline": [e.to_dict() for e in entries]}
        if date is not None:
            st = control_mod.status_on(entries, date)
            doc["on"] = {"date": date.isoformat(), "status": st.describe(),
                         "holder": st.holder.to_dict() if st.holder else None,
                         "latest": st.latest.to_dict() if st.latest else None}
        typer.echo(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        typer.echo(control_mod.render(where, entries, date))


@app.command()
def watch(
    feeds: list[str] = typer.Argument(..., metavar="FEED_URL...", help="RSS or Atom feed URLs."),
    db: Optional[Path] = typer.Option(None, help="SQLite store (default: warwire.db in the user data dir)."),
    interval: float = typer.Option(300.0, min=1.0, help="Seconds between polls of a healthy feed."),
    max_backoff: float = typer.Option(6 * 3600.0, min=1.0, help="Longest wait before polling a failing feed again (s)."),
    once: bool = typer.Option(False, help="Poll every feed once, then exit."),
    allow_private: bool = typer.Option(False, help="Allow feeds and pages on private or loopback addresses."),
    allow_host: list[str] = typer.Option([], help="A host exempt from the private-address check (repeatable)."),
    timeout: float = typer.Option(10.0, min=0.1, help="Network timeout per request (s)."),
) -> None:
    """Poll RSS/Atom feeds and store each new item; stops cleanly on Ctrl-C or SIGTERM."""
    import signal
    import threading

    from . import watch as watch_mod

    stop = threading.Event()

    def on_signal(signum, _frame) -> None:
        if not stop.is_set():
            typer.echo(f"watch: {signal.Signals(signum).name} received, stopping after the current item", err=True)
        stop.set()

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        watch_mod.watch(
            feeds, db, stop=stop, once=once, interval=interval, max_backoff=max_backoff,
            allow_private=allow_private, allowed_hosts=allow_host, timeout=timeout,
            on_poll=lambda r: typer.echo(f"watch: {r.line()}", err=True),
        )
    except WarwireError as exc:
        _fail(str(exc))
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    typer.echo("watch: stopped", err=True)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except InputError as exc:  # pragma: no cover - commands catch their own
        typer.echo(f"warwire: error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
