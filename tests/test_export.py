"""Exports: ACLED CSV columns and values, GeoJSON structure, JSON Lines contents."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import time

import pytest

from warwire.errors import DataError
from warwire.export import (
    ACLED_COLUMNS,
    ACLED_REGIONS,
    event_number,
    export,
    load_countries,
    lookup_country,
)
from warwire.model import Actor, Article, Claim, Event, Extraction, Place, Span
from warwire.store import SQLiteStore

EXPECTED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]

TEXT = (
    "Government helicopters dropped barrel bombs on Habit near Khan Shaykhun, killing two. "
    "Jaysh al-Izza fighters fought Syrian troops in Latamina."
)


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _place(surface: str, name: str, gid: str, lat: float, lon: float, country: str | None,
           admin1: str | None = None, precision: int = 1) -> Place:
    s = _span(surface)
    return Place(text=surface, start=s.start, end=s.end, name=name, gazetteer_id=gid, lat=lat,
                 lon=lon, feature_type="locality", country=country, admin1=admin1,
                 geo_precision=precision)


HABIT = _place("Habit", "Habit", "gn:1", 35.4931, 36.6217, "SY", "Idlib")
KHAN = _place("Khan Shaykhun", "Khan Shaykhun", "gn:2", 35.4417, 36.6514, "SY", "Idlib")
LATAMINA = _place("Latamina", "Latamina", "gn:3", 35.3167, 36.6167, "SY", "Hama")
SENT1 = _span("Government helicopters dropped barrel bombs on Habit near Khan Shaykhun, killing two.")
SENT2 = _span("Jaysh al-Izza fighters fought Syrian troops in Latamina.")


def extraction() -> Extraction:
    events = [
        Event(id="e-strike", event_type="Explosions/Remote violence",
              sub_event_type="Air/drone strike", date=dt.date(2019, 8, 19), location=HABIT,
              actor1="Military Forces of Syria (2000-)",
              assoc_actor_1=["Air Force of Syria (2000-)", "Syrian Arab Army"],
              actor2="Civilians (Syria)", inter1=1, inter2=7, civilian_targeting=True,
              fatalities=2, evidence=[SENT1], notes="Barrel bombs on Habit.",
              sources=["Example News", "Partner Wire"], article_ids=["a1"], contested=True),
        Event(id="e-clash", event_type="Battles", sub_event_type="Armed clash",
              date=dt.date(2019, 8, 20), location=LATAMINA,
              actor1="Jaysh al-Izza", actor2="Military Forces of Syria (2000-)",
              inter1=2, inter2=1, interaction=21, evidence=[SENT2],
              sources=["Example News"], article_ids=["a1"]),
        Event(id="e-nowhere", event_type="Strategic developments", sub_event_type="Other",
              date=dt.date(2019, 8, 20), sources=["Example News"], article_ids=["a1"]),
    ]
    actors = [
        Actor(name="Military Forces of Syria (2000-)", kind="state_forces", inter=1, country="SY"),
        Actor(name="Air Force of Syria (2000-)", kind="state_forces", inter=1, country="SY"),
        Actor(name="Civilians (Syria)", kind="civilians", inter=7, country="SY"),
        Actor(name="Jaysh al-Izza", kind="rebel_group", inter=2, country="SY"),
        Actor(name="Unrelated Group", kind="unknown"),
    ]
    claims = [
        Claim(id="c-deny", claimant="Syrian government", proposition="no barrel bombs",
              event_id="e-strike", stance="denies", span=SENT1),
        Claim(id="c-other", claimant="activists", proposition="clash", event_id="e-clash",
              span=SENT2),
    ]
    article = Article(id="a1", url="https://news.example/a1", title="Barrel bombs on Habit",
                      published=dt.date(2019, 8, 20), source="Example News", text=TEXT,
                      content_hash=hashlib.sha256(TEXT.encode()).hexdigest())
    return Extraction(article=article, events=events, places=[HABIT, KHAN, LATAMINA],
                      actors=actors, claims=claims)


@pytest.fixture
def db(tmp_path):
    s = SQLiteStore(tmp_path / "x.db")
    s.add(extraction())
    yield s
    s.close()


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    return header, [dict(zip(header, row)) for row in reader]


# ---------------------------------------------------------------- acled-csv


def test_acled_csv_header_is_exact(db):
    out = io.StringIO()
    assert export(db, "acled-csv", out) == 3
    header, rows = read_csv(out.getvalue())
    assert header == EXPECTED_HEADER == ACLED_COLUMNS
    assert all(len(r) == len(EXPECTED_HEADER) for r in rows)


def test_acled_csv_values(db):
    before = time.time()
    out = io.StringIO()
    export(db, "acled-csv", out)
    _, rows = read_csv(out.getvalue())
    by_type = {r["sub_event_type"]: r for r in rows}
    strike, clash, other = by_type["Air/drone strike"], by_type["Armed clash"], by_type["Other"]

    assert strike["event_date"] == "2019-08-19" and strike["year"] == "2019"
    assert strike["iso"] == "760" and strike["country"] == "Syria"
    assert strike["region"] == "Middle East"
    assert strike["event_id_cnty"] == f"SYR{event_number('e-strike')}"
    assert strike["latitude"] == "35.4931" and strike["longitude"] == "36.6217"
    assert strike["location"] == "Habit" and strike["admin1"] == "Idlib"
    assert strike["geo_precision"] == "1" and strike["time_precision"] == "1"
    assert strike["disorder_type"] == "Political violence"
    assert strike["assoc_actor_1"] == "Air Force of Syria (2000-); Syrian Arab Army"
    assert strike["inter1"] == "1" and strike["inter2"] == "7" and strike["interaction"] == "17"
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["source"] == "Example News; Partner Wire"
    assert strike["fatalities"] == "2" and strike["notes"] == "Barrel bombs on Habit."
    assert before - 60 <= int(strike["timestamp"]) <= time.time() + 1

    # Lower inter code first, whatever order the actors are in.
    assert clash["interaction"] == "12"
    assert clash["civilian_targeting"] == "" and clash["event_date"] == "2019-08-20"
    assert clash["latitude"] == "35.3167" and clash["admin1"] == "Hama"

    assert other["disorder_type"] == "Strategic developments"
    assert other["latitude"] == "" and other["iso"] == ""


def test_event_id_cnty_is_stable_and_distinct():
    assert event_number("e-strike") == event_number("e-strike")
    assert event_number("e-strike") != event_number("e-clash")
    assert 0 <= event_number("anything") < 10**8


def test_export_passes_filters(db):
    out = io.StringIO()
    assert export(db, "acled-csv", out, event_type="Battles") == 1
    _, rows = read_csv(out.getvalue())
    assert [r["location"] for r in rows] == ["Latamina"]
    out = io.StringIO()
    assert export(db, "acled-csv", out, bbox=(36.0, 35.4, 37.0, 36.0)) == 1
    assert read_csv(out.getvalue())[1][0]["location"] == "Habit"
    assert export(db, "acled-csv", io.StringIO(), country="'; DROP TABLE events; --") == 0
    assert db.counts()["events"] == 3


def test_unknown_format_rejected(db):
    with pytest.raises(ValueError, match="unknown export format"):
        export(db, "xml", io.StringIO())


# ---------------------------------------------------------------- geojson


def test_geojson_structure_and_lon_lat_order(db, caplog):
    out = io.StringIO()
    with caplog.at_level(logging.WARNING, logger="warwire.export"):
        n = export(db, "geojson", out)
    assert n == 2
    assert "skipped 1 event" in caplog.text
    doc = json.loads(out.getvalue())
    assert doc["type"] == "FeatureCollection"
    assert len(doc["features"]) == 2
    feats = {f["properties"]["id"]: f for f in doc["features"]}
    strike = feats["e-strike"]
    assert strike["type"] == "Feature"
    assert strike["geometry"] == {"type": "Point", "coordinates": [36.6217, 35.4931]}
    props = strike["properties"]
    assert props["sources"] == ["Example News", "Partner Wire"]
    assert props["contested"] is True and feats["e-clash"]["properties"]["contested"] is False
    assert props["iso"] == 760 and props["event_date"] == "2019-08-19"
    assert props["fatalities"] == 2 and props["interaction"] == 17
    assert set(EXPECTED_HEADER) <= set(props)
    for f in doc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


# ---------------------------------------------------------------- jsonl


def test_jsonl_inlines_sources_places_actors_claims(db):
    out = io.StringIO()
    assert export(db, "jsonl", out) == 3
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    recs = {r["id"]: r for r in map(json.loads, lines)}
    strike = recs["e-strike"]
    assert strike["date"] == "2019-08-19"
    assert strike["sub_event_type"] == "Air/drone strike"
    assert strike["location"]["lat"] == 35.4931
    assert strike["sources"][0] == {
        "outlet": "Example News", "article_id": "a1", "url": "https://news.example/a1",
        "title": "Barrel bombs on Habit", "published": "2019-08-20",
    }
    assert strike["sources"][1]["outlet"] == "Partner Wire"
    # The location first, then the other place named in the evidence sentence.
    assert [p["name"] for p in strike["places"]] == ["Habit", "Khan Shaykhun"]
    assert [a["name"] for a in strike["actors"]] == [
        "Military Forces of Syria (2000-)", "Civilians (Syria)", "Air Force of Syria (2000-)",
    ]
    assert strike["actors"][0]["kind"] == "state_forces"
    assert [c["id"] for c in strike["claims"]] == ["c-deny"]
    assert strike["claims"][0]["stance"] == "denies"
    assert [p["name"] for p in recs["e-clash"]["places"]] == ["Latamina"]
    assert recs["e-nowhere"]["places"] == [] and recs["e-nowhere"]["claims"] == []


# ---------------------------------------------------------------- country table


def test_country_table():
    table = load_countries()
    assert len(table) >= 240
    sy = table["SY"]
    assert (sy.iso3, sy.numeric, sy.name, sy.region) == ("SYR", 760, "Syria", "Middle East")
    assert table["UA"].numeric == 804 and table["UA"].region == "Europe"
    assert table["SD"].region == "Northern Africa" and table["SS"].region == "Eastern Africa"
    assert table["AM"].region == "Caucasus and Central Asia"
    assert table["CD"].name == "Democratic Republic of Congo"
    assert {c.region for c in table.values()} <= ACLED_REGIONS
    assert len({c.iso3 for c in table.values()}) == len(table)
    assert lookup_country("syr") == sy and lookup_country(" Syria ") == sy
    assert lookup_country("Atlantis") is None


def test_country_table_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "c.tsv"
    bad.write_text("# comment\niso2\tiso3\tnumeric\tname\tregion\n"
                   "SY\tSYR\t760\tSyria\tMiddle East\nXX\tXXX\tabc\tNowhere\tMiddle East\n")
    with pytest.raises(DataError, match=r"c\.tsv:4: 'XX'.*numeric"):
        load_countries(bad)
    bad.write_text("iso2\tiso3\tnumeric\tname\tregion\nSY\tSYR\t760\tSyria\tLevant\n")
    with pytest.raises(DataError, match=r"c\.tsv:2.*region"):
        load_countries(bad)
