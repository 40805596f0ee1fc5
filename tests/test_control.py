"""Territorial control timeline: background statements, territory events, status on a date."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire import control
from warwire.errors import DataError
from warwire.model import Article, Claim, Event, Extraction, Place, Span
from warwire.store import open_store

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "khan-shaikhoun-2019-08-20.txt"
SYRIA = "Military Forces of Syria (2000-)"
HTS = "Hayat Tahrir al-Sham"
REBELS = "Opposition Rebels (Syria)"

TEXT = (
    "Government forces surrounded Khan Sheikhoun on Monday as clashes continued.\n\n"
    "The town had been in rebel hands since 2014.\n\n"
    "Rebel fighters withdrew from Khan Shaikhoun early on Tuesday, activists said.\n\n"
    "HTS described the withdrawal as a redeployment to the south of the town.\n\n"
    "Fighting also reached the rebel-held town of Maarat al-Numan."
)


def _span(part: str) -> Span:
    i = TEXT.index(part)
    return Span(start=i, end=i + len(part), text=part)


def _place(surface: str, name: str, gid: str, lat: float, lon: float) -> Place:
    s = _span(surface)
    return Place(text=surface, start=s.start, end=s.end, name=name, gazetteer_id=gid, lat=lat, lon=lon,
                 feature_type="locality", admin1="Idlib", country="SY")


def _khan(surface: str) -> Place:
    return _place(surface, "Khan Shaykhun", "wof:1125778451", 35.442, 36.651)


PLACES = [_khan("Khan Sheikhoun"), _khan("Khan Shaikhoun"),
          _place("Maarat al-Numan", "Ma'arrat an Nu'man", "wof:1226623337", 35.648, 36.677)]

ENCIRCLE = Event(id="ev-clash", event_type="Battles", sub_event_type="Armed clash", date=dt.date(2019, 8, 19),
                 location=PLACES[0], actor1=SYRIA, actor2=REBELS, sources=["Outlet A"], article_ids=["art"],
                 evidence=[_span("Government forces surrounded Khan Sheikhoun on Monday as clashes continued.")])
WITHDRAW = Event(id="ev-nvtt", event_type="Strategic developments",
                 sub_event_type="Non-violent transfer of territory", date=dt.date(2019, 8, 20),
                 location=PLACES[1], actor1=SYRIA, actor2=HTS, sources=["Outlet A"], article_ids=["art"],
                 evidence=[_span("Rebel fighters withdrew from Khan Shaikhoun early on Tuesday, activists said.")])
CLAIMS = [
    Claim(id="c0", claimant="activists", proposition="Rebel fighters withdrew from Khan Shaikhoun early on Tuesday",
          event_id="ev-nvtt", stance="asserts", aspect="control", span=_span("Rebel fighters withdrew")),
    Claim(id="c1", claimant="HTS", proposition="the withdrawal as a redeployment to the south of the town",
          event_id="ev-nvtt", stance="contests", aspect="framing", span=_span("the withdrawal as a redeployment")),
]


def _extraction() -> Extraction:
    art = Article(id="art", text=TEXT, source="Outlet A", published=dt.date(2019, 8, 20),
                  content_hash=hashlib.sha256(TEXT.encode()).hexdigest())
    return Extraction(article=art, events=[ENCIRCLE, WITHDRAW], places=PLACES, claims=CLAIMS)


def test_background_statements():
    entries = control.background_statements(TEXT, PLACES, dt.date(2019, 8, 20), source="Outlet A")
    since = [e for e in entries if not e.as_of]
    assert len(since) == 1
    assert since[0].place == "Khan Shaykhun"  # "the town" is the last town named before
    assert since[0].actors == [REBELS]
    assert since[0].date == dt.date(2014, 1, 1) and since[0].date_text == "since 2014"
    held = [e for e in entries if e.as_of]
    assert [(e.place, e.actors, e.date) for e in held] == [("Ma'arrat an Nu'man", [REBELS], dt.date(2019, 8, 20))]


def test_event_entries_encirclement_and_contested_withdrawal():
    (enc,) = control.event_entries(ENCIRCLE)
    assert enc.kind == "encircled" and enc.actors == [SYRIA] and enc.date == dt.date(2019, 8, 19)
    (wd,) = control.event_entries(WITHDRAW, CLAIMS)
    assert wd.kind == "withdrawal" and wd.actors == [HTS] and wd.opponents == [SYRIA]
    assert wd.claimants == ["activists"]
    assert wd.contested and wd.contested_by[0][0] == "HTS" and "redeployment" in wd.contested_by[0][1]


def test_capture_without_withdrawal_words():
    ev = WITHDRAW.model_copy(update={"sub_event_type": "Government regains territory", "event_type": "Battles",
                                     "evidence": [_span("Government forces surrounded Khan Sheikhoun")]})
    kinds = [e.kind for e in control.event_entries(ev)]
    assert kinds == ["encircled", "captured"]


def test_timeline_and_status_on_dates():
    with open_store(":memory:") as store:
        store.add(_extraction())
        place, entries = control.timeline(store, "Khan Shaikhoun")
        assert place.gazetteer_id == "wof:1125778451"
        assert [(e.kind, e.date_text) for e in entries] == [
            ("held", "since 2014"), ("encircled", "2019-08-19"), ("withdrawal", "2019-08-20")]
        assert control.find_place(store, "Khan Sheikhoun")[0].gazetteer_id == "wof:1125778451"
        assert control.timeline(store, "Aleppo") == (None, [])
    st = control.status_on(entries, dt.date(2015, 6, 1))
    assert st.holder.actors == [REBELS] and st.latest is None
    st = control.status_on(entries, dt.date(2019, 8, 19))
    assert st.holder.actors == [REBELS] and st.latest.kind == "encircled"
    st = control.status_on(entries, dt.date(2019, 8, 20))
    assert st.latest.kind == "withdrawal" and st.latest.contested
    assert "contested" in st.describe()
    assert control.status_on(entries, dt.date(2010, 1, 1)).holder is None


def test_cli_control(tmp_path):
    from warwire.cli import app

    db = tmp_path / "c.db"
    with open_store(db) as store:
        store.add(_extraction())
    runner = CliRunner()
    out = runner.invoke(app, ["control", "Khan Shaikhoun", "--db", str(db), "--on", "2019-08-19"])
    assert out.exit_code == 0, out.output
    assert "since 2014       held by Opposition Rebels (Syria)" in out.output
    assert "withdrawal" not in out.output  # after the date asked about
    assert "On 2019-08-19: held by Opposition Rebels (Syria) (since 2014); encircled by" in out.output
    out = runner.invoke(app, ["control", "Khan Shaikhoun", "--db", str(db), "--format", "json"])
    doc = json.loads(out.output)
    assert [e["kind"] for e in doc["timeline"]] == ["held", "encircled", "withdrawal"]
    assert doc["timeline"][2]["contested_by"][0]["claimant"] == "HTS"
    out = runner.invoke(app, ["control", "Nowhere", "--db", str(db)])
    assert out.exit_code == 1


def test_bad_rules_file(tmp_path):
    bad = tmp_path / "control.toml"
    bad.write_text("since_patterns = ['(unclosed']\n[sides]\nrebel = 'rebels'\n")
    with pytest.raises(DataError, match="control.toml"):
        control.load_rules(bad)


@pytest.mark.skipif(not SAMPLE.exists(), reason=f"reference sample {SAMPLE} not available")
def test_sample_article_timeline(tmp_path):
    from warwire.cli import app

    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(SAMPLE), "--published", "2019-08-20", "--db", str(db)]).exit_code == 0
    out = runner.invoke(app, ["control", "Khan Shaikhoun", "--db", str(db), "--format", "json", "--on", "2019-08-20"])
    assert out.exit_code == 0, out.output
    tl = json.loads(out.output)["timeline"]
    kinds = [(e["kind"], e["date_text"]) for e in tl]
    assert kinds[0] == ("held", "since 2014") and tl[0]["actors"] == [REBELS]
    assert ("encircled", "2019-08-19") in kinds
    wd = next(e for e in tl if e["kind"] == "withdrawal")
    assert wd["date"] == "2019-08-20" and HTS in wd["actors"]
    assert any("redeployment" in c["statement"] for c in wd["contested_by"])
