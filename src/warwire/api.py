"""HTTP API and the offline map page over a warwire store (FastAPI).

``create_app(db)`` builds the application; ``warwire serve`` runs it on uvicorn.

Reads use one read-only SQLite connection per thread (WAL: readers never block the writer)
and parameterised SQL only.  Map queries with a bbox go through the ``events_rtree`` R*Tree
(lon, lat, day) and text queries through ``events_fts`` (see ``store._v_api_search``).  Writes
(``POST /articles``) go through the same path as ``warwire ingest`` — ``warwire.ingest``,
``warwire.pipeline.extract``, ``Store.add`` — one at a time, and only when an API key is set
(``WARWIRE_API_KEY``).  Every malformed parameter is a 4xx JSON error
``{"error": code, "message": text, "parameter": name}``.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import hmac
import io
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .model import EVENT_TYPES, SUB_EVENT_TYPES, Event
from .store import StoredEvent, open_store

log = logging.getLogger(__name__)

WEB_DIR = Path(__file__).parent / "web"
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
#: Default cap on a POST body (bytes); ``WARWIRE_MAX_BODY`` or ``max_body`` override it.
MAX_BODY_BYTES = 5_000_000
EXPORT_MEDIA = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
}
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


class ApiError(Exception):
    """A client error answered as ``{"error", "message", "parameter"}`` with ``status``."""

    def __init__(self, status: int, error: str, message: str, parameter: str | None = None):
        super().__init__(message)
        self.status, self.error, self.message, self.parameter = status, error, message, parameter


def _bad(parameter: str, message: str) -> ApiError:
    return ApiError(400, "invalid_parameter", f"{parameter}: {message}", parameter)


# --------------------------------------------------------------------------- response models


class ErrorOut(BaseModel):
    error: str = Field(description="Machine-readable code, e.g. invalid_parameter, not_found.")
    message: str
    parameter: str | None = None


class SourceOut(BaseModel):
    outlet: str | None = None
    article_id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None


class EventOut(BaseModel):
    """An event as stored (ACLED-coded; see ``warwire.model.Event``) with its sources and claims."""

    model_config = {"extra": "allow"}
    id: str
    event_type: str
    sub_event_type: str
    date: str | None = None
    location: dict[str, Any] | None = None
    actor1: str | None = None
    actor2: str | None = None
    fatalities: int = 0
    contested: bool = False
    article_id: str
    source_details: list[SourceOut]
    claims: list[dict[str, Any]]


class EventPage(BaseModel):
    events: list[EventOut]
    total: int = Field(description="Events matching the filters (all pages).")
    limit: int
    offset: int
    next_cursor: str | None = Field(None, description="Pass as ?cursor= for the next page.")


class AddOut(BaseModel):
    article_id: str
    added: bool
    events: int
    duplicate_of: str | None = None
    status: str | None = None


class ArticleIn(BaseModel):
    """One article to ingest: exactly like a line of ``warwire extract --jsonl``."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="HTML of the article page.")
    url: str | None = Field(None, description="http(s) URL to fetch (public addresses only).")
    id: str | None = None
    published: str | None = Field(None, description="Publication date YYYY-MM-DD.")
    source: str | None = Field(None, description="Outlet the article comes from.")
    title: str | None = None


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "A malformed parameter."},
    404: {"model": ErrorOut, "description": "No such item."},
}


# --------------------------------------------------------------------------- parameters


def parse_date(value: str | None, parameter: str, *, end: bool = False) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial ``end`` date means its last day."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _DATE_RE.match(value):
        raise _bad(parameter, f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            if not end:
                return first
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        if not 1 <= parts[0] <= 9999:
            raise ValueError("year out of range")
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    except ValueError as exc:
        raise _bad(parameter, f"{value!r} is not a valid date ({exc})") from None


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``minlon,minlat,maxlon,maxlat`` in degrees; minlon > maxlon crosses the antimeridian."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise _bad("bbox", f"expected four comma-separated numbers minlon,minlat,maxlon,maxlat, got {value!r}")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise _bad("bbox", f"{value!r} is not four numbers") from None
    if not all(math.isfinite(v) for v in (minlon, minlat, maxlon, maxlat)):
        raise _bad("bbox", "coordinates must be finite numbers")
    if not (-180 <= minlon <= 180 and -180 <= maxlon <= 180):
        raise _bad("bbox", "longitudes must be between -180 and 180")
    if not (-90 <= minlat <= 90 and -90 <= maxlat <= 90):
        raise _bad("bbox", "latitudes must be between -90 and 90")
    if minlat > maxlat:
        raise _bad("bbox", f"minlat {minlat} is greater than maxlat {maxlat}")
    return minlon, minlat, maxlon, maxlat


def parse_country(value: str | None) -> str | None:
    """ISO2 code for an ISO2/ISO3 code or English country name."""
    if value is None or value == "":
        return None
    from .export import lookup_country

    country = lookup_country(value)
    if country is None:
        raise _bad("country", f"unknown country {value!r} (ISO 3166-1 code or English name)")
    return country.iso2


def _parse_types(event_type: list[str] | None, sub_event_type: list[str] | None) -> tuple[list[str], list[str]]:
    types = [t for t in (event_type or []) if t != ""]
    subs = [s for s in (sub_event_type or []) if s != ""]
    for t in types:
        if t not in EVENT_TYPES:
            raise _bad("event_type", f"unknown event type {t!r}; one of: {', '.join(EVENT_TYPES)}")
    for s in subs:
        if s not in SUB_EVENT_TYPES:
            raise _bad("sub_event_type", f"unknown sub-event type {s!r}")
        if types and SUB_EVENT_TYPES[s] not in types:
            raise _bad("sub_event_type", f"{s!r} is a sub-type of {SUB_EVENT_TYPES[s]!r}, not of {', '.join(types)}")
    return types, subs


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word of ``text`` (as a quoted prefix term) must occur."""
    words = _WORD_RE.findall(text)
    if not words:
        raise _bad("q", f"{text!r} has no words to search for")
    return " ".join('"' + w.replace('"', "") + '"*' for w in words[:16])


@dataclasses.dataclass
class EventFilters:
    """Validated filters of ``/events``, ``/stats`` and ``/export``."""

    bbox: tuple[float, float, float, float] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    event_types: list[str] = dataclasses.field(default_factory=list)
    sub_event_types: list[str] = dataclasses.field(default_factory=list)
    actor: str | None = None
    country: str | None = None
    place: str | None = None
    q: str | None = None
    contested: bool | None = None
    article: str | None = None


def event_filters(
    bbox: str | None = None, start: str | None = None, end: str | None = None,
    event_type: list[str] | None = None, sub_event_type: list[str] | None = None,
    actor: str | None = None, country: str | None = None, place: str | None = None,
    q: str | None = None, contested: bool | None = None, article: str | None = None,
) -> EventFilters:
    """Validate raw query parameters (raises ApiError 400)."""
    f = EventFilters(
        bbox=parse_bbox(bbox), start=parse_date(start, "start"), end=parse_date(end, "end", end=True),
        actor=actor or None, country=parse_country(country), place=place or None,
        q=q.strip() if q and q.strip() else None, contested=contested, article=article or None,
    )
    if f.start and f.end and f.start > f.end:
        raise _bad("start", f"start {f.start} is after end {f.end}")
    f.event_types, f.sub_event_types = _parse_types(event_type, sub_event_type)
    if f.q is not None:
        fts_query(f.q)
    return f


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


# --------------------------------------------------------------------------- database


class Database:
    """Read-only, per-thread SQLite connections to the store, and the API's read queries."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        with open_store(self.path) as store:  # create / migrate once, with the writer's code
            del store
        self._local = threading.local()
        conn = self.conn()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
        self.has_rtree = "events_rtree" in tables
        self.has_fts = "events_fts" in tables
        self.merged = "merged_into" in columns  # issue 5: rows merged into another are hidden
        self.payload = "COALESCE(e.merged_payload, e.payload)" if "merged_payload" in columns else "e.payload"
        self.is_merged = "(e.merged_payload IS NOT NULL)" if "merged_payload" in columns else "0"
        self.write_lock = threading.Lock()

    def conn(self) -> sqlite3.Connection:
        """This thread's read-only connection."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA cache_size = -32768")  # 32 MB per reader
            conn.execute("PRAGMA mmap_size = 1073741824")  # read pages through mmap: no syscalls
            self._local.conn = conn
        return conn

    def store(self) -> Any:
        """This thread's writable :class:`~warwire.store.Store` (for writes and full extractions)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = open_store(self.path)
        return store

    # ---- events
    def _where(self, f: EventFilters) -> tuple[list[str], list[Any]]:
        # unary +: never let the planner scan the merged_into index for this near-universal test
        where: list[str] = ["+e.merged_into IS NULL"] if self.merged else []
        params: list[Any] = []
        if f.bbox is not None:
            minlon, minlat, maxlon, maxlat = f.bbox
            eps = 1e-4  # the R*Tree stores float32 bounds: widen, then filter exactly below
            if self.has_rtree:
                rt = ["minlat >= ?", "maxlat <= ?"]
                rp: list[Any] = [minlat - eps, maxlat + eps]
                if minlon <= maxlon:
                    rt += ["minlon >= ?", "maxlon <= ?"]
                    rp += [minlon - eps, maxlon + eps]
                if f.start is not None:
                    rt.append("minday >= julianday(?)")
                    rp.append(f.start.isoformat())
                if f.end is not None:
                    rt.append("maxday <= julianday(?) + 0.5")
                    rp.append(f.end.isoformat())
                where.append(f"e.pk IN (SELECT pk FROM events_rtree WHERE {' AND '.join(rt)})")
                params += rp
            where.append("e.lat BETWEEN ? AND ?")
            params += [minlat, maxlat]
            if minlon <= maxlon:
                where.append("e.lon BETWEEN ? AND ?")
                params += [minlon, maxlon]
            else:
                where.append("(e.lon >= ? OR e.lon <= ?)")
                params += [minlon, maxlon]
        if f.start is not None:
            where.append("e.date >= ?")
            params.append(f.start.isoformat())
        if f.end is not None:
            where.append("e.date <= ?")
            params.append(f.end.isoformat())
        if f.event_types:
            where.append(f"e.event_type IN ({','.join('?' * len(f.event_types))})")
            params += f.event_types
        if f.sub_event_types:
            where.append(f"e.sub_event_type IN ({','.join('?' * len(f.sub_event_types))})")
            params += f.sub_event_types
        if f.country is not None:
            where.append("e.country = ?")
            params.append(f.country)
        if f.actor is not None:
            where.append("e.actors LIKE ? ESCAPE '\\'")
            params.append(_like(f.actor))
        if f.place is not None:
            where.append(
                "(json_extract(e.payload, '$.location.gazetteer_id') = ? OR e.location LIKE ? ESCAPE '\\')"
            )
            params += [f.place, _like(f.place)]
        if f.contested is not None:
            where.append("e.contested = ?")
            params.append(int(f.contested))
        if f.article is not None:
            where.append("(e.article_id = ? OR e.pk IN (SELECT event_pk FROM event_sources WHERE article_id = ?))")
            params += [f.article, f.article]
        if f.q is not None:
            if self.has_fts:
                where.append("e.pk IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
                params.append(fts_query(f.q))
            else:
                for word in _WORD_RE.findall(f.q):
                    where.append("e.payload LIKE ? ESCAPE '\\'")
                    params.append(_like(word))
        return where, params

    def _rtree_only(self, f: EventFilters) -> tuple[list[str], list[Any]] | None:
        """R*Tree-only WHERE for filters that are just bbox and dates (the map's queries)."""
        if f.bbox is None or not self.has_rtree or any(
            (f.event_types, f.sub_event_types, f.actor, f.country, f.place, f.q, f.article,
             f.contested is not None)
        ):
            return None
        minlon, minlat, maxlon, maxlat = f.bbox
        eps = 1e-4  # the R*Tree's float32 bounds are widened; the exact test is on lat/lon/date
        where = ["minlat >= ?", "maxlat <= ?", "lat BETWEEN ? AND ?"]
        params: list[Any] = [minlat - eps, maxlat + eps, minlat, maxlat]
        if minlon <= maxlon:
            where += ["minlon >= ?", "maxlon <= ?", "lon BETWEEN ? AND ?"]
            params += [minlon - eps, maxlon + eps, minlon, maxlon]
        else:
            where.append("(lon >= ? OR lon <= ?)")
            params += [minlon, maxlon]
        if f.start is not None:
            where += ["minday >= julianday(?) - 0.5", "date >= ?"]
            params += [f.start.isoformat()] * 2
        if f.end is not None:
            where += ["maxday <= julianday(?) + 0.5", "date <= ?"]
            params += [f.end.isoformat()] * 2
        return where, params

    def search(
        self, f: EventFilters, *, limit: int | None, offset: int = 0, order: str = "desc",
        cursor: tuple[str | None, int] | None = None, with_payload: bool = True,
    ) -> list[sqlite3.Row]:
        """Rows (pk, id, article_id, ingested_at, date, payload, is_merged) of matching events,
        by date then pk (``order``), after ``cursor`` (date, pk) when given."""
        fast = self._rtree_only(f)
        prefix = "" if fast else "e."
        where, params = fast if fast else self._where(f)
        if cursor is not None:
            where, params = [*where], [*params]
            c_where, c_params = _after(prefix, order, *cursor)
            where.append(c_where)
            params += c_params
        direction = "DESC" if order == "desc" else "ASC"
        tail = f" ORDER BY {prefix}date {direction}, {prefix}pk {direction}"
        if limit is not None:
            tail += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        select = (
            f"SELECT e.pk, e.id, e.article_id, a.ingested_at, e.date,"
            f" {self.payload if with_payload else 'NULL'} AS payload,"
            f" {self.is_merged} AS is_merged FROM events e JOIN articles a ON a.id = e.article_id"
        )
        conn = self.conn()
        if fast is None:
            return conn.execute(select + (" WHERE " + " AND ".join(where) if where else "") + tail,
                                params).fetchall()
        pks = [r[0] for r in conn.execute(
            "SELECT pk FROM events_rtree WHERE " + " AND ".join(where) + tail, params)]
        rows: list[sqlite3.Row] = []
        for i in range(0, len(pks), 500):
            chunk = pks[i:i + 500]
            found = {r["pk"]: r for r in conn.execute(
                select + f" WHERE e.pk IN ({','.join('?' * len(chunk))})", chunk)}
            rows += [found[pk] for pk in chunk if pk in found]
        return rows

    def count(self, f: EventFilters) -> int:
        """Number of events matching ``f``."""
        fast = self._rtree_only(f)
        if fast is not None:
            sql = "SELECT COUNT(*) FROM events_rtree WHERE " + " AND ".join(fast[0])
            return int(self.conn().execute(sql, fast[1]).fetchone()[0])
        where, params = self._where(f)
        sql = "SELECT COUNT(*) FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.conn().execute(sql, params).fetchone()[0])

    def records(self, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
        """Event dicts with ``article_id``, ``source_details`` and ``claims`` for ``rows``."""
        return [json.loads(text) for text in self.records_json(rows)]

    def records_json(self, rows: list[sqlite3.Row]) -> list[str]:
        """Like :meth:`records`, as JSON texts.  Plain events are assembled by SQLite's JSON
        functions in one query; merged ones (issue 5) in Python with their members' facts."""
        plain = [r["pk"] for r in rows if not r["is_merged"]]
        docs: dict[int, str] = {}
        for i in range(0, len(plain), 500):
            chunk = plain[i:i + 500]
            sql = _DOC_SQL.format(payload=self.payload, marks=",".join("?" * len(chunk)))
            docs.update((r[0], r[1]) for r in self.conn().execute(sql, chunk))
        merged = [r for r in rows if r["is_merged"] or r["pk"] not in docs]
        if merged:
            docs.update(zip([r["pk"] for r in merged], self._records_python(merged)))
        return [docs[r["pk"]] for r in rows]

    def _records_python(self, rows: list[sqlite3.Row]) -> list[str]:
        if not rows:
            return []
        conn = self.conn()
        n = len(rows)
        sources: list[list[dict[str, Any]]] = [[] for _ in range(n)]
        claims: list[list[str]] = [[] for _ in range(n)]
        seen_claims: list[set[tuple[str, str]]] = [set() for _ in range(n)]
        by_pk = {r["pk"]: i for i, r in enumerate(rows)}
        by_id: dict[str, list[int]] = {}
        for i, r in enumerate(rows):
            by_id.setdefault(r["id"], []).append(i)
        if self.merged:  # events merged into these (issue 5): their sources and claims too
            marks = ",".join("?" * len(by_pk))
            for m in conn.execute(
                f"SELECT pk, id, merged_into FROM events WHERE merged_into IN ({marks})", list(by_pk)
            ).fetchall():
                i = by_pk[m["merged_into"]]
                by_pk[m["pk"]] = i
                if i not in by_id.setdefault(m["id"], []):
                    by_id[m["id"]].append(i)
        marks = ",".join("?" * len(by_pk))
        for s in conn.execute(
            "SELECT s.event_pk, s.article_id, s.outlet, a.url, a.title, a.published"
            f" FROM event_sources s LEFT JOIN articles a ON a.id = s.article_id WHERE s.event_pk IN ({marks})",
            list(by_pk),
        ):
            details = sources[by_pk[s["event_pk"]]]
            if any(d["article_id"] == s["article_id"] and d["outlet"] == s["outlet"] for d in details):
                continue
            details.append({"outlet": s["outlet"], "article_id": s["article_id"], "url": s["url"],
                            "title": s["title"], "published": s["published"]})
        marks = ",".join("?" * len(by_id))
        for c in conn.execute(
            f"SELECT id, event_id, article_id, payload FROM claims WHERE event_id IN ({marks})"
            " ORDER BY article_id, seq",
            list(by_id),
        ):
            text = _with(c["payload"], article_id=c["article_id"])
            for i in by_id.get(c["event_id"], []):
                if (c["id"], c["article_id"]) not in seen_claims[i]:
                    seen_claims[i].add((c["id"], c["article_id"]))
                    claims[i].append(text)
        out = []
        for i, r in enumerate(rows):
            payload = r["payload"]
            if payload is None:  # listed without payloads
                payload = conn.execute(f"SELECT {self.payload} FROM events e WHERE e.pk = ?",
                                       (r["pk"],)).fetchone()[0]
            if r["is_merged"]:  # sources of the whole cluster (issue 5)
                ev = json.loads(payload)
                self._merged_sources(ev, sources[i])
            out.append(_with(payload, article_id=r["article_id"], source_details=sources[i],
                             claims=_Raw("[" + ",".join(claims[i]) + "]")))
        return out

    def _merged_sources(self, ev: dict[str, Any], details: list[dict[str, Any]]) -> None:
        known = {s["article_id"] for s in details}
        outlets = ev.get("sources") or []
        for i, article_id in enumerate(ev.get("article_ids") or []):
            if article_id in known:
                continue
            row = self.conn().execute(
                "SELECT url, title, published, source FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            details.append({
                "outlet": outlets[i] if i < len(outlets) else (row["source"] if row else None),
                "article_id": article_id, "url": row["url"] if row else None,
                "title": row["title"] if row else None, "published": row["published"] if row else None,
            })

    def event_rows(self, event_id: str) -> list[sqlite3.Row]:
        return self.conn().execute(
            f"SELECT e.pk, e.id, e.article_id, a.ingested_at, e.date, {self.payload} AS payload,"
            f" {self.is_merged} AS is_merged" + (", e.merged_into" if self.merged else ", NULL AS merged_into")
            + " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ? ORDER BY e.pk",
            (event_id,),
        ).fetchall()


#: One JSON document per event: its payload plus article_id, source_details and claims.
_DOC_SQL = """
SELECT e.pk, json_set({payload},
  '$.article_id', e.article_id,
  '$.source_details', (SELECT json_group_array(json(d)) FROM (
      SELECT json_object('outlet', s.outlet, 'article_id', s.article_id, 'url', a.url,
                         'title', a.title, 'published', a.published) AS d
      FROM event_sources s LEFT JOIN articles a ON a.id = s.article_id
      WHERE s.event_pk = e.pk ORDER BY s.rowid)),
  '$.claims', (SELECT json_group_array(json(d)) FROM (
      SELECT json_set(c.payload, '$.article_id', c.article_id) AS d
      FROM claims c WHERE c.event_id = e.id ORDER BY c.article_id, c.seq))
) FROM events e WHERE e.pk IN ({marks})
"""


def _after(prefix: str, order: str, date: str | None, pk: int) -> tuple[str, list[Any]]:
    """Keyset condition: rows after (date, pk) in ``order`` (NULL dates last when descending)."""
    d, k = f"{prefix}date", f"{prefix}pk"
    if order == "desc":
        if date is None:
            return f"({d} IS NULL AND {k} < ?)", [pk]
        return f"({d} < ? OR ({d} = ? AND {k} < ?) OR {d} IS NULL)", [date, date, pk]
    if date is None:
        return f"(({d} IS NULL AND {k} > ?) OR {d} IS NOT NULL)", [pk]
    return f"({d} > ? OR ({d} = ? AND {k} > ?))", [date, date, pk]


class _Raw(str):
    """A JSON text to splice in as it is."""


def _with(payload: str, **extra: Any) -> str:
    """The JSON object text ``payload`` with ``extra`` keys appended (no re-parsing)."""
    body = payload.rstrip()
    if not body.endswith("}"):
        raise ValueError("payload is not a JSON object")
    parts = [f"{json.dumps(k)}:{v if isinstance(v, _Raw) else json.dumps(v, ensure_ascii=False)}"
             for k, v in extra.items()]
    sep = "," if body[:-1].rstrip() not in ("{", "") else ""
    return body[:-1] + sep + ",".join(parts) + "}"


# --------------------------------------------------------------------------- cursors


def encode_cursor(date: str | None, pk: int, order: str) -> str:
    raw = json.dumps([date, pk, order], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(value: str, order: str) -> tuple[str | None, int]:
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        date, pk, cur_order = json.loads(raw)
        if date is not None:
            dt.date.fromisoformat(date)
        if not isinstance(pk, int) or isinstance(pk, bool) or not 0 <= pk < 2**62:
            raise ValueError("bad key")
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise _bad("cursor", "not a cursor returned by this API") from None
    if cur_order != order:
        raise _bad("cursor", f"the cursor was made for order={cur_order}")
    return date, pk


# --------------------------------------------------------------------------- app


def _json(data: Any, status: int = 200) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body, status_code=status, media_type="application/json")


def _error(status: int, error: str, message: str, parameter: str | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "message": message, "parameter": parameter}, status_code=status)


def _dump(value: Any) -> Any:
    """JSON-able form of whatever a store method returns (models, dataclasses, dates)."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _dump(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): _dump(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def create_app(
    db: str | Path,
    *,
    api_key: str | None = None,
    max_body: int | None = None,
    cors_origins: list[str] | None = None,
    allow_private_urls: bool = False,
) -> FastAPI:
    """The FastAPI application serving the store at ``db``.

    ``api_key`` (default: ``WARWIRE_API_KEY``) enables ``POST /articles``; without one, writes
    are disabled.  ``max_body`` caps POST bodies (bytes; default ``WARWIRE_MAX_BODY`` or 5 MB).
    CORS is off unless ``cors_origins`` is given.
    """
    if str(db) == ":memory:":
        raise ValueError("the API needs a store file, not :memory:")
    database = Database(db)
    key = api_key if api_key is not None else os.environ.get("WARWIRE_API_KEY") or None
    cap = max_body or int(os.environ.get("WARWIRE_MAX_BODY") or MAX_BODY_BYTES)

    app = FastAPI(
        title="warwire",
        version=__version__,
        description=(
            "Events read from war reporting, coded to ACLED conventions, with their places, actors, "
            "sources and claims. Malformed parameters answer 400 with "
            '`{"error", "message", "parameter"}`. Writes need an API key (header `X-API-Key`).'
        ),
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = database
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["X-API-Key", "Authorization", "Content-Type"])

    # ---- errors: always JSON, never a stack trace
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.error, exc.message, exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        err = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        name = ".".join(loc) or "request"
        got = err.get("input")
        got_text = f" (got {str(got)[:60]!r})" if got is not None and not isinstance(got, dict) else ""
        return _error(400, "invalid_parameter", f"{name}: {err.get('msg', 'invalid')}{got_text}", name)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(sqlite3.Error)
    async def _db_error(request: Request, exc: sqlite3.Error) -> JSONResponse:
        log.exception("database error on %s", request.url.path)
        return _error(503, "database_error", f"the store could not answer: {exc}")

    # ---- page, docs, static assets
    app.add_middleware(_SecurityHeaders)

    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="warwire API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
        )

    # ---- events
    @app.get("/events", response_model=EventPage, responses=_ERRORS, tags=["events"])
    async def list_events(
        bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat (WGS84 degrees)"),
        start: str | None = Query(None, description="On or after this date (YYYY-MM-DD, YYYY-MM or YYYY)"),
        end: str | None = Query(None, description="On or before this date (a partial date means its end)"),
        event_type: list[str] | None = Query(None, description="ACLED event type (repeatable)"),
        sub_event_type: list[str] | None = Query(None, description="ACLED sub-event type (repeatable)"),
        actor: str | None = Query(None, description="Substring of an actor name"),
        country: str | None = Query(None, description="ISO 3166-1 alpha-2/alpha-3 code or English name"),
        place: str | None = Query(None, description="Gazetteer id (wof:…) or substring of the location name"),
        q: str | None = Query(None, description="Words in the notes, place, actors or evidence"),
        contested: bool | None = Query(None, description="Only events whose claims conflict (true) or not"),
        article: str | None = Query(None, description="Only events reported by this article id"),
        order: Literal["desc", "asc"] = Query("desc", description="By date: newest first (desc) or oldest first"),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        cursor: str | None = Query(None, description="next_cursor of the previous page (instead of offset)"),
    ) -> Response:
        """Events matching every given filter, newest first, with sources and claims."""
        f = event_filters(bbox, start, end, event_type, sub_event_type, actor, country, place, q,
                          contested, article)
        if cursor and offset:
            raise _bad("cursor", "give either cursor or offset, not both")
        key = decode_cursor(cursor, order) if cursor else None
        rows = database.search(f, limit=limit + 1, offset=offset, order=order, cursor=key,
                               with_payload=False)
        more = len(rows) > limit
        rows = rows[:limit]
        nxt = encode_cursor(rows[-1]["date"], rows[-1]["pk"], order) if more else None
        meta = json.dumps({"total": database.count(f), "limit": limit, "offset": offset, "next_cursor": nxt})
        body = '{"events":[' + ",".join(database.records_json(rows)) + "]," + meta[1:]
        return Response(body, media_type="application/json")

    @app.get("/events/{event_id}", responses=_ERRORS, tags=["events"])
    def get_event(event_id: str) -> Response:
        """One event with its evidence spans, places, actors, figures, sources, and every claim
        about it with the full quote it comes from."""
        rows = database.event_rows(event_id)
        if not rows:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        row = next((r for r in rows if r["merged_into"] is None), rows[0])
        record = database.records([row])[0]
        ext = database.store().get_extraction(row["article_id"])
        if ext is not None:
            from .export import _event_actors, _event_places

            ev = Event.model_validate_json(row["payload"])
            quotes: dict[str, dict] = {}  # per article: quote ids are only unique within one
            for claim in record["claims"]:
                aid = claim.get("article_id") or ext.article.id
                if aid not in quotes:
                    other = ext if aid == ext.article.id else database.store().get_extraction(aid)
                    quotes[aid] = {q.id: q for q in (other.quotes if other else [])}
                quote = quotes[aid].get(claim.get("quote_id") or "")
                claim["quote"] = quote.model_dump(mode="json") if quote else None
            record["places"] = [p.model_dump(mode="json") for p in _event_places(ev, ext)]
            record["actors"] = [a.model_dump(mode="json") for a in _event_actors(ev, ext)]
            record["figures"] = [x.model_dump(mode="json") for x in ext.figures if x.event_id == ev.id]
            record["article"] = {"id": ext.article.id, "title": ext.article.title, "url": ext.article.url,
                                 "published": ext.article.published.isoformat() if ext.article.published else None,
                                 "source": ext.article.source}
            text = ext.article.text
            for span in record.get("evidence", []):
                s, e = span["start"], span["end"]
                span["context"] = text[max(0, s - 160): e + 160]
        if row["merged_into"] is not None:
            record["merged_into_pk"] = row["merged_into"]
        return _json(record)

    # ---- places, actors, articles
    @app.get("/places", responses=_ERRORS, tags=["places"])
    async def list_places(
        q: str | None = Query(None, description="Substring of the place name"),
        country: str | None = Query(None, description="ISO code or English name"),
        bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat"),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> Response:
        """Places mentioned in the stored articles, most mentioned first."""
        where, params = [], []
        if q:
            where.append("p.name LIKE ? ESCAPE '\\'")
            params.append(_like(q))
        cc = parse_country(country)
        if cc:
            where.append("p.country = ?")
            params.append(cc)
        box = parse_bbox(bbox)
        if box:
            where.append("p.lat BETWEEN ? AND ?")
            params += [box[1], box[3]]
            where.append("p.lon BETWEEN ? AND ?" if box[0] <= box[2] else "(p.lon >= ? OR p.lon <= ?)")
            params += [box[0], box[2]]
        sql = (
            "SELECT p.gazetteer_id AS id, p.name, p.feature_type, p.country, p.lat, p.lon,"
            " COUNT(*) AS mentions, COUNT(DISTINCT p.article_id) AS articles,"
            " (SELECT COUNT(*) FROM events e WHERE json_extract(e.payload, '$.location.gazetteer_id') = p.gazetteer_id"
            + (" AND e.merged_into IS NULL" if database.merged else "") + ") AS events"
            " FROM places p" + (" WHERE " + " AND ".join(where) if where else "")
            + " GROUP BY p.gazetteer_id ORDER BY mentions DESC, p.name LIMIT ? OFFSET ?"
        )
        rows = database.conn().execute(sql, [*params, limit, offset]).fetchall()
        return _json({"places": [dict(r) for r in rows], "limit": limit, "offset": offset})

    @app.get("/places/{place_id}/control", responses={**_ERRORS, 501: {"model": ErrorOut}}, tags=["places"])
    def place_control(
        place_id: str,
        on: str | None = Query(None, description="Who controlled the place on this date (YYYY-MM-DD)"),
    ) -> Response:
        """Territorial control timeline of a place (who held it, from when, on whose claim)."""
        day = parse_date(on, "on", end=True)
        known = database.conn().execute(
            "SELECT name FROM places WHERE gazetteer_id = ? OR name = ? LIMIT 1", (place_id, place_id)
        ).fetchone()
        if known is None:
            raise ApiError(404, "not_found", f"no stored place {place_id!r}")
        store = database.store()
        method = getattr(store, "control_timeline", None)
        if method is not None:
            result = method(place_id, on=day) if day else method(place_id)
            return _json({"place": place_id, "name": known["name"], "on": day.isoformat() if day else None,
                          "control": _dump(result)})
        try:
            from . import control as control_mod  # issue 5's control timeline, when present
        except ImportError:
            control_mod = None
        if control_mod is None or not hasattr(control_mod, "timeline"):
            raise ApiError(501, "not_implemented",
                           "the territorial control timeline is not available in this warwire build")
        where, entries = control_mod.timeline(store, known["name"])
        doc: dict[str, Any] = {
            "place": place_id, "name": known["name"],
            "timeline": [e.to_dict() for e in entries], "on": None, "control": None,
        }
        if day is not None and hasattr(control_mod, "status_on"):
            st = control_mod.status_on(entries, day)
            doc["on"] = day.isoformat()
            doc["control"] = {"status": st.describe(),
                              "holder": st.holder.to_dict() if st.holder else None,
                              "latest": st.latest.to_dict() if st.latest else None}
        return _json(doc)

    @app.get("/actors", responses=_ERRORS, tags=["actors"])
    async def list_actors(
        q: str | None = Query(None, description="Substring of the actor name"),
        kind: str | None = Query(None, description="state_forces, rebel_group, civilians, ..."),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> Response:
        """Actors named in the stored articles, most reported first."""
        from .model import ActorKind
        from typing import get_args

        where, params = [], []
        if q:
            where.append("name LIKE ? ESCAPE '\\'")
            params.append(_like(q))
        if kind:
            if kind not in get_args(ActorKind):
                raise _bad("kind", f"unknown actor kind {kind!r}; one of: {', '.join(get_args(ActorKind))}")
            where.append("kind = ?")
            params.append(kind)
        rows = database.conn().execute(
            "SELECT name, kind, country, COUNT(DISTINCT article_id) AS articles, MAX(payload) AS payload"
            " FROM actors" + (" WHERE " + " AND ".join(where) if where else "")
            + " GROUP BY name ORDER BY articles DESC, name LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        out = []
        for r in rows:
            payload = json.loads(r["payload"])
            out.append({"name": r["name"], "kind": r["kind"], "country": r["country"],
                        "inter": payload.get("inter"), "articles": r["articles"],
                        "affiliations": payload.get("affiliations", []),
                        "description": payload.get("description")})
        return _json({"actors": out, "limit": limit, "offset": offset})

    @app.get("/articles", responses=_ERRORS, tags=["articles"])
    async def list_articles(
        source: str | None = Query(None, description="Outlet (exact)"),
        start: str | None = Query(None, description="Published on or after"),
        end: str | None = Query(None, description="Published on or before"),
        limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> Response:
        """Stored articles, most recently ingested first."""
        where, params = [], []
        if source:
            where.append("a.source = ?")
            params.append(source)
        d0, d1 = parse_date(start, "start"), parse_date(end, "end", end=True)
        if d0:
            where.append("a.published >= ?")
            params.append(d0.isoformat())
        if d1:
            where.append("a.published <= ?")
            params.append(d1.isoformat())
        rows = database.conn().execute(
            "SELECT a.id, a.title, a.url, a.published, a.source, a.language, a.status, a.ingested_at,"
            " json_extract(a.payload, '$.original_source') AS original_source,"
            " json_extract(a.payload, '$.republished') AS republished,"
            " (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events"
            " FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY a.ingested_at DESC, a.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        out = [dict(r) | {"republished": bool(r["republished"])} for r in rows]
        return _json({"articles": out, "limit": limit, "offset": offset})

    @app.get("/articles/{article_id}", responses=_ERRORS, tags=["articles"])
    def get_article(article_id: str) -> Response:
        """Everything read from one article (the extraction document)."""
        ext = database.store().get_extraction(article_id)
        if ext is None:
            raise ApiError(404, "not_found", f"no article {article_id!r}")
        return Response(ext.model_dump_json(), media_type="application/json")

    # ---- stats (cached until the store changes: PRAGMA data_version / the file's mtime)
    stats_cache: dict[tuple, str] = {}

    @app.get("/stats", responses=_ERRORS, tags=["events"])
    async def stats(
        bbox: str | None = Query(None), start: str | None = Query(None), end: str | None = Query(None),
        event_type: list[str] | None = Query(None), country: str | None = Query(None),
        actor: str | None = Query(None),
    ) -> Response:
        """Totals of the store, and counts of the (filtered) events by type, country and day."""
        f = event_filters(bbox, start, end, event_type, None, actor, country)
        conn = database.conn()
        cache_key = (repr(f), threading.get_ident(), conn.execute("PRAGMA data_version").fetchone()[0],
                     os.stat(database.path).st_mtime_ns)
        if cache_key in stats_cache:
            return Response(stats_cache[cache_key], media_type="application/json")
        where, params = database._where(f)
        w = " WHERE " + " AND ".join(where) if where else ""

        def group(expr: str) -> dict[str, int]:
            sql = f"SELECT {expr} AS k, COUNT(*) AS n FROM events e{w} GROUP BY k ORDER BY k"
            return {str(r["k"]): r["n"] for r in conn.execute(sql, params) if r["k"] is not None}

        agg = conn.execute(
            "SELECT COUNT(*) AS events, COALESCE(SUM(e.fatalities), 0) AS fatalities,"
            f" COALESCE(SUM(e.contested), 0) AS contested, MIN(e.date) AS first, MAX(e.date) AS last"
            f" FROM events e{w}", params,
        ).fetchone()
        totals = database.store().counts()
        body = json.dumps({
            "totals": totals, "events": agg["events"], "fatalities": agg["fatalities"],
            "contested": agg["contested"], "first_date": agg["first"], "last_date": agg["last"],
            "by_event_type": group("e.event_type"), "by_country": group("e.country"),
            "by_day": group("e.date"),
        }, ensure_ascii=False)
        if len(stats_cache) > 64:
            stats_cache.clear()
        stats_cache[cache_key] = body
        return Response(body, media_type="application/json")

    # ---- export
    @app.get("/export", responses=_ERRORS, tags=["export"])
    def export_events(
        format: Literal["acled-csv", "geojson", "jsonl"] = Query("acled-csv"),
        bbox: str | None = Query(None), start: str | None = Query(None), end: str | None = Query(None),
        event_type: list[str] | None = Query(None), sub_event_type: list[str] | None = Query(None),
        actor: str | None = Query(None), country: str | None = Query(None), place: str | None = Query(None),
        q: str | None = Query(None), contested: bool | None = Query(None),
    ) -> Response:
        """The matching events as ACLED-compatible CSV, GeoJSON (RFC 7946) or JSON Lines —
        the same files as ``warwire export``."""
        from .export import export

        f = event_filters(bbox, start, end, event_type, sub_event_type, actor, country, place, q, contested)
        rows = database.search(f, limit=None, order="asc")
        stored = (StoredEvent(r["article_id"], float(r["ingested_at"]), Event.model_validate_json(r["payload"]))
                  for r in rows)
        spool = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+b")
        text = io.TextIOWrapper(spool, encoding="utf-8", newline="")
        export(_Rows(database.store(), stored), format, text)
        text.flush()
        text.detach()
        spool.seek(0)
        media, suffix = EXPORT_MEDIA[format]

        def chunks() -> Iterator[bytes]:
            with spool:
                while block := spool.read(1 << 16):
                    yield block

        return StreamingResponse(chunks(), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="warwire-events.{suffix}"'})

    # ---- writes
    @app.post(
        "/articles", response_model=AddOut, tags=["articles"],
        responses={400: {"model": ErrorOut}, 401: {"model": ErrorOut}, 403: {"model": ErrorOut},
                   413: {"model": ErrorOut}, 415: {"model": ErrorOut}, 422: {"model": ErrorOut}},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        }}},
    )
    async def post_article(
        request: Request,
        published: str | None = Query(None, description="For text/html bodies: publication date"),
        source: str | None = Query(None, description="For text/html bodies: outlet"),
        title: str | None = Query(None, description="For text/html bodies: title"),
    ) -> Response:
        """Ingest one article (JSON ``{"text"|"html"|"url", ...}``, or a text/plain or text/html
        body) exactly as ``warwire ingest`` does. Needs ``X-API-Key`` (or ``Authorization: Bearer``)."""
        if key is None:
            raise ApiError(403, "writes_disabled",
                           "writes are disabled on this server: start it with WARWIRE_API_KEY set")
        given = request.headers.get("x-api-key") or ""
        auth = request.headers.get("authorization") or ""
        if not given and auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        if not given or not hmac.compare_digest(given.encode(), key.encode()):
            raise ApiError(401, "unauthorized", "a valid API key is required (header X-API-Key)")
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > cap):
            raise ApiError(413, "too_large", f"body larger than {cap:,} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > cap:
                raise ApiError(413, "too_large", f"body larger than {cap:,} bytes")
        ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        record = _record(bytes(body), ctype, published, source, title)
        return await run_in_threadpool(_ingest, database, record, allow_private_urls)

    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


class _SecurityHeaders:
    """Pure ASGI middleware: nosniff everywhere, a strict CSP on the page and its assets."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        extra = [(b"x-content-type-options", b"nosniff")]
        if path == "/" or path.startswith("/static/"):
            extra.append((b"content-security-policy", _CSP.encode()))

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _Rows:
    """Duck-typed Store for :func:`warwire.export.export`: given rows, articles from ``store``."""

    def __init__(self, store: Any, rows: Iterator[StoredEvent]) -> None:
        self._store, self._rows = store, rows

    def iter_stored_events(self, **_: Any) -> Iterator[StoredEvent]:
        return self._rows

    def get_extraction(self, article_id: str) -> Any:
        return self._store.get_extraction(article_id)


def _record(body: bytes, ctype: str, published: str | None, source: str | None, title: str | None) -> dict:
    """The ingest record of a POST body."""
    if not body.strip():
        raise ApiError(400, "bad_input", "empty body")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_input", "the body is not UTF-8") from None
    if ctype in ("application/json", ""):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ApiError(400, "bad_input", f"invalid JSON: {exc.msg} (column {exc.colno})") from None
        if not isinstance(data, dict):
            raise ApiError(400, "bad_input", "expected a JSON object with text, html or url")
        try:
            record = ArticleIn.model_validate(data).model_dump(exclude_none=True)
        except Exception as exc:  # pydantic ValidationError
            raise ApiError(400, "bad_input", f"invalid article: {str(exc).splitlines()[-1][:200]}") from None
    elif ctype == "text/plain":
        record = {"text": text}
    elif ctype in ("text/html", "application/xhtml+xml"):
        record = {"html": text}
    else:
        raise ApiError(415, "unsupported_media_type",
                       f"send application/json, text/plain or text/html, not {ctype!r}")
    for k, v in (("published", published), ("source", source), ("title", title)):
        if v and k not in record:
            record[k] = v
    if record.get("published"):
        parse_date(record["published"], "published")
    return record


def _ingest(database: Database, record: dict, allow_private: bool) -> Response:
    from . import ingest, pipeline
    from .errors import FetchRefused, InputError

    try:
        article = ingest.from_record(record, allow_private=allow_private)
    except FetchRefused as exc:
        raise ApiError(403, "fetch_refused", str(exc)) from None
    except InputError as exc:
        raise ApiError(422, "bad_input", str(exc)) from None
    extraction = pipeline.extract(article)
    with database.write_lock:
        result = database.store().add(extraction)
    status = 201 if result.added else 200
    return _json({"article_id": result.article_id, "added": result.added, "events": result.events,
                  "duplicate_of": result.duplicate_of, "status": article.status}, status)


def _openapi(app: FastAPI) -> dict[str, Any]:
    """OpenAPI with our 400 error shape instead of FastAPI's 422 validation schema."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for path in schema.get("paths", {}).values():
        for op in path.values():
            responses = op.get("responses", {})
            if "422" in responses and op.get("operationId", "").startswith("post_article"):
                responses["422"] = {"description": "The article cannot be read.",
                                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}}
            else:
                responses.pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    app.openapi_schema = schema
    return schema


def app_from_env() -> FastAPI:
    """The app for ``WARWIRE_DB`` (uvicorn's factory in each worker process of ``serve``)."""
    origins = [o for o in os.environ.get("WARWIRE_CORS_ORIGINS", "").split(",") if o]
    return create_app(os.environ["WARWIRE_DB"], cors_origins=origins or None)


def serve(db: str | Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 1,
          **kw: Any) -> None:
    """Run the API with uvicorn until interrupted (``workers`` > 1: that many processes)."""
    import uvicorn

    if workers <= 1:
        app = create_app(db, **kw)
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return
    Database(db)  # create / migrate once before the workers start
    os.environ["WARWIRE_DB"] = str(db)
    os.environ["WARWIRE_CORS_ORIGINS"] = ",".join(kw.get("cors_origins") or [])
    if kw.get("max_body"):
        os.environ["WARWIRE_MAX_BODY"] = str(kw["max_body"])
    uvicorn.run("warwire.api:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


__all__ = ["ApiError", "Database", "EventFilters", "app_from_env", "create_app", "event_filters", "parse_bbox",
           "parse_date", "serve"]
