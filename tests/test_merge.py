"""Republished copies and cross-article event merges: decisions, store integration, unmerge."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwire import merge
from warwire.errors import DataError
from warwire.model import Article, Claim, Event, Extraction, Place, Span
from warwire.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared" / "samples"
SAMPLE = SHARED / "khan-shaikhoun-2019-08-20.txt"
ROOT = Path(__file__).resolve().parents[1]

KHAN = dict(name="Khan Shaykhun", gazetteer_id="wof:1125778451", lat=35.442, lon=36.651,
            feature_type="locality", admin1="Idlib", country="SY")
MAARAT = dict(name="Ma'arrat an Nu'man", gazetteer_id="wof:1226623337", lat=35.648, lon=36.677,
              feature_type="locality", admin1="Idlib", country="SY")
SYRIA = "Military Forces of Syria (2000-)"
RUSSIA = "Military Forces of Russia (2000-)"
TURKEY = "Military Forces of Turkey (2016-)"
HTS = "Hayat Tahrir al-Sham"


def _place(text: str, where: dict) -> Place:
    return Place(text=text, start=0, end=len(text), **where)


def _event(eid: str, text: str, *, sub="Air/drone strike", etype="Explosions/Remote violence",
           date=dt.date(2019, 8, 19), where=MAARAT, surface="Maarat al-Numan", actor1=SYRIA,
           actor2=TURKEY, fatalities=0, source="Outlet A", article="a1", **kw) -> Event:
    return Event(id=eid, event_type=etype, sub_event_type=sub, date=date,
                 location=_place(surface, where), actor1=actor1, actor2=actor2,
                 fatalities=fatalities, evidence=[Span(start=0, end=len(text), text=text)],
                 sources=[source], article_ids=[article], **kw)


def _extraction(aid: str, text: str, events: list[Event], source: str, claims=()) -> Extraction:
    art = Article(id=aid, text=text, source=source, published=dt.date(2019, 8, 20),
                  content_hash=hashlib.sha256(text.encode()).hexdigest())
    return Extraction(article=art, events=events, claims=list(claims))


# --------------------------------------------------------------------------- decisions
def test_same_event_other_outlet_other_figures_merges_and_explains():
    a = _event("a", "Warplanes struck a Turkish military convoy on the Damascus-Aleppo highway near Maarat "
               "al-Numan, killing three.", fatalities=3)
    b = _event("b", "Russian jets bombed a Turkish military convoy on the M5 highway close to Maarrat "
               "al-Nouman; four died.", actor1=RUSSIA, fatalities=4, source="Outlet B", article="a2")
    d = merge.compare_events(a, b)
    assert d.merge and d.score >= 0.9
    exp = d.explain()
    assert set(exp["criteria"]) == {"type", "date", "place", "actors", "support"}
    assert exp["criteria"]["place"]["score"] == 1.0
    assert "perpetrator differs" in exp["criteria"]["actors"]["reason"]
    # a disputed perpetrator is only compatible coding: the shared details carry the merge
    assert exp["reason"].startswith("compatible coding, supported")
    assert "convo" in exp["criteria"]["support"]["reason"] and "highw" in exp["criteria"]["support"]["reason"]


def test_disputed_perpetrator_without_shared_details_stays_apart():
    a = _event("a", "Warplanes struck a Turkish convoy near Maarat al-Numan, killing three.", fatalities=3)
    b = _event("b", "Russian jets bombed a bakery close to Maarrat al-Nouman; four died.",
               actor1=RUSSIA, fatalities=4, source="Outlet B", article="a2")
    d = merge.compare_events(a, b)
    assert not d.merge and d.veto is None
    assert d.reason.startswith("compatible coding, too little supporting evidence")


def test_other_place_same_day_does_not_merge():
    a = _event("a", "Jets struck Maarat al-Numan.")
    b = _event("b", "Jets struck Khan Shaykhun.", where=KHAN, surface="Khan Shaykhun")
    d = merge.compare_events(a, b)
    assert not d.merge
    assert d.veto and d.veto.startswith("place: different places")


def test_other_day_or_other_actors_do_not_merge():
    a = _event("a", "Jets struck Maarat al-Numan.")
    assert not merge.compare_events(a, _event("b", "x", date=dt.date(2019, 8, 20))).merge
    other = _event("c", "x", actor1="Islamic State", actor2="Civilians (Syria)")
    d = merge.compare_events(a, other)
    assert not d.merge and "actors" in d.veto


def test_unrelated_types_veto():
    a = _event("a", "Jets struck Maarat al-Numan.")
    b = _event("b", "Protest", sub="Peaceful protest", etype="Protests")
    assert merge.compare_events(a, b).veto.startswith("type")


NAIROBI = dict(name="Nairobi", gazetteer_id="wof:421174401", lat=-1.283, lon=36.817,
               feature_type="locality", admin1="Nairobi", country="KE")
IDLIB = dict(name="Idlib", gazetteer_id="wof:85678373", lat=35.768, lon=36.672, feature_type="region",
             admin1="Idlib", country="SY", geo_precision=3)
PROTESTERS, POLICE = "Protesters (Kenya)", "Police Forces of Kenya (2022-)"


def _protest(eid: str, text: str, **kw) -> Event:
    kw.setdefault("actor1", PROTESTERS)
    kw.setdefault("actor2", None)
    return _event(eid, text, sub="Peaceful protest", etype="Protests", date=dt.date(2023, 7, 12),
                  where=NAIROBI, surface="Nairobi", **kw)


def test_two_villages_of_one_district_stay_apart():
    near = dict(MAARAT, name="Kafr Nubl", gazetteer_id="wof:1", lat=35.657, lon=36.690)  # ~1.5 km away
    a = _event("a", "Jets struck a market in Maarat al-Numan.")
    b = _event("b", "Jets struck a market in Kafr Nubl.", where=near, surface="Kafr Nubl", article="a2")
    d = merge.compare_events(a, b)
    assert not d.merge and d.veto.startswith("place: different places (Ma'arrat an Nu'man / Kafr Nubl")


def test_other_spelling_other_gazetteer_entry_is_one_place():
    variant = dict(KHAN, name="Khan Sheikhoun", gazetteer_id="geonames:169389", lat=35.4406, lon=36.6469)
    a = _event("a", "Syrian jets struck Khan Shaykhun market.", where=KHAN, surface="Khan Shaykhun")
    b = _event("b", "Syrian jets struck the Khan Sheikhoun market.", where=variant, surface="Khan Sheikhoun",
               article="a2")
    d = merge.compare_events(a, b)
    assert d.merge and d.reason == "type, place and actors agree"
    assert d.criteria["place"].reason.startswith("one place: Khan Shaykhun / Khan Sheikhoun")
    assert merge.name_similarity("Maarat al-Numan", "Maarrat al-Nouman") == 1.0
    assert merge.name_similarity("Kebos", "Talau") < 0.5


def test_province_level_report_does_not_absorb_a_village_event():
    a = _event("a", "Jets struck Maarat al-Numan.")
    b = _event("b", "Jets struck targets in Idlib province.", where=IDLIB, surface="Idlib province", article="a2")
    d = merge.compare_events(a, b)
    assert not d.merge and d.veto.startswith("place: area Idlib (precision 3) does not locate Ma'arrat an Nu'man")
    # two province-level reports: the same area is no proof of the same place, text must support it
    c = _event("c", "Jets struck targets in Idlib province.", where=IDLIB, surface="Idlib", article="a3")
    assert merge.compare_events(b, c).criteria["place"].exact is False


def test_actor_sets_must_agree_unless_a_side_is_unnamed():
    text = "Hundreds marched through central Nairobi against the fuel tax in the finance bill."
    base = _protest("a", text)
    teachers = _protest("b", text, assoc_actor_1=["Teachers (Kenya)"], article="a2")
    d = merge.compare_events(base, teachers)
    assert not d.merge and d.veto.startswith("actors: actors differ")
    # the same march, police named by one report only: compatible, and the text supports it
    policed = _event("c", "Police fired tear gas as hundreds marched through Nairobi against the fuel tax in the "
                     "finance bill.", sub="Peaceful protest", etype="Protests", date=dt.date(2023, 7, 12),
                     where=NAIROBI, surface="Nairobi", actor1=PROTESTERS, actor2=POLICE, article="a3")
    d = merge.compare_events(base, policed)
    assert d.merge and "unknown" in d.criteria["actors"].reason and "fuel" in d.criteria["support"].reason
    # ... but not another march that day with nothing in common
    other = _event("d", "Teachers rallied outside the education ministry over unpaid salaries; police watched.",
                   sub="Peaceful protest", etype="Protests", date=dt.date(2023, 7, 12), where=NAIROBI,
                   surface="Nairobi", actor1=PROTESTERS, actor2=POLICE, article="a4")
    d = merge.compare_events(base, other)
    assert not d.merge and d.veto is None and "too little supporting evidence" in d.reason


def test_umbrella_actors_cover_their_category_only():
    rebels = "Opposition Rebels (Syria)"
    a = _event("a", "Rebels pulled out of Khan Shaykhun.", sub="Non-violent transfer of territory",
               etype="Strategic developments", date=dt.date(2019, 8, 20), where=KHAN, surface="Khan Shaykhun",
               actor1=SYRIA, actor2=rebels)
    b = _event("b", "HTS fighters withdrew from the town.", sub="Non-violent transfer of territory",
               etype="Strategic developments", date=dt.date(2019, 8, 20), where=KHAN, surface="Khan Sheikhoun",
               actor1=SYRIA, actor2=HTS, assoc_actor_2=["NLF: National Liberation Front"], article="a2")
    d = merge.compare_events(a, b)  # a town changes hands once a day: no text support needed
    assert d.merge and "covered" in d.criteria["actors"].reason and "a day" in d.reason
    gunmen = _event("c", "Gunmen shot dead two traders in Nairobi.", sub="Attack", etype="Violence against civilians",
                    date=dt.date(2023, 7, 12), where=NAIROBI, surface="Nairobi",
                    actor1="Unidentified Armed Group (Kenya)", actor2="Civilians (Kenya)")
    police = _event("d", "Police shot dead two traders in Nairobi.", sub="Attack", etype="Violence against civilians",
                    date=dt.date(2023, 7, 12), where=NAIROBI, surface="Nairobi", actor1=POLICE,
                    actor2="Civilians (Kenya)", article="a2")
    d = merge.compare_events(gunmen, police)
    assert not d.merge and d.veto.startswith("actors")  # the police are no unidentified armed group


def test_a_report_naming_more_factions_of_a_side_is_compatible_but_not_more_forces():
    text = "Fighters of HTS and the NLF withdrew from Khan Shaykhun after the army cut the M5 highway."
    kw = dict(sub="Non-violent transfer of territory", etype="Strategic developments", date=dt.date(2019, 8, 20),
              where=KHAN, surface="Khan Shaykhun", actor1=SYRIA, actor2=HTS)
    a = _event("a", text, assoc_actor_2=["NLF: National Liberation Front"], **kw)
    b = _event("b", text, assoc_actor_2=["NLF: National Liberation Front", "Jaish al-Izza"], article="a2", **kw)
    assert merge.compare_events(a, b).criteria["actors"].reason.startswith("compatible (same, subset)")
    police = "Police Forces of Syria (2000-)"
    c = _event("c", text, assoc_actor_1=[police], assoc_actor_2=["NLF: National Liberation Front"], article="a3",
               **kw)
    assert merge.compare_events(a, c).veto.startswith("actors: actors differ")  # state forces are no factions


def test_store_records_reason_and_support():
    store, _ = _pair_store()
    (rec,) = store.merges()
    assert rec["explanation"]["reason"].startswith("compatible coding, supported by the reports")
    assert rec["explanation"]["criteria"]["support"]["score"] >= 0.3


def test_store_reads_only_nearby_candidates_in_the_date_window(monkeypatch):
    seen: list[list[str]] = []
    real = merge.best_match

    def spy(event, candidates, rules=None):
        seen.append(sorted(c.id for c in candidates))
        return real(event, candidates, rules)

    monkeypatch.setattr(merge, "best_match", spy)
    store = open_store(":memory:")
    far = dict(MAARAT, name="Aleppo", gazetteer_id="wof:421202163", lat=36.202, lon=37.152)
    stored = [("s1", _event("ev-near", CONVOY_A, article="s1")),
              ("s2", _event("ev-far", CONVOY_A + " Aleppo", where=far, surface="Aleppo", article="s2")),
              ("s3", _event("ev-late", CONVOY_A + " later", date=dt.date(2019, 11, 1), article="s3"))]
    for aid, ev in stored:
        store.add(_extraction(aid, ev.evidence[0].text + aid, [ev], "Outlet " + aid))
    seen.clear()
    result = store.add(_extraction("new", CONVOY_B, [_event("ev-new", CONVOY_B, actor1=RUSSIA, article="new")], "B"))
    assert seen == [["ev-near"]] and result.merged == 1


def test_must_merge_rewrites_written_for_the_project():
    """Our own rewrites of sample reports (samples/rewrites, tests/data/rewrites) merge with them."""
    from warwire import ingest, pipeline

    expected = {"convoy-strike-other-outlet.txt", "mandera-quarry-massacre.txt", "nairobi-fuel-protest.txt",
                "khan-shaikhoun-pullout.txt", "khan-sheikhun-withdrawal-other-outlet.txt"}
    merged = set()
    for path in sorted([*(ROOT / "samples/rewrites").glob("*.txt"), *(ROOT / "tests/data/rewrites").glob("*.txt")]):
        head, body = path.read_text(encoding="utf-8").split("\n", 1)
        meta = dict(part.strip().split(": ", 1) for part in head.split("|"))
        other = (ROOT / meta["pair"]).resolve()
        if path.name not in expected or not other.exists():
            continue
        published = dt.date.fromisoformat(meta["published"])
        with open_store(":memory:") as store:
            store.add(pipeline.extract(ingest.load(str(other), published=published)))
            n = store.counts()["events"]
            rewrite = pipeline.extract(ingest.from_text(body, published=published, source=meta["source"]))
            result = store.add(rewrite)
            if result.merged:
                merged.add(path.name)
                assert store.counts()["events"] == n + len(rewrite.events) - result.merged
                assert any(meta["source"] in e.sources and len(e.sources) == 2 for e in store.iter_events())
    available = {n for n in expected if "shaikhoun-pullout" not in n and "withdrawal" not in n} \
        | ({"khan-shaikhoun-pullout.txt", "khan-sheikhun-withdrawal-other-outlet.txt"} if SAMPLE.exists() else set())
    assert merged == available


def test_merged_view_keeps_lowest_figure_and_flags_contest():
    a = _event("a", "t", fatalities=3)
    b = _event("b", "t", actor1=RUSSIA, fatalities=4, source="Outlet B", article="a2")
    view = merge.merged_view(a, [merge.Contribution("a2", "Outlet B", b), merge.Contribution("a3", "Outlet C")])
    assert view.sources == ["Outlet A", "Outlet B", "Outlet C"]
    assert view.article_ids == ["a1", "a2", "a3"]
    assert view.fatalities == 3 and view.contested
    assert view.actor1_candidates == [SYRIA, RUSSIA] and view.actor1_uncertain
    assert "lowest kept" in view.notes


def test_copy_check_trimmed_and_extended():
    body = " ".join(f"Sentence number {i} tells what happened in the town on day {i}." for i in range(40))
    trimmed = body.rsplit(" Sentence number 39", 1)[0]
    assert merge.compare_texts(trimmed, body).is_copy
    longer = body + " " + " ".join(f"New reporting line {i} adds other facts entirely." for i in range(40))
    assert not merge.compare_texts(longer, body).is_copy  # it adds reporting of its own
    assert not merge.compare_texts("Completely different text about another war " * 10, body).is_copy


def test_bad_rules_file_is_data_error(tmp_path):
    bad = tmp_path / "merge.toml"
    bad.write_text((ROOT / "src/warwire/data/merge.toml").read_text().replace("type = 0.25", "type = 0.5"))
    with pytest.raises(DataError, match="merge.toml"):
        merge.load_rules(bad)


# --------------------------------------------------------------------------- store
CONVOY_A = ("Warplanes struck a Turkish military convoy on the Damascus-Aleppo highway near Maarat al-Numan"
            " on Monday, killing three civilians.")
CONVOY_B = "Russian jets bombed a Turkish military convoy on the M5 highway close to Maarrat al-Nouman on Monday; four died."


def _pair_store():
    store = open_store(":memory:")
    a = _extraction("a1", CONVOY_A, [_event("ev-a", CONVOY_A, fatalities=3)], "Outlet A",
                    claims=[Claim(id="c0", claimant="Turkish Defence Ministry", proposition="three killed",
                                  event_id="ev-a", aspect="figure", span=Span(start=0, end=5, text="Warpl"))])
    b = _extraction("a2", CONVOY_B, [_event("ev-b", CONVOY_B, actor1=RUSSIA, fatalities=4,
                                            source="Outlet B", article="a2")], "Outlet B",
                    claims=[Claim(id="c0", claimant="activists", proposition="Russian jets, four died",
                                  event_id="ev-b", aspect="perpetrator", span=Span(start=0, end=5, text="Russi"))])
    store.add(a)
    result = store.add(b)
    return store, result


def test_store_merges_across_articles_and_unmerge_restores_both():
    store, result = _pair_store()
    assert result.added and result.merged == 1
    events = list(store.iter_events())
    assert [e.id for e in events] == ["ev-a"]
    ev = events[0]
    assert ev.sources == ["Outlet A", "Outlet B"] and ev.article_ids == ["a1", "a2"]
    assert ev.contested and ev.fatalities == 3
    assert store.counts()["events"] == 1
    assert [c.claimant for _, c in store.event_claims("ev-a")] == ["Turkish Defence Ministry", "activists"]
    (rec,) = store.merges()
    assert rec["kind"] == "event" and rec["event_id"] == "ev-b" and rec["into_event_id"] == "ev-a"
    assert rec["explanation"]["criteria"]["place"]["score"] == 1.0
    # each article's own extraction is unchanged
    assert store.get_extraction("a2").events[0].id == "ev-b"

    assert store.unmerge(rec["id"]) == [f"{rec['id']}: ev-b split from ev-a"]
    events = {e.id: e for e in store.iter_events()}
    assert set(events) == {"ev-a", "ev-b"}
    assert events["ev-a"].sources == ["Outlet A"] and not events["ev-a"].contested
    assert events["ev-b"].sources == ["Outlet B"]
    assert store.counts()["events"] == 2
    assert store.merges() == [] and store.merges(include_undone=True)[0]["undone_at"]
    assert store.unmerge(rec["id"]) == []  # already undone


def test_unmerge_by_event_id():
    store, _ = _pair_store()
    assert store.unmerge("ev-a")  # the cluster's head: split from all its reports
    assert {e.id for e in store.iter_events()} == {"ev-a", "ev-b"}


def test_one_report_per_article_in_a_cluster():
    store = open_store(":memory:")
    store.add(_extraction("a1", CONVOY_A, [_event("ev-a", CONVOY_A)], "Outlet A"))
    two = [_event("ev-b1", CONVOY_B, source="B", article="a2"), _event("ev-b2", CONVOY_B + " again", source="B", article="a2")]
    result = store.add(_extraction("a2", CONVOY_B + " x", two, "B"))
    assert result.merged == 1
    assert store.counts()["events"] == 2


def _long_text(n: int = 30, extra: str = "") -> str:
    paras = [f"Paragraph {i}: fighting continued around the town as residents fled north on foot {i}."
             for i in range(n)]
    return "\n\n".join([CONVOY_A, *paras]) + extra


def test_republished_copy_adds_only_its_outlet_and_reingest_is_noop():
    store = open_store(":memory:")
    text = _long_text()
    store.add(_extraction("orig", text, [_event("ev-a", CONVOY_A, article="orig")], "Outlet A"))
    before = store.counts()
    copy_text = _long_text(28, "\n\nRead more on our website.")  # trimmed paragraphs, other footer
    copy_ext = _extraction("copy", copy_text, [_event("ev-copy", CONVOY_A, article="copy")], "Outlet C")
    result = store.add(copy_ext)
    assert result.added and result.copy_of == "orig" and result.events == 0
    after = store.counts()
    assert after["events"] == before["events"] == 1
    assert after["places"] == before["places"] and after["quotes"] == before["quotes"]
    (ev,) = store.iter_events()
    assert ev.sources == ["Outlet A", "Outlet C"] and ev.article_ids == ["orig", "copy"]
    (rec,) = store.merges()
    assert rec["kind"] == "copy" and rec["explanation"]["jaccard"] >= 0.8
    assert store.add(copy_ext).added is False  # identical file again: no-op
    assert [e.sources for e in store.iter_events()] == [["Outlet A", "Outlet C"]]
    # unmerge: the copy becomes an article with its own event
    assert store.unmerge("copy")
    assert {e.id for e in store.iter_events()} == {"ev-a", "ev-copy"}
    assert [e.sources for e in store.iter_events() if e.id == "ev-a"] == [["Outlet A"]]


def test_same_text_from_another_outlet_is_a_copy():
    store = open_store(":memory:")
    text = _long_text()
    store.add(_extraction("orig", text, [_event("ev-a", CONVOY_A, article="orig")], "Outlet A"))
    again = _extraction("other-id", text, [_event("ev-z", CONVOY_A)], "Outlet D")
    result = store.add(again)
    assert result.copy_of == "orig" and result.article_id.startswith("other-id~")
    assert store.add(again).added is False
    (ev,) = store.iter_events()
    assert ev.sources == ["Outlet A", "Outlet D"]


def test_copy_with_trimmed_paragraph_does_not_source_the_missing_event():
    store = open_store(":memory:")
    extra = "A second strike hit the bakery in Saraqib where twelve people queued for bread on Monday."
    text = _long_text() + "\n\n" + extra
    events = [_event("ev-a", CONVOY_A, article="orig"),
              _event("ev-s", extra, where=KHAN, surface="Saraqib", article="orig")]
    store.add(_extraction("orig", text, events, "Outlet A"))
    store.add(_extraction("copy", _long_text(), [], "Outlet C"))
    sources = {e.id: e.sources for e in store.iter_events()}
    assert sources == {"ev-a": ["Outlet A", "Outlet C"], "ev-s": ["Outlet A"]}


def test_cli_merges_and_unmerge(tmp_path):
    from warwire.cli import app

    db = tmp_path / "m.db"
    with open_store(db) as store:
        store.add(_extraction("a1", CONVOY_A, [_event("ev-a", CONVOY_A, fatalities=3)], "Outlet A"))
        store.add(_extraction("a2", CONVOY_B, [_event("ev-b", CONVOY_B, actor1=RUSSIA, source="Outlet B",
                                                      article="a2")], "Outlet B"))
    runner = CliRunner()
    out = runner.invoke(app, ["merges", "--db", str(db)])
    assert out.exit_code == 0 and "ev-b -> ev-a" in out.output and "place 1.00" in out.output
    out = runner.invoke(app, ["unmerge", "m1", "--db", str(db)])
    assert out.exit_code == 0 and "ev-b split from ev-a" in out.output
    out = runner.invoke(app, ["unmerge", "m1", "--db", str(db)])
    assert out.exit_code == 1
    out = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    assert len(out.output.strip().splitlines()) == 2


# --------------------------------------------------------------------------- the sample article
@pytest.mark.skipif(not SAMPLE.exists(), reason=f"reference sample {SAMPLE} not available")
def test_sample_and_republished_copy(tmp_path):
    from warwire.cli import app

    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    body = "\n".join(l for l in lines[4:])  # drop the headline block and "Filed under"
    assert "Filed under" not in body
    copy = tmp_path / "copy.txt"
    copy.write_text("SYRIA | Rebels leave Khan Shaikhoun as the offensive advances\n\n"
                    "Syria Desk, 20 August 2019\n\n" + body
                    + "\n\nThis report was compiled with material from agencies and our correspondents.\n"
                    "Share this story\n", encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(SAMPLE), "--published", "2019-08-20", "--db", str(db)])
    assert first.exit_code == 0, first.output
    with open_store(db) as store:
        n_events = store.counts()["events"]
    second = runner.invoke(app, ["ingest", str(copy), "--published", "2019-08-20", "--source", "Syria Desk",
                                 "--db", str(db)])
    assert second.exit_code == 0, second.output
    again = runner.invoke(app, ["ingest", str(copy), "--published", "2019-08-20", "--source", "Syria Desk",
                                "--db", str(db)])
    assert "already stored" in again.output
    with open_store(db) as store:
        assert store.counts()["events"] == n_events
        assert store.counts()["articles"] == 2
    out = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"])
    records = [json.loads(l) for l in out.output.splitlines()]
    assert len(records) == n_events
    khan = [r for r in records if r["location"]["name"] == "Khan Shaykhun"
            and r["sub_event_type"] == "Non-violent transfer of territory"]
    assert khan
    rec = khan[0]
    assert [s["outlet"] for s in rec["sources"]] == ["Al Jazeera", "Syria Desk"]
    assert rec["contested"] is True
    hts = [c for c in rec["claims"] if "redeployment" in c["proposition"]]
    assert hts and hts[0]["stance"] == "contests" and "Tahrir al-Sham" in hts[0]["claimant"]
    # the activists' "withdrew" side by side with it
    assert any(c["stance"] == "asserts" and "withdr" in c["proposition"] and "Tahrir" not in (c["claimant"] or "")
               for c in rec["claims"])
