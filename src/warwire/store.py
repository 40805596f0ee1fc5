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
import hashlib
import json
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
    #: Set when the article was stored as a republished copy of this stored article.
    copy_of: str | None = None
    #: How many of the article's events were merged into events of other articles.
    merged: int = 0


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

#: Step 2 (issue 5): republished copies and cross-article event merges.
#: ``events.merged_into`` is the pk of the event a row was merged into (NULL: shown itself);
#: ``events.merged_payload`` the cluster's merged event (all sources) when it has members or
#: copies.  ``merges`` and ``article_copies`` keep each decision with its explanation and
#: ``undone_at`` once ``unmerge`` reversed it.  ``article_signatures``/``signature_bands`` are
#: the MinHash signatures and LSH band keys used to find copies.  A copy whose cleaned text is
#: identical to the stored article's (same content hash) has no ``articles`` row: its id is
#: ``<article id>~<outlet hash>`` and its article lives in ``article_copies.payload``.
_V2_MERGES = """
ALTER TABLE events ADD COLUMN merged_into INTEGER REFERENCES events(pk) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN merged_payload TEXT;
CREATE INDEX events_merged_into ON events(merged_into);
CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    num_perm   INTEGER NOT NULL,
    signature  BLOB NOT NULL
);
CREATE TABLE signature_bands (
    band       INTEGER NOT NULL,
    bucket     BLOB NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX signature_bands_key ON signature_bands(band, bucket);
CREATE TABLE article_copies (
    article_id  TEXT PRIMARY KEY,
    copy_of     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    outlet      TEXT,
    similarity  REAL NOT NULL,
    explanation TEXT NOT NULL,
    event_ids   TEXT NOT NULL,
    payload     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX article_copies_copy_of ON article_copies(copy_of);
CREATE TABLE merges (
    pk          INTEGER PRIMARY KEY,
    event_pk    INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
    into_pk     INTEGER NOT NULL REFERENCES events(pk) ON DELETE CASCADE,
    score       REAL NOT NULL,
    explanation TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX merges_event ON merges(event_pk);
CREATE INDEX merges_into ON merges(into_pk);
"""
MIGRATIONS.append(_V2_MERGES)


def _v_api_search(conn: sqlite3.Connection) -> None:
    """Step (issue 6): what the HTTP API's map queries need; every statement is idempotent.

    ``events_rtree`` is an R*Tree over (lon, lat, julian day; 0 = undated) of each located
    event that is shown (not merged into another), with the exact ``lat``, ``lon`` and ``date``
    as auxiliary columns so that bbox + date pages are counted and ordered from it alone;
    ``events_fts`` a full-text index (FTS5, when SQLite has it) of each event's notes, place,
    actors and evidence.  Triggers keep both in step inside the writer's transaction.
    """
    merged = any(r[1] == "merged_into" for r in conn.execute("PRAGMA table_info(events)"))
    shown = "{0}.merged_into IS NULL" if merged else "1"
    day = "coalesce(julianday({0}.date), 0)"
    conn.execute("CREATE INDEX IF NOT EXISTS events_date_geo ON events(date, lon, lat)")
    conn.execute(
        "CREATE INDEX IF NOT EXISTS events_place_id"
        " ON events(json_extract(payload, '$.location.gazetteer_id'))"
    )
    conn.execute("CREATE INDEX IF NOT EXISTS places_country ON places(country)")
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS events_rtree USING rtree("
        "pk, minlon, maxlon, minlat, maxlat, minday, maxday, +lat, +lon, +date)"
    )
    rtree_row = (
        "SELECT {0}.pk, {0}.lon, {0}.lon, {0}.lat, {0}.lat, " + day + ", " + day
        + ", {0}.lat, {0}.lon, {0}.date"
        + " WHERE {0}.lat IS NOT NULL AND {0}.lon IS NOT NULL AND " + shown
    )
    conn.execute("INSERT OR REPLACE INTO events_rtree " + rtree_row.format("e").replace(
        " WHERE", " FROM events e WHERE"))
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS events_rtree_ai AFTER INSERT ON events BEGIN"
        " INSERT OR REPLACE INTO events_rtree " + rtree_row.format("NEW") + "; END"
    )
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS events_rtree_ad AFTER DELETE ON events BEGIN"
        " DELETE FROM events_rtree WHERE pk = OLD.pk; END"
    )
    changed = "lat, lon, date" + (", merged_into" if merged else "")
    conn.execute(
        f"CREATE TRIGGER IF NOT EXISTS events_rtree_au AFTER UPDATE OF {changed} ON events"
        " BEGIN DELETE FROM events_rtree WHERE pk = OLD.pk;"
        " INSERT INTO events_rtree " + rtree_row.format("NEW") + "; END"
    )
    try:
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(body,"
            " tokenize = 'unicode61 remove_diacritics 2')"
        )
    except sqlite3.OperationalError as exc:  # SQLite built without FTS5: the API uses LIKE
        log.warning("no full-text index of events (%s)", exc)
        return
    body = (
        "coalesce(json_extract({0}.payload, '$.notes'), '') || ' ' || coalesce({0}.location, '')"
        " || ' ' || replace({0}.actors, char(10), ' ') || ' ' || {0}.sub_event_type || ' ' ||"
        " coalesce((SELECT group_concat(json_extract(j.value, '$.text'), ' ')"
        " FROM json_each({0}.payload, '$.evidence') j), '')"
    )
    conn.execute(
        "INSERT OR REPLACE INTO events_fts(rowid, body) SELECT e.pk, " + body.format("e")
        + " FROM events e"
    )
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS events_fts_ai AFTER INSERT ON events BEGIN"
        " INSERT INTO events_fts(rowid, body) VALUES (NEW.pk, " + body.format("NEW") + "); END"
    )
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS events_fts_ad AFTER DELETE ON events BEGIN"
        " DELETE FROM events_fts WHERE rowid = OLD.pk; END"
    )
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS events_fts_au AFTER UPDATE OF payload, location, actors"
        " ON events BEGIN DELETE FROM events_fts WHERE rowid = OLD.pk;"
        " INSERT INTO events_fts(rowid, body) VALUES (NEW.pk, " + body.format("NEW") + "); END"
    )


MIGRATIONS.append(_v_api_search)

#: Step (issue 7): bookkeeping of ``warwire batch`` and ``warwire watch``.  ``batch_items``
#: marks each input item done (keyed by a hash of its content and options) so a killed batch
#: resumes where it stopped; ``feeds`` keeps each polled feed's HTTP validators and back-off;
#: ``feed_items`` the items already seen per feed (with the stored article or the last error).
_V_BATCH = """
CREATE TABLE batch_items (
    item_key   TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    article_id TEXT,
    error      TEXT,
    done_at    TEXT NOT NULL
);
CREATE TABLE feeds (
    url          TEXT PRIMARY KEY,
    title        TEXT,
    etag         TEXT,
    modified     TEXT,
    failures     INTEGER NOT NULL DEFAULT 0,
    next_poll    REAL NOT NULL DEFAULT 0,
    last_error   TEXT,
    polled_at    TEXT
);
CREATE TABLE feed_items (
    feed_url   TEXT NOT NULL,
    item_id    TEXT NOT NULL,
    link       TEXT,
    article_id TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT,
    seen_at    TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_id)
);
"""
MIGRATIONS.append(_V_BATCH)


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
                copy_id = self._identical_copy(extraction, dup["id"])
                if copy_id is not None:  # the same text from another outlet
                    conn.execute("COMMIT")
                    return AddResult(copy_id, True, 0, None, copy_of=dup["id"])
                conn.execute("ROLLBACK")
                log.info("article %s already stored as %s", art.id, dup["id"])
                return AddResult(art.id, False, 0, dup["id"])
            self._insert_article(art)
            copy_of = self._store_if_copy(extraction)  # a republished copy adds no facts
            if copy_of is not None:
                conn.execute("COMMIT")
                return AddResult(art.id, True, 0, None, copy_of=copy_of)
            self._insert_facts(art, extraction)
            merged = self._merge_article_events(art)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return AddResult(art.id, True, len(extraction.events), None, merged=merged)

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

    def _insert_facts(self, art: Article, ext: Extraction) -> None:
        """Insert every fact of an article's extraction (inside the caller's transaction)."""
        for seq, event in enumerate(ext.events):
            self._insert_event(art, seq, event)
        for seq, place in enumerate(ext.places):
            self._insert_place(art.id, seq, place)
        for seq, actor in enumerate(ext.actors):
            self._insert_actor(art.id, seq, actor)
        for seq, quote in enumerate(ext.quotes):
            self._insert_quote(art.id, seq, quote)
        for seq, claim in enumerate(ext.claims):
            self._insert_claim(art.id, seq, claim)
        for seq, figure in enumerate(ext.figures):
            self._insert_figure(art.id, seq, figure)

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

    # ---- republished copies and event merges (issue 5; see warwire.merge)
    def _store_if_copy(self, extraction: Extraction) -> str | None:
        """Index the article's MinHash; when it copies a stored article, link it and return that id.

        Runs inside :meth:`add`'s transaction.  A copy's own facts are kept (``payload``) for
        ``unmerge`` but not inserted: its outlet joins the events of the original it repeats.
        """
        from . import merge

        art = extraction.article
        if art.status != "ok" or not art.text.strip():
            return None
        rules = merge.load_rules()
        mh = merge.signature(art.text, rules)
        keys = merge.band_keys(mh, rules)
        candidates: list[str] = []
        for band, bucket in keys:
            for row in self._conn.execute(
                "SELECT article_id FROM signature_bands WHERE band = ? AND bucket = ?", (band, bucket)
            ):
                if row["article_id"] not in candidates and row["article_id"] != art.id:
                    candidates.append(row["article_id"])
        self._conn.execute(
            "INSERT INTO article_signatures(article_id, num_perm, signature) VALUES (?,?,?)",
            (art.id, len(mh.hashvalues), merge.signature_bytes(mh)),
        )
        self._conn.executemany(
            "INSERT INTO signature_bands(band, bucket, article_id) VALUES (?,?,?)",
            [(b, k, art.id) for b, k in keys],
        )
        best: tuple[str, merge.CopyCheck] | None = None
        for cand in candidates:
            original = self._original_of(cand)
            if original is None:
                continue
            stored = self.get_article(original)
            if stored is None:
                continue
            check = merge.compare_texts(art.text, stored.text, rules)
            if check.is_copy and (best is None or check.jaccard > best[1].jaccard):
                best = (original, check)
        if best is None:
            return None
        original, check = best
        self._link_copy(extraction, art.id, original, check)
        return original

    def _identical_copy(self, extraction: Extraction, stored_id: str) -> str | None:
        """Link an article whose cleaned text is already stored, when it comes from a new outlet.

        Returns the copy's id, or None when the outlet is already a source (a re-ingest: no-op).
        """
        from . import merge

        art = extraction.article
        outlet = art.source or art.original_source
        original = self._original_of(stored_id) or stored_id
        stored = self.get_article(original)
        if outlet is None or stored is None or art.status != "ok":
            return None
        known = {stored.source, stored.original_source} | {
            r["outlet"] for r in self._conn.execute(
                "SELECT outlet FROM article_copies WHERE copy_of = ? AND undone_at IS NULL", (original,))
        }
        if outlet in known:
            return None
        copy_id = f"{art.id}~{hashlib.sha1(outlet.encode()).hexdigest()[:8]}"
        if self._conn.execute("SELECT 1 FROM article_copies WHERE article_id = ?", (copy_id,)).fetchone():
            return None
        check = merge.compare_texts(art.text, stored.text)
        self._link_copy(extraction.model_copy(update={"article": art.model_copy(update={"id": copy_id})}),
                        copy_id, original, check)
        return copy_id

    def _link_copy(self, extraction: Extraction, copy_id: str, original: str, check: Any) -> None:
        """Record ``copy_id`` as a copy of ``original``: its outlet joins the events it repeats."""
        from . import merge

        art = extraction.article
        orig_events = [
            (r["pk"], Event.model_validate_json(r["payload"]))
            for r in self._conn.execute(
                "SELECT pk, payload FROM events WHERE article_id = ? ORDER BY seq", (original,)
            )
        ]
        covered = merge.events_in_copy([e for _, e in orig_events], art.text)
        outlet = art.source or art.original_source
        art_id = copy_id
        explanation = {"kind": "copy", "original": original, **check.explain(),
                       "events": covered, "outlet": outlet}
        self._conn.execute(
            "INSERT INTO article_copies(article_id, copy_of, outlet, similarity, explanation,"
            " event_ids, payload, created_at) VALUES (?,?,?,?,?,?,?,?)",
            (art_id, original, outlet, check.jaccard, json.dumps(explanation), json.dumps(covered),
             _dump(extraction), _now()),
        )
        for pk, ev in orig_events:
            if ev.id in covered:
                self._conn.execute(
                    "INSERT INTO event_sources(event_pk, article_id, outlet) VALUES (?,?,?)",
                    (pk, art_id, outlet),
                )
                self._refresh_cluster(pk)
        log.info("article %s is a republished copy of %s (Jaccard %.3f, containment %.3f)",
                 art_id, original, check.jaccard, check.containment)

    def _original_of(self, article_id: str) -> str | None:
        """The article a copy was linked to (itself when it is not a copy)."""
        row = self._conn.execute(
            "SELECT copy_of FROM article_copies WHERE article_id = ? AND undone_at IS NULL",
            (article_id,),
        ).fetchone()
        return row["copy_of"] if row else article_id

    def _merge_article_events(self, art: Article) -> int:
        """Merge each event of a just-inserted article into the best matching stored event."""
        from . import merge

        rules = merge.load_rules()
        rows = list(self._conn.execute(
            "SELECT pk, payload FROM events WHERE article_id = ? ORDER BY seq", (art.id,)
        ))
        taken: set[int] = set()
        merged = 0
        for row in rows:
            ev = Event.model_validate_json(row["payload"])
            cands = [c for c in self._merge_candidates(art.id, ev, rules) if c["pk"] not in taken]
            if not cands:
                continue
            found = merge.best_match(ev, [Event.model_validate_json(c["payload"]) for c in cands], rules)
            if found is None:
                continue
            into = cands[found[0]]["pk"]
            decision = found[1]
            self._conn.execute("UPDATE events SET merged_into = ? WHERE pk = ?", (into, row["pk"]))
            self._conn.execute(
                "INSERT INTO merges(event_pk, into_pk, score, explanation, created_at) VALUES (?,?,?,?,?)",
                (row["pk"], into, decision.score, json.dumps(decision.explain()), _now()),
            )
            taken.add(into)
            self._refresh_cluster(into)
            merged += 1
            log.info("event %s merged into stored event pk %d (%s)", ev.id, into, decision.summary())
        return merged

    def _merge_candidates(self, article_id: str, ev: Event, rules: Any) -> list[sqlite3.Row]:
        """Shown events of other articles that ``ev`` could merge with, from the R*Tree.

        Only events within the place search radius (a bounding box around ``ev``'s location)
        and within the widest date window (or undated) are read; an event without a location
        never merges.  An event already holding a report of this article is left out: the
        events stage told the article's events apart.
        """
        import math

        from . import merge

        radius = merge.search_radius_km(ev.location, rules)
        if radius is None or ev.location is None:
            return []
        lat, lon = ev.location.lat, ev.location.lon
        dlat = radius / 110.0
        dlon = min(180.0, radius / (111.0 * max(math.cos(math.radians(lat)), 0.01)))
        box = "r.minlon <= ? AND r.maxlon >= ? AND r.minlat <= ? AND r.maxlat >= ?"
        box_params: list[Any] = [lon + dlon, lon - dlon, lat + dlat, lat - dlat]
        rest = (
            " AND e.article_id != ? AND e.merged_into IS NULL"
            " AND (e.country IS NULL OR ? IS NULL OR e.country = ?)"
            " AND NOT EXISTS (SELECT 1 FROM events m WHERE m.merged_into = e.pk AND m.article_id = ?)"
        )
        country = ev.location.country.upper() if ev.location.country else None
        rest_params = [article_id, country, country, article_id]
        select = "SELECT e.pk, e.payload FROM events_rtree r CROSS JOIN events e ON e.pk = r.pk WHERE " + box
        if ev.date is None:
            sql, params = select + rest, box_params + rest_params
        else:
            window = max(rules.events.date_window.values())
            day = ev.date.toordinal() + 1721424.5  # SQLite julianday() of the date
            sql = (select + " AND r.minday <= ? AND r.maxday >= ?" + rest
                   + " UNION ALL " + select + " AND r.maxday <= 0" + rest + " ORDER BY 1")
            params = (box_params + [day + window + 1, day - window - 1] + rest_params
                      + box_params + rest_params)
        return list(self._conn.execute(sql, params))

    def _outlet(self, article_id: str, ev: Event | None = None) -> str | None:
        if ev is not None and ev.sources:
            return ev.sources[0]
        art = self.get_article(article_id)
        return (art.original_source or art.source) if art else None

    def _copy_contributions(self, article_id: str, event_id: str) -> list[Any]:
        from .merge import Contribution

        out = []
        for r in self._conn.execute(
            "SELECT article_id, outlet, event_ids FROM article_copies"
            " WHERE copy_of = ? AND undone_at IS NULL ORDER BY created_at, article_id",
            (article_id,),
        ):
            if event_id in json.loads(r["event_ids"]):
                out.append(Contribution(r["article_id"], r["outlet"]))
        return out

    def _refresh_cluster(self, pk: int) -> None:
        """Recompute the merged view of the cluster that event row ``pk`` belongs to."""
        from .merge import Contribution, merged_view

        row = self._conn.execute("SELECT merged_into FROM events WHERE pk = ?", (pk,)).fetchone()
        if row is None:
            return
        head = row["merged_into"] or pk
        base_row = self._conn.execute(
            "SELECT article_id, payload FROM events WHERE pk = ?", (head,)
        ).fetchone()
        base = Event.model_validate_json(base_row["payload"])
        if not base.article_ids:
            base.article_ids = [base_row["article_id"]]
            outlet = self._outlet(base_row["article_id"], base)
            base.sources = [outlet] if outlet else []
        contributions = self._copy_contributions(base_row["article_id"], base.id)
        for m in self._conn.execute(
            "SELECT pk, article_id, payload FROM events WHERE merged_into = ? ORDER BY pk", (head,)
        ):
            mev = Event.model_validate_json(m["payload"])
            contributions.append(Contribution(m["article_id"], self._outlet(m["article_id"], mev), mev))
            contributions += self._copy_contributions(m["article_id"], mev.id)
            self._conn.execute("UPDATE events SET merged_payload = NULL WHERE pk = ?", (m["pk"],))
        if not contributions:
            self._conn.execute(
                "UPDATE events SET merged_payload = NULL, contested = ?, fatalities = ? WHERE pk = ?",
                (int(base.contested), base.fatalities, head),
            )
            return
        view = merged_view(base, contributions)
        self._conn.execute(
            "UPDATE events SET merged_payload = ?, contested = ?, fatalities = ? WHERE pk = ?",
            (_dump(view), int(view.contested), view.fatalities, head),
        )

    def merges(self, include_undone: bool = False) -> list[dict[str, Any]]:
        """Merge decisions, oldest first: event merges (``m<N>``) and copies (the copy's article id).

        Each: ``id``, ``kind`` (event | copy), ``event_id``/``article_id`` merged,
        ``into_event_id``/``into_article_id``, ``score``, ``explanation`` (scores and reasons per
        criterion), ``created_at``, ``undone_at``.
        """
        out: list[dict[str, Any]] = []
        for r in self._conn.execute(
            "SELECT m.pk, m.score, m.explanation, m.created_at, m.undone_at,"
            " e.id AS event_id, e.article_id, i.id AS into_id, i.article_id AS into_article"
            " FROM merges m JOIN events e ON e.pk = m.event_pk JOIN events i ON i.pk = m.into_pk"
            + ("" if include_undone else " WHERE m.undone_at IS NULL") + " ORDER BY m.pk"
        ):
            out.append({
                "id": f"m{r['pk']}", "kind": "event", "event_id": r["event_id"],
                "article_id": r["article_id"], "into_event_id": r["into_id"],
                "into_article_id": r["into_article"], "score": r["score"],
                "explanation": json.loads(r["explanation"]), "created_at": r["created_at"],
                "undone_at": r["undone_at"],
            })
        for r in self._conn.execute(
            "SELECT * FROM article_copies"
            + ("" if include_undone else " WHERE undone_at IS NULL") + " ORDER BY created_at"
        ):
            out.append({
                "id": r["article_id"], "kind": "copy", "event_id": None,
                "article_id": r["article_id"], "into_event_id": None,
                "into_article_id": r["copy_of"], "score": r["similarity"],
                "explanation": json.loads(r["explanation"]), "created_at": r["created_at"],
                "undone_at": r["undone_at"],
            })
        return out

    def event_reports(self, event_id: str) -> list[tuple[str, Event]]:
        """``(article_id, event)`` of every stored report in the cluster of ``event_id``."""
        row = self._conn.execute(
            "SELECT pk, merged_into FROM events WHERE id = ? ORDER BY pk LIMIT 1", (event_id,)
        ).fetchone()
        if row is None:
            return []
        head = row["merged_into"] or row["pk"]
        return [
            (r["article_id"], Event.model_validate_json(r["payload"]))
            for r in self._conn.execute(
                "SELECT article_id, payload FROM events WHERE pk = ? OR merged_into = ? ORDER BY pk",
                (head, head),
            )
        ]

    def event_claims(self, event_id: str) -> list[tuple[str, Claim]]:
        """``(article_id, claim)`` for every claim any report of the event's cluster makes."""
        out: list[tuple[str, Claim]] = []
        for article_id, ev in self.event_reports(event_id):
            for r in self._conn.execute(
                "SELECT payload FROM claims WHERE article_id = ? AND event_id = ? ORDER BY seq",
                (article_id, ev.id),
            ):
                out.append((article_id, Claim.model_validate_json(r["payload"])))
        return out

    def unmerge(self, target: str) -> list[str]:
        """Undo merge decisions; return one line per decision undone (empty: nothing matched).

        ``target``: a merge id (``m12``), an event id (a merged report is split off; a cluster's
        head is split from all its reports) or a copy's article id (the copy becomes an article
        of its own with its facts).  One transaction.
        """
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            done = self._unmerge(target)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return done

    def _unmerge(self, target: str) -> list[str]:
        done: list[str] = []
        copy = self._conn.execute(
            "SELECT * FROM article_copies WHERE article_id = ? AND undone_at IS NULL", (target,)
        ).fetchone()
        if copy is not None:
            ext = Extraction.model_validate_json(copy["payload"])
            self._conn.execute(
                "UPDATE article_copies SET undone_at = ? WHERE article_id = ?", (_now(), target)
            )
            pks = [r["pk"] for r in self._conn.execute(
                "SELECT DISTINCT s.event_pk AS pk FROM event_sources s JOIN events e ON e.pk = s.event_pk"
                " WHERE s.article_id = ? AND e.article_id = ?", (target, copy["copy_of"]))]
            self._conn.execute(
                "DELETE FROM event_sources WHERE article_id = ? AND event_pk IN"
                " (SELECT pk FROM events WHERE article_id = ?)", (target, copy["copy_of"])
            )
            art = ext.article
            if self.get_article(art.id) is None:  # identical text: nothing of its own to restore
                for pk in pks:
                    self._refresh_cluster(pk)
                done.append(f"{target}: no longer a source of {copy['copy_of']}'s events")
                return done
            self._insert_facts(art, ext)
            for pk in pks:
                self._refresh_cluster(pk)
            done.append(f"{target}: no longer a copy of {copy['copy_of']}; its {len(ext.events)} events stored")
            return done
        records: list[sqlite3.Row] = []
        if target.startswith("m") and target[1:].isdigit():
            records = list(self._conn.execute(
                "SELECT * FROM merges WHERE pk = ? AND undone_at IS NULL", (int(target[1:]),)))
        else:
            for row in self._conn.execute("SELECT pk, merged_into FROM events WHERE id = ?", (target,)):
                if row["merged_into"] is not None:
                    records += list(self._conn.execute(
                        "SELECT * FROM merges WHERE event_pk = ? AND undone_at IS NULL", (row["pk"],)))
                else:
                    records += list(self._conn.execute(
                        "SELECT * FROM merges WHERE into_pk = ? AND undone_at IS NULL", (row["pk"],)))
        for rec in records:
            self._conn.execute("UPDATE merges SET undone_at = ? WHERE pk = ?", (_now(), rec["pk"]))
            self._conn.execute(
                "UPDATE events SET merged_into = NULL WHERE pk = ? AND merged_into = ?",
                (rec["event_pk"], rec["into_pk"]),
            )
            self._refresh_cluster(rec["into_pk"])
            self._refresh_cluster(rec["event_pk"])
            ids = {r["pk"]: r["id"] for r in self._conn.execute(
                "SELECT pk, id FROM events WHERE pk IN (?, ?)", (rec["event_pk"], rec["into_pk"]))}
            done.append(f"m{rec['pk']}: {ids[rec['event_pk']]} split from {ids[rec['into_pk']]}")
        return done

    # ---- batch / feed bookkeeping (issue 7)
    def batch_done(self, keys: list[str], *, failed: bool = True) -> set[str]:
        """The item keys among ``keys`` that a batch already finished (``failed``: or failed)."""
        done: set[str] = set()
        only_ok = "" if failed else " AND error IS NULL"
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT item_key FROM batch_items WHERE item_key IN ({marks}){only_ok}"  # noqa: S608
            done.update(r[0] for r in self._conn.execute(sql, part))
        return done

    def mark_batch_item(
        self, key: str, name: str, article_id: str | None = None, error: str | None = None
    ) -> None:
        """Mark a batch item done; a failed one also gets its ingest error (one transaction).

        The first mark of a key wins (marking it again changes nothing) unless that one failed.
        """
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            cur = self._conn.execute(
                "INSERT INTO batch_items(item_key, name, article_id, error, done_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT(item_key) DO UPDATE SET"
                " article_id = excluded.article_id, error = excluded.error,"
                " done_at = excluded.done_at WHERE batch_items.error IS NOT NULL",
                (key, name, article_id, error, now),
            )
            if error is not None and cur.rowcount == 1:
                self._conn.execute(
                    "INSERT INTO ingest_errors(name, error, created_at) VALUES (?,?,?)",
                    (name, error, now),
                )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def feed_state(self, url: str) -> dict[str, Any] | None:
        """The stored polling state of feed ``url`` (etag, modified, failures, ...), or None."""
        row = self._conn.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else None

    def save_feed_state(self, url: str, **fields: Any) -> None:
        """Create or update the polling state of feed ``url`` (columns of ``feeds``)."""
        allowed = {"title", "etag", "modified", "failures", "next_poll", "last_error", "polled_at"}
        bad = set(fields) - allowed
        if bad:
            raise TypeError(f"unknown feed field(s): {', '.join(sorted(bad))}")
        self._conn.execute("INSERT OR IGNORE INTO feeds(url) VALUES (?)", (url,))
        if fields:
            sets = ", ".join(f"{k} = ?" for k in fields)
            self._conn.execute(
                f"UPDATE feeds SET {sets} WHERE url = ?", (*fields.values(), url)  # noqa: S608
            )

    def feed_item(self, feed_url: str, item_id: str) -> dict[str, Any] | None:
        """What is known of one feed item (article_id, attempts, error), or None if unseen."""
        row = self._conn.execute(
            "SELECT * FROM feed_items WHERE feed_url = ? AND item_id = ?", (feed_url, item_id)
        ).fetchone()
        return dict(row) if row else None

    def mark_feed_item(
        self,
        feed_url: str,
        item_id: str,
        link: str | None,
        article_id: str | None = None,
        error: str | None = None,
    ) -> None:
        """Record one attempt at a feed item (its stored article, or the error it failed with)."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._conn.execute(
                "INSERT INTO feed_items(feed_url, item_id, link, article_id, attempts, error,"
                " seen_at) VALUES (?,?,?,?,1,?,?) ON CONFLICT(feed_url, item_id) DO UPDATE SET"
                " link = excluded.link, article_id = excluded.article_id,"
                " attempts = attempts + 1, error = excluded.error",
                (feed_url, item_id, link, article_id, error, now),
            )
            if error is not None:
                self._conn.execute(
                    "INSERT INTO ingest_errors(name, error, created_at) VALUES (?,?,?)",
                    (link or item_id, error, now),
                )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

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
            "SELECT e.article_id, a.ingested_at, COALESCE(e.merged_payload, e.payload) AS payload"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE " + " AND ".join(["e.merged_into IS NULL", *where])
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
            ("events", "events WHERE merged_into IS NULL"),  # merged reports count once
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


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


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
