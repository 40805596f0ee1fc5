"""Persistent store of extractions: a small ``Store`` interface and its SQLite backend.

Each fact table keeps a few indexed columns for querying and a ``payload`` column with
the full pydantic model dump (JSON), so an :class:`~warwire.model.Extraction` read back
with :meth:`Store.get_extraction` equals the one that was added.

Adding another backend (e.g. PostgreSQL): write a class with the methods of
:class:`Store` (same table layout; ``payload`` as ``jsonb``; the numbered steps of
``MIGRATIONS`` translated to its SQL dialect), and make :func:`open_store` return it
for a ``postgresql://`` URL.  The pipeline only ever talks to :class:`Store`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from itertools import zip_longest
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from .errors import DataError
from .model import Actor, Article, Claim, Event, Extraction, Figure, Place, Quote

log = logging.getLogger(__name__)

BBox = tuple[float, float, float, float]


@dataclasses.dataclass(frozen=True)
class AddResult:
    """Outcome of :meth:`Store.add`."""

    article_id: str
    added: bool
    events: int
    duplicate_of: str | None = None


@dataclasses.dataclass(frozen=True)
class StoredEvent:
    """An event with the stored article it was read from."""

    article_id: str
    ingested_at: float
    event: Event


@runtime_checkable
class Store(Protocol):
    """What the pipeline, the CLI and the exporters need from a store.

    ``iter_events`` filters (all optional, combined with AND):
    ``start``/``end`` (``datetime.date`` or ISO string, inclusive), ``event_type``,
    ``sub_event_type``, ``country`` (ISO2, ISO3 or English name), ``bbox``
    (``minlon, minlat, maxlon, maxlat``), ``place`` (substring of the location name),
    ``actor`` (substring of actor1/actor2/associated actors), ``limit``, ``offset``.
    """

    def add(self, extraction: Extraction) -> AddResult: ...
    def record_error(self, name: str, error: str | BaseException) -> None: ...
    def get_extraction(self, article_id: str) -> Extraction | None: ...
    def get_article(self, article_id: str) -> Article | None: ...
    def iter_extractions(self) -> Iterator[Extraction]: ...
    def iter_events(self, **filters: Any) -> Iterator[Event]: ...
    def iter_stored_events(self, **filters: Any) -> Iterator[StoredEvent]: ...
    def articles(self) -> list[Article]: ...
    def errors(self) -> list[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...


# --------------------------------------------------------------------------- schema

_V1 = """
CREATE TABLE schema_version (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    source       TEXT,
    language     TEXT,
    status       TEXT,
    ingested_at  REAL NOT NULL,
    payload      TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE TABLE events (
    pk             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    id             TEXT NOT NULL,
    date           TEXT,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    country        TEXT,
    admin1         TEXT,
    location       TEXT,
    lat            REAL,
    lon            REAL,
    geo_precision  INTEGER,
    actor1         TEXT,
    actor2         TEXT,
    actors         TEXT NOT NULL DEFAULT '',
    fatalities     INTEGER NOT NULL DEFAULT 0,
    contested      INTEGER NOT NULL DEFAULT 0,
    payload        TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type ON events(event_type);
CREATE INDEX events_sub_type ON events(sub_event_type);
CREATE INDEX events_country ON events(country);
CREATE INDEX events_lat ON events(lat);
CREATE INDEX events_lon ON events(lon);
CREATE INDEX events_location ON events(location);
CREATE TABLE event_sources (
    event_pk   INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
    article_id TEXT,
    outlet     TEXT
);
CREATE INDEX event_sources_event ON event_sources(event_pk);
CREATE INDEX event_sources_article ON event_sources(article_id);
CREATE INDEX event_sources_outlet ON event_sources(outlet);
CREATE TABLE places (
    pk           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    gazetteer_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    feature_type TEXT,
    country      TEXT,
    lat          REAL,
    lon          REAL,
    payload      TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX places_gazetteer_id ON places(gazetteer_id);
CREATE INDEX places_name ON places(name);
CREATE TABLE actors (
    pk         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT,
    country    TEXT,
    payload    TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX actors_name ON actors(name);
CREATE TABLE quotes (
    pk         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    id         TEXT NOT NULL,
    speaker    TEXT,
    payload    TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE claims (
    pk         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    id         TEXT NOT NULL,
    claimant   TEXT,
    event_id   TEXT,
    stance     TEXT,
    payload    TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX claims_event_id ON claims(event_id);
CREATE TABLE figures (
    pk         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    quantity   INTEGER NOT NULL,
    unit       TEXT NOT NULL,
    event_id   TEXT,
    payload    TEXT NOT NULL,
    UNIQUE (article_id, seq)
);
CREATE INDEX figures_event_id ON figures(event_id);
CREATE TABLE ingest_errors (
    pk         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    error      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""

#: Numbered migration steps: ``MIGRATIONS[i]`` takes a database from version ``i`` to
#: ``i + 1``.  A step is an SQL script or a function of the connection; never edit a
#: released step, append a new one.
MIGRATIONS: list[str | Callable[[sqlite3.Connection], None]] = [_V1]


def schema_version() -> int:
    """The schema version this code writes."""
    return len(MIGRATIONS)


def default_path() -> Path:
    """``warwire.db`` under the user's data directory."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("warwire")) / "warwire.db"


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``path``.

    ``None`` means :func:`default_path`; ``":memory:"`` gives a throw-away store.
    """
    if path is None:
        path = default_path()
    return SQLiteStore(path)


# --------------------------------------------------------------------------- backend


def _dump(model: Any) -> str:
    return model.model_dump_json()


def _iso(value: dt.date | str | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.date.fromisoformat(str(value)).isoformat()


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` as a literal substring (escape char ``\\``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SQLiteStore:
    """:class:`Store` on one SQLite file (WAL mode, foreign keys on, busy timeout)."""

    busy_timeout_ms = 10_000

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            self.path, isolation_level=None, timeout=self.busy_timeout_ms / 1000
        )
        self._conn.row_factory = sqlite3.Row
        try:
            self._conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self.migrate()
        except sqlite3.Error as exc:
            self._conn.close()
            raise DataError(f"{self.path}: not a usable warwire database ({exc})") from exc
        except BaseException:
            self._conn.close()
            raise

    # ---- lifecycle
    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- schema
    def version(self) -> int:
        """The schema version of the open database (0 = empty file)."""
        row = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchone()
        if row is None:
            return 0
        (v,) = self._conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()
        return int(v)

    def migrate(self) -> int:
        """Apply pending migration steps in order; return the resulting version.

        Raises DataError when the database was written by a newer warwire.
        """
        current, target = self.version(), schema_version()
        if current > target:
            raise DataError(
                f"{self.path}: database schema version {current} is newer than this "
                f"warwire supports ({target}); upgrade warwire"
            )
        for number in range(current + 1, target + 1):
            step = MIGRATIONS[number - 1]
            log.info("migrating %s to schema version %d", self.path, number)
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                if callable(step):
                    step(self._conn)
                else:
                    for statement in _statements(step):
                        self._conn.execute(statement)
                self._conn.execute(
                    "INSERT INTO schema_version(version, applied_at) VALUES (?, ?)",
                    (number, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
                )
                self._conn.execute("COMMIT")
            except BaseException as exc:
                self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise DataError(
                        f"{self.path}: migration to schema version {number} failed: {exc}"
                    ) from exc
                raise
        return target

    # ---- writing
    def add(self, extraction: Extraction) -> AddResult:
        """Store one article and all its facts in one transaction (idempotent)."""
        art = extraction.article
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            dup = conn.execute(
                "SELECT id FROM articles WHERE id = ? OR content_hash = ? LIMIT 1",
                (art.id, art.content_hash),
            ).fetchone()
            if dup is not None:
                conn.execute("ROLLBACK")
                log.info("article %s already stored as %s", art.id, dup["id"])
                return AddResult(art.id, False, 0, dup["id"])
            self._insert_article(art)
            for seq, event in enumerate(extraction.events):
                self._insert_event(art, seq, event)
            for seq, place in enumerate(extraction.places):
                self._insert_place(art.id, seq, place)
            for seq, actor in enumerate(extraction.actors):
                self._insert_actor(art.id, seq, actor)
            for seq, quote in enumerate(extraction.quotes):
                self._insert_quote(art.id, seq, quote)
            for seq, claim in enumerate(extraction.claims):
                self._insert_claim(art.id, seq, claim)
            for seq, figure in enumerate(extraction.figures):
                self._insert_figure(art.id, seq, figure)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return AddResult(art.id, True, len(extraction.events), None)

    def _insert_article(self, art: Article) -> None:
        self._conn.execute(
            "INSERT INTO articles(id, content_hash, url, title, published, source, language,"
            " status, ingested_at, payload) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                art.id,
                art.content_hash,
                art.url,
                art.title,
                _iso(art.published),
                art.source,
                art.language,
                art.status,
                time.time(),
                _dump(art),
            ),
        )

    def _insert_event(self, art: Article, seq: int, ev: Event) -> None:
        loc = ev.location
        actors = "\n".join(
            a for a in [ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2] if a
        )
        cur = self._conn.execute(
            "INSERT INTO events(article_id, seq, id, date, event_type, sub_event_type, country,"
            " admin1, location, lat, lon, geo_precision, actor1, actor2, actors, fatalities,"
            " contested, payload) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                art.id,
                seq,
                ev.id,
                _iso(ev.date),
                ev.event_type,
                ev.sub_event_type,
                loc.country.upper() if loc and loc.country else None,
                loc.admin1 if loc else None,
                loc.name if loc else None,
                loc.lat if loc else None,
                loc.lon if loc else None,
                loc.geo_precision if loc else None,
                ev.actor1,
                ev.actor2,
                actors,
                ev.fatalities,
                int(ev.contested),
                _dump(ev),
            ),
        )
        event_pk = cur.lastrowid
        article_ids = ev.article_ids or [art.id]
        outlets = ev.sources or ([art.source] if art.source else [])
        rows = [(event_pk, a, o) for a, o in zip_longest(article_ids, outlets)]
        self._conn.executemany(
            "INSERT INTO event_sources(event_pk, article_id, outlet) VALUES (?,?,?)", rows
        )

    def _insert_place(self, article_id: str, seq: int, p: Place) -> None:
        self._conn.execute(
            "INSERT INTO places(article_id, seq, gazetteer_id, name, feature_type, country,"
            " lat, lon, payload) VALUES (?,?,?,?,?,?,?,?,?)",
            (article_id, seq, p.gazetteer_id, p.name, p.feature_type, p.country, p.lat, p.lon,
             _dump(p)),
        )

    def _insert_actor(self, article_id: str, seq: int, a: Actor) -> None:
        self._conn.execute(
            "INSERT INTO actors(article_id, seq, name, kind, country, payload)"
            " VALUES (?,?,?,?,?,?)",
            (article_id, seq, a.name, a.kind, a.country, _dump(a)),
        )

    def _insert_quote(self, article_id: str, seq: int, q: Quote) -> None:
        self._conn.execute(
            "INSERT INTO quotes(article_id, seq, id, speaker, payload) VALUES (?,?,?,?,?)",
            (article_id, seq, q.id, q.speaker, _dump(q)),
        )

    def _insert_claim(self, article_id: str, seq: int, c: Claim) -> None:
        self._conn.execute(
            "INSERT INTO claims(article_id, seq, id, claimant, event_id, stance, payload)"
            " VALUES (?,?,?,?,?,?,?)",
            (article_id, seq, c.id, c.claimant, c.event_id, c.stance, _dump(c)),
        )

    def _insert_figure(self, article_id: str, seq: int, f: Figure) -> None:
        self._conn.execute(
            "INSERT INTO figures(article_id, seq, quantity, unit, event_id, payload)"
            " VALUES (?,?,?,?,?,?)",
            (article_id, seq, f.quantity, f.unit, f.event_id, _dump(f)),
        )

    def record_error(self, name: str, error: str | BaseException) -> None:
        """Record that input ``name`` (file, URL or id) failed with ``error``."""
        text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
        self._conn.execute(
            "INSERT INTO ingest_errors(name, error, created_at) VALUES (?,?,?)",
            (name, text, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")),
        )

    # ---- reading
    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None."""
        row = self._conn.execute(
            "SELECT payload FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return Article.model_validate_json(row["payload"]) if row else None

    def get_extraction(self, article_id: str) -> Extraction | None:
        """The extraction stored for ``article_id``, or None."""
        article = self.get_article(article_id)
        if article is None:
            return None
        facts: dict[str, list[Any]] = {}
        for table, model in _FACT_TABLES.items():
            rows = self._conn.execute(
                f"SELECT payload FROM {table} WHERE article_id = ? ORDER BY seq",  # noqa: S608
                (article_id,),
            )
            facts[table] = [model.model_validate_json(r["payload"]) for r in rows]
        return Extraction(article=article, **facts)

    def iter_extractions(self) -> Iterator[Extraction]:
        """Every stored extraction, in ingest order."""
        ids = [r["id"] for r in self._conn.execute("SELECT id FROM articles ORDER BY ingested_at, id")]
        for article_id in ids:
            extraction = self.get_extraction(article_id)
            if extraction is not None:
                yield extraction

    def articles(self) -> list[Article]:
        """Every stored article, in ingest order."""
        rows = self._conn.execute("SELECT payload FROM articles ORDER BY ingested_at, id")
        return [Article.model_validate_json(r["payload"]) for r in rows]

    def errors(self) -> list[dict[str, Any]]:
        """Recorded ingest errors, oldest first."""
        rows = self._conn.execute(
            "SELECT name, error, created_at FROM ingest_errors ORDER BY pk"
        )
        return [dict(r) for r in rows]

    def iter_events(self, **filters: Any) -> Iterator[Event]:
        """Stored events matching ``filters`` (see :class:`Store`), by date."""
        for stored in self.iter_stored_events(**filters):
            yield stored.event

    def iter_stored_events(self, **filters: Any) -> Iterator[StoredEvent]:
        """Like :meth:`iter_events`, with the article id and ingest time of each event."""
        where, params, tail = _event_query(filters)
        sql = (
            "SELECT e.article_id, a.ingested_at, e.payload FROM events e"
            " JOIN articles a ON a.id = e.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY e.date IS NULL, e.date, a.ingested_at, e.article_id, e.seq"
            + tail
        )
        for row in self._conn.execute(sql, params):
            yield StoredEvent(
                row["article_id"], float(row["ingested_at"]), Event.model_validate_json(row["payload"])
            )

    def counts(self) -> dict[str, int]:
        """Number of rows of each kind."""
        out = {}
        for key, table in [
            ("articles", "articles"),
            ("events", "events"),
            ("places", "places"),
            ("actors", "actors"),
            ("quotes", "quotes"),
            ("claims", "claims"),
            ("figures", "figures"),
            ("errors", "ingest_errors"),
        ]:
            (out[key],) = self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()  # noqa: S608
        return out


_FACT_TABLES: dict[str, type] = {
    "events": Event,
    "places": Place,
    "actors": Actor,
    "quotes": Quote,
    "claims": Claim,
    "figures": Figure,
}

_FILTER_KEYS = {
    "start", "end", "event_type", "sub_event_type", "country", "bbox", "place", "actor",
    "limit", "offset",
}


def _event_query(filters: dict[str, Any]) -> tuple[list[str], list[Any], str]:
    """WHERE clauses, parameters and LIMIT/OFFSET tail for the event filters."""
    unknown = set(filters) - _FILTER_KEYS
    if unknown:
        raise TypeError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    f = {k: v for k, v in filters.items() if v is not None}
    where: list[str] = []
    params: list[Any] = []
    if "start" in f:
        where.append("e.date >= ?")
        params.append(_iso(f["start"]))
    if "end" in f:
        where.append("e.date <= ?")
        params.append(_iso(f["end"]))
    if "event_type" in f:
        where.append("e.event_type = ?")
        params.append(f["event_type"])
    if "sub_event_type" in f:
        where.append("e.sub_event_type = ?")
        params.append(f["sub_event_type"])
    if "country" in f:
        where.append("e.country = ?")
        params.append(_country_code(str(f["country"])))
    if "bbox" in f:
        minlon, minlat, maxlon, maxlat = (float(x) for x in f["bbox"])
        where.append("e.lat BETWEEN ? AND ?")
        params += [minlat, maxlat]
        if minlon <= maxlon:
            where.append("e.lon BETWEEN ? AND ?")
            params += [minlon, maxlon]
        else:  # crosses the antimeridian
            where.append("(e.lon >= ? OR e.lon <= ?)")
            params += [minlon, maxlon]
    if "place" in f:
        where.append("e.location LIKE ? ESCAPE '\\'")
        params.append(_like(str(f["place"])))
    if "actor" in f:
        where.append("e.actors LIKE ? ESCAPE '\\'")
        params.append(_like(str(f["actor"])))
    tail = ""
    if "limit" in f or "offset" in f:
        tail = " LIMIT ? OFFSET ?"
        params += [int(f.get("limit", -1)), int(f.get("offset", 0))]
    return where, params, tail


def _country_code(value: str) -> str:
    """ISO2 code for an ISO2/ISO3 code or English country name (else the input, upper-cased)."""
    from .export import lookup_country

    country = lookup_country(value)
    return country.iso2 if country else value.strip().upper()


def _statements(script: str) -> list[str]:
    """Split an SQL script into complete statements."""
    out, buf = [], ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    rest = buf[:-1].strip()  # drop the ";" added after the last piece
    if rest:
        out.append(rest)
    return [st for st in out if st.strip(" \t\r\n;")]


__all__ = [
    "AddResult",
    "MIGRATIONS",
    "SQLiteStore",
    "Store",
    "StoredEvent",
    "default_path",
    "open_store",
    "schema_version",
]
