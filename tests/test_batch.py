"""warwire batch: parallel workers, one writer, resumable after SIGKILL, identical stores.

The kill test starts a real ``warwire batch`` process on ~50 short articles, SIGKILLs it at
random points three times, resumes it, and compares the store with an uninterrupted run's.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from warwire import batch
from warwire.engines import WorkerLost
from warwire.engines.local import InlineEngine
from warwire.engines.worker import ChunkResult, Item, Outcome, WorkerOptions, process_chunk
from warwire.errors import DataError, InputError
from warwire.store import open_store

ROOT = Path(__file__).resolve().parents[1]

# ------------------------------------------------------------------ test articles (generated)

_PLACES = [  # (town, province, country adjective, state forces, armed group)
    ("Khan Sheikhoun", "Idlib", "Syrian", "Syrian government forces", "Hayat Tahrir al-Sham"),
    ("Maarat al-Numan", "Idlib", "Syrian", "Syrian government forces", "Hayat Tahrir al-Sham"),
    ("Mandera", "Mandera", "Kenyan", "Kenyan security forces", "al-Shabaab"),
    ("Garissa", "Garissa", "Kenyan", "Kenyan police", "al-Shabaab"),
    ("Maiduguri", "Borno", "Nigerian", "Nigerian troops", "Boko Haram"),
    ("Kidal", "Kidal", "Malian", "Malian soldiers", "JNIM"),
]
_TEMPLATES = [
    "{forces} shelled {town} in {province} province on Monday, killing {n} civilians, a local "
    "monitor said.\n\nResidents said several houses were destroyed in the attack.",
    "Fighters from {group} attacked an army post near {town} on Sunday. {n} soldiers were killed "
    "in the clashes that followed, officials said.\n\nThe {adj} army said it had repelled the attack.",
    "Hundreds of people marched through {town} on Tuesday to protest against rising prices. "
    "Police fired tear gas to disperse the protesters, witnesses said.",
    "{forces} arrested {n} people in {town} on Wednesday on suspicion of links to {group}, "
    "a spokesman said.",
]


def make_records(n_bad: int = 2) -> list[dict]:
    """~50 short, varied articles (some reporting the same event twice) plus a duplicate."""
    records = []
    for t, template in enumerate(_TEMPLATES):
        for p, (town, province, adj, forces, group) in enumerate(_PLACES):
            text = template.format(town=town, province=province, adj=adj, forces=forces,
                                   group=group, n=3 + p + t)
            day = 10 + p
            records.append({"id": f"a{t}{p}", "text": text, "published": f"2021-03-{day:02d}",
                            "source": "Wire A"})
            if t < 2:  # a second outlet reports the same event in other words
                records.append({"id": f"b{t}{p}", "published": f"2021-03-{day:02d}",
                                "source": "Wire B",
                                "text": f"{town} ({adj} news) - " + text.replace("said", "reported")})
    records.append(dict(records[0], id="a00-again"))  # same text, another id
    return records


def write_jsonl(path: Path, records: list[dict], bad: bool = True) -> Path:
    lines = [json.dumps(r) for r in records]
    if bad:
        lines.insert(5, "{not json")
        lines.insert(17, json.dumps({"id": "no-text", "published": "2021-03-01"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def warwire_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "warwire.cli", *args]


# ------------------------------------------------------------------ input


def test_jsonl_items_have_content_keys_and_bad_lines_become_errors(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", make_records()[:6])
    items = list(batch.iter_items(src))
    assert len(items) == 8 and batch.count_items(src) == 8
    bad = [i for i in items if i.error]
    assert [i.name for i in bad] == [f"{src}:6", f"{src}:8 (id no-text)"]
    assert bad[0].error.startswith("invalid JSON") and "no 'text'" in bad[1].error
    assert items[0].record["id"] == "a00" and items[0].name == f"{src}:1 (id a00)"
    # the key is the content: the same line elsewhere has the same key, options change it
    again = list(batch.iter_items(write_jsonl(tmp_path / "b.jsonl", make_records()[3:4], bad=False)))
    assert again[0].key == items[3].key
    dated = list(batch.iter_items(src, published=__import__("datetime").date(2020, 1, 1)))
    assert dated[0].key != items[0].key and dated[0].published == "2020-01-01"


def test_folder_items_sorted_with_kinds(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Police arrested five people in Nairobi on Monday.")
    (tmp_path / "a.html").write_text("<html><body><p>Text</p></body></html>")
    (tmp_path / "sub" / "c.htm").write_text("<p>x</p>")
    (tmp_path / "notes.md").write_text("ignored")
    items = list(batch.iter_items(tmp_path))
    assert [Path(i.name).name for i in items] == ["a.html", "b.txt", "c.htm"]
    assert [i.kind for i in items] == ["html", "auto", "html"]
    assert items[1].data.startswith(b"Police") and batch.count_items(tmp_path) == 3


def test_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(batch.iter_items(tmp_path / "nope.jsonl"))


# ------------------------------------------------------------------ runner (in-process)


def test_inline_run_stores_records_errors_once_and_resumes(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", make_records()[:8])
    db = tmp_path / "s.db"
    with open_store(db) as store:
        stats = batch.run(batch.iter_items(src), store, InlineEngine(WorkerOptions()), chunk_size=3)
        assert (stats.items, stats.stored, stats.errors, stats.skipped) == (10, 8, 2, 0)
        assert stats.events >= 6 and stats.words > 100
        assert [e["name"] for e in store.errors()] == [f"{src}:6", f"{src}:10 (id no-text)"]
    first = batch.canonical_dump(db)
    assert len(first["articles"]) == 8 and len(first["ingest_errors"]) == 2
    with open_store(db) as store:
        again = batch.run(batch.iter_items(src), store, InlineEngine(WorkerOptions()), chunk_size=3)
    assert (again.items, again.skipped, again.errors) == (0, 10, 0)
    assert batch.canonical_dump(db) == first


def test_duplicate_items_are_written_once(tmp_path):
    recs = make_records()[:3]
    src = write_jsonl(tmp_path / "in.jsonl", recs + recs + [{"id": "x"}, {"id": "x"}], bad=False)
    db = tmp_path / "s.db"
    with open_store(db) as store:
        stats = batch.run(batch.iter_items(src), store, InlineEngine(WorkerOptions()), chunk_size=2)
        assert stats.stored == 3 and stats.errors == 1 and stats.skipped == 4
        assert len(store.errors()) == 1


class _FlakyEngine:
    """Loses its worker on the first chunk holding ``poison``; on every chunk for ``fatal``."""

    name = "flaky"
    workers = 2

    def __init__(self, poison: str, fatal: str):
        self.poison, self.fatal, self.restarts, self.crashed = poison, fatal, 0, False

    def submit(self, chunk):
        return chunk

    def result(self, chunk):
        ids = {i.record.get("id") for i in chunk if i.record}
        if self.fatal in ids or (self.poison in ids and not self.crashed):
            self.crashed = True
            raise WorkerLost("worker killed by the OOM killer")
        outcomes = [Outcome(i.index, i.key, i.name, error=f"fake {i.record['id']}") for i in chunk]
        return ChunkResult(outcomes, 1, 1000, 0.0)

    def restart(self):
        self.restarts += 1

    def close(self):
        pass


def test_lost_worker_costs_only_its_items(tmp_path):
    recs = make_records()[:6]
    src = write_jsonl(tmp_path / "in.jsonl", recs, bad=False)
    engine = _FlakyEngine(poison=recs[1]["id"], fatal=recs[4]["id"])
    with open_store(tmp_path / "s.db") as store:
        stats = batch.run(batch.iter_items(src), store, engine, chunk_size=3)
        errors = {e["name"]: e["error"] for e in store.errors()}
    assert stats.items == 6 and engine.restarts >= 2
    fatal = f"{src}:5 (id {recs[4]['id']})"
    assert "worker died on this item" in errors[fatal]
    assert all(errors[f"{src}:{n} (id {recs[n - 1]['id']})"].startswith("fake") for n in (1, 2, 3, 4, 6))


def test_data_error_stops_the_batch_without_marking_items(tmp_path, monkeypatch):
    from warwire import pipeline

    def broken(*a, **k):
        raise DataError("event_lexicon.toml: invalid")

    monkeypatch.setattr(pipeline, "extract_many", broken)
    src = write_jsonl(tmp_path / "in.jsonl", make_records()[:2], bad=False)
    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(DataError):
            batch.run(batch.iter_items(src), store, InlineEngine(WorkerOptions()))
        assert store.batch_done([i.key for i in batch.iter_items(src)]) == set()


def test_worker_records_one_bad_article_and_keeps_the_rest(monkeypatch):
    from warwire import pipeline

    real = pipeline._extract_doc

    def flaky(article, doc, countries=()):
        if article.id == "b00":
            raise ZeroDivisionError("boom")
        return real(article, doc, countries)

    monkeypatch.setattr(pipeline, "_extract_doc", flaky)
    records = make_records()[:3]
    assert [r["id"] for r in records] == ["a00", "b00", "a01"]
    items = [Item(i, f"k{i}", r["id"], record=r) for i, r in enumerate(records)]
    result = process_chunk(items, WorkerOptions())
    errs = [o.error for o in result.outcomes]
    assert errs[0] is None and errs[2] is None
    assert errs[1] == "internal error in extraction: ZeroDivisionError: boom"
    assert json.loads(result.outcomes[0].extraction)["article"]["id"] == items[0].record["id"]
    assert result.peak_rss_kb > 50_000


def test_retry_errors_tries_failed_items_again(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "x", "url": "http://127.0.0.1:9/none"}], bad=False)
    with open_store(tmp_path / "s.db") as store:
        eng = InlineEngine(WorkerOptions())
        assert batch.run(batch.iter_items(src), store, eng).errors == 1
        assert batch.run(batch.iter_items(src), store, eng).skipped == 1
        again = batch.run(batch.iter_items(src), store, eng, retry_errors=True)
        assert again.errors == 1 and len(store.errors()) == 2


def test_writer_lock_admits_one_writer(tmp_path):
    db = tmp_path / "s.db"
    with batch.writer_lock(db):
        with pytest.raises(InputError, match="another warwire batch"):
            with batch.writer_lock(db):
                pass
    with batch.writer_lock(db):  # released
        pass


def test_progress_lines_without_a_terminal():
    import io

    out = io.StringIO()
    report = batch.progress_reporter(out, tty=False, every=5)
    report(batch.BatchStats(total=100, items=10, seconds=2.0))
    report(batch.BatchStats(total=100, items=20, seconds=3.0))  # within 5 s: quiet
    report(batch.BatchStats(total=100, items=100, seconds=10.0, errors=2))  # the end: always
    lines = out.getvalue().splitlines()
    assert lines == [
        "batch: 10/100 articles, 5.00/s, ETA 0m18s, 0 errors, 0 events",
        "batch: 100/100 articles, 10.00/s, ETA 0m00s, 2 errors, 0 events",
    ]


# ------------------------------------------------------------------ the real command


def test_cli_batch_folder_summary_and_strict(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("kenya-mandera-attack.txt", "nairobi-protest.html"):
        (folder / name).write_bytes((ROOT / "samples" / name).read_bytes())
    (folder / "empty.txt").write_text("   ")
    db = tmp_path / "s.db"
    proc = subprocess.run(
        warwire_cmd("batch", str(folder), "--db", str(db), "--workers", "1", "--published",
                    "2014-12-02", "--strict"),
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "3 articles processed" in proc.stdout and "2 stored" in proc.stdout
    assert "1 errors" in proc.stdout
    assert f"{folder / 'empty.txt'}: empty input" in proc.stderr
    assert "batch: 3/3 articles" in proc.stderr  # plain progress lines off a terminal
    with open_store(db) as store:
        arts = {a.title: a for a in store.articles()}
        assert any("Mandera" in (a.title or "") and str(a.published) == "2014-12-02" for a in arts.values())
        # the HTML page keeps its own date from its metadata
        assert any(str(a.published) == "2023-07-12" for a in arts.values())


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT COUNT(*) FROM batch_items").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_sigkill_three_times_then_resume_equals_uninterrupted_run(tmp_path):
    """Kill a real batch (2 workers) at random points 3 times; resume; stores must be equal."""
    seed = int(os.environ.get("WARWIRE_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    src = write_jsonl(tmp_path / "in.jsonl", make_records())
    total = batch.count_items(src)
    args = ["batch", str(src), "--workers", "2", "--chunk-size", "2", "--no-progress"]

    full = tmp_path / "full.db"
    proc = subprocess.run(warwire_cmd(*args, "--db", str(full)), capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    expected = batch.canonical_dump(full)
    assert len(expected["batch_items"]) == total
    assert len(expected["articles"]) == total - 3  # two bad lines, one duplicate text
    assert len(expected["events"]) >= 30

    killed = tmp_path / "killed.db"
    partial = []
    for round_ in range(3):
        before = _count(killed)
        target = rng.randint(before + 1, max(before + 1, before + (total - before) // 2))
        log = (tmp_path / f"kill{round_}.log").open("w")
        p = subprocess.Popen(warwire_cmd(*args, "--db", str(killed)), stdout=log, stderr=log)
        deadline = time.monotonic() + 120
        try:
            while p.poll() is None and _count(killed) < target and time.monotonic() < deadline:
                time.sleep(0.005)
            # After start-up, items land ~5 ms apart: a short random delay puts the kill
            # anywhere (also inside a transaction) without letting the batch run to its end.
            time.sleep(rng.uniform(0, 0.02))
            p.send_signal(signal.SIGKILL)
            p.wait(10)
        finally:
            if p.poll() is None:
                p.kill()
            log.close()
        partial.append(_count(killed))
    logs = "".join((tmp_path / f"kill{r}.log").read_text()[-2000:] for r in range(3))
    msg = f"seed {seed} (WARWIRE_KILL_SEED), items done after each kill: {partial}\n{logs}"
    assert any(0 < n < total for n in partial), msg  # the kills did interrupt the batch

    proc = subprocess.run(warwire_cmd(*args, "--db", str(killed)), capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"{partial[-1]} done by an earlier run" in proc.stdout, msg
    got = batch.canonical_dump(killed)
    for table in expected:
        assert got[table] == expected[table], f"{table} differs ({msg})"
    assert got == expected, msg


# ------------------------------------------------------------------ worker memory and stage times


def test_memory_zone_frees_new_words_and_keeps_every_fact():
    """Workers parse in spaCy memory zones: the words of an article are forgotten after its
    batch (a long run does not grow with every new name), and nothing extracted changes."""
    from warwire import ingest, nlp, pipeline

    text = ("Fighters of the Vorthaxi Brigade shelled Mandera on Monday, killing 7 civilians, "
            "a Qelzumbra monitor said.\n\nBrugnatel residents said 12 houses were destroyed.")
    arts = [ingest.from_text(text, id="zone-1", published="2021-03-10"),
            ingest.from_text(text.replace("Mandera", "Garissa"), id="zone-2", published="2021-03-11")]
    strings = nlp.load().vocab.strings
    pipeline.extract(ingest.from_text("Police arrested two men in Nairobi.", id="warm"))
    before = len(strings)
    zoned = list(pipeline.extract_many(arts, memory_zone=True))
    assert len(strings) == before
    assert "Vorthaxi" not in strings
    plain = list(pipeline.extract_many(arts))
    assert "Vorthaxi" in strings and len(strings) > before
    assert [z.model_dump() for z in zoned] == [p.model_dump() for p in plain]
    assert [p.name for p in zoned[0].places] == ["Mandera"]
    assert [e.fatalities for e in zoned[0].events] == [7]
    assert [f.quantity for f in zoned[0].figures if f.unit == "killed"] == [7]


def test_stage_times_count_articles_and_charge_each_stage():
    from warwire import ingest, pipeline

    pipeline.stage_times(reset=True)
    arts = [ingest.from_text(r["text"], id=r["id"]) for r in make_records()[:3]]
    assert len(list(pipeline.extract_many(arts))) == 3
    times = pipeline.stage_times()
    assert times.articles == 3
    table = {stage: secs for stage, secs, _ in times.table()}
    assert list(table) == list(pipeline.STAGES)
    assert table["parse"] > 0 and table["places"] > 0 and table["events"] > 0
    assert abs(sum(share for *_, share in times.table()) - 1.0) < 1e-9
    assert pipeline.stage_times(reset=True).articles == 3 and pipeline.stage_times().articles == 0
