"""The ``warwire`` command line.

Exit codes: 0 ok, 1 input error (one line on stderr), 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
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
) -> None:
    """Extract events, places, actors, quotes, claims and figures from one article."""
    from . import ingest, pipeline

    if fmt not in ("json", "text"):
        raise typer.BadParameter("--format must be json or text")
    if jsonl is not None:
        if source is not None:
            raise typer.BadParameter("give either SOURCE or --jsonl, not both")
        _extract_jsonl(jsonl, allow_private)
        return
    if source is None:
        raise typer.BadParameter("missing SOURCE (a path, a URL or -)")
    try:
        article = ingest.load(
            source, published=_parse_date(published), source=outlet, allow_private=allow_private
        )
        result = pipeline.extract(article)
    except WarwireError as exc:
        _fail(str(exc))
        return
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=2))
    else:
        from .report import extraction_text

        typer.echo(extraction_text(result))


def _extract_jsonl(path: Path, allow_private: bool) -> None:
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
    results = iter(pipeline.extract_many(good))
    out = sys.stdout
    for lineno, article, error in articles:
        if article is None:
            out.write(json.dumps({"line": lineno, "error": error}) + "\n")
            continue
        try:
            doc = next(results)
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
) -> None:
    """Extract articles and store them (re-ingesting the same article is a no-op)."""
    from . import ingest as ingest_mod
    from . import pipeline
    from .store import open_store

    date = _parse_date(published)
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
                result = store.add(pipeline.extract(article))
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
) -> None:
    """Show the toponyms of a text with coordinates and why each candidate was chosen."""
    from . import places as places_mod

    path = Path(source)
    text = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else source
    for line in places_mod.explain_places(text):
        typer.echo(line)


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
    """Import a GeoNames country dump into a gazetteer file."""
    from . import gazetteer

    try:
        written = gazetteer.import_geonames(file, out or gazetteer.user_dir())
    except WarwireError as exc:
        _fail(str(exc))
        return
    typer.echo(f"wrote {written}")


def main() -> None:
    """Console entry point."""
    try:
        app()
    except InputError as exc:  # pragma: no cover - commands catch their own
        typer.echo(f"warwire: error: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
