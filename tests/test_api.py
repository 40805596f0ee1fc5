"""The HTTP API: a real `warwire serve` on loopback over a store filled from the samples.

Covers the read endpoints and their filters, 4xx JSON for every malformed parameter,
pagination, writes (API key, body cap, safe fetcher), exports, the store's R*Tree/FTS
triggers, and schemathesis property tests (no 5xx for any generated request).
"""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from warwire.export import ACLED_COLUMNS

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "samples"
PUBLISHED = {  # the dates `make demo` gives the bundled samples
    "khan-sheikhoun-convoy.txt": "2019-08-20",
    "kenya-mandera-attack.txt": "2014-12-02",
    "diplomacy-no-event.txt": "2023-03-01",
    "khan-shaikhoun-2019-08-20.txt": "2019-08-20",
}
KHAN = (35.442, 36.651)  # Khan Shaykhun (lat, lon)


def fill_store(path: Path) -> None:
    """Ingest samples/ (and ../shared/samples/ when present) into a new store at ``path``."""
    from warwire import ingest, pipeline
    from warwire.store import open_store

    files = sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.html"))
    if SHARED.is_dir():
        files += sorted(SHARED.glob("*.txt"))
    files = [f for f in files if f.name.lower() != "readme.md"]
    with open_store(path) as store:
        for f in files:
            article = ingest.load(str(f), published=PUBLISHED.get(f.name), source="warwire sample"
                                  if f.parent == SAMPLES else None)
            store.add(pipeline.extract(article))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, env: dict | None = None) -> tuple[subprocess.Popen, str]:
    """`warwire serve` on a free loopback port; returns the process and its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "warwire.cli", "serve", "--db", str(db), "--port", str(port)],
        env={**os.environ, "WARWIRE_API_KEY": "", **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/openapi.json", timeout=2).read()
            return proc, base
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode())
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("warwire serve did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "store.db"
    fill_store(path)
    return path


@pytest.fixture(scope="module")
def server(store_path):
    proc, base = start_server(store_path)
    yield base
    stop(proc)


def get(base: str, path: str, **params) -> tuple[int, dict | str, dict]:
    url = base + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            body, status, headers = r.read().decode(), r.status, dict(r.headers)
    except urllib.error.HTTPError as e:
        body, status, headers = e.read().decode(), e.code, dict(e.headers)
    ctype = headers.get("content-type", "")
    return status, (json.loads(body) if ctype.startswith("application/json") else body), headers


def khan_events(events: list[dict]) -> list[dict]:
    return [e for e in events if e["location"] and abs(e["location"]["lat"] - KHAN[0]) < 0.02
            and abs(e["location"]["lon"] - KHAN[1]) < 0.02]


# --------------------------------------------------------------------------- reading


def test_openapi_and_pages(server):
    status, spec, _ = get(server, "/openapi.json")
    assert status == 200
    for path in ("/events", "/events/{event_id}", "/places", "/places/{place_id}/control",
                 "/actors", "/articles", "/stats", "/export"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/articles"]
    status, html, headers = get(server, "/")
    assert status == 200 and "leaflet.js" in html and "app.js" in html
    assert "default-src 'self'" in headers["content-security-policy"]
    status, docs, _ = get(server, "/docs")
    assert status == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs.split("<body>")[0].replace(
        "https://fastapi.tiangolo.com", "")
    status, js, _ = get(server, "/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert status == 200 and len(js) > 100_000


def test_events_list_khan_shaikhoun(server):
    status, page, headers = get(server, "/events", country="SY")
    assert status == 200
    assert "access-control-allow-origin" not in {k.lower() for k in headers}  # CORS off
    events = khan_events(page["events"])
    assert events, [e["location"]["name"] for e in page["events"]]
    assert page["total"] == len(page["events"]) >= 2
    subs = {e["sub_event_type"] for e in events}
    assert "Non-violent transfer of territory" in subs
    transfer = next(e for e in events if e["sub_event_type"] == "Non-violent transfer of territory")
    assert transfer["date"] == "2019-08-20"
    assert transfer["location"]["name"] == "Khan Shaykhun" and transfer["location"]["country"] == "SY"
    assert "Military Forces of Syria (2000-)" in (transfer["actor1"], transfer["actor2"])
    outlets = {s["outlet"] for s in transfer["source_details"]}
    assert "warwire sample" in outlets
    assert all(s["article_id"] for s in transfer["source_details"])
    assert any(c["claimant"] == "local activist" for c in transfer["claims"])
    # newest first, dates non-increasing
    dates = [e["date"] for e in page["events"] if e["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/samples (reference article) not present")
def test_contested_hts_claim_beside_the_activists(server):
    status, page, _ = get(server, "/events", bbox="36.6,35.4,36.7,35.5", contested="true")
    assert status == 200 and page["events"]
    ev = page["events"][0]
    stances = {(c["stance"], c["claimant"]) for c in ev["claims"]}
    contest = [c for c in ev["claims"] if c["stance"] in ("contests", "denies")]
    assert contest and "redeployment" in contest[0]["proposition"], stances
    assert any(c["stance"] == "asserts" and "withdr" in c["proposition"] for c in ev["claims"])


def test_filters(server):
    def ids(**params):
        status, page, _ = get(server, "/events", **params)
        assert status == 200, page
        return {e["id"] for e in page["events"]}

    everything = ids(limit=1000)
    idlib = ids(bbox="36.0,35.0,37.5,36.5")
    kenya = ids(country="KE")
    assert idlib and kenya and not idlib & kenya and idlib | kenya <= everything
    assert ids(country="Kenya") == ids(country="KEN") == kenya
    assert ids(bbox="170,-10,-170,10") == set()  # across the antimeridian: nothing there
    assert ids(start="2019-08-20", end="2019-08-20") == ids(start="2019-08-20", end="2019-08-20",
                                                            bbox="-180,-90,180,90")
    day = ids(start="2019-08-20", end="2019-08-20")
    assert day and day < everything and ids(start="2019-08", end="2019-08") >= day
    assert ids(start="2019") >= day and ids(end="2018") & day == set()
    assert ids(event_type="Protests") == ids(sub_event_type="Protest with intervention") | ids(
        sub_event_type="Peaceful protest") | ids(sub_event_type="Excessive force against protesters")
    assert ids(event_type=["Protests", "Battles"]) == ids(event_type="Protests") | ids(event_type="Battles")
    assert ids(actor="Tahrir") and ids(actor="Tahrir") <= idlib
    assert ids(actor="' OR 1=1 --") == set()  # parameterised, not injectable
    assert ids(place="Khan") and ids(place="Khan") <= idlib
    assert ids(q="Khan Sheikhoun") and ids(q="Khan Sheikhoun") <= idlib
    assert ids(q="Nairobi") <= kenya
    assert ids(contested="true") | ids(contested="false") == everything


def test_pagination_cursor_and_offset(server):
    _, full, _ = get(server, "/events", limit=1000)
    expected = [e["id"] for e in full["events"]]
    assert len(expected) >= 4
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        status, page, _ = get(server, "/events", **params)
        assert status == 200
        seen += [e["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == expected
    _, p2, _ = get(server, "/events", limit=2, offset=2)
    assert [e["id"] for e in p2["events"]] == expected[2:4]
    _, asc, _ = get(server, "/events", limit=1000, order="asc")
    assert [e["id"] for e in asc["events"]] == list(reversed(expected))


BAD = [
    ({"bbox": "not,a,box"}, "bbox"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "1,2,3,nan"}, "bbox"),
    ({"bbox": "0,95,1,96"}, "bbox"),
    ({"bbox": "0,10,1,5"}, "bbox"),
    ({"start": "not-a-date"}, "start"),
    ({"start": "2019-02-30"}, "start"),
    ({"end": "20190820"}, "end"),
    ({"start": "2020-01-01", "end": "2019-01-01"}, "start"),
    ({"limit": "-5"}, "limit"),
    ({"limit": "0"}, "limit"),
    ({"limit": "1001"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"event_type": "Picnics"}, "event_type"),
    ({"sub_event_type": "Armed clash", "event_type": "Protests"}, "sub_event_type"),
    ({"country": "Atlantis"}, "country"),
    ({"contested": "maybe"}, "contested"),
    ({"cursor": "garbage!"}, "cursor"),
    ({"q": "!!!"}, "q"),
    ({"order": "sideways"}, "order"),
]


@pytest.mark.parametrize("params,name", BAD, ids=[json.dumps(p) for p, _ in BAD])
def test_malformed_parameters_answer_400_json(server, params, name):
    status, body, _ = get(server, "/events", **params)
    assert status == 400, body
    assert body["error"] == "invalid_parameter" and body["parameter"] == name
    assert name in body["message"] and len(body["message"]) < 300


def test_other_malformed_requests(server):
    assert get(server, "/stats", start="x")[0] == 400
    assert get(server, "/export", format="xlsx")[0] == 400
    assert get(server, "/places", bbox="a")[0] == 400
    assert get(server, "/actors", kind="aliens")[0] == 400
    assert get(server, "/places/wof:1125778451/control", on="yesterday")[0] == 400
    status, body, _ = get(server, "/events/ev-doesnotexist")
    assert status == 404 and body["error"] == "not_found"
    status, body, _ = get(server, "/no/such/path")
    assert status == 404 and body["error"] == "not_found"


def test_event_detail_has_evidence_and_full_claims(server):
    _, page, _ = get(server, "/events", place="Khan", sub_event_type="Non-violent transfer of territory")
    ev_id = page["events"][0]["id"]
    status, ev, _ = get(server, f"/events/{urllib.parse.quote(ev_id)}")
    assert status == 200 and ev["id"] == ev_id
    assert ev["evidence"] and all(s["text"] and s["text"] in s["context"] for s in ev["evidence"])
    assert any(a["name"] == "Military Forces of Syria (2000-)" for a in ev["actors"])
    assert ev["article"]["title"]
    activist = next(c for c in ev["claims"] if c["claimant"] == "local activist")
    assert activist["quote"]["text"].startswith("Fighters from Hayat Tahrir al-Sham")
    assert activist["span"]["text"]


def test_places_actors_articles_stats(server):
    status, body, _ = get(server, "/places", q="Khan")
    assert status == 200
    khan = next(p for p in body["places"] if p["name"] == "Khan Shaykhun")
    assert abs(khan["lat"] - KHAN[0]) < 0.01 and khan["events"] >= 1 and khan["mentions"] >= 1
    status, body, _ = get(server, "/actors", q="Tahrir")
    assert status == 200 and body["actors"][0]["name"] == "Hayat Tahrir al-Sham"
    assert body["actors"][0]["kind"] == "rebel_group"
    status, body, _ = get(server, "/articles")
    assert status == 200 and any("Khan Sheikhoun" in (a["title"] or "") for a in body["articles"])
    status, stats, _ = get(server, "/stats")
    assert status == 200 and stats["events"] == stats["totals"]["events"] > 0
    assert stats["by_country"]["SY"] >= 2 and stats["by_day"]["2019-08-20"] >= 1
    status, sy, _ = get(server, "/stats", country="SY")
    assert set(sy["by_country"]) == {"SY"}


def test_control_timeline_endpoint(server):
    status, body, _ = get(server, "/places/wof:1125778451/control", on="2019-08-21")
    assert status in (200, 501), body
    if status == 501:
        assert body["error"] == "not_implemented" and "control" in body["message"]
    else:
        assert body["name"] == "Khan Shaykhun" and body["timeline"]
        assert body["on"] == "2019-08-21" and body["control"]["status"]
        assert any("Hayat Tahrir al-Sham" in " ".join(e["actors"] + e["opponents"]) or e["kind"] == "encircled"
                   for e in body["timeline"]), body["timeline"]
    assert get(server, "/places/wof:0/control")[0] == 404


def test_exports_from_the_api(server):
    status, text, headers = get(server, "/export", format="acled-csv", country="SY")
    assert status == 200 and headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ACLED_COLUMNS
    records = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert records and {r["country"] for r in records} == {"Syria"}
    assert any(r["location"] == "Khan Shaykhun" and r["event_date"] == "2019-08-20" for r in records)
    status, text, headers = get(server, "/export", format="geojson", bbox="36.0,35.0,37.5,36.5")
    gj = json.loads(text)
    assert headers["content-type"].startswith("application/geo+json")
    assert gj["type"] == "FeatureCollection" and gj["features"]
    for f in gj["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert 36.0 <= lon <= 37.5 and 35.0 <= lat <= 36.5
    status, text, _ = get(server, "/export", format="jsonl", event_type="Protests")
    lines = [json.loads(x) for x in text.splitlines()]
    assert lines and all(x["event_type"] == "Protests" for x in lines)


def test_writes_disabled_without_key(server):
    req = urllib.request.Request(server + "/articles", data=b'{"text": "x"}', method="POST",
                                 headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=10)
    assert err.value.code == 403
    assert "WARWIRE_API_KEY" in json.loads(err.value.read())["message"]


# --------------------------------------------------------------------------- writes (in-process)


@pytest.fixture()
def writer(store_path, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from warwire.api import create_app

    db = tmp_path / "w.db"
    shutil.copy(store_path, db)
    app = create_app(db, api_key="s3cret", max_body=20_000)
    with TestClient(app) as client:
        yield client


TEXT = (
    "Government forces shelled the town of Ma'arrat an Nu'man in Idlib province on Monday, "
    "killing four civilians, the Syrian Observatory for Human Rights said."
)


def test_post_article_needs_the_key(writer):
    assert writer.post("/articles", json={"text": TEXT}).status_code == 401
    r = writer.post("/articles", json={"text": TEXT}, headers={"X-API-Key": "wrong"})
    assert r.status_code == 401 and r.json()["error"] == "unauthorized"


def test_post_article_ingests_like_the_cli(writer):
    before = writer.get("/stats").json()["totals"]["articles"]
    body = {"text": TEXT, "published": "2019-08-27", "source": "test wire"}
    r = writer.post("/articles", json=body, headers={"X-API-Key": "s3cret"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["added"] is True and out["events"] >= 1
    assert writer.get("/stats").json()["totals"]["articles"] == before + 1
    events = writer.get("/events", params={"article": out["article_id"]}).json()["events"]
    assert events and events[0]["date"] == "2019-08-26"
    again = writer.post("/articles", json=body, headers={"Authorization": "Bearer s3cret"})
    assert again.status_code == 200 and again.json()["added"] is False
    plain = writer.post("/articles?published=2019-08-27", content=TEXT.replace("four", "five"),
                        headers={"X-API-Key": "s3cret", "Content-Type": "text/plain"})
    assert plain.status_code == 201, plain.text


def test_post_article_rejects_bad_bodies(writer):
    key = {"X-API-Key": "s3cret"}
    big = writer.post("/articles", json={"text": "x " * 20_000}, headers=key)
    assert big.status_code == 413 and big.json()["error"] == "too_large"
    assert writer.post("/articles", content=b"{nope", headers={**key, "Content-Type": "application/json"}).status_code == 400
    assert writer.post("/articles", json={"title": "no body"}, headers=key).status_code == 422
    assert writer.post("/articles", json={"text": TEXT, "published": "someday"}, headers=key).status_code == 400
    r = writer.post("/articles", content=b"\x00\x01", headers={**key, "Content-Type": "application/pdf"})
    assert r.status_code == 415
    refused = writer.post("/articles", json={"url": "http://127.0.0.1:9/x"}, headers=key)
    assert refused.status_code == 403 and refused.json()["error"] == "fetch_refused"


# --------------------------------------------------------------------------- helpers and store


def test_parsers():
    from warwire.api import ApiError, fts_query, parse_bbox, parse_date

    assert parse_bbox("36,35,37.5,36.5") == (36.0, 35.0, 37.5, 36.5)
    assert parse_bbox(" -10 , -5 , 10 , 5 ") == (-10.0, -5.0, 10.0, 5.0)
    assert str(parse_date("2019-02", "end", end=True)) == "2019-02-28"
    assert str(parse_date("2020-02", "end", end=True)) == "2020-02-29"
    assert str(parse_date("2019-12", "end", end=True)) == "2019-12-31"
    assert str(parse_date("2019", "start")) == "2019-01-01"
    with pytest.raises(ApiError):
        parse_date("2019-13", "start")
    assert fts_query('al-Sham "OR" x*') == '"al"* "Sham"* "OR"* "x"*'


def test_store_indexes_follow_writes(tmp_path):
    from warwire.model import Article, Event, Extraction, Place
    from warwire.store import open_store

    def extraction(i: int, lat: float, lon: float) -> Extraction:
        art = Article(id=f"a{i}", text=f"text {i}", content_hash=f"h{i}")
        place = Place(text="X", start=0, end=1, name=f"Place{i}", gazetteer_id=f"t:{i}", lat=lat,
                      lon=lon, feature_type="locality", country="SY")
        ev = Event(id=f"ev{i}", event_type="Battles", sub_event_type="Armed clash",
                   date="2020-01-0%d" % (i + 1), location=place, notes=f"zebra{i} crossing")
        return Extraction(article=art, events=[ev])

    db = tmp_path / "s.db"
    with open_store(db) as store:
        store.add(extraction(0, 35.0, 36.0))
        store.add(extraction(1, -1.0, 170.0))
        conn = store._conn
        rows = conn.execute("SELECT lat, lon, date FROM events_rtree ORDER BY pk").fetchall()
        assert [tuple(r) for r in rows] == [(35.0, 36.0, "2020-01-01"), (-1.0, 170.0, "2020-01-02")]
        hits = conn.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH 'zebra1'").fetchall()
        assert len(hits) == 1
        conn.execute("DELETE FROM articles WHERE id = 'a1'")
        assert conn.execute("SELECT COUNT(*) FROM events_rtree").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH 'zebra1'").fetchone()[0] == 0


def test_serve_refuses_missing_store(tmp_path):
    r = subprocess.run([sys.executable, "-m", "warwire.cli", "serve", "--db", str(tmp_path / "none.db")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "no such store" in r.stderr


# --------------------------------------------------------------------------- schemathesis


def test_schemathesis_no_server_errors(server):
    """Every operation, generated valid and invalid inputs: never a 5xx, always JSON errors."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis.checks import not_a_server_error

    from schemathesis.generation import GenerationMode

    schema = schemathesis.openapi.from_url(server + "/openapi.json")
    failures, calls, statuses = [], [0], set()
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @settings(max_examples=12, deadline=None, database=None, derandomize=True,
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case):
                response = case.call(base_url=server, timeout=30)
                calls[0] += 1
                statuses.add(response.status_code)
                if response.status_code >= 500:
                    failures.append((case.method, case.formatted_path, case.query,
                                     response.status_code, response.text[:200]))
                case.validate_response(response, checks=[not_a_server_error])
                if response.status_code >= 400:
                    assert response.json()["message"]

            try:
                check()
            except Unsatisfiable:  # nothing in this operation can be made invalid
                assert mode is GenerationMode.NEGATIVE
    assert not failures, failures
    assert calls[0] >= 100 and 200 in statuses and 400 in statuses, (calls, statuses)
    print(f"schemathesis: {calls[0]} requests, statuses {sorted(statuses)}")
