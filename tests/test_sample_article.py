"""End to end on the reference article: everything the foundation issue lists, via the CLI."""

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "khan-shaikhoun-2019-08-20.txt"
pytestmark = pytest.mark.skipif(
    not SAMPLE.exists(), reason=f"reference article not found at {SAMPLE} (../shared is absent)"
)


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def doc():
    out = subprocess.run(
        [sys.executable, "-m", "warwire.cli", "extract", str(SAMPLE), "--published", "2019-08-20", "--format", "json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout)


def events_of(doc, sub):
    return [e for e in doc["events"] if e["sub_event_type"] == sub]


def all_actors(ev):
    return {ev["actor1"], ev["actor2"], *ev["assoc_actor_1"], *ev["assoc_actor_2"], *ev["actor1_candidates"]}


def test_territory_event_at_khan_shaikhoun(doc):
    territory = [
        e for e in doc["events"]
        if e["sub_event_type"] in ("Non-violent transfer of territory", "Government regains territory")
        and e["location"] and km(e["location"]["lat"], e["location"]["lon"], 35.44, 36.65) < 5
    ]
    assert len(territory) == 1, doc["events"]
    ev = territory[0]
    assert ev["date"] == "2019-08-20"
    assert ev["time_precision"] == 1
    assert ev["location"]["geo_precision"] == 1
    actors = all_actors(ev)
    assert "Jaish al-Izza" in actors
    assert "NLF: National Liberation Front" in actors
    assert ev["actor1"] == "Military Forces of Syria (2000-)"  # the side that took the town
    assert ev["notes"].startswith("On 20 August 2019")


def test_air_strike_on_turkish_convoy(doc):
    (ev,) = events_of(doc, "Air/drone strike")
    assert ev["event_type"] == "Explosions/Remote violence"
    assert ev["date"] == "2019-08-19"  # "on Monday", published on a Tuesday
    loc = ev["location"]
    assert km(loc["lat"], loc["lon"], 35.65, 36.67) < 5  # near Maarat al-Numan
    assert loc["geo_precision"] == 2
    assert ev["actor1_uncertain"] is True
    assert set(ev["actor1_candidates"]) == {"Military Forces of Syria (2000-)", "Military Forces of Russia (2000-)"}
    assert ev["actor2"] == "Military Forces of Turkey (2016-)"
    assert ev["inter2"] == 8  # Turkey's army outside Turkey
    assert "uncertain" in ev["notes"]


def test_places_geocoded(doc):
    by_text = {}
    for p in doc["places"]:
        assert doc["article"]["text"][p["start"]:p["end"]] == p["text"]
        by_text.setdefault(p["text"], p)
    shaikhoun, sheikhoun = by_text["Khan Shaikhoun"], by_text["Khan Sheikhoun"]
    assert shaikhoun["gazetteer_id"] == sheikhoun["gazetteer_id"]
    assert km(shaikhoun["lat"], shaikhoun["lon"], 35.44, 36.65) < 3
    expected = {
        "Maarat al-Numan": (35.65, 36.67),
        "Morek": (35.38, 36.69),
        "Aleppo": (36.20, 37.16),
        "Damascus": (33.51, 36.29),
    }
    for name, (lat, lon) in expected.items():
        assert km(by_text[name]["lat"], by_text[name]["lon"], lat, lon) < 10, name
    assert by_text["Turkey"]["feature_type"] == "country" and by_text["Turkey"]["country"] == "TR"
    assert by_text["Russia"]["feature_type"] == "country" and by_text["Russia"]["country"] == "RU"
    assert "Hama" in " ".join(by_text)
    province = by_text["Idlib province"]
    assert province["feature_type"] == "region" and province["geo_precision"] == 3


def test_idlib_province_and_city_are_distinct_places():
    from warwire import gazetteer

    hits = gazetteer.search("Idlib", country="SY", limit=50)
    types = {e.feature_type for e in hits}
    assert "region" in types and "locality" in types
    region = next(e for e in hits if e.feature_type == "region")
    city = next(e for e in hits if e.feature_type == "locality")
    assert region.id != city.id


def test_quotes_with_speakers_and_roles(doc):
    quotes = doc["quotes"]
    by_speaker = {}
    for q in quotes:
        by_speaker.setdefault(q["speaker"], []).append(q)
    suleiman = by_speaker["Suleiman Abdulqader"]
    assert any("local activist" in (q["speaker_role"] or "") for q in suleiman)
    # the later 'Suleiman said' and 'he said' quotes are the same person
    assert any("still stuck north of Khan Sheikhoun" in q["text"] for q in suleiman)
    assert any("moved towards the north" in q["text"] for q in suleiman)
    assert "Ahmed Husseinat" in by_speaker
    sheikho = by_speaker["Ahmed Sheikho"]
    assert any("Syrian Civil Defence" in (q["speaker_role"] or "") for q in sheikho)
    assert any("virtually no civilians" in q["text"] for q in sheikho)


def test_hts_redeployment_contests_withdrawal(doc):
    claims = doc["claims"]
    hts = [c for c in claims if "redeployment" in c["proposition"]]
    assert hts and hts[0]["stance"] == "contests"
    assert "Tahrir al-Sham" in hts[0]["claimant"]
    event = next(e for e in doc["events"] if e["id"] == hts[0]["event_id"])
    assert event["sub_event_type"] == "Non-violent transfer of territory"
    assert event["contested"] is True
    # the activists' account of a withdrawal is kept beside it
    assert any(c["event_id"] == event["id"] and c["stance"] == "asserts" and "withdr" in c["proposition"] for c in claims)


def test_figures(doc):
    figs = doc["figures"]
    un = [f for f in figs if f["quantity"] == 400_000]
    assert un and un[0]["unit"] == "displaced" and un[0]["source"] == "United Nations"
    assert any(f["quantity"] == 3_000_000 and f["unit"] == "population" for f in figs)
    assert any(f["quantity"] == 1_500_000 and f["unit"] == "displaced" for f in figs)


def test_article_source_and_no_boilerplate(doc):
    art = doc["article"]
    assert art["original_source"] == "Al Jazeera"
    assert art["republished"] is True
    assert "Filed under" not in art["text"]
    assert any("Omar Haj Kadour/AFP" in c for c in art["captions"])
    for ev in doc["events"]:
        assert "Filed under" not in ev["notes"] and "AFP]" not in ev["notes"]
        assert "Al Jazeera" in ev["sources"]


def test_actors_with_affiliations(doc):
    actors = {a["name"]: a for a in doc["actors"]}
    hts = actors["Hayat Tahrir al-Sham"]
    assert any(r["relation"] == "formerly" and "al-Qaeda" in r["target"] for r in hts["affiliations"])
    nlf = actors["NLF: National Liberation Front"]
    assert any(r["relation"] == "backed_by" and "Turkey" in r["target"] for r in nlf["affiliations"])
    for name in ("Jaish al-Izza", "Military Forces of Syria (2000-)", "Military Forces of Turkey (2016-)",
                 "Military Forces of Russia (2000-)"):
        assert name in actors
