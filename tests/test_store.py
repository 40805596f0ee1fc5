"""SQLite store: round-trip, idempotence, atomicity, filters, migrations."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from warwire import store as store_mod
from warwire.errors import DataError
from warwire.model import (
    Actor,
    Affiliation,
    Article,
    Claim,
    Event,
    Extraction,
    Figure,
    Place,
    Quote,
    Span,
)
from warwire.store import SQLiteStore, Store, open_store, schema_version

INJECTION = "'; DROP TABLE events; --"

SY_TEXT = (
    "Russian warplanes struck Khan Shaykhun on Monday, killing three civilians. "
    "Rebels of Hayat Tahrir al-Sham clashed with Syrian troops near Maarat al-Numan. "
    "The Syrian army denied it had targeted civilians."
)
UA_TEXT = "Shelling hit central Kharkiv on Tuesday, killing two people, officials said."


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _place(text: str, surface: str, name: str, gid: str, lat: float, lon: float,
           country: str, admin1: str) -> Place:
    s = _span(text, surface)
    return Place(text=surface, start=s.start, end=s.end, name=name, gazetteer_id=gid,
                 lat=lat, lon=lon, feature_type="locality", admin1=admin1, country=country)


def syria_extraction(article_id: str = "art-sy") -> Extraction:
    t = SY_TEXT
    khan = _place(t, "Khan Shaykhun", "Khan Shaykhun", "gn:169389", 35.4417, 36.6514, "SY", "Idlib")
    maarat = _place(t, "Maarat al-Numan", "Ma`arrat an Nu`man", "gn:169387", 35.6433, 36.6739,
                    "SY", "Idlib")
    s1 = _span(t, "Russian warplanes struck Khan Shaykhun on Monday, killing three civilians.")
    s2 = _span(t, "Rebels of Hayat Tahrir al-Sham clashed with Syrian troops near Maarat al-Numan.")
    events = [
        Event(id="ev-sy-1", event_type="Explosions/Remote violence",
              sub_event_type="Air/drone strike", date=dt.date(2019, 8, 19), location=khan,
              actor1="Military Forces of Russia (2000-)", actor2="Civilians (Syria)",
              inter1=8, inter2=7, interaction=78, civilian_targeting=True, fatalities=3,
              evidence=[s1], notes="Russian warplanes struck Khan Shaykhun.",
              sources=["Example News"], article_ids=[article_id], contested=True),
        Event(id="ev-sy-2", event_type="Battles", sub_event_type="Armed clash",
              date=dt.date(2019, 8, 20),
              location=maarat.model_copy(update={"geo_precision": 2}),
              actor1="Hayat Tahrir al-Sham", actor2="Military Forces of Syria (2000-)",
              assoc_actor_1=["Rebels A", "Rebels B"], inter1=2, inter2=1,
              evidence=[s2], sources=["Example News"], article_ids=[article_id]),
        Event(id="ev-sy-3", event_type="Strategic developments", sub_event_type="Other",
              sources=["Example News"], article_ids=[article_id]),
    ]
    actors = [
        Actor(name="Military Forces of Russia (2000-)", surface_forms=["Russian warplanes"],
              kind="external_forces", inter=8, country="RU",
              mentions=[_span(t, "Russian warplanes")]),
        Actor(name="Civilians (Syria)", kind="civilians", inter=7, country="SY"),
        Actor(name="Hayat Tahrir al-Sham", kind="rebel_group", inter=2, country="SY",
              affiliations=[Affiliation(relation="formerly", target="Jabhat al-Nusra")]),
        Actor(name="Military Forces of Syria (2000-)", kind="state_forces", inter=1, country="SY"),
    ]
    denial = _span(t, "The Syrian army denied it had targeted civilians.")
    quotes = [Quote(id="q1", speaker="Syrian army", speaker_kind="institution", text=denial.text,
                    span=denial, direct=False, cue="denied")]
    claims = [Claim(id="c1", claimant="Syrian army", proposition="it had targeted civilians",
                    event_id="ev-sy-1", stance="denies", aspect="occurrence", quote_id="q1",
                    span=denial),
              Claim(id="c2", claimant=None, proposition="clash", event_id="ev-sy-2",
                    span=s2)]
    figures = [Figure(quantity=3, text="three", unit="killed", place="Khan Shaykhun",
                      event_id="ev-sy-1", span=_span(t, "three"))]
    article = Article(id=article_id, url="https://news.example/sy", title="Strikes in Idlib",
                      published=dt.date(2019, 8, 20), source="Example News", language="en",
                      text=t, content_hash=hashlib.sha256(t.encode()).hexdigest())
    return Extraction(article=article, events=events, places=[khan, maarat], actors=actors,
                      quotes=quotes, claims=claims, figures=figures)


def ukraine_extraction(article_id: str = "art-ua") -> Extraction:
    t = UA_TEXT
    kharkiv = _place(t, "Kharkiv", "Kharkiv", "gn:706483", 49.9808, 36.2527, "UA", "Kharkiv")
    ev = Event(id="ev-ua-1", event_type="Explosions/Remote violence",
               sub_event_type="Shelling/artillery/missile attack", date=dt.date(2022, 3, 1),
               location=kharkiv, actor1="Military Forces of Russia (2000-)", inter1=8,
               fatalities=2, sources=["Other Wire"], article_ids=[article_id])
    article = Article(id=article_id, published=dt.date(2022, 3, 1), source="Other Wire",
                      text=t, content_hash=hashlib.sha256(t.encode()).hexdigest())
    return Extraction(article=article, events=[ev], places=[kharkiv])


@pytest.fixture
def db(tmp_path: Path) -> SQLiteStore:
    s = SQLiteStore(tmp_path / "w.db")
    yield s
    s.close()


@pytest.fixture
def filled(db: SQLiteStore) -> SQLiteStore:
    db.add(syria_extraction())
    db.add(ukraine_extraction())
    return db


def ids(events) -> list[str]:
    return [e.id for e in events]


# ---------------------------------------------------------------- basics


def test_sqlite_store_satisfies_protocol(db):
    assert isinstance(db, Store)


def test_round_trip_is_lossless(db):
    ext = syria_extraction()
    result = db.add(ext)
    assert result == store_mod.AddResult("art-sy", True, 3, None)
    back = db.get_extraction("art-sy")
    assert back == ext
    assert back.events[1].location.geo_precision == 2
    assert back.actors[2].affiliations[0].target == "Jabhat al-Nusra"
    assert db.get_extraction("missing") is None
    assert db.counts() == {"articles": 1, "events": 3, "places": 2, "actors": 4, "quotes": 1,
                           "claims": 2, "figures": 1, "errors": 0}


def test_round_trip_survives_reopen(tmp_path):
    path = tmp_path / "r.db"
    with open_store(path) as s:
        s.add(syria_extraction())
        s.add(ukraine_extraction())
    with open_store(path) as s:
        assert s.get_extraction("art-ua") == ukraine_extraction()
        assert [a.id for a in s.articles()] == ["art-sy", "art-ua"]
        assert [e.article.id for e in s.iter_extractions()] == ["art-sy", "art-ua"]


def test_re_adding_same_article_is_a_no_op(db):
    assert db.add(syria_extraction()).added
    again = db.add(syria_extraction())
    assert again.added is False and again.duplicate_of == "art-sy" and again.events == 0
    # Same text under another id: a duplicate by content hash.
    other = syria_extraction("another-id")
    dup = db.add(other)
    assert dup.added is False and dup.duplicate_of == "art-sy"
    assert db.counts()["articles"] == 1 and db.counts()["events"] == 3


def test_failure_mid_write_leaves_nothing(db, monkeypatch):
    def boom(self, *args):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SQLiteStore, "_insert_claim", boom)
    with pytest.raises(RuntimeError, match="disk on fire"):
        db.add(syria_extraction())
    assert set(db.counts().values()) == {0}
    (n_sources,) = db._conn.execute("SELECT COUNT(*) FROM event_sources").fetchone()
    assert n_sources == 0
    monkeypatch.undo()
    assert db.add(syria_extraction()).added  # not blocked by a half-written article
    assert db.counts()["claims"] == 2


def test_event_sources_mirror_event(filled):
    rows = filled._conn.execute(
        "SELECT e.id, s.article_id, s.outlet FROM event_sources s JOIN events e ON e.pk = s.event_pk"
        " ORDER BY e.id"
    ).fetchall()
    assert [tuple(r) for r in rows] == [
        ("ev-sy-1", "art-sy", "Example News"),
        ("ev-sy-2", "art-sy", "Example News"),
        ("ev-sy-3", "art-sy", "Example News"),
        ("ev-ua-1", "art-ua", "Other Wire"),
    ]
    ev = next(filled.iter_events(country="UA"))
    assert ev.sources == ["Other Wire"] and ev.article_ids == ["art-ua"]


def test_record_error(db):
    db.record_error("broken.html", ValueError("no text"))
    db.record_error("https://x.example/a", "timeout")
    assert db.counts()["errors"] == 2
    errs = db.errors()
    assert errs[0]["name"] == "broken.html" and errs[0]["error"] == "ValueError: no text"
    assert errs[1]["error"] == "timeout"


def test_pragmas(db):
    assert db._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_default_path_under_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with open_store(None) as s:
        assert Path(s.path) == tmp_path / "xdg" / "warwire" / "warwire.db"
    assert (tmp_path / "xdg" / "warwire" / "warwire.db").exists()


# ---------------------------------------------------------------- filters


def test_filter_bbox(filled):
    syria_box = (35.5, 32.0, 42.5, 37.5)  # minlon, minlat, maxlon, maxlat
    assert ids(filled.iter_events(bbox=syria_box)) == ["ev-sy-1", "ev-sy-2"]
    # A box holding Khan Shaykhun (35.44 N) but not Maarat al-Numan (35.64 N).
    assert ids(filled.iter_events(bbox=(36.6, 35.4, 36.7, 35.5))) == ["ev-sy-1"]
    assert ids(filled.iter_events(bbox=(30.0, 45.0, 40.0, 55.0))) == ["ev-ua-1"]


def test_filter_dates(filled):
    assert ids(filled.iter_events(start=dt.date(2019, 8, 20))) == ["ev-sy-2", "ev-ua-1"]
    assert ids(filled.iter_events(start="2019-08-19", end="2019-08-19")) == ["ev-sy-1"]
    assert ids(filled.iter_events(end=dt.date(2020, 1, 1))) == ["ev-sy-1", "ev-sy-2"]
    # Undated events come last when unfiltered.
    assert ids(filled.iter_events()) == ["ev-sy-1", "ev-sy-2", "ev-ua-1", "ev-sy-3"]


def test_filter_types_country_place_actor(filled):
    assert ids(filled.iter_events(event_type="Battles")) == ["ev-sy-2"]
    assert ids(filled.iter_events(event_type="Explosions/Remote violence")) == ["ev-sy-1", "ev-ua-1"]
    assert ids(filled.iter_events(sub_event_type="Shelling/artillery/missile attack")) == ["ev-ua-1"]
    for key in ("SY", "sy", "SYR", "Syria"):
        assert ids(filled.iter_events(country=key)) == ["ev-sy-1", "ev-sy-2"], key
    assert ids(filled.iter_events(country="Ukraine")) == ["ev-ua-1"]
    assert ids(filled.iter_events(place="khan")) == ["ev-sy-1"]
    assert ids(filled.iter_events(actor="Russia")) == ["ev-sy-1", "ev-ua-1"]
    assert ids(filled.iter_events(actor="Rebels B")) == ["ev-sy-2"]  # associated actor
    assert ids(filled.iter_events(actor="Russia", country="UA")) == ["ev-ua-1"]


def test_limit_offset(filled):
    assert ids(filled.iter_events(limit=2)) == ["ev-sy-1", "ev-sy-2"]
    assert ids(filled.iter_events(limit=2, offset=1)) == ["ev-sy-2", "ev-ua-1"]
    assert ids(filled.iter_events(offset=3)) == ["ev-sy-3"]


def test_injection_looking_input_is_harmless(filled):
    for key in ("event_type", "sub_event_type", "country", "place", "actor"):
        assert list(filled.iter_events(**{key: INJECTION})) == []
    assert list(filled.iter_events(place="%")) == []  # LIKE wildcards are literal
    assert list(filled.iter_events(actor="_")) == []
    with pytest.raises(ValueError):
        list(filled.iter_events(start=INJECTION))
    assert filled.counts()["events"] == 4


def test_unknown_filter_rejected(filled):
    with pytest.raises(TypeError, match="colour"):
        list(filled.iter_events(colour="red"))


# ---------------------------------------------------------------- migrations


def test_empty_v0_file_is_migrated(tmp_path):
    path = tmp_path / "v0.db"
    path.touch()
    with SQLiteStore(path) as s:
        assert s.version() == schema_version() >= 1
        tables = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "events", "places", "actors", "quotes", "claims", "figures",
                "event_sources", "ingest_errors", "schema_version"} <= tables
        assert s.add(ukraine_extraction()).added


def test_older_db_gets_new_steps_and_keeps_data(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    with SQLiteStore(path) as s:
        s.add(ukraine_extraction())
        v1 = s.version()

    def add_column(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE events ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0")

    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS, add_column,
                                                  "CREATE INDEX events_reviewed ON events(reviewed);"])
    with SQLiteStore(path) as s:
        assert s.version() == v1 + 2
        cols = {r[1] for r in s._conn.execute("PRAGMA table_info(events)")}
        assert "reviewed" in cols
        assert s.get_extraction("art-ua") == ukraine_extraction()


def test_failed_migration_step_rolls_back(tmp_path, monkeypatch):
    path = tmp_path / "m.db"
    SQLiteStore(path).close()
    monkeypatch.setattr(store_mod, "MIGRATIONS", [*store_mod.MIGRATIONS,
                                                  "CREATE TABLE t2 (x INT); SELECT nonsense FROM nowhere;"])
    with pytest.raises(DataError, match=f"version {schema_version()} failed"):
        SQLiteStore(path)
    monkeypatch.undo()
    with SQLiteStore(path) as s:
        assert s.version() == schema_version()
        assert s._conn.execute("SELECT name FROM sqlite_master WHERE name='t2'").fetchone() is None


def test_newer_db_is_refused(tmp_path):
    path = tmp_path / "future.db"
    with SQLiteStore(path) as s:
        s._conn.execute("INSERT INTO schema_version(version, applied_at) VALUES (999, 'x')")
    with pytest.raises(DataError, match="newer"):
        SQLiteStore(path)


def test_garbage_file_is_a_data_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(DataError, match="junk.db"):
        SQLiteStore(path)


def test_memory_store():
    with open_store(":memory:") as s:
        s.add(ukraine_extraction())
        assert s.counts()["events"] == 1
