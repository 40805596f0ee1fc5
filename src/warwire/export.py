"""Export stored events as JSON Lines, an ACLED-style CSV or GeoJSON.

Country numbers, names and ACLED regions come from ``data/countries_acled.tsv``.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from pydantic import BaseModel, Field, ValidationError, field_validator

from .errors import DataError
from .model import Actor, Article, Event, Extraction, Place
from .store import Store, StoredEvent

log = logging.getLogger(__name__)

Format = Literal["jsonl", "acled-csv", "geojson"]
FORMATS: tuple[str, ...] = ("jsonl", "acled-csv", "geojson")

COUNTRIES_FILE = Path(__file__).parent / "data" / "countries_acled.tsv"

ACLED_REGIONS = frozenset(
    {
        "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa",
        "Northern Africa", "Middle East", "South Asia", "Southeast Asia", "East Asia",
        "Caucasus and Central Asia", "Europe", "Central America", "South America",
        "Caribbean", "North America", "Oceania", "Antarctica",
    }
)

#: The columns of ACLED's CSV export, in order.
ACLED_COLUMNS: list[str] = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
]

#: ACLED disorder type of each event type (sub-event overrides in _DISORDER_BY_SUB).
_DISORDER_BY_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BY_SUB = {
    "Violent demonstration": "Demonstrations",
    "Excessive force against protesters": "Political violence; Demonstrations",
}


# --------------------------------------------------------------------------- countries


class Country(BaseModel):
    """One line of countries_acled.tsv."""

    iso2: str = Field(pattern=r"^[A-Z]{2}$")
    iso3: str = Field(pattern=r"^[A-Z]{3}$")
    numeric: int = Field(ge=0, le=999)
    name: str = Field(min_length=1)
    region: str

    @field_validator("region")
    @classmethod
    def _known_region(cls, v: str) -> str:
        if v not in ACLED_REGIONS:
            raise ValueError(f"unknown ACLED region {v!r}")
        return v


def load_countries(path: Path | str = COUNTRIES_FILE) -> dict[str, Country]:
    """Countries keyed by ISO2 code; raises DataError naming file and line on bad data."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{path}: cannot read country table ({exc})") from exc
    out: dict[str, Country] = {}
    header: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header != ["iso2", "iso3", "numeric", "name", "region"]:
                raise DataError(f"{path}:{lineno}: bad header {header}")
            continue
        if len(cells) != len(header):
            raise DataError(f"{path}:{lineno}: expected {len(header)} columns, got {len(cells)}")
        try:
            country = Country(**dict(zip(header, cells)))
        except ValidationError as exc:
            msg = "; ".join(f"{e['loc'][0]}: {e['msg']}" for e in exc.errors())
            raise DataError(f"{path}:{lineno}: {cells[0]!r}: {msg}") from exc
        if country.iso2 in out:
            raise DataError(f"{path}:{lineno}: duplicate country {country.iso2}")
        out[country.iso2] = country
    if not out:
        raise DataError(f"{path}: no countries")
    return out


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """The bundled country table (cached)."""
    return load_countries()


@functools.lru_cache(maxsize=1)
def _country_index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for c in countries().values():
        for key in (c.iso2, c.iso3, c.name):
            index[key.casefold()] = c
    return index


def lookup_country(value: str | None) -> Country | None:
    """A country by ISO2 code, ISO3 code or English name (case-insensitive)."""
    if not value:
        return None
    return _country_index().get(value.strip().casefold())


# --------------------------------------------------------------------------- rows


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event type / sub-event type pair."""
    return _DISORDER_BY_SUB.get(sub_event_type) or _DISORDER_BY_TYPE.get(event_type, "")


def interaction_code(event: Event) -> int | None:
    """ACLED interaction: the two inter codes, lower first (12); a lone actor gives 10*inter."""
    codes = sorted(c for c in (event.inter1, event.inter2) if c is not None)
    if len(codes) == 2:
        return codes[0] * 10 + codes[1]
    if len(codes) == 1:
        return codes[0] * 10
    return event.interaction


def event_number(event_id: str) -> int:
    """A stable 8-digit number derived from an event id."""
    digest = hashlib.sha1(event_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % 100_000_000


def acled_record(event: Event, ingested_at: float | None = None) -> dict[str, Any]:
    """The ACLED columns of one event, typed (ints/floats; '' where unknown)."""
    loc = event.location
    country = lookup_country(loc.country) if loc and loc.country else None
    prefix = country.iso3 if country else (loc.country.upper() if loc and loc.country else "XXX")
    interaction = interaction_code(event)
    return {
        "event_id_cnty": f"{prefix}{event_number(event.id)}",
        "event_date": event.date.isoformat() if event.date else "",
        "year": event.date.year if event.date else "",
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": "; ".join(event.assoc_actor_1),
        "inter1": event.inter1 if event.inter1 is not None else "",
        "actor2": event.actor2 or "",
        "assoc_actor_2": "; ".join(event.assoc_actor_2),
        "inter2": event.inter2 if event.inter2 is not None else "",
        "interaction": interaction if interaction is not None else "",
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": country.numeric if country else "",
        "region": country.region if country else "",
        "country": country.name if country else ((loc.country or "") if loc else ""),
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": "",
        "admin3": "",
        "location": loc.name if loc else "",
        "latitude": round(loc.lat, 4) if loc else "",
        "longitude": round(loc.lon, 4) if loc else "",
        "geo_precision": loc.geo_precision if loc else "",
        "source": "; ".join(event.sources),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "",
        "timestamp": int(ingested_at) if ingested_at is not None else "",
    }


# --------------------------------------------------------------------------- context


class _Context:
    """Per-export cache of stored extractions, so each article is read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, Extraction | None] = {}

    def extraction(self, article_id: str) -> Extraction | None:
        if article_id not in self._cache:
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[article_id] = self.store.get_extraction(article_id)
        return self._cache[article_id]

    def article(self, article_id: str) -> Article | None:
        ext = self.extraction(article_id)
        return ext.article if ext else None


def _source_details(stored: StoredEvent, ctx: _Context) -> list[dict[str, Any]]:
    ev = stored.event
    article_ids = ev.article_ids or [stored.article_id]
    out = []
    for i, article_id in enumerate(article_ids):
        art = ctx.article(article_id)
        outlet = ev.sources[i] if i < len(ev.sources) else (art.source if art else None)
        out.append(
            {
                "outlet": outlet,
                "article_id": article_id,
                "url": art.url if art else None,
                "title": art.title if art else None,
                "published": art.published.isoformat() if art and art.published else None,
            }
        )
    for outlet in ev.sources[len(article_ids):]:
        out.append({"outlet": outlet, "article_id": None, "url": None, "title": None,
                    "published": None})
    return out


def _event_places(ev: Event, ext: Extraction | None) -> list[Place]:
    """The location, then other places mentioned inside the event's evidence spans."""
    places: list[Place] = [ev.location] if ev.location else []
    seen = {p.gazetteer_id for p in places}
    if ext is not None:
        for p in ext.places:
            if p.gazetteer_id in seen:
                continue
            if any(s.start <= p.start and p.end <= s.end for s in ev.evidence):
                places.append(p)
                seen.add(p.gazetteer_id)
    return places


def _event_actors(ev: Event, ext: Extraction | None) -> list[Actor]:
    names = [ev.actor1, ev.actor2, *ev.assoc_actor_1, *ev.assoc_actor_2, *ev.actor1_candidates]
    wanted = list(dict.fromkeys(n for n in names if n))
    by_name = {a.name: a for a in ext.actors} if ext else {}
    return [by_name[n] for n in wanted if n in by_name]


def jsonl_record(stored: StoredEvent, ctx: _Context) -> dict[str, Any]:
    """The event dump with inlined sources, places, actors and claims."""
    ev = stored.event
    ext = ctx.extraction(stored.article_id)
    record = ev.model_dump(mode="json")
    record["sources"] = _source_details(stored, ctx)
    record["places"] = [p.model_dump(mode="json") for p in _event_places(ev, ext)]
    record["actors"] = [a.model_dump(mode="json") for a in _event_actors(ev, ext)]
    if hasattr(ctx.store, "event_claims"):
        # every report of a merged event brings its own sources' claims
        record["claims"] = [
            {**c.model_dump(mode="json"), "article_id": article_id}
            for article_id, c in ctx.store.event_claims(ev.id)
        ]
    else:
        record["claims"] = [
            c.model_dump(mode="json") for c in (ext.claims if ext else []) if c.event_id == ev.id
        ]
    return record


# --------------------------------------------------------------------------- export


def export(store: Store, fmt: Format, out: TextIO, **filters: Any) -> int:
    """Write the events matching ``filters`` (see ``Store.iter_events``) to ``out``.

    Returns the number of events written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    events = store.iter_stored_events(**filters)
    if fmt == "jsonl":
        return _export_jsonl(store, events, out)
    if fmt == "acled-csv":
        return _export_csv(events, out)
    return _export_geojson(events, out)


def _export_jsonl(store: Store, events: Iterator[StoredEvent], out: TextIO) -> int:
    ctx = _Context(store)
    n = 0
    for stored in events:
        out.write(json.dumps(jsonl_record(stored, ctx), ensure_ascii=False) + "\n")
        n += 1
    return n


def _export_csv(events: Iterator[StoredEvent], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for stored in events:
        writer.writerow(acled_record(stored.event, stored.ingested_at))
        n += 1
    return n


def geojson_feature(stored: StoredEvent) -> dict[str, Any] | None:
    """An RFC 7946 Point feature for the event, or None when it has no location."""
    ev = stored.event
    if ev.location is None:
        return None
    props = acled_record(ev, stored.ingested_at)
    props.update(
        id=ev.id,
        article_id=stored.article_id,
        sources=list(ev.sources),
        contested=ev.contested,
        latitude=ev.location.lat,
        longitude=ev.location.lon,
    )
    return {
        "type": "Feature",
        "id": ev.id,
        "geometry": {"type": "Point", "coordinates": [ev.location.lon, ev.location.lat]},
        "properties": props,
    }


def _export_geojson(events: Iterator[StoredEvent], out: TextIO) -> int:
    features, skipped = [], 0
    for stored in events:
        feature = geojson_feature(stored)
        if feature is None:
            skipped += 1
        else:
            features.append(feature)
    if skipped:
        log.warning("geojson: skipped %d event(s) without a location", skipped)
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
