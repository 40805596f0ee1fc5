"""The command line as a user runs it: exit codes, one-line errors, idempotent ingest, batches."""

import csv
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def warwire(*args, stdin=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "warwire.cli", *map(str, args)],
        capture_output=True, text=True, input=stdin, timeout=timeout,
    )


def assert_one_line_error(proc, *words):
    assert proc.returncode == 1, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    for w in words:
        assert w in lines[0].lower()


def test_extract_sample_json_has_every_section():
    proc = warwire("extract", SAMPLES / "khan-sheikhoun-convoy.txt", "--published", "2019-08-20")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"article", "events", "places", "actors", "quotes", "claims", "figures"}
    strike = [e for e in doc["events"] if e["sub_event_type"] == "Air/drone strike"]
    assert strike and strike[0]["date"] == "2019-08-19" and strike[0]["fatalities"] == 3
    assert all({"lat", "lon", "start", "end"} <= set(p) for p in doc["places"])


def test_extract_html_takes_date_and_outlet_from_metadata():
    proc = warwire("extract", SAMPLES / "nairobi-protest.html")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["article"]["published"] == "2023-07-12"
    assert doc["article"]["source"] == "Example Daily"
    assert "Share this article" not in doc["article"]["text"]
    (ev,) = doc["events"]
    assert ev["sub_event_type"] == "Protest with intervention"
    assert ev["date"] == "2023-07-12" and ev["location"]["name"] == "Nairobi"


def test_text_format_is_readable():
    proc = warwire("extract", SAMPLES / "kenya-mandera-attack.txt", "--published", "2014-12-02", "--format", "text")
    assert proc.returncode == 0, proc.stderr
    assert "Events" in proc.stdout and "Mandera" in proc.stdout and "Al Shabaab" in proc.stdout


def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_text("")
    assert_one_line_error(warwire("extract", f), "empty")


def test_binary_file(tmp_path):
    f = tmp_path / "image.png"
    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    assert_one_line_error(warwire("extract", f), "binary")


def test_huge_file_is_refused_quickly(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    t = time.perf_counter()
    proc = warwire("extract", f)
    assert_one_line_error(proc, "too large")
    assert time.perf_counter() - t < 30


def test_non_utf8_bytes_are_decoded(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Government forces shelled the village of Kafr Nabl in Idlib on Monday, a résident said.".encode("latin-1"))
    proc = warwire("extract", f, "--published", "2019-08-20")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert "résident" in doc["article"]["text"]
    assert doc["events"][0]["sub_event_type"] == "Shelling/artillery/missile attack"


def test_malformed_html(tmp_path):
    f = tmp_path / "broken.html"
    f.write_text("<html><body><p>Unclosed <b>tags<div>Government forces shelled Kafr Nabl in Idlib on Monday.<p>More")
    proc = warwire("extract", f, "--published", "2019-08-20")
    assert proc.returncode == 0, proc.stderr
    assert "Kafr Nabl" in json.loads(proc.stdout)["article"]["text"]


def test_other_language_is_recorded_as_unsupported(tmp_path):
    f = tmp_path / "fr.txt"
    f.write_text("Les forces gouvernementales ont repris la ville de Khan Cheikhoun mardi après le retrait des "
                 "rebelles, selon des militants locaux et un observatoire de la guerre.")
    proc = warwire("extract", f)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["article"]["status"] == "unsupported_language"
    assert doc["article"]["language"] == "fr"
    assert doc["events"] == []


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://10.0.0.1/report", "http://localhost:8000/"])
def test_private_urls_are_refused(url):
    assert_one_line_error(warwire("extract", url), "refus")


def test_unreachable_url():
    proc = warwire("extract", "http://nonexistent.invalid/article")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_usage_error_exit_code_2():
    assert warwire("extract", "--no-such-option").returncode == 2
    assert warwire("extract", SAMPLES / "kenya-mandera-attack.txt", "--published", "20-08-2019").returncode == 2


def test_help_explains_every_verb():
    out = warwire("--help").stdout
    for verb in ("extract", "ingest", "export", "summary", "places", "gazetteer", "schema"):
        assert verb in out


def test_jsonl_batch_one_document_per_line_in_order(tmp_path):
    batch = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Syrian warplanes struck Saraqib on Monday.", "published": "2019-08-20"}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "url": "http://10.1.2.3/x"}),
        json.dumps({"id": "e", "text": "Al-Shabaab fighters attacked a police station in Mandera on Sunday.",
                    "published": "2019-08-20"}),
    ]
    batch.write_text("\n".join(lines) + "\n")
    proc = warwire("extract", "--jsonl", batch)
    assert proc.returncode == 0, proc.stderr
    docs = [json.loads(l) for l in proc.stdout.splitlines()]
    assert len(docs) == 5
    assert docs[0]["article"]["id"] == "a" and docs[0]["events"][0]["sub_event_type"] == "Air/drone strike"
    assert "error" in docs[1] and "error" in docs[2] and "error" in docs[3]
    assert docs[4]["article"]["id"] == "e" and docs[4]["events"]


def test_ingest_is_idempotent_and_bad_input_writes_nothing(tmp_path):
    db = tmp_path / "w.db"
    sample = SAMPLES / "khan-sheikhoun-convoy.txt"
    first = warwire("ingest", sample, "--published", "2019-08-20", "--db", db)
    assert first.returncode == 0, first.stderr
    second = warwire("ingest", sample, "--published", "2019-08-20", "--db", db)
    assert second.returncode == 0 and "already stored" in second.stdout
    con = sqlite3.connect(db)
    n_articles, n_events = con.execute("select count(*) from articles").fetchone()[0], con.execute(
        "select count(*) from events").fetchone()[0]
    assert n_articles == 1 and n_events >= 2
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    bad = warwire("ingest", empty, "--db", db)
    assert bad.returncode == 1
    assert con.execute("select count(*) from articles").fetchone()[0] == 1
    assert con.execute("select count(*) from events").fetchone()[0] == n_events
    assert con.execute("select count(*) from ingest_errors").fetchone()[0] == 1


def test_export_acled_csv_columns(tmp_path):
    db = tmp_path / "w.db"
    assert warwire("ingest", SAMPLES / "kenya-mandera-attack.txt", "--published", "2014-12-02", "--db", db).returncode == 0
    out = tmp_path / "events.csv"
    proc = warwire("export", "--db", db, "--format", "acled-csv", "--output", out)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(out.open(newline="")))
    header = next(csv.reader(out.open(newline="")))
    assert header[:7] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                          "event_type", "sub_event_type"]
    assert header[-3:] == ["fatalities", "tags", "timestamp"] and len(header) == 31
    mandera = [r for r in rows if r["location"] == "Mandera"]
    assert mandera and mandera[0]["country"] == "Kenya" and mandera[0]["event_date"] == "2014-12-02"
    assert mandera[0]["fatalities"] == "36"


def test_country_option_codes_generic_actors_and_checks_the_code(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("Police fired tear gas at traders protesting in Migori town on Monday, injuring two.\n")
    r = warwire("extract", str(f), "--published", "2019-03-05", "--country", "ke")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert [(p["name"], p["country"]) for p in out["places"]] == [("Migori", "KE")]
    assert any(a["name"] == "Protesters (Kenya)" for a in out["actors"])
    bad = warwire("extract", str(f), "--country", "XX")
    assert bad.returncode != 0 and "--country XX" in bad.stderr


def test_places_explains_choices_for_the_countries_given():
    text = "Clashes erupt between protesters and police in Eastleigh."
    out = warwire("places", text, "--country", "KE")
    assert out.returncode == 0, out.stderr
    (line,) = [x for x in out.stdout.splitlines() if "'Eastleigh' ->" in x]
    assert "Nairobi KE" in line and "document country KE" in line and "also considered" in line
    assert warwire("places", text, "--country", "XX").returncode != 0
